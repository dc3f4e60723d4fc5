/* kernel.h: the kernel's state, shared by its threads, and the request dispatch they all use.
 * Ownership: the main thread creates everything; each socket is then used by one thread only
 * (shell, stdin, wake_main: main; control, wake_ctl: control; hb: heartbeat). */
#ifndef KERNEL_H
#define KERNEL_H

#include <pthread.h>
#include <stdatomic.h>

#include "abacus.h"
#include "connection.h"
#include "iopub.h"
#include "session.h"

typedef struct hist_entry {
    int line;   /* execution_count of the cell */
    char *code; /* owned */
} hist_entry;

typedef struct kernel {
    conn_info conn;
    sess s;
    void *zctx;
    void *shell, *stdin_sock, *control, *hb;
    void *wake_main, *wake_ctl; /* inproc PAIR: control tells the main loop to stop */
    ab_runtime *rt;
    iopub io;
    iopub_chan chan;     /* main thread's channel to the publisher */
    iopub_chan ctl_chan; /* control thread's channel */
    atomic_int stop;        /* 1: every loop winds down */
    atomic_int restart;     /* the restart flag of the shutdown_request */
    atomic_int interrupted; /* set by SIGINT/interrupt_request; read by the stdin wait */
    int execution_count;
    /* Requests already queued when a cell failed with stop_on_error, taken off the socket
     * before the error reply so that none sent after it can be mistaken for queued ones. */
    wire_msg *queued;
    int nqueued;
    hist_entry *hist;
    int nhist, caphist;
    pthread_t control_thr, hb_thr, sig_thr;
    int control_up, hb_up, sig_up;
} kernel;

typedef void (*kernel_handler)(kernel *k, void *sock, iopub_chan *c, const wire_msg *req);
typedef struct kernel_route {
    const char *msg_type;
    kernel_handler fn;
} kernel_route;

/* Runs the kernel for the connection file at path until shutdown. Returns the process exit
 * status: 0 after a clean shutdown, 2 when the connection file is missing or invalid, 1 for
 * other start-up failures (a port that cannot be bound). */
int kernel_main(const char *conn_path);

/* Publishes busy, runs the route for req's msg_type from table (unknown types are logged and
 * ignored), publishes idle. Every reply and output of the handler comes before idle. */
void kernel_dispatch(kernel *k, void *sock, iopub_chan *c, const kernel_route *table,
                     const wire_msg *req);
/* Receives and decodes one message from sock; dropped messages are logged with their
 * reason. Returns 0 with m filled, 1 when a message was dropped, -1 on a socket error. */
int kernel_recv(kernel *k, void *sock, const char *chan_name, wire_msg *m, int flags);

/* Interrupts the running cell (and a pending input()). Safe from any thread. */
void kernel_interrupt(kernel *k);
/* Asks every loop to stop after replying; restart is echoed in the reply by the caller. */
void kernel_request_stop(kernel *k, int restart);

/* Handlers shared by shell and control. */
void kernel_info_handler(kernel *k, void *sock, iopub_chan *c, const wire_msg *req);
void kernel_shutdown_handler(kernel *k, void *sock, iopub_chan *c, const wire_msg *req);

#endif
