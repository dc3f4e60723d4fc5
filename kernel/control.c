/* control.c: the control thread. Requests here never wait for a running cell:
 * interrupt_request calls ab_interrupt, shutdown_request replies and wakes the main loop. */
#include "control.h"

#include <errno.h>
#include <zmq.h>

#include "log.h"

#define CONTROL_POLL_MS 100

static void control_interrupt(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    kernel_interrupt(k);
    sess_reply(&k->s, sock, req, NULL, json_pack("{s:s}", "status", "ok"));
}

static void control_shutdown(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    kernel_shutdown_handler(k, sock, c, req);
    zmq_send(k->wake_ctl, "stop", 4, ZMQ_DONTWAIT); /* the main loop may be in zmq_poll */
}

/* The debugger protocol is not implemented: say so rather than leave the client waiting. */
static void control_debug(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    json_t *content = json_pack("{s:s, s:s, s:s, s:[]}", "status", "error", "ename",
                                "NotImplementedError", "evalue",
                                "Abacus has no debugger", "traceback");
    sess_reply(&k->s, sock, req, NULL, content);
}

static const kernel_route control_routes[] = {
    {"kernel_info_request", kernel_info_handler},
    {"shutdown_request", control_shutdown},
    {"interrupt_request", control_interrupt},
    {"debug_request", control_debug},
    {NULL, NULL},
};

static void *control_thread(void *arg) {
    kernel *k = arg;
    while (!atomic_load(&k->stop)) {
        zmq_pollitem_t it = {k->control, 0, ZMQ_POLLIN, 0};
        int rc = zmq_poll(&it, 1, CONTROL_POLL_MS);
        if (rc < 0 && errno != EINTR)
            break;
        if (rc <= 0)
            continue;
        wire_msg m;
        if (kernel_recv(k, k->control, "control", &m, ZMQ_DONTWAIT) != 0)
            continue;
        kernel_dispatch(k, k->control, &k->ctl_chan, control_routes, &m);
        wire_msg_clear(&m);
    }
    return NULL;
}

int control_start(kernel *k) {
    if (pthread_create(&k->control_thr, NULL, control_thread, k))
        return -1;
    k->control_up = 1;
    return 0;
}

void control_join(kernel *k) {
    if (k->control_up)
        pthread_join(k->control_thr, NULL);
    k->control_up = 0;
}
