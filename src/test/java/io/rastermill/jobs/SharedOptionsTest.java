package io.rastermill.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rastermill.core.crs.Crs;
import io.rastermill.core.warp.Resampling;
import io.rastermill.io.layerstore.Catalog;
import io.rastermill.io.layerstore.LayerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * The options several commands share come from one mixin each: every command that has such an option has it from the
 * mixin (one description, one validation), and it parses to the same value on every one of them.
 */
class SharedOptionsTest {

    /** A mixin, the command line of its options, and what parsing that line must give on every command using it. */
    private record Family(Class<?> type, List<String> args, Consumer<Object> check, Set<String> commands) {}

    private static final List<Family> FAMILIES = List.of(
            new Family(
                    QuietOption.class,
                    List.of("-q"),
                    m -> assertTrue(((QuietOption) m).quiet),
                    Set.of(
                            "calc",
                            "composite",
                            "warp",
                            "tiles",
                            "reclass",
                            "demo",
                            "slope",
                            "aspect",
                            "hillshade",
                            "tpi",
                            "tri",
                            "roughness",
                            "focal",
                            "fill",
                            "flowdir",
                            "flowacc",
                            "basins",
                            "watershed",
                            "streams",
                            "hydrology")),
            new Family(
                    BandOption.class,
                    List.of("--band", "3"),
                    m -> {
                        BandOption b = (BandOption) m;
                        assertTrue(b.given());
                        assertEquals(3, b.number());
                        assertEquals(2, b.index());
                    },
                    Set.of(
                            "stats",
                            "zonal",
                            "reclass",
                            "slope",
                            "aspect",
                            "hillshade",
                            "tpi",
                            "tri",
                            "roughness",
                            "focal",
                            "fill",
                            "flowdir",
                            "flowacc",
                            "basins",
                            "watershed",
                            "streams",
                            "hydrology")),
            new Family(
                    JsonOption.class,
                    List.of("--json"),
                    m -> assertTrue(((JsonOption) m).json),
                    Set.of("info", "stats", "zonal")),
            new Family(
                    TileSizeOption.class,
                    List.of("--tile-size", "64"),
                    m -> assertEquals(64, ((TileSizeOption) m).orElse(512)),
                    Set.of("stats", "zonal", "layer write")),
            new Family(
                    OverwriteOption.class,
                    List.of("--overwrite"),
                    m -> assertTrue(((OverwriteOption) m).overwrite),
                    Set.of("tiles", "layer write")),
            new Family(
                    BackendOption.class,
                    List.of("--backend", "hdfs"),
                    m -> assertEquals(Catalog.Backend.HADOOP, ((BackendOption) m).backend()),
                    Set.of("layer write", "layer read", "layer list")),
            new Family(
                    LayerNameOptions.class,
                    List.of("--name", "dem", "--zoom", "3"),
                    m -> assertEquals(new LayerId("dem", 3), ((LayerNameOptions) m).id(null)),
                    Set.of("composite", "layer write", "layer read")),
            new Family(
                    SourceCrsOptions.class,
                    List.of("-s_srs", "EPSG:32633", "-et", "0.5"),
                    m -> {
                        SourceCrsOptions s = (SourceCrsOptions) m;
                        assertEquals(Crs.epsg(32633), s.sourceCrs());
                        assertEquals(0.5, s.maxError());
                    },
                    Set.of("warp", "composite", "tiles")),
            new Family(
                    ResamplingOption.class,
                    List.of("-r", "Bilinear"),
                    m -> assertEquals(Resampling.BILINEAR, ((ResamplingOption) m).orElse(Resampling.AVERAGE)),
                    Set.of("warp", "composite", "tiles", "layer write")),
            new Family(
                    ComputeEdgesOption.class,
                    List.of("-compute_edges"),
                    m -> assertTrue(((ComputeEdgesOption) m).computeEdges),
                    Set.of("slope", "aspect", "hillshade", "tpi", "tri", "roughness")),
            new Family(
                    VerticalScaleOptions.class,
                    List.of("--z-factor", "2.5", "-s", "111120"),
                    m -> {
                        VerticalScaleOptions v = (VerticalScaleOptions) m;
                        assertEquals(2.5, v.z);
                        assertEquals(111120, v.scale);
                    },
                    Set.of("slope", "hillshade")));

    /**
     * Same-named options that are another concept, so not the family's: calc's {@code --band NAME=N} (a band per
     * input), composite's {@code -b/--band} (several bands), tiles' {@code --zoom MIN-MAX} and {@code --scale MIN MAX},
     * clean's {@code -r/--recursive}.
     */
    private static final Set<String> OTHER_CONCEPTS =
            Set.of("calc --band", "composite --band", "tiles --zoom", "tiles --scale", "clean --recursive");

    private static CommandLine tree() {
        CommandLine commandLine = new CommandLine(new RastermillCommand(null));
        RastermillCommand.SUBCOMMANDS.forEach(commandLine::addSubcommand);
        return commandLine;
    }

    /** Every command (not the top one), keyed by its name below {@code rastermill}, e.g. "layer write". */
    private static Map<String, CommandSpec> commands(CommandSpec spec, Map<String, CommandSpec> into) {
        for (CommandLine sub : spec.subcommands().values()) {
            String name = sub.getCommandSpec().qualifiedName(" ").substring("rastermill ".length());
            into.putIfAbsent(name, sub.getCommandSpec());
            commands(sub.getCommandSpec(), into);
        }
        return into;
    }

    /** The mixin of {@code type} in {@code spec}, at any depth (GridOptions holds SourceCrsOptions), or null. */
    private static CommandSpec mixin(CommandSpec spec, Class<?> type) {
        for (CommandSpec m : spec.mixins().values()) {
            if (type.isInstance(m.userObject())) {
                return m;
            }
            CommandSpec inner = mixin(m, type);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    @Test
    void everyCommandWithASharedOptionHasItFromTheMixin() {
        Map<String, CommandSpec> commands = commands(tree().getCommandSpec(), new TreeMap<>());
        for (Family f : FAMILIES) {
            CommandSpec canonical = CommandSpec.forAnnotatedObject(newInstance(f.type()));
            Set<String> users = new TreeSet<>();
            commands.forEach((name, spec) -> {
                CommandSpec m = mixin(spec, f.type());
                for (OptionSpec o : canonical.options()) {
                    OptionSpec here = Arrays.stream(o.names())
                            .map(spec::findOption)
                            .filter(x -> x != null)
                            .filter(x -> !OTHER_CONCEPTS.contains(name + " " + x.longestName()))
                            .findFirst()
                            .orElse(null);
                    if (here == null) {
                        continue;
                    }
                    assertNotNull(
                            m,
                            name + " has " + here.longestName() + " but not from "
                                    + f.type().getSimpleName());
                    assertEquals(List.of(o.description()), List.of(here.description()), name + " " + o.longestName());
                    assertEquals(Set.of(o.names()), Set.of(here.names()), name + " " + o.longestName());
                    users.add(name);
                }
            });
            assertEquals(new TreeSet<>(f.commands()), users, f.type().getSimpleName() + " users");
        }
    }

    /** Parses {@code command options} plus what the command requires; returns the mixin of {@code family}. */
    private static Object parsed(String command, Class<?> family, List<String> options) {
        CommandLine commandLine = tree();
        CommandSpec spec =
                commands(commandLine.getCommandSpec(), new TreeMap<>()).get(command);
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(options);
        args.addAll(requiredArgs(spec, family));
        commandLine.parseArgs(args.toArray(String[]::new));
        return mixin(spec, family).userObject();
    }

    @Test
    void aSharedOptionParsesTheSameOnEveryCommand() {
        for (Family f : FAMILIES) {
            for (String command : f.commands()) {
                try {
                    f.check().accept(parsed(command, f.type(), f.args()));
                } catch (AssertionError e) {
                    throw new AssertionError(command + " " + String.join(" ", f.args()) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void aSharedValidationGivesTheSameUsageErrorOnEveryCommand() {
        for (String command : List.of("stats", "zonal", "layer write")) {
            TileSizeOption tileSize =
                    (TileSizeOption) parsed(command, TileSizeOption.class, List.of("--tile-size", "8"));
            ParameterException e = assertThrows(ParameterException.class, () -> tileSize.orElse(512));
            assertEquals("--tile-size must be at least 16, got 8", e.getMessage());
            assertEquals(
                    command,
                    e.getCommandLine().getCommandSpec().qualifiedName(" ").substring("rastermill ".length()));
        }
        for (String command : List.of("stats", "zonal", "fill", "slope", "reclass")) {
            BandOption band = (BandOption) parsed(command, BandOption.class, List.of("--band", "0"));
            assertEquals(
                    "--band is 1-based, got 0",
                    assertThrows(ParameterException.class, band::index).getMessage(),
                    command);
        }
    }

    @Test
    void withoutTheOptionsTheDefaultsAreTheSameEverywhere() {
        for (String command : List.of("stats", "zonal", "fill", "slope", "reclass")) {
            BandOption band = (BandOption) parsed(command, BandOption.class, List.of());
            assertFalse(band.given(), command);
            assertEquals(0, band.index(), command);
        }
        for (String command : List.of("warp", "composite", "tiles")) {
            SourceCrsOptions source = (SourceCrsOptions) parsed(command, SourceCrsOptions.class, List.of());
            assertEquals(0.001, source.maxError(), command);
            assertEquals(null, source.sourceCrs(), command);
        }
    }

    /** Values for {@code spec}'s positional parameters and its required options outside the mixin under test. */
    private static List<String> requiredArgs(CommandSpec spec, Class<?> family) {
        CommandSpec tested = mixin(spec, family);
        List<String> args = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            boolean fromFamily = tested != null && tested.findOption(o.longestName()) != null;
            if (o.required() && o.group() == null && !fromFamily) {
                args.add(o.longestName());
                for (int i = 0; i < Math.max(1, o.arity().min()); i++) {
                    args.add("1");
                }
            }
        }
        for (ArgGroupSpec g : spec.argGroups()) {
            if (g.multiplicity().min() > 0) {
                OptionSpec first = g.options().iterator().next();
                args.add(first.longestName());
                args.add("1");
            }
        }
        args.add("--");
        int positionals = 0;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            positionals += p.arity().min();
        }
        for (int i = 0; i < positionals; i++) {
            args.add("1");
        }
        return args;
    }

    private static Object newInstance(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
