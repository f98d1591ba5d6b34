package io.rastermill.io.tiff;

import io.rastermill.io.bytes.RangeReader;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;

/**
 * The structure of a TIFF or BigTIFF file: byte order, flavour and the chain of image directories.
 * Reading it touches only the header, the IFDs and their out-of-line values, never pixel data.
 * Immutable.
 *
 * @param location the file, for messages
 * @param byteOrder the file's byte order (II little, MM big endian)
 * @param bigTiff true for BigTIFF (version 43)
 * @param directories every IFD of the main chain, in file order
 */
public record TiffStructure(String location, ByteOrder byteOrder, boolean bigTiff, List<TiffDirectory> directories) {

    public TiffStructure {
        directories = List.copyOf(directories);
    }

    /**
     * Reads the header and every IFD with the default limits of {@link TiffStructureReader}.
     *
     * @throws TiffFormatException if the structure is malformed (the message names file, IFD and tag)
     * @throws java.io.EOFException if the reader's length is wrong and a read passes the real end
     */
    public static TiffStructure read(RangeReader reader) throws IOException {
        return new TiffStructureReader(reader).read();
    }

    /** The full-resolution images: neither reduced-resolution nor masks, in file order. */
    public List<TiffDirectory> fullResolution() {
        return directories.stream()
                .filter(d -> !d.isReducedResolution() && !d.isMask())
                .toList();
    }

    /**
     * The overviews of the first full-resolution image: reduced-resolution, not masks, with the same
     * number of samples, largest first.
     */
    public List<TiffDirectory> overviews() {
        List<TiffDirectory> full = fullResolution();
        if (full.isEmpty()) {
            return List.of();
        }
        int samples = full.get(0).samplesPerPixel();
        return directories.stream()
                .filter(d -> d.isReducedResolution() && !d.isMask() && d.samplesPerPixel() == samples)
                .sorted(Comparator.comparingInt(TiffDirectory::width).reversed())
                .toList();
    }

    /** Transparency masks (NewSubfileType bit 2), which image readers skip. */
    public List<TiffDirectory> masks() {
        return directories.stream().filter(TiffDirectory::isMask).toList();
    }
}
