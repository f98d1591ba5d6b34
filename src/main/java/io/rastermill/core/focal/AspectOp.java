package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;

/**
 * Aspect from a 3×3 window: the direction the surface faces (downslope).
 *
 * <p>GDALDEM: like gdaldem the differences are not divided by the cell size (so non-square cells
 * are treated as square); flat (both differences exactly 0) is NoData; with zeroForFlat, flat and
 * NoData cells are 0 and the output (Float32) has no NoData, as gdaldem writes it.
 * GEOTRELLIS: derivatives over the cell size; flat (both |d| ≤ 1e-10) is -1.
 */
public record AspectOp(AspectParams params) implements FocalKernel {

    /** Aspect in the catalog ({@link FocalOps#all()}); its defaults are {@link AspectParams#GDALDEM}. */
    public static final FocalOp ASPECT = FocalOp.of(
            "aspect",
            "aspect: azimuth of the downslope direction in degrees clockwise from north, as gdaldem aspect",
            a -> new AspectOp(new AspectParams(
                    a.choice("convention", Convention::parse),
                    a.choice("alg", GradientAlg::parse),
                    a.flag("trigonometric"),
                    a.flag("zero_for_flat"),
                    a.flag("compute_edges"))),
            TerrainParams.CONVENTION,
            TerrainParams.ALG,
            FocalParam.flag("trigonometric", "trigonometric angle (0 = east, counter-clockwise)"),
            FocalParam.flag("zero_for_flat", "0 for flat areas instead of NoData"),
            TerrainParams.COMPUTE_EDGES);

    @Override
    public int halo() {
        return 1;
    }

    @Override
    public Tile apply(BufferedTile input) {
        Window3 win = new Window3(input, params.convention(), params.computeEdges());
        boolean horn = params.alg() == GradientAlg.HORN;
        int cols = win.cols();
        int rows = win.rows();
        double[] out = new double[cols * rows];
        double[] w = new double[9];
        if (params.convention() == Convention.GEOTRELLIS) {
            double invX = 1 / (8 * input.cellSize().width());
            double invY = 1 / (8 * input.cellSize().height());
            for (int r = 0, k = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++, k++) {
                    if (!win.load(c, r, w)) {
                        out[k] = Double.NaN;
                        continue;
                    }
                    double dx = Gradient.dxSum(w, true) * invX;
                    double dy = Gradient.dySum(w, true) * invY;
                    out[k] = geoTrellisAspect(dx, dy);
                }
            }
            return ArrayTile.fromDoubleLane(resultCellType(), cols, rows, out);
        }
        boolean trig = params.trigonometric();
        // gdaldem -zero_for_flat writes no NoData at all: flat and NoData cells are both 0
        double flat = params.zeroForFlat() ? 0 : Double.NaN;
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                if (!win.load(c, r, w)) {
                    out[k] = flat;
                    continue;
                }
                double dx = Gradient.dxSumF(w, horn);
                double dy = Gradient.dySumF(w, horn);
                out[k] = dx == 0 && dy == 0 ? flat : gdalAspect(dx, dy, trig);
            }
        }
        return ArrayTile.fromDoubleLane(resultCellType(), cols, rows, out);
    }

    @Override
    public CellType resultCellType() {
        if (params.convention() == Convention.GEOTRELLIS) {
            return CellType.FLOAT64;
        }
        return params.zeroForFlat() ? CellType.FLOAT32_RAW : SlopeOp.GDALDEM_CELL_TYPE;
    }

    /** Downslope direction: angle counter-clockwise from east (trig) or azimuth from north. */
    static double gdalAspect(double dx, double dy, boolean trig) {
        // downslope vector in (east, north) = (-dz/dx, +dy) since dy grows southward
        double a = Math.toDegrees(Math.atan2(dy, -dx));
        if (trig) {
            return a < 0 ? a + 360 : a;
        }
        double az = a > 90 ? 450 - a : 90 - a;
        return az == 360 ? 0 : az;
    }

    static double geoTrellisAspect(double dx, double dy) {
        if (Math.abs(dx) <= 1e-10 && Math.abs(dy) <= 1e-10) {
            return -1;
        }
        double a = (Math.atan2(dy, dx) - Math.PI / 2) * 180 / Math.PI;
        if (a < 0) {
            a += 360;
        }
        return Math.abs(a - 360) <= 1e-10 ? 0 : a;
    }
}
