/* png.c: PNG encoding (signature, IHDR, IDAT, IEND) with per-row filter selection and zlib's
 * deflate. Filtered rows are built for all five filters at once, the cheapest one is kept. */
#include "png.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <zlib.h>

/* Images above this many bytes are deflated at level 1: the size gain of higher levels on
 * filtered pixels is small and costs several times the time. */
#define PNG_FAST_BYTES (1 << 20)
#define PNG_MAX_THREADS 8

#if defined(__GNUC__) && !defined(__clang__)
#define HOT_LOOPS __attribute__((optimize("O3"))) /* the filter loops vectorise at -O3 */
#else
#define HOT_LOOPS
#endif

static void put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Appends a whole chunk: length, type, data, CRC over type and data. */
static int put_chunk(SBuf *out, const char *type, const unsigned char *data, uint32_t n) {
    unsigned char hdr[8];
    put32(hdr, n);
    memcpy(hdr + 4, type, 4);
    uLong crc = crc32(0L, (const Bytef *)type, 4);
    if (n) crc = crc32(crc, data, n);
    unsigned char tail[4];
    put32(tail, (uint32_t)crc);
    return sb_putn(out, (const char *)hdr, 8) || sb_putn(out, (const char *)data, n)
                   || sb_putn(out, (const char *)tail, 4)
               ? -1
               : 0;
}

static inline unsigned sad8(unsigned char x) { return x < 128 ? x : 256u - x; }

static inline unsigned char paeth(int a, int b, int c) {
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return (unsigned char)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/* The five filtered versions of row cur (prev: the row above, zeros for the first), each
 * into f[k] + 1 with f[k][0] = k. Returns the index of the one with the smallest sum. */
HOT_LOOPS static int filter_row(const unsigned char *cur, const unsigned char *prev, size_t n,
                                int bpp, unsigned char *const f[5]) {
    unsigned long sum[5] = {0, 0, 0, 0, 0};
    unsigned char *f0 = f[0] + 1, *f1 = f[1] + 1, *f2 = f[2] + 1, *f3 = f[3] + 1, *f4 = f[4] + 1;
    size_t b = (size_t)bpp;
    for (size_t i = 0; i < n; i++) {
        f0[i] = cur[i];
        f2[i] = (unsigned char)(cur[i] - prev[i]);
    }
    for (size_t i = 0; i < b && i < n; i++) {
        f1[i] = cur[i];
        f3[i] = (unsigned char)(cur[i] - (prev[i] >> 1));
        f4[i] = (unsigned char)(cur[i] - prev[i]);
    }
    for (size_t i = b; i < n; i++) {
        f1[i] = (unsigned char)(cur[i] - cur[i - b]);
        f3[i] = (unsigned char)(cur[i] - ((cur[i - b] + prev[i]) >> 1));
    }
    for (size_t i = b; i < n; i++)
        f4[i] = (unsigned char)(cur[i] - paeth(cur[i - b], prev[i], prev[i - b]));
    for (size_t i = 0; i < n; i++) {
        sum[0] += sad8(f0[i]);
        sum[1] += sad8(f1[i]);
        sum[2] += sad8(f2[i]);
        sum[3] += sad8(f3[i]);
        sum[4] += sad8(f4[i]);
    }
    int best = 0;
    for (int k = 1; k < 5; k++)
        if (sum[k] < sum[best]) best = k;
    return best;
}

/* Deflates len bytes from in into out (growing it); flush as for deflate(). */
static int deflate_into(z_stream *z, const unsigned char *in, size_t len, int flush, SBuf *out) {
    z->next_in = (Bytef *)in;
    z->avail_in = (uInt)len;
    for (;;) {
        if (out->cap - out->len < 4096 + 1 && sb_reserve(out, out->cap / 2 + 65536)) return -1;
        size_t room = out->cap - out->len - 1;
        if (room > (1u << 30)) room = 1u << 30;
        z->next_out = (Bytef *)out->s + out->len;
        z->avail_out = (uInt)room;
        int r = deflate(z, flush);
        out->len += room - z->avail_out;
        if (r == Z_STREAM_ERROR) return -1;
        if (flush == Z_FINISH ? r == Z_STREAM_END : z->avail_in == 0 && z->avail_out != 0) return 0;
    }
}

/* A band of rows deflated on its own (raw deflate, ended by a sync flush, or by the final
 * block for the last band) so that bands can be compressed by several threads, as pigz does;
 * the zlib stream is the header, the bands in order, and the combined Adler-32. */
typedef struct Band {
    const unsigned char *px;
    size_t stride, n; /* row bytes */
    int y0, y1, ch, level, last;
    SBuf out;
    uLong adler;
    int err;
} Band;

static void *band_run(void *arg) {
    Band *b = arg;
    unsigned char *mem = calloc(6, b->n + 1);
    z_stream z;
    memset(&z, 0, sizeof z);
    int strategy = b->level == 1 ? Z_RLE : Z_DEFAULT_STRATEGY;
    if (!mem || deflateInit2(&z, b->level, Z_DEFLATED, -15, 9, strategy) != Z_OK) {
        free(mem);
        b->err = 1;
        return NULL;
    }
    unsigned char *zero = mem + 5 * (b->n + 1), *f[5];
    for (int k = 0; k < 5; k++) {
        f[k] = mem + (size_t)k * (b->n + 1);
        f[k][0] = (unsigned char)k;
    }
    b->adler = adler32(0L, NULL, 0);
    for (int y = b->y0; y < b->y1 && !b->err; y++) {
        const unsigned char *cur = b->px + (size_t)y * b->stride;
        int k = filter_row(cur, y ? cur - b->stride : zero, b->n, b->ch, f);
        b->adler = adler32(b->adler, f[k], (uInt)(b->n + 1));
        b->err = deflate_into(&z, f[k], b->n + 1, Z_NO_FLUSH, &b->out);
    }
    if (!b->err) b->err = deflate_into(&z, NULL, 0, b->last ? Z_FINISH : Z_SYNC_FLUSH, &b->out);
    deflateEnd(&z);
    free(mem);
    return NULL;
}

/* How many bands (threads) for an image of this many bytes. */
static int band_count(size_t bytes, int h) {
    if (bytes <= PNG_FAST_BYTES) return 1;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int n = cpus < 1 ? 1 : cpus > PNG_MAX_THREADS ? PNG_MAX_THREADS : (int)cpus;
    return n > h ? h : n;
}

/* The zlib stream of all filtered rows, appended to out. */
static int encode_idat(const unsigned char *px, int w, int h, int ch, size_t stride, SBuf *out) {
    size_t n = (size_t)w * (size_t)ch;
    Band bands[PNG_MAX_THREADS];
    pthread_t tid[PNG_MAX_THREADS];
    int nb = band_count(n * (size_t)h, h), started[PNG_MAX_THREADS] = {0}, r = 0;
    for (int i = 0; i < nb; i++) {
        Band *b = &bands[i];
        *b = (Band){px,
                    stride,
                    n,
                    (int)((int64_t)h * i / nb),
                    (int)((int64_t)h * (i + 1) / nb),
                    ch,
                    nb > 1 ? 1 : 6,
                    i == nb - 1,
                    SBUF_INIT,
                    0,
                    0};
        if (i > 0) started[i] = pthread_create(&tid[i], NULL, band_run, b) == 0;
        if (i > 0 && !started[i]) band_run(b);
    }
    band_run(&bands[0]);
    uLong adler = bands[0].adler;
    if (sb_putn(out, "\x78\x01", 2)) r = -1;
    for (int i = 0; i < nb; i++) {
        Band *b = &bands[i];
        if (started[i]) pthread_join(tid[i], NULL);
        if (i > 0)
            adler = adler32_combine(adler, b->adler, (z_off_t)(b->y1 - b->y0) * (z_off_t)(n + 1));
        if (b->err || sb_putn(out, b->out.s, b->out.len)) r = -1;
        sb_free(&b->out);
    }
    unsigned char tail[4];
    put32(tail, (uint32_t)adler);
    return r || sb_putn(out, (const char *)tail, 4) ? -1 : 0;
}

static int encode(const unsigned char *px, int w, int h, int ch, size_t stride, SBuf *out) {
    static const unsigned char SIG[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static const unsigned char COLOUR[5] = {0, 0, 4, 2, 6};
    unsigned char ihdr[13];
    put32(ihdr, (uint32_t)w);
    put32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;
    ihdr[9] = COLOUR[ch];
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    if (sb_putn(out, (const char *)SIG, 8) || put_chunk(out, "IHDR", ihdr, 13)) return -1;
    SBuf z = SBUF_INIT;
    if (encode_idat(px, w, h, ch, stride, &z)) {
        sb_free(&z);
        return -1;
    }
    /* IDAT chunks of at most 1 GiB (a chunk length must stay below 2^31). */
    int r = 0;
    for (size_t off = 0; off < z.len && !r; off += 1u << 30) {
        size_t k = z.len - off < (1u << 30) ? z.len - off : 1u << 30;
        r = put_chunk(out, "IDAT", (const unsigned char *)z.s + off, (uint32_t)k);
    }
    sb_free(&z);
    return r || put_chunk(out, "IEND", NULL, 0) ? -1 : 0;
}

int png_encode(const unsigned char *px, int w, int h, int ch, size_t stride, SBuf *out) {
    if (w < 1 || h < 1 || ch < 1 || ch > 4 || (int64_t)w * h > PNG_MAX_PIXELS) return -2;
    size_t len = out->len;
    int r = encode(px, w, h, ch, stride, out);
    if (r) {
        out->len = len;
        if (out->s) out->s[len] = 0;
    }
    return r;
}

int png_base64(const unsigned char *p, size_t n, SBuf *out) {
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (sb_reserve(out, (n + 2) / 3 * 4)) return -1;
    char *o = out->s + out->len;
    size_t i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
        *o++ = A[v >> 18];
        *o++ = A[(v >> 12) & 63];
        *o++ = A[(v >> 6) & 63];
        *o++ = A[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);
        *o++ = A[v >> 18];
        *o++ = A[(v >> 12) & 63];
        *o++ = i + 1 < n ? A[(v >> 6) & 63] : '=';
        *o++ = '=';
    }
    out->len = (size_t)(o - out->s);
    out->s[out->len] = 0;
    return 0;
}
