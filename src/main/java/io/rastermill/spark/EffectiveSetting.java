package io.rastermill.spark;

/**
 * One line of the effective configuration: a setting's name, the value the running Spark uses,
 * and where it came from (a {@link SettingSource} label, or "runtime" / "existing SparkSession").
 */
public record EffectiveSetting(String name, String value, String source) {}
