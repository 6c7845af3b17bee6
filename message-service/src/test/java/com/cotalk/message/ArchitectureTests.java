package com.cotalk.message;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	static final JavaClasses CLASSES = ArchitectureRules.productionClasses("com.cotalk.message");

	@Test
	void controllersNeverTouchRepositories() {
		ArchitectureRules.controllersNeverTouchRepositories().check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		ArchitectureRules.featuresFreeOfCycles("com.cotalk.message").check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOther() {
		slices().matching("com.cotalk.message.(*)..").should().notDependOnEachOther().check(CLASSES);
	}

}
