/* wire.c: framing, signing and verification of Jupyter messages (messaging spec 5.4,
 * "The Wire Protocol"). Signatures use libsodium's HMAC-SHA256 and are compared in
 * constant time so a forger learns nothing from timing. */
#include "wire.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <zmq.h>

int wire_frames_push(wire_frames *f, const void *data, size_t len) {
    if (f->n == f->cap) {
        int cap = f->cap ? f->cap * 2 : 8;
        wire_buf *v = realloc(f->v, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        f->v = v;
        f->cap = cap;
    }
    unsigned char *copy = malloc(len ? len : 1);
    if (!copy)
        return -1;
    if (len)
        memcpy(copy, data, len);
    f->v[f->n].data = copy;
    f->v[f->n].len = len;
    f->n++;
    return 0;
}

int wire_frames_extend(wire_frames *f, const wire_frames *src) {
    for (int i = 0; src && i < src->n; i++)
        if (wire_frames_push(f, src->v[i].data, src->v[i].len))
            return -1;
    return 0;
}

void wire_frames_clear(wire_frames *f) {
    for (int i = 0; i < f->n; i++)
        free(f->v[i].data);
    free(f->v);
    f->v = NULL;
    f->n = f->cap = 0;
}

void wire_msg_clear(wire_msg *m) {
    wire_frames_clear(&m->ids);
    wire_frames_clear(&m->buffers);
    json_decref(m->header);
    json_decref(m->parent);
    json_decref(m->metadata);
    json_decref(m->content);
    m->header = m->parent = m->metadata = m->content = NULL;
}

void wire_sign(const wire_key *k, const wire_buf parts[4], char hex[65]) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    hex[0] = 0;
    if (!k || k->len == 0)
        return;
    crypto_auth_hmacsha256_init(&st, k->data, k->len);
    for (int i = 0; i < 4; i++)
        crypto_auth_hmacsha256_update(&st, parts[i].data, parts[i].len);
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(hex, 65, mac, sizeof mac);
    sodium_memzero(&st, sizeof st);
}

/* Constant-time check of the signature frame against our own HMAC of the four frames. */
static int wire_verify(const wire_key *k, const wire_buf *sig, const wire_buf parts[4]) {
    char want[65];
    if (!k || k->len == 0)
        return 0;
    if (sig->len != 64)
        return -1;
    wire_sign(k, parts, want);
    return sodium_memcmp(want, sig->data, 64) == 0 ? 0 : -1;
}

static json_t *wire_object(const wire_buf *b, const char *what, char *why, size_t n) {
    json_error_t jerr;
    json_t *v = json_loadb((const char *)b->data, b->len, 0, &jerr);
    if (!v) {
        snprintf(why, n, "malformed JSON in %s: %s", what, jerr.text);
        return NULL;
    }
    if (!json_is_object(v)) {
        snprintf(why, n, "%s is not a JSON object", what);
        json_decref(v);
        return NULL;
    }
    return v;
}

static int wire_header_ok(const json_t *h, char *why, size_t n) {
    static const char *const required[] = {"msg_id", "msg_type", "session"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        if (!json_is_string(json_object_get(h, required[i]))) {
            snprintf(why, n, "header field \"%s\" missing or not a string", required[i]);
            return -1;
        }
    return 0;
}

static int wire_find_delim(const wire_frames *f) {
    size_t dl = strlen(WIRE_DELIM);
    for (int i = 0; i < f->n; i++)
        if (f->v[i].len == dl && memcmp(f->v[i].data, WIRE_DELIM, dl) == 0)
            return i;
    return -1;
}

int wire_decode(const wire_frames *f, const wire_key *k, wire_msg *m, char *why, size_t n) {
    static const char *const names[4] = {"header", "parent_header", "metadata", "content"};
    json_t **slots[4] = {&m->header, &m->parent, &m->metadata, &m->content};
    memset(m, 0, sizeof *m);
    int d = wire_find_delim(f);
    if (d < 0) {
        snprintf(why, n, "no <IDS|MSG> delimiter among %d frames", f->n);
        goto fail;
    }
    if (f->n - d - 1 < 5) {
        snprintf(why, n, "wrong frame count: %d after the delimiter, need at least 5",
                 f->n - d - 1);
        goto fail;
    }
    const wire_buf *parts = &f->v[d + 2];
    if (wire_verify(k, &f->v[d + 1], parts)) {
        snprintf(why, n, "bad signature");
        goto fail;
    }
    for (int i = 0; i < 4; i++)
        if (!(*slots[i] = wire_object(&parts[i], names[i], why, n)))
            goto fail;
    if (wire_header_ok(m->header, why, n))
        goto fail;
    for (int i = 0; i < d; i++)
        if (wire_frames_push(&m->ids, f->v[i].data, f->v[i].len))
            goto oom;
    for (int i = d + 6; i < f->n; i++)
        if (wire_frames_push(&m->buffers, f->v[i].data, f->v[i].len))
            goto oom;
    return 0;
oom:
    snprintf(why, n, "out of memory");
fail:
    wire_msg_clear(m);
    return -1;
}

int wire_encode(const wire_key *k, const wire_msg *m, wire_frames *out) {
    const json_t *objs[4] = {m->header, m->parent, m->metadata, m->content};
    wire_buf parts[4] = {{0}};
    char sig[65];
    int rc = -1;
    for (int i = 0; i < 4; i++) {
        char *s = objs[i] ? json_dumps(objs[i], JSON_COMPACT) : strdup("{}");
        if (!s)
            goto fail;
        parts[i].data = (unsigned char *)s;
        parts[i].len = strlen(s);
    }
    wire_sign(k, parts, sig);
    if (wire_frames_extend(out, &m->ids) ||
        wire_frames_push(out, WIRE_DELIM, strlen(WIRE_DELIM)) ||
        wire_frames_push(out, sig, strlen(sig)))
        goto fail;
    for (int i = 0; i < 4; i++)
        if (wire_frames_push(out, parts[i].data, parts[i].len))
            goto fail;
    if (wire_frames_extend(out, &m->buffers))
        goto fail;
    rc = 0;
fail:
    for (int i = 0; i < 4; i++)
        free(parts[i].data);
    return rc;
}

int wire_recv_frames(void *sock, wire_frames *f, int flags) {
    int more = 1;
    while (more) {
        zmq_msg_t part;
        zmq_msg_init(&part);
        if (zmq_msg_recv(&part, sock, flags) < 0) {
            int e = errno;
            zmq_msg_close(&part);
            wire_frames_clear(f);
            errno = e;
            return -1;
        }
        flags &= ~ZMQ_DONTWAIT; /* the rest of a multipart message is already here */
        int rc = wire_frames_push(f, zmq_msg_data(&part), zmq_msg_size(&part));
        more = zmq_msg_more(&part);
        zmq_msg_close(&part);
        if (rc)
            return -1; /* out of memory: the remaining parts are dropped with the socket's queue */
    }
    return 0;
}

int wire_send_frames(void *sock, const wire_frames *f) {
    for (int i = 0; i < f->n; i++)
        if (zmq_send(sock, f->v[i].data, f->v[i].len, i + 1 < f->n ? ZMQ_SNDMORE : 0) < 0)
            return -1;
    return 0;
}

int wire_send(void *sock, const wire_key *k, const wire_msg *m) {
    wire_frames f = {0};
    int rc = wire_encode(k, m, &f) ? -1 : wire_send_frames(sock, &f);
    wire_frames_clear(&f);
    return rc;
}

void wire_new_id(char out[37]) {
    unsigned char b[16];
    static const char hexd[] = "0123456789abcdef";
    randombytes_buf(b, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* variant 10xx */
    char *p = out;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hexd[b[i] >> 4];
        *p++ = hexd[b[i] & 15];
    }
    *p = 0;
}

void wire_now(char out[32]) {
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    char tmp[128]; /* roomy: the compiler cannot prove the fields stay two digits wide */
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000);
    snprintf(out, 32, "%.31s", tmp);
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when it is invalid. */
static size_t utf8_seq(const unsigned char *s, size_t left) {
    size_t need;
    unsigned cp;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0)
        need = 2, cp = s[0] & 0x1f;
    else if ((s[0] & 0xf0) == 0xe0)
        need = 3, cp = s[0] & 0x0f;
    else if ((s[0] & 0xf8) == 0xf0)
        need = 4, cp = s[0] & 0x07;
    else
        return 0;
    if (need > left)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    static const unsigned minimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < minimum[need] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return need;
}

json_t *wire_string(const char *s, size_t len) {
    json_t *v = json_stringn(s, len);
    if (v)
        return v; /* the common case: already valid */
    char *fixed = malloc(len * 3 + 1);
    size_t o = 0;
    if (!fixed)
        return NULL;
    for (size_t i = 0; i < len;) {
        size_t k = utf8_seq((const unsigned char *)s + i, len - i);
        if (k == 0 || memchr(s + i, 0, k)) {
            memcpy(fixed + o, "\xef\xbf\xbd", 3);
            o += 3;
            i++;
        } else {
            memcpy(fixed + o, s + i, k);
            o += k;
            i += k;
        }
    }
    v = json_stringn(fixed, o);
    free(fixed);
    return v;
}
