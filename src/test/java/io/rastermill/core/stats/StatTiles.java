package io.rastermill.core.stats;

import io.rastermill.core.cell.CellType;
import io.rastermill.core.cell.NoData;
import io.rastermill.core.tile.Tile;
import io.rastermill.core.tile.Tiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random tiles for the statistics tests: finite values, some NoData, several cell types and distributions. */
final class StatTiles {
    private StatTiles() {}

    static final List<CellType> TYPES = List.of(
            CellType.UINT8,
            CellType.INT8,
            CellType.INT16,
            CellType.UINT16,
            CellType.INT32,
            CellType.FLOAT32,
            CellType.FLOAT64,
            CellType.parse("int16ud-9999"),
            CellType.parse("float32ud-9999.0"),
            CellType.UINT8_RAW);

    /** 0..maxTiles tiles of one random type (so an IntHistogram mixes dense and sparse parts across calls). */
    static List<Tile> tiles(Random rnd, int maxTiles, int maxSide) {
        int n = rnd.nextInt(maxTiles + 1);
        List<Tile> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(tile(rnd, TYPES.get(rnd.nextInt(TYPES.size())), maxSide));
        }
        return out;
    }

    static Tile tile(Random rnd, CellType ct, int maxSide) {
        int cols = 1 + rnd.nextInt(maxSide);
        int rows = 1 + rnd.nextInt(maxSide);
        int n = cols * rows;
        double noDataShare = rnd.nextInt(4) == 0 ? 1.0 : rnd.nextDouble() * 0.3;
        if (ct.isFloatingPoint()) {
            double[] lane = new double[n];
            double offset = rnd.nextGaussian() * 1e4;
            double scale = Math.pow(10, rnd.nextInt(7) - 2);
            for (int i = 0; i < n; i++) {
                lane[i] = rnd.nextDouble() < noDataShare ? Double.NaN : offset + rnd.nextGaussian() * scale;
            }
            return Tiles.fromDoubleLane(ct, cols, rows, lane);
        }
        int lo;
        int hi;
        switch (ct.dataType()) {
            case UINT8 -> {
                lo = 1;
                hi = 255;
            }
            case INT8 -> {
                lo = -127;
                hi = 127;
            }
            case INT16 -> {
                lo = -9998;
                hi = 32767;
            }
            case UINT16 -> {
                lo = 1;
                hi = 65535;
            }
            default -> {
                lo = -2_000_000_000;
                hi = 2_000_000_000;
            }
        }
        int[] lane = new int[n];
        int a = lo + (int) (rnd.nextDouble() * ((long) hi - lo));
        int b = a + (int) (rnd.nextDouble() * ((long) hi - a));
        for (int i = 0; i < n; i++) {
            lane[i] = rnd.nextDouble() < noDataShare ? NoData.INT : a + (int) (rnd.nextDouble() * ((long) b - a + 1));
        }
        return Tiles.fromIntLane(ct, cols, rows, lane);
    }
}
