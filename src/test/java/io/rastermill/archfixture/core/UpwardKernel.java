package io.rastermill.archfixture.core;

import io.rastermill.archfixture.io.SparkAwareReader;

/** Breaks "core depends on nothing of ours". */
public final class UpwardKernel {
    public SparkAwareReader reader;
}
