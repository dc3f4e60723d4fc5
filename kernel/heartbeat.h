/* heartbeat.h: the heartbeat thread, a REP echo that execution never blocks. */
#ifndef HB_H
#define HB_H

#include "kernel.h"

/* Starts the thread on k->hb. Returns 0 or -1. */
int hb_start(kernel *k);
/* Joins the thread once k->stop is set. */
void hb_join(kernel *k);

#endif
