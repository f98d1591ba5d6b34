/**
 * PNG encoding of 8-bit RGBA or grey + alpha pixels for web tiles ({@link io.rastermill.io.png.PngEncoder}).
 *
 * <h2>Thread-safety</h2>
 * Static methods with per-call state only.
 */
package io.rastermill.io.png;
