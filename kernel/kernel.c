/* kernel.c: start-up and shutdown of the kernel (sockets, threads, signals), the busy/idle
 * dispatch every request goes through, and the handlers both shell and control answer. */
#include "kernel.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "control.h"
#include "heartbeat.h"
#include "log.h"
#include "shell.h"

#define SIG_POLL_MS 100

void kernel_interrupt(kernel *k) {
    atomic_store(&k->interrupted, 1);
    ab_interrupt(k->rt);
}

void kernel_request_stop(kernel *k, int restart) {
    atomic_store(&k->restart, restart);
    atomic_store(&k->stop, 1);
}

int kernel_recv(kernel *k, void *sock, const char *chan_name, wire_msg *m, int flags) {
    wire_frames f = {0};
    char why[256];
    if (wire_recv_frames(sock, &f, flags))
        return -1;
    int rc = wire_decode(&f, &k->s.key, m, why, sizeof why);
    wire_frames_clear(&f);
    if (rc) {
        klog_error("%s: message dropped: %s", chan_name, why);
        return 1;
    }
    klog_debug("%s: %s", chan_name, sess_type(m));
    return 0;
}

void kernel_dispatch(kernel *k, void *sock, iopub_chan *c, const kernel_route *table,
                     const wire_msg *req) {
    const char *type = sess_type(req);
    iopub_status(c, req->header, "busy");
    const kernel_route *r = table;
    while (r->msg_type && strcmp(r->msg_type, type) != 0)
        r++;
    if (r->fn)
        r->fn(k, sock, c, req);
    else
        klog_error("message of unknown type \"%s\" ignored", type);
    iopub_flush(c);
    iopub_status(c, req->header, "idle");
}

void kernel_info_handler(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    json_t *content = json_pack(
        "{s:s, s:s, s:s, s:s, s:{s:s, s:s, s:s, s:s, s:{s:s, s:i}, s:s, s:s}, s:s, s:[], "
        "s:b}",
        "status", "ok", "protocol_version", "5.4", "implementation", "abacus",
        "implementation_version", ABACUS_VERSION, "language_info", "name", "python", "version",
        ABACUS_VERSION, "mimetype", "text/x-python", "file_extension", ".py",
        "codemirror_mode", "name", "ipython", "version", 3, "pygments_lexer", "ipython3",
        "nbconvert_exporter", "python", "banner",
        "Abacus " ABACUS_VERSION " -- a Jupyter kernel in C: Python subset, arrays and SQL",
        "help_links", "debugger", 0);
    sess_reply(&k->s, sock, req, NULL, content);
}

void kernel_shutdown_handler(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    int restart = json_is_true(json_object_get(req->content, "restart"));
    sess_reply(&k->s, sock, req, NULL,
               json_pack("{s:s, s:b}", "status", "ok", "restart", restart));
    kernel_request_stop(k, restart);
    kernel_interrupt(k); /* a running cell must not hold the shutdown up */
}

/* SIGINT is blocked in every thread and taken here with sigtimedwait, so the interrupt
 * needs no global state and may safely call anything. */
static void *kernel_sig_thread(void *arg) {
    kernel *k = arg;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    struct timespec ts = {0, SIG_POLL_MS * 1000000L};
    while (!atomic_load(&k->stop)) {
        if (sigtimedwait(&set, NULL, &ts) == SIGINT) {
            klog_debug("SIGINT: interrupting");
            kernel_interrupt(k);
        }
    }
    return NULL;
}

/* Threads that libraries start before main runs (OpenBLAS's pool) keep SIGINT unblocked, so
 * the signal can land in one of them: this handler passes it on to the signal thread. The
 * thread id is the one piece of global state, written before the handler is installed. */
static pthread_t sig_thread_id;

static void forward_sigint(int sig) { pthread_kill(sig_thread_id, sig); }

static void install_sigint_forwarder(pthread_t thr) {
    sig_thread_id = thr;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward_sigint;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

static void *kernel_socket(kernel *k, int type, int port, const char *what) {
    char ep[512];
    int zero = 0;
    void *s = zmq_socket(k->zctx, type);
    if (!s)
        return NULL;
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    if (port >= 0) {
        conn_endpoint(&k->conn, port, ep, sizeof ep);
        if (zmq_bind(s, ep)) {
            klog_error("cannot bind the %s socket to %s: %s", what, ep, zmq_strerror(errno));
            zmq_close(s);
            return NULL;
        }
    }
    return s;
}

static int kernel_sockets(kernel *k, void **pub) {
    k->shell = kernel_socket(k, ZMQ_ROUTER, k->conn.shell_port, "shell");
    k->control = kernel_socket(k, ZMQ_ROUTER, k->conn.control_port, "control");
    k->stdin_sock = kernel_socket(k, ZMQ_ROUTER, k->conn.stdin_port, "stdin");
    k->hb = kernel_socket(k, ZMQ_REP, k->conn.hb_port, "heartbeat");
    *pub = kernel_socket(k, ZMQ_PUB, k->conn.iopub_port, "iopub");
    k->wake_main = kernel_socket(k, ZMQ_PAIR, -1, "wake");
    k->wake_ctl = kernel_socket(k, ZMQ_PAIR, -1, "wake");
    if (!k->shell || !k->control || !k->stdin_sock || !k->hb || !*pub || !k->wake_main ||
        !k->wake_ctl)
        return -1;
    if (zmq_bind(k->wake_main, "inproc://abacus-wake") ||
        zmq_connect(k->wake_ctl, "inproc://abacus-wake"))
        return -1;
    return 0;
}

static int kernel_threads(kernel *k) {
    if (hb_start(k) || control_start(k))
        return -1;
    if (pthread_create(&k->sig_thr, NULL, kernel_sig_thread, k))
        return -1;
    k->sig_up = 1;
    install_sigint_forwarder(k->sig_thr);
    return 0;
}

static void kernel_close(void **s) {
    if (*s)
        zmq_close(*s);
    *s = NULL;
}

static void kernel_teardown(kernel *k, int io_up) {
    atomic_store(&k->stop, 1);
    hb_join(k);
    control_join(k);
    if (k->sig_up) {
        signal(SIGINT, SIG_IGN); /* the forwarder's target is about to go */
        pthread_join(k->sig_thr, NULL);
    }
    k->sig_up = 0;
    if (io_up)
        iopub_stop(&k->io, &k->chan, &k->ctl_chan);
    /* The last reply on control (shutdown_reply) must still leave: a short linger there. */
    int linger = 500;
    if (k->control)
        zmq_setsockopt(k->control, ZMQ_LINGER, &linger, sizeof linger);
    void **socks[] = {&k->shell, &k->control, &k->stdin_sock, &k->hb, &k->wake_main,
                      &k->wake_ctl};
    for (size_t i = 0; i < sizeof socks / sizeof socks[0]; i++)
        kernel_close(socks[i]);
    if (k->zctx)
        zmq_ctx_term(k->zctx);
    for (int i = 0; i < k->nhist; i++)
        free(k->hist[i].code);
    free(k->hist);
    if (k->rt)
        ab_free(k->rt);
    conn_clear(&k->conn);
}

int kernel_main(const char *conn_path) {
    kernel *k = calloc(1, sizeof *k);
    char err[512];
    void *pub = NULL;
    int status = 1, io_up = 0;
    if (!k) {
        fprintf(stderr, "abacus: out of memory\n");
        return 1;
    }
    if (conn_load(conn_path, &k->conn, err, sizeof err)) {
        fprintf(stderr, "abacus: %s\n", err);
        free(k);
        return 2;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL); /* before any thread exists, ZeroMQ's included */
    sess_init(&k->s, k->conn.key, k->conn.keylen);
    k->rt = ab_new();
    k->zctx = zmq_ctx_new();
    if (!k->rt || !k->zctx)
        goto fail;
    ab_set_colour(k->rt, 1);
    if (kernel_sockets(k, &pub))
        goto fail;
    io_up = iopub_start(&k->io, k->zctx, pub, &k->s, &k->chan, &k->ctl_chan) == 0;
    pub = NULL; /* owned (and on failure closed) by iopub */
    if (!io_up)
        goto fail;
    iopub_status(&k->chan, NULL, "starting");
    if (kernel_threads(k))
        goto fail;
    klog_debug("kernel ready (session %s)", k->s.id);
    shell_loop(k);
    status = 0;
fail:
    if (status)
        klog_error("kernel start-up failed");
    if (pub)
        zmq_close(pub);
    kernel_teardown(k, io_up);
    free(k);
    return status;
}
