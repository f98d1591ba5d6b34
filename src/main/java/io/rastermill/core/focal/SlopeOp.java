package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.DataType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Slope from a 3×3 window: {@code atan(z·|∇z|)} in degrees, or {@code 100·z·|∇z|} in percent,
 * with the gradient divided by {@code cellSize × scale}. See {@link Convention} for NoData/edges.
 * gdaldem slope has no {@code -z}: with GDALDEM, {@code zFactor} 1 is gdaldem, other values are
 * our extension. GDALDEM sums the window in float as gdaldem does.
 */
public record SlopeOp(SlopeParams params) implements FocalKernel {

    /** gdaldem's output type: Float32 with NoData -9999. */
    public static final CellType GDALDEM_CELL_TYPE = CellType.userDefined(DataType.FLOAT32, -9999);

    /** Slope in the catalog ({@link FocalOps#all()}); its defaults are {@link SlopeParams#GDALDEM}. */
    public static final FocalOp SLOPE = FocalOp.of(
                    "slope",
                    "slope in degrees (or percent) from horizontal, as gdaldem slope",
                    a -> new SlopeOp(new SlopeParams(
                            a.choice("convention", Convention::parse),
                            a.choice("alg", GradientAlg::parse),
                            a.flag("percent"),
                            a.number("z_factor"),
                            a.number("scale"),
                            a.flag("compute_edges"))),
                    TerrainParams.CONVENTION,
                    TerrainParams.ALG,
                    FocalParam.flag("percent", "percent slope (100·tan) instead of degrees"),
                    TerrainParams.Z_FACTOR,
                    TerrainParams.SCALE,
                    TerrainParams.COMPUTE_EDGES)
            .withSqlArgs("z_factor");

    @Override
    public int halo() {
        return 1;
    }

    @Override
    public Tile apply(BufferedTile input) {
        // both lanes are this thread's scratch, reused from tile to tile (ScratchLanes): neither escapes this call
        Window3 win = Window3.onScratchLane(input, params.convention(), params.computeEdges());
        boolean horn = params.alg() == GradientAlg.HORN;
        double invX = 1 / Gradient.divisor(horn, input.cellSize().width() * params.scale());
        double invY = 1 / Gradient.divisor(horn, input.cellSize().height() * params.scale());
        double z = params.zFactor();
        boolean percent = params.percent();
        boolean gdal = params.convention() == Convention.GDALDEM;
        int cols = win.cols();
        int rows = win.rows();
        // every cell is written below; fromDoubleLane narrows it into the tile's own array
        double[] out = ScratchLanes.lane(ScratchLanes.RESULT, cols * rows);
        double[] w = new double[9];
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                if (!win.load(c, r, w)) {
                    out[k] = Double.NaN;
                    continue;
                }
                double dx = (gdal ? Gradient.dxSumF(w, horn) : Gradient.dxSum(w, horn)) * invX;
                double dy = (gdal ? Gradient.dySumF(w, horn) : Gradient.dySum(w, horn)) * invY;
                double m = Math.sqrt(dx * dx + dy * dy);
                out[k] = percent ? 100 * z * m : Math.atan(z * m) * 180 / Math.PI;
            }
        }
        CellType ct = resultCellType();
        return ArrayTile.fromDoubleLane(ct, cols, rows, out);
    }

    @Override
    public CellType resultCellType() {
        return params.convention() == Convention.GDALDEM ? GDALDEM_CELL_TYPE : CellType.FLOAT64;
    }
}
