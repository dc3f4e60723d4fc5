/* log.c: one-line log records on stderr, prefixed with the level, for the kernel threads.
 * The level is read from the environment on every call instead of cached so there is no
 * mutable global; getenv is cheap next to a ZeroMQ round trip. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int klog_debug_on(void) {
    const char *v = getenv("ABACUS_LOG");
    return v && strcmp(v, "debug") == 0;
}

static void klog_line(const char *level, const char *fmt, va_list ap) {
    char line[1024];
    vsnprintf(line, sizeof line, fmt, ap);
    fprintf(stderr, "[abacus %s] %s\n", level, line); /* one call: lines never interleave */
}

void klog_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    klog_line("error", fmt, ap);
    va_end(ap);
}

void klog_debug(const char *fmt, ...) {
    if (!klog_debug_on())
        return;
    va_list ap;
    va_start(ap, fmt);
    klog_line("debug", fmt, ap);
    va_end(ap);
}
