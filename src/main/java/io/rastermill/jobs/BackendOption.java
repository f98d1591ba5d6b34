package io.rastermill.jobs;

import io.rastermill.io.layerstore.Catalog;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --backend B}: how a GeoTrellis catalog is stored (a picocli mixin of the layer commands). */
final class BackendOption {

    @Option(
            names = "--backend",
            paramLabel = "B",
            description = "file | hadoop (default: from the catalog, else file for a path)")
    String backend;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The backend, or null to take the catalog's; an unknown name is a usage error. */
    Catalog.Backend backend() {
        if (backend == null) {
            return null;
        }
        try {
            return Catalog.Backend.parse(backend);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
