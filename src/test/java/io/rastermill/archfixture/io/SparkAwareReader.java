package io.rastermill.archfixture.io;

import io.rastermill.archfixture.spark.JobAwareAdapter;
import org.apache.spark.SparkConf;

/** Breaks "no Spark in core or io" and "io sits below spark and jobs". */
public final class SparkAwareReader {
    public SparkConf conf;
    public JobAwareAdapter adapter;
}
