/* arrindex.c: a[key] and a[key] = v for every NumPy index form. Integers, slices, `...` and
 * None give views (basic indexing); integer arrays and boolean masks gather into copies and
 * scatter on assignment (advanced indexing, with NumPy's rule for where the broadcast index
 * dimensions go). */
#include <stdlib.h>
#include <string.h>

#include "array.h"

enum { IK_INT, IK_SLICE, IK_NEW, IK_ELL, IK_ARR, IK_MASK };

typedef struct Item {
    int kind;
    int64_t i;           /* IK_INT */
    const SliceObj *sl;  /* IK_SLICE; NULL for a full slice added by expansion */
    ArrObj *arr;         /* IK_ARR (int64) and IK_MASK (bool): owned */
} Item;

typedef struct Index {
    Item items[2 * ARR_MAXDIM + 1];
    int n;
    int nadv; /* IK_ARR items */
    int ell;  /* an Ellipsis was given: the result is an array, never a scalar */
} Index;

static void index_free(VM *vm, Index *ix) {
    for (int i = 0; i < ix->n; i++)
        if (ix->items[i].arr) decref(v_obj(ix->items[i].arr));
}

static int bad_index(VM *vm) {
    vm_raise(vm, vm->E.IndexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis "
                                   "(`None`) and integer or boolean arrays are valid indices");
    return -1;
}

static int classify(VM *vm, Value v, Item *it) {
    it->arr = NULL;
    it->sl = NULL;
    if (v.tag == T_INT) {
        it->kind = IK_INT;
        it->i = v.u.i;
        return 0;
    }
    if (IS_KIND(v, K_SLICE)) {
        it->kind = IK_SLICE;
        it->sl = AS(SliceObj, v);
        return 0;
    }
    if (v.tag == T_NONE) {
        it->kind = IK_NEW;
        it->i = 1;
        return 0;
    }
    if (v.tag == T_OBJ && v.u.o == vm->ellipsis.u.o) {
        it->kind = IK_ELL;
        return 0;
    }
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim == 0 && arr_dtypes[a->dtype].kind != 'b') {
        char k = arr_dtypes[a->dtype].kind;
        if (k != 'i' && k != 'u') return bad_index(vm);
        it->kind = IK_INT;
        it->i = dt_to_int64(a->dtype, a->data);
        return 0;
    }
    if (a || IS_KIND(v, K_LIST)) {
        ArrObj *x = arr_from_any(vm, v, -1);
        if (!x) return -1;
        char k = arr_dtypes[x->dtype].kind;
        if (k == 'b') {
            it->kind = IK_MASK;
            it->arr = x;
            return 0;
        }
        if (k != 'i' && k != 'u' && !(x->size == 0)) {
            decref(v_obj(x));
            vm_raise(vm, vm->E.IndexError, "arrays used as indices must be of integer (or boolean) "
                                           "type");
            return -1;
        }
        it->kind = IK_ARR;
        if (x->dtype != DT_INT64) {
            ArrObj *c = arr_copy(vm, x, DT_INT64);
            decref(v_obj(x));
            if (!c) return -1;
            x = c;
        }
        it->arr = x;
        return 0;
    }
    return bad_index(vm);
}

/* Expands a mask over k dimensions into k integer index arrays (its nonzero coordinates). */
static int expand_mask(VM *vm, const ArrObj *a, int dim, ArrObj *mask, Item *out) {
    for (int d = 0; d < mask->ndim; d++)
        if (mask->shape[d] != a->shape[dim + d]) {
            vm_raise(vm, vm->E.IndexError, "boolean index did not match indexed array along "
                     "dimension %d; dimension is %lld but corresponding boolean dimension is %lld",
                     dim + d, (long long)a->shape[dim + d], (long long)mask->shape[d]);
            return -1;
        }
    ArrObj *m = mask;
    if (!arr_is_c_contig(m) && !(m = arr_copy(vm, mask, -1))) return -1;
    else if (m == mask) incref(v_obj(m));
    int64_t count = 0;
    for (int64_t i = 0; i < m->size; i++) count += m->data[i] != 0;
    int k = m->ndim > 0 ? m->ndim : 1;
    for (int d = 0; d < k; d++) {
        out[d].kind = IK_ARR;
        out[d].sl = NULL;
        if (!(out[d].arr = arr_new(vm, DT_INT64, 1, &count, 0))) {
            for (int e = 0; e < d; e++) decref(v_obj(out[e].arr));
            decref(v_obj(m));
            return -1;
        }
    }
    int64_t j = 0;
    for (int64_t i = 0; i < m->size; i++) {
        if (!m->data[i]) continue;
        int64_t r = i;
        for (int d = m->ndim - 1; d >= 0; d--) {
            ((int64_t *)out[d].arr->data)[j] = r % m->shape[d];
            r /= m->shape[d];
        }
        j++;
    }
    decref(v_obj(m));
    return 0;
}

/* Parses key against array a into ix: every input dimension is covered by exactly one of
 * IK_INT, IK_SLICE or IK_ARR; IK_NEW items add dimensions. */
static int parse_index(VM *vm, const ArrObj *a, Value key, Index *ix) {
    Item raw[2 * ARR_MAXDIM + 1];
    int nraw = 0;
    const Value *keys = &key;
    int nkeys = 1;
    if (IS_KIND(key, K_TUPLE)) {
        keys = AS(ListObj, key)->items;
        nkeys = (int)AS(ListObj, key)->len;
    }
    if (nkeys > 2 * ARR_MAXDIM) {
        vm_raise(vm, vm->E.IndexError, "too many indices for array");
        return -1;
    }
    int consumed = 0, ell = -1;
    for (int i = 0; i < nkeys; i++) {
        if (classify(vm, keys[i], &raw[nraw])) goto fail;
        Item *it = &raw[nraw++];
        if (it->kind == IK_ELL) {
            if (ell >= 0) {
                vm_raise(vm, vm->E.IndexError, "an index can only have a single ellipsis ('...')");
                goto fail;
            }
            ell = nraw - 1;
        } else if (it->kind == IK_MASK) {
            consumed += it->arr->ndim;
        } else if (it->kind != IK_NEW) {
            consumed++;
        }
    }
    if (consumed > a->ndim) {
        vm_raise(vm, vm->E.IndexError, "too many indices for array: array is %d-dimensional, but "
                 "%d were indexed", a->ndim, consumed);
        goto fail;
    }
    ix->n = 0;
    ix->nadv = 0;
    ix->ell = ell >= 0;
    int dim = 0;
    for (int i = 0; i <= nraw; i++) {
        if (i == nraw || raw[i].kind == IK_ELL) {
            if (i == nraw && ell >= 0) break;
            for (int k = 0; k < a->ndim - consumed; k++) {
                Item *it = &ix->items[ix->n++];
                it->kind = IK_SLICE;
                it->sl = NULL;
                it->arr = NULL;
                dim++;
            }
            continue;
        }
        if (raw[i].kind == IK_MASK && raw[i].arr->ndim == 0) {
            /* a 0-d mask adds an axis of length 1 (True) or 0 (False) */
            Item *it = &ix->items[ix->n++];
            it->kind = IK_NEW;
            it->sl = NULL;
            it->arr = NULL;
            it->i = raw[i].arr->data[0] != 0;
            decref(v_obj(raw[i].arr));
            raw[i].arr = NULL;
            continue;
        }
        if (raw[i].kind == IK_MASK) {
            if (expand_mask(vm, a, dim, raw[i].arr, &ix->items[ix->n])) goto fail_ix;
            ix->n += raw[i].arr->ndim;
            ix->nadv += raw[i].arr->ndim;
            dim += raw[i].arr->ndim;
            decref(v_obj(raw[i].arr));
            raw[i].arr = NULL;
            continue;
        }
        ix->items[ix->n++] = raw[i];
        if (raw[i].kind == IK_ARR) ix->nadv++;
        raw[i].arr = NULL;
        if (raw[i].kind != IK_NEW) dim++;
    }
    return 0;
fail_ix:
    index_free(vm, ix);
fail:
    for (int i = 0; i < nraw; i++)
        if (raw[i].arr) decref(v_obj(raw[i].arr));
    return -1;
}

static int out_of_bounds(VM *vm, int64_t i, int axis, int64_t size) {
    vm_raise(vm, vm->E.IndexError, "index %lld is out of bounds for axis %d with size %lld",
             (long long)i, axis, (long long)size);
    return -1;
}

/* The geometry left after applying the basic items; advanced items keep their dimension. */
typedef struct Geo {
    int ndim;
    int64_t shape[2 * ARR_MAXDIM], strides[2 * ARR_MAXDIM];
    int adv[2 * ARR_MAXDIM];     /* per output dim: index of the IK_ARR item, or -1 */
    int advaxis[2 * ARR_MAXDIM]; /* input axis of each item */
    char *data;
    int all_int;
} Geo;

static int apply_basic(VM *vm, const ArrObj *a, const Index *ix, Geo *g) {
    g->ndim = 0;
    g->data = a->data;
    g->all_int = 1;
    int dim = 0;
    for (int k = 0; k < ix->n; k++) {
        const Item *it = &ix->items[k];
        g->advaxis[k] = dim;
        if (it->kind == IK_NEW) {
            g->shape[g->ndim] = it->i != 0 ? 1 : 0;
            g->strides[g->ndim] = 0;
            g->adv[g->ndim++] = -1;
            g->all_int = 0;
            continue;
        }
        int64_t len = a->shape[dim], st = a->strides[dim];
        if (it->kind == IK_INT && ix->nadv == 0) {
            int64_t i = it->i < 0 ? it->i + len : it->i;
            if (i < 0 || i >= len) return out_of_bounds(vm, it->i, dim, len);
            g->data += i * st;
        } else if (it->kind == IK_SLICE) {
            int64_t start = 0, stop = len, step = 1, count = len;
            if (it->sl && slice_indices(vm, it->sl, len, &start, &stop, &step, &count)) return -1;
            g->shape[g->ndim] = count;
            g->strides[g->ndim] = st * step;
            g->adv[g->ndim++] = -1;
            if (count) g->data += start * st;
            g->all_int = 0;
        } else { /* advanced (arrays, and ints among arrays) */
            g->shape[g->ndim] = len;
            g->strides[g->ndim] = st;
            g->adv[g->ndim++] = k;
            g->all_int = 0;
        }
        dim++;
    }
    return 0;
}

/* The advanced-indexing plan: broadcast index shape, where it goes, and the rest. */
typedef struct Plan {
    int bnd;
    int64_t bshape[ARR_MAXDIM];
    int nrest;
    int64_t rshape[2 * ARR_MAXDIM], rstrides[2 * ARR_MAXDIM]; /* in the source */
    int pos;                         /* where the broadcast dims go in the result */
    int nadv;
    int advdim[2 * ARR_MAXDIM];      /* geo dims of the advanced items */
    ArrObj *idx[2 * ARR_MAXDIM];     /* index arrays (NULL: a scalar index) */
    int64_t ival[2 * ARR_MAXDIM];
    int64_t istrides[2 * ARR_MAXDIM][ARR_MAXDIM];
    int axis[2 * ARR_MAXDIM];
} Plan;

/* NumPy's IndexError for index arrays that do not broadcast: the shape of every index array
 * (integers are not listed), each followed by a space. */
static int mismatch(VM *vm, const Plan *p) {
    SBuf b = SBUF_INIT;
    for (int k = 0; k < p->nadv; k++) {
        const ArrObj *a = p->idx[k];
        if (!a) continue;
        sb_putc(&b, '(');
        for (int i = 0; i < a->ndim; i++)
            sb_printf(&b, i ? ",%lld" : "%lld", (long long)a->shape[i]);
        sb_puts(&b, a->ndim == 1 ? ",) " : ") ");
    }
    vm_raise(vm, vm->E.IndexError, "shape mismatch: indexing arrays could not be broadcast "
             "together with shapes %s", b.s ? b.s : "");
    sb_free(&b);
    return -1;
}

static int make_plan(VM *vm, const Index *ix, const Geo *g, Plan *p) {
    ArrObj *arrs[2 * ARR_MAXDIM];
    int narr = 0, first = -1, last = -1, contiguous = 1;
    p->nadv = 0;
    p->nrest = 0;
    for (int d = 0; d < g->ndim; d++) {
        if (g->adv[d] < 0) {
            if (first >= 0) last = last < 0 ? d : last;
            p->rshape[p->nrest] = g->shape[d];
            p->rstrides[p->nrest++] = g->strides[d];
            continue;
        }
        if (first < 0) {
            first = d;
            p->pos = p->nrest;
        } else if (last >= 0) {
            contiguous = 0;
        }
        const Item *it = &ix->items[g->adv[d]];
        int k = p->nadv++;
        p->advdim[k] = d;
        p->axis[k] = g->advaxis[g->adv[d]];
        p->idx[k] = it->kind == IK_ARR ? it->arr : NULL;
        p->ival[k] = it->i;
        if (p->idx[k]) arrs[narr++] = p->idx[k];
    }
    if (!contiguous) p->pos = 0;
    if (narr == 0) {
        p->bnd = 0;
    } else if (arr_broadcast_shape(vm, narr, arrs, &p->bnd, p->bshape)) {
        decref(vm_take_exc(vm));
        return mismatch(vm, p);
    }
    for (int k = 0; k < p->nadv; k++)
        if (p->idx[k]) arr_bcast_strides(p->idx[k], p->bnd, p->bshape, p->istrides[k]);
    return 0;
}

/* Result shape of the advanced index: rest[:pos] + bshape + rest[pos:]. */
static int result_shape(const Plan *p, int64_t *shape) {
    int n = 0;
    for (int i = 0; i < p->pos; i++) shape[n++] = p->rshape[i];
    for (int i = 0; i < p->bnd; i++) shape[n++] = p->bshape[i];
    for (int i = p->pos; i < p->nrest; i++) shape[n++] = p->rshape[i];
    return n;
}

/* Splits the result strides into the broadcast part and the rest part. */
static void split_strides(const Plan *p, const int64_t *strides, int64_t *bst, int64_t *rst) {
    int n = 0;
    for (int i = 0; i < p->pos; i++) rst[i] = strides[n++];
    for (int i = 0; i < p->bnd; i++) bst[i] = strides[n++];
    for (int i = p->pos; i < p->nrest; i++) rst[i] = strides[n++];
}

typedef struct CopyCtx {
    int64_t isz;
} CopyCtx;

static void copy_loop(char **p, const int64_t *s, int64_t n, void *ctx) {
    int64_t isz = ((const CopyCtx *)ctx)->isz;
    for (int64_t i = 0; i < n; i++) memcpy(p[0] + i * s[0], p[1] + i * s[1], (size_t)isz);
}

/* Walks the broadcast index space; for each position copies between the source element block
 * (at an offset found from the index arrays) and the result block. scatter: result -> src. */
static int run_plan(VM *vm, const Plan *p, char *src, char *res, const int64_t *res_strides,
                    int64_t isz, int scatter, const Geo *g) {
    int64_t bst[ARR_MAXDIM], rst[2 * ARR_MAXDIM], bidx[ARR_MAXDIM] = {0}, total = 1;
    split_strides(p, res_strides, bst, rst);
    for (int i = 0; i < p->bnd; i++) total *= p->bshape[i];
    CopyCtx cc = {isz};
    int64_t rest_size = 1;
    for (int i = 0; i < p->nrest; i++) rest_size *= p->rshape[i];
    for (int64_t t = 0; t < total; t++) {
        char *s = src, *r = res;
        for (int k = 0; k < p->nadv; k++) {
            int64_t i = p->ival[k];
            if (p->idx[k]) {
                const char *q = p->idx[k]->data;
                for (int d = 0; d < p->bnd; d++) q += bidx[d] * p->istrides[k][d];
                i = *(const int64_t *)q;
            }
            int64_t len = g->shape[p->advdim[k]];
            int64_t j = i < 0 ? i + len : i;
            if (j < 0 || j >= len) return out_of_bounds(vm, i, p->axis[k], len);
            s += j * g->strides[p->advdim[k]];
        }
        for (int d = 0; d < p->bnd; d++) r += bidx[d] * bst[d];
        if (rest_size == 1 && p->nrest == 0) {
            if (scatter) memcpy(s, r, (size_t)isz);
            else memcpy(r, s, (size_t)isz);
        } else if (rest_size) {
            char *data[2] = {scatter ? s : r, scatter ? r : s};
            int64_t rs[2 * ARR_MAXDIM], ss[2 * ARR_MAXDIM];
            memcpy(rs, rst, sizeof(int64_t) * (size_t)p->nrest);
            memcpy(ss, p->rstrides, sizeof(int64_t) * (size_t)p->nrest);
            int64_t *strides[2] = {scatter ? ss : rs, scatter ? rs : ss};
            if (arr_iterate(vm, 2, data, strides, p->nrest, p->rshape, copy_loop, &cc)) return -1;
        }
        for (int d = p->bnd - 1; d >= 0; d--) {
            if (++bidx[d] < p->bshape[d]) break;
            bidx[d] = 0;
        }
        if ((t & 0xfffff) == 0xfffff && vm_check_interrupt(vm)) return -1;
    }
    return 0;
}

/* a[mask] with a boolean mask of a's own shape: one pass compressing the selected elements. */
typedef struct Compress {
    char *out;
    int64_t isz;
} Compress;

static void compress_loop(char **p, const int64_t *s, int64_t n, void *ctx) {
    Compress *c = ctx;
    char *o = c->out;
    const char *m = p[1], *a = p[0];
    switch (c->isz) {
    case 8:
        for (int64_t i = 0; i < n; i++) {
            *(uint64_t *)o = *(const uint64_t *)(a + i * s[0]);
            o += m[i * s[1]] ? 8 : 0;
        }
        break;
    case 4:
        for (int64_t i = 0; i < n; i++) {
            *(uint32_t *)o = *(const uint32_t *)(a + i * s[0]);
            o += m[i * s[1]] ? 4 : 0;
        }
        break;
    default:
        for (int64_t i = 0; i < n; i++)
            if (m[i * s[1]]) {
                memcpy(o, a + i * s[0], (size_t)c->isz);
                o += c->isz;
            }
        break;
    }
    c->out = o;
}

static Value mask_select(VM *vm, ArrObj *a, ArrObj *mask) {
    int64_t count = 0, isz = arr_dtypes[a->dtype].size;
    ArrObj *m = mask;
    if (!arr_is_c_contig(m) && !(m = arr_copy(vm, mask, -1))) return ERRV;
    if (m == mask) incref(v_obj(m));
    for (int64_t i = 0; i < m->size; i++) count += m->data[i] != 0;
    /* the branch-free loops store every element and advance only past selected ones: the
     * result gets one spare slot at the end */
    int64_t cap = count + 1;
    ArrObj *r = arr_new(vm, a->dtype, 1, &cap, 0);
    if (!r) {
        decref(v_obj(m));
        return ERRV;
    }
    r->shape[0] = r->size = count;
    Compress c = {r->data, isz};
    char *data[2] = {a->data, m->data};
    int64_t *strides[2] = {a->strides, m->strides};
    int rc = arr_iterate(vm, 2, data, strides, a->ndim, a->shape, compress_loop, &c);
    decref(v_obj(m));
    if (rc) {
        decref(v_obj(r));
        return ERRV;
    }
    return v_obj(r);
}

/* a[idx] for a 1-D array and one integer index array: a direct gather. */
static Value take_1d(VM *vm, ArrObj *a, ArrObj *idx) {
    int64_t len = a->shape[0], st = a->strides[0], isz = arr_dtypes[a->dtype].size;
    ArrObj *ix = idx;
    if (!arr_is_c_contig(ix) && !(ix = arr_copy(vm, idx, -1))) return ERRV;
    if (ix == idx) incref(v_obj(ix));
    ArrObj *r = arr_new(vm, a->dtype, ix->ndim, ix->shape, 0);
    const int64_t *iv = (const int64_t *)ix->data;
    for (int64_t k = 0; r && k < ix->size; k++) {
        int64_t i = iv[k], j = i < 0 ? i + len : i;
        if (j < 0 || j >= len) {
            out_of_bounds(vm, i, 0, len);
            decref(v_obj(r));
            r = NULL;
            break;
        }
        const char *src = a->data + j * st;
        char *dst = r->data + k * isz;
        if (isz == 8) *(uint64_t *)dst = *(const uint64_t *)src;
        else memcpy(dst, src, (size_t)isz);
    }
    decref(v_obj(ix));
    return r ? v_obj(r) : ERRV;
}

Value idx_getitem(VM *vm, Value self, Value key) {
    ArrObj *a = AS(ArrObj, self);
    if (a->h.type != NP(vm)->t_ndarray && a->ndim == 0) {
        if (IS_KIND(key, K_TUPLE) && AS(ListObj, key)->len == 0) return vref(self);
        return vm_raise(vm, vm->E.IndexError, "invalid index to scalar variable.");
    }
    ArrObj *k = arr_of(vm, key);
    if (k && k->dtype == DT_BOOL && k->ndim == a->ndim) {
        int same = 1;
        for (int d = 0; d < a->ndim; d++) same &= k->shape[d] == a->shape[d];
        if (same) return mask_select(vm, a, k);
    }
    if (k && k->dtype == DT_INT64 && a->ndim == 1 && k->ndim > 0) return take_1d(vm, a, k);
    Index ix;
    if (parse_index(vm, a, key, &ix)) return ERRV;
    Geo g;
    Value result = ERRV;
    if (apply_basic(vm, a, &ix, &g)) goto done;
    if (ix.nadv == 0) {
        if (g.all_int && g.ndim == 0 && !ix.ell) {
            result = arr_scalar(vm, a->dtype, g.data);
        } else {
            result = arr_value(arr_view(vm, a, a->dtype, g.ndim, g.shape, g.strides, g.data));
        }
        goto done;
    }
    Plan p;
    if (make_plan(vm, &ix, &g, &p)) goto done;
    int64_t shape[3 * ARR_MAXDIM];
    int nd = result_shape(&p, shape);
    ArrObj *r = arr_new(vm, a->dtype, nd, shape, 0);
    if (!r) goto done;
    if (r->size && run_plan(vm, &p, g.data, r->data, r->strides, arr_dtypes[a->dtype].size, 0, &g)) {
        decref(v_obj(r));
        goto done;
    }
    result = arr_result(vm, r);
done:
    index_free(vm, &ix);
    return result;
}

static void shape_text(SBuf *b, int nd, const int64_t *shape) {
    sb_putc(b, '(');
    for (int i = 0; i < nd; i++) sb_printf(b, i ? ",%lld" : "%lld", (long long)shape[i]);
    sb_puts(b, nd == 1 ? ",)" : ")");
}

/* The value to store as an array of a's dtype (always a copy, which also protects against
 * overlap), with leading axes of length 1 beyond nd dropped. */
static ArrObj *value_array(VM *vm, const ArrObj *a, Value v, int nd) {
    ArrObj *val;
    if (dt_of_pyscalar(v) >= 0) {
        if (!(val = arr_new(vm, a->dtype, 0, NULL, 0))) return NULL;
        if (dt_set(vm, a->dtype, val->data, v)) {
            decref(v_obj(val));
            return NULL;
        }
        return val;
    }
    ArrObj *x = arr_from_any(vm, v, -1);
    if (!x) return NULL;
    val = arr_copy(vm, x, a->dtype);
    decref(v_obj(x));
    if (!val) return NULL;
    int drop = 0;
    while (val->ndim - drop > nd && val->shape[drop] == 1) drop++;
    if (drop) {
        ArrObj *r = arr_reshape(vm, val, val->ndim - drop, val->shape + drop);
        decref(v_obj(val));
        val = r;
    }
    return val;
}

/* value_array, checked to broadcast to (nd, shape); fancy selects NumPy's message for
 * advanced indexing. */
static ArrObj *store_value(VM *vm, const ArrObj *a, Value v, int nd, const int64_t *shape,
                           int fancy) {
    ArrObj *val = value_array(vm, a, v, nd);
    if (!val) return NULL;
    int bad = val->ndim > nd;
    for (int d = 0; !bad && d < val->ndim; d++) {
        int64_t want = shape[nd - val->ndim + d];
        bad = val->shape[d] != want && val->shape[d] != 1;
    }
    if (bad) {
        SBuf s1 = SBUF_INIT, s2 = SBUF_INIT;
        shape_text(&s1, val->ndim, val->shape);
        shape_text(&s2, nd, shape);
        if (fancy)
            vm_raise(vm, vm->E.ValueError, "shape mismatch: value array of shape %s could not be "
                     "broadcast to indexing result of shape %s", s1.s, s2.s);
        else
            vm_raise(vm, vm->E.ValueError, "could not broadcast input array from shape %s into "
                     "shape %s", s1.s, s2.s);
        sb_free(&s1);
        sb_free(&s2);
        decref(v_obj(val));
        return NULL;
    }
    return val;
}

/* a[mask] = v with a mask of a's shape: v has 0 or 1 dimensions, one value or one per True. */
static int mask_assign(VM *vm, ArrObj *a, ArrObj *mask, Value v) {
    ArrObj *val = value_array(vm, a, v, ARR_MAXDIM);
    if (!val) return -1;
    ArrObj *m = arr_copy(vm, mask, -1);
    int rc = -1;
    if (!m) goto done;
    int64_t count = 0, isz = arr_dtypes[a->dtype].size;
    for (int64_t i = 0; i < m->size; i++) count += m->data[i] != 0;
    if (val->ndim > 1) {
        vm_raise(vm, vm->E.TypeError, "NumPy boolean array indexing assignment requires a 0 or "
                 "1-dimensional input, input has %d dimensions", val->ndim);
        goto done;
    }
    if (val->size != 1 && val->size != count) {
        vm_raise(vm, vm->E.ValueError, "NumPy boolean array indexing assignment cannot assign "
                 "%lld input values to the %lld output values where the mask is true",
                 (long long)val->size, (long long)count);
        goto done;
    }
    int64_t j = 0, step = val->size == 1 ? 0 : 1;
    for (int64_t i = 0; i < m->size; i++) {
        if (!m->data[i]) continue;
        char *dst = a->data;
        int64_t rem = i;
        for (int d = a->ndim - 1; d >= 0; d--) {
            dst += (rem % a->shape[d]) * a->strides[d];
            rem /= a->shape[d];
        }
        memcpy(dst, val->data + j * isz, (size_t)isz);
        j += step;
    }
    rc = 0;
done:
    if (m) decref(v_obj(m));
    decref(v_obj(val));
    return rc;
}

int idx_setitem(VM *vm, Value self, Value key, Value v) {
    ArrObj *a = AS(ArrObj, self);
    if (IS_NULL(v)) {
        vm_raise(vm, vm->E.ValueError, "cannot delete array elements");
        return -1;
    }
    if (a->h.type != NP(vm)->t_ndarray) {
        vm_raise(vm, vm->E.TypeError, "'numpy.%s' object does not support item assignment",
                 a->h.type->name);
        return -1;
    }
    if (!(a->flags & ARR_WRITEABLE)) {
        vm_raise(vm, vm->E.ValueError, "assignment destination is read-only");
        return -1;
    }
    ArrObj *k = arr_of(vm, key);
    if (k && k->dtype == DT_BOOL && k->ndim == a->ndim) {
        int same = 1;
        for (int d = 0; d < a->ndim; d++) same &= k->shape[d] == a->shape[d];
        if (same) return mask_assign(vm, a, k, v);
    }
    Index ix;
    if (parse_index(vm, a, key, &ix)) return -1;
    Geo g;
    int rc = -1;
    if (apply_basic(vm, a, &ix, &g)) goto done;
    if (ix.nadv == 0 && g.all_int && g.ndim == 0 && !ix.ell) {
        ArrObj *x = arr_of(vm, v);
        if (x && x->size == 1) {
            ArrObj *c = arr_copy(vm, x, a->dtype);
            if (c) {
                memcpy(g.data, c->data, (size_t)arr_dtypes[a->dtype].size);
                decref(v_obj(c));
                rc = 0;
            }
        } else {
            rc = dt_set(vm, a->dtype, g.data, v);
        }
        goto done;
    }
    if (ix.nadv == 0) {
        ArrObj *view = arr_view(vm, a, a->dtype, g.ndim, g.shape, g.strides, g.data);
        if (!view) goto done;
        ArrObj *val = store_value(vm, a, v, g.ndim, g.shape, 0);
        if (val) {
            rc = dt_cast_into(vm, view, val);
            decref(v_obj(val));
        }
        decref(v_obj(view));
        goto done;
    }
    Plan p;
    if (make_plan(vm, &ix, &g, &p)) goto done;
    int64_t shape[3 * ARR_MAXDIM], vst[3 * ARR_MAXDIM];
    int nd = result_shape(&p, shape);
    ArrObj *val = store_value(vm, a, v, nd, shape, 1);
    if (!val) goto done;
    arr_bcast_strides(val, nd, shape, vst);
    int64_t total = 1;
    for (int d = 0; d < nd; d++) total *= shape[d];
    rc = total ? run_plan(vm, &p, g.data, val->data, vst, arr_dtypes[a->dtype].size, 1, &g) : 0;
    decref(v_obj(val));
done:
    index_free(vm, &ix);
    return rc;
}
