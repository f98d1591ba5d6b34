package io.rastermill.core.calc;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;

/**
 * The static type of an expression node, fixed once when the expression is compiled: which lane it
 * is evaluated in, and what it means.
 */
public enum CalcType {
    /** Whole numbers in the int lane (NoData = {@link Integer#MIN_VALUE}). */
    INT,
    /** 0/1 truth values in the int lane (NoData = {@link Integer#MIN_VALUE}). */
    BOOL,
    /** Numbers in the double lane (NoData = NaN). */
    DOUBLE;

    boolean intLane() {
        return this != DOUBLE;
    }

    /** The cell type written when the user names none: int32, uint8 with NoData 255, or float64. */
    public CellType defaultCellType() {
        return switch (this) {
            case INT -> CellType.INT32;
            case BOOL -> CellType.userDefined(DataType.UINT8, 255);
            case DOUBLE -> CellType.FLOAT64;
        };
    }

    /** The type an input of {@code cellType} has in an expression. */
    static CalcType of(CellType cellType) {
        return cellType.isFloatingPoint() ? DOUBLE : INT;
    }
}
