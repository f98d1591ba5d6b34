package io.rastermill.io.codec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The optional native Deflate accelerator: {@code librastermill_deflate.so} (libdeflate, linked statically), built by
 * {@code src/main/native/build.sh} into the classes directory and so shipped inside the jar to Spark executors.
 *
 * <p>Loaded once per class loader: the library is copied from the classpath to a temporary file (deleted on exit) and
 * {@link System#load}ed. When it is absent (no gcc or libdeflate-dev at build time, another platform) or fails to
 * load, {@link #isAvailable()} is false, {@link #unavailableReason()} says why, and Deflate uses
 * {@code java.util.zip}.
 *
 * <p>The library also holds the predictors ({@link Predictor}, tag values 2 and 3), which then run natively too (SSE2
 * prefix sums, differences and byte transposes, several times the Java code's speed; the same bytes).
 *
 * <p>The system property {@value #MODE_PROPERTY} chooses the implementation: {@code java}, {@code native} (an error if
 * the library is not available) or {@code auto} (the default: native when available).
 */
public final class NativeDeflate {
    /** System property: {@code java}, {@code native} or {@code auto}. */
    public static final String MODE_PROPERTY = "rastermill.deflate";
    /** The classpath resource of the library for this platform. */
    static final String RESOURCE = "/native/linux-x86_64/librastermill_deflate.so";

    private NativeDeflate() {}

    /** Loads the library on first use, so that {@code -Drastermill.deflate=java} never loads it. */
    private static final class Loader {
        static final String REASON = load();
    }

    /** Whether the native library is loaded and usable in this JVM (loads it on the first call). */
    public static boolean isAvailable() {
        return Loader.REASON == null;
    }

    /** Why the native library is not available, or {@code null} if it is. */
    public static String unavailableReason() {
        return Loader.REASON;
    }

    /** Whether new Deflate codecs use the native library, per {@value #MODE_PROPERTY}. */
    static boolean selected() throws UnsupportedCodecException {
        String mode = System.getProperty(MODE_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "java":
                return false;
            case "auto":
            case "":
                return isAvailable();
            case "native":
                if (!isAvailable()) {
                    throw new UnsupportedCodecException("-D" + MODE_PROPERTY
                            + "=native but the native Deflate library is not available: " + unavailableReason());
                }
                return true;
            default:
                throw new UnsupportedCodecException(
                        "-D" + MODE_PROPERTY + " must be java, native or auto, not '" + mode + "'");
        }
    }

    private static String load() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return "no native Deflate library for " + os + "/" + arch;
        }
        try (InputStream in = NativeDeflate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return RESOURCE + " is not on the classpath (built without gcc or libdeflate-dev?)";
            }
            // A file per load: two class loaders in one JVM (Spark) cannot share one loaded library path.
            Path tmp = Files.createTempFile("librastermill_deflate", ".so");
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            System.load(tmp.toAbsolutePath().toString());
            long probe = allocDecompressor();
            if (probe == 0) {
                return "libdeflate_alloc_decompressor failed";
            }
            freeDecompressor(probe);
            return null;
        } catch (IOException | LinkageError | SecurityException e) {
            return "loading " + RESOURCE + " failed: " + e;
        }
    }

    // JNI entry points, src/main/native/rastermill_deflate.c. Callers check every range beforehand.

    static native long allocCompressor(int level);

    static native void freeCompressor(long handle);

    static native long compressBound(long handle, int srcLen);

    /** The compressed size, or 0 if it did not fit into {@code dstAvail} bytes. */
    static native int compress(long handle, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstAvail);

    static native long allocDecompressor();

    static native void freeDecompressor(long handle);

    /**
     * The number of bytes a complete, checked zlib stream decoded to (at most {@code dstAvail}), or a negative
     * libdeflate result: -1 bad data, -3 more output than {@code dstAvail}.
     */
    static native int decompress(long handle, byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstAvail);

    /** {@link Predictor#decode} for predictor 3 over {@code rows} rows of {@code rowBytes} bytes, in place. */
    static native void undoFloatingPoint(
            byte[] buf, int off, int rowBytes, int rows, int bytesPerSample, int samplesPerPixel, boolean littleEndian);

    /** {@link Predictor#encode} for predictor 3 over {@code rows} rows of {@code rowBytes} bytes, in place. */
    static native void applyFloatingPoint(
            byte[] buf, int off, int rowBytes, int rows, int bytesPerSample, int samplesPerPixel, boolean littleEndian);

    /** {@link Predictor#decode} for predictor 2 over {@code rows} rows of {@code rowBytes} bytes, in place. */
    static native void undoHorizontal(
            byte[] buf, int off, int rowBytes, int rows, int bytesPerSample, int samplesPerPixel, boolean littleEndian);

    /** {@link Predictor#encode} for predictor 2 over {@code rows} rows of {@code rowBytes} bytes, in place. */
    static native void applyHorizontal(
            byte[] buf, int off, int rowBytes, int rows, int bytesPerSample, int samplesPerPixel, boolean littleEndian);
}
