package io.rastermill.io.tiff;

/** TIFF 6.0 and BigTIFF field types with their codes and value sizes in bytes. */
public enum TiffType {
    BYTE(1, 1),
    ASCII(2, 1),
    SHORT(3, 2),
    LONG(4, 4),
    RATIONAL(5, 8),
    SBYTE(6, 1),
    UNDEFINED(7, 1),
    SSHORT(8, 2),
    SLONG(9, 4),
    SRATIONAL(10, 8),
    FLOAT(11, 4),
    DOUBLE(12, 8),
    IFD(13, 4),
    LONG8(16, 8),
    SLONG8(17, 8),
    IFD8(18, 8);

    private static final TiffType[] BY_CODE = new TiffType[19];

    static {
        for (TiffType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final int size;

    TiffType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    public int code() {
        return code;
    }

    /** Size of one value in bytes (a rational is one value of 8 bytes). */
    public int size() {
        return size;
    }

    /** True for the integer types (including BYTE, UNDEFINED and the IFD pointers). */
    public boolean isInteger() {
        return this != ASCII && this != RATIONAL && this != SRATIONAL && this != FLOAT && this != DOUBLE;
    }

    /** The type with this code, or null for an unknown code (which readers must skip). */
    public static TiffType ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
