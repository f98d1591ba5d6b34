package io.rastermill.jobs;

import picocli.CommandLine.Option;

/** {@code --json}: print JSON instead of text (a picocli mixin of the commands that report, not write). */
final class JsonOption {

    @Option(
            names = "--json",
            description = "print JSON instead of text (info: gdalinfo -json's key names where they exist)")
    boolean json;
}
