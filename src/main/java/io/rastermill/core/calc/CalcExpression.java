package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.local.LocalOp;
import io.rastermill.core.local.LocalOps;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed map algebra expression in the spirit of {@code gdal_calc.py}, e.g.
 * {@code (B - A) / (B + A)} or {@code where(A > 100 and isData(B), B, nodata)}.
 *
 * <p>Use: {@link #parse} once (syntax errors are {@link CalcSyntaxException}s naming the column),
 * {@link #compile} with the inputs' cell types (unknown names and type errors are refused there),
 * then run the {@link CalcProgram} on tiles. Parsing and compiling happen once, on the driver; the
 * program evaluates whole tiles, node by node, into primitive lane arrays reused between tiles.
 *
 * <p><b>Grammar.</b> Numbers ({@code 3}, {@code 0.5}, {@code 1e-3}); names of inputs (identifiers,
 * case-sensitive); {@code nodata}; parentheses; operators with Python's precedence, lowest first:
 * {@code or ||}; {@code and &&}; {@code not}; comparisons {@code == != < <= > >=} (not chained);
 * {@code |}; {@code ^}; {@code &}; {@code << >>}; {@code + -}; {@code * / // %}; unary
 * {@code - + ~ !}; {@code **} (right-associative). Operators and functions (case-insensitive) are the
 * ops of {@link LocalOps#all()}, by {@link LocalOp#symbol()} and {@link LocalOp#name()} (e.g.
 * {@code sqrt abs atan2 hypot pow min max where isNoData nd floorDivide clamp mask inverseMask setNoData
 * int float}; {@code min} and {@code max} take two or more arguments). {@link #reference()} lists them all
 * with a line each.
 *
 * <p><b>Types</b> ({@link CalcType}). An input is INT if its cell type is integral, else DOUBLE; a
 * literal is INT if written as a whole number, else DOUBLE. Each op's {@link LocalOp.Typing} decides:
 * {@code + - * // % min max clamp abs where pow divide} and unary minus give INT if all operands are INT
 * (or BOOL), else DOUBLE; {@code mask inverseMask setNoData} keep their first operand's lane (INT or
 * DOUBLE); {@code int} gives INT (truncating), {@code float} (also {@code double}) DOUBLE; {@code /} ({@code trueDivide}, as in Python 3), {@code **} ({@code floatPower}),
 * {@code nd} and the math functions always give DOUBLE; {@code floor ceil round} keep INT. Comparisons, {@code and or not}, {@code isNoData},
 * {@code isData} give BOOL (0/1). Bitwise operators need INT/BOOL operands. The result type decides the
 * default output cell type ({@link CalcType#defaultCellType()}).
 *
 * <p><b>NoData.</b> NoData in any operand gives NoData, and so do division and remainder by zero and
 * math outside a function's domain ({@code sqrt(-1)}). Exceptions: {@code isNoData}/{@code isData}
 * never give NoData; {@code where} gives the chosen branch (NoData only if the condition or that branch
 * is); {@code mask}/{@code inverseMask} read NoData as the mask. {@code and}/{@code or} are strict
 * (NoData in either operand gives NoData). INT arithmetic wraps on overflow (Java int); a result that
 * wraps onto {@link Integer#MIN_VALUE} is NoData. The output cell type's narrowing rules then apply
 * (see {@code io.rastermill.core.local.Conversion}).
 */
public final class CalcExpression implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final Node root;

    private CalcExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses {@code expression}.
     *
     * @throws CalcSyntaxException naming the column of the first error
     */
    public static CalcExpression parse(String expression) {
        return new CalcExpression(expression, CalcParser.parse(expression));
    }

    public String text() {
        return text;
    }

    /** The input names the expression uses, in order of first appearance. */
    public List<String> names() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return new ArrayList<>(out);
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Node.Name name) {
            out.add(name.name());
        } else if (n instanceof Node.Unary u) {
            collect(u.operand(), out);
        } else if (n instanceof Node.Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (n instanceof Node.Call c) {
            c.args().forEach(a -> collect(a, out));
        }
    }

    /**
     * Type-checks the expression against its inputs and compiles it into a program. {@code inputs}
     * maps every name the program will be given (in iteration order: use a {@link java.util.LinkedHashMap})
     * to its cell type; names not used by the expression are allowed and ignored.
     *
     * @throws CalcSyntaxException for an unknown name or function, a wrong argument count, or a
     *     bitwise operator on floating point operands
     */
    public CalcProgram compile(Map<String, CellType> inputs) {
        return CalcCompiler.compile(this, root, inputs);
    }

    /**
     * One line per operator and function of the language, {@code "a + b  —  doc"}, for help
     * texts; generated from {@link LocalOps#all()}, so a new op appears here by itself.
     */
    public static List<String> reference() {
        List<String> out = new ArrayList<>();
        for (LocalOp op : LocalOps.all()) {
            String sig = op.signature();
            if (op.symbol() != null && !CalcParser.OPERATOR_WORDS.contains(op.name())) {
                sig += ", " + op.name() + "(" + (op.arity() == 1 ? "a" : "a, b") + ")";
            }
            for (String alias : op.aliases()) {
                sig += ", " + alias + "(...)";
            }
            out.add(sig + "  —  " + op.doc());
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
