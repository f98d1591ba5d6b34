package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** gdaldem's Horn slope on one 512² Float32 tile with a 1-cell halo (what a task computes per tile). */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HornSlopeBench {
    static final int SIZE = 512;

    private BufferedTile input;
    private final FocalKernel slope = FocalOps.slopeKernel(SlopeParams.GDALDEM);

    @Setup
    public void setUp() {
        int n = SIZE + 2;
        float[] cells = new float[n * n];
        SplittableRandom r = new SplittableRandom(17);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                cells[y * n + x] =
                        (float) (1000 + 300 * Math.sin(x / 90.0) * Math.cos(y / 70.0) + 0.05 * r.nextDouble());
            }
        }
        cells[100 * n + 100] = -9999f; // a NoData cell, as DEMs have
        Tile t = ArrayTile.wrap(CellType.parse("float32ud-9999"), n, n, cells);
        input = new BufferedTile(t, 1, BufferedTile.Sides.NONE, new CellSize(30, 30));
    }

    @Benchmark
    public Tile slope() {
        return slope.apply(input);
    }
}
