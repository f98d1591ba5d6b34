package io.rastermill.core.hydro;

import java.util.function.ToLongFunction;

/** Totals over the per-tile summaries a driver graph is built from (null entries are absent tiles). */
final class Summaries {
    private Summaries() {}

    static <S> long sum(S[] tiles, ToLongFunction<S> size) {
        long n = 0;
        for (S s : tiles) {
            n += s == null ? 0 : size.applyAsLong(s);
        }
        return n;
    }
}
