/**
 * The command line: {@code jobs/rastermill} starts {@link io.rastermill.jobs.Main}, which parses the
 * launcher options with picocli and either runs a subcommand in this JVM (local mode, or as the driver
 * under spark-submit) or hands the subcommand to spark-submit (submit mode, see
 * {@link io.rastermill.jobs.SparkSubmitArguments}).
 *
 * <p>Subcommands register in {@link io.rastermill.jobs.RastermillCommand#SUBCOMMANDS}; each is a small
 * picocli {@code Callable<Integer>} class that gets the Spark session from its parent command.
 * Exit codes: 0 ok, 2 usage error, 1 runtime or input error (one line on stderr; the stack trace only
 * with {@code --debug}).
 *
 * <p>An option several commands share is one picocli mixin ({@code QuietOption}, {@code BandOption},
 * {@code OutputOptions}, {@code GridOptions}, ...) with one description and one validation; a command binds
 * arguments and prints, and the rules behind an argument that a Java API user needs too live where the
 * concept does (e.g. {@link io.rastermill.core.zonal.ZonalStat}, {@link io.rastermill.core.crs.Crs#parse}).
 *
 * <p>Thread-safety: everything here runs on the main thread of one command run; nothing is shared.
 * The records ({@link io.rastermill.jobs.InstallLayout}, {@link io.rastermill.jobs.SubmitRequest}) are
 * immutable.
 */
package io.rastermill.jobs;
