package io.rastermill.jobs;

import io.rastermill.core.warp.Resampling;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * gdalwarp's {@code -r}: the resampling method of a warp (a picocli mixin of {@code warp} and {@code composite} through
 * {@link GridOptions}, {@code tiles} and {@code layer write --layout zoomed}). The default is the command's.
 */
final class ResamplingOption {

    @Option(
            names = {"-r", "--method"},
            paramLabel = "METHOD",
            description =
                    "near | bilinear | cubic | cubicspline | lanczos | average | mode | min | max | med | q1 | q3"
                            + " | sum | rms (default: near; tiles: average, as gdal2tiles); layer write: with --layout zoomed only, not sum or rms")
    String method;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code -r}, else {@code commandDefault}; an unknown method is a usage error listing the known ones. */
    Resampling orElse(Resampling commandDefault) {
        if (method == null) {
            return commandDefault;
        }
        try {
            return Resampling.parse(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "-r: " + e.getMessage());
        }
    }
}
