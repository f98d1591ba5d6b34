package io.rastermill.core.stats;

import io.rastermill.core.cell.DataType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;

/**
 * Exact counts of the int-lane values of tiles, as a {@link MergeableAccumulator}; the counterpart of
 * GeoTrellis's {@code FastMapHistogram} ({@code tile.histogram}).
 *
 * <h2>Storage</h2>
 * Tiles of 1/8/16-bit types count into a dense {@code long[]} covering their type's range (256 or
 * 65,536 slots; the union range when types mix); any other value (int32 and truncated float cells)
 * goes to an open-addressing int→long hash map. Queries use a sorted (value, count) view built once
 * after the last change. Serialization writes only the distinct values and their counts.
 *
 * <h2>NoData and floats</h2>
 * NoData ({@link NoData#INT} in the int lane) is counted apart and never appears as a value. Tiles are
 * always read in the int lane, so floating-point cells are truncated as GeoTrellis's {@code tile.histogram}
 * does: use {@link DoubleHistogram} for float data.
 *
 * <h2>Percentile rules</h2>
 * <ul>
 *   <li>{@link #percentile(double)}: nearest rank — the smallest value whose cumulative count is
 *       {@code ≥ ceil(q·N)}; {@code q = 0} gives the min, {@code q = 1} the max. Always a value that occurs.</li>
 *   <li>{@link #median()}: GeoTrellis's rule — the first value whose cumulative count is
 *       {@code > floor(N/2)} (the upper median for even N). It equals {@code percentile(0.5)} for odd N.</li>
 *   <li>{@link #mode()}: the smallest of the most frequent values (GeoTrellis's rule).</li>
 *   <li>{@link #quantileBreaks(int)}: the distinct nearest-rank percentiles at {@code i/n}, i = 1..n, so it may be
 *       shorter than n. This is <b>not</b> GeoTrellis's {@code quantileBreaks} algorithm (which normalises
 *       "extreme" counts first); results can differ. {@link #geoTrellisQuantileBreaks(int)} reproduces GeoTrellis's.</li>
 * </ul>
 *
 * <p>Mutable and not thread-safe (see {@link MergeableAccumulator}).
 */
public final class IntHistogram implements MergeableAccumulator<IntHistogram, IntHistogram> {
    private static final long serialVersionUID = 1L;
    private static final int EMPTY = NoData.INT; // never a data value, so it marks free hash slots

    private long noDataCount;
    // dense part: dense[i] counts value denseBase + i
    private transient long[] dense;
    private transient int denseBase;
    // sparse part: open addressing, linear probing, power-of-two capacity
    private transient int[] keys;
    private transient long[] vals;
    private transient int sparseSize;
    // sorted view, rebuilt lazily after a change
    private transient int[] sortedValues;
    private transient long[] sortedCounts;
    private transient long total;

    public IntHistogram() {
        initSparse(16);
    }

    @Override
    public IntHistogram zero() {
        return new IntHistogram();
    }

    // ------------------------------------------------------------------ accumulate

    @Override
    public IntHistogram add(Tile tile) {
        int[] lane = tile.toIntLane();
        DataType dt = tile.cellType().dataType();
        switch (dt) {
            case BIT -> ensureDense(0, 1);
            case INT8 -> ensureDense(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT8 -> ensureDense(0, 255);
            case INT16 -> ensureDense(Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> ensureDense(0, 65535);
            case INT32, FLOAT32, FLOAT64 -> {
                addSparse(lane, 0, lane.length);
                return this;
            }
        }
        addDense(lane, 0, lane.length);
        return this;
    }

    /** Adds {@code lane[from, to)} of int-lane values ({@link NoData#INT} is NoData). */
    public IntHistogram addInts(int[] lane, int from, int to) {
        addSparse(lane, from, to);
        return this;
    }

    /** Adds {@code count} occurrences of {@code value} ({@link NoData#INT} counts as NoData). */
    public IntHistogram add(int value, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count + " for value " + value);
        }
        if (value == EMPTY) {
            noDataCount += count;
        } else if (count > 0) {
            int i = value - denseBase;
            if (dense != null && i >= 0 && i < dense.length) {
                dense[i] += count;
            } else {
                sparseAdd(value, count);
            }
        }
        sortedValues = null;
        return this;
    }

    private void addDense(int[] lane, int from, int to) {
        long[] d = dense;
        int base = denseBase;
        int len = d.length;
        long nd = 0;
        for (int k = from; k < to; k++) {
            int v = lane[k];
            if (v == EMPTY) {
                nd++;
                continue;
            }
            int i = v - base;
            if (i >= 0 && i < len) {
                d[i]++;
            } else {
                sparseAdd(v, 1);
            }
        }
        noDataCount += nd;
        sortedValues = null;
    }

    private void addSparse(int[] lane, int from, int to) {
        long nd = 0;
        for (int k = from; k < to; k++) {
            int v = lane[k];
            if (v == EMPTY) {
                nd++;
            } else {
                sparseAdd(v, 1);
            }
        }
        noDataCount += nd;
        sortedValues = null;
    }

    private void ensureDense(int lo, int hi) {
        if (dense == null) {
            dense = new long[hi - lo + 1];
            denseBase = lo;
            return;
        }
        int curHi = denseBase + dense.length - 1;
        if (lo >= denseBase && hi <= curHi) {
            return;
        }
        int newLo = Math.min(lo, denseBase);
        int newHi = Math.max(hi, curHi);
        long[] grown = new long[newHi - newLo + 1];
        System.arraycopy(dense, 0, grown, denseBase - newLo, dense.length);
        dense = grown;
        denseBase = newLo;
    }

    @Override
    public IntHistogram merge(IntHistogram other) {
        if (other == this) {
            other = other.copy();
        }
        noDataCount += other.noDataCount;
        if (other.dense != null) {
            ensureDense(other.denseBase, other.denseBase + other.dense.length - 1);
            int off = other.denseBase - denseBase;
            long[] od = other.dense;
            for (int i = 0; i < od.length; i++) {
                dense[off + i] += od[i];
            }
        }
        int[] ok = other.keys;
        long[] ov = other.vals;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != EMPTY) {
                add(ok[i], ov[i]);
            }
        }
        sortedValues = null;
        return this;
    }

    /** An independent copy with the same counts. */
    public IntHistogram copy() {
        IntHistogram c = new IntHistogram();
        c.noDataCount = noDataCount;
        if (dense != null) {
            c.dense = dense.clone();
            c.denseBase = denseBase;
        }
        c.keys = keys.clone();
        c.vals = vals.clone();
        c.sparseSize = sparseSize;
        return c;
    }

    /** An independent copy: the histogram is its own result. */
    @Override
    public IntHistogram finish() {
        return copy();
    }

    // ------------------------------------------------------------------ hash map

    private void initSparse(int capacity) {
        keys = new int[capacity];
        Arrays.fill(keys, EMPTY);
        vals = new long[capacity];
        sparseSize = 0;
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void sparseAdd(int key, long count) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (true) {
            int k = keys[i];
            if (k == key) {
                vals[i] += count;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                vals[i] = count;
                if (++sparseSize * 2 > keys.length) {
                    rehash(keys.length * 2);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    private long sparseGet(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (true) {
            int k = keys[i];
            if (k == key) {
                return vals[i];
            }
            if (k == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    private void rehash(int capacity) {
        int[] oldKeys = keys;
        long[] oldVals = vals;
        initSparse(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                sparseAdd(oldKeys[i], oldVals[i]);
            }
        }
    }

    // ------------------------------------------------------------------ sorted view

    private void sort() {
        if (sortedValues != null) {
            return;
        }
        int[] sk = new int[sparseSize];
        int n = 0;
        for (int k : keys) {
            if (k != EMPTY) {
                sk[n++] = k;
            }
        }
        Arrays.sort(sk);
        int denseDistinct = 0;
        if (dense != null) {
            for (long c : dense) {
                if (c != 0) {
                    denseDistinct++;
                }
            }
        }
        int[] v = new int[denseDistinct + n];
        long[] c = new long[denseDistinct + n];
        int m = 0;
        int s = 0;
        long t = 0;
        int dlen = dense == null ? 0 : dense.length;
        int d = 0;
        while (d < dlen || s < n) {
            // next dense value with a count
            while (d < dlen && dense[d] == 0) {
                d++;
            }
            int dv = d < dlen ? denseBase + d : 0;
            boolean takeDense = d < dlen && (s >= n || dv <= sk[s]);
            boolean takeSparse = s < n && (d >= dlen || sk[s] <= dv);
            if (!takeDense && !takeSparse) {
                break;
            }
            int value = takeDense ? dv : sk[s];
            long count = 0;
            if (takeDense) {
                count += dense[d++];
            }
            if (takeSparse) {
                count += sparseGet(sk[s++]);
            }
            v[m] = value;
            c[m] = count;
            t += count;
            m++;
        }
        sortedValues = Arrays.copyOf(v, m);
        sortedCounts = Arrays.copyOf(c, m);
        total = t;
    }

    // ------------------------------------------------------------------ queries

    /** Number of data (non-NoData) cells. */
    public long totalCount() {
        sort();
        return total;
    }

    public long noDataCount() {
        return noDataCount;
    }

    /** The distinct values, ascending. */
    public int[] values() {
        sort();
        return sortedValues.clone();
    }

    /** The counts of {@link #values()}, in the same order. */
    public long[] counts() {
        sort();
        return sortedCounts.clone();
    }

    public long itemCount(int value) {
        if (value == EMPTY) {
            return 0;
        }
        long c = sparseGet(value);
        int i = value - denseBase;
        if (dense != null && i >= 0 && i < dense.length) {
            c += dense[i];
        }
        return c;
    }

    /** Smallest value; {@link NoData#INT} when empty. */
    public int min() {
        sort();
        return sortedValues.length == 0 ? NoData.INT : sortedValues[0];
    }

    /** Largest value; {@link NoData#INT} when empty. */
    public int max() {
        sort();
        return sortedValues.length == 0 ? NoData.INT : sortedValues[sortedValues.length - 1];
    }

    /** Count-weighted mean (incremental, in ascending value order); NaN when empty. */
    public double mean() {
        sort();
        if (total == 0) {
            return Double.NaN;
        }
        double mean = 0;
        double seen = 0;
        for (int i = 0; i < sortedValues.length; i++) {
            long c = sortedCounts[i];
            seen += c;
            mean += c * (sortedValues[i] - mean) / seen;
        }
        return mean;
    }

    /** Population standard deviation {@code sqrt(Σ c·(x − mean)² / N)}; NaN when empty. */
    public double stddev() {
        return Math.sqrt(m2() / total);
    }

    /** Sample standard deviation {@code sqrt(Σ c·(x − mean)² / (N − 1))}; NaN when N &lt; 2. */
    public double sampleStddev() {
        double q = m2();
        return total < 2 ? Double.NaN : Math.sqrt(q / (total - 1));
    }

    private double m2() {
        double mean = mean();
        double q = 0;
        for (int i = 0; i < sortedValues.length; i++) {
            double d = sortedValues[i] - mean;
            q += sortedCounts[i] * d * d;
        }
        return q;
    }

    /** The value at 1-based rank {@code r} of the sorted data, {@code 1 ≤ r ≤ N}. */
    public int valueAtRank(long r) {
        sort();
        if (r < 1 || r > total) {
            throw new IllegalArgumentException("rank " + r + " outside 1.." + total);
        }
        long cum = 0;
        for (int i = 0; i < sortedValues.length; i++) {
            cum += sortedCounts[i];
            if (cum >= r) {
                return sortedValues[i];
            }
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Nearest-rank percentile: the value at rank {@code max(1, ceil(q·N))} (see {@link #nearestRank}); {@code q} in [0, 1].
     * {@link NoData#INT} when empty.
     */
    public int percentile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("percentile q must be in [0, 1], got " + q);
        }
        sort();
        if (total == 0) {
            return NoData.INT;
        }
        return valueAtRank(nearestRank(q, total));
    }

    /**
     * The nearest rank {@code r = max(1, ceil(q·N))} taken as the smallest {@code r ≥ 1} with
     * {@code r / N ≥ q} (both sides doubles), so a product rounded up, such as {@code 0.3 · 10 =
     * 3.0000000000000004}, does not push the rank one too far (rank 3, not 4).
     */
    public static long nearestRank(double q, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("nearest rank needs N >= 1, got " + n);
        }
        long r = Math.min(n, Math.max(1, (long) Math.ceil(q * n)));
        while (r > 1 && (double) (r - 1) / n >= q) {
            r--;
        }
        while (r < n && (double) r / n < q) {
            r++;
        }
        return r;
    }

    /** GeoTrellis's median: the first value whose cumulative count exceeds {@code floor(N/2)}. */
    public int median() {
        sort();
        return total == 0 ? NoData.INT : valueAtRank(total / 2 + 1);
    }

    /** The smallest most frequent value; {@link NoData#INT} when empty. */
    public int mode() {
        sort();
        int mode = NoData.INT;
        long best = 0;
        for (int i = 0; i < sortedValues.length; i++) {
            if (sortedCounts[i] > best) {
                best = sortedCounts[i];
                mode = sortedValues[i];
            }
        }
        return mode;
    }

    /** Distinct nearest-rank percentiles at {@code i/n}, i = 1..n (ascending, may be shorter than n). */
    public int[] quantileBreaks(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of breaks must be >= 1, got " + n);
        }
        sort();
        if (total == 0) {
            return new int[0];
        }
        int[] out = new int[n];
        int m = 0;
        for (int i = 1; i <= n; i++) {
            int v = percentile(i == n ? 1.0 : (double) i / n);
            if (m == 0 || out[m - 1] != v) {
                out[m++] = v;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * GeoTrellis's {@code quantileBreaks(num)} (compat doc §6.2), reproduced step for step: target bucket size
     * {@code (1/num · N)} truncated; values whose count exceeds it are "extreme" and get the count
     * {@code T / (num − E)} (T = count of the others, E = number of extreme values; all 1 if every value is
     * extreme); then a walk over the sorted values picks, each time the running total passes the next limit
     * {@code i/num · N'}, the closer of the current and previous value (not reusing the previous break), and
     * the max is appended if it is not the last break. May return fewer than {@code num} breaks. Throws
     * {@link ArithmeticException} where GeoTrellis does (as many extreme values as breaks).
     */
    public int[] geoTrellisQuantileBreaks(int num) {
        if (num < 1) {
            throw new IllegalArgumentException("number of breaks must be >= 1, got " + num);
        }
        sort();
        int[] values = sortedValues;
        int len = values.length;
        long size = (long) ((1.0 / num) * total);
        long[] c = sortedCounts.clone();
        int extreme = 0;
        long extremeTotal = 0;
        for (int i = 0; i < len; i++) {
            if (c[i] > size) {
                extreme++;
                extremeTotal += c[i];
            }
        }
        if (extreme == len) {
            Arrays.fill(c, 1);
        } else if (extreme > 0) {
            long eValue = (total - extremeTotal) / (num - extreme);
            for (int i = 0; i < len; i++) {
                if (c[i] > size) {
                    c[i] = eValue;
                }
            }
        }
        long newTotal = 0;
        for (long x : c) {
            newTotal += x;
        }
        int[] breaks = new int[num];
        int q = 0;
        long cur = 0;
        for (int j = 0; q < num && j < len; j++) {
            long count = c[j];
            long next = cur + count;
            double limit = ((double) (q + 1) / num) * newTotal;
            if (count != 0 && next > limit) {
                if (Math.abs(limit - cur) > Math.abs(limit - next) || j == 0) {
                    breaks[q] = values[j];
                } else if (q > 0 && breaks[q - 1] == values[j - 1]) {
                    breaks[q] = values[j];
                } else {
                    breaks[q] = values[j - 1];
                }
                q++;
            }
            cur = next;
        }
        if (len > 0 && q < num && (q == 0 || breaks[q - 1] < values[len - 1])) {
            breaks[q++] = values[len - 1];
        }
        return Arrays.copyOf(breaks, q);
    }

    /** GeoTrellis-style statistics ({@code histogram.statistics()}); null when empty (GeoTrellis: None). */
    public IntStatistics statistics() {
        sort();
        if (total == 0) {
            return null;
        }
        return new IntStatistics(total, mean(), median(), mode(), stddev(), min(), max());
    }

    /**
     * Counts in {@code n} equal-width buckets over {@code [lo, hi]} with GDAL's rule: value v goes to bucket
     * {@code floor((v − lo) · n / (hi − lo))}, and values outside the range are clamped into the first or
     * last bucket (GDAL's default histogram includes out-of-range values).
     */
    public Bins toBins(int n, double lo, double hi) {
        if (n < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("need n >= 1 and lo < hi, got n=" + n + " [" + lo + ", " + hi + "]");
        }
        sort();
        long[] counts = new long[n];
        double scale = n / (hi - lo);
        for (int i = 0; i < sortedValues.length; i++) {
            double idx = Math.floor((sortedValues[i] - lo) * scale);
            int b = idx < 0 ? 0 : idx >= n ? n - 1 : (int) idx;
            counts[b] += sortedCounts[i];
        }
        return new Bins(lo, hi, counts);
    }

    /**
     * The 256 buckets {@code gdalinfo -hist} (GDAL 3.6.2) prints for a band of {@code dataType} holding
     * these values: for Byte the range is −0.5..255.5; otherwise {@code min − h .. max + h} with
     * {@code h = (max − min) / (2·255)}, min and max being the exact data range (found by experiment
     * and matched in {@code GdalCompatTest}). Null when empty or for a constant non-Byte band.
     */
    public Bins toGdalBins(DataType dataType) {
        sort();
        if (total == 0) {
            return null;
        }
        if (dataType == DataType.UINT8) {
            return toBins(256, -0.5, 255.5);
        }
        double lo = min();
        double hi = max();
        if (lo == hi) {
            return null;
        }
        double half = (hi - lo) / (2 * (256 - 1));
        return toBins(256, lo - half, hi + half);
    }

    // ------------------------------------------------------------------ equality and serialization

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IntHistogram h)) {
            return false;
        }
        sort();
        h.sort();
        return noDataCount == h.noDataCount
                && Arrays.equals(sortedValues, h.sortedValues)
                && Arrays.equals(sortedCounts, h.sortedCounts);
    }

    @Override
    public int hashCode() {
        sort();
        return Long.hashCode(noDataCount) * 31 + Arrays.hashCode(sortedValues) * 17 + Arrays.hashCode(sortedCounts);
    }

    @Override
    public String toString() {
        sort();
        return "IntHistogram(" + total + " cells, " + sortedValues.length + " distinct, " + noDataCount + " NoData)";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        sort();
        out.defaultWriteObject();
        out.writeInt(sortedValues.length);
        for (int i = 0; i < sortedValues.length; i++) {
            out.writeInt(sortedValues[i]);
            out.writeLong(sortedCounts[i]);
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n = in.readInt();
        int cap = 16;
        while (cap < 2 * n + 2) {
            cap <<= 1;
        }
        initSparse(cap);
        for (int i = 0; i < n; i++) {
            int v = in.readInt();
            long c = in.readLong();
            if (v == EMPTY || c <= 0) {
                throw new InvalidObjectException("bad histogram entry " + v + " x " + c);
            }
            sparseAdd(v, c);
        }
    }
}
