/**
 * Positional byte access to (possibly remote) files: {@link io.rastermill.io.bytes.RangeReader}
 * and its local, Hadoop, HTTP(S) (Range requests with retries) and in-memory implementations, request coalescing
 * and read counting.
 *
 * <h2>Semantics</h2>
 * A read names an absolute position and a length; there is no stream position. A range that passes
 * the end of the file raises {@link java.io.EOFException} naming the location, the position, the
 * length and the file length; nothing is ever silently short. The local, Hadoop, HTTP(S) and in-memory readers make
 * that check in one place, their common base {@code KnownLengthRangeReader}, before they move any bytes.
 *
 * <h2>Thread-safety</h2>
 * Every {@code RangeReader} here may be shared by threads; {@link io.rastermill.io.bytes.ByteRange}
 * and the counters are safe too.
 */
package io.rastermill.io.bytes;
