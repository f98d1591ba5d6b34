package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.util.List;

/**
 * Hillshade: the cosine of the angle between the surface normal and the sun.
 *
 * <p>GDALDEM: Byte, {@code 1 + 254·cos} (≤ 0 → 1), rounded half up, NoData 0; IGOR is
 * {@code round(255·(1 − slope/90 · Δaspect/180))} with Δaspect taken, like gdaldem aspect, from
 * differences not divided by the cell size. gdaldem 3.6 divides by an approximate inverse square
 * root (SSE rsqrt + one Newton step, CPU-dependent), so on about 7 cells per million a value
 * half-way between two bytes rounds the other way: ours then differs by 1. GEOTRELLIS: int16 {@code round(127·max(0, cos))}; a
 * NoData focal cell gives 0.
 */
public record HillshadeOp(HillshadeParams params) implements FocalKernel {

    /** Hillshade in the catalog ({@link FocalOps#all()}); its defaults are {@link HillshadeParams#GDALDEM}. */
    public static final FocalOp HILLSHADE = FocalOp.of(
                    "hillshade",
                    "shaded relief, as gdaldem hillshade (Byte 1..255, NoData 0)",
                    a -> new HillshadeOp(new HillshadeParams(
                            a.choice("convention", Convention::parse),
                            a.choice("alg", GradientAlg::parse),
                            a.choice("mode", HillshadeParams.Mode::parse),
                            a.number("azimuth"),
                            a.number("altitude"),
                            a.number("z_factor"),
                            a.number("scale"),
                            a.flag("compute_edges"))),
                    TerrainParams.CONVENTION,
                    TerrainParams.ALG,
                    FocalParam.choice(
                            "mode",
                            "regular",
                            List.of("regular", "combined", "multidirectional", "igor"),
                            "one light; oblique shading darkened by slope; four lights; Igor's (no altitude)"),
                    FocalParam.number("azimuth", 315, "sun azimuth in degrees clockwise from north"),
                    FocalParam.number("altitude", 45, "sun altitude in degrees"),
                    TerrainParams.Z_FACTOR,
                    TerrainParams.SCALE,
                    TerrainParams.COMPUTE_EDGES)
            .withSqlArgs("azimuth", "altitude", "z_factor");

    @Override
    public int halo() {
        return 1;
    }

    @Override
    public Tile apply(BufferedTile input) {
        boolean gt = params.convention() == Convention.GEOTRELLIS;
        Window3 win = new Window3(input, params.convention(), params.computeEdges());
        boolean horn = params.alg() == GradientAlg.HORN;
        double cw = input.cellSize().width() * params.scale();
        double ch = input.cellSize().height() * params.scale();
        double invX = params.zFactor() / Gradient.divisor(horn, cw);
        double invY = params.zFactor() / Gradient.divisor(horn, ch);
        double alt = Math.toRadians(params.altitude());
        double az = Math.toRadians(params.azimuth());
        double sinAlt = Math.sin(alt);
        double cosAlt = Math.cos(alt);
        // sun direction in (east, north)
        double sunE = cosAlt * Math.sin(az);
        double sunN = cosAlt * Math.cos(az);
        double sunAngle = Math.PI / 2 - az;
        double zen = (90 - params.altitude()) * Math.PI / 180;
        double azm = (90 - params.azimuth()) * Math.PI / 180;
        double cosZen = Math.cos(zen);
        double sinZen = Math.sin(zen);
        double cosAz = Math.cos(azm);
        double sinAz = Math.sin(azm);
        int cols = win.cols();
        int rows = win.rows();
        double[] out = new double[cols * rows];
        double[] w = new double[9];
        HillshadeParams.Mode mode = params.mode();
        double inv2 = 1 / Math.sqrt(2);
        for (int r = 0, k = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, k++) {
                if (!win.load(c, r, w)) {
                    out[k] = gt ? 0 : Double.NaN;
                    continue;
                }
                double x = Gradient.dxSum(w, horn) * invX; // dz/dx, east
                double y = Gradient.dySum(w, horn) * invY; // dz/dy, south
                if (gt) {
                    out[k] = geoTrellis(x, y, cosZen, sinZen, cosAz, sinAz);
                    continue;
                }
                double xy = x * x + y * y;
                double norm = Math.sqrt(1 + xy);
                double v;
                switch (mode) {
                    case REGULAR -> v = byteShade((sinAlt - x * sunE + y * sunN) / norm);
                    case COMBINED -> {
                        double cang = (sinAlt - x * sunE + y * sunN) / norm;
                        double angle = Math.acos(Math.max(-1, Math.min(1, cang)));
                        v = byteShade(1 - angle * Math.atan(Math.sqrt(xy)) / (Math.PI * Math.PI / 4));
                    }
                    case MULTIDIRECTIONAL -> {
                        if (xy == 0) {
                            v = byteShade(sinAlt);
                        } else {
                            // lights at 225, 270, 315, 360°: (east, north) unit vectors, weighted by the
                            // squared gradient component along each light's direction
                            double v225 = Math.max(0, (sinAlt + cosAlt * inv2 * (x - y)) / norm);
                            double v270 = Math.max(0, (sinAlt + cosAlt * x) / norm);
                            double v315 = Math.max(0, (sinAlt + cosAlt * inv2 * (x + y)) / norm);
                            double v360 = Math.max(0, (sinAlt + cosAlt * y) / norm);
                            double w225 = 0.5 * (x - y) * (x - y);
                            double w270 = x * x;
                            double w315 = 0.5 * (x + y) * (x + y);
                            double w360 = y * y;
                            v = byteShade((w225 * v225 + w270 * v270 + w315 * v315 + w360 * v360) / (2 * xy));
                        }
                    }
                    case IGOR -> {
                        double slopeDeg = Math.toDegrees(Math.atan(Math.sqrt(xy)));
                        double aspect = Math.atan2(Gradient.dySum(w, horn), -Gradient.dxSum(w, horn));
                        double diff = Math.abs(aspect - sunAngle) % (2 * Math.PI);
                        if (diff > Math.PI) {
                            diff = 2 * Math.PI - diff;
                        }
                        double cang = 1 - slopeDeg / 90 * Math.toDegrees(diff) / 180;
                        v = Math.max(1, Math.floor(255 * cang + 0.5));
                    }
                    default -> throw new AssertionError(mode);
                }
                out[k] = v;
            }
        }
        return ArrayTile.fromDoubleLane(resultCellType(), cols, rows, out);
    }

    @Override
    public CellType resultCellType() {
        return params.convention() == Convention.GEOTRELLIS ? CellType.INT16 : CellType.UINT8;
    }

    private static double byteShade(double cang) {
        return cang <= 0 ? 1 : Math.floor(1 + 254 * cang + 0.5);
    }

    /** GeoTrellis 3.7.1's formula (compat doc §5.4), with its aspect special cases. */
    private static double geoTrellis(double p, double q, double cosZen, double sinZen, double cosAz, double sinAz) {
        double pq = p * p + q * q;
        double denom = Math.sqrt(pq + 1);
        double cosS = 1 / denom;
        double sinS = Math.sqrt(pq) / denom;
        double cosA;
        double sinA;
        if (p == 0 && q == 0) {
            cosA = -1;
            sinA = 0;
        } else if (p == 0) {
            cosA = 0;
            sinA = Math.signum(q);
        } else if (q == 0) {
            sinA = 0;
            cosA = p < 0 ? 1 : -1;
        } else {
            double m = Math.sqrt(pq);
            cosA = -p / m;
            sinA = q / m;
        }
        double v = cosZen * cosS + sinZen * sinS * (cosAz * cosA + sinAz * sinA);
        return Math.round(127 * Math.max(0, v));
    }
}
