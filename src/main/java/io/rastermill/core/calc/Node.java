package io.rastermill.core.calc;

import java.io.Serializable;
import java.util.List;

/** The parsed expression tree; {@code column} is the 1-based column of the node's token. */
sealed interface Node extends Serializable {
    int column();

    /** A number literal; {@code integral} when written without a point or exponent and within int range. */
    record Num(double value, boolean integral, int column) implements Node {}

    /** The {@code nodata} literal. */
    record NoDataLit(int column) implements Node {}

    /** A named input. */
    record Name(String name, int column) implements Node {}

    /** A prefix operator: {@code - + ~ ! not}. */
    record Unary(String op, Node operand, int column) implements Node {}

    /** An infix operator, by its symbol ({@code and}/{@code or} normalised to {@code &&}/{@code ||}). */
    record Binary(String op, Node left, Node right, int column) implements Node {}

    /** A function call; {@code name} is lower-cased. */
    record Call(String name, List<Node> args, int column) implements Node {}
}
