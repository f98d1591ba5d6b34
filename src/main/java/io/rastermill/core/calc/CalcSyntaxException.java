package io.rastermill.core.calc;

/**
 * A map algebra expression that cannot be parsed or typed: the message says what is wrong, at which
 * 1-based column, in which expression, e.g. {@code unexpected ')' at column 8 in "(B - A)) / 2"}.
 */
public final class CalcSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int column;

    CalcSyntaxException(String what, int column, String expression) {
        super(what + " at column " + column + " in \"" + expression + "\"");
        this.expression = expression;
        this.column = column;
    }

    /** The expression as given. */
    public String expression() {
        return expression;
    }

    /** The 1-based column of the offending token. */
    public int column() {
        return column;
    }
}
