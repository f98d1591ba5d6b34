package io.rastermill.core.focal;

import java.util.List;

/** The parameters several terrain ops of the catalog share, declared once with gdaldem's meanings. */
final class TerrainParams {
    private TerrainParams() {}

    static final FocalParam CONVENTION = FocalParam.choice(
            "convention",
            "gdaldem",
            List.of("gdaldem", "geotrellis"),
            "whose results: gdaldem's, or GeoTrellis 3.x's (NoData neighbours take the centre value)");

    static final FocalParam ALG = FocalParam.choice(
            "alg",
            "Horn",
            List.of("Horn", "ZevenbergenThorne"),
            "how the gradient is estimated from the 3x3 window, as gdaldem -alg");

    static final FocalParam Z_FACTOR = FocalParam.number("z_factor", 1, "vertical exaggeration: multiplies heights");

    static final FocalParam SCALE =
            FocalParam.number("scale", 1, "ratio of horizontal to vertical units (111120 for degrees vs metres)");

    static final FocalParam COMPUTE_EDGES = FocalParam.flag(
            "compute_edges", "compute border cells and cells next to NoData, as gdaldem -compute_edges");
}
