/**
 * Test fixture for {@code LayeringArchTest}: a miniature core/io/spark/jobs tree in which every layering
 * rule is broken once (core uses io, io uses Spark and the spark layer, spark uses jobs). Never used at
 * run time. Thread-safety: not applicable (no behaviour).
 */
package io.rastermill.archfixture;
