package com.cotalk.chat;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the request path Controller -> Service -> Repository, and features apart. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.cotalk.chat");

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
			.onlyHaveDependentClassesThat(describe("services and repositories",
					(JavaClass c) -> c.getSimpleName().endsWith("Service") || c.getSimpleName().endsWith("Repository")))
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("com.cotalk.chat.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void theBuildingBlocksKnowNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..chat.member..", "..chat.read..", "..chat.activity..", "..chat.profile..",
					"..chat.relation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..chat.room..", "..chat.message..")
			.check(CLASSES);
	}

}
