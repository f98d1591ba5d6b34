package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Types the tree and turns it into a straight-line program over lane slots. Operators and functions
 * are {@link LocalOps} descriptors (looked up by symbol or name); each descriptor's
 * {@link LocalOp.Typing} decides the lane and the calc type; every function is an op of the catalog.
 * Temporaries are recycled as soon as their value is consumed (every kernel is element-wise, so a node may write
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
        Arrays.fill(inputSlots, -1);
    }

    static CalcProgram compile(CalcExpression expression, Node root, Map<String, CellType> inputs) {
        CalcCompiler c = new CalcCompiler(expression.text(), inputs);
        Operand result = c.compile(root);
        return new CalcProgram(
                expression.text(),
                c.inputNames,
                c.inputTypes,
                c.inputSlots,
                c.steps,
                c.intSlots,
                c.doubleSlots,
                ints(c.intConstSlots),
                ints(c.intConstValues),
                ints(c.doubleConstSlots),
                c.doubleConstValues.stream().mapToDouble(Double::doubleValue).toArray(),
                result.type(),
                result.slot());
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

    private Operand emit(CalcProgram.Kind kind, LocalOp op, CalcType type, Operand... args) {
        release(args);
        boolean intOut = kind == CalcProgram.Kind.INTS
                || kind == CalcProgram.Kind.DOUBLES_TO_INT
                || kind == CalcProgram.Kind.D2I
                || kind == CalcProgram.Kind.TRUTH_D;
        int dst = temp(intOut);
        int[] slots = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            slots[i] = args[i].slot();
        }
        steps.add(new CalcProgram.Step(kind, op == null ? null : op.name(), dst, slots));
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
                steps.add(new CalcProgram.Step(CalcProgram.Kind.I2D, null, dst, new int[] {o.slot()}));
                w = new Operand(CalcType.DOUBLE, dst, true);
                widenedInputs.put(o.slot(), w);
            }
            return w;
        }
        return emit(CalcProgram.Kind.I2D, null, CalcType.DOUBLE, o);
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
        return o.intLane() ? o : emit(CalcProgram.Kind.TRUTH_D, null, CalcType.BOOL, o);
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
            String known =
                    inputNames.isEmpty() ? "no inputs were given" : "the inputs are " + String.join(", ", inputNames);
            throw error("unknown name '" + name.name() + "' (" + known + ")", name);
        }
        if (inputSlots[i] < 0) {
            inputSlots[i] = inputTypes.get(i).intLane() ? intSlots++ : doubleSlots++;
        }
        return new Operand(inputTypes.get(i), inputSlots[i], true);
    }

    private Operand unary(Node.Unary u) {
        LocalOp op = LocalOps.bySymbol(u.op(), 1).orElseThrow(() -> error("unknown operator '" + u.op() + "'", u));
        return apply(op, List.of(compile(u.operand())), "'" + u.op() + "'", u);
    }

    private Operand binary(String symbol, Operand l, Operand r, Node at) {
        LocalOp op = LocalOps.bySymbol(symbol, 2).orElseThrow(() -> error("unknown operator '" + symbol + "'", at));
        return apply(op, List.of(l, r), "'" + symbol + "'", at);
    }

    private static boolean allInt(List<Operand> args) {
        for (Operand o : args) {
            if (!o.intLane()) {
                return false;
            }
        }
        return true;
    }

    private Operand[] asDoubles(List<Operand> args) {
        Operand[] out = new Operand[args.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asDouble(args.get(i));
        }
        return out;
    }

    /** {@code op} over compiled operands, by its typing; {@code label} names it in errors. */
    private Operand apply(LocalOp op, List<Operand> args, String label, Node at) {
        Operand[] in = args.toArray(new Operand[0]);
        switch (op.typing()) {
            case UNION -> {
                if (!allInt(args)) {
                    return emit(CalcProgram.Kind.DOUBLES, op, CalcType.DOUBLE, asDoubles(args));
                }
                if (op.ints() == LocalOp.INT_IDENTITY) {
                    return new Operand(CalcType.INT, in[0].slot(), in[0].pinned());
                }
                return emit(CalcProgram.Kind.INTS, op, CalcType.INT, in);
            }
            case FLOATING, FLOAT32 -> {
                if (op.doubles() == LocalOp.DOUBLE_IDENTITY) {
                    return asDouble(in[0]);
                }
                if (op.intsToDouble() != null && allInt(args)) {
                    return emit(CalcProgram.Kind.INTS_TO_DOUBLE, op, CalcType.DOUBLE, in);
                }
                return emit(CalcProgram.Kind.DOUBLES, op, CalcType.DOUBLE, asDoubles(args));
            }
            case BOOLEAN -> {
                return allInt(args)
                        ? emit(CalcProgram.Kind.INTS, op, CalcType.BOOL, in)
                        : emit(CalcProgram.Kind.DOUBLES_TO_INT, op, CalcType.BOOL, asDoubles(args));
            }
            case TRUTH -> {
                for (int i = 0; i < in.length; i++) {
                    in[i] = asTruth(in[i]);
                }
                return emit(CalcProgram.Kind.INTS, op, CalcType.BOOL, in);
            }
            case BITS -> {
                for (Operand o : in) {
                    requireInt(o, "bitwise " + label, at);
                }
                return emit(CalcProgram.Kind.INTS, op, CalcType.INT, in);
            }
            case INTEGRAL -> {
                for (int i = 0; i < in.length; i++) {
                    if (!in[i].intLane()) {
                        in[i] = emit(CalcProgram.Kind.D2I, null, CalcType.INT, in[i]);
                    }
                }
                if (op.ints() == LocalOp.INT_IDENTITY) {
                    return new Operand(CalcType.INT, in[0].slot(), in[0].pinned());
                }
                return emit(CalcProgram.Kind.INTS, op, CalcType.INT, in);
            }
            case FIRST -> {
                if (allInt(args)) {
                    return emit(CalcProgram.Kind.INTS, op, CalcType.INT, in);
                }
                // mixed lanes meet in the double lane (ints are exact there); an INT first operand narrows back
                Operand r = emit(CalcProgram.Kind.DOUBLES, op, CalcType.DOUBLE, asDoubles(args));
                return in[0].intLane() ? emit(CalcProgram.Kind.D2I, null, CalcType.INT, r) : r;
            }
            case MASK -> {
                if (in[0].intLane()) {
                    Operand m =
                            in[1].intLane() ? in[1] : emit(CalcProgram.Kind.DOUBLES_TO_INT, op, CalcType.INT, in[1]);
                    return emit(CalcProgram.Kind.INTS, op, CalcType.INT, in[0], m);
                }
                return emit(CalcProgram.Kind.DOUBLES, op, CalcType.DOUBLE, asDoubles(args));
            }
            case WHERE -> {
                Operand a = in[1];
                Operand b = in[2];
                if (a.intLane() && b.intLane()) {
                    CalcType t = a.type() == CalcType.BOOL && b.type() == CalcType.BOOL ? CalcType.BOOL : CalcType.INT;
                    return emit(CalcProgram.Kind.INTS, op, t, asTruth(in[0]), a, b);
                }
                // the double lane reads the condition's truth directly (non-zero true, NaN NoData)
                return emit(CalcProgram.Kind.DOUBLES, op, CalcType.DOUBLE, asDoubles(args));
            }
        }
        throw new AssertionError(op.typing());
    }

    private void requireInt(Operand o, String what, Node at) {
        if (!o.intLane()) {
            throw error(what + " needs integer operands, got a floating point one (convert with int(...))", at);
        }
    }

    private Operand call(Node.Call c) {
        String f = c.name();
        List<Node> args = c.args();
        LocalOp op = LocalOps.find(f).orElseThrow(() -> error("unknown function '" + f + "'", c));
        if (op.isVariadic()) {
            if (args.size() < 2) {
                throw error(f + " takes at least 2 arguments, got " + args.size(), c);
            }
            Operand acc = compile(args.get(0));
            for (Node a : args.subList(1, args.size())) {
                acc = apply(op, List.of(acc, compile(a)), f, c);
            }
            return acc;
        }
        arity(c, op.arity());
        List<Operand> in = new ArrayList<>();
        for (Node a : args) {
            in.add(compile(a));
        }
        return apply(op, in, f, c);
    }

    private void arity(Node.Call c, int n) {
        if (c.args().size() != n) {
            throw error(
                    c.name() + " takes " + n + " argument" + (n == 1 ? "" : "s") + ", got "
                            + c.args().size(),
                    c);
        }
    }
}
