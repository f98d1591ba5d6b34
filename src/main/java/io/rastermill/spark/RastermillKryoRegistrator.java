package io.rastermill.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import io.rastermill.core.hydro.DepressionFill;
import io.rastermill.core.hydro.FlowDirections;
import io.rastermill.core.hydro.FlowRouting;
import io.rastermill.core.layout.SpaceTimeKey;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.stats.CellStatistics;
import io.rastermill.core.stats.DoubleHistogram;
import io.rastermill.core.stats.IntHistogram;
import io.rastermill.core.stats.Statistics;
import io.rastermill.core.tile.BitArrayTile;
import io.rastermill.core.tile.ByteArrayTile;
import io.rastermill.core.tile.ConstantTile;
import io.rastermill.core.tile.DoubleArrayTile;
import io.rastermill.core.tile.FloatArrayTile;
import io.rastermill.core.tile.IntArrayTile;
import io.rastermill.core.tile.MultibandTile;
import io.rastermill.core.tile.ShortArrayTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;
import io.rastermill.core.zonal.PolygonRasterizer;
import io.rastermill.core.zonal.ZoneAccumulator;
import io.rastermill.spark.layer.Strip;
import io.rastermill.spark.zonal.ZonalStatistics;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers Rastermill's values with Kryo: tiles travel in the compact {@link TileBytes} form (one
 * byte array, no per-cell objects), keys as two ints. Set as {@code spark.kryo.registrator}.
 */
public final class RastermillKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        TileSerializer tiles = new TileSerializer();
        for (Class<?> c : List.of(
                BitArrayTile.class,
                ByteArrayTile.class,
                ShortArrayTile.class,
                IntArrayTile.class,
                FloatArrayTile.class,
                DoubleArrayTile.class,
                ConstantTile.class)) {
            kryo.register(c, tiles);
        }
        kryo.register(MultibandTile.class, new MultibandSerializer());
        kryo.register(SpatialKey.class, new SpatialKeySerializer());
        kryo.register(SpaceTimeKey.class, new SpaceTimeKeySerializer());
        kryo.register(Strip.class, new StripSerializer());
        // Accumulators define their own compact Java serialization (e.g. a histogram writes only its
        // distinct values); Kryo's field serializer would skip their transient state.
        for (Class<?> c : List.of(CellStatistics.class, IntHistogram.class, DoubleHistogram.class, Statistics.class)) {
            kryo.register(c, new JavaSerializer());
        }
        // Zonal statistics: per-zone accumulators (shuffled by reduceByKey) and the broadcast polygons.
        for (Class<?> c : List.of(ZoneAccumulator.class, PolygonRasterizer.class, ZonalStatistics.PolygonIndex.class)) {
            kryo.register(c, new JavaSerializer());
        }
        // Hydrology: per-tile summaries collected to the driver (records: Kryo cannot set their fields).
        for (Class<?> c :
                List.of(DepressionFill.Summary.class, FlowDirections.FlatSummary.class, FlowRouting.Summary.class)) {
            kryo.register(c, new JavaSerializer());
        }
    }

    /** Halo strips: position and cells. */
    static final class StripSerializer extends Serializer<Strip> {
        private final TileSerializer tiles = new TileSerializer();

        StripSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Strip strip) {
            output.writeInt(strip.col(), true);
            output.writeInt(strip.row(), true);
            tiles.write(kryo, output, strip.cells());
        }

        @Override
        public Strip read(Kryo kryo, Input input, Class<Strip> type) {
            int col = input.readInt(true);
            int row = input.readInt(true);
            return new Strip(col, row, tiles.read(kryo, input, Tile.class));
        }
    }

    /** Any tile, as {@link TileBytes}. */
    static final class TileSerializer extends Serializer<Tile> {
        TileSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, Tile tile) {
            byte[] bytes = TileBytes.encode(tile);
            output.writeInt(bytes.length, true);
            output.writeBytes(bytes);
        }

        @Override
        public Tile read(Kryo kryo, Input input, Class<Tile> type) {
            return TileBytes.decode(input.readBytes(input.readInt(true)));
        }
    }

    static final class MultibandSerializer extends Serializer<MultibandTile> {
        private final TileSerializer tiles = new TileSerializer();

        MultibandSerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, MultibandTile tile) {
            output.writeInt(tile.bandCount(), true);
            for (Tile band : tile.bands()) {
                tiles.write(kryo, output, band);
            }
        }

        @Override
        public MultibandTile read(Kryo kryo, Input input, Class<MultibandTile> type) {
            int n = input.readInt(true);
            List<Tile> bands = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                bands.add(tiles.read(kryo, input, Tile.class));
            }
            return MultibandTile.of(bands);
        }
    }

    static final class SpatialKeySerializer extends Serializer<SpatialKey> {
        SpatialKeySerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, SpatialKey key) {
            output.writeInt(key.col(), true);
            output.writeInt(key.row(), true);
        }

        @Override
        public SpatialKey read(Kryo kryo, Input input, Class<SpatialKey> type) {
            return new SpatialKey(input.readInt(true), input.readInt(true));
        }
    }

    /** Space-time layers shuffle these keys (records: Kryo's field serializer cannot set their fields). */
    static final class SpaceTimeKeySerializer extends Serializer<SpaceTimeKey> {
        SpaceTimeKeySerializer() {
            setImmutable(true);
        }

        @Override
        public void write(Kryo kryo, Output output, SpaceTimeKey key) {
            output.writeInt(key.col(), true);
            output.writeInt(key.row(), true);
            output.writeLong(key.instant(), false);
        }

        @Override
        public SpaceTimeKey read(Kryo kryo, Input input, Class<SpaceTimeKey> type) {
            return new SpaceTimeKey(input.readInt(true), input.readInt(true), input.readLong(false));
        }
    }
}
