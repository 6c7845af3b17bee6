package com.cotalk.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.cotalk.testsupport.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	static final JavaClasses CLASSES = ArchitectureRules.productionClasses("com.cotalk.notification");

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
		ArchitectureRules.featuresFreeOfCycles("com.cotalk.notification").check(CLASSES);
	}

	@Test
	void streamsLiveDeliveryAndDirectoriesKnowNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..notification.stream..", "..notification.live..", "..notification.directory..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.inbox..", "..notification.friend..", "..notification.room..",
					"..notification.mention..", "..notification.device..", "..notification.feed..")
			.check(CLASSES);
	}

}
