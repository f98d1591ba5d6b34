package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.BitArrayTile;
import io.rastermill.core.tile.ByteArrayTile;
import io.rastermill.core.tile.DoubleArrayTile;
import io.rastermill.core.tile.FloatArrayTile;
import io.rastermill.core.tile.IntArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.ShortArrayTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.Compression;
import io.rastermill.io.codec.CorruptSegmentException;
import io.rastermill.io.codec.Predictor;
import io.rastermill.io.codec.SegmentCompressor;
import io.rastermill.io.codec.SegmentDecompressor;
import io.rastermill.io.codec.UnsupportedCodecException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.Arrays;

/**
 * Turns one block (a {@link MultibandTile}) into the bytes of one TIFF tile and back: chunky
 * (pixel-interleaved) little-endian samples, 1-bit rows packed MSB-first and padded to a byte, then
 * the predictor, then the compression. The tile is always {@code blockSize × blockSize}; cells beyond
 * the given tile (edge blocks) are zero.
 *
 * <p>Not thread-safe: it keeps its compressor, decompressor and buffers between blocks. The writer
 * pools instances so each producer thread encodes with its own.
 */
final class BlockCodec implements AutoCloseable {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ORDER);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ORDER);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ORDER);
    private static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ORDER);

    private final int size;
    private final int bands;
    private final CellType cellType;
    private final SampleKind kind;
    private final int rowBytes;
    private final byte[] raw;
    private final Predictor predictor;
    private final SegmentCompressor compressor;
    private final SegmentDecompressor decompressor;
    private final boolean perRow;
    private byte[] encoded = new byte[0];
    private Object scratch;
    private int encodedLength;

    BlockCodec(int size, int bands, CellType cellType, GeoTiffWriteOptions options) throws UnsupportedCodecException {
        this.size = size;
        this.bands = bands;
        this.cellType = cellType;
        this.kind = sampleKind(cellType.dataType());
        this.rowBytes = Math.toIntExact(((long) size * bands * kind.bits() + 7) / 8);
        this.raw = new byte[Math.multiplyExact(rowBytes, size)];
        this.predictor = options.predictor() == Predictor.NONE
                ? null // 1-bit rows need no predictor object
                : Predictor.of(options.predictor(), kind.bits(), bands, ORDER);
        this.compressor = options.compression().newCompressor(options.level());
        this.decompressor = options.compression().newDecompressor();
        this.perRow = options.compression() == Compression.PACKBITS;
    }

    /** The TIFF sample encoding of a data type. */
    static SampleKind sampleKind(DataType t) {
        return switch (t) {
            case BIT -> SampleKind.BIT;
            case INT8 -> SampleKind.INT8;
            case UINT8 -> SampleKind.UINT8;
            case INT16 -> SampleKind.INT16;
            case UINT16 -> SampleKind.UINT16;
            case INT32 -> SampleKind.INT32;
            case FLOAT32 -> SampleKind.FLOAT32;
            case FLOAT64 -> SampleKind.FLOAT64;
        };
    }

    /** Bytes of one uncompressed tile. */
    int rawLength() {
        return raw.length;
    }

    /**
     * Encodes {@code block}, whose bands are {@code cols × rows} with {@code cols, rows <= blockSize};
     * the result is in {@link #encoded()} / {@link #encodedLength()} until the next call.
     */
    void encode(MultibandTile block) {
        if (!coversBlock(block)) {
            Arrays.fill(raw, (byte) 0);
        }
        for (int b = 0; b < bands; b++) {
            interleave(block.band(b), b);
        }
        if (predictor != null) {
            predictor.encode(raw, 0, size, size);
        }
        if (perRow) {
            // TIFF 6.0 asks for PackBits rows packed separately; the packed rows concatenate
            int max = compressor.maxCompressedLength(rowBytes) * size;
            if (encoded.length < max) {
                encoded = new byte[max];
            }
            int out = 0;
            for (int r = 0; r < size; r++) {
                out += compressor.compress(raw, r * rowBytes, rowBytes, encoded, out);
            }
            encodedLength = out;
            return;
        }
        int max = compressor.maxCompressedLength(raw.length);
        if (encoded.length < max) {
            encoded = new byte[max];
        }
        encodedLength = compressor.compress(raw, 0, raw.length, encoded, 0);
    }

    /** Whether interleaving {@code block} writes every byte of {@link #raw} (full-size bands of whole bytes). */
    private boolean coversBlock(MultibandTile block) {
        if (kind == SampleKind.BIT) {
            return false;
        }
        for (int b = 0; b < bands; b++) {
            Tile t = block.band(b);
            if (t.cols() != size || t.rows() != size) {
                return false;
            }
        }
        return true;
    }

    byte[] encoded() {
        return encoded;
    }

    int encodedLength() {
        return encodedLength;
    }

    /** {@code t}'s stored samples in this codec's scratch array (reused from block to block: no copy per block). */
    private <T> T cells(ArrayTile t, Class<T> type, int length) {
        if (!type.isInstance(scratch) || Array.getLength(scratch) < length) {
            scratch = Array.newInstance(type.getComponentType(), length);
        }
        t.copyStoredSamplesTo(scratch);
        return type.cast(scratch);
    }

    /**
     * {@link #raw} in file byte order, for the bulk puts of single-band rows: a (byte-swapping) memory copy, where
     * the per-sample {@link VarHandle} loop is not inlined by C1, the launcher's JIT, and costs far more per sample.
     */
    private ByteBuffer rawView() {
        return ByteBuffer.wrap(raw).order(ORDER);
    }

    private void interleave(Tile tile, int b) {
        ArrayTile t = tile.toArrayTile();
        int w = t.cols();
        int h = t.rows();
        int step = bands * Math.max(kind.bytes(), 1);
        if (t instanceof BitArrayTile bt) {
            byte[] bits = cells(bt, byte[].class, (w * h + 7) / 8);
            for (int r = 0; r < h; r++) {
                int rowStart = r * rowBytes;
                for (int c = 0; c < w; c++) {
                    int i = r * w + c;
                    if ((bits[i >> 3] >> (i & 7) & 1) != 0) {
                        int bit = c * bands + b;
                        raw[rowStart + (bit >> 3)] |= (byte) (0x80 >>> (bit & 7));
                    }
                }
            }
        } else if (t instanceof ByteArrayTile bt) {
            byte[] cells = cells(bt, byte[].class, w * h);
            for (int r = 0; r < h; r++) {
                if (bands == 1) {
                    System.arraycopy(cells, r * w, raw, r * rowBytes, w);
                } else {
                    for (int c = 0, p = r * rowBytes + b; c < w; c++, p += step) {
                        raw[p] = cells[r * w + c];
                    }
                }
            }
        } else if (t instanceof ShortArrayTile st) {
            short[] cells = cells(st, short[].class, w * h);
            if (bands == 1) {
                ShortBuffer view = rawView().asShortBuffer();
                for (int r = 0; r < h; r++) {
                    view.put(r * size, cells, r * w, w);
                }
                return;
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0, p = r * rowBytes + b * 2; c < w; c++, p += step) {
                    SHORT.set(raw, p, cells[r * w + c]);
                }
            }
        } else if (t instanceof IntArrayTile it) {
            int[] cells = cells(it, int[].class, w * h);
            if (bands == 1) {
                IntBuffer view = rawView().asIntBuffer();
                for (int r = 0; r < h; r++) {
                    view.put(r * size, cells, r * w, w);
                }
                return;
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0, p = r * rowBytes + b * 4; c < w; c++, p += step) {
                    INT.set(raw, p, cells[r * w + c]);
                }
            }
        } else if (t instanceof FloatArrayTile ft) {
            float[] cells = cells(ft, float[].class, w * h);
            if (bands == 1) {
                FloatBuffer view = rawView().asFloatBuffer();
                for (int r = 0; r < h; r++) {
                    view.put(r * size, cells, r * w, w);
                }
                return;
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0, p = r * rowBytes + b * 4; c < w; c++, p += step) {
                    FLOAT.set(raw, p, cells[r * w + c]);
                }
            }
        } else if (t instanceof DoubleArrayTile dt) {
            double[] cells = cells(dt, double[].class, w * h);
            if (bands == 1) {
                DoubleBuffer view = rawView().asDoubleBuffer();
                for (int r = 0; r < h; r++) {
                    view.put(r * size, cells, r * w, w);
                }
                return;
            }
            for (int r = 0; r < h; r++) {
                for (int c = 0, p = r * rowBytes + b * 8; c < w; c++, p += step) {
                    DOUBLE.set(raw, p, cells[r * w + c]);
                }
            }
        }
    }

    /**
     * Decodes the stored bytes of one tile written by {@link #encode} into one double lane per band
     * ({@code blockSize²} cells each, NoData as NaN), into {@code lanes}.
     */
    void decodeToLanes(byte[] stored, int length, double[][] lanes) throws CorruptSegmentException {
        decompressor.decompress(stored, 0, length, raw, 0, raw.length);
        if (predictor != null) {
            predictor.decode(raw, 0, size, size);
        }
        for (int b = 0; b < bands; b++) {
            Object storage = ArrayTile.allocate(cellType.dataType(), size * size);
            SegmentCopier.copy(
                    kind,
                    new SegmentCopier.Source(raw, ORDER, rowBytes, bands, b),
                    0,
                    0,
                    size,
                    size,
                    storage,
                    size,
                    0,
                    0);
            ArrayTile.wrap(cellType, size, size, storage).readDoubles(lanes[b]);
        }
    }

    @Override
    public void close() {
        compressor.close();
        try {
            decompressor.close();
        } catch (Exception ignored) {
            // releasing native resources; nothing to report
        }
    }
}
