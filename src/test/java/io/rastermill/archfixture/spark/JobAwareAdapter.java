package io.rastermill.archfixture.spark;

import io.rastermill.archfixture.jobs.FixtureJob;

/** Breaks "the Spark layer must not know the command line". */
public final class JobAwareAdapter {
    public FixtureJob job;
}
