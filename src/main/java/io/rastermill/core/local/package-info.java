/**
 * Local (cell-by-cell) operations. Each op is one {@link io.rastermill.core.local.LocalOp} descriptor
 * (name, arity, typing rule, int- and double-lane kernels, NoData rule, doc), declared as a constant
 * of its family class; {@link io.rastermill.core.local.LocalOps#all()} collects them, and the Java
 * API, calc's expression language, the SQL functions and the command-line help are read from there.
 * Adding an op is one constant (and its kernel) in a family class plus its law in
 * {@code LocalOpCatalogTest}. The families: {@link io.rastermill.core.local.Arithmetic},
 * {@link io.rastermill.core.local.Comparison}, {@link io.rastermill.core.local.Logical},
 * {@link io.rastermill.core.local.Bitwise}, {@link io.rastermill.core.local.MinMax},
 * {@link io.rastermill.core.local.MathFunctions}, {@link io.rastermill.core.local.Conditional},
 * {@link io.rastermill.core.local.Masking}, {@link io.rastermill.core.local.Conversion}.
 *
 * <h2>Semantics</h2>
 * Each family's javadoc states its NoData rule, result cell type and overflow rule. The default is
 * NoData in → NoData out; division by zero gives NoData; integer lanes wrap on overflow and results
 * are narrowed into the result type by a JVM cast. 0/1 results are {@code uint8ud255}.
 *
 * <p>Each family has whole-lane kernels over primitive arrays ({@code int[]} with
 * {@link java.lang.Integer#MIN_VALUE} as NoData, {@code double[]} with NaN) — the op is dispatched once
 * per lane, never per cell — and tile-level methods that choose the lane once per tile. Stateless and
 * thread-safe.
 */
package io.rastermill.core.local;
