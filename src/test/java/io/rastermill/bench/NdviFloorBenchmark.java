package io.rastermill.bench;

import com.sun.management.OperatingSystemMXBean;
import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcOutputType;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.LocalFileRangeReader;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.geotiff.GeoTiffBlockEncoder;
import io.rastermill.io.geotiff.GeoTiffInfo;
import io.rastermill.io.geotiff.GeoTiffReader;
import io.rastermill.io.geotiff.GeoTiffWriteOptions;
import io.rastermill.io.geotiff.RasterDescription;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The work of an NDVI calc without Spark, the floor under {@code calc}'s time: THREADS threads take the 512² blocks
 * of the red/NIR pair in turn, decode both windows, evaluate {@code (B - A) / (B + A)} to Float32 with the job's own
 * program and encode each block as the job does (Deflate level 1, predictor 3), keeping only the encoded length.
 * Prints per pass the wall time and each phase's thread CPU seconds (decode, evaluate, encode); pass 1 runs in a cold
 * JVM as a job's tasks do. Not a unit test; src/test/bench/ndvi-floor.sh runs it with the launcher's JVM options.
 *
 * <p>Usage: {@code NdviFloorBenchmark RED NIR [THREADS] [PASSES]}
 */
public final class NdviFloorBenchmark {
    private static final int BLOCK = 512;

    private NdviFloorBenchmark() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "JVM up to main: %.2f s%n", (System.currentTimeMillis() - jvmStart) / 1e3);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int passes = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int p = 1; p <= passes; p++) {
            try (GeoTiffReader red = GeoTiffReader.open(LocalFileRangeReader.open(Path.of(args[0])));
                    GeoTiffReader nir = GeoTiffReader.open(LocalFileRangeReader.open(Path.of(args[1])))) {
                GeoTiffInfo info = red.info();
                CalcProgram program = CalcExpression.parse("(B - A) / (B + A)")
                        .compile(Map.of("A", info.cellType(), "B", nir.info().cellType()));
                CellType resultType = CalcOutputType.resolve(program.defaultCellType(), "Float32", null);
                RasterDescription description = new RasterDescription(
                        info.width(), info.height(), 1, resultType, Optional.empty(), OptionalInt.empty(), false);
                GeoTiffWriteOptions options = GeoTiffWriteOptions.builder()
                        .blockSize(BLOCK)
                        .compression(Compression.DEFLATE, 1)
                        .predictor(3)
                        .cog(false)
                        .overviews(0)
                        .build();
                int across = (info.width() + BLOCK - 1) / BLOCK;
                int blocks = across * ((info.height() + BLOCK - 1) / BLOCK);
                AtomicInteger next = new AtomicInteger();
                long[][] nanos = new long[threads][4]; // decode, evaluate, encode CPU; encoded bytes
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long[] mine = nanos[t];
                    Thread w = new Thread(() -> {
                        CalcProgram.Evaluator ev = program.newEvaluator();
                        try (GeoTiffBlockEncoder encoder = new GeoTiffBlockEncoder(description, options)) {
                            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                                int x = (b % across) * BLOCK;
                                int y = (b / across) * BLOCK;
                                GridBounds window = new GridBounds(
                                        x,
                                        y,
                                        Math.min(info.width(), x + BLOCK) - 1,
                                        Math.min(info.height(), y + BLOCK) - 1);
                                long c0 = mx.getCurrentThreadCpuTime();
                                Tile a = red.read(window).band(0);
                                Tile nb = nir.read(window).band(0);
                                long c1 = mx.getCurrentThreadCpuTime();
                                Tile ndvi = ev.evaluate(List.of(a, nb), resultType);
                                long c2 = mx.getCurrentThreadCpuTime();
                                mine[3] += encoder.encodeInPlace(MultibandTile.of(ndvi));
                                long c3 = mx.getCurrentThreadCpuTime();
                                mine[0] += c1 - c0;
                                mine[1] += c2 - c1;
                                mine[2] += c3 - c2;
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    w.start();
                    workers.add(w);
                }
                for (Thread w : workers) {
                    w.join();
                }
                double wall = (System.nanoTime() - start) / 1e9;
                double cpu = (processCpuNanos() - cpuBefore) / 1e9;
                long[] sum = new long[4];
                for (long[] n : nanos) {
                    for (int i = 0; i < 4; i++) {
                        sum[i] += n[i];
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "pass %d, %d threads, %d blocks: wall %.2f s, process CPU %.2f s = decode %.2f + evaluate %.2f"
                                + " + encode %.2f (thread CPU) + %.2f other (JIT, GC); encoded %d MiB%n",
                        p,
                        threads,
                        blocks,
                        wall,
                        cpu,
                        sum[0] / 1e9,
                        sum[1] / 1e9,
                        sum[2] / 1e9,
                        cpu - (sum[0] + sum[1] + sum[2]) / 1e9,
                        sum[3] >> 20);
            }
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
