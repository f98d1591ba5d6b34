package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.List;

/** gdaldem TPI, TRI (Riley or Wilson) and roughness; Float32 output with NoData -9999. */
public record TerrainIndexOp(TerrainIndexParams params) implements FocalKernel {

    /** TPI in the catalog ({@link FocalOps#all()}). */
    public static final FocalOp TPI = FocalOp.of(
            "tpi",
            "Topographic Position Index: the cell minus the mean of its 8 neighbours, as gdaldem TPI",
            a -> new TerrainIndexOp(new TerrainIndexParams(TerrainIndexParams.Index.TPI, a.flag("compute_edges"))),
            TerrainParams.COMPUTE_EDGES);

    /** TRI in the catalog ({@link FocalOps#all()}): Riley by default, Wilson with {@code alg=Wilson}. */
    public static final FocalOp TRI = FocalOp.of(
            "tri",
            "Terrain Ruggedness Index, as gdaldem TRI",
            a -> new TerrainIndexOp(
                    new TerrainIndexParams(a.choice("alg", TerrainIndexParams.Index::tri), a.flag("compute_edges"))),
            FocalParam.choice(
                    "alg",
                    "Riley",
                    List.of("Riley", "Wilson"),
                    "Riley: √Σ(n − e)², terrestrial; Wilson: mean |n − e|, for bathymetry"),
            TerrainParams.COMPUTE_EDGES);

    /** Roughness in the catalog ({@link FocalOps#all()}). */
    public static final FocalOp ROUGHNESS = FocalOp.of(
            "roughness",
            "roughness: the largest minus the smallest cell of the 3x3 window, as gdaldem roughness",
            a -> new TerrainIndexOp(
                    new TerrainIndexParams(TerrainIndexParams.Index.ROUGHNESS, a.flag("compute_edges"))),
            TerrainParams.COMPUTE_EDGES);

    @Override
    public int halo() {
        return 1;
    }

    @Override
    public Tile apply(BufferedTile input) {
        Window3 win = new Window3(input, Convention.GDALDEM, params.computeEdges());
        int cols = win.cols();
        int rows = win.rows();
        double[] out = new double[cols * rows];
        double[] w = new double[9];
        TerrainIndexParams.Index index = params.index();
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                if (!win.load(c, r, w)) {
                    out[k] = Double.NaN;
                    continue;
                }
                double e = w[4];
                double v;
                switch (index) {
                    case TPI -> {
                        // float sum in gdaldem's order
                        float sum = (float) w[0]
                                + (float) w[1]
                                + (float) w[2]
                                + (float) w[3]
                                + (float) w[5]
                                + (float) w[6]
                                + (float) w[7]
                                + (float) w[8];
                        v = e - sum / 8.0;
                    }
                    case TRI_RILEY -> {
                        double s = 0;
                        for (int j = 0; j < 9; j++) {
                            double d = w[j] - e;
                            s += d * d;
                        }
                        v = Math.sqrt(s);
                    }
                    case TRI_WILSON -> {
                        double s = 0;
                        for (int j = 0; j < 9; j++) {
                            s += Math.abs(w[j] - e);
                        }
                        v = s / 8;
                    }
                    case ROUGHNESS -> {
                        double lo = e;
                        double hi = e;
                        for (int j = 0; j < 9; j++) {
                            lo = Math.min(lo, w[j]);
                            hi = Math.max(hi, w[j]);
                        }
                        v = hi - lo;
                    }
                    default -> throw new AssertionError(index);
                }
                out[k] = v;
            }
        }
        return ArrayTile.fromDoubleLane(resultCellType(), cols, rows, out);
    }

    @Override
    public CellType resultCellType() {
        return SlopeOp.GDALDEM_CELL_TYPE;
    }
}
