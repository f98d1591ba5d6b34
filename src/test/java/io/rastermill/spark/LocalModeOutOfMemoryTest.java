package io.rastermill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import scala.Tuple2;

/**
 * In local mode an {@link OutOfMemoryError} in Spark's own task code (here: a shuffle's map-side combine) fails
 * the job instead of exiting the JVM with code 52. Without the setting this test's JVM would exit, which Surefire
 * reports as a crashed fork.
 */
class LocalModeOutOfMemoryTest {
    @RegisterExtension
    static final LocalSparkSession SPARK = new LocalSparkSession();

    @Test
    void anOutOfMemoryErrorInAShuffleFailsTheJobNotTheJvm() {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SPARK.session().sparkContext());
        List<Tuple2<Integer, Integer>> pairs = List.of(new Tuple2<>(1, 1), new Tuple2<>(1, 2), new Tuple2<>(2, 3));
        SparkException e = assertThrows(
                SparkException.class,
                () -> sc.parallelizePairs(pairs, 1)
                        .reduceByKey((a, b) -> {
                            throw new OutOfMemoryError("Java heap space");
                        })
                        .collect());
        assertTrue(e.getMessage().contains("java.lang.OutOfMemoryError: Java heap space"), e.getMessage());
        // the session survives and runs the next job
        assertEquals(
                6,
                sc.parallelizePairs(pairs, 2).reduceByKey(Integer::sum).values().reduce(Integer::sum));
    }

    @Test
    void aSubmittedLocalMasterGetsTheSameSettingAClusterMasterDoesNot() {
        Properties local = new Properties();
        local.setProperty("spark.master", "local[2]");
        assertEquals(
                "0",
                RastermillSpark.withSubmittedProperties(SparkSettings.empty(), local)
                        .get(RastermillSpark.KILL_ON_FATAL_ERROR_DEPTH)
                        .orElseThrow()
                        .value());
        local.setProperty(RastermillSpark.KILL_ON_FATAL_ERROR_DEPTH, "3");
        assertEquals(
                "3",
                RastermillSpark.withSubmittedProperties(SparkSettings.empty(), local)
                        .get(RastermillSpark.KILL_ON_FATAL_ERROR_DEPTH)
                        .orElseThrow()
                        .value());
        Properties cluster = new Properties();
        cluster.setProperty("spark.master", "spark://host:7077");
        assertTrue(RastermillSpark.withSubmittedProperties(SparkSettings.empty(), cluster)
                .get(RastermillSpark.KILL_ON_FATAL_ERROR_DEPTH)
                .isEmpty());
    }
}
