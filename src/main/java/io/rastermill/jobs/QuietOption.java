package io.rastermill.jobs;

import picocli.CommandLine.Option;

/** {@code -q, --quiet}: no progress line (a picocli mixin of every command that shows one). */
final class QuietOption {

    @Option(
            names = {"-q", "--quiet"},
            description = "no progress line")
    boolean quiet;
}
