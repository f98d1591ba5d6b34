package io.rastermill.spark.layerstore;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.geom.Extent;
import io.rastermill.core.geom.GridBounds;
import io.rastermill.core.layout.KeyBounds;
import io.rastermill.core.layout.LayoutDefinition;
import io.rastermill.core.layout.MapKeyTransform;
import io.rastermill.core.layout.SpatialKey;
import io.rastermill.core.layout.TileLayerMetadata;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import io.rastermill.spark.layer.TileLayer;
import io.rastermill.spark.layer.TileLayers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import scala.Tuple2;

/**
 * Cuts a layer onto another layout of the same CRS (e.g. a {@code ZoomedLayoutScheme} level), with
 * nearest-neighbour sampling, as GeoTrellis's {@code tileToLayout}: each source tile contributes
 * the target cells whose centres fall inside its in-raster cells; the pieces of a target tile are
 * merged after one shuffle. Cells no source covers are NoData (0 for raw types).
 *
 * <p>The result's metadata is GeoTrellis's: the new layout, the source's data extent and CRS, the
 * key bounds of the target tiles that extent meets.
 */
public final class LayoutRetiler {
    private LayoutRetiler() {}

    public static TileLayer retile(TileLayer source, LayoutDefinition target) {
        TileLayerMetadata smd = source.metadata();
        LayoutDefinition sl = smd.layout();
        Extent data = smd.extent();
        GridBounds gb = target.mapTransform().extentToBounds(data);
        KeyBounds kb = new KeyBounds(
                new SpatialKey(Math.toIntExact(Math.max(0, gb.colMin())), Math.toIntExact(Math.max(0, gb.rowMin()))),
                new SpatialKey(
                        Math.toIntExact(Math.min(target.layoutCols() - 1L, gb.colMax())),
                        Math.toIntExact(Math.min(target.layoutRows() - 1L, gb.rowMax()))));
        TileLayerMetadata md = new TileLayerMetadata(smd.cellType(), target, data, smd.crs(), kb);
        CellType ct = smd.cellType();
        long rasterCols = source.cols();
        long rasterRows = source.rows();
        double sx0 = sl.extent().xmin();
        double sy0 = sl.extent().ymax();
        double scw = sl.cellSize().width();
        double sch = sl.cellSize().height();
        int stc = sl.tileCols();
        int str = sl.tileRows();
        MapKeyTransform tmt = target.mapTransform();
        int ttc = target.tileCols();
        int ttr = target.tileRows();
        double tcw = target.cellSize().width();
        double tch = target.cellSize().height();
        boolean floating = ct.isFloatingPoint();

        JavaPairRDD<SpatialKey, Tuple2<Tile, byte[]>> pieces = source.rdd().flatMapToPair(kv -> {
            SpatialKey sk = kv._1();
            Tile t = kv._2();
            // The source tile's in-raster cells, as map coordinates.
            long px0 = (long) sk.col() * stc;
            long py0 = (long) sk.row() * str;
            int w = (int) Math.max(0, Math.min(stc, rasterCols - px0));
            int h = (int) Math.max(0, Math.min(str, rasterRows - py0));
            List<Tuple2<SpatialKey, Tuple2<Tile, byte[]>>> out = new ArrayList<>();
            if (w == 0 || h == 0) {
                return out.iterator();
            }
            Extent se = new Extent(sx0 + px0 * scw, sy0 - (py0 + h) * sch, sx0 + (px0 + w) * scw, sy0 - py0 * sch);
            GridBounds tb = tmt.extentToBounds(se);
            int[] ilane = floating ? null : t.toIntLane();
            double[] dlane = floating ? t.toDoubleLane() : null;
            for (long tr = Math.max(kb.minKey().row(), tb.rowMin());
                    tr <= Math.min(kb.maxKey().row(), tb.rowMax());
                    tr++) {
                for (long tc = Math.max(kb.minKey().col(), tb.colMin());
                        tc <= Math.min(kb.maxKey().col(), tb.colMax());
                        tc++) {
                    Extent te = tmt.keyToExtent((int) tc, (int) tr);
                    int n = ttc * ttr;
                    byte[] mask = new byte[n];
                    int[] oi = floating ? null : new int[n];
                    double[] od = floating ? new double[n] : null;
                    if (floating) {
                        Arrays.fill(od, Double.NaN);
                    } else {
                        Arrays.fill(oi, Integer.MIN_VALUE);
                    }
                    boolean any = false;
                    for (int r = 0; r < ttr; r++) {
                        double y = te.ymax() - (r + 0.5) * tch;
                        long sr = (long) Math.floor((sy0 - y) / sch) - py0;
                        if (sr < 0 || sr >= h) {
                            continue;
                        }
                        for (int c = 0; c < ttc; c++) {
                            double x = te.xmin() + (c + 0.5) * tcw;
                            long sc = (long) Math.floor((x - sx0) / scw) - px0;
                            if (sc < 0 || sc >= w) {
                                continue;
                            }
                            int si = (int) sr * t.cols() + (int) sc;
                            int ti = r * ttc + c;
                            if (floating) {
                                od[ti] = dlane[si];
                            } else {
                                oi[ti] = ilane[si];
                            }
                            mask[ti] = 1;
                            any = true;
                        }
                    }
                    if (any) {
                        Tile piece = floating
                                ? ArrayTile.fromDoubleLane(ct, ttc, ttr, od)
                                : ArrayTile.fromIntLane(ct, ttc, ttr, oi);
                        out.add(new Tuple2<>(new SpatialKey((int) tc, (int) tr), new Tuple2<>(piece, mask)));
                    }
                }
            }
            return out.iterator();
        });
        JavaPairRDD<SpatialKey, Tile> merged =
                pieces.reduceByKey((a, b) -> merge(a, b, floating)).mapValues(Tuple2::_1);
        return TileLayers.fromRdd(merged, md);
    }

    /** The cells of {@code a}, and those of {@code b} where only {@code b} has a sample. */
    private static Tuple2<Tile, byte[]> merge(Tuple2<Tile, byte[]> a, Tuple2<Tile, byte[]> b, boolean floating) {
        byte[] ma = a._2();
        byte[] mb = b._2();
        byte[] m = ma.clone();
        Tile ta = a._1();
        if (floating) {
            double[] la = ta.toDoubleLane();
            double[] lb = b._1().toDoubleLane();
            for (int i = 0; i < m.length; i++) {
                if (ma[i] == 0 && mb[i] != 0) {
                    la[i] = lb[i];
                    m[i] = 1;
                }
            }
            return new Tuple2<>(ArrayTile.fromDoubleLane(ta.cellType(), ta.cols(), ta.rows(), la), m);
        }
        int[] la = ta.toIntLane();
        int[] lb = b._1().toIntLane();
        for (int i = 0; i < m.length; i++) {
            if (ma[i] == 0 && mb[i] != 0) {
                la[i] = lb[i];
                m[i] = 1;
            }
        }
        return new Tuple2<>(ArrayTile.fromIntLane(ta.cellType(), ta.cols(), ta.rows(), la), m);
    }
}
