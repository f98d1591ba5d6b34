package io.rastermill.spark.temporal;

import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import io.rastermill.spark.layerstore.SpaceTimeLayer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Dated scenes on one grid as a {@link SpaceTimeLayer} (one band) or one per band ({@link #readBands}): each scene is tiled on its own grid (a floating
 * layout, as {@code layer write} does) and keyed by its instant. Scenes on other grids are refused: warp them first.
 */
public final class SceneSeries {
    private SceneSeries() {}

    /**
     * The GeoTIFFs {@code pathsOrGlobs} name, dated by {@code dating}, kept if taken in {@code [from, until)} (either
     * bound may be null).
     *
     * @throws IllegalArgumentException naming the file without a date, with several bands, or on another grid than the
     *                                  first scene
     */
    public static SpaceTimeLayer read(
            SparkSession spark,
            List<String> pathsOrGlobs,
            SceneDating dating,
            Instant from,
            Instant until,
            int tileSize)
            throws IOException {
        return read(spark, pathsOrGlobs, dating, from, until, tileSize, -1);
    }

    /**
     * Band {@code band} (0-based) of every scene, as {@link #read(SparkSession, List, SceneDating, Instant, Instant, int)}
     * reads single-band scenes: e.g. the values and the QA band of multi-band scenes as two layers of the same keys.
     *
     * @param band the band, or -1 for single-band scenes only
     * @throws IllegalArgumentException naming the file without a date, without that band (with several bands if
     *                                  {@code band} is -1), or on another grid than the first scene
     */
    public static SpaceTimeLayer read(
            SparkSession spark,
            List<String> pathsOrGlobs,
            SceneDating dating,
            Instant from,
            Instant until,
            int tileSize,
            int band)
            throws IOException {
        return readBands(spark, pathsOrGlobs, dating, from, until, tileSize, band)
                .get(0);
    }

    /**
     * Every band of the scenes, one space-time layer per band (band 1 first), of the same keys: what
     * {@code MultibandSpaceTimeLayer.of} zips into a multiband layer.
     *
     * @throws IllegalArgumentException naming the file without a date, with another band count than the first scene,
     *                                  or on another grid than the first scene
     */
    public static List<SpaceTimeLayer> readBands(
            SparkSession spark,
            List<String> pathsOrGlobs,
            SceneDating dating,
            Instant from,
            Instant until,
            int tileSize)
            throws IOException {
        return readBands(spark, pathsOrGlobs, dating, from, until, tileSize, ALL_BANDS);
    }

    /** {@link #readBands}'s band: every band of the scenes, which must all have as many as the first. */
    private static final int ALL_BANDS = -2;

    private static List<SpaceTimeLayer> readBands(
            SparkSession spark,
            List<String> pathsOrGlobs,
            SceneDating dating,
            Instant from,
            Instant until,
            int tileSize,
            int band)
            throws IOException {
        Composite series = Composite.open(spark, pathsOrGlobs, dating, null);
        if (from != null || until != null) {
            series = series.between(from, until);
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Long> instants = new ArrayList<>();
        List<List<TileLayer>> scenes = new ArrayList<>(); // [band][scene]
        LayoutDefinition first = null;
        int firstBands = -1;
        for (Scene s : series.scenes()) {
            Instant t = s.time()
                    .orElseThrow(() -> new IllegalArgumentException(s.uri() + ": no date (no TIFFTAG_DATETIME,"
                            + " none in the name); give --dates or --date-pattern"));
            int bands;
            try (GeoTiffReader r = GeoTiffReader.open(s.uri(), conf)) {
                bands = r.info().bandCount();
            }
            if (band == -1 && bands != 1) {
                throw new IllegalArgumentException(s.uri() + ": " + bands
                        + " bands; without a band only single-band scenes are read (choose one, or readBands for all)");
            }
            if (band >= bands) {
                throw new IllegalArgumentException(s.uri() + ": no band " + (band + 1) + "; it has " + bands);
            }
            if (firstBands < 0) {
                firstBands = bands;
            } else if (band == ALL_BANDS && bands != firstBands) {
                throw new IllegalArgumentException(s.uri() + ": " + bands + " bands; the first scene ("
                        + series.scenes().get(0).uri() + ") has " + firstBands);
            }
            int[] wanted = band == ALL_BANDS ? range(bands) : new int[] {Math.max(band, 0)};
            LayoutDefinition layout = null;
            for (int i = 0; i < wanted.length; i++) {
                TileLayer scene = TileLayers.readGeoTiffs(
                        spark,
                        List.of(s.uri()),
                        TileLayers.ReadOptions.defaults().withTileSize(tileSize).withBand(wanted[i]));
                layout = scene.metadata().layout();
                if (scenes.size() <= i) {
                    scenes.add(new ArrayList<>());
                }
                scenes.get(i).add(scene);
            }
            if (first == null) {
                first = layout;
            } else if (!layout.equals(first)) {
                throw new IllegalArgumentException(s.uri() + ": its grid (layout " + layout
                        + ") is not the first scene's ("
                        + series.scenes().get(0).uri() + ", " + first + "); warp the scenes onto one grid first");
            }
            instants.add(t.toEpochMilli());
        }
        List<SpaceTimeLayer> out = new ArrayList<>();
        for (List<TileLayer> bandScenes : scenes) {
            out.add(SpaceTimeLayer.of(instants, bandScenes));
        }
        if (out.isEmpty()) {
            out.add(SpaceTimeLayer.of(instants, List.of())); // no scene: the same error as before
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
