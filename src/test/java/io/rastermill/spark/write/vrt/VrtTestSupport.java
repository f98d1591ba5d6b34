package io.rastermill.spark.write.vrt;

import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared by the VRT and HDFS tests: GDAL runs and cell comparison. */
public final class VrtTestSupport {
    private VrtTestSupport() {}

    public static boolean hasGdal() {
        try {
            return run("gdalinfo", "--version").startsWith("GDAL");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Runs a command, returns its stdout; fails with its output on a non-zero exit. */
    public static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The stored values of a tile (NoData as its stored number), row-major, as doubles. */
    public static double[] storedValues(Tile t) {
        Tile raw = t.interpretAs(t.cellType().withNoNoData());
        double[] v = new double[t.cols() * t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.cols(); c++) {
                v[r * t.cols() + c] = raw.getDouble(c, r);
            }
        }
        return v;
    }

    /** The cells of a GDAL-readable raster, via {@code gdal_translate -of ENVI} (native = little-endian here). */
    public static double[] cellsViaEnvi(Path raster, String gdalType, Path workDir) throws IOException {
        Path img = workDir.resolve("cells-" + System.nanoTime() + ".img");
        run("gdal_translate", "-q", "-of", "ENVI", raster.toString(), img.toString());
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(img)).order(ByteOrder.LITTLE_ENDIAN);
        List<Double> out = new ArrayList<>();
        while (b.hasRemaining()) {
            out.add(
                    switch (gdalType) {
                        case "Byte" -> (double) (b.get() & 0xFF);
                        case "Int16" -> (double) b.getShort();
                        case "UInt16" -> (double) (b.getShort() & 0xFFFF);
                        case "Int32" -> (double) b.getInt();
                        case "Float32" -> (double) b.getFloat();
                        case "Float64" -> b.getDouble();
                        default -> throw new IllegalArgumentException(gdalType);
                    });
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static void assertSameValues(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) {
            throw new AssertionError(what + ": " + expected.length + " cells expected, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual[i]) != 0
                    && !(Double.isNaN(expected[i]) && Double.isNaN(actual[i]))) {
                throw new AssertionError(what + ": cell " + i + " expected " + expected[i] + " got " + actual[i]);
            }
        }
    }
}
