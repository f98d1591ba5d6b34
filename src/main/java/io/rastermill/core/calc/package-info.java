/**
 * The map algebra expression language: {@link io.rastermill.core.calc.CalcExpression} parses a
 * gdal_calc-style formula once, {@link io.rastermill.core.calc.CalcExpression#compile} types it
 * against the inputs' cell types into a {@link io.rastermill.core.calc.CalcProgram}, which evaluates
 * whole tiles as a list of primitive lane kernels from {@code io.rastermill.core.local}.
 *
 * <h2>Semantics</h2>
 * Typing and NoData rules are in {@link io.rastermill.core.calc.CalcExpression}'s documentation.
 * In short: NoData in → NoData out, division by zero → NoData, {@code isNoData}, {@code where} and
 * the masks are the ops that read NoData as a value.
 *
 * <p>Expressions and programs are immutable and thread-safe; evaluators are per thread. No Spark.
 */
package io.rastermill.core.calc;
