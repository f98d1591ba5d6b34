package io.rastermill.spark.layer;

import io.rastermill.core.focal.BufferedTile;
import io.rastermill.core.focal.FocalKernel;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.TileBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several focal steps on one tile that was buffered once with the sum of their radii, so a
 * chain of focal operations costs one halo acquisition (one read or one strip exchange), not one
 * per step.
 *
 * <p>Each step gets a tile whose centre is the inner tile extended by what later steps still need,
 * with a halo of its own radius. Halo cells beyond the raster are always fresh NoData fillers
 * flagged as outside — never values an earlier step computed there — so a chain equals running the
 * steps one after another on the whole raster.
 *
 * <p>A task opens each step's function once, before its first tile ({@link Step#opener}), which is where a
 * stateful step runs its {@link TaskSetup}.
 */
final class FocalChain implements Serializable {
    private static final long serialVersionUID = 1L;

    record Step(int radius, Opener opener) implements Serializable {}

    /** Makes a step's function for one task: a stateless step returns its own, a stateful one runs its setup. */
    @FunctionalInterface
    interface Opener extends Serializable {
        FocalKernel.TileBody open() throws Exception;
    }

    private final List<Step> steps;

    FocalChain(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    int totalRadius() {
        return steps.stream().mapToInt(Step::radius).sum();
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    FocalChain then(Step step) {
        ArrayList<Step> all = new ArrayList<>(steps);
        all.add(step);
        return new FocalChain(all);
    }

    /** The steps' functions for one task, opened on first use: pass the same array to every {@link #run} of the task. */
    FocalKernel.TileBody[] unopened() {
        return new FocalKernel.TileBody[steps.size()];
    }

    /**
     * Applies the steps to a tile buffered with {@link #totalRadius()}; returns the inner-sized result.
     * {@code opened} holds the task's step functions ({@link #unopened}); a missing one is opened here.
     */
    Tile run(BufferedTile acquired, FocalKernel.TileBody[] opened) throws Exception {
        int innerW = acquired.cols();
        int innerH = acquired.rows();
        BufferedTile.Sides outside = acquired.outside();
        boolean outN = outside.north();
        boolean outS = outside.south();
        boolean outW = outside.west();
        boolean outE = outside.east();
        Tile cur = acquired.tile();
        int remaining = acquired.halo();
        // how far the current tile reaches beyond the inner cells on each side
        int curN = remaining;
        int curS = remaining;
        int curW = remaining;
        int curE = remaining;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (opened[i] == null) {
                opened[i] = step.opener().open();
            }
            int r = step.radius();
            int rem = remaining - r;
            int keepN = outN ? 0 : rem + r;
            int keepS = outS ? 0 : rem + r;
            int keepW = outW ? 0 : rem + r;
            int keepE = outE ? 0 : rem + r;
            Tile kept = cur.crop(curW - keepW, curN - keepN, curW + innerW + keepE - 1, curN + innerH + keepS - 1);
            int width = innerW + (outW ? r : keepW) + (outE ? r : keepE);
            int height = innerH + (outN ? r : keepN) + (outS ? r : keepS);
            Tile input = kept.cols() == width && kept.rows() == height
                    ? kept
                    : TileBuilder.noData(kept.cellType(), width, height)
                            .paste(kept, outW ? r : 0, outN ? r : 0)
                            .build();
            Tile out = opened[i].apply(new BufferedTile(input, r, outside, acquired.cellSize()));
            if (out.cols() != width - 2 * r || out.rows() != height - 2 * r) {
                throw new IllegalStateException("a focal function of radius " + r + " returned " + out.cols() + "x"
                        + out.rows() + " cells for a " + width + "x" + height + " buffered tile; expected "
                        + (width - 2 * r) + "x" + (height - 2 * r));
            }
            cur = out;
            curN = outN ? 0 : rem;
            curS = outS ? 0 : rem;
            curW = outW ? 0 : rem;
            curE = outE ? 0 : rem;
            remaining = rem;
        }
        return cur;
    }
}
