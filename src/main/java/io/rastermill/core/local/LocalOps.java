package io.rastermill.core.local;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.Tile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every local (cell-by-cell) op in one place. {@link #all()} is the catalog: the {@link LocalOp}
 * descriptors each family class declares ({@link Arithmetic}, {@link Comparison}, {@link Logical},
 * {@link Bitwise}, {@link MinMax}, {@link MathFunctions}, {@link Conditional}, {@link Masking},
 * {@link Conversion}); calc,
 * the SQL functions and the command-line help read it, so a new op declared in a family is in all of
 * them. {@code op("hypot").apply(a, b)} runs any op by name. The static methods below are shortcuts
 * for the common ones, plus the ops that take numbers rather than tiles (clamp, the masks by value,
 * setNoData, withNoData, convert). Two tiles must have the same dimensions. For formulas over several tiles, see
 * {@code io.rastermill.core.calc.CalcExpression}, which runs whole expressions over reused lanes.
 */
public final class LocalOps {
    /** The classes whose {@code public static final LocalOp} fields are the catalog, in this order. */
    private static final List<Class<?>> FAMILIES = List.of(
            Arithmetic.class,
            Comparison.class,
            Logical.class,
            Bitwise.class,
            MinMax.class,
            MathFunctions.class,
            Conditional.class,
            Masking.class,
            Conversion.class);

    private static final List<LocalOp> ALL;
    private static final Map<String, LocalOp> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, LocalOp> BY_SYMBOL = new LinkedHashMap<>();

    static {
        List<LocalOp> all = new ArrayList<>();
        for (Class<?> family : FAMILIES) {
            for (Field f : family.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.getType() == LocalOp.class
                        && Modifier.isPublic(m)
                        && Modifier.isStatic(m)
                        && Modifier.isFinal(m)) {
                    try {
                        all.add((LocalOp) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + family.getSimpleName() + "." + f.getName(), e);
                    }
                }
            }
        }
        for (LocalOp op : all) {
            index(BY_NAME, op.name().toLowerCase(Locale.ROOT), op, "name");
            for (String alias : op.aliases()) {
                index(BY_NAME, alias.toLowerCase(Locale.ROOT), op, "name");
            }
            if (op.symbol() != null) {
                index(BY_SYMBOL, symbolKey(op.symbol(), op.arity()), op, "operator");
            }
        }
        ALL = List.copyOf(all);
    }

    private LocalOps() {}

    private static void index(Map<String, LocalOp> map, String key, LocalOp op, String what) {
        LocalOp old = map.putIfAbsent(key, op);
        if (old != null) {
            throw new IllegalStateException(
                    "local ops " + old.name() + " and " + op.name() + " share the " + what + " '" + key + "'");
        }
    }

    private static String symbolKey(String symbol, int arity) {
        return symbol + "/" + arity;
    }

    // ------------------------------------------------------------------ the catalog

    /** Every op, family by family, in declaration order. */
    public static List<LocalOp> all() {
        return ALL;
    }

    /** The op called {@code name} (or one of its aliases), ignoring case. */
    public static Optional<LocalOp> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The op called {@code name}.
     *
     * @throws IllegalArgumentException naming the unknown op
     */
    public static LocalOp op(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown local op '" + name + "'"));
    }

    /** The op written as the calc operator {@code symbol} with {@code arity} operands. */
    public static Optional<LocalOp> bySymbol(String symbol, int arity) {
        return Optional.ofNullable(BY_SYMBOL.get(symbolKey(symbol, arity)));
    }

    /** {@code name(args)}: any op of the catalog by name. */
    public static Tile apply(String name, Tile... args) {
        return op(name).apply(args);
    }

    // ------------------------------------------------------------------ shortcuts

    // arithmetic
    public static Tile add(Tile a, Tile b) {
        return Arithmetic.ADD.apply(a, b);
    }

    public static Tile add(Tile a, double v) {
        return Arithmetic.ADD.apply(a, v);
    }

    public static Tile subtract(Tile a, Tile b) {
        return Arithmetic.SUBTRACT.apply(a, b);
    }

    public static Tile subtract(Tile a, double v) {
        return Arithmetic.SUBTRACT.apply(a, v);
    }

    public static Tile subtract(double v, Tile b) {
        return Arithmetic.SUBTRACT.apply(v, b);
    }

    public static Tile multiply(Tile a, Tile b) {
        return Arithmetic.MULTIPLY.apply(a, b);
    }

    public static Tile multiply(Tile a, double v) {
        return Arithmetic.MULTIPLY.apply(a, v);
    }

    public static Tile divide(Tile a, Tile b) {
        return Arithmetic.DIVIDE.apply(a, b);
    }

    public static Tile divide(Tile a, double v) {
        return Arithmetic.DIVIDE.apply(a, v);
    }

    public static Tile divide(double v, Tile b) {
        return Arithmetic.DIVIDE.apply(v, b);
    }

    public static Tile floorDivide(Tile a, Tile b) {
        return Arithmetic.FLOOR_DIVIDE.apply(a, b);
    }

    public static Tile mod(Tile a, Tile b) {
        return Arithmetic.MOD.apply(a, b);
    }

    public static Tile mod(Tile a, double v) {
        return Arithmetic.MOD.apply(a, v);
    }

    public static Tile pow(Tile a, Tile b) {
        return Arithmetic.POW.apply(a, b);
    }

    public static Tile pow(Tile a, double v) {
        return Arithmetic.POW.apply(a, v);
    }

    public static Tile negate(Tile a) {
        return Arithmetic.negate(a);
    }

    public static Tile abs(Tile a) {
        return Arithmetic.abs(a);
    }

    public static Tile normalizedDifference(Tile a, Tile b) {
        return Arithmetic.normalizedDifference(a, b);
    }

    // comparisons
    public static Tile equal(Tile a, Tile b) {
        return Comparison.EQUAL.apply(a, b);
    }

    public static Tile equal(Tile a, double v) {
        return Comparison.EQUAL.apply(a, v);
    }

    public static Tile notEqual(Tile a, Tile b) {
        return Comparison.NOT_EQUAL.apply(a, b);
    }

    public static Tile notEqual(Tile a, double v) {
        return Comparison.NOT_EQUAL.apply(a, v);
    }

    public static Tile less(Tile a, Tile b) {
        return Comparison.LESS.apply(a, b);
    }

    public static Tile less(Tile a, double v) {
        return Comparison.LESS.apply(a, v);
    }

    public static Tile lessOrEqual(Tile a, Tile b) {
        return Comparison.LESS_OR_EQUAL.apply(a, b);
    }

    public static Tile lessOrEqual(Tile a, double v) {
        return Comparison.LESS_OR_EQUAL.apply(a, v);
    }

    public static Tile greater(Tile a, Tile b) {
        return Comparison.GREATER.apply(a, b);
    }

    public static Tile greater(Tile a, double v) {
        return Comparison.GREATER.apply(a, v);
    }

    public static Tile greaterOrEqual(Tile a, Tile b) {
        return Comparison.GREATER_OR_EQUAL.apply(a, b);
    }

    public static Tile greaterOrEqual(Tile a, double v) {
        return Comparison.GREATER_OR_EQUAL.apply(a, v);
    }

    // logical
    public static Tile and(Tile a, Tile b) {
        return Logical.AND.apply(a, b);
    }

    public static Tile or(Tile a, Tile b) {
        return Logical.OR.apply(a, b);
    }

    public static Tile xor(Tile a, Tile b) {
        return Logical.XOR.apply(a, b);
    }

    public static Tile not(Tile a) {
        return Logical.not(a);
    }

    // bitwise
    public static Tile bitAnd(Tile a, Tile b) {
        return Bitwise.AND.apply(a, b);
    }

    public static Tile bitAnd(Tile a, int v) {
        return Bitwise.AND.apply(a, v);
    }

    public static Tile bitOr(Tile a, Tile b) {
        return Bitwise.OR.apply(a, b);
    }

    public static Tile bitXor(Tile a, Tile b) {
        return Bitwise.XOR.apply(a, b);
    }

    public static Tile bitNot(Tile a) {
        return Bitwise.not(a);
    }

    public static Tile shiftLeft(Tile a, int v) {
        return Bitwise.SHIFT_LEFT.apply(a, v);
    }

    public static Tile shiftRight(Tile a, int v) {
        return Bitwise.SHIFT_RIGHT.apply(a, v);
    }

    // min, max, clamp
    public static Tile min(Tile a, Tile b) {
        return MinMax.MIN.apply(a, b);
    }

    public static Tile max(Tile a, Tile b) {
        return MinMax.MAX.apply(a, b);
    }

    public static Tile clamp(Tile a, double lo, double hi) {
        return MinMax.clamp(a, lo, hi);
    }

    // math functions
    public static Tile sqrt(Tile a) {
        return MathFunctions.SQRT.apply(a);
    }

    public static Tile exp(Tile a) {
        return MathFunctions.EXP.apply(a);
    }

    public static Tile log(Tile a) {
        return MathFunctions.LOG.apply(a);
    }

    public static Tile log10(Tile a) {
        return MathFunctions.LOG10.apply(a);
    }

    public static Tile sin(Tile a) {
        return MathFunctions.SIN.apply(a);
    }

    public static Tile cos(Tile a) {
        return MathFunctions.COS.apply(a);
    }

    public static Tile tan(Tile a) {
        return MathFunctions.TAN.apply(a);
    }

    public static Tile atan(Tile a) {
        return MathFunctions.ATAN.apply(a);
    }

    public static Tile atan2(Tile y, Tile x) {
        return MathFunctions.atan2(y, x);
    }

    public static Tile floor(Tile a) {
        return MathFunctions.FLOOR.apply(a);
    }

    public static Tile ceil(Tile a) {
        return MathFunctions.CEIL.apply(a);
    }

    public static Tile round(Tile a) {
        return MathFunctions.ROUND.apply(a);
    }

    // conditional and NoData
    public static Tile where(Tile cond, Tile a, Tile b) {
        return Conditional.where(cond, a, b);
    }

    public static Tile isNoData(Tile a) {
        return Masking.isNoData(a);
    }

    public static Tile isData(Tile a) {
        return Masking.isData(a);
    }

    public static Tile mask(Tile a, Tile mask) {
        return Masking.mask(a, mask);
    }

    public static Tile inverseMask(Tile a, Tile mask) {
        return Masking.inverseMask(a, mask);
    }

    public static Tile maskValue(Tile a, Tile mask, double value) {
        return Masking.maskValue(a, mask, value);
    }

    public static Tile inverseMaskValue(Tile a, Tile mask, double value) {
        return Masking.inverseMaskValue(a, mask, value);
    }

    public static Tile maskValues(Tile a, double... values) {
        return Masking.maskValues(a, values);
    }

    /** NoData where {@code a}'s cell equals {@code value}: the catalog's {@code setNoData} with a number. */
    public static Tile setNoData(Tile a, double value) {
        return Masking.setNoData(a, value);
    }

    /** The same stored samples with another NoData value (GeoTrellis's {@code withNoData}): see {@link Masking}. */
    public static Tile withNoData(Tile a, double noData) {
        return Masking.withNoData(a, noData);
    }

    // cell types
    public static Tile convert(Tile a, CellType target) {
        return Conversion.convert(a, target);
    }
}
