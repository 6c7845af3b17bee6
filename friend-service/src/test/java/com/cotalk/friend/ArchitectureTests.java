package com.cotalk.friend;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.cotalk.friend");

	@Test
	void controllersNeverTouchRepositories() {
		noClasses().that()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository")
			.check(CLASSES);
	}

	@Test
	void onlyServicesUseRepositories() {
		classes().that()
			.haveSimpleNameEndingWith("Repository")
			.should()
			.onlyHaveDependentClassesThat(simpleNameEndingWith("Service").or(simpleNameEndingWith("Repository")))
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("com.cotalk.friend.(*)..").should().beFreeOfCycles().check(CLASSES);
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
