package io.rastermill.io.layerstore;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.BitArrayTile;
import io.rastermill.core.tile.ByteArrayTile;
import io.rastermill.core.tile.DoubleArrayTile;
import io.rastermill.core.tile.FloatArrayTile;
import io.rastermill.core.tile.IntArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.ShortArrayTile;
import io.rastermill.core.tile.Tile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * GeoTrellis's tile records: the bytes of one file-backend tile file, or one Hadoop MapFile value,
 * are {@code zlib(avro_binary(KeyValueRecord))}, a {@code pairs} array of (SpatialKey, value) where
 * the value is the 17-way tile union ({@link TileSchema#TILE}) or an {@code ArrayMultibandTile} of
 * such unions ({@link TileSchema#MULTIBAND}); space-time layers' keys add the instant ({@link TileSchema#SPACETIME_TILE},
 * {@link TileSchema#SPACETIME_MULTIBAND}). See GeoTrellis 3.x
 * {@code store/.../avro/codecs/{KeyValueRecordCodec,TileCodecs,ConstantTileCodecs}.scala}.
 *
 * <h2>Cells and NoData</h2>
 * A record is chosen by data type; cells are the stored samples (16-bit ones as sign-extended Avro
 * ints). The NoData policy travels in each record's {@code noDataValue}: for integer records the int
 * branch with the type's default means the constant type, another value a user-defined type (written
 * signed: {@code uint8ud255} as -1), null the raw type; for float records {@code true} means the
 * constant type, {@code false} raw, a number a user-defined type. The decoded tile's cell type comes
 * from its record, as in GeoTrellis.
 *
 * <p>Writing always uses the array records (a constant tile is written as an array tile, which any
 * GeoTrellis reads); reading also accepts the constant-tile and padded-tile records GeoTrellis may write.
 *
 * <h2>Thread-safety</h2>
 * Stateless.
 */
public final class TileRecords {
    private static final int BYTE_ARRAY = 0;
    private static final int FLOAT_ARRAY = 1;
    private static final int DOUBLE_ARRAY = 2;
    private static final int SHORT_ARRAY = 3;
    private static final int INT_ARRAY = 4;
    private static final int BIT_ARRAY = 5;
    private static final int UBYTE_ARRAY = 6;
    private static final int USHORT_ARRAY = 7;
    private static final int BYTE_CONSTANT = 8;
    private static final int FLOAT_CONSTANT = 9;
    private static final int DOUBLE_CONSTANT = 10;
    private static final int SHORT_CONSTANT = 11;
    private static final int INT_CONSTANT = 12;
    private static final int BIT_CONSTANT = 13;
    private static final int UBYTE_CONSTANT = 14;
    private static final int USHORT_CONSTANT = 15;
    private static final int PADDED = 16;

    private TileRecords() {}

    // ------------------------------------------------------------------ whole files

    /** zlib (RFC 1950, default level, as {@code java.util.zip.DeflaterOutputStream}) of a datum. */
    public static byte[] compress(byte[] datum) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, datum.length / 2));
        try (DeflaterOutputStream out = new DeflaterOutputStream(bos)) {
            out.write(datum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** Inflates a zlib stream; a truncated or non-zlib stream throws {@link AvroFormatException}. */
    public static byte[] decompress(byte[] stored) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, stored.length * 4));
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(stored))) {
            in.transferTo(bos);
        } catch (EOFException e) {
            throw new AvroFormatException("compressed record is truncated (" + stored.length + " bytes)");
        } catch (ZipException e) {
            throw new AvroFormatException("not a zlib-compressed record: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** The stored bytes of a tile file holding single-band pairs. */
    public static byte[] encodeTiles(List<? extends Map.Entry<SpatialKey, Tile>> pairs) {
        return encodeSingleband(pairs, TileRecords::writeKey);
    }

    /** The stored bytes of a tile file of a space-time layer holding single-band pairs. */
    public static byte[] encodeSpaceTimeTiles(List<? extends Map.Entry<SpaceTimeKey, Tile>> pairs) {
        return encodeSingleband(pairs, TileRecords::writeKey);
    }

    private static <K> byte[] encodeSingleband(
            List<? extends Map.Entry<K, Tile>> pairs, BiConsumer<AvroBinary.Out, K> key) {
        AvroBinary.Out out = new AvroBinary.Out(
                estimate(pairs.isEmpty() ? null : pairs.get(0).getValue(), pairs.size()));
        if (!pairs.isEmpty()) {
            out.writeLong(pairs.size());
            for (Map.Entry<K, Tile> kv : pairs) {
                key.accept(out, kv.getKey());
                writeTile(out, kv.getValue());
            }
        }
        out.writeLong(0);
        return compress(out.toByteArray());
    }

    /** The stored bytes of a tile file holding multiband pairs. */
    public static byte[] encodeMultiband(List<? extends Map.Entry<SpatialKey, MultibandTile>> pairs) {
        return encodeMultiband(pairs, TileRecords::writeKey);
    }

    /** The stored bytes of a tile file of a space-time layer holding multiband pairs. */
    public static byte[] encodeSpaceTimeMultiband(List<? extends Map.Entry<SpaceTimeKey, MultibandTile>> pairs) {
        return encodeMultiband(pairs, TileRecords::writeKey);
    }

    private static <K> byte[] encodeMultiband(
            List<? extends Map.Entry<K, MultibandTile>> pairs, BiConsumer<AvroBinary.Out, K> key) {
        int est = pairs.isEmpty()
                ? 64
                : estimate(
                        pairs.get(0).getValue().band(0),
                        pairs.size() * pairs.get(0).getValue().bandCount());
        AvroBinary.Out out = new AvroBinary.Out(est);
        if (!pairs.isEmpty()) {
            out.writeLong(pairs.size());
            for (Map.Entry<K, MultibandTile> kv : pairs) {
                key.accept(out, kv.getKey());
                MultibandTile mb = kv.getValue();
                out.writeLong(mb.bandCount());
                for (int b = 0; b < mb.bandCount(); b++) {
                    writeTile(out, mb.band(b));
                }
                out.writeLong(0);
            }
        }
        out.writeLong(0);
        return compress(out.toByteArray());
    }

    private static int estimate(Tile sample, int count) {
        if (sample == null) {
            return 64;
        }
        long bytes = (long) sample.size() * Math.max(1, sample.cellType().bits() / 8) * count + 64L * count;
        return (int) Math.min(bytes, Integer.MAX_VALUE - 64);
    }

    /** Decodes the stored bytes of a single-band tile file. */
    public static List<Map.Entry<SpatialKey, Tile>> decodeTiles(byte[] stored) {
        return decodeSingleband(stored, TileRecords::readKey);
    }

    /** Decodes the stored bytes of a single-band tile file of a space-time layer. */
    public static List<Map.Entry<SpaceTimeKey, Tile>> decodeSpaceTimeTiles(byte[] stored) {
        return decodeSingleband(stored, TileRecords::readSpaceTimeKey);
    }

    private static <K> List<Map.Entry<K, Tile>> decodeSingleband(byte[] stored, Function<AvroBinary.In, K> readKey) {
        AvroBinary.In in = new AvroBinary.In(decompress(stored));
        List<Map.Entry<K, Tile>> pairs = new ArrayList<>();
        for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                K key = readKey.apply(in);
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, readTile(in, in.readInt())));
            }
        }
        requireEnd(in);
        return pairs;
    }

    /** Decodes the stored bytes of a multiband tile file. */
    public static List<Map.Entry<SpatialKey, MultibandTile>> decodeMultiband(byte[] stored) {
        return decodeMultiband(stored, TileRecords::readKey);
    }

    /** Decodes the stored bytes of a multiband tile file of a space-time layer. */
    public static List<Map.Entry<SpaceTimeKey, MultibandTile>> decodeSpaceTimeMultiband(byte[] stored) {
        return decodeMultiband(stored, TileRecords::readSpaceTimeKey);
    }

    private static <K> List<Map.Entry<K, MultibandTile>> decodeMultiband(
            byte[] stored, Function<AvroBinary.In, K> readKey) {
        AvroBinary.In in = new AvroBinary.In(decompress(stored));
        List<Map.Entry<K, MultibandTile>> pairs = new ArrayList<>();
        for (long n = in.readBlockCount(); n != 0; n = in.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                K key = readKey.apply(in);
                List<Tile> bands = new ArrayList<>();
                for (long m = in.readBlockCount(); m != 0; m = in.readBlockCount()) {
                    for (long b = 0; b < m; b++) {
                        bands.add(readTile(in, in.readInt()));
                    }
                }
                if (bands.isEmpty()) {
                    throw new AvroFormatException("multiband tile " + key + " has no bands");
                }
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(key, MultibandTile.of(bands)));
            }
        }
        requireEnd(in);
        return pairs;
    }

    private static void requireEnd(AvroBinary.In in) {
        if (!in.atEnd()) {
            throw new AvroFormatException("trailing bytes after the record at offset " + in.position());
        }
    }

    // ------------------------------------------------------------------ keys

    private static void writeKey(AvroBinary.Out out, SpatialKey key) {
        out.writeInt(key.col());
        out.writeInt(key.row());
    }

    private static SpatialKey readKey(AvroBinary.In in) {
        return new SpatialKey(in.readInt(), in.readInt());
    }

    /** GeoTrellis's SpaceTimeKey record: col and row as Avro ints, then the instant as an Avro long. */
    private static void writeKey(AvroBinary.Out out, SpaceTimeKey key) {
        out.writeInt(key.col());
        out.writeInt(key.row());
        out.writeLong(key.instant());
    }

    private static SpaceTimeKey readSpaceTimeKey(AvroBinary.In in) {
        return new SpaceTimeKey(in.readInt(), in.readInt(), in.readLong());
    }

    // ------------------------------------------------------------------ tiles

    private static void writeTile(AvroBinary.Out out, Tile tile) {
        ArrayTile t = tile.toArrayTile();
        CellType ct = t.cellType();
        switch (ct.dataType()) {
            case BIT -> {
                out.writeInt(BIT_ARRAY);
                writeDims(out, t);
                out.writeBytes(((BitArrayTile) t).copyCells());
            }
            case INT8, UINT8 -> {
                out.writeInt(ct.dataType() == DataType.INT8 ? BYTE_ARRAY : UBYTE_ARRAY);
                writeDims(out, t);
                out.writeBytes(((ByteArrayTile) t).copyCells());
                writeIntNoData(out, ct);
            }
            case INT16, UINT16 -> {
                out.writeInt(ct.dataType() == DataType.INT16 ? SHORT_ARRAY : USHORT_ARRAY);
                writeDims(out, t);
                out.writeShortArray(((ShortArrayTile) t).copyCells());
                writeIntNoData(out, ct);
            }
            case INT32 -> {
                out.writeInt(INT_ARRAY);
                writeDims(out, t);
                out.writeIntArray(((IntArrayTile) t).copyCells());
                writeIntNoData(out, ct);
            }
            case FLOAT32 -> {
                out.writeInt(FLOAT_ARRAY);
                writeDims(out, t);
                out.writeFloatArray(((FloatArrayTile) t).copyCells());
                writeFloatNoData(out, ct, false);
            }
            case FLOAT64 -> {
                out.writeInt(DOUBLE_ARRAY);
                writeDims(out, t);
                out.writeDoubleArray(((DoubleArrayTile) t).copyCells());
                writeFloatNoData(out, ct, true);
            }
        }
    }

    private static void writeDims(AvroBinary.Out out, Tile t) {
        out.writeInt(t.cols());
        out.writeInt(t.rows());
    }

    /** Union [int, null]: the stored (signed, narrowed) NoData sample, or null for raw types. */
    private static void writeIntNoData(AvroBinary.Out out, CellType ct) {
        if (ct.hasNoData()) {
            out.writeInt(0);
            out.writeInt(ct.intNoData());
        } else {
            out.writeInt(1);
        }
    }

    /** Union [boolean, float|double]: true = constant NaN, false = raw, a number = user-defined. */
    private static void writeFloatNoData(AvroBinary.Out out, CellType ct, boolean isDouble) {
        switch (ct.noDataMode()) {
            case CONSTANT -> {
                out.writeInt(0);
                out.writeBoolean(true);
            }
            case RAW -> {
                out.writeInt(0);
                out.writeBoolean(false);
            }
            case USER_DEFINED -> {
                out.writeInt(1);
                if (isDouble) {
                    out.writeDouble(ct.floatNoData());
                } else {
                    out.writeFloat((float) ct.floatNoData());
                }
            }
        }
    }

    private static Tile readTile(AvroBinary.In in, int branch) {
        switch (branch) {
            case BYTE_ARRAY, UBYTE_ARRAY -> {
                DataType dt = branch == BYTE_ARRAY ? DataType.INT8 : DataType.UINT8;
                int cols = in.readInt();
                int rows = in.readInt();
                byte[] cells = in.readBytes();
                CellType ct = readIntNoData(in, dt);
                return wrap(ct, cols, rows, cells, cells.length);
            }
            case SHORT_ARRAY, USHORT_ARRAY -> {
                DataType dt = branch == SHORT_ARRAY ? DataType.INT16 : DataType.UINT16;
                int cols = in.readInt();
                int rows = in.readInt();
                short[] cells = in.readShortArray(cellCount(cols, rows));
                return wrap(readIntNoData(in, dt), cols, rows, cells, cells.length);
            }
            case INT_ARRAY -> {
                int cols = in.readInt();
                int rows = in.readInt();
                int[] cells = in.readIntArray(cellCount(cols, rows));
                return wrap(readIntNoData(in, DataType.INT32), cols, rows, cells, cells.length);
            }
            case FLOAT_ARRAY -> {
                int cols = in.readInt();
                int rows = in.readInt();
                float[] cells = in.readFloatArray(cellCount(cols, rows));
                return wrap(readFloatNoData(in, DataType.FLOAT32), cols, rows, cells, cells.length);
            }
            case DOUBLE_ARRAY -> {
                int cols = in.readInt();
                int rows = in.readInt();
                double[] cells = in.readDoubleArray(cellCount(cols, rows));
                return wrap(readFloatNoData(in, DataType.FLOAT64), cols, rows, cells, cells.length);
            }
            case BIT_ARRAY -> {
                int cols = in.readInt();
                int rows = in.readInt();
                byte[] cells = in.readBytes();
                int expected = (cellCount(cols, rows) + 7) / 8;
                if (cells.length != expected) {
                    throw new AvroFormatException("a " + cols + "x" + rows + " bool tile needs " + expected
                            + " bytes, the record holds " + cells.length);
                }
                return ArrayTile.wrap(CellType.BOOL, cols, rows, cells);
            }
            case BYTE_CONSTANT, UBYTE_CONSTANT, SHORT_CONSTANT, USHORT_CONSTANT, INT_CONSTANT -> {
                DataType dt = switch (branch) {
                    case BYTE_CONSTANT -> DataType.INT8;
                    case UBYTE_CONSTANT -> DataType.UINT8;
                    case SHORT_CONSTANT -> DataType.INT16;
                    case USHORT_CONSTANT -> DataType.UINT16;
                    default -> DataType.INT32;
                };
                int cols = in.readInt();
                int rows = in.readInt();
                int cell = in.readInt();
                CellType ct = readIntNoData(in, dt);
                return filled(ct, cols, rows, cell, 0);
            }
            case FLOAT_CONSTANT -> {
                int cols = in.readInt();
                int rows = in.readInt();
                float cell = in.readFloat();
                return filled(readFloatNoData(in, DataType.FLOAT32), cols, rows, 0, cell);
            }
            case DOUBLE_CONSTANT -> {
                int cols = in.readInt();
                int rows = in.readInt();
                double cell = in.readDouble();
                return filled(readFloatNoData(in, DataType.FLOAT64), cols, rows, 0, cell);
            }
            case BIT_CONSTANT -> {
                int cols = in.readInt();
                int rows = in.readInt();
                boolean cell = in.readBoolean();
                return filled(CellType.BOOL, cols, rows, cell ? 1 : 0, 0);
            }
            case PADDED -> {
                Tile chunk = readTile(in, in.readInt());
                int colOffset = in.readInt();
                int rowOffset = in.readInt();
                int cols = in.readInt();
                int rows = in.readInt();
                return padded(chunk, colOffset, rowOffset, cols, rows);
            }
            default ->
                throw new AvroFormatException(
                        "tile union branch " + branch + " is not one of GeoTrellis's 17 tile records");
        }
    }

    private static int cellCount(int cols, int rows) {
        long n = (long) cols * rows;
        if (cols <= 0 || rows <= 0 || n > Integer.MAX_VALUE - 8) {
            throw new AvroFormatException("bad tile size " + cols + "x" + rows);
        }
        return (int) n;
    }

    private static Tile wrap(CellType ct, int cols, int rows, Object cells, int length) {
        int expected = cellCount(cols, rows);
        if (length != expected) {
            throw new AvroFormatException("a " + cols + "x" + rows + " " + ct.name() + " tile needs " + expected
                    + " cells, the record holds " + length);
        }
        return ArrayTile.wrap(ct, cols, rows, cells);
    }

    private static CellType readIntNoData(AvroBinary.In in, DataType dt) {
        int branch = in.readInt();
        if (branch == 1) {
            return CellType.raw(dt);
        }
        if (branch != 0) {
            throw new AvroFormatException("noDataValue union branch " + branch + " is not int or null");
        }
        int nd = in.readInt();
        CellType constant = CellType.withDefaultNoData(dt);
        return nd == constant.intNoData() ? constant : CellType.userDefined(dt, nd);
    }

    private static CellType readFloatNoData(AvroBinary.In in, DataType dt) {
        int branch = in.readInt();
        if (branch == 0) {
            return in.readBoolean() ? CellType.withDefaultNoData(dt) : CellType.raw(dt);
        }
        if (branch != 1) {
            throw new AvroFormatException("noDataValue union branch " + branch + " is not boolean or a number");
        }
        double nd = dt == DataType.FLOAT32 ? in.readFloat() : in.readDouble();
        return CellType.userDefined(dt, nd);
    }

    /** A tile whose every stored sample is {@code intSample} (integer types) or {@code floatSample}. */
    private static Tile filled(CellType ct, int cols, int rows, int intSample, double floatSample) {
        int n = cellCount(cols, rows);
        Object storage = ArrayTile.allocate(ct.dataType(), n);
        switch (ct.dataType()) {
            case BIT -> Arrays.fill((byte[]) storage, (byte) (intSample != 0 ? 0xFF : 0));
            case INT8, UINT8 -> Arrays.fill((byte[]) storage, (byte) intSample);
            case INT16, UINT16 -> Arrays.fill((short[]) storage, (short) intSample);
            case INT32 -> Arrays.fill((int[]) storage, intSample);
            case FLOAT32 -> Arrays.fill((float[]) storage, (float) floatSample);
            case FLOAT64 -> Arrays.fill((double[]) storage, floatSample);
        }
        return ArrayTile.wrap(ct, cols, rows, storage);
    }

    /** GeoTrellis's PaddedTile: the chunk at the offsets, NoData elsewhere. */
    private static Tile padded(Tile chunk, int colOffset, int rowOffset, int cols, int rows) {
        int n = cellCount(cols, rows);
        if (colOffset < 0 || rowOffset < 0 || colOffset + chunk.cols() > cols || rowOffset + chunk.rows() > rows) {
            throw new AvroFormatException("padded tile: a " + chunk.cols() + "x" + chunk.rows() + " chunk at ("
                    + colOffset + "," + rowOffset + ") does not fit " + cols + "x" + rows);
        }
        CellType ct = chunk.cellType();
        if (ct.isFloatingPoint()) {
            double[] lane = new double[n];
            Arrays.fill(lane, Double.NaN);
            double[] src = chunk.toDoubleLane();
            for (int r = 0; r < chunk.rows(); r++) {
                System.arraycopy(src, r * chunk.cols(), lane, (r + rowOffset) * cols + colOffset, chunk.cols());
            }
            return ArrayTile.fromDoubleLane(ct, cols, rows, lane);
        }
        int[] lane = new int[n];
        Arrays.fill(lane, Integer.MIN_VALUE);
        int[] src = chunk.toIntLane();
        for (int r = 0; r < chunk.rows(); r++) {
            System.arraycopy(src, r * chunk.cols(), lane, (r + rowOffset) * cols + colOffset, chunk.cols());
        }
        return ArrayTile.fromIntLane(ct, cols, rows, lane);
    }
}
