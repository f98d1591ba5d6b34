package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One local operation, described once: its name (the same in Java, in calc expressions and, as
 * {@code rm_<snake_case>}, in SQL), its calc operator symbol if it has one, its arity, the
 * {@link Typing} rule that picks the lane and the result cell type, its whole-lane kernels, its
 * {@link NoDataRule} and a one-line doc. The Java API ({@link #apply(Tile...)}, {@link LocalOps}), the
 * calc compiler, the SQL functions and the command-line help all read these fields; nothing else
 * lists the ops. Each family class declares its ops as {@code public static final LocalOp} constants
 * and {@link LocalOps#all()} collects them.
 *
 * <p>Kernels take every argument lane at once ({@code in[k]} is argument {@code k}) and write
 * {@code out[i]} for {@code i < n}; {@code out} may be {@code in[0]}. They are called once per tile (or
 * once per calc step), so the per-cell loop is the kernel's own primitive loop.
 *
 * <p>Immutable and thread-safe.
 */
public final class LocalOp {
    /** How the lane and the result cell type follow from the arguments' cell types. */
    public enum Typing {
        /**
         * The union of the arguments' cell types; the int lane when that is integral, else the double lane.
         * In calc: INT when every operand is INT or BOOL, else DOUBLE.
         */
        UNION,
        /** Always the double lane; the union if it is floating point, else float64. In calc: DOUBLE. */
        FLOATING,
        /** Always the double lane into float32. In calc: DOUBLE. */
        FLOAT32,
        /**
         * A 0/1 result in {@code uint8ud255}: the int lane when every argument is integral, else the double
         * lane (its kernel writes the int lane). In calc: BOOL.
         */
        BOOLEAN,
        /** The arguments' truth (non-zero data is 1) in the int lane, a 0/1 result in {@code uint8ud255}. */
        TRUTH,
        /**
         * The int lane only: the union if integral, else int32 (floating point arguments are truncated
         * first; in calc they are refused). In calc: INT.
         */
        BITS,
        /**
         * {@code (cond, a, b)}: the union of {@code a} and {@code b}, in their lane; the condition is read as
         * truth (non-zero is true) in the same lane (NaN or NoData: NoData).
         */
        WHERE,
        /**
         * The first argument's cell type, a raw one widened to hold NoData ({@code setNoData}): the int
         * lane when every argument is integral, else the double lane, the result narrowed back. In calc:
         * INT when the first operand is INT or BOOL, else DOUBLE.
         */
        FIRST,
        /**
         * {@code (a, m)}: as {@link #FIRST}, but only where {@code m} is NoData matters, so {@code m} follows
         * {@code a}'s lane: widened when {@code a} is floating point; when {@code a} is integral, a floating
         * point {@code m} is read into the int lane by the op's {@link #doublesToInt()} kernel, which keeps
         * its NoData exact (a value past the int range must not become NoData). In calc: INT when {@code a}
         * is INT or BOOL, else DOUBLE.
         */
        MASK,
        /**
         * A conversion into the int lane: the union if integral, else int32; floating point arguments are
         * truncated toward zero (NaN is NoData, the int range saturates). In calc: INT, from any operand.
         */
        INTEGRAL
    }

    /** How NoData in the arguments reaches the result. */
    public enum NoDataRule {
        /** NoData in any argument gives NoData (and the op may add NoData, e.g. division by zero). */
        PROPAGATE,
        /** The result is never NoData: the op reads NoData as information. */
        NEVER,
        /** NoData where the condition is, else the chosen argument's cell, NoData included. */
        CHOSEN,
        /** NoData where the mask argument says so, else the first argument's cell, NoData included. */
        MASK
    }

    /** A kernel over int lanes. */
    @FunctionalInterface
    public interface IntKernel {
        void apply(int[][] in, int[] out, int n);
    }

    /** A kernel over double lanes. */
    @FunctionalInterface
    public interface DoubleKernel {
        void apply(double[][] in, double[] out, int n);
    }

    /** A kernel from double lanes into an int lane (0/1/NoData results). */
    @FunctionalInterface
    public interface DoubleToIntKernel {
        void apply(double[][] in, int[] out, int n);
    }

    /** A kernel from int lanes into a double lane (a shortcut that saves widening the arguments first). */
    @FunctionalInterface
    public interface IntToDoubleKernel {
        void apply(int[][] in, double[] out, int n);
    }

    /** The int kernel of ops that are the identity on integers ({@code floor}, {@code round}): calc skips the step. */
    public static final IntKernel INT_IDENTITY = (in, out, n) -> System.arraycopy(in[0], 0, out, 0, n);

    /** The double kernel of ops that are the identity in the double lane ({@code float}): calc only widens. */
    public static final DoubleKernel DOUBLE_IDENTITY = (in, out, n) -> System.arraycopy(in[0], 0, out, 0, n);

    private final String name;
    private final String sqlName;
    private final String symbol;
    private final List<String> aliases;
    private final List<String> params;
    private final int arity;
    private final boolean variadic;
    private final Typing typing;
    private final NoDataRule noData;
    private final String doc;
    private final IntKernel ints;
    private final DoubleKernel doubles;
    private final DoubleToIntKernel doublesToInt;
    private final IntToDoubleKernel intsToDouble;

    /** The fields of an op being declared: the factories and the {@code with...} copies fill one in. */
    private static final class Draft {
        final String name;
        final int arity;
        final Typing typing;
        final String doc;
        String sqlName;
        String symbol;
        List<String> aliases = List.of();
        List<String> params;
        boolean variadic;
        NoDataRule noData = NoDataRule.PROPAGATE;
        IntKernel ints;
        DoubleKernel doubles;
        DoubleToIntKernel doublesToInt;
        IntToDoubleKernel intsToDouble;

        Draft(String name, int arity, Typing typing, String doc) {
            this.name = name;
            this.arity = arity;
            this.typing = typing;
            this.doc = doc;
        }
    }

    private LocalOp(Draft d) {
        this.name = Objects.requireNonNull(d.name, "name");
        this.sqlName = d.sqlName != null ? d.sqlName : snakeCase(name);
        this.symbol = d.symbol;
        this.aliases = List.copyOf(d.aliases);
        this.params = d.params != null ? List.copyOf(d.params) : defaultParams(d.arity);
        this.arity = d.arity;
        this.variadic = d.variadic;
        this.typing = Objects.requireNonNull(d.typing, "typing");
        this.noData = Objects.requireNonNull(d.noData, "noData");
        this.doc = d.doc;
        this.ints = d.ints;
        this.doubles = d.doubles;
        this.doublesToInt = d.doublesToInt;
        this.intsToDouble = d.intsToDouble;
        boolean complete = switch (typing) {
            case UNION, WHERE, FIRST -> ints != null && doubles != null;
            case MASK -> ints != null && doubles != null && doublesToInt != null;
            case FLOATING, FLOAT32 -> doubles != null;
            case BOOLEAN -> ints != null && doublesToInt != null;
            case TRUTH, BITS, INTEGRAL -> ints != null;
        };
        if (!complete
                || arity < 1
                || params.size() != arity
                || (typing == Typing.WHERE && arity != 3)
                || (typing == Typing.FIRST && arity < 2)
                || (typing == Typing.MASK && arity != 2)) {
            throw new IllegalArgumentException(
                    "local op " + name + ": kernels, arity or argument names do not fit its typing " + typing);
        }
    }

    /** This op with {@code change} made to a copy of its fields (checked again). */
    private LocalOp with(Consumer<Draft> change) {
        Draft d = new Draft(name, arity, typing, doc);
        d.sqlName = sqlName;
        d.symbol = symbol;
        d.aliases = aliases;
        d.params = params;
        d.variadic = variadic;
        d.noData = noData;
        d.ints = ints;
        d.doubles = doubles;
        d.doublesToInt = doublesToInt;
        d.intsToDouble = intsToDouble;
        change.accept(d);
        return new LocalOp(d);
    }

    // ------------------------------------------------------------------ declaring ops

    /** A {@link Typing#UNION} op with int and double kernels. */
    public static LocalOp union(String name, int arity, IntKernel ints, DoubleKernel doubles, String doc) {
        return of(name, arity, Typing.UNION, ints, doubles, doc);
    }

    /** A {@link Typing#FLOATING} op with a double kernel. */
    public static LocalOp floating(String name, int arity, DoubleKernel doubles, String doc) {
        return of(name, arity, Typing.FLOATING, null, doubles, doc);
    }

    /** A {@link Typing#BOOLEAN} op: an int kernel and a double-to-int kernel. */
    public static LocalOp test(String name, int arity, IntKernel ints, DoubleToIntKernel doubles, String doc) {
        Draft d = new Draft(name, arity, Typing.BOOLEAN, doc);
        d.ints = ints;
        d.doublesToInt = doubles;
        return new LocalOp(d);
    }

    /**
     * A {@link Typing#MASK} op {@code (a, m)}: its int and double kernels, and {@code maskReader}, which reads a
     * floating point {@code m} into the int lane for an integral {@code a}.
     */
    public static LocalOp mask(
            String name, IntKernel ints, DoubleKernel doubles, DoubleToIntKernel maskReader, String doc) {
        Draft d = new Draft(name, 2, Typing.MASK, doc);
        d.ints = ints;
        d.doubles = doubles;
        d.doublesToInt = maskReader;
        d.noData = NoDataRule.MASK;
        return new LocalOp(d);
    }

    /** An op of any typing; use the {@code with...} methods to add what the shortcuts above do not set. */
    public static LocalOp of(String name, int arity, Typing typing, IntKernel ints, DoubleKernel doubles, String doc) {
        Draft d = new Draft(name, arity, typing, doc);
        d.ints = ints;
        d.doubles = doubles;
        return new LocalOp(d);
    }

    /** This op under another SQL name than {@code rm_<snake_case>} (when that is taken by another function). */
    public LocalOp withSqlName(String sqlName) {
        return with(d -> d.sqlName = sqlName);
    }

    /** This op, also written as the calc operator {@code symbol} (binary if arity 2, prefix if 1). */
    public LocalOp withSymbol(String symbol) {
        return with(d -> d.symbol = symbol);
    }

    /** This op, also called {@code aliases} in calc and by {@link LocalOps#op(String)} (not in SQL). */
    public LocalOp withAliases(String... aliases) {
        List<String> names = List.of(aliases);
        return with(d -> d.aliases = names);
    }

    /** This op with these argument names in help texts and SQL signatures (default a, b; c, a, b for three). */
    public LocalOp withParams(String... params) {
        List<String> names = List.of(params);
        return with(d -> d.params = names);
    }

    private static List<String> defaultParams(int arity) {
        return switch (arity) {
            case 1 -> List.of("a");
            case 2 -> List.of("a", "b");
            case 3 -> List.of("c", "a", "b");
            default -> List.of();
        };
    }

    /** This binary op, callable in calc with more arguments, folded from the left ({@code min(a, b, c)}). */
    public LocalOp variadic() {
        return with(d -> d.variadic = true);
    }

    public LocalOp withNoData(NoDataRule rule) {
        return with(d -> d.noData = rule);
    }

    /** A {@link Typing#FLOATING} op's shortcut for all-integer arguments. */
    public LocalOp withIntsToDouble(IntToDoubleKernel kernel) {
        return with(d -> d.intsToDouble = kernel);
    }

    // ------------------------------------------------------------------ what it is

    /** The name in Java ({@link LocalOps#op}) and calc (case-insensitive there). */
    public String name() {
        return name;
    }

    /**
     * The SQL function: {@code rm_} and the name in snake case ({@code floorDivide} is
     * {@code rm_floor_divide}) unless the op declares another.
     */
    public String sqlName() {
        return sqlName;
    }

    private static String snakeCase(String name) {
        StringBuilder b = new StringBuilder("rm_");
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The calc operator, or null. */
    public String symbol() {
        return symbol;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The arguments' names in help texts and SQL signatures, one per argument. */
    public List<String> params() {
        return params;
    }

    public int arity() {
        return arity;
    }

    public boolean isVariadic() {
        return variadic;
    }

    public Typing typing() {
        return typing;
    }

    public NoDataRule noDataRule() {
        return noData;
    }

    /** One line saying what the op computes. */
    public String doc() {
        return doc;
    }

    /** The int-lane kernel (null for {@link Typing#FLOATING}/{@link Typing#FLOAT32} ops). */
    public IntKernel ints() {
        return ints;
    }

    /** The double-lane kernel (null for {@link Typing#BOOLEAN}, {@link Typing#TRUTH}, {@link Typing#BITS}). */
    public DoubleKernel doubles() {
        return doubles;
    }

    /** The double-lane kernel of a {@link Typing#BOOLEAN} op; a {@link Typing#MASK} op's reading of its mask. */
    public DoubleToIntKernel doublesToInt() {
        return doublesToInt;
    }

    /** An optional shortcut of a floating op for integer arguments, or null. */
    public IntToDoubleKernel intsToDouble() {
        return intsToDouble;
    }

    /** {@code name(a, b)}, or {@code a + b} with the symbol, for help texts. */
    public String signature() {
        if (symbol != null) {
            return arity == 1 ? symbol + params.get(0) : params.get(0) + " " + symbol + " " + params.get(1);
        }
        return name + "(" + String.join(", ", params) + (variadic ? ", ...)" : ")");
    }

    @Override
    public String toString() {
        return name;
    }

    // ------------------------------------------------------------------ the op on tiles

    /** The result cell type for arguments of these cell types. */
    public CellType resultType(CellType... args) {
        return switch (typing) {
            case UNION -> union(args, 0);
            case FLOATING -> {
                CellType u = union(args, 0);
                yield u.isFloatingPoint() ? u : CellType.FLOAT64;
            }
            case FLOAT32 -> CellType.FLOAT32;
            case BOOLEAN, TRUTH -> Operands.BOOLEAN;
            case BITS, INTEGRAL -> {
                CellType u = union(args, 0);
                yield u.isFloatingPoint() ? CellType.INT32 : u;
            }
            case WHERE -> union(args, 1);
            case FIRST, MASK -> Masking.withRoomForNoData(args[0]);
        };
    }

    private static CellType union(CellType[] args, int from) {
        CellType u = args[from];
        for (int i = from + 1; i < args.length; i++) {
            u = u.union(args[i]);
        }
        return u;
    }

    /**
     * The op cell by cell over tiles of one size, by its {@link Typing}: the lane is chosen once and the
     * kernel runs over whole lanes.
     *
     * @throws IllegalArgumentException for a wrong number of tiles or tiles of different sizes
     */
    public Tile apply(Tile... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException(
                    name + " takes " + arity + " tile" + (arity == 1 ? "" : "s") + ", got " + args.length);
        }
        if (ints == INT_IDENTITY && !args[0].cellType().isFloatingPoint()) {
            return args[0]; // floor, ceil, round, int of an integral tile: the tile itself (calc skips the step too)
        }
        if (doubles == DOUBLE_IDENTITY && args[0].cellType().isFloatingPoint()) {
            return args[0]; // float of a floating point tile
        }
        Operand[] ops = new Operand[args.length];
        for (int i = 0; i < args.length; i++) {
            Operands.requireSameDimensions(args[0], args[i]);
            ops[i] = Operand.of(args[i]);
        }
        return run(args[0].cols(), args[0].rows(), ops);
    }

    /** A binary op with a number on the right, {@code tile op value}; see {@link #apply(Tile...)}. */
    public Tile apply(Tile a, double value) {
        requireBinary();
        return run(a.cols(), a.rows(), Operand.of(a), Operand.of(value, a.cellType()));
    }

    /** A binary op with a number on the left, {@code value op tile}. */
    public Tile apply(double value, Tile b) {
        requireBinary();
        return run(b.cols(), b.rows(), Operand.of(value, b.cellType()), Operand.of(b));
    }

    private void requireBinary() {
        if (arity != 2) {
            throw new IllegalArgumentException(name + " takes " + arity + " arguments, not a tile and a number");
        }
    }

    /**
     * A tile, or a number standing for a tile: a whole number next to an integral tile (or any number
     * next to a floating point one) takes that tile's cell type; a fraction next to an integral tile is float64.
     */
    private record Operand(CellType type, Tile tile, double value) {
        static Operand of(Tile t) {
            return new Operand(t.cellType(), t, Double.NaN);
        }

        static Operand of(double value, CellType other) {
            boolean sameType = other.isFloatingPoint() || Operands.fitsIntLane(value);
            return new Operand(sameType ? other : CellType.FLOAT64, null, value);
        }

        int[] ints(int n) {
            if (tile == null) {
                return Operands.constant(n, (int) value);
            }
            if (!tile.cellType().isFloatingPoint()) {
                return tile.toIntLane();
            }
            int[] out = new int[n]; // via the double lane, so any NaN (even one that is not the NoData) is NoData
            Conversion.toIntLane(tile.toDoubleLane(), out, n);
            return out;
        }

        double[] doubles(int n) {
            return tile == null ? Operands.constant(n, value) : tile.toDoubleLane();
        }

        int[] truth(int n) {
            int[] out = new int[n];
            if (tile == null) {
                Arrays.fill(out, Double.isNaN(value) ? NoData.INT : (value != 0 ? 1 : 0));
            } else if (tile.cellType().isFloatingPoint()) {
                Logical.truth(tile.toDoubleLane(), out, n);
            } else {
                tile.readInts(out);
                Logical.truth(out, out, n);
            }
            return out;
        }
    }

    private Tile run(int cols, int rows, Operand... args) {
        int n = cols * rows;
        CellType[] types = new CellType[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].type();
        }
        CellType ct = resultType(types);
        switch (typing) {
            case UNION -> {
                return ct.isFloatingPoint() ? doubleLanes(ct, cols, rows, args, 0) : intLanes(ct, cols, rows, args, 0);
            }
            case FLOATING, FLOAT32 -> {
                return doubleLanes(ct, cols, rows, args, 0);
            }
            case BOOLEAN -> {
                int[] out = new int[n];
                if (anyFloating(types)) {
                    double[][] in = new double[args.length][];
                    for (int i = 0; i < args.length; i++) {
                        in[i] = args[i].doubles(n);
                    }
                    doublesToInt.apply(in, out, n);
                } else {
                    int[][] in = new int[args.length][];
                    for (int i = 0; i < args.length; i++) {
                        in[i] = args[i].ints(n);
                    }
                    ints.apply(in, out, n);
                }
                return ArrayTile.fromIntLane(ct, cols, rows, out);
            }
            case TRUTH -> {
                int[][] in = new int[args.length][];
                for (int i = 0; i < args.length; i++) {
                    in[i] = args[i].truth(n);
                }
                ints.apply(in, in[0], n);
                return ArrayTile.fromIntLane(ct, cols, rows, in[0]);
            }
            case BITS, INTEGRAL -> {
                return intLanes(ct, cols, rows, args, 0);
            }
            case FIRST -> {
                // mixed lanes meet in the double lane, where every int is exact; the result type narrows back
                return anyFloating(types) ? doubleLanes(ct, cols, rows, args, 0) : intLanes(ct, cols, rows, args, 0);
            }
            case MASK -> {
                if (types[0].isFloatingPoint()) {
                    return doubleLanes(ct, cols, rows, args, 0);
                }
                int[][] in = {args[0].ints(n), null};
                if (types[1].isFloatingPoint()) {
                    in[1] = new int[n];
                    doublesToInt.apply(new double[][] {args[1].doubles(n)}, in[1], n);
                } else {
                    in[1] = args[1].ints(n);
                }
                ints.apply(in, in[0], n);
                return ArrayTile.fromIntLane(ct, cols, rows, in[0]);
            }
            case WHERE -> {
                return ct.isFloatingPoint() ? doubleLanes(ct, cols, rows, args, 1) : intLanes(ct, cols, rows, args, 1);
            }
        }
        throw new AssertionError(typing);
    }

    private static boolean anyFloating(CellType[] types) {
        for (CellType t : types) {
            if (t.isFloatingPoint()) {
                return true;
            }
        }
        return false;
    }

    /** Arguments before {@code from} are conditions, read as truth in the lane. */
    private Tile intLanes(CellType ct, int cols, int rows, Operand[] args, int from) {
        int n = cols * rows;
        int[][] in = new int[args.length][];
        for (int i = 0; i < args.length; i++) {
            in[i] = i < from ? args[i].truth(n) : args[i].ints(n);
        }
        int[] out = in[from]; // kernels may write over an argument
        ints.apply(in, out, n);
        return ArrayTile.fromIntLane(ct, cols, rows, out);
    }

    private Tile doubleLanes(CellType ct, int cols, int rows, Operand[] args, int from) {
        int n = cols * rows;
        double[][] in = new double[args.length][];
        for (int i = 0; i < args.length; i++) {
            if (i < from && !args[i].type().isFloatingPoint()) {
                int[] t = args[i].truth(n);
                in[i] = new double[n];
                Conversion.toDoubleLane(t, in[i], n);
            } else {
                in[i] = args[i].doubles(n);
            }
        }
        double[] out = in[from];
        doubles.apply(in, out, n);
        return ArrayTile.fromDoubleLane(ct, cols, rows, out);
    }

    /** The op's name for messages and lookups: lower case, as calc reads function names. */
    String key() {
        return name.toLowerCase(Locale.ROOT);
    }
}
