package io.rastermill.io.geotiff;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.io.codec.CorruptSegmentException;
import io.rastermill.io.codec.UnsupportedCodecException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes blocks into the exact bytes of one TIFF tile of a file described by a
 * {@link RasterDescription} and {@link GeoTiffWriteOptions}, and decodes them back: the piece of
 * {@link GeoTiffWriter} that a distributed writer runs on its executors, so both produce identical
 * tiles.
 *
 * <p>A block has the description's band count and data type and is either {@code blockSize²} or, at
 * the right and bottom edges, cropped to the raster; cells beyond a cropped block are written as zero
 * bytes. Its NoData policy is taken from the description ({@link MultibandTile#interpretAs}).
 *
 * <p>Not thread-safe (it keeps its codec and buffers): one instance per thread or task.
 */
public final class GeoTiffBlockEncoder implements AutoCloseable {
    private final RasterDescription description;
    private final int blockSize;
    private final BlockCodec codec;

    /**
     * @throws IllegalArgumentException if the options do not suit the cell type (predictor) or the
     *                                  compression cannot be written here
     */
    public GeoTiffBlockEncoder(RasterDescription description, GeoTiffWriteOptions options) {
        this.description = Objects.requireNonNull(description, "description");
        Objects.requireNonNull(options, "options");
        options.checkFor(description.cellType());
        this.blockSize = options.blockSize();
        try {
            this.codec = new BlockCodec(blockSize, description.bandCount(), description.cellType(), options);
        } catch (UnsupportedCodecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The tile size in pixels. */
    public int blockSize() {
        return blockSize;
    }

    /**
     * The stored bytes of {@code block} (exactly as long as the tile is in the file), in a new array.
     *
     * @throws IllegalArgumentException if the band count, data type or size does not fit the file
     */
    public byte[] encode(MultibandTile block) {
        int length = encodeInPlace(block);
        return Arrays.copyOf(codec.encoded(), length);
    }

    /**
     * Encodes {@code block} into this encoder's own buffer and returns the length of its stored bytes, which are
     * {@link #encoded()}{@code [0, length)} until the next call. For writers that write the bytes right away: no
     * copy per block (a copy was the largest allocation of an NDVI job after the result tiles).
     *
     * @throws IllegalArgumentException if the band count, data type or size does not fit the file
     */
    public int encodeInPlace(MultibandTile block) {
        codec.encode(conform(block));
        return codec.encodedLength();
    }

    /**
     * The buffer {@link #encodeInPlace} encodes into; only its first {@code length} bytes belong to the last
     * block (the rest may hold an earlier, longer block's bytes). The array may change from call to call.
     */
    public byte[] encoded() {
        return codec.encoded();
    }

    /**
     * The full-size ({@code blockSize²}) block stored in {@code stored}, in the description's cell type.
     *
     * @throws CorruptSegmentException if the bytes do not decode
     */
    public MultibandTile decode(byte[] stored) throws CorruptSegmentException {
        int cells = blockSize * blockSize;
        double[][] lanes = new double[description.bandCount()][cells];
        codec.decodeToLanes(stored, stored.length, lanes);
        Tile[] bands = new Tile[lanes.length];
        for (int b = 0; b < lanes.length; b++) {
            bands[b] = ArrayTile.fromDoubleLane(description.cellType(), blockSize, blockSize, lanes[b]);
        }
        return MultibandTile.of(bands);
    }

    private MultibandTile conform(MultibandTile block) {
        Objects.requireNonNull(block, "block");
        if (block.bandCount() != description.bandCount()) {
            throw new IllegalArgumentException(
                    "block has " + block.bandCount() + " bands, the raster " + description.bandCount());
        }
        CellType ct = description.cellType();
        if (block.cellType().dataType() != ct.dataType()) {
            throw new IllegalArgumentException(
                    "block is " + block.cellType().name() + ", the raster " + ct.name() + " (convert it first)");
        }
        if (block.cols() > blockSize || block.rows() > blockSize) {
            throw new IllegalArgumentException("block is " + block.cols() + "x" + block.rows() + ", larger than the "
                    + blockSize + "x" + blockSize + " tiles");
        }
        return block.cellType().equals(ct) ? block : block.interpretAs(ct);
    }

    @Override
    public void close() {
        codec.close();
    }
}
