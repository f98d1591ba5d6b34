package io.rastermill.spark.layer;

import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.Optional;
import scala.Tuple2;

/**
 * Builds halos for a derived layer: every tile sends its neighbours the edge strips they need (at
 * most 8 per tile, {@code halo} cells deep), the strips are grouped by target key, and joined with
 * the tile itself. With the layer's partitioner the join is narrow on the tile side: only strips move.
 */
final class HaloExchange {
    private HaloExchange() {}

    static JavaPairRDD<SpatialKey, BufferedTile> exchange(
            JavaPairRDD<SpatialKey, Tile> tiles, RasterGrid grid, int halo, Partitioner partitioner) {
        if (halo > Math.min(grid.tileCols(), grid.tileRows())) {
            throw new IllegalArgumentException("halo " + halo + " is larger than the tile size " + grid.tileCols() + "x"
                    + grid.tileRows() + "; use larger tiles");
        }
        JavaPairRDD<SpatialKey, Strip> strips = tiles.flatMapToPair(
                kv -> stripsFor(kv._1(), kv._2(), grid, halo).iterator());
        JavaPairRDD<SpatialKey, Iterable<Strip>> grouped = strips.groupByKey(partitioner);
        JavaPairRDD<SpatialKey, Tile> aligned =
                partitioner.equals(tiles.partitioner().orNull()) ? tiles : tiles.partitionBy(partitioner);
        // The keys do not change, so the partitioner is kept: later per-tile steps need no shuffle.
        return aligned.leftOuterJoin(grouped, partitioner).mapPartitionsToPair(it -> assembled(it, grid, halo), true);
    }

    private static Iterator<Tuple2<SpatialKey, BufferedTile>> assembled(
            Iterator<Tuple2<SpatialKey, Tuple2<Tile, Optional<Iterable<Strip>>>>> it, RasterGrid grid, int halo) {
        return new Iterator<Tuple2<SpatialKey, BufferedTile>>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Tuple2<SpatialKey, BufferedTile> next() {
                Tuple2<SpatialKey, Tuple2<Tile, Optional<Iterable<Strip>>>> kv = it.next();
                return new Tuple2<>(
                        kv._1(), assemble(kv._1(), kv._2()._1(), kv._2()._2(), grid, halo));
            }
        };
    }

    static List<Tuple2<SpatialKey, Strip>> stripsFor(SpatialKey key, Tile tile, RasterGrid grid, int halo) {
        List<Tuple2<SpatialKey, Strip>> out = new ArrayList<>(8);
        if (!grid.isInside(key)) {
            return out;
        }
        Tile inner = grid.inner(key, tile);
        long x0 = grid.x0(key);
        long y0 = grid.y0(key);
        int w = inner.cols();
        int h = inner.rows();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (dx == 0 && dy == 0) {
                    continue;
                }
                SpatialKey n = new SpatialKey(key.col() + dx, key.row() + dy);
                if (!grid.isInside(n)) {
                    continue;
                }
                long bx0 = grid.x0(n) - halo;
                long by0 = grid.y0(n) - halo;
                long bx1 = grid.x0(n) + grid.innerCols(n) + halo;
                long by1 = grid.y0(n) + grid.innerRows(n) + halo;
                long ix0 = Math.max(x0, bx0);
                long iy0 = Math.max(y0, by0);
                long ix1 = Math.min(x0 + w, bx1);
                long iy1 = Math.min(y0 + h, by1);
                if (ix0 < ix1 && iy0 < iy1) {
                    Tile cells =
                            inner.crop((int) (ix0 - x0), (int) (iy0 - y0), (int) (ix1 - x0 - 1), (int) (iy1 - y0 - 1));
                    out.add(new Tuple2<>(n, new Strip((int) (ix0 - bx0), (int) (iy0 - by0), cells)));
                }
            }
        }
        return out;
    }

    static BufferedTile assemble(
            SpatialKey key, Tile tile, Optional<Iterable<Strip>> strips, RasterGrid grid, int halo) {
        Tile inner = grid.inner(key, tile);
        TileBuilder b = TileBuilder.noData(inner.cellType(), inner.cols() + 2 * halo, inner.rows() + 2 * halo)
                .paste(inner, halo, halo);
        if (strips.isPresent()) {
            for (Strip s : strips.get()) {
                b.paste(s.cells(), s.col(), s.row());
            }
        }
        return new BufferedTile(b.build(), halo, grid.outside(key), grid.cellSize());
    }
}
