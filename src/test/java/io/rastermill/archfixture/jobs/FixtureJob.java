package io.rastermill.archfixture.jobs;

/** The top layer of the fixture. */
public final class FixtureJob {}
