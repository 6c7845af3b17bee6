package com.cotalk.auth;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	static final JavaClasses CLASSES = ArchitectureRules.productionClasses("com.cotalk.auth");

	@Test
	void controllersNeverTouchRepositories() {
		ArchitectureRules.controllersNeverTouchRepositories().check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		ArchitectureRules.featuresFreeOfCycles("com.cotalk.auth").check(CLASSES);
	}

}
