package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.crs.Crs;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.geom.RasterExtent;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.bytes.ByteRange;
import io.rastermill.io.bytes.CoalescingRangeReader;
import io.rastermill.io.bytes.RangeReader;
import io.rastermill.io.bytes.RangeReaders;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.codec.UnsupportedCodecException;
import io.rastermill.io.tiff.GeoReference;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.io.tiff.TiffDirectory;
import io.rastermill.io.tiff.TiffFormatException;
import io.rastermill.io.tiff.TiffSegment;
import io.rastermill.io.tiff.TiffStructure;
import io.rastermill.io.tiff.TiffTag;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads windows of a GeoTIFF (classic or BigTIFF) by byte ranges: {@link #open} reads only the
 * header and the IFDs; {@link #read} fetches and decodes only the strips or tiles that intersect
 * the window, at full resolution or from an overview, into tiles of the file's cell type.
 *
 * <p>Thread-safe: many threads may read windows of one reader at once (Spark tasks in one
 * executor share it). Decoders with their buffers are pooled, so steady-state reading allocates
 * little beyond the output tiles and the fetched bytes.
 */
public final class GeoTiffReader implements Closeable {
    /** Compressed bytes fetched and decoded per batch, so a huge window is read in bounded memory. */
    private static final long BATCH_BYTES = 64L << 20;
    /** A compressed segment larger than this many times its decoded size (plus 1 MiB) is not plausible. */
    private static final long MAX_EXPANSION = 4;

    private final RangeReader source;
    private final TiffStructure structure;
    private final List<TiffDirectory> levels;
    private final GeoTiffInfo info;
    private final CoalescingRangeReader fetcher;
    private final DecoderPool decoders;
    /** Whether {@link #close} closes {@link #decoders} too (a pool of its own, not one it was given). */
    private final boolean ownsDecoders;
    /** Decoded segments kept for repeated (overlapping) reads; null when disabled. */
    private volatile DecodedSegmentCache cache;

    private final AtomicLong segmentsDecoded = new AtomicLong();

    private GeoTiffReader(
            RangeReader source,
            TiffStructure structure,
            List<TiffDirectory> levels,
            GeoTiffInfo info,
            DecoderPool decoders,
            boolean ownsDecoders) {
        this.source = source;
        this.structure = structure;
        this.levels = levels;
        this.info = info;
        this.fetcher = new CoalescingRangeReader(source);
        this.decoders = decoders;
        this.ownsDecoders = ownsDecoders;
    }

    /** Opens a local path or any URI Hadoop knows ({@code file:}, {@code hdfs:}, {@code s3a:}, ...). */
    public static GeoTiffReader open(String uriOrPath) throws IOException {
        return open(uriOrPath, new Configuration());
    }

    public static GeoTiffReader open(String uriOrPath, Configuration conf) throws IOException {
        RangeReader reader = RangeReaders.open(uriOrPath, conf);
        try {
            return open(reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads the header and IFDs from {@code source}, which the reader then owns and closes. */
    public static GeoTiffReader open(RangeReader source) throws IOException {
        return open(source, null);
    }

    /**
     * As {@link #open(RangeReader)}, decoding with {@code decoders} (null: a pool of its own), which the reader
     * does not close.
     */
    public static GeoTiffReader open(RangeReader source, DecoderPool decoders) throws IOException {
        try {
            return openStructure(source, decoders);
        } catch (EOFException e) {
            throw new TiffFormatException(source.location(), "truncated file: " + e.getMessage());
        }
    }

    /**
     * This file's reader over {@code source}, the same file opened again, without reading its header again: for a
     * caller that keeps a file open only while it reads a window (a composite task keeps one scene open at a time).
     * It shares this reader's decoders and decoded-segment cache; closing it closes {@code source} only.
     */
    public GeoTiffReader reopen(RangeReader source) {
        GeoTiffReader r = new GeoTiffReader(source, structure, levels, info, decoders, false);
        r.cache = cache;
        return r;
    }

    private static GeoTiffReader openStructure(RangeReader source, DecoderPool decoders) throws IOException {
        TiffStructure structure = TiffStructure.read(source);
        List<TiffDirectory> full = structure.fullResolution();
        if (full.isEmpty()) {
            throw new TiffFormatException(source.location(), "no full-resolution image (only masks or overviews)");
        }
        TiffDirectory main = full.get(0);
        SampleKind kind = sampleKind(main);
        Compression compression = checkedCompression(main);
        checkPhotometric(main);
        checkPredictor(main, kind);
        List<TiffDirectory> levels = new ArrayList<>();
        levels.add(main);
        List<GeoTiffInfo.Level> overviewInfo = new ArrayList<>();
        for (TiffDirectory o : structure.overviews()) {
            if (o.samplesPerPixel() != main.samplesPerPixel()
                    || sampleKind(o) != kind
                    || o.width() > main.width()
                    || o.height() > main.height()) {
                continue; // not an overview of this image (GDAL ignores such IFDs too)
            }
            checkedCompression(o);
            checkPredictor(o, kind);
            levels.add(o);
            overviewInfo.add(new GeoTiffInfo.Level(o.width(), o.height(), o.segmentWidth(), o.segmentHeight()));
        }
        OptionalDouble noData = main.gdalNoDataValue();
        CellType cellType = kind.cellType(noData);
        Optional<GeoReference> geo = GeoReference.read(main);
        Optional<GeoTransform> transform = geo.flatMap(GeoReference::transform);
        OptionalInt epsg = geo.map(GeoReference::epsg).orElse(OptionalInt.empty());
        Optional<Crs> crs = Optional.empty();
        if (epsg.isPresent()) {
            try {
                crs = Optional.of(Crs.epsg(epsg.getAsInt()));
            } catch (RuntimeException unknownToProj4j) {
                // keep the code; the CRS stays unknown
            }
        }
        GeoTiffInfo info = new GeoTiffInfo(
                source.location(),
                main.width(),
                main.height(),
                main.samplesPerPixel(),
                kind,
                cellType,
                noData,
                transform,
                transform.flatMap(t -> rasterExtent(t, main)),
                epsg,
                crs,
                geo.map(GeoReference::pixelIsPoint).orElse(false),
                compression,
                main.predictor(),
                main.isTiled(),
                main.segmentWidth(),
                main.segmentHeight(),
                main.planarConfiguration() == TiffDirectory.PLANAR_SEPARATE,
                structure.byteOrder(),
                structure.bigTiff(),
                overviewInfo);
        return decoders == null
                ? new GeoTiffReader(source, structure, List.copyOf(levels), info, new DecoderPool(), true)
                : new GeoTiffReader(source, structure, List.copyOf(levels), info, decoders, false);
    }

    private static SampleKind sampleKind(TiffDirectory dir) throws TiffFormatException {
        int[] bits = dir.bitsPerSample();
        int[] formats = dir.sampleFormat();
        for (int i = 1; i < bits.length; i++) {
            if (bits[i] != bits[0]) {
                throw new TiffFormatException(
                        dir.location(),
                        dir.index(),
                        TiffTag.BITS_PER_SAMPLE,
                        "bands of different sample sizes " + Arrays.toString(bits) + " are not supported");
            }
        }
        for (int i = 1; i < formats.length; i++) {
            if (formats[i] != formats[0]) {
                throw new TiffFormatException(
                        dir.location(),
                        dir.index(),
                        TiffTag.SAMPLE_FORMAT,
                        "bands of different sample formats " + Arrays.toString(formats) + " are not supported");
            }
        }
        int format = formats.length == 0 ? SampleKind.FORMAT_UINT : formats[0];
        return SampleKind.of(bits[0], format)
                .orElseThrow(() -> new TiffFormatException(
                        dir.location(),
                        dir.index(),
                        bits[0] == 8 || bits[0] == 16 || bits[0] == 32 || bits[0] == 64
                                ? TiffTag.SAMPLE_FORMAT
                                : TiffTag.BITS_PER_SAMPLE,
                        "unsupported samples: " + bits[0] + "-bit with SampleFormat " + format));
    }

    private static Compression checkedCompression(TiffDirectory dir) throws TiffFormatException {
        try {
            Compression c = Compression.forTag(dir.compression());
            c.newDecompressor().close(); // proves the codec is usable here (e.g. zstd-jni present)
            return c;
        } catch (UnsupportedCodecException e) {
            throw new TiffFormatException(dir.location(), dir.index(), TiffTag.COMPRESSION, e.getMessage());
        } catch (Exception e) {
            throw new TiffFormatException(dir.location(), dir.index(), TiffTag.COMPRESSION, e.toString());
        }
    }

    private static void checkPhotometric(TiffDirectory dir) throws TiffFormatException {
        OptionalInt p = dir.photometric();
        if (p.isPresent()) {
            int v = p.getAsInt();
            String unsupported = switch (v) {
                case 3 -> "palette (3) images are not supported";
                case 4 -> "transparency mask (4) images are not supported";
                case 6 -> "YCbCr (6) images are not supported";
                case 8, 9, 10 -> "CIE L*a*b* (" + v + ") images are not supported";
                case 32844, 32845 -> "LogL/LogLuv (" + v + ") images are not supported";
                default -> null;
            };
            if (unsupported != null) {
                throw new TiffFormatException(
                        dir.location(), dir.index(), TiffTag.PHOTOMETRIC_INTERPRETATION, unsupported);
            }
        }
    }

    private static void checkPredictor(TiffDirectory dir, SampleKind kind) throws TiffFormatException {
        int predictor = dir.predictor();
        if (predictor == Predictor.NONE) {
            return;
        }
        if (predictor == Predictor.FLOATING_POINT && !(kind == SampleKind.FLOAT32 || kind == SampleKind.FLOAT64)) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    TiffTag.PREDICTOR,
                    "floating point predictor (3) on " + kind + " samples is not supported");
        }
        try {
            Predictor.of(predictor, kind.bits(), 1, structureOrderIgnored());
        } catch (UnsupportedCodecException e) {
            throw new TiffFormatException(dir.location(), dir.index(), TiffTag.PREDICTOR, e.getMessage());
        }
    }

    private static ByteOrder structureOrderIgnored() {
        return ByteOrder.LITTLE_ENDIAN; // only the sample size is checked here
    }

    private static Optional<RasterExtent> rasterExtent(GeoTransform t, TiffDirectory dir) {
        if (!t.isNorthUp() || t.pixelWidth() <= 0 || t.pixelHeight() >= 0) {
            return Optional.empty();
        }
        double xmax = t.x(dir.width(), 0);
        double ymin = t.y(0, dir.height());
        try {
            return Optional.of(new RasterExtent(
                    new Extent(t.originX(), ymin, xmax, t.originY()),
                    t.pixelWidth(),
                    -t.pixelHeight(),
                    dir.width(),
                    dir.height()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Segments (tiles or strips) this reader has decompressed so far; reads served by the decoded-segment cache not counted. */
    public long segmentsDecoded() {
        return segmentsDecoded.get();
    }

    /**
     * Keeps up to {@code budgetBytes} of recently decoded segments, so overlapping windows (tiles read
     * with halos) do not decompress the same strip or tile again. Off by default; 0 turns it off.
     */
    public GeoTiffReader cacheDecodedSegments(long budgetBytes) {
        this.cache = budgetBytes > 0 ? new DecodedSegmentCache(budgetBytes) : null;
        return this;
    }

    // ------------------------------------------------------------------ metadata

    public GeoTiffInfo info() {
        return info;
    }

    public TiffStructure structure() {
        return structure;
    }

    /** Width of a level (0 = full resolution, 1.. = overviews, largest first). */
    public int width(int level) {
        return level(level).width();
    }

    public int height(int level) {
        return level(level).height();
    }

    private TiffDirectory level(int level) {
        if (level < 0 || level >= levels.size()) {
            throw new IllegalArgumentException(info.location() + ": no level " + level + "; the file has "
                    + levels.size() + " (0 = full resolution, then " + (levels.size() - 1) + " overviews)");
        }
        return levels.get(level);
    }

    // ------------------------------------------------------------------ pixels

    /** All bands of a full-resolution window. */
    public MultibandTile read(GridBounds window) throws IOException {
        int[] all = new int[info.bandCount()];
        Arrays.setAll(all, i -> i);
        return read(window, all, 0);
    }

    /** One band (0-based) of a window at a level. */
    public Tile readBand(GridBounds window, int band, int level) throws IOException {
        return read(window, new int[] {band}, level).band(0);
    }

    /**
     * The cells of {@code window} (inclusive pixel bounds of the level's image) for the given bands
     * (0-based, any order, repeats allowed) of level {@code level}.
     *
     * @throws IllegalArgumentException if the window is empty, leaves the image or is too large
     *                                  for one tile, or a band or level does not exist
     * @throws TiffFormatException      if a segment is corrupt, naming the file, IFD and segment
     */
    public MultibandTile read(GridBounds window, int[] bands, int level) throws IOException {
        try {
            return readWindow(window, bands, level);
        } catch (EOFException e) {
            throw new TiffFormatException(info.location(), "truncated file: " + e.getMessage());
        }
    }

    private MultibandTile readWindow(GridBounds window, int[] bands, int level) throws IOException {
        TiffDirectory dir = level(level);
        checkWindow(window, dir);
        for (int b : bands) {
            if (b < 0 || b >= info.bandCount()) {
                throw new IllegalArgumentException(info.location() + ": band " + b + " does not exist; the file has "
                        + info.bandCount() + " (0-based)");
            }
        }
        if (bands.length == 0) {
            throw new IllegalArgumentException(info.location() + ": no band requested");
        }
        int x0 = (int) window.colMin();
        int y0 = (int) window.rowMin();
        int w = (int) window.width();
        int h = (int) window.height();
        CellType cellType = info.cellType();
        DataType storage = cellType.dataType();
        Object[] out = new Object[bands.length];
        for (int i = 0; i < bands.length; i++) {
            out[i] = ArrayTile.allocate(storage, w * h);
        }

        boolean planar = dir.planarConfiguration() == TiffDirectory.PLANAR_SEPARATE;
        int spp = dir.samplesPerPixel();
        int samplesInSegment = planar ? 1 : spp;
        SampleKind kind = info.sampleKind();
        int segW = dir.segmentWidth();
        int segH = dir.segmentHeight();
        int across = dir.segmentsAcross();
        int perPlane = across * dir.segmentsDown();
        int[] planes = planar ? distinct(bands) : new int[] {0};

        List<TiffSegment> wanted = new ArrayList<>();
        for (int plane : planes) {
            for (int sy = y0 / segH; sy <= (y0 + h - 1) / segH; sy++) {
                for (int sx = x0 / segW; sx <= (x0 + w - 1) / segW; sx++) {
                    wanted.add(dir.segment(plane * perPlane + sy * across + sx));
                }
            }
        }
        wanted.sort((a, b) -> Long.compare(a.offset(), b.offset()));

        if (wanted.stream().anyMatch(TiffSegment::isSparse)) {
            for (Object o : out) {
                fillNoData(o, cellType);
            }
        }
        Compression compression = Compression.forTag(dir.compression());
        SegmentDecoder decoder = decoders.borrow();
        try {
            // A window on segment boundaries (a tile without halo on the file's own tiling) shares no segment with
            // its neighbours: caching its segments would only copy them and keep them alive for nothing.
            DecodedSegmentCache segments = onSegmentBoundaries(dir, x0, y0, w, h) ? null : cache;
            int start = 0;
            while (start < wanted.size()) {
                int end = start;
                long batch = 0;
                List<ByteRange> ranges = new ArrayList<>();
                List<TiffSegment> present = new ArrayList<>();
                while (end < wanted.size() && (end == start || batch < BATCH_BYTES)) {
                    TiffSegment seg = wanted.get(end++);
                    if (seg.isSparse()) {
                        continue; // its cells were filled with NoData above
                    }
                    int rowBytes = SegmentDecoder.rowBytes(seg, samplesInSegment, kind.bits());
                    byte[] hit = segments == null ? null : segments.get(DecodedSegmentCache.key(level, seg.index()));
                    if (hit != null) {
                        copyOut(kind, seg, hit, rowBytes, samplesInSegment, bands, planar, out, x0, y0, w, h);
                        continue;
                    }
                    checkByteCount(dir, seg, samplesInSegment, kind.bits());
                    ranges.add(new ByteRange(seg.offset(), (int) seg.byteCount()));
                    present.add(seg);
                    batch += seg.byteCount();
                }
                // the stored bytes go into the decoder's fetch buffer, reused from read to read (no array per segment)
                int[] offsets = new int[ranges.size()];
                byte[] stored = ranges.isEmpty() ? null : fetcher.readInto(ranges, decoder.storedBuffer(), offsets);
                for (int i = 0; i < present.size(); i++) {
                    TiffSegment seg = present.get(i);
                    byte[] decoded = decoder.decode(
                            dir,
                            level,
                            compression,
                            structure.byteOrder(),
                            seg,
                            samplesInSegment,
                            kind.bits(),
                            stored,
                            offsets[i],
                            ranges.get(i).length());
                    segmentsDecoded.incrementAndGet();
                    int rowBytes = SegmentDecoder.rowBytes(seg, samplesInSegment, kind.bits());
                    if (segments != null) {
                        segments.put(
                                DecodedSegmentCache.key(level, seg.index()), decoded, rowBytes * seg.storedHeight());
                    }
                    copyOut(kind, seg, decoded, rowBytes, samplesInSegment, bands, planar, out, x0, y0, w, h);
                }
                if (stored != null) {
                    decoder.keepStored(stored);
                }
                start = end;
            }
        } finally {
            decoders.giveBack(decoder);
        }

        List<Tile> tiles = new ArrayList<>(bands.length);
        for (Object o : out) {
            tiles.add(ArrayTile.wrap(cellType, w, h, o));
        }
        return MultibandTile.of(tiles);
    }

    private static boolean onSegmentBoundaries(TiffDirectory dir, int x0, int y0, int w, int h) {
        int segW = dir.segmentWidth();
        int segH = dir.segmentHeight();
        return x0 % segW == 0
                && y0 % segH == 0
                && ((x0 + w) % segW == 0 || x0 + w == dir.width())
                && ((y0 + h) % segH == 0 || y0 + h == dir.height());
    }

    private void checkWindow(GridBounds window, TiffDirectory dir) {
        if (window.colMin() < 0
                || window.rowMin() < 0
                || window.colMax() >= dir.width()
                || window.rowMax() >= dir.height()
                || window.colMin() > window.colMax()
                || window.rowMin() > window.rowMax()) {
            throw new IllegalArgumentException(info.location() + ": window " + window + " is not inside the "
                    + dir.width() + "x" + dir.height() + " image");
        }
        if (window.width() * window.height() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(info.location() + ": window " + window
                    + " has more cells than one tile can hold; read it in parts");
        }
    }

    private static void checkByteCount(TiffDirectory dir, TiffSegment seg, int samples, int bits)
            throws TiffFormatException {
        long decoded = (long) SegmentDecoder.rowBytes(seg, samples, bits) * seg.storedHeight();
        if (seg.byteCount() > decoded * MAX_EXPANSION + (1 << 20) || seg.byteCount() > Integer.MAX_VALUE - 8) {
            throw new TiffFormatException(
                    dir.location(),
                    dir.index(),
                    "segment " + seg.index() + " claims " + seg.byteCount() + " stored bytes for " + decoded
                            + " decoded bytes");
        }
    }

    private void copyOut(
            SampleKind kind,
            TiffSegment seg,
            byte[] decoded,
            int rowBytes,
            int samplesInSegment,
            int[] bands,
            boolean planar,
            Object[] out,
            int x0,
            int y0,
            int w,
            int h) {
        int ix0 = Math.max(x0, seg.x());
        int iy0 = Math.max(y0, seg.y());
        int ix1 = Math.min(x0 + w, seg.x() + seg.width());
        int iy1 = Math.min(y0 + h, seg.y() + seg.height());
        if (ix0 >= ix1 || iy0 >= iy1) {
            return;
        }
        for (int i = 0; i < bands.length; i++) {
            if (planar && bands[i] != seg.plane()) {
                continue;
            }
            SegmentCopier.Source src = new SegmentCopier.Source(
                    decoded, structure.byteOrder(), rowBytes, samplesInSegment, planar ? 0 : bands[i]);
            SegmentCopier.copy(
                    kind, src, ix0 - seg.x(), iy0 - seg.y(), ix1 - ix0, iy1 - iy0, out[i], w, ix0 - x0, iy0 - y0);
        }
    }

    /** Fills a storage array with the stored NoData sample (0 for raw types), as GDAL reads absent blocks. */
    private static void fillNoData(Object storage, CellType ct) {
        if (!ct.hasNoData()) {
            return; // arrays start at 0
        }
        if (storage instanceof byte[] b) {
            Arrays.fill(b, (byte) ct.intNoData());
        } else if (storage instanceof short[] s) {
            Arrays.fill(s, (short) ct.intNoData());
        } else if (storage instanceof int[] v) {
            Arrays.fill(v, ct.intNoData());
        } else if (storage instanceof float[] f) {
            Arrays.fill(f, (float) ct.floatNoData());
        } else {
            Arrays.fill((double[]) storage, ct.floatNoData());
        }
    }

    private static int[] distinct(int[] bands) {
        return Arrays.stream(bands).distinct().sorted().toArray();
    }

    @Override
    public void close() throws IOException {
        if (ownsDecoders) {
            decoders.close();
        }
        source.close();
    }
}
