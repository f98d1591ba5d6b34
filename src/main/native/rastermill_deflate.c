/*
 * JNI bridge from io.rastermill.io.codec.NativeDeflate to libdeflate (zlib wrapper, as TIFF Deflate stores it).
 *
 * Only the stateless one-shot API is used: a compressor or decompressor handle per Java codec object (codecs are
 * per-thread), the Java arrays pinned with GetPrimitiveArrayCritical for the duration of one call (no copies, no
 * JNI calls inside the critical region). Bounds are checked on the Java side before every call.
 */
#include <jni.h>
#include <stdint.h>
#include <libdeflate.h>

static void throw_oom(JNIEnv *env, const char *what) {
    jclass c = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, what);
    }
}

JNIEXPORT jlong JNICALL
Java_io_rastermill_io_codec_NativeDeflate_allocCompressor(JNIEnv *env, jclass cls, jint level) {
    (void) env; (void) cls;
    return (jlong) (intptr_t) libdeflate_alloc_compressor((int) level);
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_freeCompressor(JNIEnv *env, jclass cls, jlong handle) {
    (void) env; (void) cls;
    libdeflate_free_compressor((struct libdeflate_compressor *) (intptr_t) handle);
}

JNIEXPORT jlong JNICALL
Java_io_rastermill_io_codec_NativeDeflate_compressBound(JNIEnv *env, jclass cls, jlong handle, jint srcLen) {
    (void) env; (void) cls;
    return (jlong) libdeflate_zlib_compress_bound((struct libdeflate_compressor *) (intptr_t) handle,
                                                  (size_t) srcLen);
}

/* Returns the compressed size, or 0 if it did not fit into dstAvail bytes. */
JNIEXPORT jint JNICALL
Java_io_rastermill_io_codec_NativeDeflate_compress(JNIEnv *env, jclass cls, jlong handle,
                                                     jbyteArray src, jint srcOff, jint srcLen,
                                                     jbyteArray dst, jint dstOff, jint dstAvail) {
    (void) cls;
    jbyte *in = (*env)->GetPrimitiveArrayCritical(env, src, NULL);
    if (in == NULL) {
        throw_oom(env, "pinning the Deflate input");
        return 0;
    }
    jbyte *out = (*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (out == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
        throw_oom(env, "pinning the Deflate output");
        return 0;
    }
    size_t n = libdeflate_zlib_compress((struct libdeflate_compressor *) (intptr_t) handle,
                                       in + srcOff, (size_t) srcLen, out + dstOff, (size_t) dstAvail);
    (*env)->ReleasePrimitiveArrayCritical(env, dst, out, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
    return (jint) n;
}

JNIEXPORT jlong JNICALL
Java_io_rastermill_io_codec_NativeDeflate_allocDecompressor(JNIEnv *env, jclass cls) {
    (void) env; (void) cls;
    return (jlong) (intptr_t) libdeflate_alloc_decompressor();
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_freeDecompressor(JNIEnv *env, jclass cls, jlong handle) {
    (void) env; (void) cls;
    libdeflate_free_decompressor((struct libdeflate_decompressor *) (intptr_t) handle);
}

/*
 * Decodes one zlib stream into at most dstAvail bytes. Returns the number of bytes produced when the stream decoded
 * completely (Adler-32 checked), or a negative libdeflate_result (-1 bad data, -3 insufficient space). libdeflate
 * never writes past out + dstAvail.
 */
JNIEXPORT jint JNICALL
Java_io_rastermill_io_codec_NativeDeflate_decompress(JNIEnv *env, jclass cls, jlong handle,
                                                       jbyteArray src, jint srcOff, jint srcLen,
                                                       jbyteArray dst, jint dstOff, jint dstAvail) {
    (void) cls;
    jbyte *in = (*env)->GetPrimitiveArrayCritical(env, src, NULL);
    if (in == NULL) {
        throw_oom(env, "pinning the Deflate input");
        return -1;
    }
    jbyte *out = (*env)->GetPrimitiveArrayCritical(env, dst, NULL);
    if (out == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
        throw_oom(env, "pinning the Deflate output");
        return -1;
    }
    size_t actual_in = 0, actual_out = 0;
    enum libdeflate_result r = libdeflate_zlib_decompress_ex(
            (struct libdeflate_decompressor *) (intptr_t) handle,
            in + srcOff, (size_t) srcLen, out + dstOff, (size_t) dstAvail, &actual_in, &actual_out);
    (*env)->ReleasePrimitiveArrayCritical(env, dst, out, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, src, in, JNI_ABORT);
    if (r != LIBDEFLATE_SUCCESS) {
        return -(jint) r;
    }
    return (jint) actual_out;
}
