package io.rastermill.jobs;

import io.rastermill.core.focal.AspectParams;
import io.rastermill.core.focal.Convention;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.focal.FocalOps;
import io.rastermill.core.focal.FocalStatsOp;
import io.rastermill.core.focal.HillshadeParams;
import io.rastermill.core.focal.SlopeParams;
import io.rastermill.core.focal.TerrainIndexParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The terrain commands, with gdaldem's options and meanings: {@code slope}, {@code aspect},
 * {@code hillshade}, {@code tpi}, {@code tri}, {@code roughness}, and {@code focal STAT} for
 * neighbourhood statistics: one per op of the focal catalog ({@code FocalOps.all()}), whose doc heads
 * each command's help. Each reads DEM as a layer, runs the kernel on Spark with halos read
 * from the file (no seams), and writes one GeoTIFF/COG from the executors.
 */
final class TerrainCommands {
    /** The help of an input DEM parameter (shared with the hydrology commands). */
    static final String DEM_DESCRIPTION = "input GeoTIFF(s): a path, URI, directory or glob";

    /** The help of an output GeoTIFF parameter (shared with the hydrology commands). */
    static final String OUT_DESCRIPTION = "output GeoTIFF (path or URI); written atomically";

    private TerrainCommands() {}

    /**
     * Makes the doc of the catalog op named as the command ({@link FocalOps#op}) the first line of its
     * description, so the help and the SQL page say the same (a picocli model transformer).
     */
    static final class CatalogDescription implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            String doc = FocalOps.op(spec.name()).doc();
            List<String> lines = new ArrayList<>();
            lines.add(Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".");
            lines.addAll(List.of(spec.usageMessage().description()));
            spec.usageMessage().description(lines.toArray(String[]::new));
            return spec;
        }
    }

    /** What every terrain command has: the layer-job and output options, and how it runs. */
    abstract static class Base extends RastermillSubcommand {
        @Mixin
        BandOption band;

        @Mixin
        QuietOption quiet;

        @Mixin
        OutputOptions output;

        /** The command's name, naming its Spark job group, progress and summary lines. */
        String label() {
            return spec.name();
        }

        abstract FocalKernel kernel();

        abstract String input();

        abstract String output();

        @Override
        public Integer call() throws IOException {
            FocalKernel kernel = kernel();
            return LayerJob.runFocal(
                    parent,
                    spec.commandLine().getOut(),
                    input(),
                    output(),
                    label(),
                    kernel,
                    band.index(),
                    quiet.quiet,
                    output);
        }

        /** Parameter records refuse bad combinations; those are usage errors. */
        <T> T params(Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
    }

    /** DEM OUT. */
    abstract static class DemToRaster extends Base {
        @Parameters(index = "0", paramLabel = "DEM", description = DEM_DESCRIPTION)
        String dem;

        @Parameters(index = "1", paramLabel = "OUT", description = OUT_DESCRIPTION)
        String out;

        @Override
        String input() {
            return dem;
        }

        @Override
        String output() {
            return out;
        }
    }

    /** Slope, aspect and hillshade: gdaldem's gradient algorithm, edges and convention. */
    abstract static class Gradient extends DemToRaster {
        @Mixin
        TerrainOptions terrain;
    }

    @Command(name = "slope", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Slope extends Gradient {
        @Option(
                names = {"-p", "--percent"},
                description = "percent slope instead of degrees")
        boolean percent;

        @Mixin
        VerticalScaleOptions vertical;

        @Override
        FocalKernel kernel() {
            Convention c = terrain.conventionValue();
            return FocalOps.slopeKernel(params(() -> new SlopeParams(
                    c, terrain.gradient(), percent, vertical.z, vertical.scale, terrain.computeEdges())));
        }
    }

    @Command(name = "aspect", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Aspect extends Gradient {
        @Option(
                names = {"--trigonometric", "-trigonometric"},
                description = "trigonometric angle (0 = east, counter-clockwise)")
        boolean trigonometric;

        @Option(
                names = {"--zero-for-flat", "-zero_for_flat"},
                description = "0 for flat areas instead of NoData")
        boolean zeroForFlat;

        @Override
        FocalKernel kernel() {
            Convention c = terrain.conventionValue();
            return FocalOps.aspectKernel(params(
                    () -> new AspectParams(c, terrain.gradient(), trigonometric, zeroForFlat, terrain.computeEdges())));
        }
    }

    @Command(name = "hillshade", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Hillshade extends Gradient {
        @Option(
                names = {"--az", "-az", "--azimuth"},
                paramLabel = "DEG",
                defaultValue = "315",
                description = "sun azimuth")
        double azimuth;

        @Option(
                names = {"--alt", "-alt", "--altitude"},
                paramLabel = "DEG",
                defaultValue = "45",
                description = "sun altitude")
        double altitude;

        @Mixin
        VerticalScaleOptions vertical;

        @Option(
                names = {"--combined", "-combined"},
                description = "combined slope and oblique shading")
        boolean combined;

        @Option(
                names = {"--multidirectional", "-multidirectional"},
                description = "four light sources")
        boolean multidirectional;

        @Option(
                names = {"--igor", "-igor"},
                description = "Igor's hillshading (no altitude)")
        boolean igor;

        @Override
        FocalKernel kernel() {
            HillshadeParams.Mode mode;
            try {
                mode = HillshadeParams.Mode.of(combined, multidirectional, igor);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            Convention c = terrain.conventionValue();
            return FocalOps.hillshadeKernel(params(() -> new HillshadeParams(
                    c,
                    terrain.gradient(),
                    mode,
                    azimuth,
                    altitude,
                    vertical.z,
                    vertical.scale,
                    terrain.computeEdges())));
        }
    }

    /** TPI, TRI and roughness: gdaldem's convention only. */
    abstract static class Index extends DemToRaster {
        @Mixin
        ComputeEdgesOption edges;

        abstract TerrainIndexParams.Index index();

        @Override
        FocalKernel kernel() {
            return FocalOps.terrainIndexKernel(new TerrainIndexParams(index(), edges.computeEdges));
        }
    }

    @Command(name = "tpi", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Tpi extends Index {
        @Override
        TerrainIndexParams.Index index() {
            return TerrainIndexParams.Index.TPI;
        }
    }

    @Command(name = "tri", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Tri extends Index {
        @Option(
                names = {"--alg", "-alg"},
                paramLabel = "ALG",
                defaultValue = "Riley",
                description = "Riley (default, terrestrial) | Wilson (bathymetry)")
        String alg;

        @Override
        TerrainIndexParams.Index index() {
            try {
                return TerrainIndexParams.Index.tri(alg);
            } catch (IllegalArgumentException e) {
                throw usage("--alg " + e.getMessage());
            }
        }
    }

    @Command(name = "roughness", mixinStandardHelpOptions = true, modelTransformer = CatalogDescription.class)
    static final class Roughness extends Index {
        @Override
        TerrainIndexParams.Index index() {
            return TerrainIndexParams.Index.ROUGHNESS;
        }
    }

    @Command(
            name = "focal",
            mixinStandardHelpOptions = true,
            modelTransformer = CatalogDescription.class,
            description = {
                "focal mean|min|max|sum|stddev|median DEM OUT --radius R [--shape square|circle|annulus|weighted]"
                        + " [--inner N] [--weights W,W,...]. An empty window gives NoData."
            })
    static final class Focal extends Base {
        @Parameters(index = "0", paramLabel = "STAT", description = "mean | min | max | sum | stddev | median")
        String stat;

        @Parameters(index = "1", paramLabel = "DEM", description = "input GeoTIFF(s)")
        String input;

        @Parameters(index = "2", paramLabel = "OUT", description = OUT_DESCRIPTION)
        String out;

        @Option(names = "--radius", paramLabel = "R", required = true, description = "window radius in cells")
        int radius;

        @Option(
                names = "--shape",
                paramLabel = "SHAPE",
                defaultValue = "square",
                description = "square | circle | annulus (cells farther than --inner, at most --radius away) |"
                        + " weighted (--weights)")
        String shape;

        @Option(
                names = "--inner",
                paramLabel = "N",
                description = "annulus: only cells more than N cells away are in (default 0: all but the centre)")
        Integer inner;

        @Option(
                names = "--weights",
                paramLabel = "W,W,...",
                description = "weighted: (2R+1)^2 weights, row-major, north row first; 0 leaves a cell out;"
                        + " sum is Σw·v, mean Σw·v/Σw, min/max/median use the cells of non-zero weight")
        String weights;

        @Override
        String label() {
            return "focal " + stat.toLowerCase(Locale.ROOT);
        }

        @Override
        String input() {
            return input;
        }

        @Override
        String output() {
            return out;
        }

        /** The catalog op reads the shape's parameters, so the command and SQL accept the same combinations. */
        @Override
        FocalKernel kernel() {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("stat", stat);
            args.put("shape", shape);
            args.put("radius", Integer.toString(radius));
            if (inner != null) {
                args.put("inner", inner.toString());
            }
            if (weights != null) {
                args.put("weights", weights);
            }
            return params(() -> FocalStatsOp.FOCAL.kernel(args));
        }
    }
}
