package io.rastermill.jobs;

import io.rastermill.io.layerstore.LayerId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --name NAME --zoom Z}: a layer of a GeoTrellis catalog (a picocli mixin of {@code layer write}, {@code layer
 * read} and {@code composite --layer}). Which of them a command requires is its call: {@link #id(Integer)}.
 */
final class LayerNameOptions {

    @Option(names = "--name", paramLabel = "NAME", description = "the layer's name (required; composite: with --layer)")
    String name;

    @Option(
            names = "--zoom",
            paramLabel = "Z",
            description = "the layer's zoom level (layer read: required; layer write --layout zoomed: default the"
                    + " scheme's level for the tile size; otherwise default 0)")
    Integer zoom;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** {@code --name}; its absence is a usage error naming {@code why} (e.g. "--layer needs --name"). */
    String name(String why) {
        if (name == null) {
            throw usage(why);
        }
        return name;
    }

    /** The layer id of {@code --name} and {@code --zoom}, else {@code defaultZoom} (null: --zoom is required). */
    LayerId id(Integer defaultZoom) {
        String n = name("Missing required option: '--name=NAME'");
        Integer z = zoom != null ? zoom : defaultZoom;
        if (z == null) {
            throw usage("Missing required option: '--zoom=Z'");
        }
        return id(n, z);
    }

    /** The id of layer {@code name} at {@code zoom}; a name that would leave the catalog is a usage error. */
    LayerId id(String layerName, int level) {
        try {
            return new LayerId(layerName, level);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
