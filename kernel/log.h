/* log.h: the kernel's log on stderr. Errors and dropped messages always appear;
 * ABACUS_LOG=debug adds one line per message handled. Thread-safe (one fprintf per line). */
#ifndef KLOG_H
#define KLOG_H

/* Always printed: something went wrong or a message was dropped (say why). */
void klog_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Printed only when ABACUS_LOG=debug. */
void klog_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* 1 when ABACUS_LOG=debug, so callers can skip building expensive log text. */
int klog_debug_on(void);

#endif
