/*
 * JNI bridge from io.rastermill.io.codec.NativeDeflate to libdeflate (zlib wrapper, as TIFF Deflate stores it).
 *
 * Only the one-shot API is used, with a compressor or decompressor handle per Java codec object (codecs are
 * per-thread). Decoding pins the Java arrays with GetPrimitiveArrayCritical for one call (no copies; about a
 * millisecond per 1 MiB tile, no JNI calls inside the critical region); encoding copies (see rm_compressor).
 * Bounds are checked on the Java side before every call. The TIFF predictors (tag 317 values 2 and 3) are here too,
 * at the end of this file.
 */
#include <emmintrin.h>
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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

/*
 * TIFF predictor 3 (floating point) over whole rows, next to the codec so that a segment's bytes are predicted in
 * the same native pass as they are (de)compressed: the same results as io.rastermill.io.codec.Predictor's Java code,
 * which stays the reference (the tests compare both). Row layout: width x samplesPerPixel samples of bps bytes,
 * stored as bps byte planes (most significant first), each byte minus the byte spp before it. The caller checks the
 * ranges. Rows are at most 2^31 bytes; scratch up to 64 KiB lives on the stack.
 */
/* Running byte sums with stride 1, 16 bytes at a time (a log-step prefix sum inside a vector, then the carry). */
static void byte_prefix_sum(const unsigned char *in, unsigned char *out, size_t n) {
    __m128i carry = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *) (in + i));
        x = _mm_add_epi8(x, _mm_slli_si128(x, 1));
        x = _mm_add_epi8(x, _mm_slli_si128(x, 2));
        x = _mm_add_epi8(x, _mm_slli_si128(x, 4));
        x = _mm_add_epi8(x, _mm_slli_si128(x, 8));
        x = _mm_add_epi8(x, carry);
        _mm_storeu_si128((__m128i *) (out + i), x);
        __m128i hi = _mm_unpackhi_epi8(x, x);
        hi = _mm_unpackhi_epi16(hi, hi);
        carry = _mm_shuffle_epi32(hi, 0xFF);
    }
    unsigned char acc = i > 0 ? out[i - 1] : 0;
    for (; i < n; i++) {
        acc = (unsigned char) (acc + in[i]);
        out[i] = acc;
    }
}

static void undo_fp_row(unsigned char *row, unsigned char *planes, size_t rowBytes, int bps, int spp, int little) {
    if (spp == 1) {
        byte_prefix_sum(row, planes, rowBytes);
    } else {
        for (int c = 0; c < spp && (size_t) c < rowBytes; c++) {
            unsigned char acc = 0;
            for (size_t i = (size_t) c; i < rowBytes; i += (size_t) spp) {
                acc = (unsigned char) (acc + row[i]);
                planes[i] = acc;
            }
        }
    }
    size_t n = rowBytes / (size_t) bps;
    if (bps == 4) {
        const unsigned char *p0 = planes, *p1 = planes + n, *p2 = planes + 2 * n, *p3 = planes + 3 * n;
        size_t s = 0;
        if (little) {
            for (; s + 16 <= n; s += 16) {  /* a 4 x 16 byte transpose: least significant plane first */
                __m128i a = _mm_loadu_si128((const __m128i *) (p3 + s)), b = _mm_loadu_si128((const __m128i *) (p2 + s));
                __m128i c = _mm_loadu_si128((const __m128i *) (p1 + s)), d = _mm_loadu_si128((const __m128i *) (p0 + s));
                __m128i ab_lo = _mm_unpacklo_epi8(a, b), ab_hi = _mm_unpackhi_epi8(a, b);
                __m128i cd_lo = _mm_unpacklo_epi8(c, d), cd_hi = _mm_unpackhi_epi8(c, d);
                unsigned char *o = row + 4 * s;
                _mm_storeu_si128((__m128i *) o, _mm_unpacklo_epi16(ab_lo, cd_lo));
                _mm_storeu_si128((__m128i *) (o + 16), _mm_unpackhi_epi16(ab_lo, cd_lo));
                _mm_storeu_si128((__m128i *) (o + 32), _mm_unpacklo_epi16(ab_hi, cd_hi));
                _mm_storeu_si128((__m128i *) (o + 48), _mm_unpackhi_epi16(ab_hi, cd_hi));
            }
        }
        for (; s < n; s++) {
            unsigned char *o = row + 4 * s;
            o[little ? 3 : 0] = p0[s];
            o[little ? 2 : 1] = p1[s];
            o[little ? 1 : 2] = p2[s];
            o[little ? 0 : 3] = p3[s];
        }
        return;
    }
    for (size_t s = 0; s < n; s++) {
        for (int k = 0; k < bps; k++) {
            row[(size_t) bps * s + (size_t) (little ? bps - 1 - k : k)] = planes[(size_t) k * n + s];
        }
    }
}

static void apply_fp_row(unsigned char *row, unsigned char *planes, size_t rowBytes, int bps, int spp, int little) {
    size_t n = rowBytes / (size_t) bps;
    if (bps == 4) {
        unsigned char *p0 = planes, *p1 = planes + n, *p2 = planes + 2 * n, *p3 = planes + 3 * n;
        int i0 = little ? 3 : 0, i1 = little ? 2 : 1, i2 = little ? 1 : 2, i3 = little ? 0 : 3;
        for (size_t s = 0; s < n; s++) {
            const unsigned char *in = row + 4 * s;
            p0[s] = in[i0];
            p1[s] = in[i1];
            p2[s] = in[i2];
            p3[s] = in[i3];
        }
    } else {
        for (size_t s = 0; s < n; s++) {
            for (int k = 0; k < bps; k++) {
                planes[(size_t) k * n + s] = row[(size_t) bps * s + (size_t) (little ? bps - 1 - k : k)];
            }
        }
    }
    size_t first = (size_t) spp < rowBytes ? (size_t) spp : rowBytes;
    memcpy(row, planes, first);
    for (size_t i = first; i < rowBytes; i++) {
        row[i] = (unsigned char) (planes[i] - planes[i - (size_t) spp]);
    }
}

/*
 * TIFF predictor 2 (horizontal differencing) over whole rows, in place: each sample plus (undo) or minus (apply) the
 * same sample of the previous pixel, modulo 2^bits, samples of bps bytes in the file's byte order. The same results as
 * io.rastermill.io.codec.Predictor's Java code, the reference (the tests compare both). Rows of one 16-bit or 8-bit
 * sample per pixel in little-endian files, the common case (UInt16 scenes), run as SSE2 prefix sums and vector
 * differences; the rest sample by sample.
 */
static uint64_t load_sample(const unsigned char *p, int bps, int little) {
    uint64_t v = 0;
    if (little) {
        for (int k = bps - 1; k >= 0; k--) v = v << 8 | p[k];
    } else {
        for (int k = 0; k < bps; k++) v = v << 8 | p[k];
    }
    return v;
}

static void store_sample(unsigned char *p, uint64_t v, int bps, int little) {
    if (little) {
        for (int k = 0; k < bps; k++, v >>= 8) p[k] = (unsigned char) v;
    } else {
        for (int k = bps - 1; k >= 0; k--, v >>= 8) p[k] = (unsigned char) v;
    }
}

/* Running sums of n little-endian 16-bit samples, 8 at a time (a log-step prefix sum inside a vector, then the carry). */
static void u16_prefix_sum(unsigned char *row, size_t n) {
    __m128i carry = _mm_setzero_si128();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128i x = _mm_loadu_si128((const __m128i *) (row + 2 * i));
        x = _mm_add_epi16(x, _mm_slli_si128(x, 2));
        x = _mm_add_epi16(x, _mm_slli_si128(x, 4));
        x = _mm_add_epi16(x, _mm_slli_si128(x, 8));
        x = _mm_add_epi16(x, carry);
        _mm_storeu_si128((__m128i *) (row + 2 * i), x);
        carry = _mm_shuffle_epi32(_mm_shufflehi_epi16(x, 0xFF), 0xFF);
    }
    uint16_t acc = 0;
    if (i > 0) memcpy(&acc, row + 2 * i - 2, 2);
    for (; i < n; i++) {
        uint16_t v;
        memcpy(&v, row + 2 * i, 2);
        acc = (uint16_t) (acc + v);
        memcpy(row + 2 * i, &acc, 2);
    }
}

/* Differences of n little-endian 16-bit samples, from the end backwards so every vector reads unchanged samples. */
static void u16_differences(unsigned char *row, size_t n) {
    size_t i = n;
    while (i >= 9) {
        i -= 8;
        __m128i x = _mm_loadu_si128((const __m128i *) (row + 2 * i));
        __m128i prev = _mm_loadu_si128((const __m128i *) (row + 2 * i - 2));
        _mm_storeu_si128((__m128i *) (row + 2 * i), _mm_sub_epi16(x, prev));
    }
    while (i > 1) {
        i--;
        uint16_t v, prev;
        memcpy(&v, row + 2 * i, 2);
        memcpy(&prev, row + 2 * i - 2, 2);
        v = (uint16_t) (v - prev);
        memcpy(row + 2 * i, &v, 2);
    }
}

/* Differences of n bytes, from the end backwards as above. */
static void u8_differences(unsigned char *row, size_t n) {
    size_t i = n;
    while (i >= 17) {
        i -= 16;
        __m128i x = _mm_loadu_si128((const __m128i *) (row + i));
        __m128i prev = _mm_loadu_si128((const __m128i *) (row + i - 1));
        _mm_storeu_si128((__m128i *) (row + i), _mm_sub_epi8(x, prev));
    }
    while (i > 1) {
        i--;
        row[i] = (unsigned char) (row[i] - row[i - 1]);
    }
}

static void undo_horizontal_row(unsigned char *row, size_t rowBytes, int bps, int spp, int little) {
    if (spp == 1 && bps == 1) {
        byte_prefix_sum(row, row, rowBytes);
        return;
    }
    if (spp == 1 && bps == 2 && little) {
        u16_prefix_sum(row, rowBytes / 2);
        return;
    }
    size_t stride = (size_t) bps * (size_t) spp;
    for (size_t i = stride; i + (size_t) bps <= rowBytes; i += (size_t) bps) {
        store_sample(row + i, load_sample(row + i, bps, little) + load_sample(row + i - stride, bps, little), bps,
                     little);
    }
}

static void apply_horizontal_row(unsigned char *row, size_t rowBytes, int bps, int spp, int little) {
    if (spp == 1 && bps == 1) {
        u8_differences(row, rowBytes);
        return;
    }
    if (spp == 1 && bps == 2 && little) {
        u16_differences(row, rowBytes / 2);
        return;
    }
    size_t stride = (size_t) bps * (size_t) spp;
    for (size_t i = rowBytes; i >= stride + (size_t) bps;) {
        i -= (size_t) bps;
        store_sample(row + i, load_sample(row + i, bps, little) - load_sample(row + i - stride, bps, little), bps,
                     little);
    }
}

/* Predictor 2 or 3 (floating) undone or applied over rows of the pinned Java array. */
static void predict_rows(JNIEnv *env, jbyteArray buf, jint off, jint rowBytes, jint rows, jint bps, jint spp,
                         jboolean little, int floating, int undo) {
    unsigned char stack[65536];
    unsigned char *planes = stack;
    if (floating && (size_t) rowBytes > sizeof stack) {
        planes = malloc((size_t) rowBytes);
        if (planes == NULL) {
            throw_oom(env, "predictor row buffer");
            return;
        }
    }
    unsigned char *b = (*env)->GetPrimitiveArrayCritical(env, buf, NULL);
    if (b == NULL) {
        if (planes != stack) free(planes);
        throw_oom(env, "pinning the predictor buffer");
        return;
    }
    unsigned char *row = b + off;
    for (jint r = 0; r < rows; r++, row += rowBytes) {
        if (floating) {
            if (undo) {
                undo_fp_row(row, planes, (size_t) rowBytes, bps, spp, little);
            } else {
                apply_fp_row(row, planes, (size_t) rowBytes, bps, spp, little);
            }
        } else if (undo) {
            undo_horizontal_row(row, (size_t) rowBytes, bps, spp, little);
        } else {
            apply_horizontal_row(row, (size_t) rowBytes, bps, spp, little);
        }
    }
    (*env)->ReleasePrimitiveArrayCritical(env, buf, b, 0);
    if (planes != stack) free(planes);
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_undoFloatingPoint(JNIEnv *env, jclass cls, jbyteArray buf, jint off,
        jint rowBytes, jint rows, jint bps, jint spp, jboolean little) {
    (void) cls;
    predict_rows(env, buf, off, rowBytes, rows, bps, spp, little, 1, 1);
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_applyFloatingPoint(JNIEnv *env, jclass cls, jbyteArray buf, jint off,
        jint rowBytes, jint rows, jint bps, jint spp, jboolean little) {
    (void) cls;
    predict_rows(env, buf, off, rowBytes, rows, bps, spp, little, 1, 0);
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_undoHorizontal(JNIEnv *env, jclass cls, jbyteArray buf, jint off,
        jint rowBytes, jint rows, jint bps, jint spp, jboolean little) {
    (void) cls;
    predict_rows(env, buf, off, rowBytes, rows, bps, spp, little, 0, 1);
}

JNIEXPORT void JNICALL
Java_io_rastermill_io_codec_NativeDeflate_applyHorizontal(JNIEnv *env, jclass cls, jbyteArray buf, jint off,
        jint rowBytes, jint rows, jint bps, jint spp, jboolean little) {
    (void) cls;
    predict_rows(env, buf, off, rowBytes, rows, bps, spp, little, 0, 0);
}
