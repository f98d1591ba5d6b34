package io.rastermill.io.tiff;

/**
 * Where one tile or strip sits in the image and in the file.
 *
 * <p>A stored tile always has the full tile size ({@code storedWidth × storedHeight}), padded past the
 * right and bottom edges; a strip is stored with only its own rows, so the last strip may be shorter.
 * The window ({@code x, y, width, height}) is the part inside the image.
 *
 * @param index segment index in file order (row-major, then plane)
 * @param plane the sample plane (always 0 for chunky images)
 * @param x first image column covered
 * @param y first image row covered
 * @param width image columns covered (clipped at the right edge)
 * @param height image rows covered (clipped at the bottom edge)
 * @param storedWidth columns in the decoded segment
 * @param storedHeight rows in the decoded segment
 * @param offset file offset of the (compressed) bytes
 * @param byteCount number of (compressed) bytes; 0 with offset 0 marks a sparse (absent) segment
 */
public record TiffSegment(
        int index,
        int plane,
        int x,
        int y,
        int width,
        int height,
        int storedWidth,
        int storedHeight,
        long offset,
        long byteCount) {

    /** True for a segment GDAL left out of a sparse file (offset and byte count 0). */
    public boolean isSparse() {
        return offset == 0 && byteCount == 0;
    }
}
