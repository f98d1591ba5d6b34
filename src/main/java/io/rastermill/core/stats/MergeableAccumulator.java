package io.rastermill.core.stats;

import io.rastermill.core.tile.Tile;
import java.io.Serializable;

/**
 * A reduction over tiles as a mergeable accumulator: {@link #zero()}, {@link #add(Tile)},
 * {@link #merge}, {@link #finish()}. The same class runs in one JVM and in Spark, where the Spark
 * layer lifts any implementation without knowing which one:
 * <pre>{@code
 * A result = rdd.treeAggregate(acc.zero(), (a, t) -> a.add(t), (a, b) -> a.merge(b));
 * }</pre>
 *
 * <h2>Contract (the laws, tested for every implementation)</h2>
 * <ul>
 *   <li>Identity: {@code a.merge(a.zero())} and {@code a.zero().merge(a)} describe the same data as {@code a}.</li>
 *   <li>Associativity and commutativity of {@code merge}: any split of the tiles and any merge tree give
 *       the same result (exactly for counts, min, max and histogram counts; floating-point moments within
 *       rounding, documented per class).</li>
 *   <li>{@code add(t)} equals {@code merge(zero().add(t))}.</li>
 *   <li>Serialization round trip preserves the state.</li>
 * </ul>
 *
 * <h2>Mutation</h2>
 * Accumulators are mutable and not thread-safe: {@code add} and {@code merge} change {@code this} and
 * return it (as Spark's {@code aggregate} expects); {@code merge} never changes its argument.
 * {@code zero()} returns a new empty accumulator with the same configuration (e.g. bins), independent
 * of {@code this}.
 *
 * @param <A> the accumulator type itself
 * @param <R> the type of the finished result
 */
public interface MergeableAccumulator<A extends MergeableAccumulator<A, R>, R> extends Serializable {

    /** A new, empty accumulator with this one's configuration. */
    A zero();

    /** Adds every cell of {@code tile} (NoData counted apart) to this accumulator; returns {@code this}. */
    A add(Tile tile);

    /** Adds everything {@code other} has seen to this accumulator; {@code other} is unchanged. Returns {@code this}. */
    A merge(A other);

    /** The result; does not change the accumulator, which may keep accumulating. */
    R finish();
}
