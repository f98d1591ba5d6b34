package io.rastermill.spark.write;

import io.rastermill.io.geotiff.GeoTiffAssembler;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One level's size in pixels and blocks: {@link GeoTiffAssembler.Level} in a form that travels to the executors. */
record LevelShape(int width, int height, int across, int down) implements Serializable {
    static List<LevelShape> of(List<GeoTiffAssembler.Level> levels) {
        List<LevelShape> shapes = new ArrayList<>(levels.size());
        for (GeoTiffAssembler.Level g : levels) {
            shapes.add(new LevelShape(g.width(), g.height(), g.across(), g.down()));
        }
        return List.copyOf(shapes);
    }

    /** How many blocks of this level lie under parent {@code (parentCol, parentRow)} of the next level: 1 to 4. */
    int childrenUnder(int parentCol, int parentRow) {
        int cols = Math.min(2, across - 2 * parentCol);
        int rows = Math.min(2, down - 2 * parentRow);
        return Math.max(0, cols) * Math.max(0, rows);
    }
}
