package io.rastermill.io.layerstore;

import com.google.uzaygezen.core.BitVector;
import com.google.uzaygezen.core.BitVectorFactories;
import com.google.uzaygezen.core.CompactHilbertCurve;
import com.google.uzaygezen.core.MultiDimensionalSpec;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TemporalBounds;
import io.rastermill.core.layout.ZOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A space-filling curve over a layer's keys, as GeoTrellis stores it with the layer: it names the
 * file (file backend) or orders the records (Hadoop backend) of every tile. Its {@link #keyBounds()}
 * are fixed when the layer is first written; updates must stay inside them.
 *
 * <ul>
 *   <li>{@link ZCurve} ({@code "zorder"}): the Morton code of the low 31 bits of col (even bits) and
 *       row (odd bits); absolute, independent of the bounds.</li>
 *   <li>{@link Hilbert} ({@code "hilbert"}): the compact Hilbert index (Hamilton's, as the uzaygezen
 *       library computes it, which GeoTrellis uses) of the key relative to the bounds' min key, with
 *       {@code xResolution}/{@code yResolution} bits per axis.</li>
 *   <li>{@link RowMajor} ({@code "rowmajor"}): {@code (row - minRow) * width + (col - minCol)}.</li>
 *   <li>{@link ZSpaceTime} ({@code "zorder"} with a {@code temporalResolution}): the index of space-time layers.</li>
 * </ul>
 * Sources: GeoTrellis 3.x {@code store/.../index/{zcurve/ZSpatialKeyIndex,hilbert/HilbertSpatialKeyIndex,
 * rowmajor/RowMajorSpatialKeyIndex}.scala}.
 */
public sealed interface KeyIndex extends Serializable {
    KeyBounds keyBounds();

    /** The curve's value for a key (inside {@link #keyBounds()} for the relative curves). */
    long toIndex(SpatialKey key);

    /** GeoTrellis's JSON type name. */
    String type();

    /** Decimal digits of the index of the bounds' max key: file names are zero-padded to this width. */
    default int digits() {
        return Long.toString(toIndex(keyBounds().maxKey())).length();
    }

    /** The zero-padded file name of an index (longer values are never truncated). */
    default String fileName(long index) {
        String s = Long.toString(index);
        int width = digits();
        if (s.length() >= width) {
            return s;
        }
        return "0".repeat(width - s.length()) + s;
    }

    /**
     * The sorted, merged, inclusive index ranges covering every key of {@code query} (clipped to the
     * index bounds); empty if they do not meet. Computed by visiting the query's keys, which is exact
     * for every curve.
     */
    default List<long[]> indexRanges(KeyBounds query) {
        KeyBounds kb = keyBounds();
        int c0 = Math.max(query.minKey().col(), kb.minKey().col());
        int r0 = Math.max(query.minKey().row(), kb.minKey().row());
        int c1 = Math.min(query.maxKey().col(), kb.maxKey().col());
        int r1 = Math.min(query.maxKey().row(), kb.maxKey().row());
        if (c0 > c1 || r0 > r1) {
            return List.of();
        }
        long n = (long) (c1 - c0 + 1) * (r1 - r0 + 1);
        if (n > 50_000_000L) {
            throw new IllegalArgumentException("query of " + n + " keys is too large to plan; narrow it");
        }
        long[] idx = new long[(int) n];
        int i = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                idx[i++] = toIndex(new SpatialKey(c, r));
            }
        }
        Arrays.sort(idx);
        List<long[]> ranges = new ArrayList<>();
        long start = idx[0];
        long end = idx[0];
        for (int k = 1; k < idx.length; k++) {
            if (idx[k] <= end + 1) {
                end = Math.max(end, idx[k]);
            } else {
                ranges.add(new long[] {start, end});
                start = idx[k];
                end = idx[k];
            }
        }
        ranges.add(new long[] {start, end});
        return ranges;
    }

    /** GeoTrellis's ZSpatialKeyIndex. */
    record ZCurve(KeyBounds keyBounds) implements KeyIndex {
        public ZCurve {
            Objects.requireNonNull(keyBounds, "keyBounds");
        }

        @Override
        public long toIndex(SpatialKey key) {
            return ZOrder.index(key);
        }

        @Override
        public String type() {
            return "zorder";
        }
    }

    /**
     * GeoTrellis's ZSpaceTimeKeyIndex: the 3-D Morton code of col, row and the instant's bin of
     * {@code temporalResolution} ms ({@link ZOrder#index(SpaceTimeKey, long)}). Its key bounds are
     * the spatial part plus {@link #time()}; spatial keys alone have no index here.
     */
    record ZSpaceTime(KeyBounds keyBounds, TemporalBounds time, long temporalResolution) implements KeyIndex {
        /** GeoTrellis's {@code ZCurveKeyIndexMethod.byDay}. */
        public static final long DAY = 86_400_000L;

        public ZSpaceTime {
            Objects.requireNonNull(keyBounds, "keyBounds");
            Objects.requireNonNull(time, "time");
            if (temporalResolution <= 0) {
                throw new IllegalArgumentException("temporal resolution must be > 0 ms, got " + temporalResolution);
            }
        }

        public long toIndex(SpaceTimeKey key) {
            return ZOrder.index(key, temporalResolution);
        }

        /**
         * The bin of {@code millis | second | minute | hour | day | month | year} in ms, as GeoTrellis's
         * {@code ZCurveKeyIndexMethod.by*} (a month is 30 days, a year 365).
         */
        public static long resolution(String unit) {
            return switch (unit.toLowerCase(Locale.ROOT)) {
                case "millis", "millisecond" -> 1L;
                case "second" -> 1000L;
                case "minute" -> 60_000L;
                case "hour" -> 3_600_000L;
                case "day" -> DAY;
                case "month" -> 30 * DAY;
                case "year" -> 365 * DAY;
                default ->
                    throw new IllegalArgumentException("unknown time resolution '" + unit
                            + "': use millis, second, minute, hour, day, month or year");
            };
        }

        /** @throws UnsupportedOperationException always: a space-time index needs the instant */
        @Override
        public long toIndex(SpatialKey key) {
            throw new UnsupportedOperationException("a space-time key index needs an instant, not only " + key);
        }

        @Override
        public int digits() {
            return Long.toString(toIndex(SpaceTimeKey.of(keyBounds.maxKey(), time.max())))
                    .length();
        }

        @Override
        public List<long[]> indexRanges(KeyBounds query) {
            throw new UnsupportedOperationException("space-time layers are read by scanning their files");
        }

        @Override
        public String type() {
            return "zorder";
        }
    }

    /** GeoTrellis's RowMajorSpatialKeyIndex. */
    record RowMajor(KeyBounds keyBounds) implements KeyIndex {
        public RowMajor {
            Objects.requireNonNull(keyBounds, "keyBounds");
        }

        @Override
        public long toIndex(SpatialKey key) {
            long width = (long) keyBounds.maxKey().col() - keyBounds.minKey().col() + 1;
            return ((long) key.row() - keyBounds.minKey().row()) * width
                    + ((long) key.col() - keyBounds.minKey().col());
        }

        @Override
        public String type() {
            return "rowmajor";
        }
    }

    /**
     * GeoTrellis's HilbertSpatialKeyIndex: uzaygezen's {@code CompactHilbertCurve} over
     * {@code [xResolution, yResolution]} bits, fed the key relative to the bounds' min key.
     */
    record Hilbert(KeyBounds keyBounds, int xResolution, int yResolution) implements KeyIndex {
        public Hilbert {
            Objects.requireNonNull(keyBounds, "keyBounds");
            if (xResolution < 0 || yResolution < 0 || xResolution + yResolution > 62) {
                throw new IllegalArgumentException("Hilbert resolutions must be >= 0 and sum to at most 62, got "
                        + xResolution + " and " + yResolution);
            }
        }

        /** GeoTrellis's HilbertKeyIndexMethod: {@code ceil(log2(max - min + 1))} bits per axis, computed the same way. */
        public static Hilbert of(KeyBounds kb) {
            return new Hilbert(
                    kb,
                    resolution(kb.maxKey().col(), kb.minKey().col()),
                    resolution(kb.maxKey().row(), kb.minKey().row()));
        }

        /** {@code KeyIndexMethod.resolution}: the same floating point expression, so the same rounding. */
        static int resolution(double max, double min) {
            double length = max - min + 1;
            return (int) Math.ceil(Math.log(length) / Math.log(2));
        }

        @Override
        public long toIndex(SpatialKey key) {
            MultiDimensionalSpec spec = new MultiDimensionalSpec(List.of(xResolution, yResolution));
            CompactHilbertCurve chc = new CompactHilbertCurve(spec);
            BitVector x = BitVectorFactories.OPTIMAL.apply(xResolution);
            BitVector y = BitVectorFactories.OPTIMAL.apply(yResolution);
            x.copyFrom((long) key.col() - keyBounds.minKey().col());
            y.copyFrom((long) key.row() - keyBounds.minKey().row());
            BitVector h = BitVectorFactories.OPTIMAL.apply(spec.sumBitsPerDimension());
            chc.index(new BitVector[] {x, y}, 0, h);
            return h.toExactLong();
        }

        @Override
        public String type() {
            return "hilbert";
        }
    }
}
