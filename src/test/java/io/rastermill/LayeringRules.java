package io.rastermill;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules of Rastermill (core → io → spark → jobs; no Spark in core or io) for a base
 * package, so the same rules run on the real classes and on a fixture that violates each of them.
 */
final class LayeringRules {

    private LayeringRules() {}

    static List<ArchRule> forBase(String base) {
        String core = base + ".core..";
        String io = base + ".io..";
        String spark = base + ".spark..";
        String jobs = base + ".jobs..";
        return List.of(
                // Only checks dependencies between our layers: it cannot see org.apache.spark, hence the
                // explicit rules below. core and io are optional because they are still empty on the cli
                // branch (their classes arrive with the core/io work); the rule is unchanged once they exist.
                layeredArchitecture()
                        .consideringOnlyDependenciesInLayers()
                        .optionalLayer("core")
                        .definedBy(core)
                        .optionalLayer("io")
                        .definedBy(io)
                        .layer("spark")
                        .definedBy(spark)
                        .layer("jobs")
                        .definedBy(jobs)
                        .whereLayer("jobs")
                        .mayNotBeAccessedByAnyLayer()
                        .whereLayer("spark")
                        .mayOnlyBeAccessedByLayers("jobs")
                        .whereLayer("io")
                        .mayOnlyBeAccessedByLayers("spark", "jobs")
                        .whereLayer("core")
                        .mayOnlyBeAccessedByLayers("io", "spark", "jobs"),
                // allowEmptyShould: core and io are still empty on this branch.
                noClasses()
                        .that()
                        .resideInAnyPackage(core, io)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("org.apache.spark..")
                        .because("core and io must run without Spark")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(core)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(io, spark, jobs)
                        .because("core depends on nothing of ours")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(io)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(spark, jobs)
                        .because("io sits below spark and jobs")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(spark)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(jobs)
                        .because("the Spark layer must not know the command line"));
    }
}
