package io.rastermill.core.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.local.LocalOps;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalcExpressionTest {
    private static final int ND = NoData.INT;
    private static final double NAN = Double.NaN;

    private static Tile ints(int... lane) {
        return Tiles.fromIntLane(CellType.INT32, lane.length, 1, lane);
    }

    private static Tile doubles(double... lane) {
        return Tiles.fromDoubleLane(CellType.FLOAT64, lane.length, 1, lane);
    }

    /** Compiles {@code expr} over inputs A, B, ... and evaluates it into its default cell type. */
    private static Tile calc(String expr, Tile... tiles) {
        Map<String, CellType> types = new LinkedHashMap<>();
        for (int i = 0; i < tiles.length; i++) {
            types.put(String.valueOf((char) ('A' + i)), tiles[i].cellType());
        }
        CalcProgram p = CalcExpression.parse(expr).compile(types);
        return p.evaluate(List.of(tiles), p.defaultCellType());
    }

    private static CalcType type(String expr, CellType a, CellType b) {
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", a);
        types.put("B", b);
        return CalcExpression.parse(expr).compile(types).resultType();
    }

    private static String syntaxError(String expr) {
        return assertThrows(CalcSyntaxException.class, () -> CalcExpression.parse(expr))
                .getMessage();
    }

    @Test
    void everyNaNOfADoubleResultIsTheCanonicalNaN() {
        // 0xfff8… is what SSE gives for an operation on two NaNs once the JIT has commuted its operands
        double negativeNaN = Double.longBitsToDouble(0xfff8000000000000L);
        Tile a = Tiles.fromDoubleLane(CellType.parse("float64raw"), 3, 1, negativeNaN, 2.0, -0.0);
        CalcProgram p = CalcExpression.parse("A * 1").compile(Map.of("A", a.cellType()));
        Tile out = p.evaluate(List.of(a), CellType.FLOAT64);
        assertEquals(0x7ff8000000000000L, Double.doubleToRawLongBits(out.getDouble(0, 0)));
        assertEquals(2.0, out.getDouble(1, 0));
        assertEquals(0x8000000000000000L, Double.doubleToRawLongBits(out.getDouble(2, 0)));
    }

    @Test
    void syntaxErrorsPointAtTheColumn() {
        assertEquals("unexpected ')' at column 8 in \"(B - A)) / 2\"", syntaxError("(B - A)) / 2"));
        assertEquals("unexpected end of expression at column 6 in \"A + (\"", syntaxError("A + ("));
        assertEquals("expected ')' but found end of expression at column 7 in \"(A + B\"", syntaxError("(A + B"));
        assertEquals("unexpected '=' (comparison is '==') at column 3 in \"A = 1\"", syntaxError("A = 1"));
        assertEquals("unexpected '$' at column 5 in \"A + $\"", syntaxError("A + $"));
        assertEquals(
                "comparisons cannot be chained (write (a < b) and (b < c)) at column 7 in \"1 < A < 3\"",
                syntaxError("1 < A < 3"));
        assertEquals("malformed number '1e+' at column 1 in \"1e+ 2\"", syntaxError("1e+ 2"));
        assertEquals("empty expression at column 1 in \"  \"", syntaxError("  "));
        assertEquals(
                "expected ',' or ')' but found 'B' in the call of max at column 10 in \"max(A, 1 B)\"",
                syntaxError("max(A, 1 B)"));
    }

    @Test
    void typeErrorsNameTheColumn() {
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.UINT16);
        types.put("B", CellType.FLOAT32);
        CalcExpression e = CalcExpression.parse("A + C");
        assertEquals(
                "unknown name 'C' (the inputs are A, B) at column 5 in \"A + C\"",
                assertThrows(CalcSyntaxException.class, () -> e.compile(types)).getMessage());
        assertEquals(
                "unknown function 'sqr' at column 1 in \"sqr(A)\"",
                assertThrows(
                                CalcSyntaxException.class,
                                () -> CalcExpression.parse("sqr(A)").compile(types))
                        .getMessage());
        assertEquals(
                "sqrt takes 1 argument, got 2 at column 1 in \"sqrt(A, B)\"",
                assertThrows(
                                CalcSyntaxException.class,
                                () -> CalcExpression.parse("sqrt(A, B)").compile(types))
                        .getMessage());
        assertEquals(
                "bitwise '&' needs integer operands, got a floating point one (convert with int(...)) at column 3 in \"A & B\"",
                assertThrows(
                                CalcSyntaxException.class,
                                () -> CalcExpression.parse("A & B").compile(types))
                        .getMessage());
        assertEquals(
                List.of("B", "A"), CalcExpression.parse("(B - A) / (B + A)").names());
    }

    @Test
    void precedenceIsPythons() {
        Tile a = ints(2);
        assertEquals(-4, calc("-2**2 + A - A", a).get(0));
        assertEquals(512, calc("A**3**2", a).get(0));
        assertEquals(14, calc("A + 3 * 4", a).get(0));
        assertEquals(20, calc("(A + 3) * 4", a).get(0));
        assertEquals(1, calc("A & 3 == 2", a).get(0), "& binds tighter than ==, as in Python");
        assertEquals(1, calc("not A > 3", a).get(0));
        assertEquals(1, calc("A > 1 and A < 3 or A == 7", a).get(0));
        assertEquals(8, calc("A << 1 + 1", a).get(0));
        assertEquals(2, calc("A | 4 ^ 4 & 4", a).get(0), "left to right would give 0");
        assertEquals(1, calc("7 - A - 4", a).get(0), "left-associative");
        assertEquals(-2, calc("-7 // A + A", a).get(0), "floor division: -7 // 2 == -4");
        assertEquals(1, calc("-7 % A + A", a).get(0), "C remainder: -7 % 2 == -1");
    }

    @Test
    void typingRules() {
        assertEquals(CalcType.INT, type("A + B * 2 - (A % 3) // 2", CellType.UINT16, CellType.INT16));
        assertEquals(CalcType.DOUBLE, type("A / B", CellType.UINT16, CellType.INT16));
        assertEquals(CalcType.DOUBLE, type("A + 0.5", CellType.UINT16, CellType.INT16));
        assertEquals(CalcType.DOUBLE, type("A + B", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.BOOL, type("A > B", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.BOOL, type("isNoData(B) or A == 0", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.INT, type("floor(A) + abs(B)", CellType.UINT16, CellType.INT8));
        assertEquals(CalcType.DOUBLE, type("sqrt(A)", CellType.UINT16, CellType.INT8));
        assertEquals(CalcType.INT, type("int(B)", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.INT, type("where(A > 1, A, nodata)", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.DOUBLE, type("where(A > 1, B, nodata)", CellType.UINT16, CellType.FLOAT32));
        assertEquals("uint8ud255", CalcType.BOOL.defaultCellType().name());
        assertEquals(CellType.INT32, CalcType.INT.defaultCellType());
        assertEquals(CellType.FLOAT64, CalcType.DOUBLE.defaultCellType());
    }

    @Test
    void ndviWithNoDataAndZeroSums() {
        Tile red = Tiles.fromIntLane(CellType.UINT16, 4, 1, 100, 0, 300, 50);
        Tile nir = Tiles.fromIntLane(CellType.UINT16, 4, 1, 300, 200, 100, 0);
        // uint16's NoData is 0: red[1] and nir[3] are NoData
        Tile ndvi = calc("(B - A) / (B + A)", red, nir);
        assertEquals(CellType.FLOAT64, ndvi.cellType());
        assertArrayEquals(new double[] {0.5, NAN, -0.5, NAN}, ndvi.toDoubleLane());
        assertArrayEquals(ndvi.toDoubleLane(), calc("nd(B, A)", red, nir).toDoubleLane());
        assertArrayEquals(
                new double[] {NAN}, calc("A / (B - B)", ints(1), ints(5)).toDoubleLane(), "x/0 is NoData");
        assertArrayEquals(
                new double[] {NAN, 2.5, -1.0 / 3, NAN},
                calc("A / B", ints(1, 5, -1, ND), ints(0, 2, 3, 1)).toDoubleLane(),
                "int / int is true division");
        assertArrayEquals(
                new double[] {NAN, 2.5, -1.0 / 3, NAN},
                calc("float(A) / B", ints(1, 5, -1, ND), ints(0, 2, 3, 1)).toDoubleLane(),
                "the same widened first");
    }

    @Test
    void noDataAwareFunctions() {
        Tile a = ints(1, ND, 3, 0);
        Tile b = doubles(NAN, 2, 0.5, 1);
        assertArrayEquals(new int[] {0, 1, 0, 0}, calc("isNoData(A)", a, b).toIntLane());
        assertArrayEquals(new int[] {0, 1, 1, 1}, calc("isData(B)", a, b).toIntLane());
        assertArrayEquals(
                new double[] {-1, 2, 3, 0},
                calc("where(isNoData(A), B, where(isNoData(B), -1, A))", a, b).toDoubleLane());
        assertArrayEquals(new int[] {ND, ND, 3, 0}, calc("mask(A, B)", a, b).toIntLane());
        assertArrayEquals(
                new int[] {1, ND, ND, ND}, calc("inverseMask(A, B)", a, b).toIntLane());
        assertArrayEquals(
                new int[] {1, ND, ND, 0}, calc("setNoData(A, 3)", a, b).toIntLane());
        assertArrayEquals(new int[] {1, ND, 2, 0}, calc("clamp(A, 0, 2)", a, b).toIntLane());
        assertArrayEquals(
                new double[] {NAN, NAN, 0.5, 0}, calc("min(A, B, 7)", a, b).toDoubleLane());
        assertArrayEquals(
                new int[] {ND, ND, 0, 0}, calc("A > 1 and B > 1", a, b).toIntLane());
        assertArrayEquals(new int[] {1, ND, 1, 0}, calc("where(A, 1, 0)", a, b).toIntLane());
    }

    @Test
    void theFormerFormsAreCatalogOpsUnderEverySpellingAndOneStepEach() {
        Tile a = ints(1, ND, 3, 0);
        Tile b = doubles(NAN, 2, 0.5, 1);
        assertArrayEquals(
                calc("inverseMask(A, B)", a, b).toIntLane(),
                calc("INVERSEMASK(A, B)", a, b).toIntLane());
        assertArrayEquals(
                calc("setNoData(A, 3)", a, b).toIntLane(),
                calc("setnodata(A, 3)", a, b).toIntLane());
        assertArrayEquals(
                calc("float(A)", a).toDoubleLane(), calc("double(A)", a).toDoubleLane());
        assertArrayEquals(new int[] {ND, 2, 0, 1}, calc("int(B)", a, b).toIntLane(), "truncated, NaN is NoData");
        // a mask keeps its first operand's lane (INT, never BOOL), as where(isData(m), x, nodata) did
        assertEquals(CalcType.INT, type("mask(A > 1, B)", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.DOUBLE, type("setNoData(B, A)", CellType.UINT16, CellType.FLOAT32));
        assertEquals(CalcType.INT, type("setNoData(A, 2.5)", CellType.UINT16, CellType.FLOAT32));
        // clamp was max then min, a mask a NoData test then where, setNoData == then where: now one kernel each
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.INT32);
        types.put("B", CellType.INT16);
        for (String expr : List.of("clamp(A, 0, B)", "mask(A, B)", "inverseMask(A, B)", "setNoData(A, 3)")) {
            assertEquals(1, CalcExpression.parse(expr).compile(types).stepCount(), expr);
        }
        assertEquals(0, CalcExpression.parse("int(A)").compile(types).stepCount(), "int of an INT is the operand");
        // an INT masked by a DOUBLE reads the mask's truth (two steps, as before): -3e9 is data, not NoData
        types.put("B", CellType.FLOAT64);
        assertEquals(2, CalcExpression.parse("mask(A, B)").compile(types).stepCount());
        Tile m = doubles(-3e9, NAN, 0);
        assertArrayEquals(
                new int[] {7, ND, 9}, calc("mask(A, B)", ints(7, 8, 9), m).toIntLane());
        assertArrayEquals(
                new int[] {ND, 8, ND},
                calc("inverseMask(A, B)", ints(7, 8, 9), m).toIntLane());
        assertArrayEquals(new int[] {7, ND, 9}, LocalOps.mask(ints(7, 8, 9), m).toIntLane());
    }

    @Test
    void theSameInputTwiceAndBufferReuseGiveCorrectResults() {
        Tile a = ints(3, -2, ND);
        Tile b = doubles(0.5, 4, 1);
        // many temporaries in flight, an input widened once and read again later
        Tile r = calc("(A * A + (A - 1) * (A + 1)) / (B + B) + A * B - sqrt(abs(A)) * A", a, b);
        double[] expected = new double[3];
        double[] av = {3, -2, NAN};
        double[] bv = {0.5, 4, 1};
        for (int i = 0; i < 3; i++) {
            expected[i] = (av[i] * av[i] + (av[i] - 1) * (av[i] + 1)) / (bv[i] + bv[i])
                    + av[i] * bv[i]
                    - Math.sqrt(Math.abs(av[i])) * av[i];
        }
        assertArrayEquals(expected, r.toDoubleLane(), 1e-12);
        // the evaluator reuses its buffers: a second tile must not see the first's values
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.INT32);
        CalcProgram p = CalcExpression.parse("A + 1").compile(types);
        CalcProgram.Evaluator ev = p.newEvaluator();
        assertArrayEquals(
                new int[] {2, 3},
                ev.evaluate(List.of(ints(1, 2)), CellType.INT32).toIntLane());
        assertArrayEquals(
                new int[] {11, ND},
                ev.evaluate(List.of(ints(10, ND)), CellType.INT32).toIntLane());
    }

    @Test
    void resultCellTypeAppliesNarrowingAndNoData() {
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.FLOAT32);
        CalcProgram p = CalcExpression.parse("A * 100").compile(types);
        Tile in = Tiles.fromDoubleLane(CellType.FLOAT32, 3, 1, 1.239, NAN, -0.5);
        Tile out = p.evaluate(List.of(in), CellType.userDefined(io.rastermill.core.cell.DataType.INT16, -9999));
        assertEquals("int16ud-9999", out.cellType().name());
        assertArrayEquals(new int[] {123, ND, -50}, out.toIntLane());
    }

    @Test
    void evaluationErrorsNameTheInput() {
        Map<String, CellType> types = new LinkedHashMap<>();
        types.put("A", CellType.INT32);
        types.put("B", CellType.INT32);
        CalcProgram p = CalcExpression.parse("A + B").compile(types);
        assertEquals(
                "calc: input B is a 3x1 tile, the others 2x1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> p.evaluate(List.of(ints(1, 2), ints(1, 2, 3)), CellType.INT32))
                        .getMessage());
        assertEquals(
                "calc: input B was compiled as INT but its tile is float64",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> p.evaluate(List.of(ints(1), doubles(1)), CellType.INT32))
                        .getMessage());
    }

    @Test
    void agreesWithLocalOps() {
        Tile a = ints(5, -3, ND, 0, 9);
        Tile b = ints(2, 0, 1, 0, -4);
        assertEquals(LocalOps.max(a, b), calc("max(A, B)", a, b));
        assertEquals(LocalOps.subtract(a, b), calc("A - B", a, b));
        assertEquals(LocalOps.where(LocalOps.greater(a, b), a, b), calc("where(A > B, A, B)", a, b));
        assertEquals(
                LocalOps.less(a, b).convert(CellType.INT32),
                calc("int(A < B)", a, b).convert(CellType.INT32));
    }
}
