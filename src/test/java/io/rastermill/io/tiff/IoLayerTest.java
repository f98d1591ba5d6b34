package io.rastermill.io.tiff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The io.bytes and io.tiff packages stay below Spark and do not reach up into spark or jobs. */
class IoLayerTest {

    @Test
    void bytesAndTiffDoNotDependOnSparkOrUpperLayers() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rastermill.io.bytes", "io.rastermill.io.tiff");
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "io.rastermill.spark..", "io.rastermill.jobs..")
                .check(classes);
    }
}
