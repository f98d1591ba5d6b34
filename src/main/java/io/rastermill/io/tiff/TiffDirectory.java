package io.rastermill.io.tiff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One image file directory, validated when built: positive size, a consistent segment layout
 * (tiles or strips) whose offsets and byte counts lie inside the file. Immutable.
 *
 * <p>Tile sizes need not be multiples of 16 (the spec asks for it; GDAL and libtiff read any positive
 * size, and so do we).
 */
public final class TiffDirectory {

    /** NewSubfileType bit 0: a reduced-resolution version of another image (an overview). */
    public static final int SUBFILE_REDUCED_RESOLUTION = 1;
    /** NewSubfileType bit 2: a transparency mask for another image. */
    public static final int SUBFILE_MASK = 4;

    public static final int PLANAR_CHUNKY = 1;
    public static final int PLANAR_SEPARATE = 2;

    private final String location;
    private final int index;
    private final Map<Integer, TiffEntry> entries;

    private final int width;
    private final int height;
    private final int samplesPerPixel;
    private final int[] bitsPerSample;
    private final int[] sampleFormat;
    private final int compression;
    private final int predictor;
    private final int planarConfiguration;
    private final long newSubfileType;
    private final boolean tiled;
    private final int segmentWidth;
    private final int segmentHeight;
    private final int segmentsAcross;
    private final int segmentsDown;
    private final long[] segmentOffsets;
    private final long[] segmentByteCounts;

    TiffDirectory(String location, int index, long fileLength, Map<Integer, TiffEntry> entries)
            throws TiffFormatException {
        this.location = location;
        this.index = index;
        this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));

        this.width = positiveInt(TiffTag.IMAGE_WIDTH, required(TiffTag.IMAGE_WIDTH));
        this.height = positiveInt(TiffTag.IMAGE_LENGTH, required(TiffTag.IMAGE_LENGTH));
        long spp = uint(TiffTag.SAMPLES_PER_PIXEL, 1);
        if (spp < 1 || spp > 65535) {
            throw error(TiffTag.SAMPLES_PER_PIXEL, "value " + spp + " must be in 1..65535");
        }
        this.samplesPerPixel = (int) spp;
        this.bitsPerSample = perSample(TiffTag.BITS_PER_SAMPLE, 1, 1, 64);
        this.sampleFormat = perSample(TiffTag.SAMPLE_FORMAT, 1, 1, 6);
        this.compression = (int) Math.min(uint(TiffTag.COMPRESSION, 1), Integer.MAX_VALUE);
        this.predictor = (int) Math.min(uint(TiffTag.PREDICTOR, 1), Integer.MAX_VALUE);
        long planar = uint(TiffTag.PLANAR_CONFIGURATION, PLANAR_CHUNKY);
        if (planar != PLANAR_CHUNKY && planar != PLANAR_SEPARATE) {
            throw error(TiffTag.PLANAR_CONFIGURATION, "value " + planar + " must be 1 (chunky) or 2 (planar)");
        }
        this.planarConfiguration = (int) planar;
        this.newSubfileType = uint(TiffTag.NEW_SUBFILE_TYPE, 0);

        int offsetsTag;
        int countsTag;
        this.tiled = entries.containsKey(TiffTag.TILE_WIDTH)
                || entries.containsKey(TiffTag.TILE_LENGTH)
                || entries.containsKey(TiffTag.TILE_OFFSETS);
        if (tiled) {
            segmentWidth = positiveInt(TiffTag.TILE_WIDTH, required(TiffTag.TILE_WIDTH));
            segmentHeight = positiveInt(TiffTag.TILE_LENGTH, required(TiffTag.TILE_LENGTH));
            offsetsTag = TiffTag.TILE_OFFSETS;
            countsTag = TiffTag.TILE_BYTE_COUNTS;
        } else {
            long rows = uint(TiffTag.ROWS_PER_STRIP, 0xFFFFFFFFL);
            if (rows == 0) {
                throw error(TiffTag.ROWS_PER_STRIP, "value 0 must be > 0");
            }
            segmentWidth = width;
            segmentHeight = (int) Math.min(rows, height);
            offsetsTag = TiffTag.STRIP_OFFSETS;
            countsTag = TiffTag.STRIP_BYTE_COUNTS;
        }
        this.segmentsAcross = (int) ceilDiv(width, segmentWidth);
        this.segmentsDown = (int) ceilDiv(height, segmentHeight);
        long perPlane = (long) segmentsAcross * segmentsDown;
        long planes = planarConfiguration == PLANAR_SEPARATE ? samplesPerPixel : 1;
        long expected = perPlane > Long.MAX_VALUE / planes ? Long.MAX_VALUE : perPlane * planes;

        TiffEntry offsets = required(offsetsTag);
        TiffEntry counts = required(countsTag);
        // compare counts before decoding anything: a huge claimed layout fails here without allocating
        if (offsets.count() != expected) {
            throw error(
                    offsetsTag,
                    offsets.count() + " values, but the layout (" + width + "x" + height + " in " + segmentWidth + "x"
                            + segmentHeight + " segments, " + planes + " plane(s)) needs " + expected);
        }
        if (counts.count() != expected) {
            throw error(countsTag, counts.count() + " values, but " + TiffTag.name(offsetsTag) + " has " + expected);
        }
        this.segmentOffsets = integers(offsetsTag, offsets);
        this.segmentByteCounts = integers(countsTag, counts);
        for (int i = 0; i < segmentOffsets.length; i++) {
            long off = segmentOffsets[i];
            long n = segmentByteCounts[i];
            if (off < 0 || off > fileLength) {
                throw error(
                        offsetsTag,
                        "segment " + i + " offset " + Long.toUnsignedString(off)
                                + " is past the end of the file (length " + fileLength + ")");
            }
            if (n < 0 || n > fileLength - off) {
                throw error(
                        countsTag,
                        "segment " + i + " at offset " + off + " with byte count " + Long.toUnsignedString(n)
                                + " passes the end of the file (length " + fileLength + ")");
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private TiffFormatException error(int tag, String detail) {
        return new TiffFormatException(location, index, tag, detail);
    }

    private TiffEntry required(int tag) throws TiffFormatException {
        TiffEntry e = entries.get(tag);
        if (e == null) {
            throw new TiffFormatException(location, index, tag, "required tag is missing");
        }
        return e;
    }

    private long[] integers(int tag, TiffEntry e) throws TiffFormatException {
        if (!e.type().isInteger()) {
            throw error(tag, "type " + e.type() + " is not an integer type");
        }
        return e.longs();
    }

    /** The first value of an unsigned integer entry, or {@code dflt} if absent. */
    private long uint(int tag, long dflt) throws TiffFormatException {
        TiffEntry e = entries.get(tag);
        if (e == null) {
            return dflt;
        }
        return uint(tag, e);
    }

    private long uint(int tag, TiffEntry e) throws TiffFormatException {
        if (e.count() < 1) {
            throw error(tag, "has no value");
        }
        long v = integers(tag, e)[0];
        if (v < 0) {
            throw error(tag, "value " + v + " must not be negative");
        }
        return v;
    }

    private int positiveInt(int tag, TiffEntry e) throws TiffFormatException {
        long v = uint(tag, e);
        if (v <= 0 || v > Integer.MAX_VALUE) {
            throw error(tag, "value " + v + " must be in 1.." + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private int[] perSample(int tag, int dflt, int min, int max) throws TiffFormatException {
        int[] out = new int[samplesPerPixel];
        TiffEntry e = entries.get(tag);
        if (e == null) {
            Arrays.fill(out, dflt);
            return out;
        }
        if (e.count() != samplesPerPixel && e.count() != 1) {
            throw error(tag, e.count() + " values for " + samplesPerPixel + " samples per pixel");
        }
        long[] values = integers(tag, e);
        for (int i = 0; i < samplesPerPixel; i++) {
            long v = values[e.count() == 1 ? 0 : i];
            if (v < min || v > max) {
                throw error(tag, "value " + v + " for sample " + i + " must be in " + min + ".." + max);
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** The file this directory belongs to, for messages. */
    public String location() {
        return location;
    }

    /** Position in the IFD chain, from 0. */
    public int index() {
        return index;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    /** Bits per sample, one value per sample (a single stored value is repeated). */
    public int[] bitsPerSample() {
        return bitsPerSample.clone();
    }

    /** Sample format per sample: 1 unsigned int, 2 signed int, 3 IEEE float (default 1). */
    public int[] sampleFormat() {
        return sampleFormat.clone();
    }

    /** Compression code (1 none, 5 LZW, 7 JPEG, 8 Deflate, …); the codec package interprets it. */
    public int compression() {
        return compression;
    }

    /** Predictor (1 none, 2 horizontal differencing, 3 floating point). */
    public int predictor() {
        return predictor;
    }

    /** 1 chunky (samples interleaved), 2 planar (one segment set per sample). */
    public int planarConfiguration() {
        return planarConfiguration;
    }

    /** PhotometricInterpretation, if present. */
    public OptionalInt photometric() {
        TiffEntry e = entries.get(TiffTag.PHOTOMETRIC_INTERPRETATION);
        if (e == null || e.count() < 1 || !e.type().isInteger()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) e.longs()[0]);
    }

    public long newSubfileType() {
        return newSubfileType;
    }

    public boolean isReducedResolution() {
        return (newSubfileType & SUBFILE_REDUCED_RESOLUTION) != 0;
    }

    public boolean isMask() {
        return (newSubfileType & SUBFILE_MASK) != 0;
    }

    /** True for a tiled image, false for strips. */
    public boolean isTiled() {
        return tiled;
    }

    /** Tile width, or the image width for strips. */
    public int segmentWidth() {
        return segmentWidth;
    }

    /** Tile height, or rows per strip (at most the image height). */
    public int segmentHeight() {
        return segmentHeight;
    }

    public int segmentsAcross() {
        return segmentsAcross;
    }

    public int segmentsDown() {
        return segmentsDown;
    }

    /** Number of segments: across × down × (planar ? samples : 1). */
    public int segmentCount() {
        return segmentOffsets.length;
    }

    public long segmentOffset(int segment) {
        return segmentOffsets[segment];
    }

    public long segmentByteCount(int segment) {
        return segmentByteCounts[segment];
    }

    /**
     * Tile or strip {@code segment}: its plane, its window in the image and its bytes in the file.
     *
     * @throws IndexOutOfBoundsException if {@code segment} is not in {@code [0, segmentCount())}
     */
    public TiffSegment segment(int segment) {
        Objects.checkIndex(segment, segmentOffsets.length);
        int perPlane = segmentsAcross * segmentsDown;
        int plane = segment / perPlane;
        int inPlane = segment % perPlane;
        int x = (inPlane % segmentsAcross) * segmentWidth;
        int y = (inPlane / segmentsAcross) * segmentHeight;
        int w = Math.min(segmentWidth, width - x);
        int h = Math.min(segmentHeight, height - y);
        return new TiffSegment(
                segment,
                plane,
                x,
                y,
                w,
                h,
                tiled ? segmentWidth : w,
                tiled ? segmentHeight : h,
                segmentOffsets[segment],
                segmentByteCounts[segment]);
    }

    /** A copy of the segment offsets (tile or strip order: row-major, then plane). */
    public long[] segmentOffsets() {
        return segmentOffsets.clone();
    }

    public long[] segmentByteCounts() {
        return segmentByteCounts.clone();
    }

    /** GDAL_NODATA text (tag 42113), as GDAL wrote it (e.g. "-9999", "nan"). */
    public Optional<String> gdalNoData() {
        return entry(TiffTag.GDAL_NODATA).map(TiffEntry::ascii).map(String::trim);
    }

    /**
     * GDAL_NODATA as a number: GDAL's spellings "nan", "inf" and "-inf" are understood (any case).
     *
     * @throws TiffFormatException if the tag is present but not a number
     */
    public OptionalDouble gdalNoDataValue() throws TiffFormatException {
        Optional<String> text = gdalNoData();
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        String t = text.get().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "-nan", "+nan" -> {
                return OptionalDouble.of(Double.NaN);
            }
            case "inf", "+inf", "infinity" -> {
                return OptionalDouble.of(Double.POSITIVE_INFINITY);
            }
            case "-inf", "-infinity" -> {
                return OptionalDouble.of(Double.NEGATIVE_INFINITY);
            }
            default -> {
                try {
                    return OptionalDouble.of(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw error(TiffTag.GDAL_NODATA, "value \"" + text.get() + "\" is not a number");
                }
            }
        }
    }

    public Optional<double[]> modelPixelScale() {
        return numbers(TiffTag.MODEL_PIXEL_SCALE);
    }

    public Optional<double[]> modelTiepoint() {
        return numbers(TiffTag.MODEL_TIEPOINT);
    }

    public Optional<double[]> modelTransformation() {
        return numbers(TiffTag.MODEL_TRANSFORMATION);
    }

    public Optional<double[]> geoDoubleParams() {
        return numbers(TiffTag.GEO_DOUBLE_PARAMS);
    }

    /** GeoKeyDirectory values as ints (unsigned shorts). */
    public Optional<int[]> geoKeyDirectory() {
        TiffEntry e = entries.get(TiffTag.GEO_KEY_DIRECTORY);
        if (e == null || !e.type().isInteger()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(e.longs()).mapToInt(v -> (int) v).toArray());
    }

    /** GeoAsciiParams with every byte kept (NULs included, since keys address it by offset). */
    public Optional<String> geoAsciiParams() {
        return entry(TiffTag.GEO_ASCII_PARAMS).map(e -> new String(e.bytes(), StandardCharsets.ISO_8859_1));
    }

    private Optional<double[]> numbers(int tag) {
        TiffEntry e = entries.get(tag);
        if (e == null || e.type() == TiffType.ASCII) {
            return Optional.empty();
        }
        return Optional.of(e.doubles());
    }

    /** The entry for {@code tag}, if present. */
    public Optional<TiffEntry> entry(int tag) {
        return Optional.ofNullable(entries.get(tag));
    }

    /** All entries, by increasing tag. */
    public Collection<TiffEntry> entries() {
        return entries.values();
    }

    @Override
    public String toString() {
        return "IFD " + index + " " + width + "x" + height + " spp=" + samplesPerPixel + " bps="
                + Arrays.toString(bitsPerSample) + " compression=" + compression + (tiled ? " tiles " : " strips ")
                + segmentWidth + "x" + segmentHeight + " subfile=" + newSubfileType;
    }
}
