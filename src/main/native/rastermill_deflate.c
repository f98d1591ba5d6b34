/*
 * JNI bridge from io.rastermill.io.codec.NativeDeflate to libdeflate (zlib wrapper, as TIFF Deflate stores it).
 *
 * Only the one-shot API is used, with a compressor or decompressor handle per Java codec object (codecs are
 * per-thread). Decoding pins the Java arrays with GetPrimitiveArrayCritical for one call (no copies; about a
 * millisecond per 1 MiB tile, no JNI calls inside the critical region); encoding copies (see rm_compressor).
 * Bounds are checked on the Java side before every call.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <libdeflate.h>

static void throw_oom(JNIEnv *env, const char *what) {
    jclass c = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (c != NULL) {
        (*env)->ThrowNew(env, c, what);
    }
}

/*
 * A compressor handle: libdeflate's compressor plus a scratch buffer that grows to the largest segment seen. The
 * input is copied in and the output copied out (GetByteArrayRegion/SetByteArrayRegion) instead of pinning the arrays:
 * compressing a 1 MiB tile takes milliseconds (tens at level 9), too long to hold a JNI critical region, which
 * blocks the garbage collector on JDK 17. The copies cost well under a millisecond.
 */
struct rm_compressor {
    struct libdeflate_compressor *c;
    unsigned char *buf;
    size_t cap;
};

JNIEXPORT jlong JNICALL
Java_io_rastermill_io_codec_NativeDeflate_allocCompressor(JNIEnv *env, jclass cls, jint level) {
    (void) env; (void) cls;
    struct rm_compressor *h = calloc(1, sizeof *h);
    if (h == NULL) {
        return 0;
    }
    h->c = libdeflate_alloc_compressor((int) level);
    if (h->c == NULL) {
        free(h);
        return 0;
    }
    return (jlong) (intptr_t) h;
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_freeCompressor(JNIEnv *env, jclass cls, jlong handle) {
    (void) env; (void) cls;
    struct rm_compressor *h = (struct rm_compressor *) (intptr_t) handle;
    if (h != NULL) {
        libdeflate_free_compressor(h->c);
        free(h->buf);
        free(h);
    }
}

JNIEXPORT jlong JNICALL
Java_io_rastermill_io_codec_NativeDeflate_compressBound(JNIEnv *env, jclass cls, jlong handle, jint srcLen) {
    (void) env; (void) cls;
    struct rm_compressor *h = (struct rm_compressor *) (intptr_t) handle;
    return (jlong) libdeflate_zlib_compress_bound(h->c, (size_t) srcLen);
}

/* Returns the compressed size, or 0 if it did not fit into dstAvail bytes. */
JNIEXPORT jint JNICALL
Java_io_rastermill_io_codec_NativeDeflate_compress(JNIEnv *env, jclass cls, jlong handle,
                                                     jbyteArray src, jint srcOff, jint srcLen,
                                                     jbyteArray dst, jint dstOff, jint dstAvail) {
    (void) cls;
    struct rm_compressor *h = (struct rm_compressor *) (intptr_t) handle;
    size_t bound = libdeflate_zlib_compress_bound(h->c, (size_t) srcLen);
    size_t need = (size_t) srcLen + bound;
    if (need > h->cap) {
        unsigned char *grown = realloc(h->buf, need);
        if (grown == NULL) {
            throw_oom(env, "Deflate scratch buffer");
            return 0;
        }
        h->buf = grown;
        h->cap = need;
    }
    (*env)->GetByteArrayRegion(env, src, srcOff, srcLen, (jbyte *) h->buf);
    if ((*env)->ExceptionCheck(env)) {
        return 0;
    }
    size_t avail = (size_t) dstAvail < bound ? (size_t) dstAvail : bound;
    size_t n = libdeflate_zlib_compress(h->c, h->buf, (size_t) srcLen, h->buf + srcLen, avail);
    if (n > 0) {
        (*env)->SetByteArrayRegion(env, dst, dstOff, (jsize) n, (const jbyte *) (h->buf + srcLen));
    }
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
