package io.rastermill.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The law every op of the catalog must obey: its whole-lane kernels, chosen by its typing, give cell
 * by cell what a plain scalar reference ({@link #LAWS}) gives on the stored values, narrowed into the
 * result cell type; NoData follows the op's {@link LocalOp.NoDataRule}; calc computes the same cells.
 * Adding an op means adding its reference here: the catalog test fails for an op without one, without
 * a doc or with an SQL name that is not a plain identifier.
 */
class LocalOpCatalogTest {
    /** A scalar reference: NoData arguments arrive as NaN; NaN out means NoData. */
    @FunctionalInterface
    interface Law {
        double apply(double[] x);
    }

    private static final Map<String, Law> LAWS = new LinkedHashMap<>();

    private static void law(String name, Law law) {
        LAWS.put(name, law);
    }

    private static double truth(double x) {
        return x != 0 ? 1 : 0;
    }

    private static double bool(boolean b) {
        return b ? 1 : 0;
    }

    private static int i(double x) {
        return (int) x;
    }

    /** An int-lane result: Integer.MIN_VALUE is the lane's NoData. */
    private static double bits(int v) {
        return v == Integer.MIN_VALUE ? Double.NaN : v;
    }

    static {
        law("add", x -> x[0] + x[1]);
        law("subtract", x -> x[0] - x[1]);
        law("multiply", x -> x[0] * x[1]);
        // integral results truncate toward zero when narrowed: integer division
        law("divide", x -> x[1] == 0 ? Double.NaN : x[0] / x[1]);
        law("floorDivide", x -> x[1] == 0 ? Double.NaN : Math.floor(x[0] / x[1]));
        law("mod", x -> x[1] == 0 ? Double.NaN : x[0] % x[1]);
        law("pow", x -> Math.pow(x[0], x[1]));
        law("trueDivide", x -> x[1] == 0 ? Double.NaN : x[0] / x[1]);
        law("floatPower", x -> Math.pow(x[0], x[1]));
        law("negate", x -> -x[0]);
        law("abs", x -> Math.abs(x[0]));
        law("normalizedDifference", x -> x[0] + x[1] == 0 ? Double.NaN : (x[0] - x[1]) / (x[0] + x[1]));
        law("equal", x -> bool(x[0] == x[1]));
        law("notEqual", x -> bool(x[0] != x[1]));
        law("less", x -> bool(x[0] < x[1]));
        law("lessOrEqual", x -> bool(x[0] <= x[1]));
        law("greater", x -> bool(x[0] > x[1]));
        law("greaterOrEqual", x -> bool(x[0] >= x[1]));
        law("and", x -> bool(truth(x[0]) == 1 && truth(x[1]) == 1));
        law("or", x -> bool(truth(x[0]) == 1 || truth(x[1]) == 1));
        law("xor", x -> bool(truth(x[0]) != truth(x[1])));
        law("not", x -> 1 - truth(x[0]));
        law("bitAnd", x -> bits(i(x[0]) & i(x[1])));
        law("bitOr", x -> bits(i(x[0]) | i(x[1])));
        law("bitXor", x -> bits(i(x[0]) ^ i(x[1])));
        law("shiftLeft", x -> bits(i(x[0]) << i(x[1])));
        law("shiftRight", x -> bits(i(x[0]) >> i(x[1])));
        law("bitNot", x -> bits(~i(x[0])));
        law("min", x -> Math.min(x[0], x[1]));
        law("max", x -> Math.max(x[0], x[1]));
        law("sqrt", x -> Math.sqrt(x[0]));
        law("exp", x -> Math.exp(x[0]));
        law("log", x -> Math.log(x[0]));
        law("log10", x -> Math.log10(x[0]));
        law("sin", x -> Math.sin(x[0]));
        law("cos", x -> Math.cos(x[0]));
        law("tan", x -> Math.tan(x[0]));
        law("asin", x -> Math.asin(x[0]));
        law("acos", x -> Math.acos(x[0]));
        law("atan", x -> Math.atan(x[0]));
        law("floor", x -> Math.floor(x[0]));
        law("ceil", x -> Math.ceil(x[0]));
        law("round", x -> Math.rint(x[0]));
        law("atan2", x -> Math.atan2(x[0], x[1]));
        law(
                "hypot",
                x -> Math.sqrt(x[0] * x[0] + x[1] * x[1])); // exact for the small whole and quarter values used here
        law("sign", x -> Math.signum(x[0]));
        law("where", x -> Double.isNaN(x[0]) ? Double.NaN : (x[0] != 0 ? x[1] : x[2]));
        law("isNoData", x -> bool(Double.isNaN(x[0])));
        law("isData", x -> bool(!Double.isNaN(x[0])));
        law("clamp", x -> Math.min(Math.max(x[0], x[1]), x[2]));
        law("mask", x -> Double.isNaN(x[1]) ? Double.NaN : x[0]);
        law("inverseMask", x -> Double.isNaN(x[1]) ? x[0] : Double.NaN);
        law("setNoData", x -> x[0] == x[1] ? Double.NaN : x[0]);
        law("int", x -> i(x[0]));
        law("float", x -> x[0]);
    }

    /** Types with NoData of every storage: the lane each op runs in and the narrowing both vary with them. */
    private static final List<CellType> TYPES = List.of(
            CellType.INT32,
            CellType.parse("int16ud-9999"),
            CellType.parse("uint8ud255"),
            CellType.FLOAT32,
            CellType.FLOAT64);

    private static final int COLS = 7;
    private static final int ROWS = 6;

    @Test
    void everyOpHasADocAnSqlNameAndALaw() {
        List<String> missing = new ArrayList<>();
        for (LocalOp op : LocalOps.all()) {
            assertFalse(op.doc() == null || op.doc().isBlank(), op.name() + " has no doc");
            assertTrue(op.sqlName().matches("rm_[a-z][a-z0-9_]*"), op.name() + "'s SQL name " + op.sqlName());
            assertEquals(op, LocalOps.op(op.name()), "found by its name");
            if (!LAWS.containsKey(op.name())) {
                missing.add(op.name());
            }
        }
        assertTrue(missing.isEmpty(), "ops without a law in LocalOpCatalogTest.LAWS: " + missing);
        TreeSet<String> stale = new TreeSet<>(LAWS.keySet());
        LocalOps.all().forEach(op -> stale.remove(op.name()));
        assertTrue(stale.isEmpty(), "laws of ops that are not in the catalog: " + stale);
    }

    @Test
    void theCatalogHoldsEveryDeclaredOpOnceAndResolvesSymbols() {
        assertEquals(
                LocalOps.all().size(),
                LocalOps.all().stream().map(LocalOp::name).distinct().count());
        assertEquals(Arithmetic.SUBTRACT, LocalOps.bySymbol("-", 2).orElseThrow());
        assertEquals(Arithmetic.NEGATE, LocalOps.bySymbol("-", 1).orElseThrow());
        assertEquals(Arithmetic.NORMALIZED_DIFFERENCE, LocalOps.op("ND"));
        assertEquals("rm_floor_divide", Arithmetic.FLOOR_DIVIDE.sqlName());
    }

    @Test
    void hypotByHand() {
        Tile a = ArrayTile.fromIntLane(CellType.INT16, 4, 1, new int[] {3, -5, 0, Integer.MIN_VALUE});
        Tile b = ArrayTile.fromDoubleLane(CellType.FLOAT32, 4, 1, new double[] {4, 12, Double.POSITIVE_INFINITY, 1});
        Tile h = LocalOps.apply("hypot", a, b);
        assertEquals(CellType.FLOAT32, h.cellType());
        assertEquals(
                List.of(5.0, 13.0, Double.POSITIVE_INFINITY, Double.NaN),
                List.of(h.getDouble(0), h.getDouble(1), h.getDouble(2), h.getDouble(3)),
                "NoData in, NoData out");
    }

    @Test
    void signByHandInJavaAndCalc() {
        Tile a = ArrayTile.fromIntLane(CellType.parse("int16ud-9999"), 4, 1, new int[] {-7, 0, 5, Integer.MIN_VALUE});
        Tile s = LocalOps.op("sign").apply(a);
        assertEquals(a.cellType(), s.cellType(), "an integral tile keeps its type");
        assertEquals(List.of(-1, 0, 1, Integer.MIN_VALUE), List.of(s.get(0), s.get(1), s.get(2), s.get(3)));
        Tile f = ArrayTile.fromDoubleLane(CellType.FLOAT32, 4, 1, new double[] {-0.25, 3.5, -0.0, Double.NaN});
        Tile t = LocalOps.apply("sign", f);
        assertEquals(CellType.FLOAT32, t.cellType());
        assertEquals(
                List.of(-1.0, 1.0, -0.0, Double.NaN),
                List.of(t.getDouble(0), t.getDouble(1), t.getDouble(2), t.getDouble(3)),
                "a zero keeps its sign, NoData stays NoData");
        Map<String, CellType> inputs = new LinkedHashMap<>();
        inputs.put("A", a.cellType());
        inputs.put("B", CellType.INT32);
        CalcProgram p = CalcExpression.parse("sign(B - A) * 10").compile(inputs);
        Tile b = ArrayTile.fromIntLane(CellType.INT32, 4, 1, new int[] {-7, 3, 1, 0});
        Tile d = p.evaluate(List.of(a, b), CellType.INT16);
        assertEquals(List.of(0, 10, -10, Integer.MIN_VALUE), List.of(d.get(0), d.get(1), d.get(2), d.get(3)));
    }

    /** Stored values small enough that no int op overflows (pow saturates alike in both lanes), ~15% NoData. */
    private static Tile tile(Random r, CellType ct) {
        double[] v = new double[COLS * ROWS];
        for (int i = 0; i < v.length; i++) {
            double x = r.nextInt(19) - 9;
            if (ct.isFloatingPoint() && r.nextBoolean()) {
                x += r.nextInt(4) * 0.25;
            }
            v[i] = r.nextInt(7) == 0 ? Double.NaN : x;
        }
        return ArrayTile.fromDoubleLane(ct, COLS, ROWS, v);
    }

    @Test
    void everyOpAgreesWithItsLawOnEveryTypeCombination() {
        Random r = new Random(17);
        for (LocalOp op : LocalOps.all()) {
            Law law = LAWS.get(op.name());
            for (int trial = 0; trial < 12; trial++) {
                Tile[] args = new Tile[op.arity()];
                for (int k = 0; k < args.length; k++) {
                    args[k] = tile(r, TYPES.get(r.nextInt(TYPES.size())));
                }
                Tile actual = op.apply(args);
                String what = op.name() + signature(args);
                CellType[] types = new CellType[args.length];
                for (int k = 0; k < args.length; k++) {
                    types[k] = args[k].cellType();
                }
                assertEquals(op.resultType(types), actual.cellType(), what + " result type");
                double[] expected = new double[actual.size()];
                double[] x = new double[args.length];
                for (int c = 0; c < expected.length; c++) {
                    boolean anyNoData = false;
                    for (int k = 0; k < args.length; k++) {
                        x[k] = args[k].getDouble(c);
                        anyNoData |= Double.isNaN(x[k]);
                    }
                    expected[c] =
                            anyNoData && op.noDataRule() == LocalOp.NoDataRule.PROPAGATE ? Double.NaN : law.apply(x);
                }
                Tile want = ArrayTile.fromDoubleLane(actual.cellType(), COLS, ROWS, expected);
                for (int c = 0; c < expected.length; c++) {
                    double w = want.getDouble(c);
                    double a = actual.getDouble(c);
                    if (!(w == a || (Double.isNaN(w) && Double.isNaN(a)))) {
                        fail(what + " cell " + c + ": expected " + w + ", got " + a);
                    }
                    if (op.noDataRule() == LocalOp.NoDataRule.NEVER) {
                        assertFalse(Double.isNaN(a), what + " is never NoData");
                    }
                }
                assertSameSamples(actual, calc(op, args, actual.cellType()), what + " in calc");
            }
        }
    }

    /**
     * Same cell type and the same stored sample in every cell, except that any NaN equals any NaN: calc stores
     * the canonical NaN where an op may return NaNs whose sign depends on the JIT (see CalcProgram).
     */
    private static void assertSameSamples(Tile expected, Tile actual, String what) {
        assertEquals(expected.cellType(), actual.cellType(), what + " cell type");
        for (int c = 0; c < expected.size(); c++) {
            double e = expected.getDouble(c);
            double a = actual.getDouble(c);
            boolean same =
                    Double.isNaN(e) ? Double.isNaN(a) : Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a);
            if (!same) {
                fail(what + " cell " + c + ": expected " + e + ", got " + a);
            }
        }
    }

    private static String signature(Tile[] args) {
        StringBuilder b = new StringBuilder("(");
        for (Tile t : args) {
            b.append(b.length() > 1 ? ", " : "").append(t.cellType().name());
        }
        return b.append(')').toString();
    }

    /** The op in calc, by its symbol or by its name, evaluated into {@code cellType}; the Java result when calc refuses the types. */
    private static Tile calc(LocalOp op, Tile[] args, CellType cellType) {
        Map<String, CellType> types = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        boolean floating = false;
        for (int k = 0; k < args.length; k++) {
            names.add(String.valueOf((char) ('A' + k)));
            types.put(names.get(k), args[k].cellType());
            floating |= args[k].cellType().isFloatingPoint();
        }
        if (op.typing() == LocalOp.Typing.BITS && floating) {
            return op.apply(args); // calc refuses bitwise ops on floating point operands
        }
        String expr = op.symbol() == null
                ? op.name() + "(" + String.join(", ", names) + ")"
                : args.length == 1 ? op.symbol() + "A" : "A " + op.symbol() + " B";
        CalcProgram p = CalcExpression.parse(expr).compile(types);
        return p.evaluate(List.of(args), cellType);
    }
}
