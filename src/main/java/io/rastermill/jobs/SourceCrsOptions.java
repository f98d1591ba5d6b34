package io.rastermill.jobs;

import io.rastermill.core.crs.Crs;
import io.rastermill.spark.warp.WarpOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * gdalwarp's {@code -s_srs} and {@code -et}: the sources' CRS and the error of the approximated transform (a picocli
 * mixin of every command that reprojects sources: {@code warp} and {@code composite} through {@link GridOptions},
 * {@code tiles}).
 */
final class SourceCrsOptions {

    @Option(
            names = {"-s_srs", "--source-crs"},
            paramLabel = "CRS",
            description = "CRS of every source, replacing the files'")
    String sourceCrs;

    @Option(
            names = {"-et", "--error-threshold"},
            paramLabel = "PIXELS",
            description = "largest error of the interpolated transform, in source pixels; 0 transforms every cell"
                    + " exactly (default: " + WarpOptions.DEFAULT_MAX_ERROR + ")")
    Double errorThreshold;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code -s_srs}, or null for the files' own; an unknown CRS is an input error naming the command and option. */
    Crs sourceCrs() {
        return sourceCrs == null ? null : GridOptions.parseCrs(spec.name(), "-s_srs", sourceCrs);
    }

    /** {@code -et}, else {@link WarpOptions#DEFAULT_MAX_ERROR}; a negative or NaN threshold is a usage error. */
    double maxError() {
        if (errorThreshold == null) {
            return WarpOptions.DEFAULT_MAX_ERROR;
        }
        if (!(errorThreshold >= 0)) {
            throw new ParameterException(spec.commandLine(), "-et must be 0 or more, got " + errorThreshold);
        }
        return errorThreshold;
    }
}
