/**
 * Segment codecs for TIFF strips and tiles: decompression and compression ({@link
 * io.rastermill.io.codec.Compression}, {@link io.rastermill.io.codec.SegmentDecompressor}, {@link
 * io.rastermill.io.codec.SegmentCompressor}) and the TIFF predictors ({@link io.rastermill.io.codec.Predictor}).
 *
 * <h2>Semantics</h2>
 * A decoder fills exactly the caller's expected number of bytes into a caller-provided array; anything else (garbage,
 * truncation, a short segment, output that would overflow) is a {@link io.rastermill.io.codec.CorruptSegmentException}
 * naming the codec and the cause — the caller adds the file and the segment. Decoders never write past the expected
 * output and never allocate from sizes read in the data. Decoded bytes are in the file's byte order; predictors are
 * undone in place on them. This package knows nothing of TIFF structure (see {@code io.rastermill.io.tiff}).
 *
 * <h2>Thread-safety</h2>
 * Decoders, encoders and {@code Predictor} instances hold reusable state (an Inflater, an LZW table, a row buffer,
 * a native ZSTD context) and are <b>not</b> shared between threads: create one per thread (per Spark task) and
 * close it. {@code Compression} is an immutable enum.
 *
 * <h2>Dependencies</h2>
 * Deflate uses {@link java.util.zip}, or libdeflate through the optional native library ({@code NativeDeflate}),
 * which also runs predictors 2 and 3 when it is loaded (the Java code stays, and gives the same bytes). ZSTD uses {@code com.github.luben:zstd-jni}, which is not declared by
 * Rastermill: Spark ships it (1.5.5 with Spark 3.5, 1.5.7 with Spark 4.1, both {@code provided}), so it is on the
 * classpath under Spark and in tests. Using ZSTD outside Spark requires adding zstd-jni to the classpath; the other
 * codecs need nothing.
 */
package io.rastermill.io.codec;
