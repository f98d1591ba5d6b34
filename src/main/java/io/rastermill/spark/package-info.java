/**
 * The Spark layer: everything that touches {@code org.apache.spark} lives here or above (in
 * {@code io.rastermill.jobs}), never in {@code io.rastermill.core} or {@code io.rastermill.io}.
 *
 * <p>For now it holds how Rastermill starts Spark: {@link io.rastermill.spark.SparkSettings} is the
 * ordered list of settings with where each came from, {@link io.rastermill.spark.SparkDefaultsFile}
 * reads {@code conf/spark-defaults.conf}, and {@link io.rastermill.spark.RastermillSpark} builds (or
 * attaches to) the {@code SparkSession} and reports the effective configuration. Later work adds the
 * adapters that lift core kernels over RDDs of tiles; they contain no arithmetic of their own.
 *
 * <p>Thread-safety: {@code SparkSettings}, {@code SettingSource} and {@code EffectiveSetting} are
 * immutable values. {@code RastermillSpark} is meant for the single driver thread of one command run
 * and is not thread-safe.
 */
package io.rastermill.spark;
