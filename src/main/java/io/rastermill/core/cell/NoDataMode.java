package io.rastermill.core.cell;

/** The three NoData policies GeoTrellis knows for every data type but {@code bool}. */
public enum NoDataMode {
    /** No NoData value: every stored value is data ({@code int8raw}, {@code float32raw}, ... and {@code bool}). */
    RAW,
    /** The type's default NoData: -128, 0, -32768, 0, Integer.MIN_VALUE, NaN, NaN. */
    CONSTANT,
    /** A NoData value chosen by the user, carried in the cell type name ({@code int16ud-9999}). */
    USER_DEFINED
}
