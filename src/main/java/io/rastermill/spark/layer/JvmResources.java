package io.rastermill.spark.layer;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-JVM cache behind {@link TaskSetup#perJvm}: one value per key for the life of the executor.
 * Loads are serialized (one lock for the JVM): a second task waits for the first's load instead of loading
 * a second copy; lookups of loaded values take no lock.
 */
final class JvmResources {
    private static final ConcurrentHashMap<String, Object> LOADED = new ConcurrentHashMap<>();

    private JvmResources() {}

    /** The value under {@code key}, created by {@code setup} if absent; concurrent callers wait for one creation. */
    @SuppressWarnings("unchecked")
    static <S> S get(String key, TaskSetup<S> setup) throws Exception {
        Object v = LOADED.get(key);
        if (v != null) {
            return (S) v;
        }
        synchronized (LOADED) {
            v = LOADED.get(key);
            if (v == null) {
                v = setup.create();
                if (v == null) {
                    throw new IllegalStateException("the setup of per-JVM resource '" + key + "' returned null");
                }
                LOADED.put(key, v);
            }
            return (S) v;
        }
    }
}
