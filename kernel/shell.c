/* shell.c: the shell channel's message handlers (a table msg_type → handler) and the sink
 * that turns a running cell's output into IOPub messages. Runs on the main thread, which is
 * the only thread that touches the interpreter apart from ab_interrupt. */
#include "shell.h"

#include <errno.h>
#include <fnmatch.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "log.h"
#include "stdin.h"

#define SHELL_POLL_MS 200
#define QUEUE_GRACE_MS 10
#define QUEUE_GRACE_TOTAL_MS 200
#define HISTORY_SESSION 1 /* history lives in memory: this kernel's run is session 1 */

/* What the sink callbacks need to know about the request being executed. */
typedef struct exec_ctx {
    kernel *k;
    const wire_msg *req;
    int silent;
    int allow_stdin;
} exec_ctx;

static json_t *shell_get(const wire_msg *m, const char *key) {
    return json_object_get(m->content, key);
}

static int shell_flag(const wire_msg *m, const char *key, int dflt) {
    json_t *v = shell_get(m, key);
    return json_is_boolean(v) ? json_is_true(v) : dflt;
}

static const char *shell_str(const wire_msg *m, const char *key) {
    const char *s = json_string_value(shell_get(m, key));
    return s ? s : "";
}

/* ---- mime bundles ---- */

static int mime_is_binary(const char *type) {
    return strncmp(type, "image/", 6) == 0 && strcmp(type, "image/svg+xml") != 0;
}

static json_t *mime_value(const ab_mime *mi) {
    if (mime_is_binary(mi->type)) {
        size_t n = sodium_base64_encoded_len(mi->len, sodium_base64_VARIANT_ORIGINAL);
        char *b64 = malloc(n);
        if (!b64)
            return NULL;
        sodium_bin2base64(b64, n, (const unsigned char *)mi->data, mi->len,
                          sodium_base64_VARIANT_ORIGINAL);
        json_t *v = json_string(b64);
        free(b64);
        return v;
    }
    if (strcmp(mi->type, "application/json") == 0) {
        json_t *v = json_loadb(mi->data, mi->len, JSON_DECODE_ANY, NULL);
        if (v)
            return v;
    }
    return wire_string(mi->data, mi->len);
}

/* Fills data and metadata (new objects) from b; image sizes go in metadata[type]. */
static void bundle_json(const ab_bundle *b, json_t **data, json_t **metadata) {
    *data = json_object();
    *metadata = json_object();
    for (int i = 0; b && i < b->n; i++) {
        json_object_set_new(*data, b->items[i].type, mime_value(&b->items[i]));
        if (mime_is_binary(b->items[i].type) && b->width > 0 && b->height > 0)
            json_object_set_new(*metadata, b->items[i].type,
                                json_pack("{s:i, s:i}", "width", b->width, "height",
                                          b->height));
    }
}

/* ---- the sink ---- */

static void sink_stream(void *ctx, const char *name, const char *text, size_t len) {
    exec_ctx *x = ctx;
    if (!x->silent && len > 0)
        iopub_stream(&x->k->chan, x->req->header, name, text, len);
}

static void sink_display(void *ctx, const ab_bundle *b, const char *display_id, int update) {
    exec_ctx *x = ctx;
    json_t *data, *md;
    if (x->silent)
        return;
    bundle_json(b, &data, &md);
    json_t *content = json_pack("{s:o, s:o, s:{}}", "data", data, "metadata", md, "transient");
    if (content && display_id)
        json_object_set_new(json_object_get(content, "transient"), "display_id",
                            json_string(display_id));
    iopub_send(&x->k->chan, update && display_id ? "update_display_data" : "display_data",
               x->req->header, content);
}

static void sink_clear(void *ctx, int wait) {
    exec_ctx *x = ctx;
    if (!x->silent)
        iopub_send(&x->k->chan, "clear_output", x->req->header,
                   json_pack("{s:b}", "wait", wait));
}

static char *sink_input(void *ctx, const char *prompt, int password, int *why) {
    exec_ctx *x = ctx;
    if (!x->allow_stdin) {
        *why = 0;
        return NULL;
    }
    return stdin_input(x->k, x->req, prompt, password, why);
}

/* ---- execute ---- */

static void history_add(kernel *k, int line, const char *code) {
    if (k->nhist == k->caphist) {
        int cap = k->caphist ? k->caphist * 2 : 64;
        hist_entry *h = realloc(k->hist, (size_t)cap * sizeof *h);
        if (!h)
            return;
        k->hist = h;
        k->caphist = cap;
    }
    char *copy = strdup(code);
    if (!copy)
        return;
    k->hist[k->nhist].line = line;
    k->hist[k->nhist].code = copy;
    k->nhist++;
}

static json_t *traceback_json(const ab_outcome *o) {
    json_t *tb = json_array();
    for (int i = 0; i < o->ntraceback; i++)
        json_array_append_new(tb, wire_string(o->traceback[i], strlen(o->traceback[i])));
    return tb;
}

static json_t *error_fields(const ab_outcome *o, const char *status) {
    const char *en = o->ename ? o->ename : "Error", *ev = o->evalue ? o->evalue : "";
    return json_pack("{s:s, s:o, s:o, s:o}", "status", status, "ename",
                     wire_string(en, strlen(en)), "evalue", wire_string(ev, strlen(ev)),
                     "traceback", traceback_json(o));
}

/* user_expressions: each value evaluated after the cell, as {status, data, metadata}. */
static json_t *user_expressions(kernel *k, const wire_msg *req) {
    json_t *out = json_object(), *exprs = shell_get(req, "user_expressions");
    const char *name;
    json_t *expr;
    if (!json_is_object(exprs))
        return out;
    json_object_foreach(exprs, name, expr) {
        ab_outcome o = {0};
        json_t *r, *data, *md;
        ab_eval(k->rt, json_is_string(expr) ? json_string_value(expr) : "", &o);
        if (o.ok) {
            bundle_json(&o.result, &data, &md);
            r = json_pack("{s:s, s:o, s:o}", "status", "ok", "data", data, "metadata", md);
        } else {
            r = error_fields(&o, "error");
        }
        json_object_set_new(out, name, r);
        ab_outcome_clear(&o);
    }
    return out;
}

/* Takes every request already queued on the shell socket into k->queued. Requests a client
 * pipelined arrive within a few milliseconds of each other, so wait while they keep coming. */
static void shell_take_queue(kernel *k) {
    long waited = 0;
    while (waited < QUEUE_GRACE_TOTAL_MS) {
        zmq_pollitem_t it = {k->shell, 0, ZMQ_POLLIN, 0};
        if (zmq_poll(&it, 1, QUEUE_GRACE_MS) <= 0)
            break;
        waited += QUEUE_GRACE_MS / 2;
        wire_msg m;
        int rc = kernel_recv(k, k->shell, "shell", &m, ZMQ_DONTWAIT);
        if (rc < 0)
            break;
        if (rc == 1)
            continue;
        wire_msg *q = realloc(k->queued, (size_t)(k->nqueued + 1) * sizeof *q);
        if (!q) {
            klog_error("shell: out of memory, queued %s dropped", sess_type(&m));
            wire_msg_clear(&m);
            continue;
        }
        k->queued = q;
        k->queued[k->nqueued++] = m;
    }
}

static void shell_execute(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    exec_ctx x = {k, req, shell_flag(req, "silent", 0), shell_flag(req, "allow_stdin", 0)};
    ab_sink sink = {&x, sink_stream, sink_display, sink_clear, sink_input};
    const char *code = shell_str(req, "code");
    int store = !x.silent && shell_flag(req, "store_history", 1);
    ab_outcome out = {0};
    char started[32], cell[32];
    wire_now(started);
    if (store) {
        k->execution_count++;
        history_add(k, k->execution_count, code);
    }
    int count = k->execution_count;
    if (!x.silent)
        iopub_send(c, "execute_input", req->header,
                   json_pack("{s:s, s:i}", "code", code, "execution_count", count));
    snprintf(cell, sizeof cell, "Cell In[%d]", count);
    atomic_store(&k->interrupted, 0);
    ab_exec(k->rt, code, cell, 1, &sink, &out);
    json_t *reply, *data, *md;
    if (out.ok) {
        if (!x.silent && out.result.n > 0) {
            bundle_json(&out.result, &data, &md);
            iopub_send(c, "execute_result", req->header,
                       json_pack("{s:i, s:o, s:o}", "execution_count", count, "data", data,
                                 "metadata", md));
        }
        reply = json_pack("{s:s, s:o}", "status", "ok", "user_expressions",
                          user_expressions(k, req));
    } else {
        json_t *err = error_fields(&out, "error");
        json_object_del(err, "status");
        iopub_send(c, "error", req->header, json_deep_copy(err));
        reply = error_fields(&out, "error");
        json_object_set_new(reply, "user_expressions", json_object());
        json_decref(err);
    }
    json_object_set_new(reply, "execution_count", json_integer(count));
    json_object_set_new(reply, "payload", json_array());
    if (!out.ok && shell_flag(req, "stop_on_error", 1))
        shell_take_queue(k);
    ab_outcome_clear(&out);
    iopub_flush(c);
    sess_reply(&k->s, sock, req, json_pack("{s:s, s:s}", "started", started, "status",
                                           json_string_value(json_object_get(reply, "status"))),
               reply);
}

/* ---- the other requests ---- */

/* Byte offset of code point cp in s (cursor_pos counts Unicode code points). */
static size_t utf8_offset(const char *s, long cp) {
    size_t i = 0;
    for (; s[i] && cp > 0; cp--)
        for (i++; ((unsigned char)s[i] & 0xc0) == 0x80; i++)
            ;
    return i;
}

static long utf8_count(const char *s, size_t bytes) {
    long n = 0;
    for (size_t i = 0; i < bytes && s[i]; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

static size_t shell_cursor(const wire_msg *req, const char *code) {
    json_t *v = shell_get(req, "cursor_pos");
    return json_is_integer(v) ? utf8_offset(code, (long)json_integer_value(v)) : strlen(code);
}

static void shell_complete(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    const char *code = shell_str(req, "code");
    size_t cur = shell_cursor(req, code);
    ab_matches m = {0};
    ab_complete(k->rt, code, cur, &m);
    json_t *items = json_array();
    for (int i = 0; i < m.n; i++)
        json_array_append_new(items, wire_string(m.items[i], strlen(m.items[i])));
    size_t len = strlen(code);
    long start = utf8_count(code, m.n ? (m.start < len ? m.start : len) : cur);
    long end = utf8_count(code, m.n ? (m.end < len ? m.end : len) : cur);
    ab_matches_clear(&m);
    sess_reply(&k->s, sock, req, NULL,
               json_pack("{s:s, s:o, s:i, s:i, s:{}}", "status", "ok", "matches", items,
                         "cursor_start", (json_int_t)start, "cursor_end", (json_int_t)end,
                         "metadata"));
}

static void shell_inspect(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    const char *code = shell_str(req, "code");
    json_t *lvl = shell_get(req, "detail_level");
    int detail = json_is_integer(lvl) && json_integer_value(lvl) > 0;
    ab_bundle b = {0};
    json_t *data, *md;
    int found = ab_inspect(k->rt, code, shell_cursor(req, code), detail, &b) == 1;
    bundle_json(found ? &b : NULL, &data, &md);
    ab_bundle_clear(&b);
    sess_reply(&k->s, sock, req, NULL,
               json_pack("{s:s, s:b, s:o, s:o}", "status", "ok", "found", found, "data", data,
                         "metadata", md));
}

static void shell_is_complete(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    char indent[128] = "";
    const char *st = ab_is_complete(k->rt, shell_str(req, "code"), indent, sizeof indent);
    json_t *content = json_pack("{s:s}", "status", st ? st : "unknown");
    if (st && strcmp(st, "incomplete") == 0)
        json_object_set_new(content, "indent", json_string(indent));
    sess_reply(&k->s, sock, req, NULL, content);
}

static json_t *history_item(const hist_entry *h, int output) {
    if (output)
        return json_pack("[i, i, [s, n]]", HISTORY_SESSION, h->line, h->code);
    return json_pack("[i, i, s]", HISTORY_SESSION, h->line, h->code);
}

static int history_seen(const json_t *list, const char *code, int output) {
    size_t i;
    json_t *it;
    json_array_foreach(list, i, it) {
        json_t *in = json_array_get(it, 2);
        if (output)
            in = json_array_get(in, 0);
        if (strcmp(json_string_value(in), code) == 0)
            return 1;
    }
    return 0;
}

/* search: newest first up to n matches of the glob, then returned oldest first. */
static json_t *history_search(kernel *k, const wire_msg *req, int output) {
    json_t *found = json_array(), *n = shell_get(req, "n");
    const char *pat = json_is_string(shell_get(req, "pattern")) ? shell_str(req, "pattern") : "*";
    long limit = json_is_integer(n) ? (long)json_integer_value(n) : -1;
    int unique = shell_flag(req, "unique", 0);
    for (int i = k->nhist - 1; i >= 0 && (limit < 0 || (long)json_array_size(found) < limit);
         i--) {
        if (fnmatch(pat, k->hist[i].code, 0) != 0)
            continue;
        if (unique && history_seen(found, k->hist[i].code, output))
            continue;
        json_array_insert_new(found, 0, history_item(&k->hist[i], output));
    }
    return found;
}

static json_t *history_range(kernel *k, const wire_msg *req, int output) {
    json_t *list = json_array(), *st = shell_get(req, "start"), *sp = shell_get(req, "stop");
    json_t *se = shell_get(req, "session");
    long session = json_is_integer(se) ? (long)json_integer_value(se) : 0;
    long start = json_is_integer(st) ? (long)json_integer_value(st) : 1;
    long stop = json_is_integer(sp) ? (long)json_integer_value(sp) : -1;
    if (session != 0 && session != HISTORY_SESSION) /* 0: the current session */
        return list;
    for (int i = 0; i < k->nhist; i++)
        if (k->hist[i].line >= start && (stop < 0 || k->hist[i].line < stop))
            json_array_append_new(list, history_item(&k->hist[i], output));
    return list;
}

static json_t *history_tail(kernel *k, const wire_msg *req, int output) {
    json_t *list = json_array(), *n = shell_get(req, "n");
    long want = json_is_integer(n) ? (long)json_integer_value(n) : 10;
    for (int i = want > k->nhist ? 0 : k->nhist - (int)want; want > 0 && i < k->nhist; i++)
        json_array_append_new(list, history_item(&k->hist[i], output));
    return list;
}

static void shell_history(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    const char *type = shell_str(req, "hist_access_type");
    int output = shell_flag(req, "output", 0);
    json_t *list;
    if (strcmp(type, "tail") == 0)
        list = history_tail(k, req, output);
    else if (strcmp(type, "range") == 0)
        list = history_range(k, req, output);
    else if (strcmp(type, "search") == 0)
        list = history_search(k, req, output);
    else
        list = json_array();
    sess_reply(&k->s, sock, req, NULL,
               json_pack("{s:s, s:o}", "status", "ok", "history", list));
}

static void shell_comm_info(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)c;
    sess_reply(&k->s, sock, req, NULL, json_pack("{s:s, s:{}}", "status", "ok", "comms"));
}

/* No comm targets exist: close the comm at once so the frontend does not wait on it. */
static void shell_comm_open(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)k, (void)sock;
    klog_debug("comm_open for unknown target \"%s\": closing it", shell_str(req, "target_name"));
    iopub_send(c, "comm_close", req->header,
               json_pack("{s:s, s:{}}", "comm_id", shell_str(req, "comm_id"), "data"));
}

static void shell_ignore(kernel *k, void *sock, iopub_chan *c, const wire_msg *req) {
    (void)k, (void)sock, (void)c;
    klog_debug("%s for an unknown comm ignored", sess_type(req));
}

static const kernel_route shell_routes[] = {
    {"execute_request", shell_execute},
    {"kernel_info_request", kernel_info_handler},
    {"complete_request", shell_complete},
    {"inspect_request", shell_inspect},
    {"is_complete_request", shell_is_complete},
    {"history_request", shell_history},
    {"comm_info_request", shell_comm_info},
    {"comm_open", shell_comm_open},
    {"comm_msg", shell_ignore},
    {"comm_close", shell_ignore},
    {"shutdown_request", kernel_shutdown_handler},
    {NULL, NULL},
};

/* After a failed cell with stop_on_error, the execute_requests that were queued behind it
 * are answered "aborted" without running; anything else queued is served as usual, in order.*/
static void shell_abort_queue(kernel *k) {
    for (int i = 0; i < k->nqueued; i++) {
        wire_msg *m = &k->queued[i];
        if (strcmp(sess_type(m), "execute_request") == 0) {
            iopub_status(&k->chan, m->header, "busy");
            sess_reply(&k->s, k->shell, m, json_pack("{s:s}", "status", "aborted"),
                       json_pack("{s:s, s:i}", "status", "aborted", "execution_count",
                                 k->execution_count));
            iopub_status(&k->chan, m->header, "idle");
        } else {
            kernel_dispatch(k, k->shell, &k->chan, shell_routes, m);
        }
        wire_msg_clear(m);
    }
    free(k->queued);
    k->queued = NULL;
    k->nqueued = 0;
}

void shell_loop(kernel *k) {
    while (!atomic_load(&k->stop)) {
        zmq_pollitem_t items[2] = {{k->shell, 0, ZMQ_POLLIN, 0},
                                   {k->wake_main, 0, ZMQ_POLLIN, 0}};
        int rc = zmq_poll(items, 2, SHELL_POLL_MS);
        if (rc < 0 && errno != EINTR) {
            klog_error("shell: poll failed: %s", zmq_strerror(errno));
            break;
        }
        if (rc <= 0 || !(items[0].revents & ZMQ_POLLIN))
            continue; /* a wake-up only means: look at k->stop */
        wire_msg m;
        if (kernel_recv(k, k->shell, "shell", &m, ZMQ_DONTWAIT) != 0)
            continue;
        kernel_dispatch(k, k->shell, &k->chan, shell_routes, &m);
        wire_msg_clear(&m);
        if (k->nqueued)
            shell_abort_queue(k);
    }
}
