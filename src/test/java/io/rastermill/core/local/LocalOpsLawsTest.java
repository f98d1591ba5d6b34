package io.rastermill.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.calc.CalcExpression;
import io.rastermill.core.calc.CalcProgram;
import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.RandomTiles;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import io.rastermill.core.tile.Tiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Laws of the local ops over seeded random tiles of every cell type (stored samples biased toward
 * NoData, sentinels, extremes and NaN): commutativity and associativity where they hold, identities,
 * NoData propagation, and for calc programs tiled == untiled.
 */
class LocalOpsLawsTest {
    private static final List<CellType> TYPES = RandomTiles.someCellTypes();
    private static final int SIDE = 9;

    /** Cells equal in the double lane, NaN equal to NaN (and -0.0 to 0.0). */
    private static void assertSameValues(Tile expected, Tile actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            double x = expected.getDouble(i);
            double y = actual.getDouble(i);
            assertTrue(x == y || (Double.isNaN(x) && Double.isNaN(y)), what + ": cell " + i + " " + x + " vs " + y);
        }
    }

    private static boolean noData(Tile t, int i) {
        if (!t.cellType().hasNoData()) {
            return false; // raw types have none (an int32raw MIN_VALUE is a value in the double lane)
        }
        // An int32 type's stored MIN_VALUE that is not its NoData is the int lane's sentinel but a value
        // in the double lane: count a cell as NoData only where both lanes agree.
        return t.cellType().isFloatingPoint()
                ? Double.isNaN(t.getDouble(i))
                : t.get(i) == NoData.INT && Double.isNaN(t.getDouble(i));
    }

    private static final Map<String, BinaryOperator<Tile>> COMMUTATIVE = new LinkedHashMap<>();
    private static final Map<String, BinaryOperator<Tile>> STRICT = new LinkedHashMap<>();

    static {
        COMMUTATIVE.put("add", LocalOps::add);
        COMMUTATIVE.put("multiply", LocalOps::multiply);
        COMMUTATIVE.put("min", LocalOps::min);
        COMMUTATIVE.put("max", LocalOps::max);
        COMMUTATIVE.put("equal", LocalOps::equal);
        COMMUTATIVE.put("notEqual", LocalOps::notEqual);
        COMMUTATIVE.put("and", LocalOps::and);
        COMMUTATIVE.put("or", LocalOps::or);
        COMMUTATIVE.put("xor", LocalOps::xor);
        COMMUTATIVE.put("bitAnd", LocalOps::bitAnd);
        COMMUTATIVE.put("bitOr", LocalOps::bitOr);
        COMMUTATIVE.put("bitXor", LocalOps::bitXor);
        STRICT.putAll(COMMUTATIVE);
        STRICT.put("subtract", LocalOps::subtract);
        STRICT.put("divide", LocalOps::divide);
        STRICT.put("floorDivide", LocalOps::floorDivide);
        STRICT.put("mod", LocalOps::mod);
        STRICT.put("pow", LocalOps::pow);
        STRICT.put("less", LocalOps::less);
        STRICT.put("greaterOrEqual", LocalOps::greaterOrEqual);
        STRICT.put("atan2", LocalOps::atan2);
    }

    @Test
    void commutativeOpsCommuteForEveryCellType() {
        RandomTiles rnd = new RandomTiles(101);
        for (CellType ct : TYPES) {
            Tile a = rnd.tile(ct, SIDE, SIDE);
            Tile b = rnd.tile(ct, SIDE, SIDE);
            for (Map.Entry<String, BinaryOperator<Tile>> op : COMMUTATIVE.entrySet()) {
                Tile ab = op.getValue().apply(a, b);
                Tile ba = op.getValue().apply(b, a);
                assertEquals(ab.cellType(), ba.cellType(), op.getKey() + " " + ct);
                assertSameValues(ab, ba, op.getKey() + " " + ct);
            }
        }
    }

    @Test
    void noDataInEitherOperandGivesNoDataForEveryStrictOp() {
        RandomTiles rnd = new RandomTiles(202);
        for (CellType ca : TYPES) {
            CellType cb = TYPES.get(rnd.random().nextInt(TYPES.size()));
            Tile a = rnd.tile(ca, SIDE, SIDE);
            Tile b = rnd.tile(cb, SIDE, SIDE);
            for (Map.Entry<String, BinaryOperator<Tile>> op : STRICT.entrySet()) {
                Tile r = op.getValue().apply(a, b);
                if (!r.cellType().hasNoData()) {
                    continue;
                }
                for (int i = 0; i < r.size(); i++) {
                    if (noData(a, i) || noData(b, i)) {
                        assertTrue(
                                noData(r, i),
                                op.getKey() + "(" + ca + ", " + cb + ") cell " + i + " = " + r.getDouble(i));
                    }
                }
            }
        }
    }

    @Test
    void minMaxAreAssociativeAndIntAdditionIsAssociativeWhileItWraps() {
        RandomTiles rnd = new RandomTiles(303);
        for (CellType ct : TYPES) {
            Tile a = rnd.tile(ct, SIDE, SIDE);
            Tile b = rnd.tile(ct, SIDE, SIDE);
            Tile c = rnd.tile(ct, SIDE, SIDE);
            assertSameValues(LocalOps.min(LocalOps.min(a, b), c), LocalOps.min(a, LocalOps.min(b, c)), "min " + ct);
            assertSameValues(LocalOps.max(LocalOps.max(a, b), c), LocalOps.max(a, LocalOps.max(b, c)), "max " + ct);
        }
        // int32 lanes wrap modulo 2^32, so + and * are associative unless an intermediate lands on the sentinel
        java.util.Random r = new java.util.Random(304);
        for (int trial = 0; trial < 20; trial++) {
            int[][] v = new int[3][64];
            for (int[] lane : v) {
                for (int i = 0; i < lane.length; i++) {
                    lane[i] = r.nextInt(10) == 0 ? NoData.INT : r.nextInt(1 << 20) - (1 << 19);
                }
            }
            Tile a = Tiles.fromIntLane(CellType.INT32, 8, 8, v[0]);
            Tile b = Tiles.fromIntLane(CellType.INT32, 8, 8, v[1]);
            Tile c = Tiles.fromIntLane(CellType.INT32, 8, 8, v[2]);
            assertEquals(LocalOps.add(LocalOps.add(a, b), c), LocalOps.add(a, LocalOps.add(b, c)));
            assertEquals(
                    LocalOps.multiply(LocalOps.multiply(a, b), c),
                    LocalOps.multiply(a, LocalOps.multiply(b, c)),
                    "products wrap past 2^31 here and stay associative");
        }
    }

    @Test
    void identities() {
        RandomTiles rnd = new RandomTiles(404);
        for (CellType ct : TYPES) {
            if (ct.equals(CellType.BOOL)) {
                continue; // a bit tile cannot hold a + 0 > 1 intermediate; covered by the int types
            }
            Tile a = rnd.tile(ct, SIDE, SIDE);
            Tile b = rnd.tile(ct, SIDE, SIDE);
            assertSameValues(a, LocalOps.add(a, 0), "a + 0 " + ct);
            assertSameValues(a, LocalOps.multiply(a, 1), "a * 1 " + ct);
            assertSameValues(
                    a, LocalOps.where(Tiles.constant(CellType.INT32, SIDE, SIDE, 1), a, b), "where(1, a, b) " + ct);
            if (!ct.equals(CellType.INT32_RAW)) { // its MIN_VALUE is a value in one lane and NoData in the other
                assertSameValues(a, LocalOps.mask(a, a), "mask(a, a) " + ct);
            }
            assertSameValues(a, LocalOps.max(a, a), "max(a, a) " + ct);
            Tile one = LocalOps.add(LocalOps.isNoData(a), LocalOps.isData(a));
            for (int i = 0; i < one.size(); i++) {
                assertEquals(1, one.get(i), "isNoData + isData " + ct);
            }
            Tile nn = LocalOps.not(LocalOps.not(a));
            Tile truth = LocalOps.notEqual(a, 0);
            assertSameValues(truth, nn, "not(not(a)) " + ct);
            Tile inv = LocalOps.inverseMask(a, a);
            assertTrue(inv.cellType().hasNoData(), "a mask's result can hold NoData " + ct);
            for (int i = 0; i < inv.size(); i++) {
                assertTrue(noData(inv, i), "inverseMask(a, a) is all NoData " + ct);
            }
        }
    }

    @Test
    void calcProgramsGiveTheSameCellsTiledAndUntiled() {
        RandomTiles rnd = new RandomTiles(505);
        String[] exprs = {
            "(B - A) / (B + A)",
            "where(isNoData(A), B * 2, A % 7 - B // 3)",
            "max(A, B, 3) ** 0.5",
            "A > B and not (B == 0) or isNoData(C)",
            "clamp(floor(A / 2.5), -100, 100) + int(C) * 0",
            "mask(sqrt(abs(C)), A) + setNoData(B, 1)",
            "nd(A, C) + atan2(B, 1) - log10(abs(A) + 1)"
        };
        for (String expr : exprs) {
            for (int trial = 0; trial < 6; trial++) {
                Map<String, CellType> types = new LinkedHashMap<>();
                Tile[] whole = new Tile[3];
                for (int i = 0; i < 3; i++) {
                    CellType ct = TYPES.get(rnd.random().nextInt(TYPES.size()));
                    types.put(String.valueOf((char) ('A' + i)), ct);
                    whole[i] = rnd.tile(ct, 13, 11);
                }
                CalcProgram p = CalcExpression.parse(expr).compile(types);
                CellType out = p.defaultCellType();
                Tile expected = p.evaluate(List.of(whole), out);
                // the same program over 4 uneven pieces with one evaluator (buffers resized and reused)
                CalcProgram.Evaluator ev = p.newEvaluator();
                TileBuilder stitched = TileBuilder.noData(out, 13, 11);
                int[][] windows = {{0, 0, 6, 4}, {7, 0, 12, 4}, {0, 5, 6, 10}, {7, 5, 12, 10}};
                for (int[] w : windows) {
                    List<Tile> pieces = List.of(
                            whole[0].crop(w[0], w[1], w[2], w[3]),
                            whole[1].crop(w[0], w[1], w[2], w[3]),
                            whole[2].crop(w[0], w[1], w[2], w[3]));
                    stitched.paste(ev.evaluate(pieces, out), w[0], w[1]);
                }
                Tile actual = stitched.build();
                assertEquals(
                        expected, actual, () -> expr + " over " + types + ": " + firstDifference(expected, actual));
            }
        }
    }

    /** The first cell whose stored sample differs, with both samples' raw bits (NaN payloads included). */
    private static String firstDifference(Tile a, Tile b) {
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                long x = Double.doubleToRawLongBits(a.getDouble(c, r));
                long y = Double.doubleToRawLongBits(b.getDouble(c, r));
                if (x != y) {
                    return String.format("first difference at (col %d, row %d): %016x vs %016x", c, r, x, y);
                }
            }
        }
        return "cells equal as doubles; the stored bytes or cell types differ";
    }

    @Test
    void calcAgreesWithLocalOpsOnEveryCellType() {
        RandomTiles rnd = new RandomTiles(606);
        for (CellType ct : TYPES) {
            Tile a = rnd.tile(ct, SIDE, SIDE);
            Tile b = rnd.tile(ct, SIDE, SIDE);
            Map<String, CellType> types = new LinkedHashMap<>();
            types.put("A", ct);
            types.put("B", ct);
            CalcProgram lt = CalcExpression.parse("A < B").compile(types);
            assertSameValues(LocalOps.less(a, b), lt.evaluate(List.of(a, b), lt.defaultCellType()), "A < B " + ct);
            CalcProgram mx = CalcExpression.parse("max(A, B)").compile(types);
            assertSameValues(
                    LocalOps.max(a, b).convert(CellType.FLOAT64),
                    mx.evaluate(List.of(a, b), CellType.FLOAT64),
                    "max " + ct);
            CalcProgram w = CalcExpression.parse("where(A, A, B)").compile(types);
            assertSameValues(
                    LocalOps.where(a, a, b).convert(CellType.FLOAT64),
                    w.evaluate(List.of(a, b), CellType.FLOAT64),
                    "where " + ct);
        }
    }
}
