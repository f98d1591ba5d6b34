package io.rastermill.spark.write;

import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import org.apache.spark.sql.SparkSession;

/** A small local session for writer tests, with Rastermill's defaults (Kryo and its registrator). */
final class WriteSpark {
    private WriteSpark() {
    }

    /** {@code master}: e.g. {@code local[2]}, or {@code local[2,4]} to let Spark retry failed tasks. */
    static SparkSession start(String master) {
        return new RastermillSpark(RastermillSpark.localDefaults()
                .with("spark.master", master, SettingSource.COMMAND_LINE)
                .with("spark.sql.shuffle.partitions", "4", SettingSource.COMMAND_LINE)
                .with("spark.kryo.registrationRequired", "false", SettingSource.COMMAND_LINE)).session();
    }
}
