package com.cotalk.message;

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
		.importPackages("com.cotalk.message");

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
	void featuresDoNotDependOnEachOther() {
		slices().matching("com.cotalk.message.(*)..").should().notDependOnEachOther().check(CLASSES);
	}

}
