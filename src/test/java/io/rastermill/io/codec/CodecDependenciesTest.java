package io.rastermill.io.codec;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The codec package is pure Java plus zstd-jni: no Spark, no other Rastermill layer. */
class CodecDependenciesTest {

    @Test
    void codecsDependOnlyOnTheJdkAndZstdJni() {
        JavaClasses codec = new ClassFileImporter()
                .withImportOption(new io.rastermill.MainClassesOnly())
                .importPackages("io.rastermill.io.codec");
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "io.rastermill.io.codec..", "com.github.luben.zstd..")
                .check(codec);
    }
}
