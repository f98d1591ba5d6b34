package io.rastermill.jobs;

import picocli.CommandLine.Option;

/** gdaldem's {@code -z} and {@code -s}: the DEM's vertical units against its horizontal ones (a picocli mixin of slope and hillshade). */
final class VerticalScaleOptions {

    @Option(
            names = {"-z", "--z-factor"},
            paramLabel = "Z",
            defaultValue = "1",
            description = "vertical exaggeration")
    double z;

    @Option(
            names = {"-s", "--scale"},
            paramLabel = "S",
            defaultValue = "1",
            description = "ratio of horizontal to vertical units (111120 for degrees vs metres)")
    double scale;
}
