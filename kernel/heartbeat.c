/* heartbeat.c: echoes every heartbeat ping from its own thread, so a kernel busy in a long
 * cell still looks alive. Polls with a short timeout to notice shutdown. */
#include "heartbeat.h"

#include <errno.h>
#include <zmq.h>

#include "log.h"

#define HB_POLL_MS 100

static void *hb_thread(void *arg) {
    kernel *k = arg;
    while (!atomic_load(&k->stop)) {
        zmq_pollitem_t it = {k->hb, 0, ZMQ_POLLIN, 0};
        int rc = zmq_poll(&it, 1, HB_POLL_MS);
        if (rc < 0 && errno != EINTR)
            break;
        if (rc <= 0)
            continue;
        wire_frames f = {0};
        if (wire_recv_frames(k->hb, &f, ZMQ_DONTWAIT) == 0 && wire_send_frames(k->hb, &f))
            klog_error("heartbeat: echo failed: %s", zmq_strerror(errno));
        wire_frames_clear(&f);
    }
    return NULL;
}

int hb_start(kernel *k) {
    if (pthread_create(&k->hb_thr, NULL, hb_thread, k))
        return -1;
    k->hb_up = 1;
    return 0;
}

void hb_join(kernel *k) {
    if (k->hb_up)
        pthread_join(k->hb_thr, NULL);
    k->hb_up = 0;
}
