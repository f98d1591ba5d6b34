package io.rastermill.jobs;

import io.rastermill.core.focal.Convention;
import io.rastermill.core.focal.GradientAlg;
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
        try {
            return GradientAlg.parse(alg);
        } catch (IllegalArgumentException e) {
            throw usage("--alg " + e.getMessage());
        }
    }

    Convention conventionValue() {
        try {
            return Convention.parse(convention);
        } catch (IllegalArgumentException e) {
            throw usage("--convention " + e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
