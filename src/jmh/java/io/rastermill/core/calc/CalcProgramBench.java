package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One calc program over one 512² tile per input, as a task evaluates it: two UInt16 inputs (reflectance-like, with
 * NoData 0 cells) and a Float32 one, into Float32. The evaluator is reused from tile to tile, as in a partition.
 * NDVI is the benchmark case of the README; the others cover comparisons, where, floor division, the double lane's
 * functions and a variadic op.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CalcProgramBench {
    static final int SIZE = 512;

    @Param({"(B - A) / (B + A)", "where(A > B, A * 2 - B, B // 3)", "sqrt(abs(C)) + max(A, B, 3) ** 0.5"})
    public String expression;

    private CalcProgram.Evaluator evaluator;
    private List<Tile> inputs;

    @Setup
    public void setUp() {
        int n = SIZE * SIZE;
        int[] a = new int[n];
        int[] b = new int[n];
        double[] c = new double[n];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            boolean hole = r.nextInt(100) == 0; // 1 % NoData, as in the benchmark rasters
            a[i] = hole ? NoData.INT : 200 + r.nextInt(3000);
            b[i] = hole ? NoData.INT : 1500 + r.nextInt(5000);
            c[i] = r.nextGaussian() * 100;
        }
        CellType u16 = CellType.parse("uint16ud0");
        inputs = List.of(
                Tiles.fromIntLane(u16, SIZE, SIZE, a),
                Tiles.fromIntLane(u16, SIZE, SIZE, b),
                Tiles.fromDoubleLane(CellType.FLOAT32, SIZE, SIZE, c));
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", u16);
        types.put("B", u16);
        types.put("C", CellType.FLOAT32);
        evaluator = CalcExpression.parse(expression).compile(types).newEvaluator();
    }

    @Benchmark
    public Tile evaluate() {
        return evaluator.evaluate(inputs, CellType.FLOAT32);
    }
}
