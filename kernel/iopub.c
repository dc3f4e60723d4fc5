/* iopub.c: the publisher thread. Producers send tagged multipart messages over inproc:
 *   "M" + frames   a signed message ready for the PUB socket
 *   "S" name parent text   stream text to coalesce
 *   "F"            flush streams and answer "F" (main channel only)
 *   "Q"            flush everything and stop */
#include "iopub.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "log.h"

#define IOPUB_MAIN_EP "inproc://abacus-iopub-main"
#define IOPUB_OTHERS_EP "inproc://abacus-iopub-others"
#define IOPUB_STREAM_MAX (1 << 20) /* flush at once above this, to bound memory */

/* The stream text waiting to be published: one name, one parent. */
typedef struct iopub_pending {
    char name[16];
    json_t *parent;
    char *text;
    size_t len, cap;
    struct timespec first; /* when the burst began */
} iopub_pending;

static long ms_since(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

static void iopub_publish_msg(iopub *io, wire_msg *m) {
    if (wire_send(io->pub, &io->s->key, m))
        klog_error("iopub: send failed: %s", zmq_strerror(errno));
}

static void iopub_flush_pending(iopub *io, iopub_pending *p) {
    wire_msg m;
    if (!p->parent)
        return;
    json_t *content = json_object();
    if (content) {
        json_object_set_new(content, "name", json_string(p->name));
        json_object_set_new(content, "text", wire_string(p->text, p->len));
    }
    const char *topic = "stream";
    wire_frames ids = {0};
    if (content && !wire_frames_push(&ids, topic, strlen(topic)) &&
        !sess_build(io->s, &m, &ids, "stream", p->parent, NULL, content)) {
        iopub_publish_msg(io, &m);
        wire_msg_clear(&m);
    } else {
        klog_error("iopub: out of memory, stream text dropped");
    }
    wire_frames_clear(&ids);
    json_decref(p->parent);
    p->parent = NULL;
    p->len = 0;
}

static int same_parent(const json_t *a, const json_t *b) {
    const char *x = json_string_value(json_object_get(a, "msg_id"));
    const char *y = json_string_value(json_object_get(b, "msg_id"));
    return (!x && !y) || (x && y && strcmp(x, y) == 0);
}

/* frames: "S", name, parent JSON, text. */
static void iopub_add_stream(iopub *io, iopub_pending *p, const wire_frames *f) {
    if (f->n != 4 || f->v[1].len >= sizeof p->name)
        return;
    json_t *parent = json_loadb((const char *)f->v[2].data, f->v[2].len, 0, NULL);
    if (!parent)
        return;
    if (p->parent && (strlen(p->name) != f->v[1].len ||
                      memcmp(p->name, f->v[1].data, f->v[1].len) != 0 ||
                      !same_parent(p->parent, parent)))
        iopub_flush_pending(io, p);
    if (p->len + f->v[3].len > p->cap) {
        size_t cap = (p->len + f->v[3].len) * 2;
        char *t = realloc(p->text, cap);
        if (!t) {
            json_decref(parent);
            return;
        }
        p->text = t;
        p->cap = cap;
    }
    if (!p->parent) {
        memcpy(p->name, f->v[1].data, f->v[1].len);
        p->name[f->v[1].len] = 0;
        p->parent = parent;
        clock_gettime(CLOCK_MONOTONIC, &p->first);
    } else {
        json_decref(parent);
    }
    memcpy(p->text + p->len, f->v[3].data, f->v[3].len);
    p->len += f->v[3].len;
    if (p->len > IOPUB_STREAM_MAX)
        iopub_flush_pending(io, p);
}

/* Handles one tagged message; returns 1 when told to quit. */
static int iopub_handle(iopub *io, iopub_pending *p, void *from, wire_frames *f) {
    char tag = f->n > 0 && f->v[0].len == 1 ? (char)f->v[0].data[0] : '?';
    switch (tag) {
    case 'S':
        iopub_add_stream(io, p, f);
        return 0;
    case 'M':
        iopub_flush_pending(io, p);
        for (int i = 1; i < f->n; i++)
            zmq_send(io->pub, f->v[i].data, f->v[i].len, i + 1 < f->n ? ZMQ_SNDMORE : 0);
        return 0;
    case 'F':
        iopub_flush_pending(io, p);
        zmq_send(from, "F", 1, 0);
        return 0;
    case 'Q':
        iopub_flush_pending(io, p);
        return 1;
    default:
        klog_error("iopub: unknown internal message dropped");
        return 0;
    }
}

static void *iopub_thread(void *arg) {
    iopub *io = arg;
    iopub_pending p = {0};
    int quit = 0;
    while (!quit) {
        zmq_pollitem_t items[2] = {{io->from_main, 0, ZMQ_POLLIN, 0},
                                   {io->from_others, 0, ZMQ_POLLIN, 0}};
        long timeout = -1;
        if (p.parent) {
            timeout = IOPUB_STREAM_MS - ms_since(&p.first);
            if (timeout < 0)
                timeout = 0;
        }
        if (zmq_poll(items, 2, timeout) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (p.parent && ms_since(&p.first) >= IOPUB_STREAM_MS)
            iopub_flush_pending(io, &p);
        for (int i = 0; i < 2 && !quit; i++) {
            wire_frames f = {0};
            if (!(items[i].revents & ZMQ_POLLIN) ||
                wire_recv_frames(items[i].socket, &f, ZMQ_DONTWAIT))
                continue;
            quit = iopub_handle(io, &p, items[i].socket, &f);
            wire_frames_clear(&f);
        }
    }
    /* Whatever the other threads queued before they stopped still goes out. */
    for (wire_frames f = {0}; wire_recv_frames(io->from_others, &f, ZMQ_DONTWAIT) == 0;
         wire_frames_clear(&f))
        iopub_handle(io, &p, io->from_others, &f);
    iopub_flush_pending(io, &p);
    free(p.text);
    return NULL;
}

static void *iopub_socket(void *zctx, int type, const char *ep, int bind) {
    void *s = zmq_socket(zctx, type);
    int zero = 0;
    if (!s)
        return NULL;
    zmq_setsockopt(s, ZMQ_LINGER, &zero, sizeof zero);
    if ((bind ? zmq_bind(s, ep) : zmq_connect(s, ep)) == 0)
        return s;
    zmq_close(s);
    return NULL;
}

int iopub_start(iopub *io, void *zctx, void *pub, const sess *s, iopub_chan *main_chan,
                iopub_chan *other_chan) {
    memset(io, 0, sizeof *io);
    memset(main_chan, 0, sizeof *main_chan);
    memset(other_chan, 0, sizeof *other_chan);
    io->pub = pub;
    io->s = s;
    io->from_main = iopub_socket(zctx, ZMQ_PAIR, IOPUB_MAIN_EP, 1);
    io->from_others = iopub_socket(zctx, ZMQ_PULL, IOPUB_OTHERS_EP, 1);
    main_chan->sock = iopub_socket(zctx, ZMQ_PAIR, IOPUB_MAIN_EP, 0);
    other_chan->sock = iopub_socket(zctx, ZMQ_PUSH, IOPUB_OTHERS_EP, 0);
    main_chan->s = other_chan->s = s;
    main_chan->sync = 1;
    if (!io->from_main || !io->from_others || !main_chan->sock || !other_chan->sock)
        goto fail;
    if (pthread_create(&io->thread, NULL, iopub_thread, io))
        goto fail;
    io->running = 1;
    return 0;
fail:
    klog_error("iopub: cannot start the publisher: %s", zmq_strerror(errno));
    iopub_stop(io, main_chan, other_chan);
    return -1;
}

static void close_socket(void **s) {
    if (*s)
        zmq_close(*s);
    *s = NULL;
}

void iopub_stop(iopub *io, iopub_chan *main_chan, iopub_chan *other_chan) {
    if (io->running) {
        zmq_send(main_chan->sock, "Q", 1, 0);
        pthread_join(io->thread, NULL);
        io->running = 0;
    }
    /* Everything has been handed to ZeroMQ; give it a moment to reach the subscribers. */
    int linger = 1000;
    if (io->pub)
        zmq_setsockopt(io->pub, ZMQ_LINGER, &linger, sizeof linger);
    close_socket(&io->pub);
    close_socket(&io->from_main);
    close_socket(&io->from_others);
    close_socket(&main_chan->sock);
    close_socket(&other_chan->sock);
}

int iopub_send(iopub_chan *c, const char *msg_type, const json_t *parent, json_t *content) {
    wire_msg m;
    wire_frames ids = {0}, out = {0};
    int rc = -1;
    if (wire_frames_push(&ids, msg_type, strlen(msg_type))) {
        json_decref(content);
        return -1;
    }
    if (sess_build(c->s, &m, &ids, msg_type, parent, NULL, content))
        goto fail;
    if (wire_frames_push(&out, "M", 1) == 0 && wire_encode(&c->s->key, &m, &out) == 0)
        rc = wire_send_frames(c->sock, &out);
    wire_msg_clear(&m);
fail:
    wire_frames_clear(&ids);
    wire_frames_clear(&out);
    if (rc)
        klog_error("iopub: cannot queue %s", msg_type);
    c->pending_stream = 0; /* the publisher flushed streams before this message */
    return rc;
}

int iopub_status(iopub_chan *c, const json_t *parent, const char *state) {
    return iopub_send(c, "status", parent, json_pack("{s:s}", "execution_state", state));
}

int iopub_stream(iopub_chan *c, const json_t *parent, const char *name, const char *text,
                 size_t len) {
    char *pj = json_dumps(parent, JSON_COMPACT);
    int rc = -1;
    if (!pj)
        return -1;
    if (zmq_send(c->sock, "S", 1, ZMQ_SNDMORE) >= 0 &&
        zmq_send(c->sock, name, strlen(name), ZMQ_SNDMORE) >= 0 &&
        zmq_send(c->sock, pj, strlen(pj), ZMQ_SNDMORE) >= 0 &&
        zmq_send(c->sock, text, len, 0) >= 0)
        rc = 0;
    free(pj);
    c->pending_stream = 1;
    return rc;
}

void iopub_flush(iopub_chan *c) {
    char ack;
    if (!c->sync || !c->pending_stream)
        return;
    if (zmq_send(c->sock, "F", 1, 0) >= 0)
        zmq_recv(c->sock, &ack, 1, 0);
    c->pending_stream = 0;
}
