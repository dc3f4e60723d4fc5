/* npfuncs.c: the numpy module's functions that are not ufuncs or reductions: creation
 * (array, zeros, arange, linspace, eye...), joining (concatenate, stack...), sorting and
 * searching (sort, argsort, unique, where, nonzero), products (dot, matmul via OpenBLAS),
 * comparisons (allclose, array_equal) and memory queries (shares_memory). */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "sort.h"
#include "linalg.h"

static int opt_dtype(VM *vm, Value v, int dflt) {
    if (IS_NULL(v) || v.tag == T_NONE) return dflt;
    return dt_parse(vm, v);
}

static int is_none(Value v) { return IS_NULL(v) || v.tag == T_NONE; }

/* ---------------------------------------------------------------- creation */

/* Whether a already has the layout order asks for ('A' and 'K' take any). */
static int has_order(const ArrObj *a, int order) {
    if (order == 'C') return arr_is_c_contig(a);
    if (order == 'F') return arr_is_f_contig(a);
    return 1;
}

/* Prepends length-1 axes to r until it has ndmin dimensions (consumes r), with NumPy's
 * strides for them (_prepend_ones). */
static ArrObj *with_ndmin(VM *vm, ArrObj *r, int64_t ndmin, int order) {
    if (!r || ndmin <= r->ndim) return r;
    if (ndmin > ARR_MAXDIM) {
        decref(v_obj(r));
        vm_raise(vm, vm->E.ValueError, "ndmin bigger than allowable number of dimensions "
                 "NPY_MAXDIMS (=%d)", ARR_MAXDIM);
        return NULL;
    }
    int64_t shape[ARR_MAXDIM], strides[ARR_MAXDIM];
    int k = (int)ndmin - r->ndim;
    int64_t st = arr_dtypes[r->dtype].size;
    if (order != 'F' && r->ndim > 0 && !(arr_is_f_contig(r) && !arr_is_c_contig(r)))
        st = r->strides[0] * r->shape[0];
    for (int i = 0; i < k; i++) shape[i] = 1, strides[i] = st;
    memcpy(shape + k, r->shape, sizeof(int64_t) * (size_t)r->ndim);
    memcpy(strides + k, r->strides, sizeof(int64_t) * (size_t)r->ndim);
    ArrObj *v = arr_view(vm, r, r->dtype, (int)ndmin, shape, strides, r->data);
    decref(v_obj(r));
    return v;
}

/* np.array(obj, dtype, copy, order, ndmin): arrays are copied in order ('K': their own
 * layout) unless copy=False and they already fit; other objects are built in C order. */
static ArrObj *array_of(VM *vm, Value obj, int dt, int copy, int order) {
    ArrObj *x = arr_of(vm, obj);
    if (x) {
        if (!copy && x->h.type == NP(vm)->t_ndarray && (dt < 0 || dt == x->dtype)
            && has_order(x, order)) {
            incref(obj);
            return x;
        }
        return arr_copy_order(vm, x, dt, order);
    }
    ArrObj *r = arr_from_any(vm, obj, dt);
    if (!r || order != 'F' || arr_is_f_contig(r)) return r;
    ArrObj *f = arr_copy_order(vm, r, -1, 'F');
    decref(v_obj(r));
    return f;
}

static Value f_array(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "array", "object|dtype,copy,ndmin,order", argc, argv, kw, a)) return ERRV;
    int dt = opt_dtype(vm, a[1], -1);
    if (dt < -1) return ERRV;
    if (IS_NULL(a[1]) || a[1].tag == T_NONE) dt = -1;
    else if (dt < 0) return ERRV;
    int copy = IS_NULL(a[2]) ? 1 : obj_truth(vm, a[2]), order = arr_order_arg(vm, a[4], 'K');
    int64_t ndmin = 0;
    if (copy < 0 || !order) return ERRV;
    if (!IS_NULL(a[3])
        && obj_index(vm, a[3], &ndmin, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    return arr_value(with_ndmin(vm, array_of(vm, a[0], dt, copy, order), ndmin, order));
}

static Value f_asarray(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "asarray", "a|dtype,order", argc, argv, kw, a)) return ERRV;
    int dt = is_none(a[1]) ? -1 : dt_parse(vm, a[1]), order = arr_order_arg(vm, a[2], 'K');
    if ((!is_none(a[1]) && dt < 0) || !order) return ERRV;
    return arr_value(array_of(vm, a[0], dt, 0, order));
}

/* np.ascontiguousarray / np.asfortranarray: np.array(a, dtype, copy=False, order, ndmin=1). */
static Value as_order(VM *vm, const char *name, int order, int argc, const Value *argv,
                      const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, name, "a|dtype", argc, argv, kw, a)) return ERRV;
    int dt = is_none(a[1]) ? -1 : dt_parse(vm, a[1]);
    if (!is_none(a[1]) && dt < 0) return ERRV;
    return arr_value(with_ndmin(vm, array_of(vm, a[0], dt, 0, order), 1, order));
}

static Value f_ascontiguousarray(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return as_order(vm, "ascontiguousarray", 'C', argc, argv, kw);
}
static Value f_asfortranarray(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return as_order(vm, "asfortranarray", 'F', argc, argv, kw);
}

/* A new array of shape in the axis order perm (NULL: C) filled with the scalar v (cast to
 * dtype). */
static ArrObj *filled(VM *vm, int ndim, const int64_t *shape, const int *perm, int dt, Value v) {
    ArrObj *r = arr_new_perm(vm, dt, ndim, shape, perm, 0);
    if (!r) return NULL;
    ArrObj *s = arr_from_any(vm, v, -1);
    if (!s || dt_cast_into(vm, r, s)) {
        if (s) decref(v_obj(s));
        decref(v_obj(r));
        return NULL;
    }
    decref(v_obj(s));
    return r;
}

/* The axis order of zeros/ones/empty/full(order=): 'C' or 'F' only. NULL: C; -1: raised. */
static int cf_order(VM *vm, Value v, int ndim, int *perm, const int **out) {
    int order = arr_order_arg(vm, v, 'C');
    if (!order) return -1;
    if (order != 'C' && order != 'F')
        return vm_raise(vm, vm->E.ValueError, "only 'C' or 'F' order is permitted"), -1;
    for (int i = 0; i < ndim; i++) perm[i] = ndim - 1 - i;
    *out = order == 'F' ? perm : NULL;
    return 0;
}

static Value make_const(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                        int what) {
    Value a[3];
    if (arg_parse(vm, name, "shape|dtype,order", argc, argv, kw, a)) return ERRV;
    int ndim, dt = opt_dtype(vm, a[1], DT_FLOAT64), perm[ARR_MAXDIM];
    int64_t shape[ARR_MAXDIM];
    const int *pm;
    if (dt < 0 || npf_shape(vm, a[0], &ndim, shape) || cf_order(vm, a[2], ndim, perm, &pm))
        return ERRV;
    if (what == 0) return arr_value(arr_new_perm(vm, dt, ndim, shape, pm, 1));
    return arr_value(filled(vm, ndim, shape, pm, dt, v_int(1)));
}

static Value f_zeros(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_const(vm, "zeros", argc, argv, kw, 0);
}
static Value f_empty(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_const(vm, "empty", argc, argv, kw, 0);
}
static Value f_ones(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_const(vm, "ones", argc, argv, kw, 1);
}

static Value f_full(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "full", "shape,fill_value|dtype,order", argc, argv, kw, a)) return ERRV;
    int ndim, dt, perm[ARR_MAXDIM];
    int64_t shape[ARR_MAXDIM];
    const int *pm;
    if (npf_shape(vm, a[0], &ndim, shape) || cf_order(vm, a[3], ndim, perm, &pm)) return ERRV;
    if (is_none(a[2])) {
        ArrObj *f = arr_from_any(vm, a[1], -1);
        if (!f) return ERRV;
        dt = f->dtype;
        decref(v_obj(f));
    } else if ((dt = dt_parse(vm, a[2])) < 0) {
        return ERRV;
    }
    return arr_value(filled(vm, ndim, shape, pm, dt, a[1]));
}

static Value make_like(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                       int what) {
    Value a[4];
    const char *spec = what == 2 ? "a,fill_value|dtype,order" : "a|dtype,order";
    if (arg_parse(vm, name, spec, argc, argv, kw, a)) return ERRV;
    int order = arr_order_arg(vm, what == 2 ? a[3] : a[2], 'K');
    if (!order) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    Value dtv = what == 2 ? a[2] : a[1];
    int dt = opt_dtype(vm, dtv, x->dtype), perm[ARR_MAXDIM];
    arr_like_perm(x, order, perm);
    ArrObj *r = NULL;
    if (dt >= 0) {
        if (what == 0) r = arr_new_perm(vm, dt, x->ndim, x->shape, perm, 1);
        else r = filled(vm, x->ndim, x->shape, perm, dt, what == 1 ? v_int(1) : a[1]);
    }
    decref(v_obj(x));
    return arr_value(r);
}

static Value f_zeros_like(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_like(vm, "zeros_like", argc, argv, kw, 0);
}
static Value f_empty_like(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_like(vm, "empty_like", argc, argv, kw, 0);
}
static Value f_ones_like(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_like(vm, "ones_like", argc, argv, kw, 1);
}
static Value f_full_like(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_like(vm, "full_like", argc, argv, kw, 2);
}

static int num_kind(VM *vm, Value v, double *d) {
    if (v.tag == T_INT || v.tag == T_BOOL) {
        *d = (double)v.u.i;
        return 0;
    }
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim == 0 && arr_dtypes[a->dtype].kind != 'f' && arr_dtypes[a->dtype].kind != 'c') {
        *d = (double)dt_to_int64(a->dtype, a->data);
        return 0;
    }
    if (obj_to_double(vm, v, d)) return -1;
    return 1;
}

static Value f_arange(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "arange", "start|stop,step,dtype", argc, argv, kw, a)) return ERRV;
    Value vstart = a[0], vstop = a[1], vstep = a[2];
    if (is_none(vstop)) {
        vstop = vstart;
        vstart = v_int(0);
    }
    double start, stop, step = 1;
    int fs = num_kind(vm, vstart, &start), fe = fs < 0 ? -1 : num_kind(vm, vstop, &stop), fp = 0;
    if (fs < 0 || fe < 0) return ERRV;
    if (!is_none(vstep) && (fp = num_kind(vm, vstep, &step)) < 0) return ERRV;
    int isfloat = fs || fe || fp;
    int dt = opt_dtype(vm, a[3], isfloat ? DT_FLOAT64 : DT_INT64);
    if (dt < 0) return ERRV;
    if (step == 0) return vm_raise(vm, vm->E.ZeroDivisionError, "division by zero");
    int64_t n;
    if (!isfloat) {
        int64_t s = (int64_t)start, e = (int64_t)stop, st = (int64_t)step;
        n = st > 0 ? (e - s + st - 1) / st : (s - e - st - 1) / -st;
        if (n < 0) n = 0;
        ArrObj *r = arr_new(vm, DT_INT64, 1, &n, 0);
        if (!r) return ERRV;
        for (int64_t i = 0; i < n; i++) ((int64_t *)r->data)[i] = s + i * st;
        if (dt == DT_INT64) return v_obj(r);
        ArrObj *c = arr_copy(vm, r, dt);
        decref(v_obj(r));
        return arr_value(c);
    }
    double len = ceil((stop - start) / step);
    if (isnan(len)) return vm_raise(vm, vm->E.ValueError, "arange: cannot compute length");
    n = len > 0 ? (int64_t)len : 0;
    ArrObj *r = arr_new(vm, DT_FLOAT64, 1, &n, 0);
    if (!r) return ERRV;
    double *d = (double *)r->data, delta = (start + step) - start;
    for (int64_t i = 0; i < n; i++) d[i] = i == 0 ? start : i == 1 ? start + step : start + i * delta;
    if (dt == DT_FLOAT64) return v_obj(r);
    ArrObj *c = arr_copy(vm, r, dt);
    decref(v_obj(r));
    return arr_value(c);
}

static Value f_linspace(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "linspace", "start,stop|num,endpoint,retstep,dtype", argc, argv, kw, a))
        return ERRV;
    double start, stop;
    int64_t num = 50;
    if (obj_to_double(vm, a[0], &start) || obj_to_double(vm, a[1], &stop)) return ERRV;
    if (!IS_NULL(a[2]) && obj_index(vm, a[2], &num, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    if (num < 0) return vm_raise(vm, vm->E.ValueError, "Number of samples, %lld, must be non-negative.",
                                 (long long)num);
    int endpoint = IS_NULL(a[3]) ? 1 : obj_truth(vm, a[3]);
    int retstep = IS_NULL(a[4]) ? 0 : obj_truth(vm, a[4]);
    int dt = opt_dtype(vm, a[5], DT_FLOAT64);
    if (endpoint < 0 || retstep < 0 || dt < 0) return ERRV;
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start, step = div > 0 ? delta / (double)div : NAN;
    ArrObj *r = arr_new(vm, DT_FLOAT64, 1, &num, 0);
    if (!r) return ERRV;
    double *y = (double *)r->data;
    for (int64_t i = 0; i < num; i++) {
        if (div > 0 && step == 0) y[i] = ((double)i / (double)div) * delta + start;
        else if (div > 0) y[i] = (double)i * step + start;
        else y[i] = (double)i * delta + start;
    }
    if (endpoint && num > 1) y[num - 1] = stop;
    ArrObj *out = r;
    if (dt != DT_FLOAT64) {
        out = arr_copy(vm, r, dt);
        decref(v_obj(r));
        if (!out) return ERRV;
    }
    if (!retstep) return v_obj(out);
    Value sv = arr_scalar(vm, DT_FLOAT64, (const char *)&step);
    Value t = tuple_pack(vm, 2, v_obj(out), sv);
    decref(v_obj(out));
    decref(sv);
    return t;
}

static Value f_eye(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "eye", "N|M,k,dtype", argc, argv, kw, a)) return ERRV;
    int64_t shape[2], k = 0;
    if (obj_index(vm, a[0], &shape[0], "'%s' object cannot be interpreted as an integer")) return ERRV;
    shape[1] = shape[0];
    if (!is_none(a[1]) && obj_index(vm, a[1], &shape[1], "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    if (!IS_NULL(a[2]) && obj_index(vm, a[2], &k, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    int dt = opt_dtype(vm, a[3], DT_FLOAT64);
    if (dt < 0) return ERRV;
    ArrObj *r = arr_new(vm, dt, 2, shape, 1);
    if (!r) return ERRV;
    for (int64_t i = 0; i < shape[0]; i++) {
        int64_t j = i + k;
        if (j >= 0 && j < shape[1]) dt_from_double(dt, r->data + i * r->strides[0] + j * r->strides[1], 1);
    }
    return v_obj(r);
}

static Value f_identity(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "identity", "n|dtype", argc, argv, kw, a)) return ERRV;
    Value args[4] = {a[0], v_none(), v_int(0), IS_NULL(a[1]) ? v_none() : a[1]};
    return f_eye(vm, 4, args, NULL);
}

/* ---------------------------------------------------------------- shape functions */

static Value call_method(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw) {
    ArrObj *x = arr_from_any(vm, argv[0], -1);
    if (!x) return ERRV;
    StrObj *n = str_intern(vm, name, strlen(name));
    Value m = n ? obj_getattr(vm, v_obj(x), n) : ERRV;
    decref(v_obj(x));
    if (IS_ERR(m)) return ERRV;
    Value r = obj_call(vm, m, argc - 1, argv + 1, kw);
    decref(m);
    return r;
}

#define METHOD_FN(name)                                                                        \
    static Value f_##name(VM *vm, int argc, const Value *argv, const KwArgs *kw) {             \
        if (argc < 1) return vm_raise(vm, vm->E.TypeError, #name "() missing required argument"); \
        return call_method(vm, #name, argc, argv, kw);                                         \
    }
METHOD_FN(reshape)
METHOD_FN(ravel)
METHOD_FN(transpose)
METHOD_FN(squeeze)
METHOD_FN(swapaxes)

static Value f_copy(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "copy", "a|order", argc, argv, kw, a)) return ERRV;
    int order = arr_order_arg(vm, a[1], 'K');
    if (!order) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    ArrObj *r = arr_copy_order(vm, x, -1, order);
    decref(v_obj(x));
    return arr_value(r);
}

static Value f_shape(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "shape", "a", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    ListObj *t = tuple_new(vm, (size_t)x->ndim);
    for (int i = 0; t && i < x->ndim; i++) t->items[i] = v_int(x->shape[i]);
    decref(v_obj(x));
    return t ? v_obj(t) : ERRV;
}

/* np.expand_dims(a, axis): axis an int or a tuple/list of positions in the result. */
static Value f_expand_dims(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "expand_dims", "a,axis", argc, argv, kw, a)) return ERRV;
    const Value *items = &a[1];
    int n = 1;
    if (IS_KIND(a[1], K_TUPLE) || IS_KIND(a[1], K_LIST)) {
        items = AS(ListObj, a[1])->items;
        n = (int)AS(ListObj, a[1])->len;
    }
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int nd = x->ndim + n, ax, ins[ARR_MAXDIM] = {0};
    ArrObj *r = NULL;
    if (nd > ARR_MAXDIM) {
        vm_raise(vm, vm->E.ValueError, "too many dimensions");
        goto done;
    }
    for (int i = 0; i < n; i++) {
        if (items[i].tag == T_FLOAT) { /* normalize_axis_tuple parses each as a C int */
            vm_raise(vm, vm->E.TypeError, "integer argument expected, got float");
            goto done;
        }
        if (npf_axis(vm, items[i], nd, &ax)) goto done;
        if (ins[ax]++) {
            vm_raise(vm, vm->E.ValueError, "repeated axis");
            goto done;
        }
    }
    int64_t sh[ARR_MAXDIM];
    for (int i = 0, j = 0; i < nd; i++) sh[i] = ins[i] ? 1 : x->shape[j++];
    r = arr_reshape(vm, x, nd, sh);
done:
    decref(v_obj(x));
    return arr_value(r);
}

/* ---------------------------------------------------------------- joining */

static int seq_items(VM *vm, Value v, ListObj **out) {
    if (IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE)) {
        incref(v);
        *out = AS(ListObj, v);
        return 0;
    }
    if (!(*out = obj_to_list(vm, v))) return -1;
    return 0;
}

static void free_arrays(VM *vm, ArrObj **arrs, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (arrs[i]) decref(v_obj(arrs[i]));
    free(arrs);
}

/* Converts a sequence of array-likes; the result array of n arrays must be freed. */
static ArrObj **to_arrays(VM *vm, Value seq, size_t *n) {
    ListObj *l;
    if (seq_items(vm, seq, &l)) return NULL;
    ArrObj **arrs = calloc(l->len ? l->len : 1, sizeof(ArrObj *));
    if (!arrs) {
        decref(v_obj(l));
        vm_nomem(vm);
        return NULL;
    }
    for (size_t i = 0; i < l->len; i++)
        if (!(arrs[i] = arr_from_any(vm, l->items[i], -1))) {
            free_arrays(vm, arrs, i);
            decref(v_obj(l));
            return NULL;
        }
    *n = l->len;
    decref(v_obj(l));
    return arrs;
}

/* concatenate's out=, dtype= and casting= (NULL: none, the promoted dtype). */
typedef struct ConcatOpts {
    ArrObj *out; /* borrowed; NULL: allocate */
    int dtype;   /* -1: promote the inputs' (or out's) */
    int casting; /* 'n'o, 'e'quiv, 's'afe, 'k' same_kind, 'u'nsafe */
} ConcatOpts;

static int can_cast_rule(int from, int to, int casting) {
    static const char kinds[] = "buifc";
    if (casting == 'u' || from == to) return 1;
    if (casting == 'n' || casting == 'e') return 0;
    if (dt_can_cast_safe(from, to)) return 1;
    return casting == 'k'
           && strchr(kinds, arr_dtypes[from].kind) <= strchr(kinds, arr_dtypes[to].kind);
}

static int check_casts(VM *vm, ArrObj **arrs, size_t n, int dt, int casting) {
    static const char *const RULES[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    const char *rule = RULES[strchr("nesku", casting) - "nesku"];
    for (size_t i = 0; i < n; i++)
        if (!can_cast_rule(arrs[i]->dtype, dt, casting))
            return vm_raise(vm, vm->E.TypeError, "Cannot cast array data from dtype('%s') to "
                            "dtype('%s') according to the rule '%s'",
                            arr_dtypes[arrs[i]->dtype].name, arr_dtypes[dt].name, rule), -1;
    return 0;
}

/* NumPy's PyArray_CreateMultiSortedStridePerm: the axes of the result in the inputs' memory
 * order (slowest first), each input's length-1 axes saying nothing, C order on conflict. */
static void multi_sorted_perm(ArrObj **arrs, size_t n, int ndim, int *perm) {
    for (int i = 0; i < ndim; i++) perm[i] = i;
    for (int i0 = 1; i0 < ndim; i0++) {
        int ipos = i0, j0 = perm[i0];
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            int ambig = 1, swap = 0, j1 = perm[i1];
            for (size_t k = 0; k < n; k++) {
                const ArrObj *a = arrs[k];
                if (a->shape[j0] == 1 || a->shape[j1] == 1) continue;
                if (llabs(a->strides[j0]) <= llabs(a->strides[j1])) swap = 0;
                else if (ambig) swap = 1;
                ambig = 0;
            }
            if (ambig) continue;
            if (!swap) break;
            ipos = i1;
        }
        for (int i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1];
        perm[ipos] = j0;
    }
}

/* The result of concatenating into shape: opts->out checked against it, or a new array laid
 * out like the inputs. */
static ArrObj *concat_result(VM *vm, ArrObj **arrs, size_t n, int dt, int nd,
                             const int64_t *shape, const ConcatOpts *o, int flat) {
    ArrObj *out = o ? o->out : NULL;
    if (out) {
        if (out->ndim != nd) {
            vm_raise(vm, vm->E.ValueError, flat ? "Output array must be 1D"
                                                : "Output array has wrong dimensionality");
            return NULL;
        }
        if (memcmp(out->shape, shape, sizeof(int64_t) * (size_t)nd)) {
            vm_raise(vm, vm->E.ValueError, flat ? "Output array is the wrong size"
                                                : "Output array is the wrong shape");
            return NULL;
        }
        incref(v_obj(out));
        return out;
    }
    int perm[ARR_MAXDIM];
    multi_sorted_perm(arrs, n, nd, perm);
    return arr_new_perm(vm, dt, nd, shape, perm, 0);
}

static ArrObj *concat_into(VM *vm, ArrObj **arrs, size_t n, int axis_given, Value axisv,
                           const ConcatOpts *o) {
    if (n == 0) {
        vm_raise(vm, vm->E.ValueError, "need at least one array to concatenate");
        return NULL;
    }
    int dt = arrs[0]->dtype;
    for (size_t i = 1; i < n; i++) dt = dt_promote(dt, arrs[i]->dtype);
    if (o && o->out) dt = o->out->dtype;
    else if (o && o->dtype >= 0) dt = o->dtype;
    if (!axis_given) { /* axis=None: flatten */
        int64_t total = 0;
        for (size_t i = 0; i < n; i++) total += arrs[i]->size;
        ArrObj *r = concat_result(vm, arrs, n, dt, 1, &total, o, 1);
        if (!r) return NULL;
        if (o && check_casts(vm, arrs, n, dt, o->casting)) {
            decref(v_obj(r));
            return NULL;
        }
        int64_t off = 0;
        for (size_t i = 0; i < n; i++) {
            int64_t sz = arrs[i]->size;
            ArrObj *flat = arr_reshape(vm, arrs[i], 1, &sz);
            ArrObj *dst = flat ? arr_view(vm, r, dt, 1, &sz, r->strides, r->data + off * r->strides[0])
                               : NULL;
            int rc = !dst || dt_cast_into(vm, dst, flat);
            if (flat) decref(v_obj(flat));
            if (dst) decref(v_obj(dst));
            if (rc) {
                decref(v_obj(r));
                return NULL;
            }
            off += sz;
        }
        return r;
    }
    int nd = arrs[0]->ndim, ax;
    if (nd == 0) {
        vm_raise(vm, vm->E.ValueError, "zero-dimensional arrays cannot be concatenated");
        return NULL;
    }
    if (npf_axis(vm, axisv, nd, &ax)) return NULL;
    int64_t shape[ARR_MAXDIM];
    memcpy(shape, arrs[0]->shape, sizeof(int64_t) * (size_t)nd);
    for (size_t i = 1; i < n; i++) {
        if (arrs[i]->ndim != nd) {
            vm_raise(vm, vm->E.ValueError, "all the input arrays must have same number of "
                     "dimensions, but the array at index 0 has %d dimension(s) and the array at "
                     "index %zu has %d dimension(s)", nd, i, arrs[i]->ndim);
            return NULL;
        }
        for (int d = 0; d < nd; d++) {
            if (d == ax) continue;
            if (arrs[i]->shape[d] != shape[d]) {
                vm_raise(vm, vm->E.ValueError, "all the input array dimensions except for the "
                         "concatenation axis must match exactly, but along dimension %d, the array "
                         "at index 0 has size %lld and the array at index %zu has size %lld", d,
                         (long long)shape[d], i, (long long)arrs[i]->shape[d]);
                return NULL;
            }
        }
        shape[ax] += arrs[i]->shape[ax];
    }
    ArrObj *r = concat_result(vm, arrs, n, dt, nd, shape, o, 0);
    if (!r) return NULL;
    if (o && check_casts(vm, arrs, n, dt, o->casting)) {
        decref(v_obj(r));
        return NULL;
    }
    int64_t off = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t sh[ARR_MAXDIM];
        memcpy(sh, shape, sizeof(int64_t) * (size_t)nd);
        sh[ax] = arrs[i]->shape[ax];
        ArrObj *dst = arr_view(vm, r, dt, nd, sh, r->strides, r->data + off * r->strides[ax]);
        int rc = !dst || dt_cast_into(vm, dst, arrs[i]);
        if (dst) decref(v_obj(dst));
        if (rc) {
            decref(v_obj(r));
            return NULL;
        }
        off += sh[ax];
    }
    return r;
}

static ArrObj *concat(VM *vm, ArrObj **arrs, size_t n, int axis_given, Value axisv) {
    return concat_into(vm, arrs, n, axis_given, axisv, NULL);
}

/* Parses concatenate's out=, dtype= and casting= into o. -1: raised. */
static int concat_opts(VM *vm, const Value *a, ConcatOpts *o) {
    o->out = NULL, o->dtype = -1, o->casting = 'k';
    if (!is_none(a[0]) && !is_none(a[1]))
        return vm_raise(vm, vm->E.TypeError, "concatenate() only takes `out` or `dtype` as an "
                        "argument, but both were provided."), -1;
    if (!is_none(a[0])) {
        o->out = arr_of(vm, a[0]);
        if (!o->out || o->out->h.type != NP(vm)->t_ndarray)
            return vm_raise(vm, vm->E.TypeError, "'out' must be an array"), -1;
    }
    if (!is_none(a[1]) && (o->dtype = dt_parse(vm, a[1])) < 0) return -1;
    if (IS_NULL(a[2])) return 0;
    static const char *const RULES[] = {"no", "equiv", "safe", "same_kind", "unsafe"};
    for (int i = 0; i < 5; i++)
        if (IS_KIND(a[2], K_STR) && !strcmp(AS(StrObj, a[2])->s, RULES[i])) {
            o->casting = "nesku"[i];
            return 0;
        }
    return vm_raise(vm, vm->E.ValueError, "casting must be one of 'no', 'equiv', 'safe', "
                    "'same_kind', or 'unsafe'"), -1;
}

static Value f_concatenate(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    ConcatOpts o;
    if (arg_parse(vm, "concatenate", "arrays|axis,out,dtype,casting", argc, argv, kw, a)
        || concat_opts(vm, a + 2, &o))
        return ERRV;
    size_t n;
    ArrObj **arrs = to_arrays(vm, a[0], &n);
    if (!arrs) return ERRV;
    int given = !(!IS_NULL(a[1]) && a[1].tag == T_NONE);
    ArrObj *r = concat_into(vm, arrs, n, given, IS_NULL(a[1]) ? v_int(0) : a[1], &o);
    free_arrays(vm, arrs, n);
    return arr_value(r);
}

/* Reshapes each array in place to at least nd dims: 1-D (n) -> (1, n) for 2; for 3,
 * (n) -> (1, n, 1) and (m, n) -> (m, n, 1). */
static int at_least(VM *vm, ArrObj **arrs, size_t n, int nd) {
    for (size_t i = 0; i < n; i++) {
        ArrObj *x = arrs[i];
        if (x->ndim >= nd) continue;
        int64_t sh[3];
        int k;
        if (nd == 1) sh[0] = 1, k = 1;
        else if (nd == 2) {
            sh[0] = 1;
            sh[1] = x->ndim == 1 ? x->shape[0] : 1;
            k = 2;
        } else {
            sh[0] = x->ndim == 2 ? x->shape[0] : 1;
            sh[1] = x->ndim == 2 ? x->shape[1] : x->ndim == 1 ? x->shape[0] : 1;
            sh[2] = 1;
            k = 3;
        }
        ArrObj *r = arr_reshape(vm, x, k, sh);
        if (!r) return -1;
        decref(v_obj(x));
        arrs[i] = r;
    }
    return 0;
}

static Value stack_like(VM *vm, const char *name, int kind, int argc, const Value *argv,
                        const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, name, kind == 0 ? "arrays|axis" : "tup", argc, argv, kw, a)) return ERRV;
    size_t n;
    ArrObj **arrs = to_arrays(vm, a[0], &n);
    if (!arrs) return ERRV;
    ArrObj *r = NULL;
    if (n == 0) {
        vm_raise(vm, vm->E.ValueError, "need at least one array to %s",
                 kind == 0 ? "stack" : "concatenate");
        goto done;
    }
    if (kind == 0) { /* stack: new axis */
        int ax;
        for (size_t i = 1; i < n; i++) {
            int same = arrs[i]->ndim == arrs[0]->ndim;
            for (int d = 0; same && d < arrs[0]->ndim; d++) same = arrs[i]->shape[d] == arrs[0]->shape[d];
            if (!same) {
                vm_raise(vm, vm->E.ValueError, "all input arrays must have the same shape");
                goto done;
            }
        }
        if (npf_axis(vm, IS_NULL(a[1]) ? v_int(0) : a[1], arrs[0]->ndim + 1, &ax)) goto done;
        for (size_t i = 0; i < n; i++) {
            int64_t sh[ARR_MAXDIM];
            for (int d = 0, j = 0; d <= arrs[i]->ndim; d++) sh[d] = d == ax ? 1 : arrs[i]->shape[j++];
            ArrObj *e = arr_reshape(vm, arrs[i], arrs[i]->ndim + 1, sh);
            if (!e) goto done;
            decref(v_obj(arrs[i]));
            arrs[i] = e;
        }
        r = concat(vm, arrs, n, 1, v_int(ax));
    } else if (kind == 1) { /* vstack */
        if (at_least(vm, arrs, n, 2) == 0) r = concat(vm, arrs, n, 1, v_int(0));
    } else if (kind == 2) { /* hstack */
        if (at_least(vm, arrs, n, 1) == 0)
            r = concat(vm, arrs, n, 1, v_int(arrs[0]->ndim == 1 ? 0 : 1));
    } else if (kind == 3) { /* dstack */
        if (at_least(vm, arrs, n, 3) == 0) r = concat(vm, arrs, n, 1, v_int(2));
    } else { /* column_stack */
        for (size_t i = 0; i < n; i++)
            if (arrs[i]->ndim < 2) {
                int64_t sh[2] = {arrs[i]->size, 1};
                ArrObj *e = arr_reshape(vm, arrs[i], 2, sh);
                if (!e) goto done;
                decref(v_obj(arrs[i]));
                arrs[i] = e;
            }
        r = concat(vm, arrs, n, 1, v_int(1));
    }
done:
    free_arrays(vm, arrs, n);
    return arr_value(r);
}

static Value f_stack(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return stack_like(vm, "stack", 0, argc, argv, kw);
}
static Value f_vstack(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return stack_like(vm, "vstack", 1, argc, argv, kw);
}
static Value f_hstack(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return stack_like(vm, "hstack", 2, argc, argv, kw);
}
static Value f_dstack(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return stack_like(vm, "dstack", 3, argc, argv, kw);
}
static Value f_column_stack(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return stack_like(vm, "column_stack", 4, argc, argv, kw);
}

/* ---------------------------------------------------------------- sorting */

/* The kernels (NumPy's introsort, so that argsort orders ties as NumPy does) are in sort.c. */

/* Sort key dtype a dtype is compared in. */
static int key_dtype(int dt) {
    switch (arr_dtypes[dt].kind) {
    case 'b':
    case 'i': return DT_INT64;
    case 'u': return DT_UINT64;
    case 'f': return DT_FLOAT64;
    default: return DT_COMPLEX128;
    }
}

/* Returns -1 when a stable sort finds no memory for its scratch. */
static int argsort_keys(const ArrObj *keys, int64_t *idx, int64_t n, int stable) {
    for (int64_t i = 0; i < n; i++) idx[i] = i;
    if (stable) return sort_indices_stable(keys->dtype, keys->data, idx, n);
    sort_indices(keys->dtype, keys->data, idx, n);
    return 0;
}

/* Sorts (arg 0) or argsorts (arg 1, or 2 for kind='stable') x along axis; returns a new
 * array. */
static ArrObj *sort_along(VM *vm, ArrObj *x, int ax, int arg) {
    ArrObj *r = arg ? arr_new(vm, DT_INT64, x->ndim, x->shape, 0) : arr_copy(vm, x, -1);
    if (!r || x->size == 0) return r;
    int64_t len = x->shape[ax], isz = arr_dtypes[x->dtype].size;
    int kdt = key_dtype(x->dtype);
    ArrObj *keys = arr_new(vm, kdt, 1, &len, 0);
    int64_t *idx = malloc(sizeof(int64_t) * (size_t)len);
    char *tmp = malloc((size_t)(isz * len));
    if (!keys || !idx || !tmp) {
        if (keys) decref(v_obj(keys));
        free(idx);
        free(tmp);
        decref(v_obj(r));
        vm_nomem(vm);
        return NULL;
    }
    int64_t outer = x->size / len;
    for (int64_t o = 0; o < outer; o++) {
        if ((o & 1023) == 1023 && vm_check_interrupt(vm)) {
            decref(v_obj(r));
            r = NULL;
            break;
        }
        const char *p = x->data;
        char *q = r->data;
        int64_t rem = o;
        for (int d = x->ndim - 1; d >= 0; d--) {
            if (d == ax) continue;
            p += (rem % x->shape[d]) * x->strides[d];
            q += (rem % x->shape[d]) * r->strides[d];
            rem /= x->shape[d];
        }
        if (!arg && (x->dtype == DT_FLOAT16 || x->dtype == DT_COMPLEX64)) {
            /* no kernel of their own: sorted widened to the key dtype (same order) */
            int64_t ksz = arr_dtypes[kdt].size;
            for (int64_t i = 0; i < len; i++)
                dt_from_complex(kdt, keys->data + i * ksz,
                                dt_to_complex(x->dtype, p + i * x->strides[ax]));
            sort_values(kdt, keys->data, len);
            for (int64_t i = 0; i < len; i++)
                dt_from_complex(x->dtype, q + i * r->strides[ax],
                                dt_to_complex(kdt, keys->data + i * ksz));
            continue;
        }
        if (!arg) { /* values: gather the row, sort it, scatter it back */
            for (int64_t i = 0; i < len; i++) memcpy(tmp + i * isz, p + i * x->strides[ax], (size_t)isz);
            sort_values(x->dtype, tmp, len);
            for (int64_t i = 0; i < len; i++) memcpy(q + i * r->strides[ax], tmp + i * isz, (size_t)isz);
            continue;
        }
        for (int64_t i = 0; i < len; i++) {
            const char *e = p + i * x->strides[ax];
            char *k = keys->data + i * arr_dtypes[kdt].size;
            if (kdt == DT_INT64) *(int64_t *)k = dt_to_int64(x->dtype, e);
            else if (kdt == DT_UINT64) *(uint64_t *)k = x->dtype == DT_UINT64 ? *(const uint64_t *)e : (uint64_t)dt_to_int64(x->dtype, e);
            else if (kdt == DT_FLOAT64) *(double *)k = dt_to_double(x->dtype, e);
            else *(Complex *)k = dt_to_complex(x->dtype, e);
            memcpy(tmp + i * isz, e, (size_t)isz);
        }
        if (argsort_keys(keys, idx, len, arg == 2)) {
            decref(v_obj(r));
            r = NULL;
            vm_nomem(vm);
            break;
        }
        for (int64_t i = 0; i < len; i++) {
            char *dst = q + i * r->strides[ax];
            if (arg) *(int64_t *)dst = idx[i];
            else memcpy(dst, tmp + idx[i] * isz, (size_t)isz);
        }
    }
    decref(v_obj(keys));
    free(idx);
    free(tmp);
    return r;
}

static Value sort_fn(VM *vm, const char *name, int arg, int argc, const Value *argv,
                     const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, name, "a|axis,kind,order", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    ArrObj *src = x, *r = NULL;
    int ax = 0;
    if (!IS_NULL(a[1]) && a[1].tag == T_NONE) {
        int64_t n = x->size;
        if (!(src = arr_reshape(vm, x, 1, &n))) goto done;
    } else {
        incref(v_obj(src));
        if (src->ndim == 0) {
            vm_raise(vm, NP(vm)->e_axis, "axis -1 is out of bounds for array of dimension 0");
            goto done2;
        }
        if (npf_axis(vm, IS_NULL(a[1]) ? v_int(-1) : a[1], src->ndim, &ax)) goto done2;
    }
    if (arg && !IS_NULL(a[2]) && IS_KIND(a[2], K_STR)
        && (!strcmp(AS(StrObj, a[2])->s, "stable") || !strcmp(AS(StrObj, a[2])->s, "mergesort")))
        arg = 2;
    r = sort_along(vm, src, ax, arg);
done2:
    decref(v_obj(src));
done:
    decref(v_obj(x));
    return arr_value(r);
}

static Value f_sort(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return sort_fn(vm, "sort", 0, argc, argv, kw);
}
static Value f_argsort(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return sort_fn(vm, "argsort", 1, argc, argv, kw);
}

/* a.sort(axis=-1): in place. */
static Value m_sort(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "sort", "self|axis,kind,order", argc, argv, kw, a)) return ERRV;
    ArrObj *x = AS(ArrObj, argv[0]);
    int ax;
    if (x->ndim == 0)
        return vm_raise(vm, NP(vm)->e_axis, "axis -1 is out of bounds for array of dimension 0");
    if (npf_axis(vm, IS_NULL(a[1]) ? v_int(-1) : a[1], x->ndim, &ax)) return ERRV;
    ArrObj *r = sort_along(vm, x, ax, 0);
    if (!r) return ERRV;
    int rc = dt_cast_into(vm, x, r);
    decref(v_obj(r));
    return rc ? ERRV : v_none();
}

static Value m_argsort(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return sort_fn(vm, "argsort", 1, argc, argv, kw);
}

static Value f_unique(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "unique", "ar|return_index,return_inverse,return_counts,axis", argc, argv,
                  kw, a))
        return ERRV;
    int want_idx = IS_NULL(a[1]) ? 0 : obj_truth(vm, a[1]);
    int want_inv = IS_NULL(a[2]) ? 0 : obj_truth(vm, a[2]);
    int want_cnt = IS_NULL(a[3]) ? 0 : obj_truth(vm, a[3]);
    if (want_idx < 0 || want_inv < 0 || want_cnt < 0) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int64_t n = x->size;
    ArrObj *flat = arr_reshape(vm, x, 1, &n);
    decref(v_obj(x));
    if (!flat) return ERRV;
    ArrObj *order = sort_along(vm, flat, 0, 1);
    if (!order) {
        decref(v_obj(flat));
        return ERRV;
    }
    const int64_t *ix = (const int64_t *)order->data;
    int64_t isz = arr_dtypes[flat->dtype].size, nu = 0;
    int64_t *starts = malloc(sizeof(int64_t) * (size_t)(n + 1));
    int64_t *inv = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    Value result = ERRV;
    ArrObj *u = NULL, *ri = NULL, *rv = NULL, *rc = NULL;
    if (!starts || !inv) {
        vm_nomem(vm);
        goto done;
    }
    for (int64_t i = 0; i < n; i++) {
        const char *cur = flat->data + ix[i] * flat->strides[0];
        int same = 0;
        if (i > 0) {
            const char *prev = flat->data + ix[i - 1] * flat->strides[0];
            if (flat->dtype == DT_COMPLEX128 || arr_dtypes[flat->dtype].kind == 'f') {
                Complex p = dt_to_complex(flat->dtype, prev), c = dt_to_complex(flat->dtype, cur);
                same = (p.re == c.re && p.im == c.im) || (p.re != p.re && c.re != c.re);
            } else {
                same = !memcmp(prev, cur, (size_t)isz);
            }
        }
        if (!same) starts[nu++] = i;
        inv[ix[i]] = nu - 1;
    }
    starts[nu] = n;
    if (!(u = arr_new(vm, flat->dtype, 1, &nu, 0))) goto done;
    for (int64_t k = 0; k < nu; k++)
        memcpy(u->data + k * isz, flat->data + ix[starts[k]] * flat->strides[0], (size_t)isz);
    if (!want_idx && !want_inv && !want_cnt) {
        result = v_obj(u);
        u = NULL;
        goto done;
    }
    ListObj *t = list_new(vm, 0);
    if (!t) goto done;
    list_append(vm, t, v_obj(u));
    if (want_idx) {
        if (!(ri = arr_new(vm, DT_INT64, 1, &nu, 0))) goto done_t;
        for (int64_t k = 0; k < nu; k++) { /* first occurrence: smallest original index */
            int64_t best = ix[starts[k]];
            for (int64_t j = starts[k]; j < starts[k + 1]; j++)
                if (ix[j] < best) best = ix[j];
            ((int64_t *)ri->data)[k] = best;
        }
        list_append(vm, t, v_obj(ri));
    }
    if (want_inv) {
        if (!(rv = arr_new(vm, DT_INT64, 1, &n, 0))) goto done_t;
        memcpy(rv->data, inv, sizeof(int64_t) * (size_t)n);
        list_append(vm, t, v_obj(rv));
    }
    if (want_cnt) {
        if (!(rc = arr_new(vm, DT_INT64, 1, &nu, 0))) goto done_t;
        for (int64_t k = 0; k < nu; k++) ((int64_t *)rc->data)[k] = starts[k + 1] - starts[k];
        list_append(vm, t, v_obj(rc));
    }
    ListObj *tup = tuple_new(vm, t->len);
    if (tup) {
        for (size_t i = 0; i < t->len; i++) tup->items[i] = vref(t->items[i]);
        result = v_obj(tup);
    }
done_t:
    decref(v_obj(t));
done:
    if (u) decref(v_obj(u));
    if (ri) decref(v_obj(ri));
    if (rv) decref(v_obj(rv));
    if (rc) decref(v_obj(rc));
    free(starts);
    free(inv);
    decref(v_obj(order));
    decref(v_obj(flat));
    return result;
}

/* ---------------------------------------------------------------- searching */

static Value nonzero_of(VM *vm, ArrObj *x) {
    ArrObj *b = arr_copy(vm, x, DT_BOOL);
    if (!b) return ERRV;
    int64_t count = 0;
    for (int64_t i = 0; i < b->size; i++) count += b->data[i] != 0;
    int nd = b->ndim ? b->ndim : 1;
    ListObj *t = tuple_new(vm, (size_t)nd);
    if (!t) {
        decref(v_obj(b));
        return ERRV;
    }
    for (int d = 0; d < nd; d++) {
        ArrObj *r = arr_new(vm, DT_INT64, 1, &count, 0);
        if (!r) {
            decref(v_obj(t));
            decref(v_obj(b));
            return ERRV;
        }
        t->items[d] = v_obj(r);
    }
    int64_t j = 0;
    for (int64_t i = 0; i < b->size; i++) {
        if (!b->data[i]) continue;
        int64_t rem = i;
        for (int d = b->ndim - 1; d >= 0; d--) {
            ((int64_t *)AS(ArrObj, t->items[d])->data)[j] = rem % b->shape[d];
            rem /= b->shape[d];
        }
        if (b->ndim == 0) ((int64_t *)AS(ArrObj, t->items[0])->data)[j] = 0;
        j++;
    }
    decref(v_obj(b));
    return v_obj(t);
}

static Value f_nonzero(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "nonzero", "a", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    Value r = nonzero_of(vm, x);
    decref(v_obj(x));
    return r;
}

typedef struct WhereCtx {
    int64_t isz;
} WhereCtx;

static void where_loop(char **p, const int64_t *s, int64_t n, void *ctx) {
    int64_t isz = ((const WhereCtx *)ctx)->isz;
    for (int64_t i = 0; i < n; i++)
        memcpy(p[0] + i * s[0], *(p[1] + i * s[1]) ? p[2] + i * s[2] : p[3] + i * s[3], (size_t)isz);
}

static Value f_where(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "where", "condition|x,y", argc, argv, kw, a)) return ERRV;
    if (IS_NULL(a[1]) != IS_NULL(a[2]))
        return vm_raise(vm, vm->E.ValueError, "either both or neither of x and y should be given");
    if (IS_NULL(a[1])) return f_nonzero(vm, 1, a, NULL);
    ArrObj *c = arr_from_any(vm, a[0], DT_BOOL), *x = NULL, *y = NULL, *r = NULL;
    ArrObj *cx = NULL, *cy = NULL;
    if (!c) return ERRV;
    if (!(x = arr_from_any(vm, a[1], -1)) || !(y = arr_from_any(vm, a[2], -1))) goto done;
    ArrObj *ops[3] = {c, x, y};
    int sc[2] = {x->ndim == 0, y->ndim == 0};
    ArrObj *xy[2] = {x, y};
    int dt = dt_result(vm, 2, xy, sc), nd;
    int64_t shape[ARR_MAXDIM];
    if (arr_broadcast_shape(vm, 3, ops, &nd, shape)) goto done;
    if (!(cx = arr_copy(vm, x, dt)) || !(cy = arr_copy(vm, y, dt))) goto done;
    int perm[ARR_MAXDIM]; /* NumPy's where iterates in order='K' */
    arr_iter_perm(3, ops, nd, shape, perm);
    if (!(r = arr_new_perm(vm, dt, nd, shape, perm, 0))) goto done;
    int64_t s1[ARR_MAXDIM], s2[ARR_MAXDIM], s3[ARR_MAXDIM];
    arr_bcast_strides(c, nd, shape, s1);
    arr_bcast_strides(cx, nd, shape, s2);
    arr_bcast_strides(cy, nd, shape, s3);
    char *data[4] = {r->data, c->data, cx->data, cy->data};
    int64_t *strides[4] = {r->strides, s1, s2, s3};
    WhereCtx wc = {arr_dtypes[dt].size};
    if (arr_iterate_mem(vm, 4, data, strides, nd, shape, where_loop, &wc)) {
        decref(v_obj(r));
        r = NULL;
    }
done:
    decref(v_obj(c));
    if (x) decref(v_obj(x));
    if (y) decref(v_obj(y));
    if (cx) decref(v_obj(cx));
    if (cy) decref(v_obj(cy));
    return r ? v_obj(r) : ERRV;
}

/* ---------------------------------------------------------------- clip, round */

static Value f_clip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "clip", "a,a_min,a_max|out", argc, argv, kw, a)) return ERRV;
    if (is_none(a[1]) && is_none(a[2]))
        return vm_raise(vm, vm->E.ValueError, "One of max or min must be given");
    Value cur = vref(a[0]);
    for (int i = 1; i <= 2; i++) {
        if (is_none(a[i])) continue;
        Value r = ufunc_extreme(vm, i == 1, cur, a[i]);
        decref(cur);
        if (IS_ERR(r)) return r;
        cur = r;
    }
    return cur;
}

static Value f_round(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "round", "a|decimals,out", argc, argv, kw, a)) return ERRV;
    int64_t dec = 0;
    if (!IS_NULL(a[1]) && obj_index(vm, a[1], &dec, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    char k = arr_dtypes[x->dtype].kind;
    if (k != 'f' && k != 'c' && dec >= 0) { /* copies keep x's layout, as the ufuncs do */
        ArrObj *r = arr_copy_order(vm, x, -1, 'K');
        decref(v_obj(x));
        return arr_result(vm, r);
    }
    ArrObj *r = arr_copy_order(vm, x, k == 'f' || k == 'c' ? -1 : DT_FLOAT64, 'K');
    decref(v_obj(x));
    if (!r) return ERRV;
    double f = 1;
    for (int64_t i = 0; i < (dec < 0 ? -dec : dec); i++) f *= 10;
    for (int64_t i = 0; i < r->size; i++) {
        if (r->dtype == DT_FLOAT32) {
            float *p = (float *)r->data + i, ff = (float)f;
            *p = dec >= 0 ? rintf(*p * ff) / ff : rintf(*p / ff) * ff;
        } else if (r->dtype == DT_FLOAT64) {
            double *p = (double *)r->data + i;
            *p = dec >= 0 ? rint(*p * f) / f : rint(*p / f) * f;
        } else if (r->dtype == DT_FLOAT16) { /* every step rounds to half, as NumPy's ufuncs */
            uint16_t *p = (uint16_t *)r->data + i;
            float ff = dt_h2f(dt_half_from_double(f)), x = dt_h2f(*p);
            float t = rintf(dt_h2f(dt_half_from_double(dec >= 0 ? x * ff : x / ff)));
            *p = dt_half_from_double(dec >= 0 ? t / ff : t * ff);
        } else if (r->dtype == DT_COMPLEX64) {
            Complex64 *p = (Complex64 *)r->data + i;
            float ff = (float)f;
            p->re = dec >= 0 ? rintf(p->re * ff) / ff : rintf(p->re / ff) * ff;
            p->im = dec >= 0 ? rintf(p->im * ff) / ff : rintf(p->im / ff) * ff;
        } else {
            Complex *p = (Complex *)r->data + i;
            p->re = dec >= 0 ? rint(p->re * f) / f : rint(p->re / f) * f;
            p->im = dec >= 0 ? rint(p->im * f) / f : rint(p->im / f) * f;
        }
    }
    if (k != 'f' && k != 'c') { /* negative decimals on ints: back to the int dtype */
        ArrObj *x2 = arr_from_any(vm, a[0], -1);
        ArrObj *c = x2 ? arr_copy_order(vm, r, x2->dtype, 'K') : NULL;
        if (x2) decref(v_obj(x2));
        decref(v_obj(r));
        r = c;
    }
    return arr_result(vm, r);
}

/* ---------------------------------------------------------------- products */

/* dot and matmul live in linalg.c (la_dot, la_matmul: BLAS, stacking, broadcasting). */
static Value product(VM *vm, Value av, Value bv, int is_matmul) {
    return is_matmul ? la_matmul(vm, av, bv) : la_dot(vm, av, bv);
}

Value npf_matmul(VM *vm, Value a, Value b) { return product(vm, a, b, 1); }

static Value f_dot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "dot", "a,b|out", argc, argv, kw, a)) return ERRV;
    return product(vm, a[0], a[1], 0);
}

static Value f_matmul(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "matmul", "x1,x2|out", argc, argv, kw, a)) return ERRV;
    return product(vm, a[0], a[1], 1);
}

static Value m_dot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "dot", "self,b", argc, argv, kw, a)) return ERRV;
    return product(vm, a[0], a[1], 0);
}

/* ---------------------------------------------------------------- comparisons */

static Value isclose_of(VM *vm, Value av, Value bv, double rtol, double atol, int equal_nan) {
    ArrObj *a = arr_from_any(vm, av, -1), *b = a ? arr_from_any(vm, bv, -1) : NULL;
    ArrObj *ca = NULL, *cb = NULL, *r = NULL;
    if (!b) goto done;
    ArrObj *ops[2] = {a, b};
    int nd;
    int64_t shape[ARR_MAXDIM], s1[ARR_MAXDIM], s2[ARR_MAXDIM];
    if (arr_broadcast_shape(vm, 2, ops, &nd, shape)) goto done;
    if (!(ca = arr_copy(vm, a, DT_FLOAT64)) || !(cb = arr_copy(vm, b, DT_FLOAT64))) goto done;
    int perm[ARR_MAXDIM]; /* NumPy's isclose is ufuncs: the layout of the inputs */
    arr_out_perm(2, ops, nd, shape, perm);
    if (!(r = arr_new_perm(vm, DT_BOOL, nd, shape, perm, 0))) goto done;
    arr_bcast_strides(ca, nd, shape, s1);
    arr_bcast_strides(cb, nd, shape, s2);
    for (int64_t i = 0; i < r->size; i++) {
        const char *p = ca->data, *q = cb->data;
        char *o = r->data;
        int64_t rem = i;
        for (int d = nd - 1; d >= 0; d--) {
            p += (rem % shape[d]) * s1[d];
            q += (rem % shape[d]) * s2[d];
            o += (rem % shape[d]) * r->strides[d];
            rem /= shape[d];
        }
        double x = *(const double *)p, y = *(const double *)q;
        int c;
        if (isinf(x) || isinf(y)) c = x == y;
        else if (isnan(x) || isnan(y)) c = equal_nan && isnan(x) && isnan(y);
        else c = fabs(x - y) <= atol + rtol * fabs(y);
        *o = (char)c;
    }

done:
    if (a) decref(v_obj(a));
    if (b) decref(v_obj(b));
    if (ca) decref(v_obj(ca));
    if (cb) decref(v_obj(cb));
    return r ? v_obj(r) : ERRV;
}

static int close_args(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                      Value *a, double *rtol, double *atol, int *eqnan) {
    if (arg_parse(vm, name, "a,b|rtol,atol,equal_nan", argc, argv, kw, a)) return -1;
    *rtol = 1e-05, *atol = 1e-08, *eqnan = 0;
    if (!IS_NULL(a[2]) && obj_to_double(vm, a[2], rtol)) return -1;
    if (!IS_NULL(a[3]) && obj_to_double(vm, a[3], atol)) return -1;
    if (!IS_NULL(a[4]) && (*eqnan = obj_truth(vm, a[4])) < 0) return -1;
    return 0;
}

static Value f_isclose(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    double rtol, atol;
    int eq;
    if (close_args(vm, "isclose", argc, argv, kw, a, &rtol, &atol, &eq)) return ERRV;
    Value r = isclose_of(vm, a[0], a[1], rtol, atol, eq);
    return IS_ERR(r) ? r : arr_result(vm, AS(ArrObj, r));
}

static Value f_allclose(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    double rtol, atol;
    int eq;
    if (close_args(vm, "allclose", argc, argv, kw, a, &rtol, &atol, &eq)) return ERRV;
    Value r = isclose_of(vm, a[0], a[1], rtol, atol, eq);
    if (IS_ERR(r)) return r;
    ArrObj *x = AS(ArrObj, r);
    int all = 1;
    for (int64_t i = 0; i < x->size && all; i++) all = x->data[i] != 0;
    decref(r);
    return v_bool(all);
}

/* Whether element i (C order) of the C-contiguous c is NaN (either part, for complex). */
static int nan_at(const ArrObj *c, int64_t i) {
    Complex z = dt_to_complex(c->dtype, c->data + i * arr_dtypes[c->dtype].size);
    return isnan(z.re) || isnan(z.im);
}

/* All of eq (x == y), where with equal_nan NaNs in the same places count as equal; -1 raised. */
static int all_equal(VM *vm, const ArrObj *eq, const ArrObj *x, const ArrObj *y, int equal_nan) {
    ArrObj *c = arr_copy(vm, eq, DT_BOOL), *xc = NULL, *yc = NULL;
    int all = c != NULL, rc = -1;
    if (!c) return -1;
    if (equal_nan && (!(xc = arr_copy(vm, x, -1)) || !(yc = arr_copy(vm, y, -1)))) goto done;
    for (int64_t i = 0; i < c->size && all; i++) {
        if (c->data[i]) continue;
        all = equal_nan && nan_at(xc, i) && nan_at(yc, i);
    }
    rc = all;
done:
    decref(v_obj(c));
    if (xc) decref(v_obj(xc));
    if (yc) decref(v_obj(yc));
    return rc;
}

static Value f_array_equal(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "array_equal", "a1,a2|equal_nan", argc, argv, kw, a)) return ERRV;
    int equal_nan = IS_NULL(a[2]) ? 0 : obj_truth(vm, a[2]);
    if (equal_nan < 0) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    ArrObj *y = arr_from_any(vm, a[1], -1);
    if (!y) {
        decref(v_obj(x));
        return ERRV;
    }
    int same = x->ndim == y->ndim;
    for (int d = 0; same && d < x->ndim; d++) same = x->shape[d] == y->shape[d];
    Value result = v_bool(0);
    if (same) {
        Value eq = ufunc_binary(vm, OP_EQ, v_obj(x), v_obj(y), NULL);
        int all = IS_ERR(eq) ? -1 : all_equal(vm, arr_of(vm, eq), x, y, equal_nan);
        if (!IS_ERR(eq)) decref(eq);
        result = all < 0 ? ERRV : v_bool(all);
    }
    decref(v_obj(x));
    decref(v_obj(y));
    return result;
}

/* Byte range [lo, hi) an array's elements occupy. */
static void extent(const ArrObj *a, const char **lo, const char **hi) {
    const char *l = a->data, *h = a->data;
    for (int d = 0; d < a->ndim; d++) {
        int64_t span = (a->shape[d] - 1) * a->strides[d];
        if (span < 0) l += span;
        else h += span;
    }
    *lo = l;
    *hi = h + arr_dtypes[a->dtype].size;
}

static Value f_shares_memory(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "shares_memory", "a,b|max_work", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_of(vm, a[0]), *y = arr_of(vm, a[1]);
    if (!x || !y || x->size == 0 || y->size == 0) return v_bool(0);
    const char *l1, *h1, *l2, *h2;
    extent(x, &l1, &h1);
    extent(y, &l2, &h2);
    if (!(l1 < h2 && l2 < h1)) return v_bool(0);
    /* exact answer for 1-D strided views of one buffer: some element addresses coincide? */
    if (x->ndim == 1 && y->ndim == 1 && x->size * y->size <= (1 << 22)) {
        int hit = 0;
        int64_t isz = arr_dtypes[x->dtype].size, jsz = arr_dtypes[y->dtype].size;
        for (int64_t i = 0; i < x->size && !hit; i++) {
            const char *p = x->data + i * x->strides[0];
            for (int64_t j = 0; j < y->size && !hit; j++) {
                const char *q = y->data + j * y->strides[0];
                hit = p < q + jsz && q < p + isz;
            }
        }
        return v_bool(hit);
    }
    return v_bool(1);
}

static Value f_may_share_memory(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "may_share_memory", "a,b|max_work", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_of(vm, a[0]), *y = arr_of(vm, a[1]);
    if (!x || !y || x->size == 0 || y->size == 0) return v_bool(0);
    const char *l1, *h1, *l2, *h2;
    extent(x, &l1, &h1);
    extent(y, &l2, &h2);
    return v_bool(l1 < h2 && l2 < h1);
}

static Value f_ndim(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "ndim", "a", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int n = x->ndim;
    decref(v_obj(x));
    return v_int(n);
}

static Value f_size(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "size", "a", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int64_t n = x->size;
    decref(v_obj(x));
    return v_int(n);
}

static const BuiltinDef NP_FUNCS[] = {
    {"array", f_array, "(object, dtype=None, copy=True, ndmin=0, order='K')", "Creates an array."},
    {"asarray", f_asarray, "(a, dtype=None, order=None)",
     "Converts to an array without copying arrays."},
    {"ascontiguousarray", f_ascontiguousarray, "(a, dtype=None)",
     "A C-contiguous array (ndim >= 1), copying only when needed."},
    {"asfortranarray", f_asfortranarray, "(a, dtype=None)",
     "A Fortran-contiguous array (ndim >= 1), copying only when needed."},
    {"zeros", f_zeros, "(shape, dtype=float, order='C')", "An array of zeros."},
    {"ones", f_ones, "(shape, dtype=float, order='C')", "An array of ones."},
    {"empty", f_empty, "(shape, dtype=float, order='C')", "An uninitialised array (zeros here)."},
    {"full", f_full, "(shape, fill_value, dtype=None, order='C')", "An array filled with a value."},
    {"zeros_like", f_zeros_like, "(a, dtype=None, order='K')", "Zeros with the shape of a."},
    {"ones_like", f_ones_like, "(a, dtype=None, order='K')", "Ones with the shape of a."},
    {"empty_like", f_empty_like, "(a, dtype=None, order='K')", "Like a, uninitialised."},
    {"full_like", f_full_like, "(a, fill_value, dtype=None, order='K')",
     "Filled with the shape of a."},
    {"arange", f_arange, "([start,] stop[, step], dtype=None)", "Evenly spaced values."},
    {"linspace", f_linspace, "(start, stop, num=50, endpoint=True, retstep=False, dtype=None)",
     "Evenly spaced numbers over an interval."},
    {"eye", f_eye, "(N, M=None, k=0, dtype=float)", "Ones on a diagonal."},
    {"identity", f_identity, "(n, dtype=float)", "The identity matrix."},
    {"reshape", f_reshape, "(a, newshape)", "Gives a new shape to an array."},
    {"ravel", f_ravel, "(a)", "A flattened array."},
    {"transpose", f_transpose, "(a, axes=None)", "Permutes the dimensions."},
    {"squeeze", f_squeeze, "(a)", "Removes axes of length one."},
    {"swapaxes", f_swapaxes, "(a, axis1, axis2)", "Interchanges two axes."},
    {"copy", f_copy, "(a, order='K')", "A copy of an array."},
    {"shape", f_shape, "(a)", "The shape of an array."},
    {"ndim", f_ndim, "(a)", "The number of dimensions."},
    {"size", f_size, "(a)", "The number of elements."},
    {"expand_dims", f_expand_dims, "(a, axis)", "Inserts a new axis."},
    {"concatenate", f_concatenate,
     "((a1, a2, ...), axis=0, out=None, dtype=None, casting='same_kind')",
     "Joins arrays along an axis."},
    {"stack", f_stack, "(arrays, axis=0)", "Joins arrays along a new axis."},
    {"vstack", f_vstack, "(tup)", "Stacks arrays vertically."},
    {"hstack", f_hstack, "(tup)", "Stacks arrays horizontally."},
    {"dstack", f_dstack, "(tup)", "Stacks arrays depth-wise."},
    {"column_stack", f_column_stack, "(tup)", "Stacks 1-D arrays as columns."},
    {"sort", f_sort, "(a, axis=-1)", "A sorted copy."},
    {"argsort", f_argsort, "(a, axis=-1)", "Indices that sort an array."},
    {"unique", f_unique, "(ar, return_index=False, return_inverse=False, return_counts=False)",
     "Sorted unique elements."},
    {"nonzero", f_nonzero, "(a)", "Indices of non-zero elements."},
    {"where", f_where, "(condition, [x, y])", "Elements chosen from x or y."},
    {"clip", f_clip, "(a, a_min, a_max)", "Limits values to an interval."},
    {"round", f_round, "(a, decimals=0)", "Rounds to the given number of decimals."},
    {"around", f_round, "(a, decimals=0)", "Rounds to the given number of decimals."},
    {"dot", f_dot, "(a, b)", "Dot product."},
    {"matmul", f_matmul, "(x1, x2)", "Matrix product."},
    {"isclose", f_isclose, "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
     "Elementwise closeness."},
    {"allclose", f_allclose, "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
     "True if all elements are close."},
    {"array_equal", f_array_equal, "(a1, a2, equal_nan=False)", "Same shape and elements."},
    {"shares_memory", f_shares_memory, "(a, b)", "Whether two arrays share memory."},
    {"may_share_memory", f_may_share_memory, "(a, b)", "Whether two arrays might share memory."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef NP_METHODS[] = {
    {"sort", m_sort, "(axis=-1)", "Sorts in place."},
    {"argsort", m_argsort, "(axis=-1)", "Indices that sort the array."},
    {"dot", m_dot, "(b)", "Dot product."},
    {"nonzero", f_nonzero, "()", "Indices of non-zero elements."},
    {"clip", f_clip, "(a_min, a_max)", "Limits values to an interval."},
    {"round", f_round, "(decimals=0)", "Rounds to the given number of decimals."},
    {NULL, NULL, NULL, NULL},
};

/* round(x) of a NumPy scalar gives a Python int; round(x, n) a scalar of x's type. */
static Value m_scalar_round(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "round", "self|decimals", argc, argv, kw, a)) return ERRV;
    if (!IS_NULL(a[1]) && a[1].tag != T_NONE) return f_round(vm, 2, a, NULL);
    ArrObj *x = AS(ArrObj, argv[0]);
    if (arr_dtypes[x->dtype].kind == 'f') return int_from_double(vm, rint(dt_to_double(x->dtype, x->data)));
    return dt_get(vm, x->dtype, x->data);
}

static const BuiltinDef SCALAR_METHODS[] = {
    {"round", m_scalar_round, "(ndigits=None)", "Rounds the scalar."},
    {NULL, NULL, NULL, NULL},
};

int npf_init(VM *vm, ModuleObj *m) {
    NpState *st = NP(vm);
    return module_add_funcs(vm, m, NP_FUNCS) || type_add_methods(vm, st->t_ndarray, NP_METHODS)
                   || type_add_methods(vm, st->t_scalar[DT_BOOL]->base, SCALAR_METHODS)
               ? -1
               : 0;
}
