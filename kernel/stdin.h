/* stdin.h: input() for a running cell: input_request out on the stdin socket, routed with the
 * shell request's identities, and the matching input_reply back. Main thread only. */
#ifndef STDIN_H
#define STDIN_H

#include "kernel.h"

/* Asks the frontend of req for a line. Returns a malloc'd string the caller frees, or NULL
 * with *why = 1 when interrupted (or the kernel is stopping), 0 when the socket failed. */
char *stdin_input(kernel *k, const wire_msg *req, const char *prompt, int password, int *why);

#endif
