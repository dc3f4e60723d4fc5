/* npfuncs2.c: the rest of the numpy module: more creation (logspace, diag, tri, tril/triu,
 * meshgrid, indices, fromfunction), order statistics (median, percentile, quantile), weighted
 * statistics (average, cov, corrcoef, histogram, bincount), searching (searchsorted), shape
 * edits (flip, roll, tile, repeat, resize, append, insert, delete, the split family),
 * np.vectorize, and the flat / flags attributes of arrays. Where NumPy's own implementation is
 * Python over other numpy functions, the same composition is done here through the module. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../sbuf.h"
#include "array.h"

/* ---------------------------------------------------------------- helpers */

static int is_none(Value v) {
    return IS_NULL(v) || v.tag == T_NONE;
}
static void drop(VM *vm, ArrObj *a) {
    if (a) decref(v_obj(a));
}
static void dropv(VM *vm, Value v) {
    if (!IS_NULL(v) && !IS_ERR(v)) decref(v);
}
static int opt_truth(VM *vm, Value v, int dflt) {
    return IS_NULL(v) ? dflt : obj_truth(vm, v);
}
static int opt_int(VM *vm, Value v, int64_t dflt, int64_t *out) {
    *out = dflt;
    if (is_none(v)) return 0;
    return obj_index(vm, v, out, "'%s' object cannot be interpreted as an integer");
}
static int kind_of(int dt) {
    return arr_dtypes[dt].kind;
}

/* A numpy module attribute (borrowed), NULL value when missing. */
static Value np_attr(VM *vm, const char *name) {
    StrObj *mn = str_intern(vm, "numpy", 5), *n = str_intern(vm, name, strlen(name));
    if (!mn || !n) return v_null();
    Value m = dict_get_str(vm->modules, mn);
    if (IS_NULL(m) || !IS_KIND(m, K_MODULE)) return v_null();
    return dict_get_str(AS(ModuleObj, m)->dict, n);
}

static Value np_call(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw) {
    Value f = np_attr(vm, name);
    if (IS_NULL(f)) return vm_raise(vm, vm->E.AttributeError, "numpy has no '%s'", name);
    return obj_call(vm, f, argc, argv, kw);
}

static Value meth_call(VM *vm, Value obj, const char *name, int argc, const Value *argv,
                       const KwArgs *kw) {
    StrObj *n = str_intern(vm, name, strlen(name));
    Value m = n ? obj_getattr(vm, obj, n) : ERRV;
    if (IS_ERR(m)) return ERRV;
    Value r = obj_call(vm, m, argc, argv, kw);
    decref(m);
    return r;
}

/* Keyword arguments built in C: names are interned (borrowed), values borrowed. */
typedef struct KwBuf {
    Value names[6], values[6];
    KwArgs kw;
} KwBuf;

static const KwArgs *kw_add(VM *vm, KwBuf *k, const char *name, Value v) {
    if (k->kw.n == 0) k->kw.names = k->names, k->kw.values = k->values;
    StrObj *s = str_intern(vm, name, strlen(name));
    if (!s || IS_NULL(v)) return &k->kw;
    k->names[k->kw.n] = v_obj(s);
    k->values[k->kw.n++] = v;
    return &k->kw;
}

/* An ArrObj from a Value result (consumed); NULL when it is not one (TypeError raised). */
static ArrObj *as_arr(VM *vm, Value v) {
    if (IS_ERR(v)) return NULL;
    ArrObj *a = arr_of(vm, v);
    if (a) return a;
    a = arr_from_any(vm, v, -1);
    decref(v);
    return a;
}

/* Moves idx to the next C-order multi-index of shape. */
static void next_index(int nd, const int64_t *shape, int64_t *idx) {
    for (int d = nd - 1; d >= 0; d--) {
        if (++idx[d] < shape[d]) return;
        idx[d] = 0;
    }
}

static char *elem_at(const ArrObj *a, const int64_t *idx) {
    char *p = a->data;
    for (int d = 0; d < a->ndim; d++) p += idx[d] * a->strides[d];
    return p;
}

/* Element i (C order) of a. */
static const char *elem_flat(const ArrObj *a, int64_t i) {
    const char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        p += (i % a->shape[d]) * a->strides[d];
        i /= a->shape[d];
    }
    return p;
}

static ArrObj *flat_of(VM *vm, ArrObj *x) {
    int64_t n = x->size;
    return arr_reshape(vm, x, 1, &n);
}

/* Parses axis (None: all, int or tuple) into red[]; returns -1 raised. */
static int parse_axes(VM *vm, Value axis, int ndim, int *red) {
    if (is_none(axis)) {
        for (int d = 0; d < ndim; d++) red[d] = 1;
        return 0;
    }
    for (int d = 0; d < ndim; d++) red[d] = 0;
    const Value *items = &axis;
    int n = 1;
    if (IS_KIND(axis, K_TUPLE) || IS_KIND(axis, K_LIST)) {
        items = AS(ListObj, axis)->items;
        n = (int)AS(ListObj, axis)->len;
    }
    for (int i = 0; i < n; i++) {
        int ax;
        if (npf_axis(vm, items[i], ndim, &ax)) return -1;
        if (red[ax]) return vm_raise(vm, vm->E.ValueError, "duplicate value in 'axis'"), -1;
        red[ax] = 1;
    }
    return 0;
}

static Value raise_cast(VM *vm, int from, int to) {
    return vm_raise(vm, vm->E.TypeError,
                    "Cannot cast array data from dtype('%s') to dtype('%s') "
                    "according to the rule 'safe'",
                    arr_dtypes[from].name, arr_dtypes[to].name);
}

/* ---------------------------------------------------------------- creation */

static Value f_logspace(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[7];
    if (arg_parse(vm, "logspace", "start,stop|num,endpoint,base,dtype,axis", argc, argv, kw, a))
        return ERRV;
    KwBuf k = {0};
    kw_add(vm, &k, "num", a[2]);
    Value y = np_call(vm, "linspace", 2, a, kw_add(vm, &k, "endpoint", a[3]));
    if (IS_ERR(y)) return ERRV;
    Value r = ufunc_binary(vm, OP_POW, IS_NULL(a[4]) ? v_float(10.0) : a[4], y, NULL);
    decref(y);
    if (IS_ERR(r) || is_none(a[5])) return r;
    Value out = meth_call(vm, r, "astype", 1, &a[5], NULL);
    decref(r);
    return out;
}

static Value f_diag(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    int64_t k;
    if (arg_parse(vm, "diag", "v|k", argc, argv, kw, a) || opt_int(vm, a[1], 0, &k)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *r = NULL;
    if (!x) return ERRV;
    if (x->ndim == 1) {
        int64_t n = x->shape[0] + (k < 0 ? -k : k), sh[2] = {n, n};
        if ((r = arr_new(vm, x->dtype, 2, sh, 1))) {
            int64_t isz = arr_dtypes[x->dtype].size;
            for (int64_t i = 0; i < x->shape[0]; i++) {
                int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
                memcpy(r->data + row * r->strides[0] + col * r->strides[1],
                       x->data + i * x->strides[0], (size_t)isz);
            }
        }
    } else if (x->ndim == 2) { /* a read-only view of the diagonal, as NumPy's diagonal() */
        int64_t rows = x->shape[0], cols = x->shape[1], len;
        char *p = x->data;
        if (k >= 0)
            len = cols - k < rows ? cols - k : rows, p += k * x->strides[1];
        else
            len = rows + k < cols ? rows + k : cols, p += -k * x->strides[0];
        if (len <= 0) len = 0, p = x->data;
        int64_t st = x->strides[0] + x->strides[1];
        if ((r = arr_view(vm, x, x->dtype, 1, &len, &st, p))) r->flags &= ~ARR_WRITEABLE;
    } else {
        vm_raise(vm, vm->E.ValueError, "Input must be 1- or 2-d.");
    }
    drop(vm, x);
    return arr_value(r);
}

/* tri's mask: element (i, j) is set when j <= i + k. */
static ArrObj *tri_of(VM *vm, int64_t n, int64_t m, int64_t k, int dt) {
    int64_t sh[2] = {n, m};
    ArrObj *r = arr_new(vm, dt, 2, sh, 1);
    if (!r) return NULL;
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m && j <= i + k; j++)
            dt_from_int64(dt, r->data + i * r->strides[0] + j * r->strides[1], 1);
    return r;
}

static Value f_tri(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    int64_t n, m, k;
    if (arg_parse(vm, "tri", "N|M,k,dtype", argc, argv, kw, a) || opt_int(vm, a[0], 0, &n) ||
        opt_int(vm, a[1], n, &m) || opt_int(vm, a[2], 0, &k))
        return ERRV;
    int dt = is_none(a[3]) ? DT_FLOAT64 : dt_parse(vm, a[3]);
    if (dt < 0) return ERRV;
    return arr_value(tri_of(vm, n, m, k, dt));
}

/* tril (upper = 0) keeps j <= i + k; triu keeps j >= i + k. 1-D input acts as one row
 * broadcast over a square. */
static Value tri_part(VM *vm, const char *name, int upper, int argc, const Value *argv,
                      const KwArgs *kw) {
    Value a[2];
    int64_t k;
    if (arg_parse(vm, name, "m|k", argc, argv, kw, a) || opt_int(vm, a[1], 0, &k)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    if (x->ndim == 0) {
        drop(vm, x);
        return vm_raise(vm, vm->E.TypeError, "tri() missing 1 required positional argument: 'N'");
    }
    int nd = x->ndim < 2 ? 2 : x->ndim;
    int64_t shape[ARR_MAXDIM], st[ARR_MAXDIM], idx[ARR_MAXDIM] = {0};
    if (x->ndim == 1)
        shape[0] = shape[1] = x->shape[0];
    else
        memcpy(shape, x->shape, sizeof(int64_t) * (size_t)nd);
    arr_bcast_strides(x, nd, shape, st);
    ArrObj *r = arr_new(vm, x->dtype, nd, shape, 1);
    int64_t isz = arr_dtypes[x->dtype].size;
    for (int64_t f = 0; r && f < r->size; f++, next_index(nd, shape, idx)) {
        int64_t i = idx[nd - 2], j = idx[nd - 1];
        if (upper ? j < i + k : j > i + k) continue;
        const char *p = x->data;
        for (int d = 0; d < nd; d++) p += idx[d] * st[d];
        memcpy(r->data + f * isz, p, (size_t)isz);
    }
    drop(vm, x);
    return arr_value(r);
}

static Value f_tril(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return tri_part(vm, "tril", 0, argc, argv, kw);
}
static Value f_triu(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return tri_part(vm, "triu", 1, argc, argv, kw);
}

/* x (flattened) laid along axis pos of an nd-dim grid of shape; copies unless view. */
static ArrObj *grid_axis(VM *vm, ArrObj *flat, int nd, const int64_t *shape, int pos, int view) {
    int64_t st[ARR_MAXDIM];
    for (int d = 0; d < nd; d++) st[d] = d == pos ? flat->strides[0] : 0;
    ArrObj *v = arr_view(vm, flat, flat->dtype, nd, shape, st, flat->data);
    if (!v || view) return v;
    ArrObj *c = arr_copy(vm, v, -1);
    drop(vm, v);
    return c;
}

static Value f_meshgrid(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value o[3];
    if (arg_parse(vm, "meshgrid", "$|copy,sparse,indexing", 0, NULL, kw, o)) return ERRV;
    int copy = opt_truth(vm, o[0], 1), sparse = opt_truth(vm, o[1], 0), xy = 1;
    if (copy < 0 || sparse < 0) return ERRV;
    if (!IS_NULL(o[2])) {
        const char *s = IS_KIND(o[2], K_STR) ? AS(StrObj, o[2])->s : "";
        if (strcmp(s, "xy") && strcmp(s, "ij"))
            return vm_raise(vm, vm->E.ValueError, "Valid values for `indexing` are 'xy' and 'ij'.");
        xy = !strcmp(s, "xy");
    }
    if (argc > ARR_MAXDIM) return vm_raise(vm, vm->E.ValueError, "too many dimensions");
    ArrObj *flats[ARR_MAXDIM] = {0};
    int64_t full[ARR_MAXDIM];
    ListObj *out = list_new(vm, 0);
    if (!out) return ERRV;
    for (int i = 0; i < argc; i++) {
        ArrObj *x = arr_from_any(vm, argv[i], -1);
        flats[i] = x ? flat_of(vm, x) : NULL;
        drop(vm, x);
        if (!flats[i]) goto fail;
        full[i] = flats[i]->size;
    }
    if (xy && argc > 1) full[0] = flats[1]->size, full[1] = flats[0]->size;
    for (int i = 0; i < argc; i++) {
        int pos = xy && argc > 1 && i < 2 ? 1 - i : i;
        int64_t sh[ARR_MAXDIM];
        for (int d = 0; d < argc; d++) sh[d] = sparse && d != pos ? 1 : full[d];
        ArrObj *g = grid_axis(vm, flats[i], argc, sh, pos, !copy);
        if (!g || list_append(vm, out, v_obj(g))) {
            drop(vm, g);
            goto fail;
        }
        drop(vm, g);
    }
    for (int i = 0; i < argc; i++) drop(vm, flats[i]);
    return v_obj(out);
fail:
    for (int i = 0; i < argc; i++) drop(vm, flats[i]);
    decref(v_obj(out));
    return ERRV;
}

static ArrObj *indices_of(VM *vm, int nd, const int64_t *dims, int dt) {
    int64_t sh[ARR_MAXDIM + 1], idx[ARR_MAXDIM] = {0};
    sh[0] = nd;
    memcpy(sh + 1, dims, sizeof(int64_t) * (size_t)nd);
    ArrObj *r = arr_new(vm, dt, nd + 1, sh, 0);
    if (!r) return NULL;
    int64_t n = r->size / (nd ? nd : 1), isz = arr_dtypes[dt].size;
    for (int64_t f = 0; f < n; f++, next_index(nd, dims, idx))
        for (int i = 0; i < nd; i++) dt_from_int64(dt, r->data + (i * n + f) * isz, idx[i]);
    return r;
}

static Value f_indices(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    int nd;
    int64_t dims[ARR_MAXDIM];
    if (arg_parse(vm, "indices", "dimensions|dtype,sparse", argc, argv, kw, a)) return ERRV;
    int dt = is_none(a[1]) ? DT_INT64 : dt_parse(vm, a[1]);
    if (dt < 0 || npf_shape(vm, a[0], &nd, dims)) return ERRV;
    return arr_value(indices_of(vm, nd, dims, dt));
}

/* fromfunction(function, shape, *, dtype=float, **kwargs): function(*indices(shape)). */
static Value f_fromfunction(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (argc != 2) return vm_raise(vm, vm->E.TypeError, "fromfunction() missing required argument");
    int dt = DT_FLOAT64, nd;
    int64_t dims[ARR_MAXDIM];
    KwArgs rest = {0};
    Value names[16], values[16];
    for (int i = 0; kw && i < kw->n; i++) {
        if (!strcmp(AS(StrObj, kw->names[i])->s, "dtype")) {
            if ((dt = dt_parse(vm, kw->values[i])) < 0) return ERRV;
        } else if (strcmp(AS(StrObj, kw->names[i])->s, "like") && rest.n < 16) {
            names[rest.n] = kw->names[i];
            values[rest.n++] = kw->values[i];
        }
    }
    rest.names = names, rest.values = values;
    if (npf_shape(vm, argv[1], &nd, dims)) return ERRV;
    ArrObj *ix = indices_of(vm, nd, dims, dt);
    if (!ix) return ERRV;
    Value args[ARR_MAXDIM];
    int got = 0;
    for (; got < nd; got++)
        if (IS_ERR(args[got] = idx_getitem(vm, v_obj(ix), v_int(got)))) break;
    Value r = got == nd ? obj_call(vm, argv[0], nd, args, &rest) : ERRV;
    for (int i = 0; i < got; i++) decref(args[i]);
    drop(vm, ix);
    return r;
}

/* ---------------------------------------------------------------- order statistics */

/* Rows of x to reduce: the kept axes first, the reduced ones merged into a last axis of
 * length *n, each row sorted. Kept shape in kshape[*nk]. */
static ArrObj *sorted_rows(VM *vm, ArrObj *x, const int *red, int64_t *n, int *nk,
                           int64_t *kshape) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM], rn = 1;
    int j = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!red[d]) kshape[j] = sh[j] = x->shape[d], st[j++] = x->strides[d];
    *nk = j;
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) sh[j] = x->shape[d], st[j++] = x->strides[d], rn *= x->shape[d];
    *n = rn;
    ArrObj *v = arr_view(vm, x, x->dtype, x->ndim, sh, st, x->data);
    if (!v) return NULL;
    int64_t rs[ARR_MAXDIM];
    memcpy(rs, kshape, sizeof(int64_t) * (size_t)*nk);
    rs[*nk] = rn;
    ArrObj *r = arr_reshape(vm, v, *nk + 1, rs);
    drop(vm, v);
    if (!r) return NULL;
    Value s = np_call(vm, "sort", 1, (Value[]){v_obj(r)}, NULL);
    drop(vm, r);
    return as_arr(vm, s);
}

/* The result shape: lead (the q shape), then x's shape without the reduced axes (or with
 * them as 1 under keepdims). */
static int result_shape(const ArrObj *x, const int *red, int keep, int nlead, const int64_t *lead,
                        int64_t *shape) {
    int nd = nlead;
    if (nlead) memcpy(shape, lead, sizeof(int64_t) * (size_t)nlead);
    for (int d = 0; d < x->ndim; d++)
        if (!red[d])
            shape[nd++] = x->shape[d];
        else if (keep)
            shape[nd++] = 1;
    return nd;
}

static int has_nan_last(const ArrObj *s, const char *row, int64_t n) {
    if (n == 0 || (kind_of(s->dtype) != 'f' && kind_of(s->dtype) != 'c')) return 0;
    Complex z = dt_to_complex(s->dtype, row + (n - 1) * arr_dtypes[s->dtype].size);
    return isnan(z.re) || isnan(z.im);
}

static Value f_median(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "median", "a|axis,out,overwrite_input,keepdims", argc, argv, kw, a))
        return ERRV;
    int keep = opt_truth(vm, a[4], 0), red[ARR_MAXDIM], nk;
    if (keep < 0) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *s = NULL, *r = NULL;
    if (!x) return ERRV;
    if (kind_of(x->dtype) == 'c') {
        vm_raise(vm, vm->E.NotImplementedError, "median of complex arrays is not supported");
        goto done;
    }
    int64_t n, kshape[ARR_MAXDIM], shape[ARR_MAXDIM];
    if (parse_axes(vm, a[1], x->ndim, red) || !(s = sorted_rows(vm, x, red, &n, &nk, kshape)))
        goto done;
    /* float16 and float32 average in float32 (float16's mean accumulates in float32) */
    int f32 = x->dtype == DT_FLOAT32 || x->dtype == DT_FLOAT16;
    int rdt = f32 ? x->dtype : DT_FLOAT64, nd = result_shape(x, red, keep, 0, NULL, shape);
    if (!(r = arr_new(vm, rdt, nd, shape, 0))) goto done;
    int64_t isz = arr_dtypes[s->dtype].size;
    if (n == 0 && r->size) ufunc_warn(vm, "Mean of empty slice", "median");
    for (int64_t o = 0; o < r->size; o++) {
        const char *row = s->data + o * n * isz;
        double m;
        if (n == 0)
            m = NAN;
        else if (f32) {
            float lo = (float)dt_to_double(s->dtype, row + ((n - 1) / 2) * isz),
                  hi = (float)dt_to_double(s->dtype, row + (n / 2) * isz);
            m = n % 2 ? lo : (float)(lo + hi) / 2.0f;
        } else {
            double lo = dt_to_double(s->dtype, row + ((n - 1) / 2) * isz);
            m = n % 2 ? lo : (lo + dt_to_double(s->dtype, row + (n / 2) * isz)) / 2.0;
        }
        if (has_nan_last(s, row, n)) m = NAN;
        dt_from_double(rdt, r->data + o * arr_dtypes[rdt].size, m);
    }
done:
    drop(vm, x);
    drop(vm, s);
    return r ? arr_result(vm, r) : ERRV;
}

enum { QM_LINEAR, QM_LOWER, QM_HIGHER, QM_NEAREST, QM_MIDPOINT };

static int quantile_method(VM *vm, Value v) {
    static const char *const OURS[] = {"linear", "lower", "higher", "nearest", "midpoint"};
    static const char *const OTHERS[] = {"inverted_cdf",
                                         "averaged_inverted_cdf",
                                         "closest_observation",
                                         "interpolated_inverted_cdf",
                                         "hazen",
                                         "weibull",
                                         "median_unbiased",
                                         "normal_unbiased"};
    if (IS_NULL(v)) return QM_LINEAR;
    SBuf r = SBUF_INIT;
    if (IS_KIND(v, K_STR)) {
        for (int i = 0; i < 5; i++)
            if (!strcmp(AS(StrObj, v)->s, OURS[i])) return i;
        for (int i = 0; i < 8; i++)
            if (!strcmp(AS(StrObj, v)->s, OTHERS[i])) {
                vm_raise(vm, vm->E.NotImplementedError, "method '%s' is not supported", OTHERS[i]);
                return -1;
            }
    }
    if (obj_repr_sb(vm, v, &r)) return -1;
    vm_raise(vm, vm->E.ValueError,
             "%s is not a valid method. Use one of: dict_keys(["
             "'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', "
             "'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', "
             "'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'])",
             r.s);
    sb_free(&r);
    return -1;
}

/* diff = b - a in the array's dtype (integers wrap as NumPy's subtract does). */
static double diff_in(int dt, double a, double b, const char *pa, const char *pb) {
    if (dt == DT_FLOAT32) return (double)(*(const float *)pb - *(const float *)pa);
    if (kind_of(dt) == 'f') return b - a;
    char tmp[8];
    dt_from_int64(dt, tmp, dt_to_int64(dt, pb) - dt_to_int64(dt, pa));
    return dt_to_double(dt, tmp);
}

/* One quantile of a sorted row: *int_path tells the caller to copy the element at *pick. */
static double quantile_row(const ArrObj *s, const char *row, int64_t n, double q, int method,
                           int64_t *pick) {
    int64_t isz = arr_dtypes[s->dtype].size;
    double vi = (double)(n - 1) * q;
    *pick = -1;
    if (method == QM_LOWER || method == QM_HIGHER || method == QM_NEAREST) {
        double f = method == QM_LOWER ? floor(vi) : method == QM_HIGHER ? ceil(vi) : nearbyint(vi);
        int64_t i = (int64_t)f;
        *pick = i < 0 ? 0 : i >= n ? n - 1 : i;
        return 0;
    }
    int64_t prev = (int64_t)floor(vi), next = prev + 1;
    if (vi >= (double)(n - 1)) prev = next = -1;
    if (vi < 0) prev = next = 0;
    if (isnan(vi)) prev = next = -1;
    double gamma = vi - (double)prev;
    if (method == QM_MIDPOINT) gamma = fmod(vi, 1.0) == 0 ? 0.0 : 0.5;
    const char *pa = row + (prev < 0 ? prev + n : prev) * isz;
    const char *pb = row + (next < 0 ? next + n : next) * isz;
    double a = dt_to_double(s->dtype, pa), b = dt_to_double(s->dtype, pb);
    double diff = diff_in(s->dtype, a, b, pa, pb);
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

static Value quantile_fn(VM *vm, const char *name, int pct, int argc, const Value *argv,
                         const KwArgs *kw) {
    Value a[8];
    if (arg_parse(vm, name, "a,q|axis,out,overwrite_input,method,keepdims,$interpolation", argc,
                  argv, kw, a))
        return ERRV;
    int keep = opt_truth(vm, a[6], 0), method = quantile_method(vm, a[5]);
    if (keep < 0 || method < 0) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *q = NULL, *qd = NULL, *s = NULL, *r = NULL;
    if (!x || !(q = arr_from_any(vm, a[1], -1))) goto done;
    if (kind_of(x->dtype) == 'c' || kind_of(q->dtype) == 'c') {
        vm_raise(vm, vm->E.TypeError, "a and q must be real numbers");
        goto done;
    }
    if (x->dtype == DT_BOOL && (method == QM_LINEAR || method == QM_MIDPOINT)) {
        vm_raise(vm, vm->E.TypeError,
                 "numpy boolean subtract, the `-` operator, is not supported, "
                 "use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
        goto done;
    }
    if (!(qd = arr_copy(vm, q, DT_FLOAT64))) goto done;
    double *qv = (double *)qd->data;
    for (int64_t i = 0; i < qd->size; i++) {
        if (pct) qv[i] /= 100;
        if (!(qv[i] >= 0 && qv[i] <= 1)) {
            vm_raise(vm, vm->E.ValueError,
                     pct ? "Percentiles must be in the range [0, 100]"
                         : "Quantiles must be in the range [0, 1]");
            goto done;
        }
    }
    /* integer quantiles (np.quantile(a, 1)) index directly and keep a's dtype */
    int int_q = !pct && kind_of(q->dtype) != 'f' && method == QM_LINEAR;
    int keep_dt = int_q || method == QM_LOWER || method == QM_HIGHER || method == QM_NEAREST;
    int red[ARR_MAXDIM], nk;
    int64_t n, kshape[ARR_MAXDIM], shape[ARR_MAXDIM];
    if (parse_axes(vm, a[2], x->ndim, red) || !(s = sorted_rows(vm, x, red, &n, &nk, kshape)))
        goto done;
    if (n == 0) {
        vm_raise(vm, vm->E.IndexError, "index -1 is out of bounds for axis 0 with size 0");
        goto done;
    }
    int nd = result_shape(x, red, keep, q->ndim, q->shape, shape);
    int rdt = keep_dt ? x->dtype : DT_FLOAT64;
    if (!(r = arr_new(vm, rdt, nd, shape, 0))) goto done;
    int64_t outer = s->size / n, isz = arr_dtypes[s->dtype].size, rsz = arr_dtypes[rdt].size;
    for (int64_t qi = 0; qi < qd->size; qi++)
        for (int64_t o = 0; o < outer; o++) {
            const char *row = s->data + o * n * isz;
            char *dst = r->data + (qi * outer + o) * rsz;
            int64_t pick;
            double v = quantile_row(s, row, n, qv[qi], int_q ? QM_LOWER : method, &pick);
            if (pick >= 0)
                memcpy(dst, row + pick * isz, (size_t)isz);
            else
                dt_from_double(rdt, dst, v);
            if (has_nan_last(s, row, n)) dt_from_double(rdt, dst, NAN);
        }
done:
    drop(vm, x);
    drop(vm, q);
    drop(vm, qd);
    drop(vm, s);
    return r ? arr_result(vm, r) : ERRV;
}

static Value f_percentile(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return quantile_fn(vm, "percentile", 1, argc, argv, kw);
}
static Value f_quantile(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return quantile_fn(vm, "quantile", 0, argc, argv, kw);
}

/* ---------------------------------------------------------------- average, cov, corrcoef */

/* x.name(axis=axis, dtype=dtype, keepdims=keep) */
static Value reduce_call(VM *vm, Value x, const char *name, Value axis, int dtype, Value keep) {
    KwBuf k = {0};
    Value dtv = dtype >= 0 ? dt_object(vm, dtype) : v_null();
    kw_add(vm, &k, "axis", is_none(axis) ? v_none() : axis);
    kw_add(vm, &k, "dtype", dtv);
    Value r = meth_call(vm, x, name, 0, NULL, kw_add(vm, &k, "keepdims", keep));
    dropv(vm, dtv);
    return r;
}

static Value avg_returned(VM *vm, Value avg, Value scl) {
    ArrObj *aa = arr_of(vm, avg), *sa = arr_of(vm, scl);
    Value s2 = vref(scl);
    int same = aa && sa && aa->ndim == sa->ndim;
    for (int d = 0; same && d < aa->ndim; d++) same = aa->shape[d] == sa->shape[d];
    if (!same && aa && aa->ndim > 0) { /* broadcast_to(scl, avg.shape).copy() */
        ArrObj *z = arr_new(vm, sa ? sa->dtype : DT_FLOAT64, aa->ndim, aa->shape, 1);
        ArrObj *src = z ? arr_from_any(vm, scl, -1) : NULL;
        int rc = !src || dt_cast_into(vm, z, src);
        drop(vm, src);
        decref(s2);
        if (rc) {
            drop(vm, z);
            return ERRV;
        }
        s2 = v_obj(z);
    }
    Value t = tuple_pack(vm, 2, avg, s2);
    decref(s2);
    return t;
}

static Value f_average(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "average", "a|axis,weights,returned,$keepdims", argc, argv, kw, a))
        return ERRV;
    int returned = opt_truth(vm, a[3], 0);
    if (returned < 0) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *w = NULL, *wv = NULL;
    Value avg = ERRV, scl = ERRV, result = ERRV;
    if (!x) return ERRV;
    if (is_none(a[2])) {
        avg = reduce_call(vm, v_obj(x), "mean", a[1], -1, a[4]);
        if (IS_ERR(avg)) goto done;
        ArrObj *av = arr_of(vm, avg);
        double sc = (double)x->size / (double)(av ? av->size : 1);
        int dt = av ? av->dtype : DT_FLOAT64;
        char buf[16];
        if (dt == DT_COMPLEX128)
            *(Complex *)buf = (Complex){sc, 0};
        else
            dt_from_double(dt, buf, sc);
        scl = arr_scalar(vm, dt, buf);
    } else {
        if (!(w = arr_from_any(vm, a[2], -1))) goto done;
        int rdt = dt_promote(x->dtype, w->dtype);
        if (kind_of(x->dtype) == 'i' || kind_of(x->dtype) == 'u' || kind_of(x->dtype) == 'b')
            rdt = dt_promote(rdt, DT_FLOAT64);
        int same = x->ndim == w->ndim;
        for (int d = 0; same && d < x->ndim; d++) same = x->shape[d] == w->shape[d];
        wv = w;
        incref(v_obj(wv));
        if (!same) {
            int ax;
            if (is_none(a[1])) {
                vm_raise(vm, vm->E.TypeError,
                         "Axis must be specified when shapes of a and weights differ.");
                goto done;
            }
            if (w->ndim != 1) {
                vm_raise(vm, vm->E.TypeError,
                         "1D weights expected when shapes of a and weights differ.");
                goto done;
            }
            if (npf_axis(vm, a[1], x->ndim, &ax)) goto done;
            if (w->shape[0] != x->shape[ax]) {
                vm_raise(vm, vm->E.ValueError,
                         "Length of weights not compatible with specified axis.");
                goto done;
            }
            int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
            for (int d = 0; d < x->ndim; d++)
                sh[d] = d == ax ? w->shape[0] : 1, st[d] = d == ax ? w->strides[0] : 0;
            drop(vm, wv);
            if (!(wv = arr_view(vm, w, w->dtype, x->ndim, sh, st, w->data))) goto done;
        }
        scl = reduce_call(vm, v_obj(wv), "sum", a[1], rdt, a[4]);
        if (IS_ERR(scl)) goto done;
        ArrObj *z = as_arr(vm, ufunc_binary(vm, OP_EQ, scl, v_float(0.0), NULL));
        int t = z ? 0 : -1;
        for (int64_t i = 0; z && i < z->size && !t; i++) t = elem_flat(z, i)[0] != 0;
        drop(vm, z);
        if (t) {
            if (t > 0)
                vm_raise(vm, vm->E.ZeroDivisionError, "Weights sum to zero, can't be normalized");
            goto done;
        }
        ArrObj *xc = arr_copy(vm, x, rdt), *wc = xc ? arr_copy(vm, wv, rdt) : NULL;
        Value prod = wc ? ufunc_binary(vm, OP_MUL, v_obj(xc), v_obj(wc), NULL) : ERRV;
        drop(vm, xc);
        drop(vm, wc);
        if (IS_ERR(prod)) goto done;
        Value num = reduce_call(vm, prod, "sum", a[1], -1, a[4]);
        decref(prod);
        if (IS_ERR(num)) goto done;
        avg = ufunc_binary(vm, OP_DIV, num, scl, NULL);
        decref(num);
        if (IS_ERR(avg)) goto done;
    }
    if (IS_ERR(scl)) goto done;
    result = returned ? avg_returned(vm, avg, scl) : vref(avg);
done:
    drop(vm, x);
    drop(vm, w);
    drop(vm, wv);
    dropv(vm, avg);
    dropv(vm, scl);
    return result;
}

/* np.array(m, ndmin=2, dtype=dt), transposed when not rowvar (and more than one row). */
static ArrObj *cov_rows(VM *vm, Value m, int dt, int rowvar, const char *which) {
    ArrObj *x = arr_from_any(vm, m, -1);
    if (!x) return NULL;
    if (x->ndim > 2) {
        drop(vm, x);
        vm_raise(vm, vm->E.ValueError, "%s has more than 2 dimensions", which);
        return NULL;
    }
    int64_t sh[2] = {1, x->ndim == 1 ? x->shape[0] : 1};
    if (x->ndim == 2) sh[0] = x->shape[0], sh[1] = x->shape[1];
    ArrObj *c = arr_copy(vm, x, dt < 0 ? dt_promote(x->dtype, DT_FLOAT64) : dt);
    drop(vm, x);
    ArrObj *r = c ? arr_reshape(vm, c, 2, sh) : NULL;
    drop(vm, c);
    if (r && !rowvar && r->shape[0] != 1) {
        int64_t tsh[2] = {r->shape[1], r->shape[0]}, tst[2] = {r->strides[1], r->strides[0]};
        ArrObj *t = arr_view(vm, r, r->dtype, 2, tsh, tst, r->data);
        ArrObj *tc = t ? arr_copy(vm, t, -1) : NULL;
        drop(vm, t);
        drop(vm, r);
        r = tc;
    }
    return r;
}

/* cov's matrix before squeeze. */
static ArrObj *cov_matrix(VM *vm, const Value *a, int dt) {
    int rowvar = opt_truth(vm, a[2], 1), bias = opt_truth(vm, a[3], 0);
    int64_t ddof;
    if (rowvar < 0 || bias < 0 || opt_int(vm, a[4], bias ? 0 : 1, &ddof)) return NULL;
    if (!is_none(a[5]) || !is_none(a[6])) {
        vm_raise(vm, vm->E.NotImplementedError, "cov: fweights and aweights are not supported");
        return NULL;
    }
    if (dt < 0 && !is_none(a[1])) {
        ArrObj *m = arr_from_any(vm, a[0], -1), *y = m ? arr_from_any(vm, a[1], -1) : NULL;
        if (y) dt = dt_promote(dt_promote(m->dtype, y->dtype), DT_FLOAT64);
        drop(vm, m);
        drop(vm, y);
        if (!y) return NULL;
    }
    ArrObj *x = cov_rows(vm, a[0], dt, rowvar, "m");
    if (!x) return NULL;
    if (x->shape[0] == 0) {
        int64_t z[2] = {0, 0};
        drop(vm, x);
        return arr_new(vm, DT_FLOAT64, 2, z, 0);
    }
    if (!is_none(a[1])) {
        ArrObj *y = cov_rows(vm, a[1], x->dtype, rowvar, "y");
        Value pair = y ? tuple_pack(vm, 2, v_obj(x), v_obj(y)) : ERRV;
        Value cat = IS_ERR(pair) ? ERRV : np_call(vm, "concatenate", 1, &pair, NULL);
        decref(pair);
        drop(vm, x);
        drop(vm, y);
        if (!(x = as_arr(vm, cat))) return NULL;
    }
    int64_t nobs = x->shape[1];
    Value avg = meth_call(vm, v_obj(x), "mean", 1, (Value[]){v_int(1)}, NULL);
    ArrObj *av = IS_ERR(avg) ? NULL : as_arr(vm, avg);
    double fact = (double)(nobs - ddof);
    if (fact <= 0) {
        ufunc_warn(vm, "Degrees of freedom <= 0 for slice", "cov");
        fact = 0.0;
    }
    ArrObj *col = NULL, *c = NULL;
    if (av) {
        int64_t sh[2] = {av->shape[0], 1};
        col = arr_reshape(vm, av, 2, sh);
    }
    Value d = col ? ufunc_binary(vm, OP_SUB, v_obj(x), v_obj(col), x) : ERRV;
    drop(vm, av);
    drop(vm, col);
    if (!IS_ERR(d)) {
        decref(d);
        int64_t tsh[2] = {x->shape[1], x->shape[0]}, tst[2] = {x->strides[1], x->strides[0]};
        ArrObj *t = arr_view(vm, x, x->dtype, 2, tsh, tst, x->data);
        Value tv = t ? v_obj(t) : ERRV;
        if (t && x->dtype == DT_COMPLEX128) {
            tv = np_call(vm, "conjugate", 1, (Value[]){v_obj(t)}, NULL);
            drop(vm, t);
        }
        Value p = IS_ERR(tv) ? ERRV : np_call(vm, "dot", 2, (Value[]){v_obj(x), tv}, NULL);
        dropv(vm, tv);
        if ((c = as_arr(vm, p))) {
            double inv = fact == 0 ? INFINITY : 1.0 / fact;
            if (fact == 0) ufunc_warn(vm, "divide by zero", "divide");
            Value r = ufunc_binary(vm, OP_MUL, v_obj(c), v_float(inv), c);
            if (IS_ERR(r))
                drop(vm, c), c = NULL;
            else
                decref(r);
        }
    }
    drop(vm, x);
    return c;
}

/* squeeze that keeps a 0-d array an array (as ndarray.squeeze does). */
static ArrObj *squeeze_arr(VM *vm, ArrObj *c) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    int n = 0;
    for (int d = 0; d < c->ndim; d++)
        if (c->shape[d] != 1) sh[n] = c->shape[d], st[n++] = c->strides[d];
    return arr_view(vm, c, c->dtype, n, sh, st, c->data);
}

static int cov_args(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                    Value *a, int *dt) {
    if (arg_parse(vm, name, "m|y,rowvar,bias,ddof,fweights,aweights,$dtype", argc, argv, kw, a))
        return -1;
    *dt = is_none(a[7]) ? -1 : dt_parse(vm, a[7]);
    return is_none(a[7]) || *dt >= 0 ? 0 : -1;
}

static Value f_cov(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[8];
    int dt;
    if (cov_args(vm, "cov", argc, argv, kw, a, &dt)) return ERRV;
    ArrObj *c = cov_matrix(vm, a, dt);
    if (!c) return ERRV;
    ArrObj *s = squeeze_arr(vm, c);
    drop(vm, c);
    return arr_value(s);
}

static Value f_corrcoef(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[8];
    int dt;
    if (arg_parse(vm, "corrcoef", "x|y,rowvar,bias,ddof,$dtype", argc, argv, kw, a)) return ERRV;
    dt = is_none(a[5]) ? -1 : dt_parse(vm, a[5]);
    if (!is_none(a[5]) && dt < 0) return ERRV;
    Value ca[8] = {a[0], a[1], a[2], v_null(), v_null(), v_null(), v_null(), v_null()};
    ArrObj *c = cov_matrix(vm, ca, dt);
    if (!c) return ERRV;
    ArrObj *s = squeeze_arr(vm, c);
    drop(vm, c);
    if (!s) return ERRV;
    if (s->ndim != 2) { /* a single variable: c / c */
        Value r = ufunc_binary(vm, OP_DIV, v_obj(s), v_obj(s), NULL);
        drop(vm, s);
        return r;
    }
    ArrObj *r = arr_copy(vm, s, -1);
    drop(vm, s);
    if (!r || r->dtype != DT_FLOAT64) return arr_value(r);
    int64_t n = r->shape[0];
    double *v = (double *)r->data, *sd = malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!sd) return drop(vm, r), vm_nomem(vm);
    for (int64_t i = 0; i < n; i++) sd[i] = sqrt(v[i * n + i]);
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            double x = v[i * n + j] / sd[i];
            x /= sd[j];
            v[i * n + j] = x < -1 ? -1 : x > 1 ? 1 : x;
        }
    free(sd);
    return v_obj(r);
}

/* ---------------------------------------------------------------- histogram, bincount */

/* Sets *first, *last for equal-width bins (NumPy's _get_outer_edges). */
static int outer_edges(VM *vm, const ArrObj *x, Value range, double *first, double *last) {
    if (!is_none(range)) {
        ListObj *l = obj_to_list(vm, range);
        if (!l) return -1;
        int bad = l->len != 2 || obj_to_double(vm, l->items[0], first) ||
                  obj_to_double(vm, l->items[1], last);
        if (l->len != 2 && bad)
            vm_raise(vm, vm->E.ValueError, "too many values to unpack (expected 2)");
        decref(v_obj(l));
        if (bad) return -1;
        if (*first > *last)
            return vm_raise(vm, vm->E.ValueError,
                            "max must be larger than min in range parameter."),
                   -1;
        if (!isfinite(*first) || !isfinite(*last)) {
            SBuf a = SBUF_INIT, b = SBUF_INIT;
            float_repr_sb(*first, &a);
            float_repr_sb(*last, &b);
            vm_raise(vm, vm->E.ValueError, "supplied range of [%s, %s] is not finite", a.s, b.s);
            sb_free(&a);
            sb_free(&b);
            return -1;
        }
    } else if (x->size == 0) {
        *first = 0, *last = 1;
    } else {
        double lo = INFINITY, hi = -INFINITY;
        int nan = 0;
        for (int64_t i = 0; i < x->size; i++) {
            double v = dt_to_double(x->dtype, x->data + i * arr_dtypes[x->dtype].size);
            if (isnan(v)) nan = 1;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        if (nan) lo = hi = NAN;
        *first = lo, *last = hi;
        if (!isfinite(lo) || !isfinite(hi)) {
            SBuf a = SBUF_INIT, b = SBUF_INIT;
            float_repr_sb(lo, &a);
            float_repr_sb(hi, &b);
            vm_raise(vm, vm->E.ValueError, "autodetected range of [%s, %s] is not finite", a.s,
                     b.s);
            sb_free(&a);
            sb_free(&b);
            return -1;
        }
    }
    if (*first == *last) *first -= 0.5, *last += 0.5;
    return 0;
}

static double to_half(double d) {
    return dt_half_to_double(dt_half_from_double(d));
}

/* Bin of v among nb equal bins (NumPy's index computation, in the data's float dtype dt, and
 * its edge corrections). */
static int64_t uniform_bin(double v, double first, double denom, int64_t nb, const ArrObj *e,
                           int dt) {
    int64_t i;
    if (dt == DT_FLOAT16)
        i = (int64_t)to_half(to_half(to_half(v - to_half(first)) / to_half(denom)) * (double)nb);
    else if (dt == DT_FLOAT32)
        i = (int64_t)((((float)v - (float)first) / (float)denom) * (float)nb);
    else
        i = (int64_t)(((v - first) / denom) * (double)nb);
    if (i == nb) i--;
    if (v < dt_to_double(e->dtype, e->data + i * e->strides[0])) i--;
    if (i != nb - 1 && v >= dt_to_double(e->dtype, e->data + (i + 1) * e->strides[0])) i++;
    return i;
}

/* Bin of v for explicit edges: the last bin is closed; -1 outside. */
static int64_t edge_bin(double v, const double *e, int64_t ne) {
    if (!(v >= e[0] && v <= e[ne - 1])) return -1;
    if (v == e[ne - 1]) {
        int64_t i = ne - 1;
        while (i > 0 && e[i - 1] == v) i--; /* searchsorted left of the last edge */
        return i == ne - 1 ? ne - 2 : (i == 0 ? 0 : i - 1) < ne - 1 ? ne - 2 : -1;
    }
    int64_t lo = 0, hi = ne; /* first edge > v, minus one */
    while (lo < hi) {
        int64_t mid = (lo + hi) / 2;
        if (e[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

static ArrObj *histogram_edges(VM *vm, const ArrObj *x, Value bins, Value range, int64_t *nb,
                               double *first, double *last) {
    *nb = -1;
    ArrObj *b = arr_of(vm, bins);
    if (is_int(bins) || (b && b->ndim == 0 && kind_of(b->dtype) != 'f')) {
        int64_t n;
        if (obj_index(vm, bins, &n, "'%s' object cannot be interpreted as an integer")) return NULL;
        if (n < 1) {
            vm_raise(vm, vm->E.ValueError, "`bins` must be positive, when an integer");
            return NULL;
        }
        if (outer_edges(vm, x, range, first, last)) return NULL;
        *nb = n;
        int dt = x->dtype == DT_FLOAT32 || x->dtype == DT_FLOAT16 ? x->dtype : DT_FLOAT64;
        KwBuf k = {0};
        Value dtv = dt_object(vm, dt);
        Value args[3] = {v_float(*first), v_float(*last), v_int(n + 1)};
        Value e = np_call(vm, "linspace", 3, args, kw_add(vm, &k, "dtype", dtv));
        decref(dtv);
        return as_arr(vm, e);
    }
    if (IS_KIND(bins, K_STR)) {
        vm_raise(vm, vm->E.NotImplementedError,
                 "histogram: string bin estimators are not supported");
        return NULL;
    }
    ArrObj *e = arr_from_any(vm, bins, -1);
    if (!e) return NULL;
    if (e->ndim != 1) {
        drop(vm, e);
        vm_raise(vm, vm->E.ValueError, "`bins` must be 1d, when an array");
        return NULL;
    }
    for (int64_t i = 0; i + 1 < e->size; i++)
        if (dt_to_double(e->dtype, e->data + i * e->strides[0]) >
            dt_to_double(e->dtype, e->data + (i + 1) * e->strides[0])) {
            drop(vm, e);
            vm_raise(vm, vm->E.ValueError, "`bins` must increase monotonically, when an array");
            return NULL;
        }
    return e;
}

static Value f_histogram(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "histogram", "a|bins,range,density,weights", argc, argv, kw, a)) return ERRV;
    int density = opt_truth(vm, a[3], 0);
    if (density < 0) return ERRV;
    ArrObj *x0 = arr_from_any(vm, a[0], -1), *x = x0 ? arr_copy(vm, x0, -1) : NULL;
    ArrObj *w = NULL, *e = NULL, *h = NULL, *ed = NULL;
    double *hd = NULL;
    Value result = ERRV;
    drop(vm, x0);
    if (!x) return ERRV;
    if (!is_none(a[4])) {
        if (!(w = arr_from_any(vm, a[4], -1))) goto done;
        int same = w->ndim == x->ndim;
        for (int d = 0; same && d < x->ndim; d++) same = w->shape[d] == x->shape[d];
        if (!same) {
            vm_raise(vm, vm->E.ValueError, "weights should have the same shape as a.");
            goto done;
        }
        ArrObj *wc = arr_copy(vm, w, DT_FLOAT64);
        drop(vm, w);
        if (!(w = wc)) goto done;
    }
    int64_t nb;
    double first = 0, last = 1;
    if (!(e = histogram_edges(vm, x, IS_NULL(a[1]) ? v_int(10) : a[1], a[2], &nb, &first, &last)))
        goto done;
    int64_t nbins = nb > 0 ? nb : e->size - 1, isz = arr_dtypes[x->dtype].size;
    if (nbins < 0) nbins = 0;
    if (!(ed = arr_copy(vm, e, DT_FLOAT64)) || !(hd = calloc((size_t)nbins + 1, sizeof(double)))) {
        if (ed) vm_nomem(vm);
        goto done;
    }
    const double *ev = (const double *)ed->data;
    double lo = first, hi = last, denom = last - first;
    if (x->dtype == DT_FLOAT32) lo = (float)lo, hi = (float)hi;
    if (x->dtype == DT_FLOAT16) lo = to_half(lo), hi = to_half(hi);
    for (int64_t i = 0; nbins > 0 && i < x->size; i++) {
        double v = dt_to_double(x->dtype, x->data + i * isz);
        int64_t bin;
        if (nb > 0) {
            if (!(v >= lo && v <= hi)) continue;
            bin = uniform_bin(v, first, denom, nb, e, x->dtype);
        } else if ((bin = edge_bin(v, ev, e->size)) < 0) {
            continue;
        }
        hd[bin] += w ? ((double *)w->data)[i] : 1.0;
    }
    int hdt = density ? DT_FLOAT64 : w ? DT_FLOAT64 : DT_INT64;
    if (w && !density && !is_none(a[4])) {
        ArrObj *w0 = arr_from_any(vm, a[4], -1);
        if (!w0) goto done;
        hdt = w0->dtype;
        drop(vm, w0);
    }
    if (!(h = arr_new(vm, hdt, 1, &nbins, 0))) goto done;
    double total = 0;
    for (int64_t i = 0; i < nbins; i++) total += hd[i];
    for (int64_t i = 0; i < nbins; i++) {
        char *p = h->data + i * arr_dtypes[hdt].size;
        if (density)
            ((double *)h->data)[i] = hd[i] / (ev[i + 1] - ev[i]) / total;
        else if (kind_of(hdt) == 'f')
            dt_from_double(hdt, p, hd[i]);
        else
            dt_from_int64(hdt, p, (int64_t)hd[i]);
    }
    result = tuple_pack(vm, 2, v_obj(h), v_obj(e));
done:
    free(hd);
    drop(vm, x);
    drop(vm, w);
    drop(vm, e);
    drop(vm, ed);
    drop(vm, h);
    return result;
}

static Value f_bincount(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    int64_t minlength;
    if (arg_parse(vm, "bincount", "x|weights,minlength", argc, argv, kw, a) ||
        opt_int(vm, a[2], 0, &minlength))
        return ERRV;
    ArrObj *x0 = arr_of(vm, a[0]);
    if (x0 && kind_of(x0->dtype) != 'b' && !dt_can_cast_safe(x0->dtype, DT_INT64))
        return raise_cast(vm, x0->dtype, DT_INT64);
    ArrObj *x = arr_from_any(vm, a[0], x0 ? -1 : DT_INT64), *w = NULL, *r = NULL;
    if (!x) return ERRV;
    if (x->ndim != 1) {
        vm_raise(vm, vm->E.ValueError,
                 x->ndim ? "object too deep for desired array"
                         : "object of too small depth for desired array");
        goto done;
    }
    if (minlength < 0) {
        vm_raise(vm, vm->E.ValueError, "'minlength' must not be negative");
        goto done;
    }
    int64_t n = minlength, isz = arr_dtypes[x->dtype].size;
    for (int64_t i = 0; i < x->size; i++) {
        int64_t v = dt_to_int64(x->dtype, x->data + i * x->strides[0]);
        if (v < 0) {
            vm_raise(vm, vm->E.ValueError, "'list' argument must have no negative elements");
            goto done;
        }
        if (v + 1 > n) n = v + 1;
    }
    (void)isz;
    if (!is_none(a[1])) {
        if (!(w = arr_from_any(vm, a[1], DT_FLOAT64))) goto done;
        if (w->ndim != 1 || w->size != x->size) {
            vm_raise(vm, vm->E.ValueError, "The weights and list don't have the same length.");
            goto done;
        }
    }
    if (!(r = arr_new(vm, w ? DT_FLOAT64 : DT_INT64, 1, &n, 1))) goto done;
    for (int64_t i = 0; i < x->size; i++) {
        int64_t v = dt_to_int64(x->dtype, x->data + i * x->strides[0]);
        if (w)
            ((double *)r->data)[v] += *(const double *)(w->data + i * w->strides[0]);
        else
            ((int64_t *)r->data)[v]++;
    }
done:
    drop(vm, x);
    drop(vm, w);
    return arr_value(r);
}

/* ---------------------------------------------------------------- searchsorted */

#define NLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

static int64_t search_d(const double *s, int64_t n, double v, int right) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (right ? !NLT(v, s[mid]) : NLT(s[mid], v))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int64_t search_i(const int64_t *s, int64_t n, int64_t v, int right) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (right ? s[mid] <= v : s[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static Value searchsorted(VM *vm, Value av, Value vv, Value sidev, Value sorter) {
    int right = 0;
    if (!IS_NULL(sidev)) {
        const char *s = IS_KIND(sidev, K_STR) ? AS(StrObj, sidev)->s : "";
        if (strcmp(s, "left") && strcmp(s, "right")) {
            SBuf r = SBUF_INIT;
            if (obj_repr_sb(vm, sidev, &r)) return ERRV;
            vm_raise(vm, vm->E.ValueError, "search side must be 'left' or 'right' (got %s)", r.s);
            sb_free(&r);
            return ERRV;
        }
        right = s[0] == 'r';
    }
    ArrObj *a = arr_from_any(vm, av, -1), *v = a ? arr_from_any(vm, vv, -1) : NULL;
    ArrObj *srt = NULL, *keys = NULL, *vals = NULL, *r = NULL;
    if (!v) goto done;
    if (a->ndim != 1) {
        vm_raise(vm, vm->E.ValueError, "object too deep for desired array");
        goto done;
    }
    int ints = kind_of(a->dtype) != 'f' && kind_of(v->dtype) != 'f' && kind_of(a->dtype) != 'c' &&
               kind_of(v->dtype) != 'c';
    int kdt = ints ? DT_INT64 : DT_FLOAT64;
    if (!(keys = arr_copy(vm, a, kdt)) || !(vals = arr_copy(vm, v, kdt))) goto done;
    int64_t n = keys->size;
    if (!is_none(sorter)) { /* keys in sorter's order */
        if (!(srt = arr_from_any(vm, sorter, DT_INT64))) goto done;
        if (srt->size != n) {
            vm_raise(vm, vm->E.ValueError, "sorter.size must equal a.size");
            goto done;
        }
        ArrObj *k2 = arr_new(vm, kdt, 1, &n, 0);
        if (!k2) goto done;
        for (int64_t i = 0; i < n; i++) {
            int64_t j = ((int64_t *)srt->data)[i];
            if (j < 0 || j >= n) {
                drop(vm, k2);
                vm_raise(vm, vm->E.ValueError, "Sorter index out of range.");
                goto done;
            }
            memcpy(k2->data + i * 8, keys->data + j * 8, 8);
        }
        drop(vm, keys);
        keys = k2;
    }
    if (!(r = arr_new(vm, DT_INT64, v->ndim, v->shape, 0))) goto done;
    for (int64_t i = 0; i < vals->size; i++)
        ((int64_t *)r->data)[i] =
            ints ? search_i((int64_t *)keys->data, n, ((int64_t *)vals->data)[i], right)
                 : search_d((double *)keys->data, n, ((double *)vals->data)[i], right);
done:
    drop(vm, a);
    drop(vm, v);
    drop(vm, srt);
    drop(vm, keys);
    drop(vm, vals);
    return r ? arr_result(vm, r) : ERRV;
}

static Value f_searchsorted(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "searchsorted", "a,v|side,sorter", argc, argv, kw, a)) return ERRV;
    return searchsorted(vm, a[0], a[1], a[2], a[3]);
}

/* ---------------------------------------------------------------- flip, roll, tile, repeat */

static ArrObj *flipped(VM *vm, ArrObj *x, const int *which) {
    int64_t st[ARR_MAXDIM];
    char *p = x->data;
    for (int d = 0; d < x->ndim; d++) {
        st[d] = which[d] ? -x->strides[d] : x->strides[d];
        if (which[d] && x->shape[d] > 0) p += (x->shape[d] - 1) * x->strides[d];
    }
    return arr_view(vm, x, x->dtype, x->ndim, x->shape, st, p);
}

static Value f_flip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "flip", "m|axis", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *r = NULL;
    int red[ARR_MAXDIM];
    if (!x) return ERRV;
    if (!parse_axes(vm, a[1], x->ndim, red)) r = flipped(vm, x, red);
    drop(vm, x);
    if (r && r->ndim == 0) return arr_result(vm, r);
    return arr_value(r);
}

static Value flip_lr_ud(VM *vm, const char *name, int lr, int argc, const Value *argv,
                        const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, name, "m", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *r = NULL;
    if (!x) return ERRV;
    int which[ARR_MAXDIM] = {0};
    if (x->ndim < (lr ? 2 : 1)) {
        vm_raise(vm, vm->E.ValueError, lr ? "Input must be >= 2-d." : "Input must be >= 1-d.");
    } else {
        which[lr ? 1 : 0] = 1;
        r = flipped(vm, x, which);
    }
    drop(vm, x);
    return arr_value(r);
}

static Value f_fliplr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return flip_lr_ud(vm, "fliplr", 1, argc, argv, kw);
}
static Value f_flipud(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return flip_lr_ud(vm, "flipud", 0, argc, argv, kw);
}

/* A list of ints from an int or a sequence of them. */
static int int_list(VM *vm, Value v, int64_t *out, int max, int *n) {
    if (!IS_KIND(v, K_TUPLE) && !IS_KIND(v, K_LIST) && !(arr_of(vm, v) && arr_of(vm, v)->ndim)) {
        *n = 1;
        return obj_index(vm, v, out, "'%s' object cannot be interpreted as an integer");
    }
    ListObj *l = obj_to_list(vm, v);
    if (!l) return -1;
    int rc = 0;
    *n = (int)l->len;
    if (*n > max) rc = -1, vm_raise(vm, vm->E.ValueError, "too many values");
    for (int i = 0; !rc && i < *n; i++)
        rc = obj_index(vm, l->items[i], &out[i], "'%s' object cannot be interpreted as an integer");
    decref(v_obj(l));
    return rc;
}

/* A new array of x's shape where element idx comes from x at (idx - shift) mod shape. */
static ArrObj *rolled(VM *vm, ArrObj *x, const int64_t *shift) {
    ArrObj *r = arr_new(vm, x->dtype, x->ndim, x->shape, 0);
    if (!r) return NULL;
    int64_t idx[ARR_MAXDIM] = {0}, src[ARR_MAXDIM], isz = arr_dtypes[x->dtype].size;
    for (int64_t f = 0; f < r->size; f++, next_index(x->ndim, x->shape, idx)) {
        for (int d = 0; d < x->ndim; d++) {
            int64_t s = (idx[d] - shift[d]) % x->shape[d];
            src[d] = s < 0 ? s + x->shape[d] : s;
        }
        memcpy(r->data + f * isz, elem_at(x, src), (size_t)isz);
    }
    return r;
}

static Value f_roll(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "roll", "a,shift|axis", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *src = NULL, *r = NULL;
    if (!x) return ERRV;
    int64_t shifts[ARR_MAXDIM], axes[ARR_MAXDIM], sh[ARR_MAXDIM] = {0};
    int ns, na;
    if (int_list(vm, a[1], shifts, ARR_MAXDIM, &ns)) goto done;
    if (is_none(a[2])) {
        if (ns != 1) {
            vm_raise(vm, vm->E.ValueError, "'shift' and 'axis' should be scalars or 1D sequences");
            goto done;
        }
        if (!(src = flat_of(vm, x))) goto done;
        sh[0] = shifts[0];
    } else {
        if (int_list(vm, a[2], axes, ARR_MAXDIM, &na)) goto done;
        if (ns != na && ns != 1 && na != 1) {
            vm_raise(vm, vm->E.ValueError,
                     "shape mismatch: objects cannot be broadcast to a single "
                     "shape.  Mismatch is between arg 0 with shape (%d,) and arg 1 with shape "
                     "(%d,).",
                     ns, na);
            goto done;
        }
        int m = ns > na ? ns : na;
        for (int i = 0; i < m; i++) {
            int ax;
            if (npf_axis(vm, v_int(axes[na == 1 ? 0 : i]), x->ndim, &ax)) goto done;
            sh[ax] += shifts[ns == 1 ? 0 : i];
        }
        src = x;
        incref(v_obj(src));
    }
    if (src->size == 0)
        r = arr_copy(vm, src, -1);
    else
        r = rolled(vm, src, sh);
    if (r && is_none(a[2])) {
        ArrObj *rs = arr_reshape(vm, r, x->ndim, x->shape);
        drop(vm, r);
        r = rs;
    }
done:
    drop(vm, x);
    drop(vm, src);
    return arr_value(r);
}

static Value f_tile(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "tile", "A,reps", argc, argv, kw, a)) return ERRV;
    int64_t reps[ARR_MAXDIM], tup[ARR_MAXDIM], cs[ARR_MAXDIM], out[ARR_MAXDIM];
    int nr;
    if (int_list(vm, a[1], reps, ARR_MAXDIM, &nr)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *c = NULL, *r = NULL;
    if (!x) return ERRV;
    int nd = nr > x->ndim ? nr : x->ndim;
    for (int d = 0; d < nd; d++) {
        int k = d - (nd - x->ndim), j = d - (nd - nr);
        cs[d] = k >= 0 ? x->shape[k] : 1;
        tup[d] = j >= 0 ? reps[j] : 1;
        out[d] = cs[d] * tup[d];
    }
    if ((c = arr_reshape(vm, x, nd, cs)) && (r = arr_new(vm, x->dtype, nd, out, 0))) {
        int64_t idx[ARR_MAXDIM] = {0}, src[ARR_MAXDIM], isz = arr_dtypes[x->dtype].size;
        for (int64_t f = 0; f < r->size; f++, next_index(nd, out, idx)) {
            for (int d = 0; d < nd; d++) src[d] = idx[d] % cs[d];
            memcpy(r->data + f * isz, elem_at(c, src), (size_t)isz);
        }
    }
    drop(vm, x);
    drop(vm, c);
    return arr_value(r);
}

static Value repeat_of(VM *vm, Value av, Value repv, Value axisv) {
    ArrObj *x0 = arr_from_any(vm, av, -1), *x = NULL, *rp = NULL, *r = NULL;
    if (!x0) return ERRV;
    int ax = 0;
    if (is_none(axisv))
        x = flat_of(vm, x0);
    else if (!npf_axis(vm, axisv, x0->ndim, &ax))
        x = arr_copy(vm, x0, -1);
    drop(vm, x0);
    if (!x) return ERRV;
    ArrObj *rp0 = arr_of(vm, repv);
    if (rp0 && kind_of(rp0->dtype) != 'b' && !dt_can_cast_safe(rp0->dtype, DT_INT64)) {
        raise_cast(vm, rp0->dtype, DT_INT64);
        goto done;
    }
    if (!rp0) {
        ArrObj *probe = arr_from_any(vm, repv, -1);
        if (!probe) goto done;
        int bad = kind_of(probe->dtype) == 'f' || kind_of(probe->dtype) == 'c';
        if (bad) raise_cast(vm, probe->dtype, DT_INT64);
        drop(vm, probe);
        if (bad) goto done;
    }
    if (!(rp = arr_from_any(vm, repv, DT_INT64))) goto done;
    int64_t n = x->ndim ? x->shape[ax] : 1, total = 0;
    if (rp->size != 1 && (rp->ndim > 1 || rp->size != n)) {
        vm_raise(vm, vm->E.ValueError,
                 "operands could not be broadcast together with shape (%lld,) "
                 "(%lld,)",
                 (long long)n, (long long)rp->size);
        goto done;
    }
    for (int64_t i = 0; i < n; i++) {
        int64_t k = ((int64_t *)rp->data)[rp->size == 1 ? 0 : i];
        if (k < 0) {
            vm_raise(vm, vm->E.ValueError, "negative dimensions are not allowed");
            goto done;
        }
        total += k;
    }
    int64_t shape[ARR_MAXDIM], outer = 1, chunk = arr_dtypes[x->dtype].size;
    memcpy(shape, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    if (x->ndim == 0) { /* a 0-d array repeated along axis None */
        shape[0] = total;
    } else {
        shape[ax] = total;
        for (int d = 0; d < ax; d++) outer *= x->shape[d];
        for (int d = ax + 1; d < x->ndim; d++) chunk *= x->shape[d];
    }
    if (!(r = arr_new(vm, x->dtype, x->ndim ? x->ndim : 1, shape, 0))) goto done;
    char *dst = r->data;
    for (int64_t o = 0; o < outer; o++)
        for (int64_t i = 0; i < n; i++) {
            const char *s = x->data + (o * n + i) * chunk;
            for (int64_t k = ((int64_t *)rp->data)[rp->size == 1 ? 0 : i]; k > 0; k--) {
                memcpy(dst, s, (size_t)chunk);
                dst += chunk;
            }
        }
done:
    drop(vm, x);
    drop(vm, rp);
    return arr_value(r);
}

static Value f_repeat(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "repeat", "a,repeats|axis", argc, argv, kw, a)) return ERRV;
    return repeat_of(vm, a[0], a[1], a[2]);
}

static Value f_resize(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    int64_t shape[ARR_MAXDIM];
    int nd;
    if (arg_parse(vm, "resize", "a,new_shape", argc, argv, kw, a) ||
        int_list(vm, a[1], shape, ARR_MAXDIM, &nd))
        return ERRV;
    int64_t size = 1;
    for (int d = 0; d < nd; d++) {
        size *= shape[d];
        if (shape[d] < 0)
            return vm_raise(vm, vm->E.ValueError,
                            "all elements of `new_shape` must be non-negative");
    }
    ArrObj *x = arr_from_any(vm, a[0], -1), *fx = x ? flat_of(vm, x) : NULL, *r = NULL;
    drop(vm, x);
    if (!fx) return ERRV;
    if ((r = arr_new(vm, fx->dtype, nd, shape, 1)) && fx->size) {
        int64_t isz = arr_dtypes[fx->dtype].size;
        for (int64_t i = 0; i < size; i++)
            memcpy(r->data + i * isz, fx->data + (i % fx->size) * fx->strides[0], (size_t)isz);
    }
    drop(vm, fx);
    return arr_value(r);
}

static Value f_append(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "append", "arr,values|axis", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *v = x ? arr_from_any(vm, a[1], -1) : NULL;
    Value r = ERRV;
    if (v && is_none(a[2])) {
        ArrObj *fx = flat_of(vm, x), *fv = fx ? flat_of(vm, v) : NULL;
        drop(vm, x);
        drop(vm, v);
        x = fx, v = fv;
    }
    if (v) {
        Value t = tuple_pack(vm, 2, v_obj(x), v_obj(v));
        KwBuf k = {0};
        if (!IS_ERR(t))
            r = np_call(vm, "concatenate", 1, &t,
                        kw_add(vm, &k, "axis", is_none(a[2]) ? v_int(0) : a[2]));
        dropv(vm, t);
    }
    drop(vm, x);
    drop(vm, v);
    return r;
}

/* ---------------------------------------------------------------- insert, delete */

/* The tuple key (:, ..., item at axis, ..., :) for an nd-dim array. */
static Value axis_key(VM *vm, int nd, int axis, Value item) {
    ListObj *t = tuple_new(vm, (size_t)nd);
    if (!t) return ERRV;
    for (int d = 0; d < nd; d++) {
        Value s = d == axis ? vref(item) : slice_new(vm, v_none(), v_none(), v_none());
        if (IS_ERR(s)) {
            decref(v_obj(t));
            return ERRV;
        }
        t->items[d] = s;
    }
    return v_obj(t);
}

/* dst[key(dst_item)] = src[key(src_item)] (src_item T_NULL: all of src; src may be any value) */
static int copy_part(VM *vm, ArrObj *dst, Value ditem, Value src, Value sitem, int axis) {
    Value dk = axis_key(vm, dst->ndim, axis, ditem), part = src, sk = v_null();
    if (IS_ERR(dk)) return -1;
    if (!IS_NULL(sitem)) {
        ArrObj *s = arr_of(vm, src);
        sk = axis_key(vm, s->ndim, axis, sitem);
        part = IS_ERR(sk) ? ERRV : idx_getitem(vm, src, sk);
    }
    int rc = IS_ERR(part) ? -1 : idx_setitem(vm, v_obj(dst), dk, part);
    decref(dk);
    dropv(vm, sk);
    if (!IS_NULL(sitem)) dropv(vm, part);
    return rc;
}

static Value slice_of(VM *vm, int64_t lo, int64_t hi) {
    return slice_new(vm, lo < 0 ? v_none() : v_int(lo), hi < 0 ? v_none() : v_int(hi), v_none());
}

/* arr, with axis None meaning the raveled array's axis 0. */
static ArrObj *axis_arr(VM *vm, Value av, Value axisv, int *axis) {
    ArrObj *x = arr_from_any(vm, av, -1);
    if (!x) return NULL;
    if (is_none(axisv)) {
        *axis = 0;
        if (x->ndim == 1) return x;
        ArrObj *f = flat_of(vm, x);
        drop(vm, x);
        return f;
    }
    if (npf_axis(vm, axisv, x->ndim, axis)) return drop(vm, x), NULL;
    return x;
}

static Value insert_one(VM *vm, ArrObj *x, int axis, int64_t index, Value values, int scalar_obj) {
    int64_t n = x->shape[axis];
    ArrObj *v0 = arr_from_any(vm, values, x->dtype), *v = NULL, *r = NULL;
    if (!v0) return ERRV;
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    int k = x->ndim - v0->ndim;
    if (k < 0) k = 0;
    for (int d = 0; d < k; d++) sh[d] = 1, st[d] = 0; /* ndmin=arr.ndim */
    for (int d = 0; d < v0->ndim; d++) sh[k + d] = v0->shape[d], st[k + d] = v0->strides[d];
    int vnd = k + v0->ndim;
    if (scalar_obj && vnd > 0) { /* np.moveaxis(values, 0, axis) */
        int64_t s0 = sh[0], t0 = st[0];
        for (int d = 0; d < axis; d++) sh[d] = sh[d + 1], st[d] = st[d + 1];
        sh[axis] = s0, st[axis] = t0;
    }
    v = arr_view(vm, v0, v0->dtype, vnd, sh, st, v0->data);
    drop(vm, v0);
    if (!v) return ERRV;
    int64_t numnew = vnd > axis ? v->shape[axis] : 1, shape[ARR_MAXDIM];
    memcpy(shape, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    shape[axis] += numnew;
    if (!(r = arr_new(vm, x->dtype, x->ndim, shape, 0))) goto done;
    Value s1 = slice_of(vm, -1, index), s2 = slice_of(vm, index, index + numnew);
    Value s3 = slice_of(vm, index + numnew, -1), s4 = slice_of(vm, index, -1);
    int rc = IS_ERR(s1) || IS_ERR(s2) || IS_ERR(s3) || IS_ERR(s4) ||
             copy_part(vm, r, s1, v_obj(x), s1, axis) ||
             copy_part(vm, r, s2, v_obj(v), v_null(), axis) ||
             copy_part(vm, r, s3, v_obj(x), s4, axis);
    dropv(vm, s1), dropv(vm, s2), dropv(vm, s3), dropv(vm, s4);
    if (rc) drop(vm, r), r = NULL;
    (void)n;
done:
    drop(vm, v);
    return arr_value(r);
}

static Value f_insert(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "insert", "arr,obj,values|axis", argc, argv, kw, a)) return ERRV;
    int axis;
    ArrObj *x = axis_arr(vm, a[0], a[3], &axis), *ix = NULL, *r = NULL;
    ArrObj *mask = NULL;
    Value result = ERRV;
    if (!x) return ERRV;
    int64_t n = x->shape[axis];
    if (IS_KIND(a[1], K_SLICE)) {
        int64_t start, stop, step, cnt;
        if (slice_indices(vm, AS(SliceObj, a[1]), n, &start, &stop, &step, &cnt)) goto done;
        if (!(ix = arr_new(vm, DT_INT64, 1, &cnt, 0))) goto done;
        for (int64_t i = 0; i < cnt; i++) ((int64_t *)ix->data)[i] = start + i * step;
    } else {
        ArrObj *o = arr_from_any(vm, a[1], -1);
        if (!o) goto done;
        if (o->ndim > 1) {
            drop(vm, o);
            vm_raise(vm, vm->E.ValueError,
                     "index array argument obj to insert must be one "
                     "dimensional or scalar");
            goto done;
        }
        ix = arr_copy(vm, o, DT_INT64);
        int scalar = o->ndim == 0;
        drop(vm, o);
        if (!ix) goto done;
        if (ix->size == 1) {
            int64_t index = ((int64_t *)ix->data)[0];
            if (index < -n || index > n) {
                SBuf s = SBUF_INIT;
                if (!obj_str_sb(vm, a[1], &s))
                    vm_raise(vm, vm->E.IndexError,
                             "index %s is out of bounds for axis %d with "
                             "size %lld",
                             s.s, axis, (long long)n);
                sb_free(&s);
                goto done;
            }
            result = insert_one(vm, x, axis, index < 0 ? index + n : index, a[2], scalar);
            goto done;
        }
    }
    int64_t numnew = ix->size, *iv = (int64_t *)ix->data;
    for (int64_t i = 0; i < numnew; i++)
        if (iv[i] < 0) iv[i] += n;
    Value order = np_call(vm, "argsort", 1, (Value[]){v_obj(ix)}, NULL); /* stable enough */
    ArrObj *ord = as_arr(vm, order);
    if (!ord) goto done;
    ArrObj *ix2 = arr_copy(vm, ix, -1);
    for (int64_t i = 0; ix2 && i < numnew; i++)
        ((int64_t *)ix2->data)[((int64_t *)ord->data)[i]] += i;
    drop(vm, ord);
    drop(vm, ix);
    if (!(ix = ix2)) goto done;
    int64_t shape[ARR_MAXDIM], total = n + numnew;
    memcpy(shape, x->shape, sizeof(int64_t) * (size_t)x->ndim);
    shape[axis] = total;
    if (!(mask = arr_new(vm, DT_BOOL, 1, &total, 0)) ||
        !(r = arr_new(vm, x->dtype, x->ndim, shape, 0)))
        goto done;
    memset(mask->data, 1, (size_t)total);
    if (idx_setitem(vm, v_obj(mask), v_obj(ix), v_bool(0))) goto done;
    if (copy_part(vm, r, v_obj(ix), a[2], v_null(), axis) ||
        copy_part(vm, r, v_obj(mask), v_obj(x), v_null(), axis))
        goto done;
    result = v_obj(r);
    r = NULL;
done:
    drop(vm, x);
    drop(vm, ix);
    drop(vm, mask);
    drop(vm, r);
    return result;
}

static Value f_delete(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "delete", "arr,obj|axis", argc, argv, kw, a)) return ERRV;
    int axis;
    ArrObj *x = axis_arr(vm, a[0], a[2], &axis), *keep = NULL, *o = NULL;
    Value result = ERRV, key = ERRV;
    if (!x) return ERRV;
    int64_t n = x->shape[axis];
    if (!(keep = arr_new(vm, DT_BOOL, 1, &n, 0))) goto done;
    memset(keep->data, 1, (size_t)n);
    int single =
        (a[1].tag == T_INT) ||
        (arr_of(vm, a[1]) && arr_of(vm, a[1])->ndim == 0 &&
         (kind_of(arr_of(vm, a[1])->dtype) == 'i' || kind_of(arr_of(vm, a[1])->dtype) == 'u'));
    if (IS_KIND(a[1], K_SLICE)) {
        Value s = vref(a[1]);
        int rc = idx_setitem(vm, v_obj(keep), s, v_bool(0));
        decref(s);
        if (rc) goto done;
    } else if (!single) {
        if (!(o = arr_from_any(vm, a[1], -1))) goto done;
        if (o->dtype == DT_BOOL) {
            if (o->ndim != 1 || o->shape[0] != n) {
                vm_raise(vm, vm->E.ValueError,
                         "boolean array argument obj to delete must be one "
                         "dimensional and match the axis length of %lld",
                         (long long)n);
                goto done;
            }
            for (int64_t i = 0; i < n; i++) keep->data[i] = !o->data[i * o->strides[0]];
        } else if (o->size == 1 && (kind_of(o->dtype) == 'i' || kind_of(o->dtype) == 'u')) {
            single = 1;
        } else {
            ArrObj *oi = o->size == 0 ? arr_copy(vm, o, DT_INT64) : o;
            if (o->size == 0 && !oi) goto done;
            if (o->size != 0) incref(v_obj(oi));
            Value t = tuple_pack(vm, 1, v_obj(oi));
            drop(vm, oi);
            int rc = IS_ERR(t) || idx_setitem(vm, v_obj(keep), t, v_bool(0));
            dropv(vm, t);
            if (rc) goto done;
        }
    }
    if (single) {
        ArrObj *oa = o ? o : arr_of(vm, a[1]);
        int64_t i = oa ? dt_to_int64(oa->dtype, oa->data) : a[1].u.i;
        if (i < -n || i >= n) {
            vm_raise(vm, vm->E.IndexError, "index %lld is out of bounds for axis %d with size %lld",
                     (long long)i, axis, (long long)n);
            goto done;
        }
        keep->data[i < 0 ? i + n : i] = 0;
    }
    if (IS_ERR(key = axis_key(vm, x->ndim, axis, v_obj(keep)))) goto done;
    result = idx_getitem(vm, v_obj(x), key);
done:
    dropv(vm, key);
    drop(vm, x);
    drop(vm, keep);
    drop(vm, o);
    return result;
}

/* ---------------------------------------------------------------- split */

/* Splits x along axis at div[0..nsec] into a list of views. */
static Value split_at(VM *vm, ArrObj *x, int axis, const int64_t *div, int64_t nsec) {
    ListObj *l = list_new(vm, 0);
    if (!l) return ERRV;
    int64_t n = x->shape[axis];
    for (int64_t i = 0; i < nsec; i++) {
        int64_t st = div[i], en = div[i + 1], sh[ARR_MAXDIM];
        if (st < 0) st += n;
        if (en < 0) en += n;
        st = st < 0 ? 0 : st > n ? n : st;
        en = en < 0 ? 0 : en > n ? n : en;
        if (en < st) en = st;
        memcpy(sh, x->shape, sizeof(int64_t) * (size_t)x->ndim);
        sh[axis] = en - st;
        ArrObj *v =
            arr_view(vm, x, x->dtype, x->ndim, sh, x->strides, x->data + st * x->strides[axis]);
        if (!v || list_append(vm, l, v_obj(v))) {
            drop(vm, v);
            decref(v_obj(l));
            return ERRV;
        }
        drop(vm, v);
    }
    return v_obj(l);
}

/* mode 0: array_split, 1: split (equal division required). */
static Value split_impl(VM *vm, Value av, Value ios, Value axisv, int mode) {
    ArrObj *x = arr_from_any(vm, av, -1);
    if (!x) return ERRV;
    int axis;
    Value r = ERRV;
    int64_t *div = NULL, nsec;
    if (x->ndim == 0) {
        vm_raise(vm, vm->E.IndexError, "tuple index out of range");
        goto done;
    }
    if (npf_axis(vm, IS_NULL(axisv) ? v_int(0) : axisv, x->ndim, &axis)) goto done;
    int64_t n = x->shape[axis];
    if (IS_KIND(ios, K_LIST) || IS_KIND(ios, K_TUPLE) ||
        (arr_of(vm, ios) && arr_of(vm, ios)->ndim)) {
        ListObj *l = obj_to_list(vm, ios);
        if (!l) goto done;
        nsec = (int64_t)l->len + 1;
        if (!(div = malloc(sizeof(int64_t) * (size_t)(nsec + 1)))) {
            decref(v_obj(l));
            vm_nomem(vm);
            goto done;
        }
        div[0] = 0, div[nsec] = n;
        int bad = 0;
        for (size_t i = 0; i < l->len && !bad; i++)
            bad = obj_index(vm, l->items[i], &div[i + 1],
                            "slice indices must be integers or None "
                            "or have an __index__ method");
        decref(v_obj(l));
        if (bad) goto done;
    } else {
        if (obj_index(vm, ios, &nsec, "'%s' object cannot be interpreted as an integer")) goto done;
        if (nsec <= 0) {
            vm_raise(vm, vm->E.ValueError, "number sections must be larger than 0.");
            goto done;
        }
        if (mode == 1 && n % nsec) {
            vm_raise(vm, vm->E.ValueError, "array split does not result in an equal division");
            goto done;
        }
        if (!(div = malloc(sizeof(int64_t) * (size_t)(nsec + 1)))) {
            vm_nomem(vm);
            goto done;
        }
        int64_t each = n / nsec, extras = n % nsec;
        div[0] = 0;
        for (int64_t i = 0; i < nsec; i++) div[i + 1] = div[i] + each + (i < extras ? 1 : 0);
    }
    r = split_at(vm, x, axis, div, nsec);
done:
    free(div);
    drop(vm, x);
    return r;
}

static Value f_array_split(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "array_split", "ary,indices_or_sections|axis", argc, argv, kw, a))
        return ERRV;
    return split_impl(vm, a[0], a[1], a[2], 0);
}
static Value f_split(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "split", "ary,indices_or_sections|axis", argc, argv, kw, a)) return ERRV;
    return split_impl(vm, a[0], a[1], a[2], 1);
}

static Value split_dir(VM *vm, const char *name, int which, int argc, const Value *argv,
                       const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, name, "ary,indices_or_sections", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int nd = x->ndim;
    drop(vm, x);
    static const char *const MSG[] = {"vsplit only works on arrays of 2 or more dimensions",
                                      "hsplit only works on arrays of 1 or more dimensions",
                                      "dsplit only works on arrays of 3 or more dimensions"};
    int need = which == 0 ? 2 : which == 1 ? 1 : 3;
    if (nd < need) return vm_raise(vm, vm->E.ValueError, "%s", MSG[which]);
    int axis = which == 0 ? 0 : which == 2 ? 2 : nd > 1 ? 1 : 0;
    return split_impl(vm, a[0], a[1], v_int(axis), 1);
}

static Value f_vsplit(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return split_dir(vm, "vsplit", 0, argc, argv, kw);
}
static Value f_hsplit(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return split_dir(vm, "hsplit", 1, argc, argv, kw);
}
static Value f_dsplit(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return split_dir(vm, "dsplit", 2, argc, argv, kw);
}

/* ---------------------------------------------------------------- np.vectorize */

typedef struct VecObj {
    NativeObj h;
    Value func;
    int otype; /* -1: from the first call's result */
} VecObj;

static void vec_free(VM *vm, Obj *o) {
    decref(((VecObj *)o)->func);
}

/* Calls func elementwise over the broadcast arguments (Python scalars, as NumPy's object
 * loop passes them); without otypes a first call on the first elements (NumPy scalars)
 * decides the result dtype, as NumPy does. */
static Value vec_call(VM *vm, Value self, int argc, const Value *argv, const KwArgs *kw) {
    VecObj *vo = AS(VecObj, self);
    if (argc > ARR_MAXDIM) return vm_raise(vm, vm->E.TypeError, "too many arguments");
    ArrObj *ops[ARR_MAXDIM] = {0}, *r = NULL;
    Value args[ARR_MAXDIM], result = ERRV;
    int nd, ok = 1;
    int64_t shape[ARR_MAXDIM], st[ARR_MAXDIM][ARR_MAXDIM], idx[ARR_MAXDIM] = {0};
    for (int i = 0; i < argc && ok; i++) ok = (ops[i] = arr_from_any(vm, argv[i], -1)) != NULL;
    if (!ok || arr_broadcast_shape(vm, argc, ops, &nd, shape)) goto done;
    int64_t size = 1;
    for (int d = 0; d < nd; d++) size *= shape[d];
    for (int i = 0; i < argc; i++) arr_bcast_strides(ops[i], nd, shape, st[i]);
    int otype = vo->otype;
    if (otype < 0) {
        if (size == 0) {
            vm_raise(vm, vm->E.ValueError,
                     "cannot call `vectorize` on size 0 inputs unless "
                     "`otypes` is set");
            goto done;
        }
        int got = 0;
        for (; got < argc; got++)
            if (IS_ERR(args[got] = arr_scalar(vm, ops[got]->dtype, ops[got]->data))) break;
        Value first = got == argc ? obj_call(vm, vo->func, argc, args, kw) : ERRV;
        for (int i = 0; i < got; i++) decref(args[i]);
        ArrObj *fa = IS_ERR(first) ? NULL : arr_from_any(vm, first, -1);
        dropv(vm, first);
        if (!fa) goto done;
        otype = fa->dtype;
        drop(vm, fa);
    }
    if (!(r = arr_new(vm, otype, nd, shape, 0))) goto done;
    int64_t osz = arr_dtypes[otype].size;
    for (int64_t f = 0; f < size; f++, next_index(nd, shape, idx)) {
        if ((f & 1023) == 1023 && vm_check_interrupt(vm)) goto fail;
        int got = 0;
        for (; got < argc; got++) {
            const char *p = ops[got]->data;
            for (int d = 0; d < nd; d++) p += idx[d] * st[got][d];
            if (IS_ERR(args[got] = dt_get(vm, ops[got]->dtype, p))) break;
        }
        Value v = got == argc ? obj_call(vm, vo->func, argc, args, kw) : ERRV;
        for (int i = 0; i < got; i++) decref(args[i]);
        int rc = IS_ERR(v) ? -1 : dt_set(vm, otype, r->data + f * osz, v);
        dropv(vm, v);
        if (rc) goto fail;
    }
    result = v_obj(r);
    r = NULL;
fail:
    drop(vm, r);
done:
    for (int i = 0; i < argc; i++) drop(vm, ops[i]);
    return result;
}

static int parse_otypes(VM *vm, Value v) {
    if (is_none(v)) return -1;
    if (IS_KIND(v, K_STR)) {
        const char *s = AS(StrObj, v)->s;
        if (!*s) return -1;
        Value c = str_value(vm, s, 1);
        if (IS_ERR(c)) return -2;
        int dt = dt_parse(vm, c);
        decref(c);
        return dt < 0 ? -2 : dt;
    }
    ListObj *l = obj_to_list(vm, v);
    if (!l) return -2;
    int dt = l->len ? dt_parse(vm, l->items[0]) : -1;
    if (l->len && dt < 0) dt = -2;
    decref(v_obj(l));
    return dt;
}

static Value vec_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[7];
    if (arg_parse(vm, "vectorize", "cls,pyfunc|otypes,doc,excluded,cache,signature", argc, argv, kw,
                  a))
        return ERRV;
    if (!is_none(a[6]))
        return vm_raise(vm, vm->E.NotImplementedError, "vectorize: signature is not supported");
    int ot = parse_otypes(vm, a[2]);
    if (ot < -1) return ERRV;
    VecObj *v = calloc(1, sizeof *v);
    if (!v) return vm_nomem(vm);
    v->h.h.rc = 1;
    v->h.h.k = K_NATIVE;
    v->h.type = AS(TypeObj, argv[0]);
    incref(argv[0]);
    v->func = vref(a[1]);
    v->otype = ot;
    return v_obj(v);
}

static int vec_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    return sb_printf(out, "<numpy.vectorize object at %p>", (void *)AS(Obj, self)) < 0 ? -1 : 0;
}

static Value vec_getattr(VM *vm, Value self, StrObj *name) {
    VecObj *v = AS(VecObj, self);
    if (!strcmp(name->s, "pyfunc")) return vref(v->func);
    if (!strcmp(name->s, "otypes")) {
        if (v->otype < 0) return v_none();
        char c[2] = {arr_dtypes[v->otype].chr, 0};
        return str_cstr(vm, c);
    }
    return v_null();
}

static const NativeOps VEC_OPS = {
    .free = vec_free,
    .repr = vec_repr,
    .getattr = vec_getattr,
    .call = vec_call,
};

/* ---------------------------------------------------------------- a.flat, a.flags */

typedef struct FlatObj {
    NativeObj h;
    ArrObj *arr;
    int what; /* 0: flatiter, 1: flagsobj */
} FlatObj;

static void flat_free(VM *vm, Obj *o) {
    drop(vm, ((FlatObj *)o)->arr);
}

static Value flat_getitem(VM *vm, Value self, Value key) {
    ArrObj *f = flat_of(vm, AS(FlatObj, self)->arr);
    if (!f) return ERRV;
    Value r = idx_getitem(vm, v_obj(f), key);
    drop(vm, f);
    return r;
}

/* Writes through: a raveled view when there is one, else a copy written back. */
static int flat_setitem(VM *vm, Value self, Value key, Value v) {
    ArrObj *a = AS(FlatObj, self)->arr, *f = flat_of(vm, a);
    if (!f) return -1;
    int view = f->base == (a->base ? a->base : a), rc = idx_setitem(vm, v_obj(f), key, v);
    if (!rc && !view) {
        ArrObj *back = arr_reshape(vm, f, a->ndim, a->shape);
        rc = !back || dt_cast_into(vm, a, back);
        drop(vm, back);
    }
    drop(vm, f);
    return rc ? -1 : 0;
}

static Value flat_len(VM *vm, Value self) {
    (void)vm;
    return v_int(AS(FlatObj, self)->arr->size);
}

static Value flat_iter(VM *vm, Value self) {
    return iter_new(vm, IT_GETITEM, self, v_null(), 0);
}

static int flat_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    return sb_printf(out, "<numpy.flatiter object at %p>", (void *)AS(Obj, self)) < 0 ? -1 : 0;
}

static Value flat_getattr(VM *vm, Value self, StrObj *name) {
    (void)vm;
    ArrObj *a = AS(FlatObj, self)->arr;
    if (!strcmp(name->s, "base")) return vref(v_obj(a));
    return v_null();
}

static const NativeOps FLAT_OPS = {
    .free = flat_free,
    .repr = flat_repr,
    .getattr = flat_getattr,
    .getitem = flat_getitem,
    .setitem = flat_setitem,
    .len = flat_len,
    .iter = flat_iter,
};

/* The flags: index 0 C_CONTIGUOUS ... 5 WRITEBACKIFCOPY. */
static const char *const FLAG_NAMES[] = {"C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA",
                                         "WRITEABLE",    "ALIGNED",      "WRITEBACKIFCOPY"};

static int flag_value(const ArrObj *a, int i) {
    switch (i) {
    case 0: return arr_is_c_contig(a);
    case 1: return arr_is_f_contig(a);
    case 2: return a->base == NULL;
    case 3: return (a->flags & ARR_WRITEABLE) != 0;
    case 4: return 1;
    default: return 0;
    }
}

static int flag_index(const char *s, int lower) {
    static const char *const SHORT[] = {"C", "F", "O", "W", "A", "X"};
    for (int i = 0; i < 6; i++) {
        char low[32];
        size_t n = strlen(FLAG_NAMES[i]);
        for (size_t j = 0; j <= n; j++)
            low[j] =
                (char)(FLAG_NAMES[i][j] >= 'A' && FLAG_NAMES[i][j] <= 'Z' ? FLAG_NAMES[i][j] + 32
                                                                          : FLAG_NAMES[i][j]);
        if (!strcmp(s, lower ? low : FLAG_NAMES[i])) return i;
        if (!lower && !strcmp(s, SHORT[i])) return i;
    }
    if (!strcmp(s, lower ? "contiguous" : "CONTIGUOUS")) return 0;
    if (!strcmp(s, lower ? "fortran" : "FORTRAN")) return 1;
    return -1;
}

static Value flags_getattr(VM *vm, Value self, StrObj *name) {
    (void)vm;
    int i = flag_index(name->s, 1);
    return i < 0 ? v_null() : v_bool(flag_value(AS(FlatObj, self)->arr, i));
}

static Value flags_getitem(VM *vm, Value self, Value key) {
    int i = IS_KIND(key, K_STR) ? flag_index(AS(StrObj, key)->s, 0) : -1;
    if (i < 0) return vm_raise(vm, vm->E.KeyError, "Unknown flag");
    return v_bool(flag_value(AS(FlatObj, self)->arr, i));
}

static int set_writeable(VM *vm, ArrObj *a, Value v) {
    int t = obj_truth(vm, v);
    if (t < 0) return -1;
    if (t && a->base && !(a->base->flags & ARR_WRITEABLE)) {
        vm_raise(vm, vm->E.ValueError, "cannot set WRITEABLE flag to True of this array");
        return -1;
    }
    if (t)
        a->flags |= ARR_WRITEABLE;
    else
        a->flags &= ~ARR_WRITEABLE;
    return 0;
}

static int flags_setattr(VM *vm, Value self, StrObj *name, Value v) {
    if (strcmp(name->s, "writeable")) {
        vm_raise(vm, vm->E.AttributeError,
                 "attribute '%s' of 'numpy.flagsobj' objects is not "
                 "writable",
                 name->s);
        return -1;
    }
    return set_writeable(vm, AS(FlatObj, self)->arr, v);
}

static int flags_setitem(VM *vm, Value self, Value key, Value v) {
    int i = IS_KIND(key, K_STR) ? flag_index(AS(StrObj, key)->s, 0) : -1;
    if (i != 3) {
        vm_raise(vm, vm->E.KeyError, "Unknown flag");
        return -1;
    }
    return set_writeable(vm, AS(FlatObj, self)->arr, v);
}

static int flags_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    for (int i = 0; i < 6; i++)
        if (sb_printf(out, "  %s : %s\n", FLAG_NAMES[i],
                      flag_value(AS(FlatObj, self)->arr, i) ? "True" : "False") < 0)
            return -1;
    return 0;
}

static const NativeOps FLAGS_OPS = {
    .free = flat_free,
    .repr = flags_repr,
    .getattr = flags_getattr,
    .setattr = flags_setattr,
    .getitem = flags_getitem,
    .setitem = flags_setitem,
};

Value npf2_attr(VM *vm, ArrObj *a, const char *name) {
    int what = !strcmp(name, "flags");
    Value t = np_attr(vm, what ? "_flagsobj" : "flatiter");
    if (!IS_KIND(t, K_TYPE)) return v_null();
    FlatObj *f = calloc(1, sizeof *f);
    if (!f) return vm_nomem(vm);
    f->h.h.rc = 1;
    f->h.h.k = K_NATIVE;
    f->h.type = AS(TypeObj, t);
    incref(t);
    f->arr = a;
    incref(v_obj(a));
    f->what = what;
    return v_obj(f);
}

/* a.flat = v: v (cast to a's dtype) read in C order and repeated as often as needed fills a
 * in C order, as NumPy's array_flat_set does; an empty v changes nothing. */
int npf2_set_flat(VM *vm, ArrObj *a, Value v) {
    if (!(a->flags & ARR_WRITEABLE))
        return vm_raise(vm, vm->E.ValueError, "array is read-only"), -1;
    char k = kind_of(a->dtype);
    if (IS_KIND(v, K_STR) && (k == 'f' || k == 'i' || k == 'u')) { /* float('x'), int('x') */
        Value n = obj_call(vm, v_obj(k == 'f' ? vm->t_float : vm->t_int), 1, &v, NULL);
        if (IS_ERR(n)) return -1;
        int r = npf2_set_flat(vm, a, n);
        decref(n);
        return r;
    }
    ArrObj *x = arr_from_any(vm, v, -1), *c = x ? arr_copy(vm, x, a->dtype) : NULL;
    drop(vm, x);
    if (!c) return -1;
    int64_t isz = arr_dtypes[a->dtype].size, idx[ARR_MAXDIM] = {0};
    char *p = a->data;
    for (int64_t i = 0; c->size && i < a->size; i++) {
        memcpy(p, c->data + (i % c->size) * isz, (size_t)isz);
        for (int d = a->ndim - 1; d >= 0; d--) { /* the next element in C order */
            p += a->strides[d];
            if (++idx[d] < a->shape[d]) break;
            p -= a->strides[d] * a->shape[d];
            idx[d] = 0;
        }
    }
    drop(vm, c);
    return 0;
}

/* ---------------------------------------------------------------- methods */

static Value m_repeat(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "repeat", "self,repeats|axis", argc, argv, kw, a)) return ERRV;
    return repeat_of(vm, a[0], a[1], a[2]);
}

static Value m_searchsorted(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "searchsorted", "self,v|side,sorter", argc, argv, kw, a)) return ERRV;
    return searchsorted(vm, a[0], a[1], a[2], a[3]);
}

/* ---------------------------------------------------------------- complex parts, diff */

/* a.conj() / a.conjugate(out=None): the conjugate of a complex array; any other array is
 * returned itself (or copied into out), as NumPy's array_conjugate does. */
static Value conjugate(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (kw && kw->n)
        return vm_raise(vm, vm->E.TypeError, "ndarray.%s() takes no keyword arguments", name);
    if (arg_parse(vm, name, "self|out", argc, argv, kw, a)) return ERRV;
    ArrObj *self = arr_of(vm, a[0]), *out = is_none(a[1]) ? NULL : arr_of(vm, a[1]);
    if (!self) return vm_raise(vm, vm->E.TypeError, "conjugate() needs an array");
    if (kind_of(self->dtype) == 'c') {
        KwBuf k = {0};
        return np_call(vm, "conjugate", 1, a, is_none(a[1]) ? NULL : kw_add(vm, &k, "out", a[1]));
    }
    if (!is_none(a[1]) && (!out || out->h.type != NP(vm)->t_ndarray))
        return vm_raise(vm, vm->E.TypeError, "return arrays must be of ArrayType");
    if (out) return dt_cast_into(vm, out, self) ? ERRV : vref(a[1]);
    return vref(a[0]);
}

static Value m_conj(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return conjugate(vm, "conj", argc, argv, kw);
}
static Value m_conjugate(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return conjugate(vm, "conjugate", argc, argv, kw);
}

/* np.real(val) / np.imag(val): val.real, or the attribute of np.asanyarray(val) when val has
 * none (a list). */
static Value complex_part(VM *vm, const char *name, int argc, const Value *argv,
                          const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, name, "val", argc, argv, kw, a)) return ERRV;
    StrObj *n = str_intern(vm, name, strlen(name));
    if (!n) return ERRV;
    Value r = obj_getattr(vm, a[0], n);
    if (!IS_ERR(r) || AS(ExcObj, vm->exc)->cls != vm->E.AttributeError) return r;
    decref(vm_take_exc(vm));
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    r = obj_getattr(vm, v_obj(x), n);
    drop(vm, x);
    return r;
}

static Value f_real(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_part(vm, "real", argc, argv, kw);
}
static Value f_imag(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_part(vm, "imag", argc, argv, kw);
}

static Value attr_of(VM *vm, Value v, const char *name) {
    StrObj *n = str_intern(vm, name, strlen(name));
    return n ? obj_getattr(vm, v, n) : ERRV;
}

/* np.angle(z, deg=False): arctan2(z.imag, z.real), or arctan2(0, z) for real z. */
static Value f_angle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "angle", "z|deg", argc, argv, kw, a)) return ERRV;
    int deg = opt_truth(vm, a[1], 0);
    ArrObj *z = deg < 0 ? NULL : arr_from_any(vm, a[0], -1);
    if (!z) return ERRV;
    Value parts[2] = {v_int(0), v_obj(z)}, r;
    if (kind_of(z->dtype) == 'c') {
        parts[0] = attr_of(vm, v_obj(z), "imag");
        parts[1] = IS_ERR(parts[0]) ? ERRV : attr_of(vm, v_obj(z), "real");
    }
    r = IS_ERR(parts[1]) ? ERRV : np_call(vm, "arctan2", 2, parts, NULL);
    if (kind_of(z->dtype) == 'c') dropv(vm, parts[0]), dropv(vm, parts[1]);
    drop(vm, z);
    if (IS_ERR(r) || !deg) return r;
    ArrObj *ra = arr_of(vm, r);
    int inplace = ra && ra->h.type == NP(vm)->t_ndarray;
    Value d = ufunc_binary(vm, OP_MUL, r, v_float(180 / M_PI), inplace ? ra : NULL);
    decref(r);
    return d;
}

/* a[lo:hi] along axis, a view. */
static ArrObj *axis_slice(VM *vm, ArrObj *a, int axis, int64_t lo, int64_t hi) {
    int64_t shape[ARR_MAXDIM];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    if (hi < lo) hi = lo;
    shape[axis] = hi - lo;
    return arr_view(vm, a, a->dtype, a->ndim, shape, a->strides, a->data + lo * a->strides[axis]);
}

/* The prepend= or append= of diff as an array: a 0-d value is broadcast to a's shape with
 * length 1 along axis. NULL: raised. */
static ArrObj *diff_edge(VM *vm, Value v, const ArrObj *a, int axis) {
    ArrObj *e = arr_from_any(vm, v, -1);
    if (!e || e->ndim) return e;
    int64_t shape[ARR_MAXDIM];
    memcpy(shape, a->shape, sizeof(int64_t) * (size_t)a->ndim);
    shape[axis] = 1;
    ArrObj *b = arr_new(vm, e->dtype, a->ndim, shape, 0);
    if (b && dt_cast_into(vm, b, e)) drop(vm, b), b = NULL;
    drop(vm, e);
    return b;
}

/* a with prepend and append (absent: NULL value) joined along axis; consumes a. */
static ArrObj *diff_combine(VM *vm, ArrObj *a, Value pre, Value app, int axis) {
    if (IS_NULL(pre) && IS_NULL(app)) return a;
    Value parts[3];
    int n = 0;
    ArrObj *e = NULL;
    if (!IS_NULL(pre) && (e = diff_edge(vm, pre, a, axis))) parts[n++] = v_obj(e);
    if (!IS_NULL(pre) && !e) goto fail;
    parts[n++] = v_obj(a);
    if (!IS_NULL(app) && !(e = diff_edge(vm, app, a, axis))) goto fail;
    if (!IS_NULL(app)) parts[n++] = v_obj(e);
    Value t = tuple_pack(vm, n, parts[0], parts[1], n > 2 ? parts[2] : v_none());
    KwBuf k = {0};
    Value r = IS_ERR(t) ? ERRV : np_call(vm, "concatenate", 1, &t, kw_add(vm, &k, "axis", v_int(axis)));
    dropv(vm, t);
    for (int i = 0; i < n; i++) decref(parts[i]);
    return as_arr(vm, r);
fail:
    for (int i = 0; i < n; i++) decref(parts[i]);
    if (n == 0) drop(vm, a);
    return NULL;
}

/* np.diff(a, n=1, axis=-1, prepend=, append=): n-th differences (not_equal for bool). */
static Value f_diff(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    int64_t n;
    int axis;
    if (arg_parse(vm, "diff", "a|n,axis,prepend,append", argc, argv, kw, a)
        || opt_int(vm, a[1], 1, &n))
        return ERRV;
    if (n == 0) return vref(a[0]);
    if (n < 0)
        return vm_raise(vm, vm->E.ValueError, "order must be non-negative but got %lld",
                        (long long)n);
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    if (x->ndim == 0) {
        drop(vm, x);
        return vm_raise(vm, vm->E.ValueError, "diff requires input that is at least one dimensional");
    }
    if (npf_axis(vm, IS_NULL(a[2]) ? v_int(-1) : a[2], x->ndim, &axis)
        || !(x = diff_combine(vm, x, a[3], a[4], axis))) {
        drop(vm, x);
        return ERRV;
    }
    for (int64_t i = 0; i < n && x; i++) {
        int64_t len = x->shape[axis];
        ArrObj *hi = axis_slice(vm, x, axis, 1, len), *lo = hi ? axis_slice(vm, x, axis, 0, len - 1) : NULL;
        Value d = lo ? ufunc_binary(vm, x->dtype == DT_BOOL ? OP_NE : OP_SUB, v_obj(hi), v_obj(lo), NULL) : ERRV;
        drop(vm, hi), drop(vm, lo), drop(vm, x);
        x = as_arr(vm, d);
    }
    return x ? v_obj(x) : ERRV;
}

/* np.nan_to_num: NaN, +inf and -inf replaced in the real and imaginary parts. */
typedef struct NanNum {
    int rd, parts;         /* the real dtype; 2 for complex elements */
    double nan, pinf, ninf;
} NanNum;

static void nan_to_num_loop(char **p, const int64_t *s, int64_t n, void *ctx) {
    const NanNum *c = ctx;
    int64_t half = arr_dtypes[c->rd].size;
    for (int64_t i = 0; i < n; i++, p[0] += s[0])
        for (int k = 0; k < c->parts; k++) {
            char *q = p[0] + k * half;
            double d = dt_to_double(c->rd, q);
            if (isnan(d)) dt_from_double(c->rd, q, c->nan);
            else if (isinf(d)) dt_from_double(c->rd, q, d > 0 ? c->pinf : c->ninf);
        }
}

static int opt_double(VM *vm, Value v, double dflt, double *out) {
    *out = dflt;
    return is_none(v) ? 0 : obj_to_double(vm, v, out);
}

static Value f_nan_to_num(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "nan_to_num", "x|copy,nan,posinf,neginf", argc, argv, kw, a)) return ERRV;
    int copy = opt_truth(vm, a[1], 1);
    ArrObj *x = copy < 0 ? NULL : arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    if (copy || x->h.type != NP(vm)->t_ndarray) {
        ArrObj *c = arr_copy_order(vm, x, -1, 'K');
        drop(vm, x);
        if (!(x = c)) return ERRV;
    }
    char k = kind_of(x->dtype);
    if (k == 'f' || k == 'c') {
        NanNum c = {x->dtype, 1, 0, 0, 0};
        if (k == 'c') c.rd = x->dtype == DT_COMPLEX64 ? DT_FLOAT32 : DT_FLOAT64, c.parts = 2;
        double big = c.rd == DT_FLOAT16 ? 65504.0 : c.rd == DT_FLOAT32 ? FLT_MAX : DBL_MAX;
        char *data = x->data;
        int64_t *strides = x->strides;
        if (opt_double(vm, a[2], 0.0, &c.nan) || opt_double(vm, a[3], big, &c.pinf)
            || opt_double(vm, a[4], -big, &c.ninf)
            || arr_iterate(vm, 1, &data, &strides, x->ndim, x->shape, nan_to_num_loop, &c)) {
            drop(vm, x);
            return ERRV;
        }
    }
    return x->ndim == 0 ? arr_result(vm, x) : v_obj(x);
}

static const BuiltinDef NP2_FUNCS[] = {
    {"logspace", f_logspace, "(start, stop, num=50, endpoint=True, base=10.0, dtype=None)",
     "Numbers spaced evenly on a log scale."},
    {"diag", f_diag, "(v, k=0)", "Extracts a diagonal or builds a diagonal array."},
    {"tri", f_tri, "(N, M=None, k=0, dtype=float)", "Ones at and below the k-th diagonal."},
    {"tril", f_tril, "(m, k=0)", "Lower triangle of an array."},
    {"triu", f_triu, "(m, k=0)", "Upper triangle of an array."},
    {"meshgrid", f_meshgrid, "(*xi, copy=True, sparse=False, indexing='xy')",
     "Coordinate matrices from coordinate vectors."},
    {"indices", f_indices, "(dimensions, dtype=int)", "An array of grid indices."},
    {"fromfunction", f_fromfunction, "(function, shape, *, dtype=float, **kwargs)",
     "An array built by calling function on the indices."},
    {"median", f_median, "(a, axis=None, out=None, overwrite_input=False, keepdims=False)",
     "The median along the given axes."},
    {"percentile", f_percentile, "(a, q, axis=None, method='linear', keepdims=False)",
     "The q-th percentiles."},
    {"quantile", f_quantile, "(a, q, axis=None, method='linear', keepdims=False)",
     "The q-th quantiles."},
    {"average", f_average, "(a, axis=None, weights=None, returned=False, *, keepdims)",
     "The weighted average."},
    {"cov", f_cov, "(m, y=None, rowvar=True, bias=False, ddof=None, *, dtype=None)",
     "Covariance matrix."},
    {"corrcoef", f_corrcoef, "(x, y=None, rowvar=True, *, dtype=None)",
     "Pearson correlation coefficients."},
    {"histogram", f_histogram, "(a, bins=10, range=None, density=None, weights=None)",
     "Histogram of a data set."},
    {"bincount", f_bincount, "(x, weights=None, minlength=0)",
     "Counts of each non-negative integer."},
    {"searchsorted", f_searchsorted, "(a, v, side='left', sorter=None)",
     "Insertion points that keep a sorted."},
    {"flip", f_flip, "(m, axis=None)", "Reverses the order of elements along axes."},
    {"fliplr", f_fliplr, "(m)", "Reverses the columns."},
    {"flipud", f_flipud, "(m)", "Reverses the rows."},
    {"roll", f_roll, "(a, shift, axis=None)", "Rolls elements along an axis."},
    {"tile", f_tile, "(A, reps)", "Repeats A the number of times given by reps."},
    {"repeat", f_repeat, "(a, repeats, axis=None)", "Repeats elements of an array."},
    {"resize", f_resize, "(a, new_shape)", "A new array of the given shape, repeating a."},
    {"append", f_append, "(arr, values, axis=None)", "Values appended at the end."},
    {"insert", f_insert, "(arr, obj, values, axis=None)", "Values inserted before indices."},
    {"delete", f_delete, "(arr, obj, axis=None)", "Sub-arrays deleted along an axis."},
    {"split", f_split, "(ary, indices_or_sections, axis=0)", "Equal sub-arrays."},
    {"array_split", f_array_split, "(ary, indices_or_sections, axis=0)", "Sub-arrays."},
    {"vsplit", f_vsplit, "(ary, indices_or_sections)", "Splits row-wise."},
    {"hsplit", f_hsplit, "(ary, indices_or_sections)", "Splits column-wise."},
    {"dsplit", f_dsplit, "(ary, indices_or_sections)", "Splits depth-wise."},
    {"real", f_real, "(val)", "The real part of the elements."},
    {"imag", f_imag, "(val)", "The imaginary part of the elements."},
    {"angle", f_angle, "(z, deg=False)", "The angle of the complex argument."},
    {"diff", f_diff, "(a, n=1, axis=-1, prepend=<no value>, append=<no value>)",
     "The n-th discrete difference along the given axis."},
    {"nan_to_num", f_nan_to_num, "(x, copy=True, nan=0.0, posinf=None, neginf=None)",
     "NaN replaced by zero and infinity by large finite numbers."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef NP2_METHODS[] = {
    {"repeat", m_repeat, "(repeats, axis=None)", "Repeats elements of the array."},
    {"searchsorted", m_searchsorted, "(v, side='left', sorter=None)", "Insertion points."},
    {"conj", m_conj, "(out=None, /)", "The complex conjugate, elementwise."},
    {"conjugate", m_conjugate, "(out=None, /)", "The complex conjugate, elementwise."},
    {NULL, NULL, NULL, NULL},
};

static int add_type(VM *vm, ModuleObj *m, const char *name, const NativeOps *ops,
                    Value (*ctor)(VM *, int, const Value *, const KwArgs *)) {
    TypeObj *t = type_new(vm, name[0] == '_' ? name + 1 : name, vm->t_object, K_NATIVE);
    if (!t) return -1;
    t->module = "numpy";
    t->ops = ops;
    t->ctor = ctor;
    int r = module_add(vm, m, name, v_obj(t));
    decref(v_obj(t));
    return r;
}

int npf2_init(VM *vm, ModuleObj *m) {
    return module_add_funcs(vm, m, NP2_FUNCS) ||
                   type_add_methods(vm, NP(vm)->t_ndarray, NP2_METHODS) ||
                   add_type(vm, m, "vectorize", &VEC_OPS, vec_ctor) ||
                   add_type(vm, m, "flatiter", &FLAT_OPS, NULL) ||
                   add_type(vm, m, "_flagsobj", &FLAGS_OPS, NULL)
               ? -1
               : 0;
}
