package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.io.codec.UnsupportedCodecException;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Reusable {@link BlockCodec}s for one file: a thread takes one, encodes or decodes, and gives it back,
 * so there are as many codecs (and buffers) as threads that ever worked at once. Thread-safe.
 */
final class BlockCodecPool implements AutoCloseable {
    private final ConcurrentLinkedQueue<BlockCodec> idle = new ConcurrentLinkedQueue<>();
    private final String location;
    private final int blockSize;
    private final int bands;
    private final CellType cellType;
    private final GeoTiffWriteOptions options;

    BlockCodecPool(String location, int bands, CellType cellType, GeoTiffWriteOptions options) {
        this.location = location;
        this.blockSize = options.blockSize();
        this.bands = bands;
        this.cellType = cellType;
        this.options = options;
    }

    BlockCodec take() throws GeoTiffWriteException {
        BlockCodec c = idle.poll();
        if (c != null) {
            return c;
        }
        try {
            return new BlockCodec(blockSize, bands, cellType, options);
        } catch (UnsupportedCodecException e) {
            throw new GeoTiffWriteException(location, e.getMessage(), e);
        }
    }

    void give(BlockCodec c) {
        idle.add(c);
    }

    /** Closes the idle codecs (call when no thread uses one any more). */
    @Override
    public void close() {
        BlockCodec c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }
}
