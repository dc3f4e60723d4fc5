/* sqlconn.c: connection URLs (parsed, and masked wherever they are shown), connecting and
 * reconnecting after the server went away, SQLError from the client library's errors, and
 * the watcher thread that cancels a running statement with KILL QUERY on an interrupt. */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "sqlint.h"

/* ---------------------------------------------------------------- URLs */

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* A malloc'd, percent-decoded copy of s[0..n). NULL when out of memory. */
static char *decode(const char *s, size_t n) {
    char *r = malloc(n + 1), *o = r;
    if (!r) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            *o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            *o++ = s[i];
        }
    }
    *o = 0;
    return r;
}

static int scheme_len(const char *t) {
    static const char *const schemes[] = {"mysql://", "mariadb://", NULL};
    for (int i = 0; schemes[i]; i++)
        if (!strncmp(t, schemes[i], strlen(schemes[i]))) return (int)strlen(schemes[i]);
    if (!strncmp(t, "mysql+", 6)) { /* mysql+mysqldb:// and friends, as SQLAlchemy writes them */
        const char *p = strstr(t, "://");
        if (p) return (int)(p - t) + 3;
    }
    return 0;
}

typedef struct UrlParam {
    const char *key;
    size_t off; /* of the char * field in SqlUrl */
} UrlParam;

static const UrlParam URL_PARAMS[] = {
    {"socket", offsetof(SqlUrl, socket)},
    {"unix_socket", offsetof(SqlUrl, socket)},
    {"charset", offsetof(SqlUrl, charset)},
    {"read_default_file", offsetof(SqlUrl, default_file)},
    {"read_default_group", offsetof(SqlUrl, default_group)},
    {"password_env", offsetof(SqlUrl, password_env)},
    {NULL, 0},
};

static int parse_query(VM *vm, const char *q, SqlUrl *u) {
    while (*q) {
        const char *amp = strchr(q, '&'), *end = amp ? amp : q + strlen(q);
        const char *eq = memchr(q, '=', (size_t)(end - q));
        if (!eq) {
            vm_raise(vm, vm->E.ValueError, "bad parameter in connection URL: %.*s",
                     (int)(end - q), q);
            return -1;
        }
        const UrlParam *p = URL_PARAMS;
        size_t kn = (size_t)(eq - q);
        while (p->key && (strlen(p->key) != kn || strncmp(p->key, q, kn))) p++;
        if (!p->key) {
            vm_raise(vm, vm->E.ValueError, "unknown parameter in connection URL: %.*s (known: "
                     "socket, charset, read_default_file, read_default_group, password_env)",
                     (int)kn, q);
            return -1;
        }
        char **field = (char **)((char *)u + p->off);
        free(*field);
        if (!(*field = decode(eq + 1, (size_t)(end - eq - 1)))) return vm_nomem(vm), -1;
        q = amp ? amp + 1 : end;
    }
    return 0;
}

/* host[:port] or [v6]:port */
static int parse_host(VM *vm, const char *h, size_t n, SqlUrl *u) {
    size_t hn = n;
    const char *colon = NULL;
    if (n && h[0] == '[') {
        const char *rb = memchr(h, ']', n);
        if (!rb) return vm_raise(vm, vm->E.ValueError, "bad host in connection URL"), -1;
        colon = rb + 1 < h + n && rb[1] == ':' ? rb + 1 : NULL;
        u->host = decode(h + 1, (size_t)(rb - h - 1));
    } else {
        colon = memchr(h, ':', n);
        hn = colon ? (size_t)(colon - h) : n;
        u->host = hn ? decode(h, hn) : strdup("localhost");
    }
    if (!u->host) return vm_nomem(vm), -1;
    if (colon) {
        char *end;
        long port = strtol(colon + 1, &end, 10);
        if (end != h + n || port <= 0 || port > 65535)
            return vm_raise(vm, vm->E.ValueError, "bad port in connection URL"), -1;
        u->port = (unsigned)port;
    }
    return 0;
}

/* The URL with the password (between user: and @) replaced by ***. */
static char *mask(const char *t, size_t scheme, const char *at) {
    SBuf b = SBUF_INIT;
    const char *colon = at ? memchr(t + scheme, ':', (size_t)(at - t - (ptrdiff_t)scheme)) : NULL;
    if (colon) sb_putn(&b, t, (size_t)(colon + 1 - t)), sb_puts(&b, "***"), sb_puts(&b, at);
    else sb_puts(&b, t);
    return b.s;
}

int sql_url_parse(VM *vm, const char *text, SqlUrl *u) {
    memset(u, 0, sizeof *u);
    int sl = scheme_len(text);
    if (!sl) {
        vm_raise(vm, vm->E.ValueError, "a connection URL starts with mysql:// "
                 "(mysql://user[:password]@host[:port]/db?socket=...)");
        return -1;
    }
    const char *auth = text + sl;
    size_t alen = strcspn(auth, "/?");
    const char *at = NULL;
    for (size_t i = 0; i < alen; i++)
        if (auth[i] == '@') at = auth + i;
    if (!(u->masked = mask(text, (size_t)sl, at))) goto nomem;
    if (at) {
        const char *colon = memchr(auth, ':', (size_t)(at - auth));
        u->user = decode(auth, (size_t)((colon ? colon : at) - auth));
        if (colon) u->password = decode(colon + 1, (size_t)(at - colon - 1));
        if (!u->user || (colon && !u->password)) goto nomem;
    }
    const char *h = at ? at + 1 : auth;
    if (parse_host(vm, h, (size_t)(auth + alen - h), u)) goto fail;
    const char *rest = auth + alen;
    if (*rest == '/') {
        size_t dn = strcspn(rest + 1, "?");
        if (dn && !(u->db = decode(rest + 1, dn))) goto nomem;
        rest += 1 + dn;
    }
    if (*rest == '?' && parse_query(vm, rest + 1, u)) goto fail;
    return 0;
nomem:
    vm_nomem(vm);
fail:
    sql_url_free(u);
    return -1;
}

void sql_url_free(SqlUrl *u) {
    char **fields[] = {&u->user, &u->password, &u->host, &u->db, &u->socket, &u->charset,
                       &u->default_file, &u->default_group, &u->password_env, &u->masked};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (*fields[i] && fields[i] == &u->password) memset(u->password, 0, strlen(u->password));
        free(*fields[i]);
        *fields[i] = NULL;
    }
}

/* ---------------------------------------------------------------- connecting */

/* The password to send: the URL's, else $password_env, else $MYSQL_PWD, else NULL (the
 * option files' [client] password, or none). */
static const char *password_of(const SqlUrl *u) {
    if (u->password) return u->password;
    if (u->password_env) return getenv(u->password_env);
    return getenv("MYSQL_PWD");
}

/* A connected handle for u, or NULL with the client's errno and message in err. Touches no
 * VM state: the watcher thread uses it too. */
static MYSQL *open_handle(const SqlUrl *u, unsigned timeout, unsigned *err, char *msg, size_t n) {
    MYSQL *my = mysql_init(NULL);
    if (!my) {
        *err = CR_OUT_OF_MEMORY;
        snprintf(msg, n, "out of memory");
        return NULL;
    }
    unsigned zero = 0;
    my_bool off = 0;
    mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_options(my, MYSQL_OPT_LOCAL_INFILE, &zero);
    mysql_options(my, MYSQL_OPT_RECONNECT, &off);
    mysql_options(my, MYSQL_SET_CHARSET_NAME, u->charset ? u->charset : "utf8mb4");
    if (u->default_file) mysql_options(my, MYSQL_READ_DEFAULT_FILE, u->default_file);
    mysql_options(my, MYSQL_READ_DEFAULT_GROUP, u->default_group ? u->default_group : "client");
    const char *host = u->host;
    if (u->socket) {
        unsigned proto = MYSQL_PROTOCOL_SOCKET;
        mysql_options(my, MYSQL_OPT_PROTOCOL, &proto);
        host = "localhost";
    }
    if (!mysql_real_connect(my, host, u->user, password_of(u), u->db, u->port, u->socket, 0)) {
        *err = mysql_errno(my);
        snprintf(msg, n, "%s", mysql_error(my));
        mysql_close(my);
        return NULL;
    }
    return my;
}

void sql_disconnect(SqlConn *c) {
    if (c->my) mysql_close(c->my);
    c->my = NULL;
    c->in_trans = 0;
}

static Value raise_sql(VM *vm, unsigned err, const char *state, const char *msg, const char *url,
                       const char *statement, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

int sql_connect(VM *vm, SqlConn *c) {
    sql_disconnect(c);
    unsigned err = 0;
    char msg[512];
    c->my = open_handle(&c->url, 10, &err, msg, sizeof msg);
    if (c->my) return 0;
    raise_sql(vm, err, "HY000", msg, c->url.masked, NULL, 0, "cannot connect to %s: ERROR %u: %s",
              c->url.masked, err, msg);
    return -1;
}

int sql_errno_lost(unsigned err) {
    return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST || err == CR_CONNECTION_ERROR
           || err == CR_CONN_HOST_ERROR || err == CR_SERVER_LOST_EXTENDED
           || err == ER_CONNECTION_KILLED;
}

int sql_ensure(VM *vm, SqlConn *c) {
    if (!c->my) return sql_connect(vm, c);
    SqlWatch *w = &SQLST(vm)->watch;
    sql_watch_begin(w, c);
    int r = mysql_ping(c->my);
    int killed = sql_watch_end(w);
    if (killed) return sql_interrupted(vm), -1;
    if (r == 0) return 0;
    unsigned err = mysql_errno(c->my);
    if (!sql_errno_lost(err)) {
        sql_raise_conn(vm, c, NULL, NULL, 0);
        return -1;
    }
    if (c->in_trans) {
        sql_disconnect(c);
        raise_sql(vm, err, "08S01", "server gone", c->url.masked, NULL, 0,
                  "lost the connection to %s with a transaction open: the server rolled it "
                  "back (the next statement reconnects)", c->url.masked);
        return -1;
    }
    return sql_connect(vm, c);
}

/* ---------------------------------------------------------------- errors */

Value sql_interrupted(VM *vm) {
    if (vm_check_interrupt(vm)) return ERRV; /* the flag still set: raises and clears it */
    Value e = exc_new(vm, vm->E.KeyboardInterrupt, v_null());
    if (IS_ERR(e)) return ERRV;
    vm_raise_value(vm, e);
    decref(e);
    return ERRV;
}

static int set_attr_str(VM *vm, DictObj *d, const char *k, const char *s, size_t n) {
    Value v = str_value(vm, s, n);
    if (IS_ERR(v)) return -1;
    int r = dict_set_str(vm, d, k, v);
    decref(v);
    return r;
}

/* The statement on one line, shortened for a message. */
static void one_line(SBuf *b, const char *s, size_t n) {
    int blank = 0;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            blank = 1;
            continue;
        }
        if (blank && shown) sb_putc(b, ' '), shown++;
        blank = 0;
        if (shown >= 300 && (c & 0xC0) != 0x80) {
            sb_puts(b, "...");
            return;
        }
        sb_putc(b, (char)c);
        shown++;
    }
}

static Value raise_sql(VM *vm, unsigned err, const char *state, const char *msg, const char *url,
                       const char *statement, size_t n, const char *fmt, ...) {
    SBuf b = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    SqlState *st = SQLST(vm);
    if (statement) {
        if (st && st->nstmts > 1)
            sb_printf(&b, "\nin statement %d of %d: ", st->stmt_index + 1, st->nstmts);
        else sb_puts(&b, "\nin statement: ");
        one_line(&b, statement, n);
    }
    vm_raise(vm, vm->E.SQLError, "%s", b.s ? b.s : "");
    sb_free(&b);
    ExcObj *e = AS(ExcObj, vm->exc);
    if (!IS_KIND(vm->exc, K_EXC) || (!e->attrs && !(e->attrs = dict_new(vm)))) return ERRV;
    dict_set_str(vm, e->attrs, "errno", v_int(err));
    set_attr_str(vm, e->attrs, "sqlstate", state, strlen(state));
    set_attr_str(vm, e->attrs, "msg", msg, strlen(msg));
    if (url) set_attr_str(vm, e->attrs, "url", url, strlen(url));
    if (statement) set_attr_str(vm, e->attrs, "statement", statement, n);
    if (statement && st) dict_set_str(vm, e->attrs, "index", v_int(st->stmt_index));
    return ERRV;
}

Value sql_raise_conn(VM *vm, SqlConn *c, MYSQL_STMT *stmt, const char *statement, size_t n) {
    unsigned err = stmt ? mysql_stmt_errno(stmt) : mysql_errno(c->my);
    char msg[1024], state[8];
    snprintf(msg, sizeof msg, "%s", stmt ? mysql_stmt_error(stmt) : mysql_error(c->my));
    snprintf(state, sizeof state, "%s", stmt ? mysql_stmt_sqlstate(stmt) : mysql_sqlstate(c->my));
    if (stmt) mysql_stmt_close(stmt);
    if (!sql_errno_lost(err))
        return raise_sql(vm, err, state, msg, c->url.masked, statement, n, "ERROR %u (%s): %s",
                         err, state, msg);
    int trans = c->in_trans;
    sql_disconnect(c);
    return raise_sql(vm, err, state, msg, c->url.masked, statement, n,
                     "lost the connection to %s: ERROR %u: %s%s (the next statement "
                     "reconnects)", c->url.masked, err, msg,
                     trans ? "; the open transaction was rolled back" : "");
}

/* ---------------------------------------------------------------- cancelling */

/* KILL QUERY id through a second connection. 0 when sent. */
static int kill_query(const SqlUrl *u, unsigned long id) {
    unsigned err;
    char msg[256], q[64];
    MYSQL *my = open_handle(u, 3, &err, msg, sizeof msg);
    if (!my) return -1;
    snprintf(q, sizeof q, "KILL QUERY %lu", id);
    int r = mysql_query(my, q);
    mysql_close(my);
    return r ? -1 : 0;
}

static void *watch_main(void *arg) {
    SqlWatch *w = arg;
    mysql_thread_init();
    pthread_mutex_lock(&w->mu);
    while (!w->quit) {
        if (!w->conn) {
            pthread_cond_wait(&w->cv, &w->mu);
            continue;
        }
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += 20 * 1000000L;
        if (ts.tv_nsec >= 1000000000L) ts.tv_sec++, ts.tv_nsec -= 1000000000L;
        pthread_cond_timedwait(&w->cv, &w->mu, &ts);
        if (!w->conn || w->killed || !w->vm->interrupt) continue;
        w->killed = w->killing = 1;
        const SqlConn *c = w->conn;
        unsigned long id = w->thread_id;
        int fd = w->fd;
        pthread_mutex_unlock(&w->mu);
        if (kill_query(&c->url, id) && fd >= 0) shutdown(fd, SHUT_RDWR);
        pthread_mutex_lock(&w->mu);
        w->killing = 0;
        pthread_cond_broadcast(&w->cv);
    }
    pthread_mutex_unlock(&w->mu);
    mysql_thread_end();
    return NULL;
}

int sql_watch_init(VM *vm, SqlWatch *w) {
    memset(w, 0, sizeof *w);
    w->vm = vm;
    w->fd = -1;
    if (pthread_mutex_init(&w->mu, NULL)) return -1;
    if (pthread_cond_init(&w->cv, NULL)) {
        pthread_mutex_destroy(&w->mu);
        return -1;
    }
    return 0;
}

void sql_watch_free(SqlWatch *w) {
    if (w->started) {
        pthread_mutex_lock(&w->mu);
        w->quit = 1;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
        pthread_join(w->th, NULL);
    }
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
}

/* The watcher takes no signals (SIGINT belongs to the kernel's signal thread): it starts with
 * every signal blocked. */
static void watch_start(SqlWatch *w) {
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    w->started = pthread_create(&w->th, NULL, watch_main, w) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void sql_watch_begin(SqlWatch *w, const SqlConn *c) {
    pthread_mutex_lock(&w->mu);
    if (!w->started) watch_start(w);
    w->conn = c;
    w->thread_id = mysql_thread_id(c->my);
    w->fd = (int)mysql_get_socket(c->my);
    w->killed = 0;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

int sql_watch_end(SqlWatch *w) {
    pthread_mutex_lock(&w->mu);
    while (w->killing) pthread_cond_wait(&w->cv, &w->mu);
    int killed = w->killed;
    w->conn = NULL;
    w->killed = 0;
    pthread_mutex_unlock(&w->mu);
    return killed;
}
