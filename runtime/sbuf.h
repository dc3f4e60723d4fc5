/* sbuf.h: a growable byte buffer shared by the runtime's formatters.
 * The buffer owns s (malloc'd, always NUL-terminated once anything was written).
 * Every append returns 0, or -1 when memory ran out (the buffer is unchanged then). */
#ifndef SBUF_H
#define SBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct SBuf {
    char *s;
    size_t len, cap;
} SBuf;

#define SBUF_INIT {NULL, 0, 0}

int sb_reserve(SBuf *b, size_t extra);
int sb_putn(SBuf *b, const char *p, size_t n);
int sb_puts(SBuf *b, const char *p);
int sb_putc(SBuf *b, char c);
int sb_printf(SBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sb_vprintf(SBuf *b, const char *fmt, va_list ap);
/* Appends c n times. */
int sb_fill(SBuf *b, char c, size_t n);
/* Hands the string over to the caller (never NULL: "" when empty) and resets the buffer. */
char *sb_take(SBuf *b);
void sb_free(SBuf *b);

#endif
