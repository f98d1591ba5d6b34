package io.rastermill.spark.temporal;

import java.time.Instant;
import java.util.Optional;

/**
 * One scene of a series: its file and, if known, its time.
 *
 * @param uri  path or Hadoop URI
 * @param time when it was taken; empty when no date was found (allowed only where the order does not matter)
 */
public record Scene(String uri, Optional<Instant> time) {}
