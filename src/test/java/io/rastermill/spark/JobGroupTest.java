package io.rastermill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobGroupTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @Test
    void restoresTheCallersGroupDescriptionAndInterruptFlag() {
        SparkContext sc = SPARK.session().sparkContext();
        sc.setJobGroup("zeppelin|user|note|paragraph", "a paragraph", false);
        try (JobGroup g = JobGroup.enter(sc, "rastermill layer read dem", "read dem", true)) {
            assertEquals("rastermill layer read dem", sc.getLocalProperty("spark.jobGroup.id"));
            assertEquals("true", sc.getLocalProperty("spark.job.interruptOnCancel"));
            sc.setJobDescription("level 1");
            // the group's jobs really run in it
            assertEquals(3L, SPARK.session().range(3).javaRDD().count());
        }
        assertEquals("zeppelin|user|note|paragraph", sc.getLocalProperty("spark.jobGroup.id"));
        assertEquals("a paragraph", sc.getLocalProperty("spark.job.description"));
        assertEquals("false", sc.getLocalProperty("spark.job.interruptOnCancel"));
        sc.clearJobGroup();
    }

    @Test
    void withoutAnOuterGroupLeavesNone() {
        SparkContext sc = SPARK.session().sparkContext();
        sc.clearJobGroup();
        try (JobGroup g = JobGroup.enter(sc, "rastermill write", "write", true)) {
            assertEquals("rastermill write", g.id());
        }
        assertNull(sc.getLocalProperty("spark.jobGroup.id"));
        assertNull(sc.getLocalProperty("spark.job.description"));
    }
}
