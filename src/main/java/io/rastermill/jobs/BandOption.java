package io.rastermill.jobs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --band N}: the one band of the input a command reads, 1-based (a picocli mixin). Without it band 1 is read,
 * except by the hydrology commands, which refuse a multi-band input rather than guess ({@link #given()}).
 */
final class BandOption {

    @Option(
            names = "--band",
            paramLabel = "N",
            description = "band of the input (zonal: of VALUES), 1-based (default: 1; the hydrology commands require it"
                    + " for a multi-band input)")
    Integer band;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** True if {@code --band} was given. */
    boolean given() {
        return band != null;
    }

    /** The 1-based band (1 without {@code --band}); a band below 1 is a usage error. */
    int number() {
        if (band == null) {
            return 1;
        }
        if (band < 1) {
            throw new ParameterException(spec.commandLine(), "--band is 1-based, got " + band);
        }
        return band;
    }

    /** {@link #number()} as the 0-based index the readers take. */
    int index() {
        return number() - 1;
    }
}
