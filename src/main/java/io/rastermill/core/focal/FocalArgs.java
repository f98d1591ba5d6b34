package io.rastermill.core.focal;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The checked values of a {@link FocalOp}'s parameters, defaults filled in: what the op's kernel factory
 * reads with typed getters. Built by {@link FocalOp#args}; immutable.
 */
public final class FocalArgs {
    private final FocalOp op;
    private final Map<String, String> values;
    private final Set<String> given;

    FocalArgs(FocalOp op, Map<String, String> values, Set<String> given) {
        this.op = op;
        this.values = Map.copyOf(values);
        this.given = Set.copyOf(given);
    }

    private String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(op.name() + " has no parameter " + name); // a factory's slip
        }
        return v;
    }

    /** Whether the caller gave {@code name} (rather than leaving its default). */
    public boolean given(String name) {
        return given.contains(name);
    }

    public double number(String name) {
        return op.param(name).number(text(name));
    }

    public int integer(String name) {
        return op.param(name).integer(text(name));
    }

    public boolean flag(String name) {
        return op.param(name).flag(text(name));
    }

    /** A list of numbers (a copy; empty when not given). */
    public double[] numbers(String name) {
        return op.param(name).numbers(text(name));
    }

    /**
     * A {@link FocalParam.Type#CHOICE} read by {@code parse} (e.g. {@code GradientAlg::parse}); its
     * {@link IllegalArgumentException} is rethrown naming the parameter.
     */
    public <T> T choice(String name, Function<String, T> parse) {
        String t = text(name);
        try {
            return parse.apply(t.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return op.name() + values;
    }
}
