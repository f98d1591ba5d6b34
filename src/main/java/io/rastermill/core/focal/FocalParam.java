package io.rastermill.core.focal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One parameter of a {@link FocalOp}: its snake-case name (the same in SQL options, and with dashes as
 * the CLI option {@code --z-factor}), its {@link Type}, its default as text ({@code null}: required),
 * the values a {@link Type#CHOICE} documents and a one-line doc.
 *
 * @param choices the documented values of a {@link Type#CHOICE} (case-insensitive), empty for other types
 */
public record FocalParam(String name, Type type, String defaultValue, List<String> choices, String doc) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** How a parameter's text is read. */
    public enum Type {
        /** A finite decimal number. */
        NUMBER,
        /** A whole number (written with or without a fraction of zero). */
        INTEGER,
        /** {@code true} or {@code false}. */
        FLAG,
        /** One of {@link FocalParam#choices()}, case-insensitive (the op's parser may also take aliases). */
        CHOICE,
        /** Finite numbers separated by commas. */
        NUMBERS
    }

    public FocalParam {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("focal parameter name '" + name + "' is not snake case");
        }
        Objects.requireNonNull(type, name);
        choices = List.copyOf(choices);
        if ((type == Type.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException(name + ": only a CHOICE parameter lists choices, and it must");
        }
        if (doc == null || doc.isBlank() || doc.contains("\n")) {
            throw new IllegalArgumentException("focal parameter " + name + " has no one-line doc");
        }
    }

    public static FocalParam number(String name, double defaultValue, String doc) {
        return new FocalParam(name, Type.NUMBER, text(defaultValue), List.of(), doc);
    }

    /** A whole number; {@code defaultValue} null makes it required. */
    public static FocalParam integer(String name, Integer defaultValue, String doc) {
        return new FocalParam(
                name, Type.INTEGER, defaultValue == null ? null : defaultValue.toString(), List.of(), doc);
    }

    /** A flag that is false unless given. */
    public static FocalParam flag(String name, String doc) {
        return new FocalParam(name, Type.FLAG, "false", List.of(), doc);
    }

    /** One of {@code choices}; {@code defaultValue} null makes it required. */
    public static FocalParam choice(String name, String defaultValue, List<String> choices, String doc) {
        return new FocalParam(name, Type.CHOICE, defaultValue, choices, doc);
    }

    /** A list of numbers, empty by default. */
    public static FocalParam numbers(String name, String doc) {
        return new FocalParam(name, Type.NUMBERS, "", List.of(), doc);
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** {@code --z-factor}: the name as a command-line option. */
    public String cliOption() {
        return "--" + name.replace('_', '-');
    }

    /** For help texts: {@code alg=Horn|ZevenbergenThorne (Horn)}, {@code radius=INTEGER (required)}. */
    public String usage() {
        String values = switch (type) {
            case CHOICE -> String.join("|", choices);
            case FLAG -> "true|false";
            default -> type.name();
        };
        String def = required() ? "required" : defaultValue.isEmpty() ? "none" : defaultValue;
        return name + "=" + values + " (" + def + ")";
    }

    /**
     * Checks {@code text} against the type (a CHOICE is left to the op's parser, which may take aliases).
     *
     * @throws IllegalArgumentException naming the parameter and the text
     */
    void check(String text) {
        switch (type) {
            case NUMBER -> number(text);
            case INTEGER -> integer(text);
            case FLAG -> flag(text);
            case NUMBERS -> numbers(text);
            case CHOICE -> {
                if (text.isBlank()) {
                    throw new IllegalArgumentException(name + " must be one of " + String.join(", ", choices));
                }
            }
        }
    }

    double number(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(name + " must be a finite number, not '" + text + "'");
    }

    int integer(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
        return (int) v;
    }

    boolean flag(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not '" + text + "'");
        };
    }

    double[] numbers(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        String[] parts = text.trim().split("\\s*,\\s*");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = number(parts[i]);
        }
        return v;
    }
}
