package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.local.Arithmetic;
import io.rastermill.core.local.Bitwise;
import io.rastermill.core.local.Comparison;
import io.rastermill.core.local.Conditional;
import io.rastermill.core.local.Conversion;
import io.rastermill.core.local.Logical;
import io.rastermill.core.local.Masking;
import io.rastermill.core.local.MathFunctions;
import io.rastermill.core.local.MinMax;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled expression: a straight-line list of whole-lane steps over numbered int and double slots.
 * Each step runs one primitive kernel of {@code io.rastermill.core.local} over every cell of the
 * tile, so the per-cell work is a tight loop with no dispatch, boxing or allocation.
 *
 * <p>Immutable, serializable (ship it in a Spark closure) and thread-safe; an {@link Evaluator}
 * holds the lane buffers and is for one thread (one per Spark partition).
 */
public final class CalcProgram implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Code {
        I2D, D2I, TRUTH_D, ARITH_I, ARITH_D, NEG_I, NEG_D, ABS_I, ABS_D, CMP_I, CMP_D, LOGIC_I, NOT_I, BIT_I,
        BITNOT_I, MINMAX_I, MINMAX_D, MATH_D, ATAN2_D, WHERE_I, WHERE_D, ISNODATA_I, ISNODATA_D, ND_D, DIV_ID
    }

    /** One step: {@code dst = code/op(a, b, c)}; slots index the lane that the code implies. */
    record Step(Code code, int op, int dst, int a, int b, int c) implements Serializable {
    }

    private static final Arithmetic.Op[] ARITH = Arithmetic.Op.values();
    private static final Comparison.Op[] CMP = Comparison.Op.values();
    private static final Logical.Op[] LOGIC = Logical.Op.values();
    private static final Bitwise.Op[] BIT = Bitwise.Op.values();
    private static final MinMax.Op[] MINMAX = MinMax.Op.values();
    private static final MathFunctions.Fn[] MATH = MathFunctions.Fn.values();

    private final String expression;
    private final List<String> inputNames;
    private final List<CalcType> inputTypes;
    private final int[] inputSlots;
    private final Step[] steps;
    private final int intSlots;
    private final int doubleSlots;
    private final int[] intConstSlots;
    private final int[] intConstValues;
    private final int[] doubleConstSlots;
    private final double[] doubleConstValues;
    private final CalcType resultType;
    private final int resultSlot;

    CalcProgram(String expression, List<String> inputNames, List<CalcType> inputTypes, int[] inputSlots,
                List<Step> steps, int intSlots, int doubleSlots, int[] intConstSlots, int[] intConstValues,
                int[] doubleConstSlots, double[] doubleConstValues, CalcType resultType, int resultSlot) {
        this.expression = expression;
        this.inputNames = List.copyOf(inputNames);
        this.inputTypes = List.copyOf(inputTypes);
        this.inputSlots = inputSlots.clone();
        this.steps = steps.toArray(new Step[0]);
        this.intSlots = intSlots;
        this.doubleSlots = doubleSlots;
        this.intConstSlots = intConstSlots;
        this.intConstValues = intConstValues;
        this.doubleConstSlots = doubleConstSlots;
        this.doubleConstValues = doubleConstValues;
        this.resultType = resultType;
        this.resultSlot = resultSlot;
    }

    public String expression() {
        return expression;
    }

    /** The inputs, in the order {@link Evaluator#evaluate} takes their tiles. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Whether the expression reads input {@code i} (unused inputs need no tile computation). */
    public boolean uses(int i) {
        return inputSlots[i] >= 0;
    }

    public CalcType resultType() {
        return resultType;
    }

    /** {@link CalcType#defaultCellType()} of the result type. */
    public CellType defaultCellType() {
        return resultType.defaultCellType();
    }

    /** Number of whole-lane steps per tile (a measure of the work). */
    public int stepCount() {
        return steps.length;
    }

    /** A new evaluator, holding lane buffers reused from tile to tile; use one per thread. */
    public Evaluator newEvaluator() {
        return new Evaluator();
    }

    /** Evaluates one set of tiles with a fresh evaluator (convenient; an evaluator reuses buffers). */
    public Tile evaluate(List<Tile> inputs, CellType resultCellType) {
        return new Evaluator().evaluate(inputs, resultCellType);
    }

    /** Lane buffers for one thread. */
    public final class Evaluator {
        private int n = -1;
        private int[][] ints;
        private double[][] doubles;

        private Evaluator() {
        }

        private void allocate(int size) {
            n = size;
            ints = new int[intSlots][size];
            doubles = new double[doubleSlots][size];
            for (int i = 0; i < intConstSlots.length; i++) {
                Arrays.fill(ints[intConstSlots[i]], intConstValues[i]);
            }
            for (int i = 0; i < doubleConstSlots.length; i++) {
                Arrays.fill(doubles[doubleConstSlots[i]], doubleConstValues[i]);
            }
        }

        /**
         * The expression over {@code inputs} (one tile per {@link #inputNames() input}, in order, all
         * of one size), stored as {@code resultCellType} by its conversion rules.
         *
         * @throws IllegalArgumentException naming the input whose tile has the wrong size or lane
         */
        public Tile evaluate(List<Tile> inputs, CellType resultCellType) {
            if (inputs.size() != inputNames.size()) {
                throw new IllegalArgumentException("calc \"" + expression + "\" takes " + inputNames.size()
                        + " input tiles (" + String.join(", ", inputNames) + "), got " + inputs.size());
            }
            int cols = -1;
            int rows = -1;
            for (int i = 0; i < inputs.size(); i++) {
                if (!uses(i)) {
                    continue;
                }
                Tile t = inputs.get(i);
                if (cols < 0) {
                    cols = t.cols();
                    rows = t.rows();
                } else if (t.cols() != cols || t.rows() != rows) {
                    throw new IllegalArgumentException("calc: input " + inputNames.get(i) + " is a " + t.cols() + "x"
                            + t.rows() + " tile, the others " + cols + "x" + rows);
                }
                if (CalcType.of(t.cellType()) != inputTypes.get(i)) {
                    throw new IllegalArgumentException("calc: input " + inputNames.get(i) + " was compiled as "
                            + inputTypes.get(i) + " but its tile is " + t.cellType().name());
                }
            }
            if (cols < 0) {
                throw new IllegalArgumentException("calc \"" + expression
                        + "\" uses no input, so the tile size is unknown; use at least one input");
            }
            int size = cols * rows;
            if (size != n) {
                allocate(size);
            }
            for (int i = 0; i < inputs.size(); i++) {
                if (!uses(i)) {
                    continue;
                }
                if (inputTypes.get(i).intLane()) {
                    inputs.get(i).readInts(ints[inputSlots[i]]);
                } else {
                    inputs.get(i).readDoubles(doubles[inputSlots[i]]);
                }
            }
            run(size);
            return resultType.intLane()
                    ? ArrayTile.fromIntLane(resultCellType, cols, rows, ints[resultSlot])
                    : ArrayTile.fromDoubleLane(resultCellType, cols, rows, doubles[resultSlot]);
        }

        private void run(int m) {
            int[][] I = ints;
            double[][] D = doubles;
            for (Step s : steps) {
                switch (s.code()) {
                    case I2D -> Conversion.toDoubleLane(I[s.a()], D[s.dst()], m);
                    case D2I -> Conversion.toIntLane(D[s.a()], I[s.dst()], m);
                    case TRUTH_D -> Logical.truth(D[s.a()], I[s.dst()], m);
                    case ARITH_I -> Arithmetic.apply(ARITH[s.op()], I[s.a()], I[s.b()], I[s.dst()], m);
                    case ARITH_D -> Arithmetic.apply(ARITH[s.op()], D[s.a()], D[s.b()], D[s.dst()], m);
                    case NEG_I -> Arithmetic.negate(I[s.a()], I[s.dst()], m);
                    case NEG_D -> Arithmetic.negate(D[s.a()], D[s.dst()], m);
                    case ABS_I -> Arithmetic.abs(I[s.a()], I[s.dst()], m);
                    case ABS_D -> Arithmetic.abs(D[s.a()], D[s.dst()], m);
                    case CMP_I -> Comparison.apply(CMP[s.op()], I[s.a()], I[s.b()], I[s.dst()], m);
                    case CMP_D -> Comparison.apply(CMP[s.op()], D[s.a()], D[s.b()], I[s.dst()], m);
                    case LOGIC_I -> Logical.apply(LOGIC[s.op()], I[s.a()], I[s.b()], I[s.dst()], m);
                    case NOT_I -> Logical.not(I[s.a()], I[s.dst()], m);
                    case BIT_I -> Bitwise.apply(BIT[s.op()], I[s.a()], I[s.b()], I[s.dst()], m);
                    case BITNOT_I -> Bitwise.not(I[s.a()], I[s.dst()], m);
                    case MINMAX_I -> MinMax.apply(MINMAX[s.op()], I[s.a()], I[s.b()], I[s.dst()], m);
                    case MINMAX_D -> MinMax.apply(MINMAX[s.op()], D[s.a()], D[s.b()], D[s.dst()], m);
                    case MATH_D -> MathFunctions.apply(MATH[s.op()], D[s.a()], D[s.dst()], m);
                    case ATAN2_D -> MathFunctions.atan2(D[s.a()], D[s.b()], D[s.dst()], m);
                    case WHERE_I -> Conditional.where(I[s.a()], I[s.b()], I[s.c()], I[s.dst()], m);
                    case WHERE_D -> Conditional.where(I[s.a()], D[s.b()], D[s.c()], D[s.dst()], m);
                    case ISNODATA_I -> Masking.isNoData(I[s.a()], I[s.dst()], m, s.op() == 1);
                    case ISNODATA_D -> Masking.isNoData(D[s.a()], I[s.dst()], m, s.op() == 1);
                    case ND_D -> Arithmetic.normalizedDifference(D[s.a()], D[s.b()], D[s.dst()], m);
                    case DIV_ID -> Arithmetic.divideToDouble(I[s.a()], I[s.b()], D[s.dst()], m);
                }
            }
        }
    }
}
