package io.rastermill.jobs;

import io.rastermill.core.cell.NoData;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.HillshadeParams;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.spark.layer.TileLayers;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rastermill demo}: the whole pipeline on a generated sample, in local mode. Writes a
 * deterministic synthetic DEM, runs slope and hillshade on Spark (halos read with the windows,
 * COGs written from the executors), computes the DEM's statistics as a reduction, and draws a PNG
 * quicklook of the hillshade from its smallest useful overview.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic DEM and run slope, hillshade and stats on it (COGs and a PNG quicklook).")
final class DemoCommand extends RastermillSubcommand {

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "out",
            description = "output folder (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(
            names = "--size",
            paramLabel = "N",
            defaultValue = "3000",
            description = "DEM size in cells (default: ${DEFAULT-VALUE})")
    int size;

    @Mixin
    QuietOption quiet;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        if (size < 16) {
            throw usage("--size must be at least 16, got " + size);
        }
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(dir);
        Path dem = dir.resolve("dem.tif");
        long t0 = System.nanoTime();
        new SyntheticDem(size).write(dem.toString(), 512);
        out.printf(
                Locale.ROOT,
                "demo: wrote a %dx%d float32 synthetic DEM (UTM 33N, 30 m, NoData holes) to %s in %.1f s%n",
                size,
                size,
                dem,
                (System.nanoTime() - t0) / 1e9);
        out.flush();

        Path slope = dir.resolve("slope.tif");
        Path hillshade = dir.resolve("hillshade.tif");
        LayerJob.runFocal(
                parent,
                out,
                dem.toString(),
                slope.toString(),
                "slope",
                FocalOps.slopeKernel(SlopeParams.GDALDEM.withComputeEdges(true)),
                0,
                quiet.quiet,
                output);
        LayerJob.runFocal(
                parent,
                out,
                dem.toString(),
                hillshade.toString(),
                "hillshade",
                FocalOps.hillshadeKernel(HillshadeParams.GDALDEM.withComputeEdges(true)),
                0,
                quiet.quiet,
                output);

        Statistics s = TileLayers.readGeoTiffs(
                        parent.spark().session(), List.of(dem.toString()), TileLayers.ReadOptions.defaults())
                .reduce(new CellStatistics());
        out.printf(
                Locale.ROOT,
                "stats: DEM elevation min %.1f m, max %.1f m, mean %.1f m, stddev %.1f m over %d cells"
                        + " (%d NoData)%n",
                s.min(),
                s.max(),
                s.mean(),
                s.stddev(),
                s.dataCells(),
                s.noDataCells());

        Path png = dir.resolve("hillshade.png");
        int[] wh = quicklook(hillshade, png, 1024);
        out.printf(Locale.ROOT, "quicklook: %s (%dx%d, from the hillshade COG's overviews)%n", png, wh[0], wh[1]);
        out.printf(Locale.ROOT, "demo: done; open %s, or inspect the COGs with: jobs/rastermill info %s%n", png, slope);
        out.flush();
        return 0;
    }

    /** Draws the largest level of {@code cog} that fits in {@code max} pixels as an 8-bit grey PNG. */
    static int[] quicklook(Path cog, Path png, int max) throws IOException {
        try (GeoTiffReader r = GeoTiffReader.open(cog.toString())) {
            GeoTiffInfo info = r.info();
            int level = 0;
            while (level + 1 < info.levelCount() && (r.width(level) > max || r.height(level) > max)) {
                level++;
            }
            int w = r.width(level);
            int h = r.height(level);
            Tile t = r.readBand(new GridBounds(0, 0, w - 1, h - 1), 0, level);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            byte[] pixels = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            int[] lane = t.toIntLane();
            for (int i = 0; i < lane.length; i++) {
                pixels[i] = (byte) (lane[i] == NoData.INT ? 0 : Math.max(0, Math.min(255, lane[i])));
            }
            if (!ImageIO.write(img, "png", png.toFile())) {
                throw new IOException("no PNG writer in this JVM");
            }
            return new int[] {w, h};
        }
    }
}
