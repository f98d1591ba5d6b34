package io.rastermill.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked spark-submit for: the launcher options (each may be null / empty when not given)
 * and the subcommand with its arguments, launcher options removed.
 */
record SubmitRequest(
        String master,
        String driverMemory,
        String executorMemory,
        Map<String, String> conf,
        List<String> userJars,
        List<String> subcommandArgs) {

    SubmitRequest {
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf)); // keeps the command-line order
        userJars = List.copyOf(userJars);
        subcommandArgs = List.copyOf(subcommandArgs);
    }
}
