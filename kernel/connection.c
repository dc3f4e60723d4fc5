/* connection.c: reads the connection file jupyter_client writes (connect.py's fields) and
 * validates every field, so a bad file is refused with one clear line instead of a
 * half-bound kernel. */
#include "connection.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct port_field {
    const char *name;
    size_t offset;
} port_field;

static const port_field port_fields[] = {
    {"shell_port", offsetof(conn_info, shell_port)},
    {"iopub_port", offsetof(conn_info, iopub_port)},
    {"stdin_port", offsetof(conn_info, stdin_port)},
    {"control_port", offsetof(conn_info, control_port)},
    {"hb_port", offsetof(conn_info, hb_port)},
};

/* Copies the optional string field name into dst; a missing field keeps dflt. */
static int conn_string(json_t *root, const char *name, const char *dflt, char *dst, size_t n,
                       char *err, size_t errn) {
    json_t *v = json_object_get(root, name);
    const char *s = dflt;
    if (v) {
        if (!json_is_string(v)) {
            snprintf(err, errn, "connection file: \"%s\" must be a string", name);
            return -1;
        }
        s = json_string_value(v);
    }
    if (strlen(s) >= n) {
        snprintf(err, errn, "connection file: \"%s\" is too long", name);
        return -1;
    }
    memcpy(dst, s, strlen(s) + 1);
    return 0;
}

static int conn_ports(json_t *root, conn_info *ci, char *err, size_t errn) {
    for (size_t i = 0; i < sizeof port_fields / sizeof port_fields[0]; i++) {
        json_t *v = json_object_get(root, port_fields[i].name);
        if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 65535) {
            snprintf(err, errn, "connection file: \"%s\" must be an integer port (0-65535)",
                     port_fields[i].name);
            return -1;
        }
        *(int *)((char *)ci + port_fields[i].offset) = (int)json_integer_value(v);
    }
    return 0;
}

static int conn_fields(json_t *root, conn_info *ci, char *err, size_t errn) {
    if (conn_string(root, "transport", "tcp", ci->transport, sizeof ci->transport, err, errn) ||
        conn_string(root, "ip", "127.0.0.1", ci->ip, sizeof ci->ip, err, errn) ||
        conn_string(root, "signature_scheme", "hmac-sha256", ci->signature_scheme,
                    sizeof ci->signature_scheme, err, errn) ||
        conn_string(root, "kernel_name", "", ci->kernel_name, sizeof ci->kernel_name, err,
                    errn) ||
        conn_ports(root, ci, err, errn))
        return -1;
    if (strcmp(ci->transport, "tcp") != 0 && strcmp(ci->transport, "ipc") != 0) {
        snprintf(err, errn, "connection file: transport \"%s\" is not supported (tcp or ipc)",
                 ci->transport);
        return -1;
    }
    if (strcmp(ci->signature_scheme, "hmac-sha256") != 0) {
        snprintf(err, errn,
                 "connection file: signature_scheme \"%s\" is not supported "
                 "(Abacus signs with hmac-sha256 only)",
                 ci->signature_scheme);
        return -1;
    }
    if (!ci->ip[0]) {
        snprintf(err, errn, "connection file: \"ip\" is empty");
        return -1;
    }
    return 0;
}

static int conn_key(json_t *root, conn_info *ci, char *err, size_t errn) {
    json_t *v = json_object_get(root, "key");
    const char *s = "";
    if (v) {
        if (!json_is_string(v)) {
            snprintf(err, errn, "connection file: \"key\" must be a string");
            return -1;
        }
        s = json_string_value(v);
    }
    ci->keylen = json_is_string(v) ? json_string_length(v) : 0;
    ci->key = malloc(ci->keylen + 1);
    if (!ci->key) {
        snprintf(err, errn, "connection file: out of memory");
        return -1;
    }
    memcpy(ci->key, s, ci->keylen);
    ci->key[ci->keylen] = 0;
    return 0;
}

int conn_parse(const char *json, size_t len, conn_info *ci, char *err, size_t errn) {
    json_error_t jerr;
    memset(ci, 0, sizeof *ci);
    json_t *root = json_loadb(json, len, 0, &jerr);
    if (!root) {
        snprintf(err, errn, "connection file: invalid JSON at line %d: %s", jerr.line, jerr.text);
        goto fail;
    }
    if (!json_is_object(root)) {
        snprintf(err, errn, "connection file: top level must be a JSON object");
        goto fail;
    }
    if (conn_fields(root, ci, err, errn) || conn_key(root, ci, err, errn))
        goto fail;
    json_decref(root);
    return 0;
fail:
    json_decref(root);
    conn_clear(ci);
    return -1;
}

int conn_load(const char *path, conn_info *ci, char *err, size_t errn) {
    char *text = NULL;
    size_t len = 0, cap = 0;
    FILE *f = fopen(path, "rb");
    memset(ci, 0, sizeof *ci);
    if (!f) {
        snprintf(err, errn, "cannot open connection file %s: %s", path, strerror(errno));
        return -1;
    }
    for (;;) {
        if (len == cap) {
            char *t = realloc(text, cap = cap ? cap * 2 : 4096);
            if (!t) {
                snprintf(err, errn, "cannot read connection file %s: out of memory", path);
                goto fail;
            }
            text = t;
        }
        size_t got = fread(text + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        snprintf(err, errn, "cannot read connection file %s: %s", path, strerror(errno));
        goto fail;
    }
    fclose(f);
    f = NULL;
    int rc = conn_parse(text, len, ci, err, errn);
    free(text);
    return rc;
fail:
    if (f)
        fclose(f);
    free(text);
    return -1;
}

void conn_endpoint(const conn_info *ci, int port, char *buf, size_t n) {
    if (strcmp(ci->transport, "ipc") == 0)
        snprintf(buf, n, "ipc://%s-%d", ci->ip, port);
    else
        snprintf(buf, n, "tcp://%s:%d", ci->ip, port);
}

void conn_clear(conn_info *ci) {
    free(ci->key);
    ci->key = NULL;
    ci->keylen = 0;
}
