package io.rastermill.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SparkSettingsTest {

    @Test
    void laterSourceWinsAndFirstPositionIsKept() {
        SparkSettings s = RastermillSpark.localDefaults()
                .withAll(Map.of("spark.master", "local[4]"), SettingSource.DEFAULTS_FILE)
                .with("spark.master", "local[2]", SettingSource.COMMAND_LINE);
        assertEquals(
                new SparkSettings.Setting("local[2]", SettingSource.COMMAND_LINE),
                s.get("spark.master").orElseThrow());
        assertEquals("spark.app.name", s.asMap().keySet().iterator().next());
    }

    @Test
    void submittedPropertiesAreTheSparkSystemProperties() {
        Properties p = new Properties();
        p.setProperty("spark.master", "yarn");
        p.setProperty("java.version", "17");
        SparkSettings s = RastermillSpark.withSubmittedProperties(SparkSettings.empty(), p);
        assertEquals(List.of("spark.master"), List.copyOf(s.asMap().keySet()));
        assertEquals(
                SettingSource.SPARK_SUBMIT, s.get("spark.master").orElseThrow().source());
        assertEquals(true, RastermillSpark.runsUnderSparkSubmit(p));
    }

    @Test
    void sparkHadoopSettingsBecomeHadoopsConfigurationWithoutThePrefix() {
        SparkSettings s = SparkSettings.empty()
                .with("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000", SettingSource.COMMAND_LINE)
                .with("spark.hadoop.fs.s3a.path.style.access", "true", SettingSource.DEFAULTS_FILE)
                .with("spark.master", "local[2]", SettingSource.COMMAND_LINE);
        Configuration conf = s.hadoopConfiguration();
        assertEquals("http://127.0.0.1:9000", conf.get("fs.s3a.endpoint"));
        assertEquals("true", conf.get("fs.s3a.path.style.access"));
        assertEquals(null, conf.get("master"));
        assertEquals(null, conf.get("spark.master"));
    }
}
