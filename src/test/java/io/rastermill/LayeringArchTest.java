package io.rastermill;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the layers pointing one way: core → io → spark → jobs, and no org.apache.spark in core or io.
 * The second factory runs the same rules on {@code io.rastermill.archfixture}, which breaks each rule
 * once, to show the rules really fail when violated.
 */
class LayeringArchTest {

    private static JavaClasses main;
    private static JavaClasses fixture;

    private static final ImportOption NOT_TESTS = new MainClassesOnly();
    private static final ImportOption ONLY_TESTS = location -> !NOT_TESTS.includes(location);

    @BeforeAll
    static void importClasses() {
        main = new ClassFileImporter().withImportOption(NOT_TESTS).importPackages("io.rastermill");
        fixture = new ClassFileImporter().withImportOption(ONLY_TESTS).importPackages("io.rastermill.archfixture");
    }

    @TestFactory
    Stream<DynamicTest> mainClassesFollowTheLayering() {
        return LayeringRules.forBase("io.rastermill").stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(main)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleCatchesItsViolationInTheFixture() {
        return LayeringRules.forBase("io.rastermill.archfixture").stream()
                .map(rule -> DynamicTest.dynamicTest(
                        "fails: " + rule.getDescription(),
                        () -> assertThrows(AssertionError.class, () -> check(rule))));
    }

    private static void check(ArchRule rule) {
        rule.check(fixture);
    }
}
