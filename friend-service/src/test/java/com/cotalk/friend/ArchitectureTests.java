package com.cotalk.friend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	static final JavaClasses CLASSES = ArchitectureRules.productionClasses("com.cotalk.friend");

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
		ArchitectureRules.featuresFreeOfCycles("com.cotalk.friend").check(CLASSES);
	}

	@Test
	void profilesPresenceLocksAndEventsKnowNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..friend.profile..", "..friend.presence..", "..friend.pair..", "..friend.event..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..friend.request..", "..friend.friendship..", "..friend.block..",
					"..friend.relation..")
			.check(CLASSES);
	}

}
