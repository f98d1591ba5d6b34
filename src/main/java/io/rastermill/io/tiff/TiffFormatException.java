package io.rastermill.io.tiff;

import java.io.IOException;

/**
 * A TIFF file is malformed or unsupported. The message names the file, and when known the IFD index,
 * the tag (number and name) and the offending value.
 */
public final class TiffFormatException extends IOException {

    private final String location;
    private final int ifdIndex;
    private final int tag;

    /** A file-level problem (header, IFD chain). */
    public TiffFormatException(String location, String detail) {
        super(location + ": " + detail);
        this.location = location;
        this.ifdIndex = -1;
        this.tag = -1;
    }

    /** A problem in IFD {@code ifdIndex}, not tied to one tag. */
    public TiffFormatException(String location, int ifdIndex, String detail) {
        super(location + ": IFD " + ifdIndex + ": " + detail);
        this.location = location;
        this.ifdIndex = ifdIndex;
        this.tag = -1;
    }

    /** A problem with one tag of IFD {@code ifdIndex}; {@code detail} should state the value. */
    public TiffFormatException(String location, int ifdIndex, int tag, String detail) {
        super(location + ": IFD " + ifdIndex + ", tag " + tag + " (" + TiffTag.name(tag) + "): " + detail);
        this.location = location;
        this.ifdIndex = ifdIndex;
        this.tag = tag;
    }

    public String location() {
        return location;
    }

    /** The IFD index, or -1 for a file-level problem. */
    public int ifdIndex() {
        return ifdIndex;
    }

    /** The tag number, or -1 if the problem is not tied to one tag. */
    public int tag() {
        return tag;
    }
}
