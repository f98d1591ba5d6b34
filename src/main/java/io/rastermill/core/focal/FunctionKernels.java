package io.rastermill.core.focal;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.tile.ArrayTile;
import io.rastermill.core.tile.Tile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/** The kernels {@link FocalKernel}'s factories build around user functions. Package-private. */
final class FunctionKernels {
    private FunctionKernels() {}

    record OfTile(int halo, CellType resultCellType, FocalKernel.TileBody body) implements FocalKernel {
        OfTile {
            if (halo < 0) {
                throw new IllegalArgumentException("halo must be >= 0, got " + halo);
            }
            Objects.requireNonNull(resultCellType, "resultCellType");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public Tile apply(BufferedTile input) {
            Tile t;
            try {
                t = body.apply(input);
            } catch (Exception e) {
                throw unchecked(e);
            }
            return t.cellType().equals(resultCellType) ? t : t.convert(resultCellType);
        }
    }

    record OfWindow(Neighbourhood neighbourhood, CellType resultCellType, FocalKernel.WindowBody body)
            implements FocalKernel {
        OfWindow {
            Objects.requireNonNull(neighbourhood, "neighbourhood");
            Objects.requireNonNull(resultCellType, "resultCellType");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public int halo() {
            return neighbourhood.radius();
        }

        @Override
        public Tile apply(BufferedTile input) {
            FocalWindow w = new FocalWindow(input, neighbourhood);
            double[] out = new double[w.cols() * w.rows()];
            try {
                body.apply(w, out);
            } catch (Exception e) {
                throw unchecked(e);
            }
            return ArrayTile.fromDoubleLane(resultCellType, w.cols(), w.rows(), out);
        }
    }

    /** Adapts a per-cell function to a per-tile one: the loop over the target cells is here, once. */
    record EachCell(FocalKernel.CellBody body) implements FocalKernel.WindowBody {
        EachCell {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public void apply(FocalWindow w, double[] out) {
            double[] scratch = new double[w.neighbourhood().size()];
            int cols = w.cols();
            for (int r = 0, k = 0; r < w.rows(); r++) {
                int i = w.index(0, r);
                for (int c = 0; c < cols; c++, k++, i++) {
                    out[k] = body.apply(w, i, scratch);
                }
            }
        }
    }

    private static RuntimeException unchecked(Exception e) {
        if (e instanceof RuntimeException re) {
            return re;
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("focal kernel failed: " + e, e);
    }
}
