package io.rastermill.core.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenizer and recursive-descent parser for the expression grammar (see {@link CalcExpression}).
 * Precedence, lowest first, as in Python: {@code or ||}, {@code and &&}, {@code not}, comparisons
 * (not chained), {@code |}, {@code ^}, {@code &}, {@code << >>}, {@code + -}, {@code * / // %}, unary
 * {@code - + ~ !}, {@code **} (right-associative, binding tighter than a unary minus on its left).
 */
final class CalcParser {
    /** Words that are operators, so never names or function calls. */
    static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not");

    private enum Kind {
        NUMBER,
        IDENT,
        OP,
        END
    }

    private record Token(Kind kind, String text, int column) {
        String shown() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
    private static final String[] OPERATORS = {
        "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "&", "|", "^",
        "~", "!", "(", ")", ","
    };

    private final String src;
    private final List<Token> tokens;
    private int pos;

    private CalcParser(String src) {
        this.src = src;
        this.tokens = tokenize(src);
    }

    static Node parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new CalcSyntaxException("empty expression", 1, expression == null ? "" : expression);
        }
        CalcParser p = new CalcParser(expression);
        Node n = p.parseOr();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw p.unexpected(t);
        }
        return n;
    }

    private List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int col = i + 1;
            if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == '.') {
                    j++;
                    while (j < s.length() && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                if (j < s.length() && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < s.length() && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                        k++;
                    }
                    if (k >= s.length() || !Character.isDigit(s.charAt(k))) {
                        throw new CalcSyntaxException("malformed number '" + s.substring(i, k) + "'", col, s);
                    }
                    while (k < s.length() && Character.isDigit(s.charAt(k))) {
                        k++;
                    }
                    j = k;
                }
                if (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
                    throw new CalcSyntaxException("unexpected '" + s.charAt(j) + "' after a number", j + 1, s);
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j), col));
                i = j;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.IDENT, s.substring(i, j), col));
                i = j;
                continue;
            }
            String op = null;
            for (String candidate : OPERATORS) {
                if (s.startsWith(candidate, i)) {
                    op = candidate;
                    break;
                }
            }
            if (op == null) {
                String hint = c == '=' ? " (comparison is '==')" : "";
                throw new CalcSyntaxException("unexpected '" + c + "'" + hint, col, s);
            }
            out.add(new Token(Kind.OP, op, col));
            i += op.length();
        }
        out.add(new Token(Kind.END, "", s.length() + 1));
        return out;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean isOp(Token t, String... ops) {
        if (t.kind == Kind.OP) {
            for (String o : ops) {
                if (t.text.equals(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isKeyword(Token t, String word) {
        return t.kind == Kind.IDENT && t.text.toLowerCase(Locale.ROOT).equals(word);
    }

    private CalcSyntaxException unexpected(Token t) {
        return new CalcSyntaxException("unexpected " + t.shown(), t.column, src);
    }

    private Node parseOr() {
        Node left = parseAnd();
        while (isOp(peek(), "||") || isKeyword(peek(), "or")) {
            Token t = next();
            left = new Node.Binary("||", left, parseAnd(), t.column);
        }
        return left;
    }

    private Node parseAnd() {
        Node left = parseNot();
        while (isOp(peek(), "&&") || isKeyword(peek(), "and")) {
            Token t = next();
            left = new Node.Binary("&&", left, parseNot(), t.column);
        }
        return left;
    }

    private Node parseNot() {
        if (isKeyword(peek(), "not")) {
            Token t = next();
            return new Node.Unary("!", parseNot(), t.column);
        }
        return parseComparison();
    }

    private Node parseComparison() {
        Node left = parseBinary(0);
        Token t = peek();
        if (t.kind == Kind.OP && COMPARISONS.contains(t.text)) {
            next();
            Node right = parseBinary(0);
            Token again = peek();
            if (again.kind == Kind.OP && COMPARISONS.contains(again.text)) {
                throw new CalcSyntaxException(
                        "comparisons cannot be chained (write (a < b) and (b < c))", again.column, src);
            }
            return new Node.Binary(t.text, left, right, t.column);
        }
        return left;
    }

    /** Binary levels from {@code |} (0) to the multiplicative operators (5). */
    private static final String[][] LEVELS = {{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%"}};

    private Node parseBinary(int level) {
        if (level == LEVELS.length) {
            return parseUnary();
        }
        Node left = parseBinary(level + 1);
        while (isOp(peek(), LEVELS[level])) {
            Token t = next();
            left = new Node.Binary(t.text, left, parseBinary(level + 1), t.column);
        }
        return left;
    }

    private Node parseUnary() {
        Token t = peek();
        if (isOp(t, "-", "+", "~", "!")) {
            next();
            Node operand = parseUnary();
            if (t.text.equals("+")) {
                return operand;
            }
            if (t.text.equals("-") && operand instanceof Node.Num num) {
                return new Node.Num(-num.value(), num.integral(), t.column);
            }
            return new Node.Unary(t.text, operand, t.column);
        }
        return parsePower();
    }

    private Node parsePower() {
        Node base = parsePrimary();
        if (isOp(peek(), "**")) {
            Token t = next();
            return new Node.Binary("**", base, parseUnary(), t.column);
        }
        return base;
    }

    private Node parsePrimary() {
        Token t = next();
        switch (t.kind) {
            case NUMBER -> {
                return number(t);
            }
            case IDENT -> {
                String lower = t.text.toLowerCase(Locale.ROOT);
                if (isOp(peek(), "(")) {
                    next();
                    List<Node> args = new ArrayList<>();
                    if (!isOp(peek(), ")")) {
                        args.add(parseOr());
                        while (isOp(peek(), ",")) {
                            next();
                            args.add(parseOr());
                        }
                    }
                    Token close = next();
                    if (!isOp(close, ")")) {
                        throw new CalcSyntaxException(
                                "expected ',' or ')' but found " + close.shown() + " in the call of " + t.text,
                                close.column,
                                src);
                    }
                    return new Node.Call(lower, List.copyOf(args), t.column);
                }
                if (lower.equals("nodata")) {
                    return new Node.NoDataLit(t.column);
                }
                if (OPERATOR_WORDS.contains(lower)) {
                    throw unexpected(t);
                }
                return new Node.Name(t.text, t.column);
            }
            case OP -> {
                if (t.text.equals("(")) {
                    Node inner = parseOr();
                    Token close = next();
                    if (!isOp(close, ")")) {
                        throw new CalcSyntaxException("expected ')' but found " + close.shown(), close.column, src);
                    }
                    return inner;
                }
                throw unexpected(t);
            }
            default -> throw unexpected(t);
        }
    }

    private Node number(Token t) {
        String s = t.text;
        boolean integral = s.chars().allMatch(Character::isDigit);
        if (integral) {
            try {
                return new Node.Num(Integer.parseInt(s), true, t.column);
            } catch (NumberFormatException tooBig) {
                // beyond int: a double literal
            }
        }
        return new Node.Num(Double.parseDouble(s), false, t.column);
    }
}
