package io.rastermill.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * Rastermill's own defaults — tile size, output compression, decoded-block cache — as Spark settings under
 * {@code spark.rastermill.*}, so they travel like any Spark setting: through spark-submit ({@code --conf},
 * properties files) to the driver, and in the {@link SparkConf} to the executors.
 *
 * <p>{@code conf/rastermill.properties} and {@code --conf} may spell them without the {@code spark.} prefix
 * ({@code rastermill.tile.size 256}); {@link #normalize} adds it. Precedence, weakest first: the built-in
 * defaults here, {@code conf/spark-defaults.conf} and {@code conf/rastermill.properties}, a job's properties
 * file ({@code --properties FILE}), the command line ({@code --conf}). {@code rastermill config} prints each
 * with its source.
 */
public final class RastermillConf {
    /** Prefix of every Rastermill setting in a Spark configuration. */
    public static final String PREFIX = "spark.rastermill.";
    /** Tile (and output block) size in pixels, a multiple of 16. */
    public static final String TILE_SIZE = PREFIX + "tile.size";
    /** Output compression: deflate, lzw, zstd, packbits or none. */
    public static final String COMPRESSION = PREFIX + "compression";
    /** Decoded-block cache per input file per task, a Spark size ({@code 96m}). */
    public static final String BLOCK_CACHE_SIZE = PREFIX + "block.cache.size";

    /** The built-in defaults, in the order {@code config} lists them. */
    public static final Map<String, String> BUILT_IN = builtIn();

    private RastermillConf() {}

    private static Map<String, String> builtIn() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TILE_SIZE, "512");
        m.put(COMPRESSION, "deflate");
        m.put(BLOCK_CACHE_SIZE, "96m");
        return Collections.unmodifiableMap(m);
    }

    /** {@code settings} with Rastermill's built-in defaults added (as {@link SettingSource#BUILT_IN}). */
    public static SparkSettings withBuiltIns(SparkSettings settings) {
        SparkSettings result = settings;
        for (Map.Entry<String, String> e : BUILT_IN.entrySet()) {
            if (result.get(e.getKey()).isEmpty()) {
                result = result.with(e.getKey(), e.getValue(), SettingSource.BUILT_IN);
            }
        }
        return result;
    }

    /** {@code rastermill.x} becomes {@code spark.rastermill.x}; every other key is returned as is. */
    public static String normalize(String key) {
        return key.startsWith("rastermill.") ? "spark." + key : key;
    }

    /** Every key normalized, order kept. */
    public static Map<String, String> normalize(Map<String, String> settings) {
        Map<String, String> result = new LinkedHashMap<>();
        settings.forEach((k, v) -> result.put(normalize(k), v));
        return result;
    }

    /**
     * Reads {@code conf/rastermill.properties} (or a job's properties file, which may also hold {@code spark.*}
     * keys): keys normalized; an unknown {@code rastermill.*} key (a typo) is an error naming the file.
     * A missing file gives no settings when {@code optional}.
     */
    public static Map<String, String> readFile(Path file, boolean optional) {
        if (optional && !Files.exists(file)) {
            return Map.of();
        }
        Map<String, String> values = normalize(SparkDefaultsFile.read(file));
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(PREFIX) && !BUILT_IN.containsKey(e.getKey())) {
                throw new IllegalArgumentException(file + ": unknown Rastermill setting '" + e.getKey() + "' (known: "
                        + String.join(", ", BUILT_IN.keySet()) + ")");
            }
            check(file + ": " + e.getKey(), e.getKey(), e.getValue());
        }
        return values;
    }

    /** Checks one value; {@code where} names it in the error. */
    public static void check(String where, String key, String value) {
        switch (key) {
            case TILE_SIZE -> {
                int n = parseInt(where, value);
                if (n < 16 || n % 16 != 0) {
                    throw new IllegalArgumentException(
                            where + ": tile size must be a positive multiple of 16, got " + value);
                }
            }
            case COMPRESSION -> {
                if (!List.of("deflate", "lzw", "zstd", "packbits", "none").contains(value.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(
                            where + ": compression must be deflate, lzw, zstd, packbits or none, got " + value);
                }
            }
            case BLOCK_CACHE_SIZE -> sizeBytes(where, value);
            default -> {}
        }
    }

    /** The tile size in {@code settings} (or the built-in default). */
    public static int tileSize(SparkSettings settings) {
        return parseInt(TILE_SIZE, value(settings, TILE_SIZE));
    }

    /** The output compression in {@code settings} (or the built-in default), lower case. */
    public static String compression(SparkSettings settings) {
        return value(settings, COMPRESSION).toLowerCase(Locale.ROOT);
    }

    /** The decoded-block cache size in bytes from a running job's configuration (or the built-in default). */
    public static long blockCacheBytes(SparkConf conf) {
        return sizeBytes(BLOCK_CACHE_SIZE, conf.get(BLOCK_CACHE_SIZE, BUILT_IN.get(BLOCK_CACHE_SIZE)));
    }

    private static String value(SparkSettings settings, String key) {
        String v = settings.get(key).map(SparkSettings.Setting::value).orElse(BUILT_IN.get(key));
        check(key, key, v);
        return v;
    }

    private static int parseInt(String where, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a whole number: '" + value + "'");
        }
    }

    private static long sizeBytes(String where, String value) {
        try {
            long bytes =
                    new SparkConf(false).set(BLOCK_CACHE_SIZE, value.strip()).getSizeAsBytes(BLOCK_CACHE_SIZE);
            if (bytes < 0) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": not a size such as 96m or 1g: '" + value + "'");
        }
    }
}
