/* control.h: the control channel's thread: interrupt, shutdown, kernel_info, debug. It runs
 * beside execution so an interrupt or shutdown reaches a busy kernel. */
#ifndef CONTROL_H
#define CONTROL_H

#include "kernel.h"

/* Starts the control thread on k->control. Returns 0 or -1. */
int control_start(kernel *k);
/* Joins the thread once k->stop is set. */
void control_join(kernel *k);

#endif
