package io.rastermill.jobs;

import io.rastermill.spark.RastermillConf;
import io.rastermill.spark.RastermillSpark;
import io.rastermill.spark.SettingSource;
import io.rastermill.spark.SparkDefaultsFile;
import io.rastermill.spark.SparkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command {@code rastermill}: the launcher options, and the choice between running the
 * subcommand in this JVM and handing it to spark-submit.
 */
@Command(
        name = "rastermill",
        versionProvider = VersionInfo.Provider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Parallel processing of very large georeferenced rasters on Apache Spark.%n"
                + "Without --master/--submit the command runs in this JVM on a local Spark (local[*]).",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  runtime or input error (one line on stderr; --debug adds the stack trace)",
            "  2  usage error"
        })
final class RastermillCommand {

    /**
     * Where subcommands register: add the picocli {@code @Command} class here (order = order in
     * {@code --help}). A subcommand gets Spark with {@code @ParentCommand RastermillCommand parent} and
     * {@code parent.spark().session()}; it must not start Spark before it needs it.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ConfigCommand.class,
            InfoCommand.class,
            CleanCommand.class,
            TranslateCommand.class,
            TerrainCommands.Slope.class,
            TerrainCommands.Aspect.class,
            TerrainCommands.Hillshade.class,
            TerrainCommands.Tpi.class,
            TerrainCommands.Tri.class,
            TerrainCommands.Roughness.class,
            TerrainCommands.Focal.class,
            StatsCommand.class,
            CalcCommand.class,
            ReclassCommand.class,
            ZonalCommand.class,
            HydrologyCommands.Fill.class,
            HydrologyCommands.FlowDir.class,
            HydrologyCommands.FlowAcc.class,
            HydrologyCommands.Basins.class,
            HydrologyCommands.Watershed.class,
            HydrologyCommands.Streams.class,
            HydrologyCommands.All.class,
            LayerCommand.class,
            WarpCommand.class,
            TilesCommand.class,
            CompositeCommand.class,
            DemoCommand.class);

    @Option(
            names = "--master",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description =
                    "Spark master (e.g. spark://host:7077, yarn, local[4]); runs the command through spark-submit.")
    String master;

    @Option(
            names = "--submit",
            scope = ScopeType.INHERIT,
            description = "Run through $SPARK_HOME/bin/spark-submit (SPARK_HOME must be set).")
    boolean submit;

    /** The heap jobs/rastermill gave this JVM (-Xmx) from --driver-memory or RASTERMILL_HEAP, if any. */
    static final String HEAP_PROPERTY = "rastermill.heap";

    @Option(
            names = "--driver-memory",
            scope = ScopeType.INHERIT,
            paramLabel = "MEM",
            description =
                    "Driver memory, e.g. 4g; in local mode the heap of this JVM, which runs the driver and the tasks"
                            + " (as RASTERMILL_HEAP=4g).")
    String driverMemory;

    @Option(
            names = "--executor-memory",
            scope = ScopeType.INHERIT,
            paramLabel = "MEM",
            description = "Executor memory, e.g. 8g.")
    String executorMemory;

    @Option(
            names = "--conf",
            scope = ScopeType.INHERIT,
            paramLabel = "KEY=VALUE",
            description = "A Spark setting; repeatable; wins over conf/spark-defaults.conf.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(
            names = "--jars",
            scope = ScopeType.INHERIT,
            paramLabel = "JAR",
            split = ",",
            description = "Extra jars, comma-separated, for the driver and executors.")
    List<String> jars = new ArrayList<>();

    @Option(
            names = "--properties",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            description =
                    "A job's properties file (spark.* and rastermill.* keys, 'key value' per line); wins over conf/,"
                            + " --conf wins over it.")
    Path properties;

    @Option(
            names = "--dry-run",
            scope = ScopeType.INHERIT,
            description =
                    "With --master/--submit: print the spark-submit command line (shell-quoted) and exit without running it.")
    boolean dryRun;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print the version and the Spark/Scala versions it was built for, and exit.")
    boolean version;

    @Spec
    CommandSpec spec;

    private final LaunchContext context;
    private RastermillSpark spark;

    RastermillCommand(LaunchContext context) {
        this.context = context;
    }

    boolean debug() {
        return debug;
    }

    /** Picocli execution strategy: help/version, then submit mode or the subcommand in this JVM. */
    int execute(ParseResult parseResult) {
        Integer helpExit = CommandLine.executeHelpRequest(parseResult);
        if (helpExit != null) {
            return helpExit;
        }
        if (!parseResult.hasSubcommand()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Missing command: give one of "
                            + String.join(", ", spec.subcommands().keySet()));
        }
        if (submit || master != null) {
            return runSubmitted(parseResult);
        }
        // The loggers come back only once Spark has stopped: tasks killed by a failed job report late.
        try (LocalTaskLogs quiet = LocalTaskLogs.quiet(sparkMaster(), debug)) {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (OutOfMemoryError e) {
                // picocli passes Errors through; the unwound stack has freed the heap, so the report can run
                throw new CommandLine.ExecutionException(spec.commandLine(), "out of memory", e);
            } finally {
                if (spark != null) {
                    if (spark.started()) {
                        ClassDataArchive.sparkStarted(context.systemProperties());
                    }
                    spark.close();
                }
            }
        }
    }

    /** The Spark master this run will use, or null if the settings cannot be read (the command reports why). */
    private String sparkMaster() {
        try {
            return settings()
                    .get("spark.master")
                    .map(SparkSettings.Setting::value)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the command runs in local mode: Spark's driver and tasks in this JVM (not handed to or run by spark-submit). */
    boolean runsLocally() {
        return !submit && master == null && !runsUnderSparkSubmit();
    }

    /** Whether the subcommand runs as the driver under spark-submit (rather than in local mode). */
    boolean runsUnderSparkSubmit() {
        return RastermillSpark.runsUnderSparkSubmit(context.systemProperties());
    }

    /** The Spark launcher for the subcommand; creating it reads the settings but starts nothing. */
    RastermillSpark spark() {
        if (spark == null) {
            spark = new RastermillSpark(settings());
        }
        return spark;
    }

    /**
     * The settings of this run with their sources, without starting Spark: Spark's and Rastermill's own
     * ({@code spark.rastermill.*}, see {@link RastermillConf}).
     */
    SparkSettings settings() {
        if (spark != null) {
            return spark.settings();
        }
        if (runsUnderSparkSubmit()) {
            // spark-submit already applied conf/spark-defaults.conf, and --conf (where the launcher put
            // conf/rastermill.properties and the job's properties too), as spark.* system properties.
            return RastermillSpark.withSubmittedProperties(
                    RastermillConf.withBuiltIns(RastermillSpark.commonDefaults()), context.systemProperties());
        }
        SparkSettings settings = RastermillConf.withBuiltIns(RastermillSpark.localDefaults())
                .withAll(SparkDefaultsFile.read(context.layout().sparkDefaults()), SettingSource.DEFAULTS_FILE)
                .withAll(
                        RastermillConf.readFile(context.layout().rastermillProperties(), true),
                        SettingSource.RASTERMILL_FILE);
        if (properties != null) {
            settings = settings.withAll(RastermillConf.readFile(properties, false), SettingSource.JOB_PROPERTIES);
        }
        if (driverMemory != null
                && !driverMemory.equals(context.systemProperties().getProperty(HEAP_PROPERTY))) {
            // jobs/rastermill turns --driver-memory into this JVM's -Xmx and says so in rastermill.heap; a JVM started
            // otherwise cannot
            context.err()
                    .println("rastermill: --driver-memory has no effect here (the driver is this JVM, not started by"
                            + " jobs/rastermill); start it with -Xmx" + driverMemory + " instead");
        }
        if (executorMemory != null) {
            settings = settings.with("spark.executor.memory", executorMemory, SettingSource.COMMAND_LINE);
        }
        if (!jars.isEmpty()) {
            settings = settings.with("spark.jars", String.join(",", jars), SettingSource.COMMAND_LINE);
        }
        return settings.withAll(RastermillConf.normalize(conf), SettingSource.COMMAND_LINE);
    }

    /** The tile (and output block) size of this run: {@code spark.rastermill.tile.size} by precedence. */
    int tileSize() {
        return RastermillConf.tileSize(settings());
    }

    /** The output compression of this run: {@code spark.rastermill.compression} by precedence. */
    String compression() {
        return RastermillConf.compression(settings());
    }

    /**
     * What the launcher hands spark-submit as {@code --conf}: conf/rastermill.properties, then the job's
     * properties file, then the command line's --conf (a later one wins for the same key).
     * conf/spark-defaults.conf goes separately, as --properties-file, which --conf overrides.
     */
    private Map<String, String> submittedConf() {
        Map<String, String> result =
                new LinkedHashMap<>(RastermillConf.readFile(context.layout().rastermillProperties(), true));
        if (properties != null) {
            result.putAll(RastermillConf.readFile(properties, false));
        }
        result.putAll(RastermillConf.normalize(conf));
        return result;
    }

    private int runSubmitted(ParseResult parseResult) {
        if (submit && context.sparkHome().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--submit needs SPARK_HOME set to a Spark installation;"
                            + " without it, --master URL runs Spark's SparkSubmit from target/lib");
        }
        try {
            InstallLayout layout = context.layout();
            if (!Files.isRegularFile(layout.thinJar())) {
                throw new IllegalStateException(layout.thinJar()
                        + " not found: build with 'mvn -DskipTests package' (jobs/rastermill does it for you)");
            }
            SubmitRequest request = new SubmitRequest(
                    master,
                    driverMemory,
                    executorMemory,
                    submittedConf(),
                    jars,
                    subcommandArgs(parseResult.expandedArgs()));
            List<String> submitArgs = SparkSubmitArguments.build(request, layout, layout.appLibJars());
            List<String> jvmOptions =
                    context.sparkHome().isPresent() ? List.of() : JvmOptions.read(layout.jvmOptions());
            List<String> command = SparkSubmitProcess.command(
                    context.sparkHome(), layout, jvmOptions, driverMemory, submitArgs, context.environment());
            if (dryRun) {
                context.out().println(shellQuoted(command));
                context.out().flush();
                return 0;
            }
            if (debug) {
                context.err().println("rastermill: running " + String.join(" ", command));
            }
            return SparkSubmitProcess.run(command);
        } catch (RuntimeException e) {
            throw new CommandLine.ExecutionException(spec.commandLine(), ErrorReport.firstLine(e), e);
        }
    }

    /** {@code command} as one line a POSIX shell reads back as the same words. */
    static String shellQuoted(List<String> command) {
        StringBuilder b = new StringBuilder();
        for (String word : command) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(word.matches("[A-Za-z0-9_./:=,@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /**
     * The subcommand name and everything after it, i.e. {@code args} without the launcher options
     * (picocli only accepts those before the subcommand).
     */
    List<String> subcommandArgs(List<String> args) {
        Set<String> names = spec.subcommands().keySet();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (names.contains(arg)) {
                return withoutLauncherOptions(args.subList(i, args.size()));
            }
            OptionSpec option = spec.findOption(arg);
            boolean takesValue = option != null && option.arity().max() > 0 && !arg.contains("=");
            i += takesValue ? 2 : 1;
        }
        throw new IllegalStateException("no subcommand in " + args);
    }

    /**
     * The launcher's options are inherited by every command, so {@code rastermill slope a.tif b.tif --master URL}
     * works as spark-submit users type it; the command spark-submit runs gets its arguments without them.
     */
    private List<String> withoutLauncherOptions(List<String> commandArgs) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < commandArgs.size(); j++) {
            String arg = commandArgs.get(j);
            if (arg.equals("--")) {
                out.addAll(commandArgs.subList(j, commandArgs.size()));
                break;
            }
            int eq = arg.indexOf('=');
            OptionSpec option = spec.findOption(eq < 0 ? arg : arg.substring(0, eq));
            if (option != null && option.scopeType() == ScopeType.INHERIT) {
                j += option.arity().max() > 0 && eq < 0 ? 1 : 0; // and its value
                continue;
            }
            out.add(arg);
        }
        return List.copyOf(out);
    }
}
