package io.rastermill.core.warp;

/**
 * The working arrays of block warps: a block's source coordinates (16 bytes a target cell), the transform's control
 * grid and check points, the kernel's scratch. The warps of many sources onto one target, used one after another by
 * one thread (a mosaic: per block, each source located, then warped), share one set, so that their memory does not
 * grow with the number of sources: each warp then holds only its transform.
 *
 * <p>Not thread-safe. Between a warp's {@link BlockWarp#locate} and its {@link BlockWarp#warp} no other warp sharing
 * these buffers may locate.
 */
public final class WarpBuffers {
    final WarpKernel kernel = new WarpKernel();
    /** The located block's source coordinates. */
    double[] xs = new double[0];

    double[] ys = new double[0];
    /** The transform's control grid (see {@link PixelTransform}). */
    double[] nx = new double[0];

    double[] ny = new double[0];
    /** The transform's check points, in target and in source pixels. */
    double[] checkX = new double[0];

    double[] checkY = new double[0];
    double[] checkSx = new double[0];
    double[] checkSy = new double[0];
}
