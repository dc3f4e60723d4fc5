/* connection.h: the Jupyter connection file (transport, ip, five ports, key, scheme).
 * Parsed once at start-up; the kernel reads the struct afterwards and never changes it. */
#ifndef CONN_H
#define CONN_H

#include <stddef.h>

typedef struct conn_info {
    char transport[8];         /* "tcp" or "ipc" */
    char ip[256];              /* tcp: address; ipc: path prefix of the socket files */
    int shell_port, iopub_port, stdin_port, control_port, hb_port;
    char signature_scheme[32]; /* only "hmac-sha256" is accepted */
    unsigned char *key;        /* owned; NUL-terminated; keylen 0 means unsigned messages */
    size_t keylen;
    char kernel_name[128];     /* optional, "" when absent */
} conn_info;

/* Parses len bytes of JSON into ci. Returns 0, or -1 with a one-line reason in err.
 * On success ci owns memory that conn_clear frees; on failure nothing is left to free. */
int conn_parse(const char *json, size_t len, conn_info *ci, char *err, size_t errn);
/* Reads and parses the file at path. Same contract as conn_parse. */
int conn_load(const char *path, conn_info *ci, char *err, size_t errn);
/* The ZeroMQ endpoint for port: "tcp://ip:port" or "ipc://ip-port" (jupyter_client's form). */
void conn_endpoint(const conn_info *ci, int port, char *buf, size_t n);
void conn_clear(conn_info *ci);

#endif
