package com.cotalk.testsupport;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every service keeps (conventions.md): the request path Controller -> Service
 * -> Repository, and feature packages free of cycles. Each service's
 * {@code ArchitectureTests} checks them, plus its own.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/** The service's production classes (no tests). */
	public static JavaClasses productionClasses(String basePackage) {
		return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	public static ArchRule controllersNeverTouchRepositories() {
		return noClasses().that()
			.haveSimpleNameEndingWith("Controller")
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Repository");
	}

	public static ArchRule onlyServicesUseRepositories() {
		return classes().that()
			.haveSimpleNameEndingWith("Repository")
			.should()
			.onlyHaveDependentClassesThat(simpleNameEndingWith("Service").or(simpleNameEndingWith("Repository")));
	}

	public static ArchRule featuresFreeOfCycles(String basePackage) {
		return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
	}

}
