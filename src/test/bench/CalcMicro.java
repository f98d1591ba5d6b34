import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.*;
import java.lang.management.*;

/**
 * Run: java -cp target/classes src/test/bench/CalcMicro.java  (after mvn compile; compare two builds by their classes dirs,
 * alternating, and note the load). Thread CPU time of CalcProgram.Evaluator over in-memory 512x512 uint16/float32 tiles: ms per tile, median of 7 rounds of 100. */
public class CalcMicro {
    public static void main(String[] args) {
        Random r = new Random(42);
        int side = 512, n = side * side;
        String[] exprs = {"(B - A) / (B + A)", "where(A > B, A * 2 - B, B // 3)", "sqrt(abs(C)) + max(A, B, 3) ** 0.5", "nd(A, B) + atan2(C, 1)"};
        int[] a = new int[n], b = new int[n]; double[] c = new double[n];
        for (int i = 0; i < n; i++) { a[i] = r.nextInt(60000); b[i] = r.nextInt(60000); c[i] = r.nextGaussian() * 100; }
        Tile ta = Tiles.fromIntLane(CellType.UINT16, side, side, a);
        Tile tb = Tiles.fromIntLane(CellType.UINT16, side, side, b);
        Tile tc = Tiles.fromDoubleLane(CellType.FLOAT32, side, side, c);
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.UINT16); types.put("B", CellType.UINT16); types.put("C", CellType.FLOAT32);
        for (String e : exprs) {
            CalcProgram p = CalcExpression.parse(e).compile(types);
            CalcProgram.Evaluator ev = p.newEvaluator();
            List<Tile> in = List.of(ta, tb, tc);
            double[] rounds = new double[7];
            long sink = 0;
            for (int w = 0; w < 200; w++) sink += ev.evaluate(in, CellType.FLOAT32).size();
            for (int k = 0; k < rounds.length; k++) {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean(); long t0 = mx.getCurrentThreadCpuTime();
                for (int w = 0; w < 100; w++) sink += ev.evaluate(in, CellType.FLOAT32).size();
                rounds[k] = (mx.getCurrentThreadCpuTime() - t0) / 1e6 / 100;
            }
            Arrays.sort(rounds);
            System.out.printf("%-40s %.3f CPU-ms/tile (steps %d)%n", e, rounds[3], p.stepCount());
        }
    }
}
