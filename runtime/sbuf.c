/* sbuf.c: the growable byte buffer of sbuf.h. */
#include "sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sb_reserve(SBuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) return -1;
        cap *= 2;
    }
    char *s = realloc(b->s, cap);
    if (!s) return -1;
    b->s = s;
    b->cap = cap;
    return 0;
}

int sb_putn(SBuf *b, const char *p, size_t n) {
    if (sb_reserve(b, n)) return -1;
    if (n) memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
    return 0;
}

int sb_puts(SBuf *b, const char *p) { return sb_putn(b, p, strlen(p)); }

int sb_putc(SBuf *b, char c) { return sb_putn(b, &c, 1); }

int sb_fill(SBuf *b, char c, size_t n) {
    if (sb_reserve(b, n)) return -1;
    memset(b->s + b->len, c, n);
    b->len += n;
    b->s[b->len] = 0;
    return 0;
}

int sb_vprintf(SBuf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || sb_reserve(b, (size_t)n)) return -1;
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int sb_printf(SBuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

char *sb_take(SBuf *b) {
    char *s = b->s;
    if (!s) s = calloc(1, 1);
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sb_free(SBuf *b) {
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
