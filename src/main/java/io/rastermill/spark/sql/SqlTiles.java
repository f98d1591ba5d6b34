package io.rastermill.spark.sql;

import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBytes;

/** The binary tile form of SQL columns, in and out; shared by the function groups. */
final class SqlTiles {
    private SqlTiles() {}

    static Tile tile(byte[] b) {
        return TileBytes.decode(b);
    }

    static byte[] bytes(Tile t) {
        return TileBytes.encode(t);
    }
}
