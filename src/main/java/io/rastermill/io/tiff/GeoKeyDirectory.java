package io.rastermill.io.tiff;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The GeoTIFF key directory (tag 34735) with each key's value resolved from the directory itself,
 * GeoDoubleParams (34736) or GeoAsciiParams (34737). Immutable.
 *
 * @param version KeyDirectoryVersion (1)
 * @param revision KeyRevision (1)
 * @param minorRevision MinorRevision (0 or 1)
 * @param keys the keys by id
 */
public record GeoKeyDirectory(int version, int revision, int minorRevision, Map<Integer, GeoKey> keys) {

    public static final int GT_MODEL_TYPE = 1024;
    public static final int GT_RASTER_TYPE = 1025;
    public static final int GT_CITATION = 1026;
    public static final int GEOGRAPHIC_TYPE = 2048;
    public static final int GEOG_CITATION = 2049;
    public static final int GEOG_ANGULAR_UNITS = 2054;
    public static final int PROJECTED_CS_TYPE = 3072;
    public static final int PROJ_CITATION = 3073;
    public static final int PROJ_LINEAR_UNITS = 3076;
    public static final int VERTICAL_CS_TYPE = 4096;

    /** GTRasterTypeGeoKey values. */
    public static final int RASTER_PIXEL_IS_AREA = 1;

    public static final int RASTER_PIXEL_IS_POINT = 2;

    /** Value meaning "user-defined" for code-valued keys. */
    public static final int USER_DEFINED = 32767;

    public GeoKeyDirectory {
        keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /**
     * One key: a short value, doubles or text, depending on where it was stored.
     *
     * @param id the key id
     * @param location 0 (value in the directory), 34735, 34736 (doubles) or 34737 (ASCII)
     * @param shorts the values for location 0 or 34735, else empty
     * @param doubles the values for 34736, else empty
     * @param ascii the text for 34737 (without the '|' terminator), else the empty string
     */
    public record GeoKey(int id, int location, int[] shorts, double[] doubles, String ascii) {
        public GeoKey {
            shorts = shorts.clone();
            doubles = doubles.clone();
        }

        @Override
        public int[] shorts() {
            return shorts.clone();
        }

        @Override
        public double[] doubles() {
            return doubles.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GeoKey k
                    && id == k.id
                    && location == k.location
                    && Arrays.equals(shorts, k.shorts)
                    && Arrays.equals(doubles, k.doubles)
                    && ascii.equals(k.ascii);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, location, Arrays.hashCode(shorts), Arrays.hashCode(doubles), ascii);
        }

        @Override
        public String toString() {
            String value = location == TiffTag.GEO_DOUBLE_PARAMS
                    ? Arrays.toString(doubles)
                    : location == TiffTag.GEO_ASCII_PARAMS ? '"' + ascii + '"' : Arrays.toString(shorts);
            return "GeoKey[" + id + "=" + value + "]";
        }
    }

    /** The first short value of key {@code id}, if present and short-valued. */
    public OptionalInt shortValue(int id) {
        GeoKey k = keys.get(id);
        return k == null || k.shorts.length == 0 ? OptionalInt.empty() : OptionalInt.of(k.shorts[0]);
    }

    /** The doubles of key {@code id}, if present and stored in GeoDoubleParams. */
    public Optional<double[]> doubles(int id) {
        GeoKey k = keys.get(id);
        return k == null || k.location != TiffTag.GEO_DOUBLE_PARAMS ? Optional.empty() : Optional.of(k.doubles());
    }

    /** The text of key {@code id}, if present and stored in GeoAsciiParams. */
    public Optional<String> ascii(int id) {
        GeoKey k = keys.get(id);
        return k == null || k.location != TiffTag.GEO_ASCII_PARAMS ? Optional.empty() : Optional.of(k.ascii);
    }

    /** Reads the key directory of {@code dir}, if it has one. */
    public static Optional<GeoKeyDirectory> read(TiffDirectory dir) throws TiffFormatException {
        Optional<int[]> raw = dir.geoKeyDirectory();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int[] d = raw.get();
        int tag = TiffTag.GEO_KEY_DIRECTORY;
        if (d.length < 4) {
            throw new TiffFormatException(
                    dir.location(), dir.index(), tag, d.length + " values, fewer than the 4 of the header");
        }
        int n = d[3];
        if (n > (d.length - 4) / 4) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    tag,
                    "header announces " + n + " keys but only " + (d.length - 4) / 4 + " fit in " + d.length
                            + " values");
        }
        double[] dbl = dir.geoDoubleParams().orElse(new double[0]);
        String ascii = dir.geoAsciiParams().orElse("");
        Map<Integer, GeoKey> keys = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int at = 4 + 4 * i;
            int id = d[at];
            int loc = d[at + 1];
            int count = d[at + 2];
            int value = d[at + 3];
            GeoKey key;
            if (loc == 0) {
                key = new GeoKey(id, 0, new int[] {value}, new double[0], "");
            } else if (loc == tag) {
                check(dir, id, loc, value, count, d.length);
                key = new GeoKey(id, loc, Arrays.copyOfRange(d, value, value + count), new double[0], "");
            } else if (loc == TiffTag.GEO_DOUBLE_PARAMS) {
                check(dir, id, loc, value, count, dbl.length);
                key = new GeoKey(id, loc, new int[0], Arrays.copyOfRange(dbl, value, value + count), "");
            } else if (loc == TiffTag.GEO_ASCII_PARAMS) {
                check(dir, id, loc, value, count, ascii.length());
                String s = ascii.substring(value, value + count);
                if (s.endsWith("|")) {
                    s = s.substring(0, s.length() - 1);
                }
                key = new GeoKey(id, loc, new int[0], new double[0], s);
            } else {
                continue; // a location we do not know: keep going, as the spec asks of readers
            }
            keys.putIfAbsent(id, key);
        }
        return Optional.of(new GeoKeyDirectory(d[0], d[1], d[2], keys));
    }

    private static void check(TiffDirectory dir, int id, int loc, int offset, int count, int available)
            throws TiffFormatException {
        if (offset < 0 || count < 0 || (long) offset + count > available) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    TiffTag.GEO_KEY_DIRECTORY,
                    "key " + id
                            + " refers to " + count + " values at " + offset + " of tag " + loc + " ("
                            + TiffTag.name(loc)
                            + "), which has " + available);
        }
    }
}
