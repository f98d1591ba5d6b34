package io.rastermill.spark.layer;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import scala.Tuple2;

/**
 * Small grey images of a layer, for a look in a notebook or a report: every {@code step}-th cell in
 * each direction (nearest neighbour, {@code step} chosen so the longer side fits {@code maxSize}
 * pixels), sampled on the executors so only the picture's cells reach the driver, then stretched
 * linearly to 0–255; NoData is transparent. {@link #htmlImg} gives the {@code <img>} element with the
 * PNG inlined as a {@code data:} URI, e.g. for Zeppelin's {@code %html} display.
 */
public final class Quicklooks {
    private Quicklooks() {}

    /** The layer in at most {@code maxSize} pixels on its longer side, stretched from the sampled cells' min to max. */
    public static BufferedImage image(TileLayer layer, int maxSize) {
        return render(sample(layer, maxSize), Double.NaN, Double.NaN);
    }

    /** The same with a fixed stretch: {@code lo} and below black, {@code hi} and above white. */
    public static BufferedImage image(TileLayer layer, int maxSize, double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("stretch needs lo < hi, got " + lo + ", " + hi);
        }
        return render(sample(layer, maxSize), lo, hi);
    }

    /** PNG bytes of an image. */
    public static byte[] png(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code <img src="data:image/png;base64,…" width=… height=…>} of {@link #image(TileLayer, int)}. */
    public static String htmlImg(TileLayer layer, int maxSize) {
        return htmlImg(image(layer, maxSize));
    }

    /** {@code <img src="data:image/png;base64,…" width=… height=…>} of an image. */
    public static String htmlImg(RenderedImage image) {
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png(image)) + "\" width=\""
                + image.getWidth() + "\" height=\"" + image.getHeight() + "\"/>";
    }

    /** The sampled cells as one float64 tile (NaN for NoData). */
    static Tile sample(TileLayer layer, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, got " + maxSize);
        }
        RasterGrid g = layer.grid();
        long step = Math.max(1, (Math.max(g.cols(), g.rows()) + maxSize - 1) / maxSize);
        int width = (int) ((g.cols() + step - 1) / step);
        int height = (int) ((g.rows() + step - 1) / step);
        List<Tuple2<SpatialKey, Tile>> parts = layer.innerTiles()
                .filter(kv -> firstSample(g.x0(kv._1()), step)
                                < g.x0(kv._1()) + kv._2().cols()
                        && firstSample(g.y0(kv._1()), step)
                                < g.y0(kv._1()) + kv._2().rows())
                .mapToPair(kv -> new Tuple2<>(kv._1(), decimate(kv._2(), g.x0(kv._1()), g.y0(kv._1()), step)))
                .collect();
        double[] lane = new double[width * height];
        Arrays.fill(lane, Double.NaN);
        for (Tuple2<SpatialKey, Tile> kv : parts) {
            int sx0 = (int) (firstSample(g.x0(kv._1()), step) / step);
            int sy0 = (int) (firstSample(g.y0(kv._1()), step) / step);
            Tile s = kv._2();
            double[] src = s.toDoubleLane();
            for (int r = 0; r < s.rows(); r++) {
                System.arraycopy(src, r * s.cols(), lane, (sy0 + r) * width + sx0, s.cols());
            }
        }
        return ArrayTile.fromDoubleLane(CellType.FLOAT64, width, height, lane);
    }

    /** The first multiple of {@code step} at or after {@code x0}. */
    private static long firstSample(long x0, long step) {
        return (x0 + step - 1) / step * step;
    }

    private static Tile decimate(Tile t, long x0, long y0, long step) {
        int lx0 = (int) (firstSample(x0, step) - x0);
        int ly0 = (int) (firstSample(y0, step) - y0);
        int nx = (int) ((t.cols() - lx0 + step - 1) / step);
        int ny = (int) ((t.rows() - ly0 + step - 1) / step);
        double[] src = t.toDoubleLane();
        double[] dst = new double[nx * ny];
        for (int r = 0; r < ny; r++) {
            int sr = (int) (ly0 + r * step);
            for (int c = 0; c < nx; c++) {
                dst[r * nx + c] = src[sr * t.cols() + (int) (lx0 + c * step)];
            }
        }
        return ArrayTile.fromDoubleLane(CellType.FLOAT64, nx, ny, dst);
    }

    static BufferedImage render(Tile samples, double lo, double hi) {
        double[] v = samples.toDoubleLane();
        if (Double.isNaN(lo)) {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                if (!Double.isNaN(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        double scale = hi > lo ? 255 / (hi - lo) : 0;
        BufferedImage img = new BufferedImage(samples.cols(), samples.rows(), BufferedImage.TYPE_INT_ARGB);
        int[] argb = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                argb[i] = 0; // transparent
            } else {
                int grey = (int) Math.round(Math.max(0, Math.min(255, (v[i] - lo) * scale)));
                argb[i] = 0xFF000000 | grey << 16 | grey << 8 | grey;
            }
        }
        img.setRGB(0, 0, samples.cols(), samples.rows(), argb, 0, samples.cols());
        return img;
    }
}
