/* iopub.h: the IOPub publisher. One thread owns the PUB socket; the shell (main) thread and
 * the control thread hand it messages over inproc sockets, so each thread's messages leave
 * in the order they were queued (all outputs of a request before its idle). Stream text is
 * coalesced here: one stream message per burst, at most every IOPUB_STREAM_MS. */
#ifndef IOPUB_H
#define IOPUB_H

#include <pthread.h>
#include <stddef.h>

#include "session.h"

#define IOPUB_STREAM_MS 50

/* One producer's end. Used by one thread only. */
typedef struct iopub_chan {
    void *sock;
    const sess *s;
    int sync;           /* 1 for the main channel: can wait for the publisher (flush) */
    int pending_stream; /* stream text queued since the last flush */
} iopub_chan;

typedef struct iopub {
    void *pub, *from_main, *from_others; /* owned by the publisher thread while it runs */
    const sess *s;
    pthread_t thread;
    int running;
} iopub;

/* Takes ownership of pub (a bound PUB socket), creates the inproc pair and pull sockets and
 * the two channels (main: synchronous, for the shell thread; other: for control), and starts
 * the thread. Returns 0, or -1 with nothing left running (pub is closed either way on -1). */
int iopub_start(iopub *io, void *zctx, void *pub, const sess *s, iopub_chan *main_chan,
                iopub_chan *other_chan);
/* Flushes everything queued, stops the thread and closes every socket, the two channels'
 * too. Call after every thread using other_chan has been joined. */
void iopub_stop(iopub *io, iopub_chan *main_chan, iopub_chan *other_chan);

/* Publishes msg_type with parent (borrowed, NULL → {}) and content (stolen). Pending stream
 * text of the same channel goes out first. Returns 0 or -1. */
int iopub_send(iopub_chan *c, const char *msg_type, const json_t *parent, json_t *content);
/* Publishes status execution_state for parent. */
int iopub_status(iopub_chan *c, const json_t *parent, const char *state);
/* Queues stream text (name "stdout"/"stderr") for coalescing. Returns 0 or -1. */
int iopub_stream(iopub_chan *c, const json_t *parent, const char *name, const char *text,
                 size_t len);
/* Waits until queued stream text has been published (main channel only; no-op otherwise or
 * when nothing is pending). Called before a reply so no output trails it. */
void iopub_flush(iopub_chan *c);

#endif
