package io.rastermill.jobs;

import io.rastermill.core.focal.Convention;
import io.rastermill.core.focal.GradientAlg;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** gdaldem's options shared by the terrain commands (a picocli mixin), and the convention switch. */
final class TerrainOptions {

    @Option(
            names = {"--alg", "-alg"},
            paramLabel = "ALG",
            defaultValue = "Horn",
            description = "Horn | ZevenbergenThorne (default: ${DEFAULT-VALUE})")
    String alg;

    @Mixin
    ComputeEdgesOption edges;

    @Option(
            names = "--convention",
            paramLabel = "NAME",
            defaultValue = "gdaldem",
            description = "gdaldem (default: results equal gdaldem's) | geotrellis (GeoTrellis 3.x: NoData"
                    + " neighbours take the centre value, flat aspect -1, hillshade 0..127 int16)")
    String convention;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    boolean computeEdges() {
        return edges.computeEdges;
    }

    GradientAlg gradient() {
        return switch (alg.toLowerCase(Locale.ROOT)) {
            case "horn" -> GradientAlg.HORN;
            case "zevenbergenthorne", "zevenbergen-thorne", "zt" -> GradientAlg.ZEVENBERGEN_THORNE;
            default -> throw usage("--alg must be Horn or ZevenbergenThorne, not '" + alg + "'");
        };
    }

    Convention conventionValue() {
        return switch (convention.toLowerCase(Locale.ROOT)) {
            case "gdaldem", "gdal" -> Convention.GDALDEM;
            case "geotrellis" -> Convention.GEOTRELLIS;
            default -> throw usage("--convention must be gdaldem or geotrellis, not '" + convention + "'");
        };
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
