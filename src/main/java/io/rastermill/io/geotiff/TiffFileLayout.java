package io.rastermill.io.geotiff;

import io.rastermill.io.tiff.GeoKeyDirectory;
import io.rastermill.io.tiff.GeoTransform;
import io.rastermill.io.tiff.TiffTag;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The byte layout of a finished file, computed once every block's encoded length is known: the
 * header, then every IFD (full resolution first, then overviews by decreasing size, each followed by
 * its out-of-line values), then the tile data in {@link #order()}. COG order puts the smallest
 * overview's tiles first and the full resolution's last; otherwise the full resolution comes first.
 * Within a level tiles are row-major. Little-endian ("II"). Immutable after construction.
 */
final class TiffFileLayout {
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int ASCII = 2;
    private static final int DOUBLE = 12;
    private static final int LONG8 = 16;
    private static final int SUBFILE_REDUCED = 1;

    /** One level's geometry and the encoded length of each of its tiles (row-major). */
    record Level(int width, int height, int across, int down, int[] lengths) {
        int blocks() {
            return across * down;
        }
    }

    /** One tile of the data section: which level, which tile, where in the file. */
    record Placement(int level, int block, long fileOffset) {}

    private record Entry(int tag, int type, long count, byte[] data) {}

    private final boolean bigTiff;
    private final byte[] head;
    private final List<Placement> order;
    private final long length;

    private TiffFileLayout(boolean bigTiff, byte[] head, List<Placement> order, long length) {
        this.bigTiff = bigTiff;
        this.head = head;
        this.order = order;
        this.length = length;
    }

    /** Header and all IFDs, to be written at offset 0. */
    byte[] head() {
        return head;
    }

    /** Tiles in file order, each placed right after the previous. */
    List<Placement> order() {
        return order;
    }

    /** Total file length in bytes. */
    long length() {
        return length;
    }

    boolean bigTiff() {
        return bigTiff;
    }

    /** True if this is a classic TIFF longer than its 32-bit offsets can address; then there is no head. */
    boolean exceedsClassic() {
        return !bigTiff && length > 0xFFFFFFFFL;
    }

    /** An upper bound of the head's size for a level with {@code blocks} tiles (for size estimates). */
    static long headEstimate(int blocks) {
        return 1024 + 16L * blocks;
    }

    static TiffFileLayout plan(RasterDescription d, GeoTiffWriteOptions o, boolean bigTiff, List<Level> levels) {
        int n = levels.size();
        List<List<Entry>> ifds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            ifds.add(entries(d, o, bigTiff, levels.get(k), k));
        }
        int inline = bigTiff ? 8 : 4;
        long pos = bigTiff ? 16 : 8;
        long[] ifdPos = new long[n];
        long[][] dataPos = new long[n][];
        for (int k = 0; k < n; k++) {
            List<Entry> es = ifds.get(k);
            ifdPos[k] = pos;
            pos += bigTiff ? 8 + 20L * es.size() + 8 : 2 + 12L * es.size() + 4;
            dataPos[k] = new long[es.size()];
            for (int e = 0; e < es.size(); e++) {
                int len = es.get(e).data.length;
                if (len > inline) {
                    dataPos[k][e] = pos;
                    pos += len + (len & 1);
                }
            }
        }
        List<Placement> order = new ArrayList<>();
        long[][] fileOffsets = new long[n][];
        for (int step = 0; step < n; step++) {
            int k = o.cog() ? n - 1 - step : step;
            Level level = levels.get(k);
            fileOffsets[k] = new long[level.blocks()];
            for (int b = 0; b < level.blocks(); b++) {
                fileOffsets[k][b] = pos;
                order.add(new Placement(k, b, pos));
                pos += level.lengths()[b];
            }
        }
        long length = pos;
        if (!bigTiff && length > 0xFFFFFFFFL) {
            return new TiffFileLayout(false, new byte[0], List.of(), length);
        }
        ByteBuffer out =
                ByteBuffer.allocate(Math.toIntExact(dataStart(order, length))).order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'I').put((byte) 'I');
        if (bigTiff) {
            out.putShort((short) 43).putShort((short) 8).putShort((short) 0).putLong(16);
        } else {
            out.putShort((short) 42).putInt(8);
        }
        for (int k = 0; k < n; k++) {
            List<Entry> es = ifds.get(k);
            for (Entry e : es) {
                if (e.tag == TiffTag.TILE_OFFSETS) {
                    ByteBuffer v = ByteBuffer.wrap(e.data).order(ByteOrder.LITTLE_ENDIAN);
                    for (long off : fileOffsets[k]) {
                        if (bigTiff) {
                            v.putLong(off);
                        } else {
                            v.putInt((int) off);
                        }
                    }
                }
            }
            out.position(Math.toIntExact(ifdPos[k]));
            if (bigTiff) {
                out.putLong(es.size());
            } else {
                out.putShort((short) es.size());
            }
            for (int e = 0; e < es.size(); e++) {
                Entry en = es.get(e);
                out.putShort((short) en.tag).putShort((short) en.type);
                if (bigTiff) {
                    out.putLong(en.count);
                } else {
                    out.putInt((int) en.count);
                }
                byte[] value = new byte[inline];
                if (en.data.length > inline) {
                    if (bigTiff) {
                        ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putLong(dataPos[k][e]);
                    } else {
                        ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).putInt((int) dataPos[k][e]);
                    }
                } else {
                    System.arraycopy(en.data, 0, value, 0, en.data.length);
                }
                out.put(value);
            }
            long next = k + 1 < n ? ifdPos[k + 1] : 0;
            if (bigTiff) {
                out.putLong(next);
            } else {
                out.putInt((int) next);
            }
            for (int e = 0; e < es.size(); e++) {
                if (es.get(e).data.length > inline) {
                    out.position(Math.toIntExact(dataPos[k][e]));
                    out.put(es.get(e).data);
                }
            }
        }
        return new TiffFileLayout(bigTiff, out.array(), List.copyOf(order), length);
    }

    private static long dataStart(List<Placement> order, long length) {
        return order.isEmpty() ? length : order.get(0).fileOffset();
    }

    private static List<Entry> entries(
            RasterDescription d, GeoTiffWriteOptions o, boolean bigTiff, Level level, int k) {
        int bands = d.bandCount();
        SampleKind kind = BlockCodec.sampleKind(d.cellType().dataType());
        int format = switch (kind) {
            case INT8, INT16, INT32 -> SampleKind.FORMAT_INT;
            case FLOAT32, FLOAT64 -> SampleKind.FORMAT_FLOAT;
            default -> SampleKind.FORMAT_UINT;
        };
        List<Entry> es = new ArrayList<>();
        if (k > 0) {
            es.add(longs(TiffTag.NEW_SUBFILE_TYPE, SUBFILE_REDUCED));
        }
        es.add(longs(TiffTag.IMAGE_WIDTH, level.width()));
        es.add(longs(TiffTag.IMAGE_LENGTH, level.height()));
        es.add(shorts(TiffTag.BITS_PER_SAMPLE, repeat(kind.bits(), bands)));
        es.add(shorts(TiffTag.COMPRESSION, o.compression().tag()));
        es.add(shorts(TiffTag.PHOTOMETRIC_INTERPRETATION, 1)); // MinIsBlack
        es.add(shorts(TiffTag.SAMPLES_PER_PIXEL, bands));
        es.add(shorts(TiffTag.PLANAR_CONFIGURATION, 1)); // chunky
        if (o.predictor() != 1) {
            es.add(shorts(TiffTag.PREDICTOR, o.predictor()));
        }
        es.add(longs(TiffTag.TILE_WIDTH, o.blockSize()));
        es.add(longs(TiffTag.TILE_LENGTH, o.blockSize()));
        int blocks = level.blocks();
        es.add(new Entry(TiffTag.TILE_OFFSETS, bigTiff ? LONG8 : LONG, blocks, new byte[blocks * (bigTiff ? 8 : 4)]));
        long[] counts = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            counts[b] = level.lengths()[b];
        }
        es.add(longs(TiffTag.TILE_BYTE_COUNTS, counts));
        if (bands > 1) {
            es.add(shorts(TiffTag.EXTRA_SAMPLES, new int[bands - 1])); // unspecified, as GDAL for non-RGB
        }
        es.add(shorts(TiffTag.SAMPLE_FORMAT, repeat(format, bands)));
        if (k == 0) {
            d.transform().ifPresent(t -> es.addAll(transformEntries(t)));
            geoKeys(d).ifPresent(es::add);
        }
        GdalNoDataText.of(d.cellType()).ifPresent(text -> es.add(ascii(TiffTag.GDAL_NODATA, text)));
        return es;
    }

    private static List<Entry> transformEntries(GeoTransform t) {
        if (t.isNorthUp() && t.pixelWidth() > 0 && t.pixelHeight() < 0) {
            return List.of(
                    doubles(TiffTag.MODEL_PIXEL_SCALE, t.pixelWidth(), -t.pixelHeight(), 0),
                    doubles(TiffTag.MODEL_TIEPOINT, 0, 0, 0, t.originX(), t.originY(), 0));
        }
        return List.of(doubles(
                TiffTag.MODEL_TRANSFORMATION,
                t.pixelWidth(),
                t.rowRotation(),
                0,
                t.originX(),
                t.columnRotation(),
                t.pixelHeight(),
                0,
                t.originY(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                1));
    }

    private static Optional<Entry> geoKeys(RasterDescription d) {
        if (d.transform().isEmpty() && d.epsg().isEmpty()) {
            return Optional.empty();
        }
        List<int[]> keys = new ArrayList<>();
        if (d.epsg().isPresent()) {
            keys.add(new int[] {GeoKeyDirectory.GT_MODEL_TYPE, 0, 1, d.geographic() ? 2 : 1});
        }
        keys.add(new int[] {GeoKeyDirectory.GT_RASTER_TYPE, 0, 1, GeoKeyDirectory.RASTER_PIXEL_IS_AREA});
        if (d.epsg().isPresent()) {
            int id = d.geographic() ? GeoKeyDirectory.GEOGRAPHIC_TYPE : GeoKeyDirectory.PROJECTED_CS_TYPE;
            keys.add(new int[] {id, 0, 1, d.epsg().getAsInt()});
        }
        int[] v = new int[4 + 4 * keys.size()];
        v[0] = 1;
        v[1] = 1;
        v[2] = 0;
        v[3] = keys.size();
        for (int i = 0; i < keys.size(); i++) {
            System.arraycopy(keys.get(i), 0, v, 4 + 4 * i, 4);
        }
        return Optional.of(shorts(TiffTag.GEO_KEY_DIRECTORY, v));
    }

    private static int[] repeat(int v, int n) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private static Entry shorts(int tag, int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putShort((short) x);
        }
        return new Entry(tag, SHORT, v.length, b.array());
    }

    private static Entry longs(int tag, long... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            b.putInt((int) x);
        }
        return new Entry(tag, LONG, v.length, b.array());
    }

    private static Entry doubles(int tag, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return new Entry(tag, DOUBLE, v.length, b.array());
    }

    private static Entry ascii(int tag, String text) {
        byte[] t = (text + '\0').getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, ASCII, t.length, t);
    }
}
