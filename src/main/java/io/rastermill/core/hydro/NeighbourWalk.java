package io.rastermill.core.hydro;

/**
 * Visits, for every valid perimeter cell of a tile, its 8 neighbours that lie in other tiles, as
 * global perimeter node numbers ({@code offset[tile] + perimeter index}); a neighbour beyond the
 * raster, in a missing tile or NoData is reported as -1 (an outlet).
 */
final class NeighbourWalk {
    interface Visitor {
        void visit(int node, int neighbour);
    }

    private final TileGrid grid;
    private final double[][] perimeterZ;
    private final int[] offset;

    NeighbourWalk(TileGrid grid, DepressionFill.Summary[] tiles, int[] offset) {
        this.grid = grid;
        this.perimeterZ = new double[tiles.length][];
        for (int t = 0; t < tiles.length; t++) {
            perimeterZ[t] = tiles[t] == null ? null : tiles[t].perimeterZ();
        }
        this.offset = offset;
    }

    NeighbourWalk(TileGrid grid, double[][] perimeterZ, int[] offset) {
        this.grid = grid;
        this.perimeterZ = perimeterZ;
        this.offset = offset;
    }

    void crossTile(int t, Visitor visitor) {
        int w = grid.width(t);
        int h = grid.height(t);
        TilePerimeter per = new TilePerimeter(w, h);
        long x0 = grid.x0(t);
        long y0 = grid.y0(t);
        double[] z = perimeterZ[t];
        for (int i = 0; i < z.length; i++) {
            if (Double.isNaN(z[i])) {
                continue;
            }
            int c = per.cell(i);
            int cx = c % w;
            int cy = c / w;
            for (int k = 0; k < 8; k++) {
                int nx = cx + D8.dx(k);
                int ny = cy + D8.dy(k);
                if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                    continue;
                }
                visitor.visit(offset[t] + i, node(x0 + nx, y0 + ny));
            }
        }
    }

    /** The node of raster cell (x, y), a perimeter cell of its tile, or -1 if it is an outlet. */
    int node(long x, long y) {
        if (!grid.inside(x, y)) {
            return -1;
        }
        int u = grid.tileOf(x, y);
        if (perimeterZ[u] == null) {
            return -1;
        }
        int i = grid.perimeter(u).index((int) (x - grid.x0(u)), (int) (y - grid.y0(u)));
        return Double.isNaN(perimeterZ[u][i]) ? -1 : offset[u] + i;
    }
}
