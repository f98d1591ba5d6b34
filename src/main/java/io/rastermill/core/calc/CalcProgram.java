package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.local.Conversion;
import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import io.rastermill.core.local.Logical;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled expression: a straight-line list of whole-lane steps over numbered int and double slots.
 * Each step runs one whole-lane kernel of a {@link LocalOp} (named by the step, resolved once per
 * evaluator) over every cell of the tile, so the per-cell work is a tight loop with no dispatch,
 * boxing or allocation.
 *
 * <p>Immutable, serializable (ship it in a Spark closure) and thread-safe; an {@link Evaluator}
 * holds the lane buffers and is for one thread (one per Spark partition).
 */
public final class CalcProgram implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which kernel of the step's op runs, and so which lanes its slots index. */
    enum Kind {
        /** Lane conversions, no op: int to double, double to int, double to int-lane truth. */
        I2D,
        D2I,
        TRUTH_D,
        /** {@link LocalOp#ints()}: int slots in, int slot out. */
        INTS,
        /** {@link LocalOp#doubles()}: double slots in and out. */
        DOUBLES,
        /** {@link LocalOp#doublesToInt()}: double slots in, int slot out. */
        DOUBLES_TO_INT,
        /** {@link LocalOp#intsToDouble()}: int slots in, double slot out. */
        INTS_TO_DOUBLE
    }

    /** One step: {@code dst = op(args...)} by {@code kind}; {@code op} is a {@link LocalOps} name (null for conversions). */
    record Step(Kind kind, String op, int dst, int[] args) implements Serializable {
        private static final long serialVersionUID = 1L;

        boolean intIn() {
            return kind == Kind.I2D || kind == Kind.INTS || kind == Kind.INTS_TO_DOUBLE;
        }
    }

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

    CalcProgram(
            String expression,
            List<String> inputNames,
            List<CalcType> inputTypes,
            int[] inputSlots,
            List<Step> steps,
            int intSlots,
            int doubleSlots,
            int[] intConstSlots,
            int[] intConstValues,
            int[] doubleConstSlots,
            double[] doubleConstValues,
            CalcType resultType,
            int resultSlot) {
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

    /** Lane buffers for one thread, and each step's kernel and argument lanes bound once. */
    public final class Evaluator {
        private final LocalOp[] ops = new LocalOp[steps.length];
        private int n = -1;
        private int[][] ints;
        private double[][] doubles;
        private int[][][] intArgs;
        private double[][][] doubleArgs;

        private Evaluator() {
            for (int k = 0; k < steps.length; k++) {
                ops[k] = steps[k].op() == null ? null : LocalOps.op(steps[k].op());
            }
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
            intArgs = new int[steps.length][][];
            doubleArgs = new double[steps.length][][];
            for (int k = 0; k < steps.length; k++) {
                int[] a = steps[k].args();
                if (steps[k].intIn()) {
                    intArgs[k] = new int[a.length][];
                    for (int j = 0; j < a.length; j++) {
                        intArgs[k][j] = ints[a[j]];
                    }
                } else {
                    doubleArgs[k] = new double[a.length][];
                    for (int j = 0; j < a.length; j++) {
                        doubleArgs[k][j] = doubles[a[j]];
                    }
                }
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
                    throw new IllegalArgumentException(
                            "calc: input " + inputNames.get(i) + " was compiled as " + inputTypes.get(i)
                                    + " but its tile is " + t.cellType().name());
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
            if (resultType.intLane()) {
                return ArrayTile.fromIntLane(resultCellType, cols, rows, ints[resultSlot]);
            }
            canonicalNaNs(doubles[resultSlot], size);
            return ArrayTile.fromDoubleLane(resultCellType, cols, rows, doubles[resultSlot]);
        }

        /**
         * Every NaN of a result becomes {@link Double#NaN}: once C2 compiles an operation on two NaNs it may
         * commute the operands, and SSE then returns the other NaN, sign bit included (seen: 0x7ff8… interpreted,
         * 0xfff8… compiled). Without this the same expression over the same cells could store different bytes
         * depending on the JIT's state. (Tiles keep NaN payloads otherwise, as GeoTrellis does.)
         */
        private static void canonicalNaNs(double[] lane, int m) {
            for (int i = 0; i < m; i++) {
                if (lane[i] != lane[i]) {
                    lane[i] = Double.NaN;
                }
            }
        }

        private void run(int m) {
            for (int k = 0; k < steps.length; k++) {
                Step s = steps[k];
                int dst = s.dst();
                switch (s.kind()) {
                    case I2D -> Conversion.toDoubleLane(intArgs[k][0], doubles[dst], m);
                    case D2I -> Conversion.toIntLane(doubleArgs[k][0], ints[dst], m);
                    case TRUTH_D -> Logical.truth(doubleArgs[k][0], ints[dst], m);
                    case INTS -> ops[k].ints().apply(intArgs[k], ints[dst], m);
                    case DOUBLES -> ops[k].doubles().apply(doubleArgs[k], doubles[dst], m);
                    case DOUBLES_TO_INT -> ops[k].doublesToInt().apply(doubleArgs[k], ints[dst], m);
                    case INTS_TO_DOUBLE -> ops[k].intsToDouble().apply(intArgs[k], doubles[dst], m);
                }
            }
        }
    }
}
