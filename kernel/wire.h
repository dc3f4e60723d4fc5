/* wire.h: the Jupyter wire format. The only module that touches routing identities, the
 * "<IDS|MSG>" delimiter, the HMAC-SHA256 signature and the four JSON frames (plus buffers);
 * also message ids (UUIDv4) and ISO 8601 dates. */
#ifndef WIRE_H
#define WIRE_H

#include <jansson.h>
#include <stddef.h>

#define WIRE_DELIM "<IDS|MSG>"

typedef struct wire_buf {
    unsigned char *data; /* owned */
    size_t len;
} wire_buf;

/* A list of frames: routing identities, raw buffers or a whole multipart message. */
typedef struct wire_frames {
    wire_buf *v;
    int n, cap;
} wire_frames;

typedef struct wire_key {
    const unsigned char *data; /* borrowed; len 0 means "do not sign, do not verify" */
    size_t len;
} wire_key;

/* A decoded message. Every json_t is an object owned by the message (never NULL once
 * decoded); ids are the frames before the delimiter (identities on ROUTER, topic on PUB). */
typedef struct wire_msg {
    wire_frames ids;
    json_t *header, *parent, *metadata, *content;
    wire_frames buffers;
} wire_msg;

/* Appends a copy of len bytes. Returns 0 or -1 when out of memory. */
int wire_frames_push(wire_frames *f, const void *data, size_t len);
/* Appends copies of every frame of src. Returns 0 or -1. */
int wire_frames_extend(wire_frames *f, const wire_frames *src);
void wire_frames_clear(wire_frames *f);
void wire_msg_clear(wire_msg *m);

/* HMAC-SHA256 over the four JSON frames in order, as lowercase hex in hex[65].
 * With an empty key hex is "" (the protocol's unsigned form). */
void wire_sign(const wire_key *k, const wire_buf parts[4], char hex[65]);

/* Splits a multipart message, checks its signature and parses the four JSON frames.
 * Returns 0, or -1 with the reason in why: no delimiter, too few frames, bad signature,
 * malformed JSON, a frame that is not an object, header without msg_id/msg_type/session.
 * On failure m is left empty. */
int wire_decode(const wire_frames *f, const wire_key *k, wire_msg *m, char *why, size_t n);
/* Builds the multipart form of m (ids, delimiter, signature, 4 JSON frames, buffers) into out,
 * which must be empty. NULL json members are sent as {}. Returns 0 or -1 (out of memory). */
int wire_encode(const wire_key *k, const wire_msg *m, wire_frames *out);

/* Socket helpers. wire_recv_frames returns 0, or -1 on a socket error (errno set, e.g. EAGAIN
 * with ZMQ_DONTWAIT, ETERM). wire_send_frames returns 0 or -1. */
int wire_recv_frames(void *sock, wire_frames *f, int flags);
int wire_send_frames(void *sock, const wire_frames *f);
/* Encodes and sends m. Returns 0 or -1. */
int wire_send(void *sock, const wire_key *k, const wire_msg *m);

/* A fresh UUIDv4 ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx") from libsodium's CSPRNG. */
void wire_new_id(char out[37]);
/* Now in UTC as "YYYY-MM-DDTHH:MM:SS.uuuuuuZ". */
void wire_now(char out[32]);
/* A JSON string from len bytes, with invalid UTF-8 replaced by U+FFFD. NULL if out of memory.*/
json_t *wire_string(const char *s, size_t len);

#endif
