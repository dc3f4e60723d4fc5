/* sqlresult.c: the result of a statement as a value. Rows stream into typed columns (INT
 * into int64 with a NULL mask, DECIMAL/DOUBLE into float64 with nan for NULL, everything
 * else into str or None), kept once; rs[i] is a row, rs['col'] a column, and the display is a
 * text and an HTML table cut at displaylimit rows. A statement without rows gives a status
 * ("3 rows affected") of the same type. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../array/array.h"
#include "sqlint.h"

typedef struct ResultSet {
    NativeObj h;
    int ncols;
    int64_t nrows;
    SqlCol *cols;       /* data and mask set; no build buffers */
    int64_t affected;   /* rows affected for a status; -1 for rows */
    uint64_t insert_id; /* LAST_INSERT_ID() after a status */
    double elapsed;     /* seconds, to the last row */
} ResultSet;

#define RS(v) AS(ResultSet, v)

/* ---------------------------------------------------------------- building */

static int col_kind(const MYSQL_FIELD *f) {
    switch (f->type) {
    case MYSQL_TYPE_TINY: case MYSQL_TYPE_SHORT: case MYSQL_TYPE_LONG: case MYSQL_TYPE_INT24:
    case MYSQL_TYPE_LONGLONG: case MYSQL_TYPE_YEAR: case MYSQL_TYPE_BIT:
        return SQL_COL_INT;
    case MYSQL_TYPE_DECIMAL: case MYSQL_TYPE_NEWDECIMAL: case MYSQL_TYPE_FLOAT:
    case MYSQL_TYPE_DOUBLE:
        return SQL_COL_FLOAT;
    default:
        return SQL_COL_STR;
    }
}

int sql_build_start(VM *vm, SqlBuild *b, const MYSQL_FIELD *f, int ncols) {
    memset(b, 0, sizeof *b);
    if (!vm->np) { /* columns are ndarrays: the array runtime must be up */
        Value np = vm_import(vm, "numpy");
        if (IS_ERR(np)) return -1;
        decref(np);
    }
    if (!(b->cols = calloc((size_t)(ncols ? ncols : 1), sizeof(SqlCol)))) return vm_nomem(vm), -1;
    b->ncols = ncols;
    for (int i = 0; i < ncols; i++) {
        SqlCol *c = &b->cols[i];
        c->data = c->mask = v_null();
        c->kind = col_kind(&f[i]);
        c->decimals = (f[i].type == MYSQL_TYPE_NEWDECIMAL || f[i].type == MYSQL_TYPE_DECIMAL)
                          ? (int)f[i].decimals : -1;
        c->datetime = f[i].type == MYSQL_TYPE_DATETIME || f[i].type == MYSQL_TYPE_TIMESTAMP;
        c->bits = f[i].type == MYSQL_TYPE_BIT;
        c->is_unsigned = (f[i].flags & UNSIGNED_FLAG) != 0;
        if (!(c->name = str_new(vm, f[i].name, f[i].name_length))) return -1;
        if (c->kind == SQL_COL_STR && !(c->strs = list_new(vm, 0))) return -1;
    }
    return 0;
}

static int grow(VM *vm, SqlBuild *b) {
    int64_t cap = b->cap ? b->cap * 2 : 1024;
    for (int i = 0; i < b->ncols; i++) {
        SqlCol *c = &b->cols[i];
        if (c->kind == SQL_COL_STR) {
            if (list_reserve(vm, c->strs, (size_t)(cap - b->nrows))) return -1;
            continue;
        }
        char *p = realloc(c->buf, (size_t)cap * 8);
        if (!p) return vm_nomem(vm), -1;
        c->buf = p;
        if (c->nulls) {
            uint8_t *m = realloc(c->nulls, (size_t)cap);
            if (!m) return vm_nomem(vm), -1;
            memset(m + b->cap, 0, (size_t)(cap - b->cap));
            c->nulls = m;
        }
    }
    b->cap = cap;
    return 0;
}

int64_t sql_build_row(VM *vm, SqlBuild *b) {
    if (b->nrows == b->cap && grow(vm, b)) return -1;
    return b->nrows++;
}

void sql_build_int(SqlBuild *b, int i, int64_t v) {
    ((int64_t *)b->cols[i].buf)[b->nrows - 1] = v;
}

void sql_build_float(SqlBuild *b, int i, double v) {
    ((double *)b->cols[i].buf)[b->nrows - 1] = v;
}

static int str_append(VM *vm, ListObj *l, Value v) {
    if (IS_ERR(v)) return -1;
    int r = list_append(vm, l, v);
    decref(v);
    return r;
}

void sql_build_null(SqlBuild *b, int i) {
    SqlCol *c = &b->cols[i];
    int64_t row = b->nrows - 1;
    if (c->kind == SQL_COL_FLOAT) {
        ((double *)c->buf)[row] = NAN;
    } else if (c->kind == SQL_COL_INT) {
        ((int64_t *)c->buf)[row] = 0;
        if (!c->nulls && !(c->nulls = calloc((size_t)b->cap, 1))) return; /* mask lost: 0 */
        c->nulls[row] = 1;
    }
}

/* Integer text as MySQL sends it (no blanks, optional sign). Overflow wraps (BIGINT UNSIGNED
 * beyond 2**63 reads as negative, as in a cast to int64). */
static int64_t parse_int(const char *s, size_t n) {
    size_t i = 0;
    int neg = n && s[0] == '-';
    if (n && (s[0] == '-' || s[0] == '+')) i++;
    uint64_t v = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) v = v * 10 + (uint64_t)(s[i] - '0');
    return neg ? (int64_t)(0 - v) : (int64_t)v;
}

/* Decimal text: exact when at most 15 digits and no exponent (both operands of the division
 * are exact doubles, so the quotient is correctly rounded); strtod otherwise. */
static double parse_float(const char *s, size_t n) {
    static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15};
    size_t i = 0;
    int neg = n && s[0] == '-', digits = 0, frac = -1;
    if (n && (s[0] == '-' || s[0] == '+')) i++;
    uint64_t m = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            m = m * 10 + (uint64_t)(c - '0');
            if (++digits > 15) return strtod(s, NULL);
            if (frac >= 0) frac++;
        } else if (c == '.' && frac < 0) {
            frac = 0;
        } else {
            return strtod(s, NULL); /* exponent, inf, nan */
        }
    }
    if (!digits) return strtod(s, NULL);
    double d = (double)m / p10[frac > 0 ? frac : 0];
    return neg ? -d : d;
}

/* A str from bytes that may not be UTF-8 (binary columns): invalid bytes become U+FFFD. */
static Value str_lossy(VM *vm, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80) i++;
    if (i == n) return str_value(vm, s, n);
    SBuf b = SBUF_INIT;
    for (i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 && c >= 0xC2 ? 2 : (c & 0xF0) == 0xE0 ? 3
                  : (c & 0xF8) == 0xF0 && c <= 0xF4 ? 4 : 0;
        int ok = len > 0 && i + (size_t)len <= n;
        for (int k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + (size_t)k] & 0xC0) == 0x80;
        if (ok && len == 3) ok = !(c == 0xE0 && (unsigned char)s[i + 1] < 0xA0)
                                 && !(c == 0xED && (unsigned char)s[i + 1] >= 0xA0);
        if (ok && len == 4) ok = !(c == 0xF0 && (unsigned char)s[i + 1] < 0x90)
                                 && !(c == 0xF4 && (unsigned char)s[i + 1] >= 0x90);
        if (ok) sb_putn(&b, s + i, (size_t)len), i += (size_t)len;
        else sb_puts(&b, "\xef\xbf\xbd"), i++;
    }
    return str_from_sbuf(vm, &b);
}

static Value str_cell(VM *vm, const SqlCol *c, const char *s, size_t n) {
    if (c->datetime && n > 10 && s[10] == ' ') { /* ISO 8601: 2024-01-02T10:30:00 */
        char tmp[64];
        if (n < sizeof tmp) {
            memcpy(tmp, s, n);
            tmp[10] = 'T';
            return str_value(vm, tmp, n);
        }
    }
    return str_lossy(vm, s, n);
}

int sql_build_text(VM *vm, SqlBuild *b, int i, const char *s, size_t len) {
    SqlCol *c = &b->cols[i];
    if (!s) {
        if (c->kind == SQL_COL_STR) return str_append(vm, c->strs, v_none());
        sql_build_null(b, i);
        return 0;
    }
    switch (c->kind) {
    case SQL_COL_INT:
        if (c->bits) {
            uint64_t v = 0;
            for (size_t k = 0; k < len; k++) v = v << 8 | (unsigned char)s[k];
            sql_build_int(b, i, (int64_t)v);
        } else {
            sql_build_int(b, i, parse_int(s, len));
        }
        return 0;
    case SQL_COL_FLOAT:
        sql_build_float(b, i, parse_float(s, len));
        return 0;
    default:
        return str_append(vm, c->strs, str_cell(vm, c, s, len));
    }
}

static void col_clear(VM *vm, SqlCol *c) {
    if (c->name) decref(v_obj(c->name));
    if (c->strs) decref(v_obj(c->strs));
    decref(c->data);
    decref(c->mask);
    free(c->buf);
    free(c->nulls);
    memset(c, 0, sizeof *c);
    c->data = c->mask = v_null();
}

void sql_build_free(VM *vm, SqlBuild *b) {
    for (int i = 0; i < b->ncols; i++) col_clear(vm, &b->cols[i]);
    free(b->cols);
    memset(b, 0, sizeof *b);
}

/* Turns the build buffers of c into its final data (an ndarray or the list). */
static int col_finish(VM *vm, SqlCol *c, int64_t n) {
    if (c->kind == SQL_COL_STR) {
        c->data = v_obj(c->strs);
        c->strs = NULL;
        return 0;
    }
    ArrObj *a = arr_new(vm, c->kind == SQL_COL_INT ? DT_INT64 : DT_FLOAT64, 1, &n, 0);
    if (!a) return -1;
    if (n) memcpy(a->data, c->buf, (size_t)n * 8);
    free(c->buf);
    c->buf = NULL;
    c->data = v_obj(a);
    if (c->nulls) {
        ArrObj *m = arr_new(vm, DT_BOOL, 1, &n, 0);
        if (!m) return -1;
        memcpy(m->data, c->nulls, (size_t)n);
        free(c->nulls);
        c->nulls = NULL;
        c->mask = v_obj(m);
    }
    return 0;
}

static ResultSet *rs_alloc(VM *vm) {
    SqlState *st = SQLST(vm);
    ResultSet *r = calloc(1, sizeof *r);
    if (!r) return vm_nomem(vm), NULL;
    r->h.h.rc = 1;
    r->h.h.k = K_NATIVE;
    r->h.type = st->t_result;
    incref(v_obj(st->t_result));
    r->affected = -1;
    return r;
}

Value sql_result_rows(VM *vm, SqlBuild *b, double elapsed) {
    ResultSet *r = NULL;
    for (int i = 0; i < b->ncols; i++)
        if (col_finish(vm, &b->cols[i], b->nrows)) goto fail;
    if (!(r = rs_alloc(vm))) goto fail;
    r->cols = b->cols;
    r->ncols = b->ncols;
    r->nrows = b->nrows;
    r->elapsed = elapsed;
    memset(b, 0, sizeof *b);
    return v_obj(r);
fail:
    sql_build_free(vm, b);
    return ERRV;
}

Value sql_result_status(VM *vm, int64_t affected, uint64_t insert_id, double elapsed) {
    ResultSet *r = rs_alloc(vm);
    if (!r) return ERRV;
    r->affected = affected;
    r->insert_id = insert_id;
    r->elapsed = elapsed;
    return v_obj(r);
}

/* ---------------------------------------------------------------- values out */

static int is_null(const SqlCol *c, int64_t i) {
    if (c->kind == SQL_COL_FLOAT) return isnan(((double *)AS(ArrObj, c->data)->data)[i]);
    if (c->kind == SQL_COL_INT) return !IS_NULL(c->mask) && AS(ArrObj, c->mask)->data[i];
    return AS(ListObj, c->data)->items[i].tag == T_NONE;
}

/* The Python value of a cell: NULL is None whatever the column type. */
static Value cell(const SqlCol *c, int64_t i) {
    if (is_null(c, i)) return v_none();
    if (c->kind == SQL_COL_INT) return v_int(((int64_t *)AS(ArrObj, c->data)->data)[i]);
    if (c->kind == SQL_COL_FLOAT) return v_float(((double *)AS(ArrObj, c->data)->data)[i]);
    return vref(AS(ListObj, c->data)->items[i]);
}

static Value row_tuple(VM *vm, const ResultSet *r, int64_t i) {
    ListObj *t = tuple_new(vm, (size_t)r->ncols);
    if (!t) return ERRV;
    for (int k = 0; k < r->ncols; k++) t->items[k] = cell(&r->cols[k], i);
    return v_obj(t);
}

static int find_col(VM *vm, const ResultSet *r, Value key) {
    if (IS_KIND(key, K_STR))
        for (int k = 0; k < r->ncols; k++)
            if (str_eq(r->cols[k].name, AS(StrObj, key))) return k;
    Value args = tuple_pack(vm, 1, key);
    if (IS_ERR(args)) return -1;
    Value e = exc_new(vm, vm->E.KeyError, args);
    decref(args);
    if (!IS_ERR(e)) vm_raise_value(vm, e), decref(e);
    return -1;
}

static Value rs_getitem(VM *vm, Value self, Value key) {
    ResultSet *r = RS(self);
    if (IS_KIND(key, K_STR)) {
        int k = find_col(vm, r, key);
        return k < 0 ? ERRV : vref(r->cols[k].data);
    }
    if (IS_KIND(key, K_SLICE)) {
        int64_t start, stop, step, count;
        if (slice_indices(vm, AS(SliceObj, key), r->nrows, &start, &stop, &step, &count))
            return ERRV;
        ListObj *l = list_new(vm, 0);
        for (int64_t j = 0; l && j < count; j++) {
            Value row = row_tuple(vm, r, start + j * step);
            if (str_append(vm, l, row)) return decref(v_obj(l)), ERRV;
        }
        return l ? v_obj(l) : ERRV;
    }
    int64_t i;
    if (obj_index(vm, key, &i, "result set indices")) return ERRV;
    if (i < 0) i += r->nrows;
    if (i < 0 || i >= r->nrows)
        return vm_raise(vm, vm->E.IndexError, "result set index out of range");
    return row_tuple(vm, r, i);
}

static Value rs_len(VM *vm, Value self) {
    (void)vm;
    return v_int(RS(self)->nrows);
}

static int rs_truth(VM *vm, Value self) {
    (void)vm;
    return RS(self)->nrows > 0;
}

static Value columns_list(VM *vm, const ResultSet *r) {
    ListObj *l = list_new(vm, (size_t)r->ncols);
    if (!l) return ERRV;
    for (int k = 0; k < r->ncols; k++) l->items[k] = vref(v_obj(r->cols[k].name));
    return v_obj(l);
}

static Value rs_getattr(VM *vm, Value self, StrObj *name) {
    const ResultSet *r = RS(self);
    const char *n = name->s;
    if (!strcmp(n, "columns") || !strcmp(n, "keys")) return columns_list(vm, r);
    if (!strcmp(n, "rowcount")) return v_int(r->affected >= 0 ? r->affected : r->nrows);
    if (!strcmp(n, "lastrowid")) return v_int((int64_t)r->insert_id);
    if (!strcmp(n, "elapsed")) return v_float(r->elapsed);
    return v_null();
}

static void rs_free(VM *vm, Obj *o) {
    ResultSet *r = (ResultSet *)o;
    for (int i = 0; i < r->ncols; i++) col_clear(vm, &r->cols[i]);
    free(r->cols);
}

/* ---------------------------------------------------------------- methods */

static Value m_dicts(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "dicts", "self", argc, argv, kw, a)) return ERRV;
    const ResultSet *r = RS(argv[0]);
    ListObj *l = list_new(vm, 0);
    if (!l) return ERRV;
    for (int64_t i = 0; i < r->nrows; i++) {
        DictObj *d = dict_new(vm);
        if (!d) goto fail;
        for (int k = 0; k < r->ncols; k++) {
            Value v = cell(&r->cols[k], i);
            int bad = dict_set(vm, d, v_obj(r->cols[k].name), v);
            decref(v);
            if (bad) {
                decref(v_obj(d));
                goto fail;
            }
        }
        if (str_append(vm, l, v_obj(d))) goto fail;
    }
    return v_obj(l);
fail:
    decref(v_obj(l));
    return ERRV;
}

/* Numeric columns side by side: int64 when every column is an int column without NULLs,
 * else float64 with nan for NULL. */
static Value m_to_array(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "to_array", "self", argc, argv, kw, a)) return ERRV;
    const ResultSet *r = RS(argv[0]);
    int all_int = 1;
    for (int k = 0; k < r->ncols; k++) {
        const SqlCol *c = &r->cols[k];
        if (c->kind == SQL_COL_STR)
            return vm_raise(vm, vm->E.TypeError, "to_array(): column '%s' is not numeric",
                            c->name->s);
        all_int &= c->kind == SQL_COL_INT && IS_NULL(c->mask);
    }
    int64_t shape[2] = {r->nrows, r->ncols};
    ArrObj *out = arr_new(vm, all_int ? DT_INT64 : DT_FLOAT64, 2, shape, 0);
    if (!out) return ERRV;
    for (int k = 0; k < r->ncols; k++) {
        const SqlCol *c = &r->cols[k];
        const char *src = AS(ArrObj, c->data)->data;
        for (int64_t i = 0; i < r->nrows; i++) {
            char *dst = out->data + (i * r->ncols + k) * 8;
            if (all_int || c->kind == SQL_COL_FLOAT) memcpy(dst, src + i * 8, 8);
            else {
                double d = is_null(c, i) ? NAN : (double)((const int64_t *)src)[i];
                memcpy(dst, &d, 8);
            }
        }
    }
    return v_obj(out);
}

/* mask('col'): a bool ndarray, True where the column is NULL. */
static Value m_mask(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "mask", "self,column", argc, argv, kw, a)) return ERRV;
    const ResultSet *r = RS(argv[0]);
    int k = find_col(vm, r, a[1]);
    if (k < 0) return ERRV;
    const SqlCol *c = &r->cols[k];
    if (!IS_NULL(c->mask)) return vref(c->mask);
    int64_t n = r->nrows;
    ArrObj *m = arr_new(vm, DT_BOOL, 1, &n, 1);
    if (!m) return ERRV;
    for (int64_t i = 0; i < n; i++) m->data[i] = (char)is_null(c, i);
    return v_obj(m);
}

static const BuiltinDef RS_METHODS[] = {
    {"dicts", m_dicts, "()", "The rows as a list of dicts (column name to value, NULL as None)."},
    {"to_array", m_to_array, "()", "The numeric columns as a 2-D ndarray (nan for NULL)."},
    {"mask", m_mask, "(column)", "A bool ndarray, True where column is NULL."},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- display */

/* Text of one cell for the tables; NULL shows as NULL. */
static void cell_text(const SqlCol *c, int64_t i, SBuf *out) {
    if (is_null(c, i)) {
        sb_puts(out, "NULL");
    } else if (c->kind == SQL_COL_INT) {
        sb_printf(out, "%lld", (long long)((int64_t *)AS(ArrObj, c->data)->data)[i]);
    } else if (c->kind == SQL_COL_FLOAT) {
        double d = ((double *)AS(ArrObj, c->data)->data)[i];
        if (c->decimals >= 0 && c->decimals < 31) sb_printf(out, "%.*f", c->decimals, d);
        else float_repr_sb(d, out);
    } else {
        const StrObj *s = AS(StrObj, AS(ListObj, c->data)->items[i]);
        size_t shown = 0, k = 0;
        for (; k < s->len && shown < 60; k++) {
            unsigned char ch = (unsigned char)s->s[k];
            sb_putc(out, ch < ' ' ? ' ' : (char)ch);
            if ((ch & 0xC0) != 0x80) shown++;
        }
        while (k < s->len && ((unsigned char)s->s[k] & 0xC0) == 0x80) sb_putc(out, s->s[k++]);
        if (k < s->len) sb_puts(out, "...");
    }
}

static int displaylimit(VM *vm) {
    SqlState *st = SQLST(vm);
    return st ? st->displaylimit : SQL_DEFAULT_DISPLAYLIMIT;
}

static int64_t shown_rows(VM *vm, const ResultSet *r) {
    int lim = displaylimit(vm);
    return lim > 0 && r->nrows > lim ? lim : r->nrows;
}

static void footer(VM *vm, const ResultSet *r, SBuf *out, int html) {
    const char *p = html ? "<p>" : "", *q = html ? "</p>\n" : "\n";
    if (r->affected >= 0) {
        sb_printf(out, "%s%lld row%s affected%s", p, (long long)r->affected,
                  r->affected == 1 ? "" : "s", html ? "</p>\n" : "");
        return;
    }
    if (shown_rows(vm, r) < r->nrows)
        sb_printf(out, "%sTruncated to displaylimit of %d rows; %lld rows total%s", p,
                  displaylimit(vm), (long long)r->nrows, q);
    sb_printf(out, "%s%lld row%s in set (%.3f sec)%s", p, (long long)r->nrows,
              r->nrows == 1 ? "" : "s", r->elapsed, html ? "</p>\n" : "");
}

static void rule(SBuf *out, const size_t *w, int n) {
    for (int k = 0; k < n; k++) sb_putc(out, '+'), sb_fill(out, '-', w[k] + 2);
    sb_puts(out, "+\n");
}

/* mysql's table: numbers to the right, text to the left. */
static int text_table(VM *vm, const ResultSet *r, SBuf *out) {
    int64_t rows = shown_rows(vm, r);
    size_t *w = calloc((size_t)r->ncols + 1, sizeof *w);
    SBuf *cells = calloc((size_t)(rows * r->ncols + 1), sizeof(SBuf));
    if (!w || !cells) {
        free(w);
        free(cells);
        return vm_nomem(vm), -1;
    }
    for (int k = 0; k < r->ncols; k++) w[k] = r->cols[k].name->nchars;
    for (int64_t i = 0; i < rows; i++)
        for (int k = 0; k < r->ncols; k++) {
            SBuf *s = &cells[i * r->ncols + k];
            cell_text(&r->cols[k], i, s);
            size_t cw = utf8_count(s->s ? s->s : "", s->len);
            if (cw > w[k]) w[k] = cw;
        }
    if (r->ncols) {
        rule(out, w, r->ncols);
        for (int k = 0; k < r->ncols; k++) {
            sb_printf(out, "| %s", r->cols[k].name->s);
            sb_fill(out, ' ', w[k] - r->cols[k].name->nchars + 1);
        }
        sb_puts(out, "|\n");
        rule(out, w, r->ncols);
        for (int64_t i = 0; i < rows; i++) {
            for (int k = 0; k < r->ncols; k++) {
                SBuf *s = &cells[i * r->ncols + k];
                size_t pad = w[k] - utf8_count(s->s ? s->s : "", s->len);
                sb_puts(out, "| ");
                if (r->cols[k].kind != SQL_COL_STR) sb_fill(out, ' ', pad);
                sb_putn(out, s->s ? s->s : "", s->len);
                sb_fill(out, ' ', (r->cols[k].kind == SQL_COL_STR ? pad : 0) + 1);
            }
            sb_puts(out, "|\n");
        }
        rule(out, w, r->ncols);
    }
    for (int64_t i = 0; i < rows * r->ncols; i++) sb_free(&cells[i]);
    free(cells);
    free(w);
    footer(vm, r, out, 0);
    if (out->len && out->s[out->len - 1] == '\n') out->s[--out->len] = 0;
    return 0;
}

static void html_escape(SBuf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': sb_puts(out, "&amp;"); break;
        case '<': sb_puts(out, "&lt;"); break;
        case '>': sb_puts(out, "&gt;"); break;
        case '"': sb_puts(out, "&quot;"); break;
        case '\'': sb_puts(out, "&#39;"); break;
        default: sb_putc(out, s[i]);
        }
    }
}

static void html_table(VM *vm, const ResultSet *r, SBuf *out) {
    int64_t rows = shown_rows(vm, r);
    if (r->ncols) {
        sb_puts(out, "<table>\n<thead>\n<tr>");
        for (int k = 0; k < r->ncols; k++) {
            sb_puts(out, "<th>");
            html_escape(out, r->cols[k].name->s, r->cols[k].name->len);
            sb_puts(out, "</th>");
        }
        sb_puts(out, "</tr>\n</thead>\n<tbody>\n");
        SBuf s = SBUF_INIT;
        for (int64_t i = 0; i < rows; i++) {
            sb_puts(out, "<tr>");
            for (int k = 0; k < r->ncols; k++) {
                s.len = 0;
                cell_text(&r->cols[k], i, &s);
                sb_puts(out, r->cols[k].kind == SQL_COL_STR ? "<td>"
                                                            : "<td style=\"text-align: right\">");
                if (is_null(&r->cols[k], i)) sb_puts(out, "<i>NULL</i>");
                else html_escape(out, s.s ? s.s : "", s.len);
                sb_puts(out, "</td>");
            }
            sb_puts(out, "</tr>\n");
        }
        sb_free(&s);
        sb_puts(out, "</tbody>\n</table>\n");
    }
    footer(vm, r, out, 1);
}

static int rs_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)str;
    const ResultSet *r = RS(self);
    if (r->affected >= 0) {
        footer(vm, r, out, 0);
        return 0;
    }
    return text_table(vm, r, out);
}

static int rs_bundle(VM *vm, Value self, ab_bundle *b) {
    SBuf t = SBUF_INIT, h = SBUF_INIT;
    if (rs_repr(vm, self, &t, 0)) return -1;
    int r = ab_bundle_add(b, "text/plain", t.s ? t.s : "", t.len);
    if (!r && RS(self)->affected < 0) {
        html_table(vm, RS(self), &h);
        r = ab_bundle_add(b, "text/html", h.s ? h.s : "", h.len);
    }
    sb_free(&t);
    sb_free(&h);
    if (r) vm_nomem(vm);
    return r;
}

static const NativeOps RS_OPS = {
    .free = rs_free, .repr = rs_repr, .getattr = rs_getattr, .getitem = rs_getitem,
    .len = rs_len, .truth = rs_truth, .bundle = rs_bundle,
};

int sql_result_init(VM *vm, SqlState *st) {
    if (!(st->t_result = type_new(vm, "ResultSet", vm->t_object, K_NATIVE))) return -1;
    st->t_result->module = "abacus.sql";
    st->t_result->ops = &RS_OPS;
    st->t_result->doc = "The rows of a SQL statement: len(rs), rs[i] (a row tuple), rs['col'] "
                        "(a column: int64/float64 ndarray or list of str), rs.columns, "
                        "rs.to_array(), rs.dicts(), rs.mask('col').";
    return type_add_methods(vm, st->t_result, RS_METHODS);
}
