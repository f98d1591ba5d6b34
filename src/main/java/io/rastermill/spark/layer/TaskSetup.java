package io.rastermill.spark.layer;

import java.io.Serializable;
import java.util.Objects;

/**
 * Loads something expensive that a per-tile function uses for every tile — a classification model, a
 * lookup table, a projection. {@link TileLayer#mapTiles(TaskSetup, StatefulTileFunction, io.rastermill.core.cell.CellType)}
 * calls {@link #create} once per task (partition), on the executor, before the task's first tile; wrap it
 * in {@link #perJvm} to load once per executor JVM instead and share the result between that JVM's tasks.
 */
@FunctionalInterface
public interface TaskSetup<S> extends Serializable {
    S create() throws Exception;

    /**
     * {@code setup} run at most once per JVM for {@code key}; the tasks of an executor then share one
     * instance, which must be safe to use from several threads at once (an executor runs tasks in
     * parallel). Choose a key that names the resource and its version ({@code "landform-model/v3"}):
     * another setup under the same key gets the instance already loaded. A setup that fails is not
     * cached, so the next task tries again.
     */
    static <S> TaskSetup<S> perJvm(String key, TaskSetup<S> setup) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(setup, "setup");
        return () -> JvmResources.get(key, setup);
    }
}
