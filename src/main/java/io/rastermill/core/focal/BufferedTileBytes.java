package io.rastermill.core.focal;

import io.rastermill.core.geom.CellSize;
import io.rastermill.core.tile.TileBytes;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A {@link BufferedTile} as bytes, for binary columns (SQL over tiles with halos): a marker byte
 * {@code 'B'} that no {@link TileBytes} form starts with (so a plain tile passed where a buffered one is
 * expected fails clearly), the halo, the outside sides as four flag bits, the cell size, then the
 * whole buffered tile in the {@link TileBytes} form.
 */
public final class BufferedTileBytes {
    private static final byte MARKER = 'B';
    private static final int HEADER = 1 + 4 + 1 + 8 + 8;

    private BufferedTileBytes() {}

    public static byte[] encode(BufferedTile b) {
        byte[] tile = TileBytes.encode(b.tile());
        BufferedTile.Sides s = b.outside();
        int sides = (s.north() ? 1 : 0) | (s.south() ? 2 : 0) | (s.west() ? 4 : 0) | (s.east() ? 8 : 0);
        return ByteBuffer.allocate(HEADER + tile.length)
                .put(MARKER)
                .putInt(b.halo())
                .put((byte) sides)
                .putDouble(b.cellSize().width())
                .putDouble(b.cellSize().height())
                .put(tile)
                .array();
    }

    /** @throws IllegalArgumentException if the bytes are not an encoded buffered tile (e.g. a plain tile) */
    public static BufferedTile decode(byte[] bytes) {
        if (bytes.length < HEADER || bytes[0] != MARKER) {
            throw new IllegalArgumentException(
                    "not a buffered tile (" + bytes.length + " bytes, first " + (bytes.length == 0 ? "none" : bytes[0])
                            + "): take the column of LayerFrames.toBufferedDataFrame");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 1, HEADER - 1);
        try {
            int halo = buf.getInt();
            int sides = buf.get();
            CellSize cellSize = new CellSize(buf.getDouble(), buf.getDouble());
            BufferedTile.Sides outside =
                    new BufferedTile.Sides((sides & 1) != 0, (sides & 2) != 0, (sides & 4) != 0, (sides & 8) != 0);
            return new BufferedTile(
                    TileBytes.decode(Arrays.copyOfRange(bytes, HEADER, bytes.length)), halo, outside, cellSize);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("encoded buffered tile is truncated (" + bytes.length + " bytes)");
        }
    }
}
