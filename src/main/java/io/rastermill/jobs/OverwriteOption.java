package io.rastermill.jobs;

import picocli.CommandLine.Option;

/** {@code --overwrite}: replace an existing output directory or layer (a picocli mixin). */
final class OverwriteOption {

    @Option(
            names = "--overwrite",
            description = "replace an existing output (tiles: DIR; layer write: the layer): the new one is written"
                    + " beside it and takes its place when complete")
    boolean overwrite;
}
