package io.rastermill.jobs;

import io.rastermill.spark.RastermillSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the argument list for spark-submit (what follows {@code spark-submit} or
 * {@code org.apache.spark.deploy.SparkSubmit}). Pure: no files are read and no process is started.
 *
 * <p>The list is, in order: {@code --master} (if given), {@code --name rastermill} (unless {@code spark.app.name} is
 * given with {@code --conf}), {@code --class io.rastermill.jobs.Main},
 * {@code --properties-file conf/spark-defaults.conf}, {@code --driver-memory}, {@code --executor-memory}
 * (if given), one {@code --conf k=v} per setting, {@code --jars} (the jars of {@code target/app-lib} then
 * the user's), {@code --driver-java-options} with the log4j2 configuration and {@code rastermill.home},
 * the thin jar, and the subcommand with its arguments.
 */
final class SparkSubmitArguments {

    static final String MAIN_CLASS = "io.rastermill.jobs.Main";
    static final String APP_NAME = RastermillSpark.APP_NAME;

    private SparkSubmitArguments() {}

    static List<String> build(SubmitRequest request, InstallLayout layout, List<Path> appLibJars) {
        List<String> args = new ArrayList<>();
        if (request.master() != null) {
            args.add("--master");
            args.add(request.master());
        }
        if (!request.conf().containsKey("spark.app.name")) {
            args.add("--name");
            args.add(APP_NAME);
        }
        args.add("--class");
        args.add(MAIN_CLASS);
        args.add("--properties-file");
        args.add(layout.sparkDefaults().toString());
        if (request.driverMemory() != null) {
            args.add("--driver-memory");
            args.add(request.driverMemory());
        }
        if (request.executorMemory() != null) {
            args.add("--executor-memory");
            args.add(request.executorMemory());
        }
        for (Map.Entry<String, String> e : request.conf().entrySet()) {
            args.add("--conf");
            args.add(e.getKey() + "=" + e.getValue());
        }
        List<String> jars = new ArrayList<>();
        appLibJars.forEach(jar -> jars.add(jar.toString()));
        jars.addAll(request.userJars());
        if (!jars.isEmpty()) {
            args.add("--jars");
            args.add(String.join(",", jars));
        }
        args.add("--driver-java-options");
        args.add(driverJavaOptions(layout));
        args.add(layout.thinJar().toString());
        args.addAll(request.subcommandArgs());
        return args;
    }

    /** The system properties the driver needs: the log4j2 configuration and the project home. */
    static String driverJavaOptions(InstallLayout layout) {
        return "-Dlog4j.configurationFile=" + layout.log4jConfig() + " -D" + LaunchContext.HOME_PROPERTY + "="
                + layout.home();
    }
}
