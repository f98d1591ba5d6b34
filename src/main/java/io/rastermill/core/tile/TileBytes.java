package io.rastermill.core.tile;

import io.rastermill.core.cell.CellType;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A compact, self-describing binary form of a tile for shipping between JVMs (Kryo, Spark SQL
 * binary columns): a version byte, the cell type name, cols, rows, a constant flag, then the stored
 * samples in {@link Tile#toBytes()} layout (one sample for a constant tile). No per-cell objects;
 * NoData travels as the stored samples do, so decoding gives back an equal tile.
 */
public final class TileBytes {
    private static final byte VERSION = 1;

    private TileBytes() {}

    public static byte[] encode(Tile tile) {
        byte[] name = tile.cellType().name().getBytes(StandardCharsets.US_ASCII);
        boolean constant = tile instanceof ConstantTile;
        byte[] samples = constant ? ((ConstantTile) tile).sampleBytes() : tile.toBytes();
        ByteBuffer buf = ByteBuffer.allocate(1 + 2 + name.length + 4 + 4 + 1 + samples.length);
        buf.put(VERSION)
                .putShort((short) name.length)
                .put(name)
                .putInt(tile.cols())
                .putInt(tile.rows())
                .put((byte) (constant ? 1 : 0))
                .put(samples);
        return buf.array();
    }

    /**
     * @throws IllegalArgumentException if the bytes are not an encoded tile (wrong version, sizes that
     *                                  do not match the payload)
     */
    public static Tile decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            byte version = buf.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("encoded tile has version " + version + ", expected " + VERSION);
            }
            byte[] name = new byte[buf.getShort()];
            buf.get(name);
            CellType ct = CellType.parse(new String(name, StandardCharsets.US_ASCII));
            int cols = buf.getInt();
            int rows = buf.getInt();
            boolean constant = buf.get() == 1;
            byte[] samples = new byte[buf.remaining()];
            buf.get(samples);
            if (constant) {
                return ConstantTile.fromSampleBytes(ct, cols, rows, samples);
            }
            return Tiles.fromBytes(samples, ct, cols, rows);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("encoded tile is truncated (" + bytes.length + " bytes)");
        }
    }
}
