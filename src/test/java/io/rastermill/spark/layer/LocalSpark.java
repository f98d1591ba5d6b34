package io.rastermill.spark.layer;

import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import org.apache.spark.sql.SparkSession;

/** A small local session for layer tests, with Rastermill's defaults (Kryo and its registrator). */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start() {
        return new RastermillSpark(RastermillSpark.localDefaults()
                .with("spark.master", "local[2]", SettingSource.COMMAND_LINE)
                .with("spark.sql.shuffle.partitions", "4", SettingSource.COMMAND_LINE)
                .with("spark.kryo.registrationRequired", "false", SettingSource.COMMAND_LINE)).session();
    }
}
