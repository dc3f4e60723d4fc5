/* session.h: who we are on the wire (session id, username, key) and how a reply is built
 * from a request: a fresh header, the request's header as parent, its identities. */
#ifndef SESS_H
#define SESS_H

#include "wire.h"

typedef struct sess {
    wire_key key;
    char id[37];          /* this kernel's session id (UUIDv4) */
    const char *username; /* "abacus" */
} sess;

/* Initialises s with a new session id; key is borrowed for the session's lifetime. */
void sess_init(sess *s, const unsigned char *key, size_t keylen);
/* A new header object for msg_type (msg_id, session, username, date, msg_type, version).
 * NULL when out of memory. The caller owns it. */
json_t *sess_header(const sess *s, const char *msg_type);
/* Builds a message: header for msg_type, parent (borrowed; NULL → {}), metadata and content
 * (stolen; NULL → {}), identities copied from ids (may be NULL). Returns 0 or -1; on -1 m is
 * empty. m is cleared by wire_msg_clear. */
int sess_build(const sess *s, wire_msg *m, const wire_frames *ids, const char *msg_type,
               const json_t *parent, json_t *metadata, json_t *content);
/* sess_build + wire_send on sock. Steals metadata and content. Returns 0 or -1. */
int sess_send(const sess *s, void *sock, const wire_frames *ids, const char *msg_type,
              const json_t *parent, json_t *metadata, json_t *content);
/* sess_send of the reply to req on sock: "x_request" → "x_reply", req's ids and header. */
int sess_reply(const sess *s, void *sock, const wire_msg *req, json_t *metadata,
               json_t *content);
/* The request's msg_type (never NULL: decoded messages always have one). */
const char *sess_type(const wire_msg *m);

#endif
