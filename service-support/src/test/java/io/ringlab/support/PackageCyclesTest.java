package io.ringlab.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Every package of this module is a slice; no slice may depend on itself through others. */
@AnalyzeClasses(packages = "io.ringlab.support", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("io.ringlab.(**)").should().beFreeOfCycles();
}
