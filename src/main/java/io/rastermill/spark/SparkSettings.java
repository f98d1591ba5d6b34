package io.rastermill.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * An immutable, ordered set of Spark settings, each with the {@link SettingSource} it came from.
 * Adding a key that is already present replaces its value and source but keeps its position, so the
 * order is "first mentioned" and the value is "last one wins".
 */
public final class SparkSettings {

    /** One setting: its value and where it came from. */
    public record Setting(String value, SettingSource source) {
        public Setting {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    private static final SparkSettings EMPTY = new SparkSettings(Map.of());

    private final Map<String, Setting> settings;

    private SparkSettings(Map<String, Setting> settings) {
        this.settings = settings;
    }

    /** No settings. */
    public static SparkSettings empty() {
        return EMPTY;
    }

    /** These settings with {@code key} set to {@code value}, overriding any earlier value. */
    public SparkSettings with(String key, String value, SettingSource source) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a Spark setting needs a non-empty key");
        }
        Map<String, Setting> copy = new LinkedHashMap<>(settings);
        copy.put(key, new Setting(value, source));
        return new SparkSettings(Collections.unmodifiableMap(copy));
    }

    /** These settings with every entry of {@code values} added, in iteration order, from one source. */
    public SparkSettings withAll(Map<String, String> values, SettingSource source) {
        SparkSettings result = this;
        for (Map.Entry<String, String> e : values.entrySet()) {
            result = result.with(e.getKey(), e.getValue(), source);
        }
        return result;
    }

    /** The setting for {@code key}, if any. */
    /**
     * Hadoop's configuration as Spark builds it from these settings: the defaults and {@code core-site.xml} from the
     * class path, then every {@code spark.hadoop.<key>} as {@code <key>} (S3A's endpoint and credentials, say). For
     * what a command does on the driver before or without Spark (headers, catalog listings).
     */
    public Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        asMap().forEach((key, setting) -> {
            if (key.startsWith(HADOOP_PREFIX) && key.length() > HADOOP_PREFIX.length()) {
                conf.set(key.substring(HADOOP_PREFIX.length()), setting.value());
            }
        });
        return conf;
    }

    private static final String HADOOP_PREFIX = "spark.hadoop.";

    public Optional<Setting> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** All settings in order; unmodifiable. */
    public Map<String, Setting> asMap() {
        return settings;
    }

    @Override
    public String toString() {
        return "SparkSettings" + settings;
    }
}
