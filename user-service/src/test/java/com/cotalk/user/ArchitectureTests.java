package com.cotalk.user;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	static final JavaClasses CLASSES = ArchitectureRules.productionClasses("com.cotalk.user");

	@Test
	void controllersNeverTouchRepositories() {
		ArchitectureRules.controllersNeverTouchRepositories().check(CLASSES);
	}

	@Test
	void onlyServicesUseRepositories() {
		ArchitectureRules.onlyServicesUseRepositories().check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		ArchitectureRules.featuresFreeOfCycles("com.cotalk.user").check(CLASSES);
	}

}
