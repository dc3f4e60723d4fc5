/* test_png.c: cmocka tests of runtime/display/png.c. Every image is decoded here with zlib
 * (chunk CRCs checked, IDAT inflated, filters undone) and compared with the input pixels. The
 * last test prints the encoder's throughput on a large photo-like image (no timed assertion). */
/* clang-format off: cmocka.h needs these first, in this order */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "display/png.h"

static uint32_t get32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c) {
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Decodes png (len bytes) into a malloc'd w*h*ch buffer; fails the test on any defect. */
static unsigned char *decode(const unsigned char *png, size_t len, int *w, int *h, int *ch,
                             int *filters_used) {
    static const unsigned char SIG[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assert_true(len > 8);
    assert_memory_equal(png, SIG, 8);
    size_t pos = 8, zlen = 0;
    unsigned char *z = malloc(len);
    int seen_end = 0, ctype = -1;
    while (pos + 12 <= len) {
        uint32_t n = get32(png + pos);
        const unsigned char *type = png + pos + 4;
        assert_true(pos + 12 + n <= len);
        uint32_t crc = (uint32_t)crc32(crc32(0, NULL, 0), type, 4 + n);
        assert_int_equal(crc, get32(png + pos + 8 + n));
        if (!memcmp(type, "IHDR", 4)) {
            assert_int_equal(n, 13);
            *w = (int)get32(type + 4);
            *h = (int)get32(type + 8);
            assert_int_equal(type[12], 8);
            ctype = type[13];
        } else if (!memcmp(type, "IDAT", 4)) {
            memcpy(z + zlen, type + 4, n);
            zlen += n;
        } else if (!memcmp(type, "IEND", 4)) {
            assert_int_equal(n, 0);
            seen_end = 1;
        }
        pos += 12 + n;
    }
    assert_true(seen_end);
    assert_int_equal(pos, len);
    *ch = ctype == 0 ? 1 : ctype == 4 ? 2 : ctype == 2 ? 3 : ctype == 6 ? 4 : 0;
    assert_true(*ch > 0);
    size_t rowlen = (size_t)*w * (size_t)*ch;
    uLongf rawlen = (uLongf)(rowlen + 1) * (uLongf)*h;
    unsigned char *raw = malloc(rawlen + 1);
    uLongf got = rawlen + 1;
    assert_int_equal(uncompress(raw, &got, z, zlen), Z_OK);
    assert_int_equal(got, rawlen);
    free(z);
    unsigned char *px = malloc(rowlen * (size_t)*h);
    for (int y = 0; y < *h; y++) {
        const unsigned char *f = raw + (size_t)y * (rowlen + 1);
        unsigned char *cur = px + (size_t)y * rowlen;
        const unsigned char *prev = y ? cur - rowlen : NULL;
        assert_true(f[0] <= 4);
        *filters_used |= 1 << f[0];
        for (size_t i = 0; i < rowlen; i++) {
            int a = i >= (size_t)*ch ? cur[i - (size_t)*ch] : 0, b = prev ? prev[i] : 0;
            int c = prev && i >= (size_t)*ch ? prev[i - (size_t)*ch] : 0;
            int pred = f[0] == 0   ? 0
                       : f[0] == 1 ? a
                       : f[0] == 2 ? b
                       : f[0] == 3 ? (a + b) / 2
                                   : paeth(a, b, c);
            cur[i] = (unsigned char)(f[1 + i] + pred);
        }
    }
    free(raw);
    return px;
}

/* Encodes, decodes and compares; returns the set of filters the encoder chose. */
static int roundtrip(const unsigned char *px, int w, int h, int ch, size_t stride) {
    SBuf out = SBUF_INIT;
    assert_int_equal(png_encode(px, w, h, ch, stride, &out), 0);
    int dw, dh, dch, filters = 0;
    unsigned char *dec = decode((unsigned char *)out.s, out.len, &dw, &dh, &dch, &filters);
    assert_int_equal(dw, w);
    assert_int_equal(dh, h);
    assert_int_equal(dch, ch);
    for (int y = 0; y < h; y++)
        assert_memory_equal(dec + (size_t)y * (size_t)w * (size_t)ch, px + (size_t)y * stride,
                            (size_t)w * (size_t)ch);
    free(dec);
    sb_free(&out);
    return filters;
}

static unsigned char *pattern(int w, int h, int ch, unsigned seed) {
    unsigned char *p = malloc((size_t)w * h * ch);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < ch; c++) {
                seed = seed * 1103515245u + 12345u;
                double v = 127.5 + 90 * sin(x * 0.07 + c) * cos(y * 0.05) + (seed >> 28);
                p[((size_t)y * w + x) * ch + c] = (unsigned char)v;
            }
    return p;
}

static void test_one_pixel(void **state) {
    (void)state;
    unsigned char g = 200, rgba[4] = {1, 2, 3, 4};
    roundtrip(&g, 1, 1, 1, 1);
    roundtrip(rgba, 1, 1, 4, 4);
    roundtrip(rgba, 1, 1, 3, 3);
    roundtrip(rgba, 1, 1, 2, 2);
}

static void test_every_channel_count(void **state) {
    (void)state;
    for (int ch = 1; ch <= 4; ch++) {
        unsigned char *p = pattern(37, 23, ch, (unsigned)ch);
        roundtrip(p, 37, 23, ch, (size_t)37 * ch);
        free(p);
    }
}

static void test_gradient_and_inverse(void **state) {
    (void)state;
    unsigned char p[16 * 256];
    for (int y = 0; y < 16; y++)
        for (int x = 0; x < 256; x++) p[y * 256 + x] = (unsigned char)(255 - x);
    int f = roundtrip(p, 256, 16, 1, 256);
    assert_true(f & (1 << 1 | 1 << 2 | 1 << 4)); /* a gradient never wants "None" everywhere */
}

static void test_filter_selection_varies(void **state) {
    (void)state;
    unsigned char *p = pattern(200, 120, 3, 7);
    int f = roundtrip(p, 200, 120, 3, 600);
    free(p);
    int kinds = 0;
    for (int k = 0; k < 5; k++) kinds += (f >> k) & 1;
    assert_true(kinds >= 2);
}

static void test_stride_larger_than_row(void **state) {
    (void)state;
    unsigned char *p = pattern(50, 30, 4, 3);
    unsigned char *q = calloc(30, 50 * 4 + 17);
    for (int y = 0; y < 30; y++) memcpy(q + y * (50 * 4 + 17), p + y * 200, 200);
    roundtrip(q, 50, 30, 4, 50 * 4 + 17);
    free(p);
    free(q);
}

static void test_bad_arguments(void **state) {
    (void)state;
    unsigned char px[4] = {0};
    SBuf out = SBUF_INIT;
    sb_puts(&out, "keep");
    assert_int_equal(png_encode(px, 0, 1, 1, 1, &out), -2);
    assert_int_equal(png_encode(px, 1, 0, 1, 1, &out), -2);
    assert_int_equal(png_encode(px, 1, 1, 5, 5, &out), -2);
    assert_int_equal(png_encode(px, 10000, 10000, 1, 10000, &out), -2); /* over the limit */
    assert_int_equal(out.len, 4);
    sb_free(&out);
}

static void test_base64(void **state) {
    (void)state;
    const char *in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    const char *want[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
    for (int i = 0; i < 7; i++) {
        SBuf b = SBUF_INIT;
        assert_int_equal(png_base64((const unsigned char *)in[i], strlen(in[i]), &b), 0);
        assert_string_equal(b.s ? b.s : "", want[i]);
        sb_free(&b);
    }
}

static double clock_of(clockid_t id) {
    struct timespec t;
    clock_gettime(id, &t);
    return (double)t.tv_sec + t.tv_nsec * 1e-9;
}

/* Encodes p three times and prints the best wall time and CPU time (all threads). */
static void measure(const char *what, const unsigned char *p, int w, int h, int ch) {
    SBuf out = SBUF_INIT;
    double wall = 1e9, cpu = 1e9;
    for (int rep = 0; rep < 3; rep++) {
        out.len = 0;
        double t0 = clock_of(CLOCK_MONOTONIC), c0 = clock_of(CLOCK_PROCESS_CPUTIME_ID);
        assert_int_equal(png_encode(p, w, h, ch, (size_t)w * ch, &out), 0);
        double t = clock_of(CLOCK_MONOTONIC) - t0, c = clock_of(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (t < wall) wall = t;
        if (c < cpu) cpu = c;
    }
    double mb = (double)w * h * ch / 1e6;
    printf("png_encode %s %dx%dx%d: %.1f MB of pixels, %.0f MB/s wall (%.3f s), "
           "%.0f MB/s per CPU second, %.1f MB of PNG\n",
           what, w, h, ch, mb, mb / wall, wall, mb / cpu, (double)out.len / 1e6);
    int dw, dh, dch, f = 0;
    unsigned char *dec = decode((unsigned char *)out.s, out.len, &dw, &dh, &dch, &f);
    assert_memory_equal(dec, p, (size_t)w * h * ch);
    free(dec);
    sb_free(&out);
}

/* 4000 x 3000 RGB (36 MB): a smooth image with 4 bits of noise, like a photo; then a smooth
 * colour-mapped field (what imshow of computed data gives). */
static void test_throughput(void **state) {
    (void)state;
    int w = 4000, h = 3000;
    unsigned char *p = pattern(w, h, 3, 11);
    measure("photo-like", p, w, h, 3);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            double v = 0.5 + 0.5 * sin(x * 0.003) * cos(y * 0.004);
            unsigned char *q = p + ((size_t)y * w + x) * 3;
            q[0] = (unsigned char)(255 * v);
            q[1] = (unsigned char)(255 * v * v);
            q[2] = (unsigned char)(255 * (1 - v));
        }
    measure("smooth", p, w, h, 3);
    free(p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_pixel),
        cmocka_unit_test(test_every_channel_count),
        cmocka_unit_test(test_gradient_and_inverse),
        cmocka_unit_test(test_filter_selection_varies),
        cmocka_unit_test(test_stride_larger_than_row),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_base64),
        cmocka_unit_test(test_throughput),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
