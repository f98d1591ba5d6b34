package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.local.Arithmetic;
import io.rastermill.core.local.Bitwise;
import io.rastermill.core.local.Comparison;
import io.rastermill.core.local.Logical;
import io.rastermill.core.local.MathFunctions;
import io.rastermill.core.local.MinMax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Types the tree and turns it into a straight-line program over lane slots. Temporaries are
 * recycled as soon as their value is consumed (every kernel is element-wise, so a node may write
 * over its operands), inputs and constants are pinned. Runs once, on the driver.
 */
final class CalcCompiler {
    private record Operand(CalcType type, int slot, boolean pinned) {
        boolean intLane() {
            return type.intLane();
        }
    }

    private final String src;
    private final List<String> inputNames;
    private final List<CalcType> inputTypes;
    private final int[] inputSlots;
    private final List<CalcProgram.Step> steps = new ArrayList<>();
    private final List<Integer> intConstSlots = new ArrayList<>();
    private final List<Integer> intConstValues = new ArrayList<>();
    private final List<Integer> doubleConstSlots = new ArrayList<>();
    private final List<Double> doubleConstValues = new ArrayList<>();
    private final Map<Integer, Operand> intConsts = new HashMap<>();
    private final Map<Long, Operand> doubleConsts = new HashMap<>();
    private final Map<Integer, Operand> widenedInputs = new HashMap<>();
    private final Deque<Integer> freeInts = new ArrayDeque<>();
    private final Deque<Integer> freeDoubles = new ArrayDeque<>();
    private int intSlots;
    private int doubleSlots;

    private CalcCompiler(String src, Map<String, CellType> inputs) {
        this.src = src;
        this.inputNames = new ArrayList<>(inputs.keySet());
        this.inputTypes = new ArrayList<>();
        for (CellType ct : inputs.values()) {
            inputTypes.add(CalcType.of(ct));
        }
        this.inputSlots = new int[inputNames.size()];
        java.util.Arrays.fill(inputSlots, -1);
    }

    static CalcProgram compile(CalcExpression expression, Node root, Map<String, CellType> inputs) {
        CalcCompiler c = new CalcCompiler(expression.text(), inputs);
        Operand result = c.compile(root);
        return new CalcProgram(expression.text(), c.inputNames, c.inputTypes, c.inputSlots, c.steps,
                c.intSlots, c.doubleSlots, ints(c.intConstSlots), ints(c.intConstValues), ints(c.doubleConstSlots),
                c.doubleConstValues.stream().mapToDouble(Double::doubleValue).toArray(), result.type(), result.slot());
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ slots

    private int temp(boolean intLane) {
        Deque<Integer> free = intLane ? freeInts : freeDoubles;
        if (!free.isEmpty()) {
            return free.pop();
        }
        return intLane ? intSlots++ : doubleSlots++;
    }

    private void release(Operand... ops) {
        for (Operand o : ops) {
            if (!o.pinned()) {
                (o.intLane() ? freeInts : freeDoubles).push(o.slot());
            }
        }
    }

    private Operand intConst(int v) {
        return intConsts.computeIfAbsent(v, k -> {
            int slot = intSlots++;
            intConstSlots.add(slot);
            intConstValues.add(k);
            return new Operand(CalcType.INT, slot, true);
        });
    }

    private Operand doubleConst(double v) {
        return doubleConsts.computeIfAbsent(Double.doubleToRawLongBits(v), k -> {
            int slot = doubleSlots++;
            doubleConstSlots.add(slot);
            doubleConstValues.add(v);
            return new Operand(CalcType.DOUBLE, slot, true);
        });
    }

    private Operand emit(CalcProgram.Code code, int op, CalcType type, Operand... args) {
        release(args);
        int dst = temp(type.intLane());
        int a = args.length > 0 ? args[0].slot() : -1;
        int b = args.length > 1 ? args[1].slot() : -1;
        int c = args.length > 2 ? args[2].slot() : -1;
        steps.add(new CalcProgram.Step(code, op, dst, a, b, c));
        return new Operand(type, dst, false);
    }

    /** The operand in the double lane: constants are converted now, inputs once per tile. */
    private Operand asDouble(Operand o) {
        if (!o.intLane()) {
            return o;
        }
        Integer constIndex = constIndexOf(o);
        if (constIndex != null) {
            return doubleConst(NoData.i2d(intConstValues.get(constIndex)));
        }
        if (isIntInputSlot(o.slot())) {
            Operand w = widenedInputs.get(o.slot());
            if (w == null) {
                int dst = doubleSlots++;
                steps.add(new CalcProgram.Step(CalcProgram.Code.I2D, 0, dst, o.slot(), -1, -1));
                w = new Operand(CalcType.DOUBLE, dst, true);
                widenedInputs.put(o.slot(), w);
            }
            return w;
        }
        return emit(CalcProgram.Code.I2D, 0, CalcType.DOUBLE, o);
    }

    private boolean isIntInputSlot(int slot) {
        for (int i = 0; i < inputSlots.length; i++) {
            if (inputSlots[i] == slot && inputTypes.get(i).intLane()) {
                return true;
            }
        }
        return false;
    }

    private Integer constIndexOf(Operand o) {
        if (!o.pinned() || !o.intLane()) {
            return null;
        }
        int i = intConstSlots.indexOf(o.slot());
        return i < 0 ? null : i;
    }

    /** The operand as int-lane truth values (non-zero true). */
    private Operand asTruth(Operand o) {
        return o.intLane() ? o : emit(CalcProgram.Code.TRUTH_D, 0, CalcType.BOOL, o);
    }

    // ------------------------------------------------------------------ nodes

    private CalcSyntaxException error(String what, Node at) {
        return new CalcSyntaxException(what, at.column(), src);
    }

    private Operand compile(Node n) {
        if (n instanceof Node.Num num) {
            return num.integral() ? intConst((int) num.value()) : doubleConst(num.value());
        }
        if (n instanceof Node.NoDataLit) {
            return intConst(NoData.INT);
        }
        if (n instanceof Node.Name name) {
            return input(name);
        }
        if (n instanceof Node.Unary u) {
            return unary(u);
        }
        if (n instanceof Node.Binary b) {
            return binary(b.op(), compile(b.left()), compile(b.right()), b);
        }
        return call((Node.Call) n);
    }

    private Operand input(Node.Name name) {
        int i = inputNames.indexOf(name.name());
        if (i < 0) {
            String known = inputNames.isEmpty() ? "no inputs were given" : "the inputs are " + String.join(", ", inputNames);
            throw error("unknown name '" + name.name() + "' (" + known + ")", name);
        }
        if (inputSlots[i] < 0) {
            inputSlots[i] = inputTypes.get(i).intLane() ? intSlots++ : doubleSlots++;
        }
        return new Operand(inputTypes.get(i), inputSlots[i], true);
    }

    private Operand unary(Node.Unary u) {
        Operand o = compile(u.operand());
        return switch (u.op()) {
            case "-" -> o.intLane() ? emit(CalcProgram.Code.NEG_I, 0, CalcType.INT, o)
                    : emit(CalcProgram.Code.NEG_D, 0, CalcType.DOUBLE, o);
            case "~" -> {
                requireInt(o, "bitwise '~'", u);
                yield emit(CalcProgram.Code.BITNOT_I, 0, CalcType.INT, o);
            }
            case "!" -> emit(CalcProgram.Code.NOT_I, 0, CalcType.BOOL, asTruth(o));
            default -> throw error("unknown operator '" + u.op() + "'", u);
        };
    }

    private void requireInt(Operand o, String what, Node at) {
        if (!o.intLane()) {
            throw error(what + " needs integer operands, got a floating point one (convert with int(...))", at);
        }
    }

    private Operand binary(String op, Operand l, Operand r, Node at) {
        switch (op) {
            case "+", "-", "*", "%", "//" -> {
                Arithmetic.Op a = switch (op) {
                    case "+" -> Arithmetic.Op.ADD;
                    case "-" -> Arithmetic.Op.SUBTRACT;
                    case "*" -> Arithmetic.Op.MULTIPLY;
                    case "%" -> Arithmetic.Op.MOD;
                    default -> Arithmetic.Op.FLOOR_DIVIDE;
                };
                return arith(a, l, r);
            }
            case "/" -> {
                if (l.intLane() && r.intLane()) {
                    return emit(CalcProgram.Code.DIV_ID, 0, CalcType.DOUBLE, l, r);
                }
                return emit(CalcProgram.Code.ARITH_D, Arithmetic.Op.DIVIDE.ordinal(), CalcType.DOUBLE, asDouble(l), asDouble(r));
            }
            case "**" -> {
                return emit(CalcProgram.Code.ARITH_D, Arithmetic.Op.POW.ordinal(), CalcType.DOUBLE, asDouble(l), asDouble(r));
            }
            case "==", "!=", "<", "<=", ">", ">=" -> {
                Comparison.Op c = switch (op) {
                    case "==" -> Comparison.Op.EQUAL;
                    case "!=" -> Comparison.Op.NOT_EQUAL;
                    case "<" -> Comparison.Op.LESS;
                    case "<=" -> Comparison.Op.LESS_OR_EQUAL;
                    case ">" -> Comparison.Op.GREATER;
                    default -> Comparison.Op.GREATER_OR_EQUAL;
                };
                if (l.intLane() && r.intLane()) {
                    return emit(CalcProgram.Code.CMP_I, c.ordinal(), CalcType.BOOL, l, r);
                }
                return emit(CalcProgram.Code.CMP_D, c.ordinal(), CalcType.BOOL, asDouble(l), asDouble(r));
            }
            case "&&", "||" -> {
                Logical.Op lo = op.equals("&&") ? Logical.Op.AND : Logical.Op.OR;
                Operand tl = asTruth(l);
                Operand tr = asTruth(r);
                return emit(CalcProgram.Code.LOGIC_I, lo.ordinal(), CalcType.BOOL, tl, tr);
            }
            case "&", "|", "^", "<<", ">>" -> {
                requireInt(l, "bitwise '" + op + "'", at);
                requireInt(r, "bitwise '" + op + "'", at);
                Bitwise.Op b = switch (op) {
                    case "&" -> Bitwise.Op.AND;
                    case "|" -> Bitwise.Op.OR;
                    case "^" -> Bitwise.Op.XOR;
                    case "<<" -> Bitwise.Op.SHIFT_LEFT;
                    default -> Bitwise.Op.SHIFT_RIGHT;
                };
                return emit(CalcProgram.Code.BIT_I, b.ordinal(), CalcType.INT, l, r);
            }
            default -> throw error("unknown operator '" + op + "'", at);
        }
    }

    private Operand arith(Arithmetic.Op op, Operand l, Operand r) {
        if (l.intLane() && r.intLane()) {
            return emit(CalcProgram.Code.ARITH_I, op.ordinal(), CalcType.INT, l, r);
        }
        return emit(CalcProgram.Code.ARITH_D, op.ordinal(), CalcType.DOUBLE, asDouble(l), asDouble(r));
    }

    private Operand minMax(MinMax.Op op, Operand l, Operand r) {
        if (l.intLane() && r.intLane()) {
            return emit(CalcProgram.Code.MINMAX_I, op.ordinal(), CalcType.INT, l, r);
        }
        return emit(CalcProgram.Code.MINMAX_D, op.ordinal(), CalcType.DOUBLE, asDouble(l), asDouble(r));
    }

    private Operand where(Operand cond, Operand a, Operand b) {
        Operand c = asTruth(cond);
        if (a.intLane() && b.intLane()) {
            CalcType t = a.type() == CalcType.BOOL && b.type() == CalcType.BOOL ? CalcType.BOOL : CalcType.INT;
            return emit(CalcProgram.Code.WHERE_I, 0, t, c, a, b);
        }
        Operand da = asDouble(a);
        Operand db = asDouble(b);
        return emit(CalcProgram.Code.WHERE_D, 0, CalcType.DOUBLE, c, da, db);
    }

    private Operand isNoData(Operand o, boolean negate) {
        return emit(o.intLane() ? CalcProgram.Code.ISNODATA_I : CalcProgram.Code.ISNODATA_D, negate ? 1 : 0,
                CalcType.BOOL, o);
    }

    private Operand call(Node.Call c) {
        String f = c.name();
        List<Node> args = c.args();
        switch (f) {
            case "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "floor", "ceil", "round" -> {
                arity(c, 1);
                MathFunctions.Fn fn = MathFunctions.Fn.valueOf(f.toUpperCase(java.util.Locale.ROOT));
                Operand o = compile(args.get(0));
                if (fn.keepsIntegers() && o.intLane()) {
                    return new Operand(CalcType.INT, o.slot(), o.pinned());
                }
                return emit(CalcProgram.Code.MATH_D, fn.ordinal(), CalcType.DOUBLE, asDouble(o));
            }
            case "abs" -> {
                arity(c, 1);
                Operand o = compile(args.get(0));
                return o.intLane() ? emit(CalcProgram.Code.ABS_I, 0, CalcType.INT, o)
                        : emit(CalcProgram.Code.ABS_D, 0, CalcType.DOUBLE, o);
            }
            case "atan2" -> {
                arity(c, 2);
                Operand y = asDouble(compile(args.get(0)));
                Operand x = asDouble(compile(args.get(1)));
                return emit(CalcProgram.Code.ATAN2_D, 0, CalcType.DOUBLE, y, x);
            }
            case "pow" -> {
                arity(c, 2);
                return binary("**", compile(args.get(0)), compile(args.get(1)), c);
            }
            case "min", "max" -> {
                if (args.size() < 2) {
                    throw error(f + " takes at least 2 arguments, got " + args.size(), c);
                }
                MinMax.Op op = f.equals("min") ? MinMax.Op.MIN : MinMax.Op.MAX;
                Operand acc = compile(args.get(0));
                for (Node a : args.subList(1, args.size())) {
                    acc = minMax(op, acc, compile(a));
                }
                return acc;
            }
            case "clamp" -> {
                arity(c, 3);
                Operand x = compile(args.get(0));
                Operand lo = compile(args.get(1));
                Operand hi = compile(args.get(2));
                return minMax(MinMax.Op.MIN, minMax(MinMax.Op.MAX, x, lo), hi);
            }
            case "where" -> {
                arity(c, 3);
                Operand cond = compile(args.get(0));
                Operand a = compile(args.get(1));
                Operand b = compile(args.get(2));
                return where(cond, a, b);
            }
            case "isnodata", "isdata" -> {
                arity(c, 1);
                return isNoData(compile(args.get(0)), f.equals("isdata"));
            }
            case "mask", "inversemask" -> {
                arity(c, 2);
                Operand x = compile(args.get(0));
                Operand m = isNoData(compile(args.get(1)), f.equals("mask"));
                return where(m, x, intConst(NoData.INT));
            }
            case "setnodata" -> {
                arity(c, 2);
                Operand x = compile(args.get(0));
                Operand v = compile(args.get(1));
                // x is read twice: keep it alive through the comparison.
                Operand keep = x.pinned() ? x : new Operand(x.type(), x.slot(), true);
                Operand eq = binary("==", keep, v, c);
                Operand r = where(eq, intConst(NoData.INT), keep);
                if (!x.pinned()) {
                    release(x);
                }
                return r;
            }
            case "nd", "normalizeddifference" -> {
                arity(c, 2);
                Operand a = asDouble(compile(args.get(0)));
                Operand b = asDouble(compile(args.get(1)));
                return emit(CalcProgram.Code.ND_D, 0, CalcType.DOUBLE, a, b);
            }
            case "int" -> {
                arity(c, 1);
                Operand o = compile(args.get(0));
                return o.intLane() ? new Operand(CalcType.INT, o.slot(), o.pinned())
                        : emit(CalcProgram.Code.D2I, 0, CalcType.INT, o);
            }
            case "float", "double" -> {
                arity(c, 1);
                return asDouble(compile(args.get(0)));
            }
            default -> throw error("unknown function '" + f + "'", c);
        }
    }

    private void arity(Node.Call c, int n) {
        if (c.args().size() != n) {
            throw error(c.name() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got " + c.args().size(), c);
        }
    }
}
