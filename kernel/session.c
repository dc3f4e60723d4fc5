/* session.c: headers, parent headers and replies. Everything above the wire format that
 * every socket needs, so shell, control, stdin and iopub build messages the same way. */
#include "session.h"

#include <stdio.h>
#include <string.h>

void sess_init(sess *s, const unsigned char *key, size_t keylen) {
    s->key.data = key;
    s->key.len = keylen;
    wire_new_id(s->id);
    s->username = "abacus";
}

json_t *sess_header(const sess *s, const char *msg_type) {
    char id[37], date[32];
    wire_new_id(id);
    wire_now(date);
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "msg_id", id, "session", s->id,
                     "username", s->username, "date", date, "msg_type", msg_type, "version",
                     "5.4");
}

int sess_build(const sess *s, wire_msg *m, const wire_frames *ids, const char *msg_type,
               const json_t *parent, json_t *metadata, json_t *content) {
    memset(m, 0, sizeof *m);
    m->header = sess_header(s, msg_type);
    m->parent = parent ? json_deep_copy(parent) : json_object();
    m->metadata = metadata ? metadata : json_object();
    m->content = content ? content : json_object();
    if (!m->header || !m->parent || !m->metadata || !m->content || wire_frames_extend(&m->ids, ids))
        goto fail;
    return 0;
fail:
    wire_msg_clear(m);
    return -1;
}

int sess_send(const sess *s, void *sock, const wire_frames *ids, const char *msg_type,
              const json_t *parent, json_t *metadata, json_t *content) {
    wire_msg m;
    if (sess_build(s, &m, ids, msg_type, parent, metadata, content))
        return -1;
    int rc = wire_send(sock, &s->key, &m);
    wire_msg_clear(&m);
    return rc;
}

int sess_reply(const sess *s, void *sock, const wire_msg *req, json_t *metadata,
               json_t *content) {
    char type[128];
    const char *t = sess_type(req);
    size_t n = strlen(t);
    if (n > 8 && strcmp(t + n - 8, "_request") == 0)
        snprintf(type, sizeof type, "%.*s_reply", (int)(n - 8), t);
    else
        snprintf(type, sizeof type, "%s_reply", t);
    return sess_send(s, sock, &req->ids, type, req->header, metadata, content);
}

const char *sess_type(const wire_msg *m) {
    const char *t = json_string_value(json_object_get(m->header, "msg_type"));
    return t ? t : "";
}
