package io.rastermill.jobs;

import picocli.CommandLine.Option;

/** gdaldem's {@code -compute_edges} (a picocli mixin of every terrain command, in {@link TerrainOptions} or alone). */
final class ComputeEdgesOption {

    @Option(
            names = {"--compute-edges", "-compute_edges"},
            description = "compute edge cells and cells next to NoData, as gdaldem -compute_edges")
    boolean computeEdges;
}
