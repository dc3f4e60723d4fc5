/* shell.h: the shell channel, served by the main thread: execution and the other requests
 * that need the interpreter (complete, inspect, is_complete, history, comm_*). */
#ifndef SHELL_H
#define SHELL_H

#include "kernel.h"

/* Serves k->shell until k->stop is set (by shutdown on either channel). */
void shell_loop(kernel *k);

#endif
