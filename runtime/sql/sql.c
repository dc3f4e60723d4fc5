/* sql.c: the SQL layer's entry points and its magics. `%sql [options] [URL|alias] [SQL]` and
 * `%%sql [x <<] [URL|alias] [options]` + statements: options and connections here, each
 * statement through sqlexec.c, every result but the last published as it comes, the last one
 * the magic's value (or stored in x).
 *
 * Options: --connections (-l) lists the connections, passwords masked; --close (-x) [name]
 * closes one (the current by default); --alias (-A) NAME names the connection being opened;
 * --displaylimit N sets how many rows a table shows (0: all). `$NAME` in place of a URL reads
 * the URL from environment variable NAME; with no connection open, statements go to
 * $ABACUS_SQL_URL when it is set. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../display/display.h"
#include "sqlint.h"

static pthread_once_t library_once = PTHREAD_ONCE_INIT;
static void library_init(void) { mysql_library_init(0, NULL, NULL); }

/* ---------------------------------------------------------------- connections */

static void conn_free(SqlConn *c) {
    sql_disconnect(c);
    sql_url_free(&c->url);
    free(c->alias);
    free(c);
}

static SqlConn *find_conn(SqlState *st, const char *name) {
    for (int i = 0; i < st->nconns; i++) {
        SqlConn *c = st->conns[i];
        if ((c->alias && !strcmp(c->alias, name)) || !strcmp(c->url.masked, name)) return c;
    }
    return NULL;
}

static void remove_conn(SqlState *st, SqlConn *c) {
    for (int i = 0; i < st->nconns; i++)
        if (st->conns[i] == c) {
            memmove(st->conns + i, st->conns + i + 1, (size_t)(st->nconns - i - 1) * sizeof c);
            st->nconns--;
            break;
        }
    if (st->cur == c) st->cur = NULL;
    conn_free(c);
}

static int same_secret(const SqlUrl *a, const SqlUrl *b) {
    if (!a->password || !b->password) return a->password == b->password;
    return !strcmp(a->password, b->password);
}

/* The password of a URL typed into the cell, overwritten with '*' in the cell's source so
 * that tracebacks never quote it. */
static void mask_source(VM *vm, const char *token) {
    const char *sep = strstr(token, "://");
    if (!vm->frame || !vm->frame->code->src || !sep) return;
    const char *auth = sep + 3, *end = auth + strcspn(auth, "/?"), *at = NULL;
    for (const char *p = auth; p < end; p++)
        if (*p == '@') at = p;
    const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
    if (!colon || colon + 1 == at) return;
    Source *src = vm->frame->code->src;
    size_t tn = strlen(token), off = (size_t)(colon + 1 - token), pn = (size_t)(at - colon - 1);
    for (char *p = src->text; p && (p = memmem(p, src->len - (size_t)(p - src->text), token, tn));
         p += tn)
        memset(p + off, '*', pn);
}

/* Opens url (or switches to the connection already open for it) under alias. */
static SqlConn *open_conn(VM *vm, SqlState *st, const char *url, const char *alias) {
    SqlConn *c = calloc(1, sizeof *c);
    if (!c) return vm_nomem(vm), NULL;
    mask_source(vm, url);
    if (sql_url_parse(vm, url, &c->url)) {
        free(c);
        return NULL;
    }
    SqlConn *old = find_conn(st, alias ? alias : c->url.masked);
    if (old && !strcmp(old->url.masked, c->url.masked) && same_secret(&old->url, &c->url)) {
        conn_free(c);
        return st->cur = old;
    }
    if (alias && !(c->alias = strdup(alias))) {
        conn_free(c);
        return vm_nomem(vm), NULL;
    }
    if (sql_connect(vm, c)) {
        conn_free(c);
        return NULL;
    }
    if (old) remove_conn(st, old);
    if (st->nconns == st->cap) {
        int cap = st->cap ? st->cap * 2 : 4;
        SqlConn **p = realloc(st->conns, (size_t)cap * sizeof *p);
        if (!p) {
            conn_free(c);
            return vm_nomem(vm), NULL;
        }
        st->conns = p;
        st->cap = cap;
    }
    st->conns[st->nconns++] = c;
    return st->cur = c;
}

static Value list_conns(VM *vm, SqlState *st) {
    SBuf o = SBUF_INIT;
    if (!st->nconns) sb_puts(&o, "No connections.\n");
    for (int i = 0; i < st->nconns; i++) {
        const SqlConn *c = st->conns[i];
        sb_printf(&o, "%s %s", st->cur == c ? "*" : " ", c->url.masked);
        if (c->alias) sb_printf(&o, "  (alias %s)", c->alias);
        sb_puts(&o, c->my ? "\n" : "  [disconnected]\n");
    }
    vm_write(vm, "stdout", o.s ? o.s : "", o.len);
    sb_free(&o);
    return v_none();
}

static Value close_conn(VM *vm, SqlState *st, const char *name) {
    SqlConn *c = name ? find_conn(st, name) : st->cur;
    if (!c) {
        if (name) return vm_raise(vm, vm->E.SQLError, "no connection named %s", name);
        return vm_raise(vm, vm->E.SQLError, "no connection to close");
    }
    remove_conn(st, c);
    return v_none();
}

/* ---------------------------------------------------------------- options */

typedef struct Opts {
    int list, close, limit_set;
    long limit;
    char *close_name, *alias, *url, *target, *use;
    const char *rest; /* what follows the options: SQL for the line magic */
} Opts;

static void opts_free(Opts *o) {
    free(o->close_name), free(o->alias), free(o->url), free(o->target), free(o->use);
}

static const char *skip_blank(const char *p) {
    while (*p && isspace((unsigned char)*p)) p++;
    return p;
}

/* The whitespace-delimited token at p: a malloc'd copy, *next after it. */
static char *token(const char *p, const char **next) {
    size_t n = 0;
    while (p[n] && !isspace((unsigned char)p[n])) n++;
    *next = p + n;
    return strndup(p, n);
}

static int is_option(const char *p) {
    return (p[0] == '-' && p[1] == '-' && isalpha((unsigned char)p[2]))
           || (p[0] == '-' && p[1] && strchr("lxA", p[1])
               && (!p[2] || isspace((unsigned char)p[2])));
}

static int is_url(const char *p) {
    return !strncmp(p, "mysql://", 8) || !strncmp(p, "mariadb://", 10) || !strncmp(p, "mysql+", 6)
           || (p[0] == '$' && (isalpha((unsigned char)p[1]) || p[1] == '_'));
}

/* `name <<` at p: the name, or NULL. */
static char *target_at(const char *p, const char **next) {
    size_t n = 0;
    while (isalnum((unsigned char)p[n]) || p[n] == '_') n++;
    if (!n || isdigit((unsigned char)p[0])) return NULL;
    const char *q = skip_blank(p + n);
    if (q[0] != '<' || q[1] != '<') return NULL;
    *next = q + 2;
    return strndup(p, n);
}

static int parse_option(VM *vm, Opts *o, const char *opt, const char **p) {
    const char *q = skip_blank(*p);
    int has_arg = *q && !is_option(q);
    if (!strcmp(opt, "--connections") || !strcmp(opt, "-l")) {
        o->list = 1;
        return 0;
    }
    if (!strcmp(opt, "--close") || !strcmp(opt, "-x")) {
        o->close = 1;
        if (has_arg) o->close_name = token(q, p);
        return 0;
    }
    if (!has_arg) return vm_raise(vm, vm->E.ValueError, "%%sql %s needs a value", opt), -1;
    char *v = token(q, p);
    if (!v) return vm_nomem(vm), -1;
    if (!strcmp(opt, "--alias") || !strcmp(opt, "-A")) {
        free(o->alias);
        o->alias = v;
        return 0;
    }
    if (!strcmp(opt, "--displaylimit")) {
        char *end;
        o->limit = strtol(v, &end, 10);
        o->limit_set = 1;
        int bad = *end || o->limit < 0;
        free(v);
        if (bad) return vm_raise(vm, vm->E.ValueError, "--displaylimit takes a count >= 0"), -1;
        return 0;
    }
    free(v);
    return vm_raise(vm, vm->E.ValueError, "unknown %%sql option %s (known: --connections, "
                    "--close, --alias, --displaylimit)", opt), -1;
}

/* $NAME: the URL held by environment variable NAME. */
static char *expand_url(VM *vm, char *tok) {
    if (tok[0] != '$') return tok;
    const char *v = getenv(tok + 1);
    if (!v || !*v) {
        vm_raise(vm, vm->E.ValueError, "environment variable %s is not set", tok + 1);
        free(tok);
        return NULL;
    }
    char *r = strdup(v);
    free(tok);
    if (!r) vm_nomem(vm);
    return r;
}

static int parse_opts(VM *vm, SqlState *st, const char *args, Opts *o) {
    memset(o, 0, sizeof *o);
    const char *p = skip_blank(args);
    for (;;) {
        const char *next;
        char *t;
        if (is_option(p)) {
            char *opt = token(p, &next);
            if (!opt) return vm_nomem(vm), -1;
            p = next;
            int r = parse_option(vm, o, opt, &p);
            free(opt);
            if (r) return -1;
        } else if (!o->target && (t = target_at(p, &next))) {
            o->target = t;
            p = next;
        } else if (!o->url && is_url(p)) {
            if (!(o->url = expand_url(vm, token(p, &next)))) return -1;
            p = next;
        } else if (*p && !o->use && !o->url) {
            char *tok = token(p, &next);
            if (!tok) return vm_nomem(vm), -1;
            if (!find_conn(st, tok)) {
                free(tok);
                break;
            }
            o->use = tok;
            p = next;
        } else {
            break;
        }
        p = skip_blank(p);
    }
    o->rest = p;
    return 0;
}

/* ---------------------------------------------------------------- running */

static void publish(VM *vm, Value r) {
    ab_bundle b = {0};
    if (disp_bundle(vm, r, &b)) decref(vm_take_exc(vm));
    else disp_publish(vm, &b, NULL, 0);
    ab_bundle_clear(&b);
}

static SqlConn *current(VM *vm, SqlState *st) {
    if (st->cur) return st->cur;
    const char *env = getenv("ABACUS_SQL_URL");
    if (env && *env) return open_conn(vm, st, env, NULL);
    vm_raise(vm, vm->E.SQLError, "no connection: connect first with %%sql "
             "mysql://user@host/db (or set ABACUS_SQL_URL)");
    return NULL;
}

/* Runs every statement of text; each result but the last is published. */
static Value run_sql(VM *vm, SqlState *st, const char *text) {
    SqlSpan *sp;
    size_t n;
    if (sql_split(text, strlen(text), &sp, &n)) return vm_nomem(vm);
    Value last = v_none();
    SqlConn *c = n ? current(vm, st) : NULL;
    if (n && (!c || sql_ensure(vm, c))) last = ERRV;
    for (size_t i = 0; i < n && !IS_ERR(last); i++) {
        decref(last);
        last = v_none();
        if (vm->interrupt && vm_check_interrupt(vm)) {
            last = ERRV;
            break;
        }
        st->stmt_index = (int)i;
        st->nstmts = (int)n;
        if (!c->my && sql_ensure(vm, c)) { /* the connection went away mid-cell */
            last = ERRV;
            break;
        }
        last = sql_exec_statement(vm, c, text + sp[i].start, sp[i].end - sp[i].start);
        if (!IS_ERR(last) && i + 1 < n) publish(vm, last);
    }
    st->nstmts = 0;
    free(sp);
    return last;
}

static Value store(VM *vm, const char *name, Value v) {
    if (IS_ERR(v)) return v;
    DictObj *g = vm->frame ? vm->frame->globals : vm->globals;
    int r = dict_set_str(vm, g, name, v);
    decref(v);
    return r ? ERRV : v_none();
}

static Value sql_magic(VM *vm, const char *args, const char *body) {
    SqlState *st = SQLST(vm);
    if (!st) return vm_raise(vm, vm->E.RuntimeError, "the SQL layer is not initialised");
    Opts o;
    Value r = ERRV;
    if (parse_opts(vm, st, args, &o)) goto done;
    if (body && *skip_blank(o.rest)) {
        vm_raise(vm, vm->E.ValueError, "%%%%sql: unexpected '%s' on the magic's line", o.rest);
        goto done;
    }
    if (o.limit_set) st->displaylimit = (int)o.limit;
    if (o.use) st->cur = find_conn(st, o.use);
    if (o.url && !open_conn(vm, st, o.url, o.alias)) goto done;
    if (o.alias && !o.url) {
        vm_raise(vm, vm->E.ValueError, "--alias names a connection being opened: "
                 "%%sql --alias NAME mysql://...");
        goto done;
    }
    if (o.list) r = list_conns(vm, st);
    else if (o.close) r = close_conn(vm, st, o.close_name);
    else r = run_sql(vm, st, body ? body : o.rest);
    if (o.target) r = store(vm, o.target, r);
done:
    opts_free(&o);
    return r;
}

static Value line_sql(VM *vm, const char *args, const char *body) {
    (void)body;
    return sql_magic(vm, args, NULL);
}

static Value cell_sql(VM *vm, const char *args, const char *body) {
    return sql_magic(vm, args, body ? body : "");
}

static const MagicDef SQL_MAGICS[] = {
    {"sql", line_sql, cell_sql},
    {NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- the module */

int sql_init(VM *vm) {
    pthread_once(&library_once, library_init);
    SqlState *st = calloc(1, sizeof *st);
    if (!st) return -1;
    st->displaylimit = SQL_DEFAULT_DISPLAYLIMIT;
    if (sql_watch_init(vm, &st->watch)) {
        free(st);
        return -1;
    }
    vm->sql = st;
    if (sql_result_init(vm, st) || magic_register(vm, SQL_MAGICS)) return -1;
    return 0;
}

void sql_free(VM *vm) {
    SqlState *st = SQLST(vm);
    if (!st) return;
    sql_watch_free(&st->watch);
    for (int i = 0; i < st->nconns; i++) conn_free(st->conns[i]);
    free(st->conns);
    if (st->t_result) decref(v_obj(st->t_result));
    free(st);
    vm->sql = NULL;
}
