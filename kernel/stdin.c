/* stdin.c: the input_request/input_reply round trip. The wait polls in short slices so an
 * interrupt (SIGINT or interrupt_request) ends it with KeyboardInterrupt in the cell. */
#include "stdin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "log.h"

#define STDIN_POLL_MS 50

/* 1 when m answers the input_request whose msg_id is want. */
static int stdin_matches(const wire_msg *m, const char *want) {
    const char *pid = json_string_value(json_object_get(m->parent, "msg_id"));
    if (strcmp(sess_type(m), "input_reply") != 0) {
        klog_error("stdin: unexpected %s dropped", sess_type(m));
        return 0;
    }
    if (pid && strcmp(pid, want) != 0) {
        klog_error("stdin: input_reply to an earlier request dropped");
        return 0;
    }
    return 1;
}

static char *stdin_value(const wire_msg *m) {
    json_t *v = json_object_get(m->content, "value");
    const char *s = json_is_string(v) ? json_string_value(v) : "";
    return strdup(s);
}

char *stdin_input(kernel *k, const wire_msg *req, const char *prompt, int password, int *why) {
    wire_msg out;
    json_t *content = json_pack("{s:s, s:b}", "prompt", prompt ? prompt : "", "password",
                                password);
    *why = 0;
    if (sess_build(&k->s, &out, &req->ids, "input_request", req->header, NULL, content))
        return NULL;
    char want[64];
    snprintf(want, sizeof want, "%s", json_string_value(json_object_get(out.header, "msg_id")));
    iopub_flush(&k->chan); /* the prompt comes after what the cell printed */
    int rc = wire_send(k->stdin_sock, &k->s.key, &out);
    wire_msg_clear(&out);
    if (rc) {
        klog_error("stdin: cannot send input_request: %s", zmq_strerror(errno));
        return NULL;
    }
    while (!atomic_load(&k->interrupted) && !atomic_load(&k->stop)) {
        zmq_pollitem_t it = {k->stdin_sock, 0, ZMQ_POLLIN, 0};
        int n = zmq_poll(&it, 1, STDIN_POLL_MS);
        if (n < 0 && errno != EINTR)
            return NULL;
        wire_msg m;
        if (n <= 0 || kernel_recv(k, k->stdin_sock, "stdin", &m, ZMQ_DONTWAIT) != 0)
            continue;
        char *line = stdin_matches(&m, want) ? stdin_value(&m) : NULL;
        wire_msg_clear(&m);
        if (line)
            return line;
    }
    *why = 1;
    return NULL;
}
