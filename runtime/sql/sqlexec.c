/* sqlexec.c: one statement on one connection. Without placeholders it goes through the text
 * protocol (mysql_real_query, rows streamed with mysql_use_result); with :name placeholders
 * through a prepared statement whose parameters are bound from the user's variables -- the
 * values travel apart from the statement, so no value can change it. Sequences bound to an
 * INSERT/REPLACE/UPDATE/DELETE run it once per element, in bulk (MariaDB's array binding,
 * STMT_ATTR_ARRAY_SIZE) or row by row on servers without it. */
#include <math.h>
#include <mysqld_error.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../array/array.h"
#include "sqlint.h"

double sql_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void note_transaction(SqlConn *c) {
    unsigned int status = 0;
    if (c->my && !mariadb_get_infov(c->my, MARIADB_CONNECTION_SERVER_STATUS, &status))
        c->in_trans = (status & SERVER_STATUS_IN_TRANS) != 0;
}

/* After a statement that was killed or failed: KeyboardInterrupt when killed, else SQLError. */
static Value fail(VM *vm, SqlConn *c, MYSQL_STMT *stmt, int killed, const char *t, size_t n) {
    if (killed) {
        unsigned err = stmt ? mysql_stmt_errno(stmt) : mysql_errno(c->my);
        if (stmt) mysql_stmt_close(stmt);
        if (sql_errno_lost(err)) sql_disconnect(c); /* the socket was shut down */
        return sql_interrupted(vm);
    }
    return sql_raise_conn(vm, c, stmt, t, n);
}

/* Reads and drops any further results (a CALL's status), keeping the connection in sync. */
static int drain_results(MYSQL *my) {
    while (mysql_more_results(my)) {
        if (mysql_next_result(my) > 0) return -1;
        MYSQL_RES *r = mysql_use_result(my);
        if (r) mysql_free_result(r);
    }
    return 0;
}

/* ---------------------------------------------------------------- the text protocol */

static int fetch_text(VM *vm, MYSQL_RES *res, SqlBuild *b) {
    int nf = (int)mysql_num_fields(res);
    if (sql_build_start(vm, b, mysql_fetch_fields(res), nf)) return -1;
    MYSQL_ROW row;
    while ((row = mysql_fetch_row(res))) {
        unsigned long *len = mysql_fetch_lengths(res);
        if (sql_build_row(vm, b) < 0) return -1;
        for (int i = 0; i < nf; i++)
            if (sql_build_text(vm, b, i, row[i], len[i])) return -1;
    }
    return 0;
}

static Value exec_text(VM *vm, SqlConn *c, const char *text, size_t n) {
    SqlWatch *w = &SQLST(vm)->watch;
    double t0 = sql_now();
    sql_watch_begin(w, c);
    if (mysql_real_query(c->my, text, n)) return fail(vm, c, NULL, sql_watch_end(w), text, n);
    if (mysql_field_count(c->my) == 0) {
        int64_t affected = (int64_t)mysql_affected_rows(c->my);
        uint64_t id = mysql_insert_id(c->my);
        int bad = drain_results(c->my);
        int killed = sql_watch_end(w);
        if (bad || killed) return fail(vm, c, NULL, killed, text, n);
        return sql_result_status(vm, affected, id, sql_now() - t0);
    }
    MYSQL_RES *res = mysql_use_result(c->my);
    if (!res) return fail(vm, c, NULL, sql_watch_end(w), text, n);
    SqlBuild b;
    int r = fetch_text(vm, res, &b);
    int bad = !r && mysql_errno(c->my) != 0;
    mysql_free_result(res); /* reads what is left after an error */
    bad = bad || (!r && drain_results(c->my));
    int killed = sql_watch_end(w);
    if (r || bad || killed) {
        sql_build_free(vm, &b);
        if (r && !killed) return ERRV; /* raised while building (MemoryError) */
        if (r) decref(vm_take_exc(vm));
        return fail(vm, c, NULL, killed, text, n);
    }
    return sql_result_rows(vm, &b, sql_now() - t0);
}

/* ---------------------------------------------------------------- parameters */

typedef struct Param {
    Value v;                   /* the variable (borrowed) */
    int array;                 /* bound per element */
    int64_t len;               /* elements when array */
    enum enum_field_types type;
    int64_t i;                 /* scalar storage */
    double d;
    const char *s;
    unsigned long slen;
    char *vals;                /* array of int64/double, or NULL for strings */
    char **strs;               /* array of strings */
    unsigned long *lens;
    char *ind;                 /* STMT_INDICATOR_NULL / NONE per element */
    Value keep;                /* objects the buffers point into (new refs) */
    void *owned[4];            /* malloc'd buffers */
} Param;

static void param_free(VM *vm, Param *p) {
    decref(p->keep);
    for (int k = 0; k < 4; k++) free(p->owned[k]);
}

static void *own(Param *p, size_t size) {
    for (int k = 0; k < 4; k++)
        if (!p->owned[k]) return p->owned[k] = calloc(size ? size : 1, 1);
    return NULL;
}

/* A Python scalar: 1 bound, 0 not a scalar, -1 raised. */
static int bind_scalar(VM *vm, Param *p, Value v, const char *name) {
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim == 0) {
        char k = arr_dtypes[a->dtype].kind;
        if (k == 'c')
            return vm_raise(vm, vm->E.TypeError, "cannot bind a complex to :%s", name), -1;
        if (k == 'f') {
            p->d = dt_to_double(a->dtype, a->data);
            p->type = isnan(p->d) ? MYSQL_TYPE_NULL : MYSQL_TYPE_DOUBLE;
        } else {
            p->i = dt_to_int64(a->dtype, a->data);
            p->type = MYSQL_TYPE_LONGLONG;
        }
        return 1;
    }
    switch (v.tag) {
    case T_NONE: p->type = MYSQL_TYPE_NULL; return 1;
    case T_BOOL:
    case T_INT: p->i = v.u.i; p->type = MYSQL_TYPE_LONGLONG; return 1;
    case T_FLOAT:
        p->d = v.u.f;
        p->type = isnan(v.u.f) ? MYSQL_TYPE_NULL : MYSQL_TYPE_DOUBLE;
        return 1;
    default: break;
    }
    if (IS_KIND(v, K_STR) || IS_KIND(v, K_BIGINT)) { /* a big int goes as its decimal text */
        Value s = IS_KIND(v, K_STR) ? vref(v) : obj_str(vm, v);
        if (IS_ERR(s)) return -1;
        p->keep = s;
        p->s = AS(StrObj, s)->s;
        p->slen = AS(StrObj, s)->len;
        p->type = IS_KIND(v, K_STR) ? MYSQL_TYPE_STRING : MYSQL_TYPE_NEWDECIMAL;
        return 1;
    }
    return 0;
}

static int alloc_array(Param *p, int64_t n, int strings) {
    size_t m = (size_t)(n ? n : 1);
    p->ind = own(p, m);
    if (strings) {
        p->strs = own(p, m * sizeof(char *));
        p->lens = own(p, m * sizeof(unsigned long));
        return p->ind && p->strs && p->lens ? 0 : -1;
    }
    p->vals = own(p, m * 8);
    return p->ind && p->vals ? 0 : -1;
}

/* A 1-D ndarray: int64/float64 values pointing into a contiguous copy when needed. */
static int bind_ndarray(VM *vm, Param *p, ArrObj *a, const char *name) {
    char k = arr_dtypes[a->dtype].kind;
    if (a->ndim != 1)
        return vm_raise(vm, vm->E.ValueError, ":%s is a %d-d array; only 1-d arrays bind as rows",
                        name, a->ndim), -1;
    if (k == 'c')
        return vm_raise(vm, vm->E.TypeError, "cannot bind a complex array to :%s", name), -1;
    int dt = k == 'f' ? DT_FLOAT64 : DT_INT64;
    ArrObj *c = a->dtype == dt && arr_is_c_contig(a) ? (incref(v_obj(a)), a) : arr_copy(vm, a, dt);
    if (!c) return -1;
    p->keep = v_obj(c);
    p->array = 1;
    p->len = a->shape[0];
    p->type = dt == DT_FLOAT64 ? MYSQL_TYPE_DOUBLE : MYSQL_TYPE_LONGLONG;
    if (!(p->ind = own(p, (size_t)(p->len ? p->len : 1)))) return vm_nomem(vm), -1;
    p->vals = c->data;
    if (dt == DT_FLOAT64)
        for (int64_t i = 0; i < p->len; i++)
            p->ind[i] = isnan(((double *)c->data)[i]) ? STMT_INDICATOR_NULL : STMT_INDICATOR_NONE;
    return 0;
}

/* The column type a list's items bind as: int when every item is an int, float when every
 * item is a number, str otherwise (non-str items as their str()). None is NULL in any. */
static enum enum_field_types list_type(VM *vm, const ListObj *l) {
    int ints = 1, nums = 1;
    for (size_t i = 0; i < l->len; i++) {
        Value v = l->items[i];
        ArrObj *a = arr_of(vm, v);
        char k = a && a->ndim == 0 ? arr_dtypes[a->dtype].kind : 0;
        int is_i = v.tag == T_INT || v.tag == T_BOOL || k == 'b' || k == 'i' || k == 'u';
        int is_f = v.tag == T_FLOAT || k == 'f';
        if (v.tag == T_NONE) continue;
        ints &= is_i;
        nums &= is_i || is_f;
    }
    return ints ? MYSQL_TYPE_LONGLONG : nums ? MYSQL_TYPE_DOUBLE : MYSQL_TYPE_STRING;
}

static int bind_list(VM *vm, Param *p, const ListObj *l) {
    p->array = 1;
    p->len = (int64_t)l->len;
    p->type = list_type(vm, l);
    int strings = p->type == MYSQL_TYPE_STRING;
    if (alloc_array(p, p->len, strings)) return vm_nomem(vm), -1;
    ListObj *keep = strings ? list_new(vm, 0) : NULL;
    if (strings && !keep) return -1;
    if (keep) p->keep = v_obj(keep);
    for (int64_t i = 0; i < p->len; i++) {
        Value v = l->items[i];
        int null = v.tag == T_NONE;
        if (!null && strings) {
            Value s = IS_KIND(v, K_STR) ? vref(v) : obj_str(vm, v);
            if (IS_ERR(s) || list_append(vm, keep, s)) return decref(s), -1;
            decref(s);
            p->strs[i] = AS(StrObj, s)->s;
            p->lens[i] = AS(StrObj, s)->len;
        } else if (!null) {
            ArrObj *a = arr_of(vm, v);
            double d = 0;
            int64_t x = 0;
            if (a) d = dt_to_double(a->dtype, a->data), x = dt_to_int64(a->dtype, a->data);
            else if (v.tag == T_FLOAT) d = v.u.f;
            else if (obj_index(vm, v, &x, "SQL parameters")) return -1;
            if (!a && v.tag != T_FLOAT) d = (double)x;
            if (p->type == MYSQL_TYPE_DOUBLE) ((double *)p->vals)[i] = d, null = isnan(d);
            else ((int64_t *)p->vals)[i] = x;
        }
        p->ind[i] = null ? STMT_INDICATOR_NULL : STMT_INDICATOR_NONE;
    }
    return 0;
}

static int bind_value(VM *vm, Param *p, Value v, const char *name) {
    p->v = v;
    p->keep = v_null();
    int r = bind_scalar(vm, p, v, name);
    if (r) return r < 0 ? -1 : 0;
    ArrObj *a = arr_of(vm, v);
    if (a) return bind_ndarray(vm, p, a, name);
    if (IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE)) return bind_list(vm, p, AS(ListObj, v));
    vm_raise(vm, vm->E.TypeError, "cannot bind a value of type '%s' to :%s (numbers, str, None, "
             "lists and 1-d arrays bind)", type_name(vm, v), name);
    return -1;
}

/* Scalars repeated for every row of an array execution. */
static int spread(VM *vm, Param *p, int64_t n) {
    enum enum_field_types t = p->type == MYSQL_TYPE_NULL ? MYSQL_TYPE_LONGLONG
                              : p->type == MYSQL_TYPE_NEWDECIMAL ? MYSQL_TYPE_STRING : p->type;
    int null = p->type == MYSQL_TYPE_NULL, strings = t == MYSQL_TYPE_STRING;
    if (alloc_array(p, n, strings)) return vm_nomem(vm), -1;
    for (int64_t i = 0; i < n; i++) {
        p->ind[i] = null ? STMT_INDICATOR_NULL : STMT_INDICATOR_NONE;
        if (strings) p->strs[i] = (char *)p->s, p->lens[i] = p->slen;
        else if (t == MYSQL_TYPE_DOUBLE) ((double *)p->vals)[i] = p->d;
        else ((int64_t *)p->vals)[i] = p->i;
    }
    p->type = t;
    p->array = 1;
    p->len = n;
    return 0;
}

/* The scalar bind of p, or of element `row` of an array parameter (row-by-row mode). */
static void fill_bind(MYSQL_BIND *b, Param *p, int64_t row) {
    memset(b, 0, sizeof *b);
    b->buffer_type = p->type;
    if (!p->array) {
        int text = p->type == MYSQL_TYPE_STRING || p->type == MYSQL_TYPE_NEWDECIMAL;
        b->buffer = p->type == MYSQL_TYPE_DOUBLE ? (void *)&p->d
                    : text                       ? (void *)p->s
                                                 : (void *)&p->i;
        b->buffer_length = text ? p->slen : 8;
        b->length = text ? &p->slen : NULL;
        return;
    }
    int null = p->ind[row] == STMT_INDICATOR_NULL;
    b->buffer_type = null ? MYSQL_TYPE_NULL : p->type;
    if (p->type == MYSQL_TYPE_STRING) {
        b->buffer = p->strs[row];
        b->buffer_length = p->lens[row];
        b->length = &p->lens[row];
    } else {
        b->buffer = p->vals + row * 8;
        b->buffer_length = 8;
    }
}

/* Column-wise binds of rows [start, start + n) for array execution. */
static void fill_bulk(MYSQL_BIND *b, Param *p, int64_t start) {
    memset(b, 0, sizeof *b);
    b->buffer_type = p->type;
    b->u.indicator = p->ind + start;
    if (p->type == MYSQL_TYPE_STRING) {
        b->buffer = p->strs + start;
        b->length = p->lens + start;
    } else {
        b->buffer = p->vals + start * 8;
    }
}

/* Rows per bulk packet: about 4 MB of values. */
static int64_t bulk_rows(const Param *ps, int np, int64_t rows) {
    double bytes = 0;
    for (int k = 0; k < np; k++) {
        bytes += 9;
        if (ps[k].type == MYSQL_TYPE_STRING && rows)
            for (int64_t i = 0; i < rows; i += rows / 64 + 1) bytes += (double)ps[k].lens[i] / 64.0;
    }
    int64_t per = (int64_t)(4e6 / (bytes > 1 ? bytes : 1));
    return per < 1 ? 1 : per;
}

/* ---------------------------------------------------------------- prepared statements */

/* A FLOAT column's value as the text protocol gives it: the shortest decimal that reads back
 * as the same float (0.1, not 0.10000000149011612). */
static double widen(float f) {
    char buf[32];
    for (int prec = 6; prec < 9; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, (double)f);
        if ((float)strtod(buf, NULL) == f) return strtod(buf, NULL);
    }
    return (double)f;
}

static int stmt_result(VM *vm, MYSQL_STMT *stmt, SqlBuild *b) {
    MYSQL_RES *md = mysql_stmt_result_metadata(stmt);
    int nf = (int)mysql_num_fields(md);
    MYSQL_FIELD *f = mysql_fetch_fields(md);
    MYSQL_BIND *rb = calloc((size_t)nf + 1, sizeof *rb);
    int64_t *iv = calloc((size_t)nf + 1, 8);
    unsigned long *len = calloc((size_t)nf + 1, sizeof *len);
    my_bool *nul = calloc((size_t)nf + 1, sizeof *nul);
    char *sbuf = calloc((size_t)nf + 1, 256);
    SBuf big = SBUF_INIT;
    int r = -1;
    if (!rb || !iv || !len || !nul || !sbuf) {
        vm_nomem(vm);
        goto done;
    }
    if (sql_build_start(vm, b, f, nf)) goto done;
    for (int i = 0; i < nf; i++) {
        int kind = b->cols[i].kind;
        int str = kind == SQL_COL_STR || b->cols[i].bits;
        rb[i].buffer_type = str                   ? MYSQL_TYPE_STRING
                            : kind == SQL_COL_INT ? MYSQL_TYPE_LONGLONG
                            : f[i].type == MYSQL_TYPE_FLOAT ? MYSQL_TYPE_FLOAT
                                                            : MYSQL_TYPE_DOUBLE;
        rb[i].buffer = str ? (void *)(sbuf + i * 256) : (void *)&iv[i];
        rb[i].buffer_length = str ? 256 : 8;
        rb[i].is_unsigned = (my_bool)b->cols[i].is_unsigned;
        rb[i].length = &len[i];
        rb[i].is_null = &nul[i];
    }
    if (mysql_stmt_bind_result(stmt, rb)) goto done_sql;
    int rc;
    while ((rc = mysql_stmt_fetch(stmt)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
        if (sql_build_row(vm, b) < 0) goto done;
        for (int i = 0; i < nf; i++) {
            if (nul[i]) {
                if (sql_build_text(vm, b, i, NULL, 0)) goto done;
            } else if (rb[i].buffer_type == MYSQL_TYPE_LONGLONG) {
                sql_build_int(b, i, iv[i]);
            } else if (rb[i].buffer_type == MYSQL_TYPE_DOUBLE) {
                double d;
                memcpy(&d, &iv[i], 8);
                sql_build_float(b, i, d);
            } else if (rb[i].buffer_type == MYSQL_TYPE_FLOAT) {
                float fl;
                memcpy(&fl, &iv[i], sizeof fl);
                sql_build_float(b, i, widen(fl));
            } else {
                const char *s = sbuf + i * 256;
                if (len[i] > 256) { /* longer than the buffer: fetch it whole */
                    big.len = 0;
                    if (sb_reserve(&big, len[i] + 1)) {
                        vm_nomem(vm);
                        goto done;
                    }
                    MYSQL_BIND one = rb[i];
                    one.buffer = big.s;
                    one.buffer_length = len[i] + 1;
                    if (mysql_stmt_fetch_column(stmt, &one, (unsigned)i, 0)) goto done_sql;
                    s = big.s;
                }
                if (sql_build_text(vm, b, i, s, len[i])) goto done;
            }
        }
    }
    r = rc == MYSQL_NO_DATA ? 0 : 1;
    goto done;
done_sql:
    r = 1;
done:
    sb_free(&big);
    free(rb), free(iv), free(len), free(nul), free(sbuf);
    if (md) mysql_free_result(md);
    return r; /* 0 ok, -1 raised, 1 a client/server error on stmt */
}

static int is_dml(const char *text, size_t n) {
    char w[16];
    sql_first_word(text, n, w, sizeof w);
    return !strcmp(w, "INSERT") || !strcmp(w, "REPLACE") || !strcmp(w, "UPDATE")
           || !strcmp(w, "DELETE");
}

/* MariaDB's array binding needs a MariaDB server (MySQL has no COM_STMT_BULK_EXECUTE). */
static int bulk_supported(MYSQL *my) {
    unsigned long caps = 0, ext = 0;
    if (getenv("ABACUS_SQL_NO_BULK")) return 0; /* for the tests of the row-by-row path */
    if (mariadb_get_infov(my, MARIADB_CONNECTION_SERVER_CAPABILITIES, &caps)
        || mariadb_get_infov(my, MARIADB_CONNECTION_EXTENDED_SERVER_CAPABILITIES, &ext))
        return 0;
    return !(caps & CLIENT_MYSQL) && (ext & (MARIADB_CLIENT_STMT_BULK_OPERATIONS >> 32));
}

/* Array execution: all in bulk when the server can, else one row at a time. 0, 1 on a
 * statement error, -1 raised. */
static int exec_rows(VM *vm, MYSQL *my, MYSQL_STMT *stmt, Param *ps, int np, int64_t rows,
                     int64_t *affected) {
    MYSQL_BIND *b = calloc((size_t)np + 1, sizeof *b);
    if (!b) return vm_nomem(vm), -1;
    int bulk = bulk_supported(my);
    int64_t step = bulk ? bulk_rows(ps, np, rows) : 1, done = 0;
    *affected = 0;
    while (done < rows) {
        int64_t n = rows - done < step ? rows - done : step;
        unsigned int size = bulk ? (unsigned int)n : 0;
        for (int k = 0; k < np; k++) {
            if (bulk) fill_bulk(&b[k], &ps[k], done);
            else fill_bind(&b[k], &ps[k], done);
        }
        if (mysql_stmt_attr_set(stmt, STMT_ATTR_ARRAY_SIZE, &size) || mysql_stmt_bind_param(stmt, b)
            || mysql_stmt_execute(stmt)) {
            free(b);
            return 1;
        }
        *affected += (int64_t)mysql_stmt_affected_rows(stmt);
        done += n;
    }
    free(b);
    return 0;
}

static Value exec_prepared(VM *vm, SqlConn *c, const char *text, size_t n, const SBuf *q,
                           Param *ps, int np, int64_t rows) {
    SqlWatch *w = &SQLST(vm)->watch;
    double t0 = sql_now();
    MYSQL_STMT *stmt = mysql_stmt_init(c->my);
    if (!stmt) return vm_nomem(vm);
    sql_watch_begin(w, c);
    if (mysql_stmt_prepare(stmt, q->s, q->len)) {
        int killed = sql_watch_end(w);
        if (!np && !killed && mysql_stmt_errno(stmt) == ER_UNSUPPORTED_PS) {
            mysql_stmt_close(stmt);
            return v_null(); /* not preparable: the text protocol takes it */
        }
        return fail(vm, c, stmt, killed, text, n);
    }
    int r;
    int64_t affected = 0;
    SqlBuild b = {0};
    if (rows >= 0) {
        r = exec_rows(vm, c->my, stmt, ps, np, rows, &affected);
    } else {
        MYSQL_BIND *bd = calloc((size_t)np + 1, sizeof *bd);
        if (!bd) {
            sql_watch_end(w);
            mysql_stmt_close(stmt);
            return vm_nomem(vm);
        }
        for (int k = 0; k < np; k++) fill_bind(&bd[k], &ps[k], 0);
        r = mysql_stmt_bind_param(stmt, bd) || mysql_stmt_execute(stmt) ? 1 : 0;
        free(bd);
        if (!r && mysql_stmt_field_count(stmt)) r = stmt_result(vm, stmt, &b);
        else affected = (int64_t)mysql_stmt_affected_rows(stmt);
    }
    int killed = sql_watch_end(w);
    if (r || killed) {
        sql_build_free(vm, &b);
        if (r < 0 && !killed) return mysql_stmt_close(stmt), ERRV;
        if (r < 0) decref(vm_take_exc(vm));
        return fail(vm, c, stmt, killed, text, n);
    }
    uint64_t id = mysql_stmt_insert_id(stmt);
    int has_rows = b.cols != NULL;
    mysql_stmt_close(stmt);
    if (has_rows) return sql_result_rows(vm, &b, sql_now() - t0);
    return sql_result_status(vm, affected, id, sql_now() - t0);
}

/* Binds every placeholder; the number of rows when any is a sequence, else -1. */
static int bind_all(VM *vm, const char *text, size_t n, const SqlSpan *names, int np, Param *ps,
                    int64_t *rows) {
    DictObj *g = vm->frame ? vm->frame->globals : vm->globals;
    *rows = -1;
    for (int k = 0; k < np; k++) {
        const char *nm = text + names[k].start;
        size_t len = names[k].end - names[k].start;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)len, nm);
        StrObj *key = str_intern(vm, nm, len);
        if (!key) return -1;
        Value v = dict_get_str(g, key);
        if (IS_NULL(v)) v = dict_get_str(vm->builtins, key);
        if (IS_NULL(v))
            return vm_raise(vm, vm->E.NameError, "name '%s' is not defined (bound to :%s)", name,
                            name), -1;
        if (bind_value(vm, &ps[k], v, name)) return -1;
        if (!ps[k].array) continue;
        if (*rows >= 0 && ps[k].len != *rows)
            return vm_raise(vm, vm->E.ValueError, "array parameters differ in length: :%s has %lld "
                            "items, an earlier one %lld", name, (long long)ps[k].len,
                            (long long)*rows), -1;
        *rows = ps[k].len;
    }
    if (*rows < 0) return 0;
    if (!is_dml(text, n))
        return vm_raise(vm, vm->E.TypeError, "sequences bind one row per element only in "
                        "INSERT, REPLACE, UPDATE or DELETE"), -1;
    for (int k = 0; k < np; k++)
        if (!ps[k].array && spread(vm, &ps[k], *rows)) return -1;
    return 0;
}

static Value exec_params(VM *vm, SqlConn *c, const char *text, size_t n, const SBuf *q,
                         const SqlSpan *names, int np) {
    Param *ps = calloc((size_t)np + 1, sizeof *ps);
    if (!ps) return vm_nomem(vm);
    for (int k = 0; k < np; k++) ps[k].keep = v_null();
    int64_t rows;
    Value r = ERRV;
    if (!bind_all(vm, text, n, names, np, ps, &rows)) {
        if (rows == 0) r = sql_result_status(vm, 0, 0, 0.0);
        else r = exec_prepared(vm, c, text, n, q, ps, np, rows);
    }
    for (int k = 0; k < np; k++) param_free(vm, &ps[k]);
    free(ps);
    return r;
}

/* Queries go through the binary protocol even without parameters: numbers arrive as numbers,
 * not text to parse (a third faster on 1M rows). ABACUS_SQL_TEXT forces the text protocol. */
static int binary_select(const char *text, size_t n) {
    char w[16];
    sql_first_word(text, n, w, sizeof w);
    return (!strcmp(w, "SELECT") || !strcmp(w, "WITH")) && !getenv("ABACUS_SQL_TEXT");
}

Value sql_exec_statement(VM *vm, SqlConn *c, const char *text, size_t n) {
    SBuf q = SBUF_INIT;
    SqlSpan *names = NULL;
    int np = 0;
    if (sql_placeholders(text, n, &q, &names, &np)) {
        sb_free(&q);
        return vm_nomem(vm);
    }
    Value r = np || binary_select(text, n) ? exec_params(vm, c, text, n, &q, names, np) : v_null();
    if (IS_NULL(r)) r = exec_text(vm, c, text, n);
    note_transaction(c);
    free(names);
    sb_free(&q);
    return r;
}
