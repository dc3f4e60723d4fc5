/* array.c: the ndarray object: allocation, views, conversion from Python objects, iteration
 * and broadcasting, attributes, the shape methods and the native hooks of the type. */
#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "array.h"

/* ---------------------------------------------------------------- allocation */

/* Large buffers. A fresh mapping costs a page fault per page and the kernel zeroing it, here
 * as much as two passes over the data. So buffers of 128 KB and more (the ones malloc maps
 * rather than takes from its heap) freed while a cell runs are kept, BIG_KEEP of them and
 * BIG_TOTAL bytes at most, and handed to the next array they fit within a quarter:
 * `y = x * 2 + 1` in a loop reuses the memory of the y before, and so do the temporaries of
 * eager expressions. arr_cache_release, called when a cell ends, gives them back. */
enum { BIG_MIN = 1 << 17, BIG_KEEP = 8 };
#define BIG_TOTAL ((size_t)1 << 30)
static struct {
    void *p;
    size_t n;
} big[BIG_KEEP];
static size_t big_total;

static void *big_take(size_t n) {
    for (int i = 0; i < BIG_KEEP; i++)
        if (big[i].p && big[i].n >= n && big[i].n - n <= n / 4) {
            void *p = big[i].p;
            big_total -= big[i].n;
            big[i].p = NULL;
            return p;
        }
    return NULL;
}

static void big_free(void *p) {
    size_t n = p ? malloc_usable_size(p) : 0;
    if (n >= BIG_MIN && big_total + n <= BIG_TOTAL)
        for (int i = 0; i < BIG_KEEP; i++)
            if (!big[i].p) {
                big[i].p = p, big[i].n = n;
                big_total += n;
                return;
            }
    free(p);
}

void arr_cache_release(void) {
    for (int i = 0; i < BIG_KEEP; i++) {
        free(big[i].p);
        big[i].p = NULL;
    }
    big_total = 0;
}

static ArrObj *arr_alloc(VM *vm, TypeObj *type, int dtype, int ndim) {
    if (ndim > ARR_MAXDIM) {
        vm_raise(vm, vm->E.ValueError, "maximum supported dimension for an ndarray is %d, found %d",
                 ARR_MAXDIM, ndim);
        return NULL;
    }
    ArrObj *a = malloc(sizeof(ArrObj) + 2 * (size_t)ndim * sizeof(int64_t));
    if (!a) {
        vm_nomem(vm);
        return NULL;
    }
    a->h.h.rc = 1;
    a->h.h.k = K_NATIVE;
    a->h.h.flags = 0;
    a->h.type = type;
    incref(v_obj(type));
    a->dtype = dtype;
    a->ndim = ndim;
    a->flags = ARR_WRITEABLE;
    a->size = 1;
    a->data = NULL;
    a->base = NULL;
    a->mem = NULL;
    a->shape = a->dims;
    a->strides = a->dims + ndim;
    a->inl.re = a->inl.im = 0;
    return a;
}

ArrObj *arr_new(VM *vm, int dtype, int ndim, const int64_t *shape, int zero) {
    return arr_new_perm(vm, dtype, ndim, shape, NULL, zero);
}

ArrObj *arr_new_perm(VM *vm, int dtype, int ndim, const int64_t *shape, const int *perm,
                     int zero) {
    int64_t size = 1, isz = arr_dtypes[dtype].size;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0) {
            vm_raise(vm, vm->E.ValueError, "negative dimensions are not allowed");
            return NULL;
        }
        if (shape[i] && size > INT64_MAX / 16 / shape[i]) {
            vm_raise(vm, vm->E.ValueError, "array is too big; `arr.size * arr.dtype.itemsize` is "
                                           "larger than the maximum possible size.");
            return NULL;
        }
        size *= shape[i];
    }
    ArrObj *a = arr_alloc(vm, NP(vm)->t_ndarray, dtype, ndim);
    if (!a) return NULL;
    a->size = size;
    int64_t st = isz;
    for (int i = ndim - 1; i >= 0; i--) {
        int ax = perm ? perm[i] : i;
        a->shape[ax] = shape[ax];
        a->strides[ax] = st;
        st *= shape[ax] ? shape[ax] : 1;
    }
    if (size == 0) /* as NumPy sets them for new arrays without elements */
        for (int i = 0; i < ndim; i++) a->strides[i] = 0;
    size_t nbytes = (size_t)(size * isz);
    if (nbytes <= sizeof a->inl) {
        a->data = (char *)&a->inl;
    } else {
        a->mem = !zero && nbytes >= BIG_MIN ? big_take(nbytes) : NULL;
        int fresh = !a->mem;
        if (fresh) a->mem = zero ? calloc(1, nbytes) : malloc(nbytes);
        if (!a->mem && big_total) { /* the kept buffers may be what is missing */
            arr_cache_release();
            a->mem = zero ? calloc(1, nbytes) : malloc(nbytes);
        }
        if (!a->mem) {
            decref(v_obj(a));
            vm_nomem(vm);
            return NULL;
        }
        if (fresh && nbytes >= ((size_t)1 << 22)) { /* as NumPy: huge pages cut the faults */
            uintptr_t lo = ((uintptr_t)a->mem + 4095) & ~(uintptr_t)4095;
            uintptr_t hi = ((uintptr_t)a->mem + nbytes) & ~(uintptr_t)4095;
            if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
        }
        a->data = a->mem;
    }
    return a;
}

ArrObj *arr_regeom(VM *vm, ArrObj *a, int ndim, const int64_t *shape, const int64_t *strides) {
    ArrObj *r;
    if (a->base || a->h.h.rc != 1 || a->h.type != NP(vm)->t_ndarray) {
        r = arr_view(vm, a, a->dtype, ndim, shape, strides, a->data);
    } else if ((r = arr_alloc(vm, a->h.type, a->dtype, ndim))) {
        for (int i = 0; i < ndim; i++) {
            r->shape[i] = shape[i];
            r->strides[i] = strides[i];
            r->size *= shape[i];
        }
        r->flags = a->flags;
        r->inl = a->inl;
        r->mem = a->mem;
        r->data = a->mem ? a->data : (char *)&r->inl + (a->data - (char *)&a->inl);
        a->mem = NULL;
    }
    decref(v_obj(a));
    return r;
}

ArrObj *arr_view(VM *vm, ArrObj *base, int dtype, int ndim, const int64_t *shape,
                 const int64_t *strides, char *data) {
    ArrObj *a = arr_alloc(vm, NP(vm)->t_ndarray, dtype, ndim);
    if (!a) return NULL;
    for (int i = 0; i < ndim; i++) {
        a->shape[i] = shape[i];
        a->strides[i] = strides[i];
        a->size *= shape[i];
    }
    ArrObj *owner = base->base ? base->base : base;
    a->base = owner;
    incref(v_obj(owner));
    a->data = data;
    a->flags = base->flags;
    return a;
}

Value arr_scalar(VM *vm, int dtype, const char *p) {
    ArrObj *a = arr_alloc(vm, NP(vm)->t_scalar[dtype], dtype, 0);
    if (!a) return ERRV;
    a->data = (char *)&a->inl;
    memcpy(a->data, p, (size_t)arr_dtypes[dtype].size);
    return v_obj(a);
}

Value arr_value(ArrObj *a) { return a ? v_obj(a) : ERRV; }

Value arr_result(VM *vm, ArrObj *a) {
    if (!a) return ERRV;
    if (a->ndim != 0 || a->h.type != NP(vm)->t_ndarray) return v_obj(a);
    Value s = arr_scalar(vm, a->dtype, a->data);
    decref(v_obj(a));
    return s;
}

static void arr_free(VM *vm, Obj *o) {
    ArrObj *a = (ArrObj *)o;
    if (a->base) decref(v_obj(a->base));
    big_free(a->mem);
}

int arr_type_is_scalar(VM *vm, const TypeObj *t) {
    const NpState *st = NP(vm);
    return t->ops == st->t_ndarray->ops && t != st->t_ndarray;
}

ArrObj *arr_of(VM *vm, Value v) {
    if (!IS_KIND(v, K_NATIVE) || !vm->np) return NULL;
    return AS(NativeObj, v)->type->ops == NP(vm)->t_ndarray->ops ? AS(ArrObj, v) : NULL;
}

int arr_check(VM *vm, Value v) { return arr_of(vm, v) != NULL; }

int arr_is_c_contig(const ArrObj *a) {
    int64_t st = arr_dtypes[a->dtype].size;
    if (a->size == 0) return 1;
    for (int i = a->ndim - 1; i >= 0; i--) {
        if (a->shape[i] != 1 && a->strides[i] != st) return 0;
        st *= a->shape[i];
    }
    return 1;
}

int arr_is_f_contig(const ArrObj *a) {
    int64_t st = arr_dtypes[a->dtype].size;
    if (a->size == 0) return 1;
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] != 1 && a->strides[i] != st) return 0;
        st *= a->shape[i];
    }
    return 1;
}

/* ---------------------------------------------------------------- iteration */

#define ITER_CHUNK 65536

int arr_iterate(VM *vm, int nop, char **data, int64_t *const *strides, int ndim,
                const int64_t *shape, ArrLoop loop, void *ctx) {
    int64_t sh[ARR_MAXDIM], st[4][ARR_MAXDIM], idx[ARR_MAXDIM];
    int nd = 0;
    for (int d = 0; d < ndim; d++) {
        if (shape[d] == 0) return 0;
        if (shape[d] == 1) continue;
        sh[nd] = shape[d];
        for (int k = 0; k < nop; k++) st[k][nd] = strides[k][d];
        nd++;
    }
    /* merge dimension i into i+1 where every operand steps through them as one */
    int m = 0;
    for (int d = 0; d < nd; d++) {
        if (m > 0) {
            int ok = 1;
            for (int k = 0; k < nop; k++)
                if (st[k][m - 1] != sh[d] * st[k][d]) ok = 0;
            if (ok) {
                sh[m - 1] *= sh[d];
                for (int k = 0; k < nop; k++) st[k][m - 1] = st[k][d];
                continue;
            }
        }
        sh[m] = sh[d];
        for (int k = 0; k < nop; k++) st[k][m] = st[k][d];
        m++;
    }
    nd = m;
    if (nd == 0) {
        sh[0] = 1;
        for (int k = 0; k < nop; k++) st[k][0] = 0;
        nd = 1;
    }
    int inner = nd - 1;
    int64_t n = sh[inner], s[4];
    char *p[4], *q[4];
    for (int k = 0; k < nop; k++) s[k] = st[k][inner], p[k] = data[k];
    for (int d = 0; d < inner; d++) idx[d] = 0;
    int64_t work = 0;
    for (;;) {
        for (int64_t off = 0; off < n; off += ITER_CHUNK) {
            int64_t c = n - off < ITER_CHUNK ? n - off : ITER_CHUNK;
            for (int k = 0; k < nop; k++) q[k] = p[k] + off * s[k];
            loop(q, s, c, ctx);
            work += c;
            if (work >= (1 << 20)) {
                work = 0;
                if (vm_check_interrupt(vm)) return -1;
            }
        }
        int d = inner - 1;
        for (; d >= 0; d--) {
            for (int k = 0; k < nop; k++) p[k] += st[k][d];
            if (++idx[d] < sh[d]) break;
            for (int k = 0; k < nop; k++) p[k] -= st[k][d] * sh[d];
            idx[d] = 0;
        }
        if (d < 0) break;
    }
    return 0;
}

int arr_iterate_mem(VM *vm, int nop, char **data, int64_t *const *strides, int ndim,
                    const int64_t *shape, ArrLoop loop, void *ctx) {
    int perm[ARR_MAXDIM], id = 1;
    for (int i = 0; i < ndim; i++) { /* stable: by decreasing |stride| of operand 0 */
        int j = i;
        for (; j > 0 && llabs(strides[0][perm[j - 1]]) < llabs(strides[0][i]); j--)
            perm[j] = perm[j - 1];
        perm[j] = i;
        id &= j == i;
    }
    if (id) return arr_iterate(vm, nop, data, strides, ndim, shape, loop, ctx);
    int64_t sh[ARR_MAXDIM], st[4][ARR_MAXDIM], *stp[4];
    for (int k = 0; k < nop; k++) stp[k] = st[k];
    for (int i = 0; i < ndim; i++) {
        sh[i] = shape[perm[i]];
        for (int k = 0; k < nop; k++) st[k][i] = strides[k][perm[i]];
    }
    return arr_iterate(vm, nop, data, stp, ndim, sh, loop, ctx);
}

static void shape_str(SBuf *b, const ArrObj *a) {
    sb_putc(b, '(');
    for (int i = 0; i < a->ndim; i++) sb_printf(b, i ? ",%lld" : "%lld", (long long)a->shape[i]);
    sb_puts(b, a->ndim == 1 ? ",)" : ")");
}

int arr_broadcast_shape(VM *vm, int n, ArrObj *const *ops, int *ndim, int64_t *shape) {
    int nd = 0;
    for (int i = 0; i < n; i++)
        if (ops[i]->ndim > nd) nd = ops[i]->ndim;
    for (int d = 0; d < nd; d++) shape[d] = 1;
    for (int i = 0; i < n; i++) {
        const ArrObj *a = ops[i];
        for (int d = 0; d < a->ndim; d++) {
            int64_t *t = &shape[nd - a->ndim + d], s = a->shape[d];
            if (s == *t || s == 1) continue;
            if (*t == 1) {
                *t = s;
                continue;
            }
            SBuf b = SBUF_INIT;
            for (int j = 0; j < n; j++) {
                shape_str(&b, ops[j]);
                sb_putc(&b, ' ');
            }
            vm_raise(vm, vm->E.ValueError, "operands could not be broadcast together with shapes %s",
                     b.s ? b.s : "");
            sb_free(&b);
            return -1;
        }
    }
    *ndim = nd;
    return 0;
}

void arr_bcast_strides(const ArrObj *a, int ndim, const int64_t *shape, int64_t *strides) {
    int lead = ndim - a->ndim;
    for (int d = 0; d < ndim; d++) {
        int e = d - lead;
        strides[d] = e < 0 || (a->shape[e] == 1 && shape[d] != 1) ? 0 : a->strides[e];
    }
}

/* ---------------------------------------------------------------- conversion from Python */

static void shape_msg(SBuf *b, int ndim, const int64_t *shape) {
    sb_putc(b, '(');
    for (int i = 0; i < ndim; i++) sb_printf(b, i ? ",%lld" : "%lld", (long long)shape[i]);
    sb_puts(b, ndim == 1 ? ",)" : ")");
}


typedef struct Discover {
    int known;     /* dimensions recorded in shape */
    int leaf;      /* depth of the scalars, -1 until seen */
    int ragged;    /* depth where the nesting stopped being regular, -1 if regular */
    int dtype;     /* promoted so far, -1 none */
    int64_t shape[ARR_MAXDIM];
} Discover;

static int is_seq(Value v) { return IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE); }

static void mark_ragged(Discover *d, int depth) {
    if (d->ragged < 0 || depth < d->ragged) d->ragged = depth;
}

static void see_dim(Discover *d, int depth, int64_t len) {
    if (d->leaf >= 0 && depth >= d->leaf) mark_ragged(d, depth);
    else if (depth == d->known) d->shape[d->known++] = len;
    else if (depth < d->known && d->shape[depth] != len) mark_ragged(d, depth);
}

static void see_leaf(Discover *d, int depth) {
    if (d->leaf < 0) d->leaf = depth;
    else if (d->leaf != depth) mark_ragged(d, depth < d->leaf ? depth : d->leaf);
    if (d->known > depth) mark_ragged(d, depth);
}

static int discover(VM *vm, Value v, int depth, Discover *d) {
    if (depth >= ARR_MAXDIM) {
        vm_raise(vm, vm->E.ValueError, "array is too deeply nested");
        return -1;
    }
    ArrObj *a = arr_of(vm, v);
    int dt;
    if (a) {
        for (int i = 0; i < a->ndim && depth + i < ARR_MAXDIM; i++)
            see_dim(d, depth + i, a->shape[i]);
        see_leaf(d, depth + a->ndim);
        dt = a->dtype;
    } else if (is_seq(v)) {
        const ListObj *l = AS(ListObj, v);
        see_dim(d, depth, (int64_t)l->len);
        if (l->len == 0) see_leaf(d, depth + 1);
        for (size_t i = 0; i < l->len && d->ragged < 0; i++)
            if (discover(vm, l->items[i], depth + 1, d)) return -1;
        return 0;
    } else {
        dt = dt_of_pyscalar(v);
        if (dt < 0) {
            vm_raise(vm, vm->E.TypeError, "unsupported array element of type '%s'",
                     type_name(vm, v));
            return -1;
        }
        if (IS_KIND(v, K_BIGINT)) dt = int_sign(v) > 0 ? DT_UINT64 : DT_FLOAT64;
        see_leaf(d, depth);
    }
    if (!(is_seq(v) && AS(ListObj, v)->len == 0))
        d->dtype = d->dtype < 0 ? dt : dt_promote(d->dtype, dt);
    return 0;
}

static int fill(VM *vm, Value v, ArrObj *dst, int depth, char *p) {
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim > 0) {
        ArrObj *view = arr_view(vm, dst, dst->dtype, dst->ndim - depth, dst->shape + depth,
                                dst->strides + depth, p);
        if (!view) return -1;
        int r = dt_cast_into(vm, view, a);
        decref(v_obj(view));
        return r;
    }
    if (depth == dst->ndim) return dt_set(vm, dst->dtype, p, v);
    const ListObj *l = AS(ListObj, v);
    for (size_t i = 0; i < l->len; i++)
        if (fill(vm, l->items[i], dst, depth + 1, p + (int64_t)i * dst->strides[depth])) return -1;
    return 0;
}

static ArrObj *from_seq(VM *vm, Value v, int dtype) {
    Discover d;
    d.known = 0;
    d.leaf = -1;
    d.ragged = -1;
    d.dtype = -1;
    if (discover(vm, v, 0, &d)) return NULL;
    if (d.ragged >= 0) {
        SBuf b = SBUF_INIT;
        shape_msg(&b, d.ragged, d.shape);
        vm_raise(vm, vm->E.ValueError, "setting an array element with a sequence. The requested "
                 "array has an inhomogeneous shape after %d dimensions. The detected shape was "
                 "%s + inhomogeneous part.", d.ragged, b.s);
        sb_free(&b);
        return NULL;
    }
    if (dtype < 0) dtype = d.dtype < 0 ? DT_FLOAT64 : d.dtype;
    ArrObj *r = arr_new(vm, dtype, d.leaf, d.shape, 0);
    if (!r) return NULL;
    if (fill(vm, v, r, 0, r->data)) {
        decref(v_obj(r));
        return NULL;
    }
    return r;
}

ArrObj *arr_from_any(VM *vm, Value v, int dtype) {
    ArrObj *a = arr_of(vm, v);
    if (a) {
        if (dtype < 0 || dtype == a->dtype) {
            incref(v);
            return a;
        }
        return arr_copy(vm, a, dtype);
    }
    if (IS_KIND(v, K_RANGE)) {
        ListObj *l = obj_to_list(vm, v);
        if (!l) return NULL;
        ArrObj *r = from_seq(vm, v_obj(l), dtype);
        decref(v_obj(l));
        return r;
    }
    return from_seq(vm, v, dtype);
}

ArrObj *arr_copy(VM *vm, const ArrObj *a, int dtype) {
    ArrObj *r = arr_new(vm, dtype < 0 ? a->dtype : dtype, a->ndim, a->shape, 0);
    if (!r) return NULL;
    if (dt_cast_into(vm, r, a)) {
        decref(v_obj(r));
        return NULL;
    }
    return r;
}

/* ---------------------------------------------------------------- shape helpers */

int npf_axis(VM *vm, Value v, int ndim, int *axis) {
    int64_t ax;
    if (obj_index(vm, v, &ax, "'%s' object cannot be interpreted as an integer")) return -1;
    if (ax < -ndim || ax >= ndim) {
        vm_raise(vm, NP(vm)->e_axis,
                 "axis %lld is out of bounds for array of dimension %d", (long long)ax, ndim);
        return -1;
    }
    *axis = (int)(ax < 0 ? ax + ndim : ax);
    return 0;
}

int npf_shape(VM *vm, Value v, int *ndim, int64_t *shape) {
    if (IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE)) {
        const ListObj *l = AS(ListObj, v);
        if (l->len > ARR_MAXDIM)
            return vm_raise(vm, vm->E.ValueError, "too many dimensions"), -1;
        for (size_t i = 0; i < l->len; i++)
            if (obj_index(vm, l->items[i], &shape[i],
                          "'%s' object cannot be interpreted as an integer"))
                return -1;
        *ndim = (int)l->len;
        return 0;
    }
    *ndim = 1;
    return obj_index(vm, v, &shape[0], "'%s' object cannot be interpreted as an integer");
}

/* NumPy's _attempt_nocopy_reshape (C order): strides that give the new shape as a view of
 * a non-contiguous array, when the axes being merged or split are contiguous enough. */
static int nocopy_strides(const ArrObj *a, int newnd, const int64_t *newdims, int64_t *newstrides) {
    int64_t olddims[ARR_MAXDIM], oldstrides[ARR_MAXDIM];
    int oldnd = 0;
    if (a->size == 0) return 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != 1) olddims[oldnd] = a->shape[i], oldstrides[oldnd++] = a->strides[i];
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < newnd && oi < oldnd) {
        int64_t np = newdims[ni], op = olddims[oi];
        while (np != op) {
            if (np < op) np *= newdims[nj++];
            else op *= olddims[oj++];
        }
        for (int ok = oi; ok < oj - 1; ok++)
            if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1]) return 0;
        newstrides[nj - 1] = oldstrides[oj - 1];
        for (int nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk] * newdims[nk];
        ni = nj++;
        oi = oj++;
    }
    int64_t last = ni >= 1 ? newstrides[ni - 1] : arr_dtypes[a->dtype].size;
    for (int nk = ni; nk < newnd; nk++) newstrides[nk] = last;
    return 1;
}

/* The shape a reshape of size elements to shape_in (one -1 allowed) gives; -1: raised. */
static int resolve_shape(VM *vm, int64_t size, int ndim, const int64_t *shape_in,
                         int64_t *shape) {
    int64_t known = 1;
    int unknown = -1;
    for (int i = 0; i < ndim; i++) {
        shape[i] = shape_in[i];
        if (shape[i] == -1) {
            if (unknown >= 0) {
                vm_raise(vm, vm->E.ValueError, "can only specify one unknown dimension");
                return -1;
            }
            unknown = i;
        } else if (shape[i] < 0) {
            vm_raise(vm, vm->E.ValueError, "negative dimensions not allowed");
            return -1;
        } else {
            known *= shape[i];
        }
    }
    if (unknown >= 0 && known != 0 && size % known == 0) shape[unknown] = size / known;
    else if (unknown >= 0) known = -1;
    if (unknown < 0 ? known != size : known < 0) {
        SBuf b = SBUF_INIT; /* NumPy's convert_shape_to_string: -1 is "newaxis", leading dropped */
        int i = 0;
        while (i < ndim && shape_in[i] < 0) i++;
        sb_putc(&b, '(');
        for (int j = i; j < ndim; j++) {
            if (shape_in[j] < 0) sb_puts(&b, ",newaxis");
            else sb_printf(&b, j > i ? ",%lld" : "%lld", (long long)shape_in[j]);
        }
        sb_puts(&b, ndim == 1 && i == 0 ? ",)" : ")");
        vm_raise(vm, vm->E.ValueError, "cannot reshape array of size %lld into shape %s",
                 (long long)size, b.s);
        sb_free(&b);
        return -1;
    }
    return 0;
}

ArrObj *arr_reshape(VM *vm, ArrObj *a, int ndim, const int64_t *shape_in) {
    int64_t shape[ARR_MAXDIM];
    if (resolve_shape(vm, a->size, ndim, shape_in, shape)) return NULL;
    int64_t strides[ARR_MAXDIM], st = arr_dtypes[a->dtype].size;
    ArrObj *src = a;
    if (!arr_is_c_contig(a) && nocopy_strides(a, ndim, shape, strides)) {
        incref(v_obj(src));
    } else {
        if (!arr_is_c_contig(a) && !(src = arr_copy(vm, a, -1))) return NULL;
        if (src == a) incref(v_obj(src));
        for (int i = ndim - 1; i >= 0; i--) {
            strides[i] = st;
            st *= shape[i] ? shape[i] : 1;
        }
    }
    ArrObj *r = arr_view(vm, src, src->dtype, ndim, shape, strides, src->data);
    decref(v_obj(src));
    return r;
}

/* ---------------------------------------------------------------- attributes */

static Value shape_tuple(VM *vm, int n, const int64_t *v) {
    ListObj *t = tuple_new(vm, (size_t)n);
    if (!t) return ERRV;
    for (int i = 0; i < n; i++) t->items[i] = v_int(v[i]);
    return v_obj(t);
}

static ArrObj *transpose(VM *vm, ArrObj *a, const int *perm) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    for (int i = 0; i < a->ndim; i++) {
        int p = perm ? perm[i] : a->ndim - 1 - i;
        sh[i] = a->shape[p];
        st[i] = a->strides[p];
    }
    return arr_view(vm, a, a->dtype, a->ndim, sh, st, a->data);
}

/* ---------------------------------------------------------------- memory order */

int arr_order_arg(VM *vm, Value v, int dflt) {
    if (IS_NULL(v) || v.tag == T_NONE) return dflt;
    if (!IS_KIND(v, K_STR)) {
        vm_raise(vm, vm->E.TypeError, "order must be str, not %s", type_name(vm, v));
        return 0;
    }
    const StrObj *s = AS(StrObj, v);
    int c = s->len == 1 ? s->s[0] & ~0x20 : 0; /* one letter, either case */
    if (c != 'C' && c != 'F' && c != 'A' && c != 'K') {
        vm_raise(vm, vm->E.ValueError, "order must be one of 'C', 'F', 'A', or 'K' (got '%s')",
                 s->s);
        return 0;
    }
    return c;
}

/* NumPy's PyArray_ISFORTRAN: Fortran-contiguous and not also C-contiguous. */
static int is_fortran(const ArrObj *a) { return arr_is_f_contig(a) && !arr_is_c_contig(a); }

static void perm_order(int ndim, int fortran, int *perm) {
    for (int i = 0; i < ndim; i++) perm[i] = fortran ? ndim - 1 - i : i;
}

/* NumPy's PyArray_CreateSortedStridePerm: axes by decreasing |stride|, ties by axis. */
static void sorted_stride_perm(const ArrObj *a, int *perm) {
    for (int i = 0; i < a->ndim; i++) {
        int j = i;
        for (; j > 0 && llabs(a->strides[perm[j - 1]]) < llabs(a->strides[i]); j--)
            perm[j] = perm[j - 1];
        perm[j] = i;
    }
}

void arr_like_perm(const ArrObj *a, int order, int *perm) {
    if (order == 'A') order = is_fortran(a) ? 'F' : 'C';
    if (order == 'K' && (a->ndim <= 1 || arr_is_c_contig(a))) order = 'C';
    if (order == 'K' && arr_is_f_contig(a)) order = 'F';
    if (order == 'K') sorted_stride_perm(a, perm);
    else perm_order(a->ndim, order == 'F', perm);
}

/* NumPy's npyiter_find_best_axis_ordering: a stable insertion sort of the axes, fastest
 * first, by the operands' strides (0 along broadcast and length-1 axes, which say nothing);
 * where operands disagree, C order wins. */
void arr_iter_perm(int nop, ArrObj *const *ops, int ndim, const int64_t *shape, int *perm) {
    int64_t st[ARR_MAXDIM][ARR_MAXDIM]; /* st[op][axis] */
    int fp[ARR_MAXDIM];                 /* axes, fastest first */
    for (int k = 0; k < nop; k++) {
        arr_bcast_strides(ops[k], ndim, shape, st[k]);
        for (int d = 0; d < ndim; d++)
            if (shape[d] == 1) st[k][d] = 0;
    }
    for (int i = 0; i < ndim; i++) fp[i] = ndim - 1 - i;
    for (int i0 = 1; i0 < ndim; i0++) {
        int ipos = i0, j0 = fp[i0];
        for (int i1 = i0 - 1; i1 >= 0; i1--) {
            int ambig = 1, swap = 0, j1 = fp[i1];
            for (int k = 0; k < nop; k++) {
                if (!st[k][j0] || !st[k][j1]) continue;
                if (llabs(st[k][j1]) <= llabs(st[k][j0])) swap = 0;
                else if (ambig) swap = 1;
                ambig = 0;
            }
            if (ambig) continue;
            if (!swap) break;
            ipos = i1;
        }
        for (int i1 = i0; i1 > ipos; i1--) fp[i1] = fp[i1 - 1];
        fp[ipos] = j0;
    }
    for (int i = 0; i < ndim; i++) perm[i] = fp[ndim - 1 - i];
}

void arr_out_perm(int nop, ArrObj *const *ops, int ndim, const int64_t *shape, int *perm) {
    /* NumPy's trivial loop: inputs of the result's shape all C- or all F-contiguous */
    int c = 1, f = 1;
    for (int k = 0; k < nop; k++) {
        const ArrObj *a = ops[k];
        if (a->ndim == 0) continue;
        if (a->ndim != ndim || memcmp(a->shape, shape, sizeof(int64_t) * (size_t)ndim)) {
            c = f = 0;
            break;
        }
        c &= arr_is_c_contig(a);
        f &= arr_is_f_contig(a);
    }
    if (c || f) perm_order(ndim, !c, perm);
    else arr_iter_perm(nop, ops, ndim, shape, perm);
}

static int is_identity(int ndim, const int *perm) {
    for (int i = 0; i < ndim; i++)
        if (perm[i] != i) return 0;
    return 1;
}

/* A view of a with its axes in perm's order. */
static ArrObj *permuted(VM *vm, const ArrObj *a, const int *perm) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    for (int i = 0; i < a->ndim; i++) sh[i] = a->shape[perm[i]], st[i] = a->strides[perm[i]];
    return arr_view(vm, (ArrObj *)a, a->dtype, a->ndim, sh, st, a->data);
}

/* Copies src into dst (same shape) walking the axes in perm's order (dst's memory order). */
static int copy_permuted(VM *vm, ArrObj *dst, const ArrObj *src, const int *perm) {
    if (is_identity(dst->ndim, perm)) return dt_cast_into(vm, dst, src);
    ArrObj *vd = permuted(vm, dst, perm), *vs = vd ? permuted(vm, src, perm) : NULL;
    int r = vs ? dt_cast_into(vm, vd, vs) : -1;
    if (vd) decref(v_obj(vd));
    if (vs) decref(v_obj(vs));
    return r;
}

ArrObj *arr_copy_order(VM *vm, const ArrObj *a, int dtype, int order) {
    int perm[ARR_MAXDIM];
    arr_like_perm(a, order, perm);
    ArrObj *r = arr_new_perm(vm, dtype < 0 ? a->dtype : dtype, a->ndim, a->shape, perm, 0);
    if (r && copy_permuted(vm, r, a, perm)) {
        decref(v_obj(r));
        return NULL;
    }
    return r;
}

ArrObj *arr_reshape_order(VM *vm, ArrObj *a, int ndim, const int64_t *shape_in, int order) {
    if (order == 'A') order = is_fortran(a) ? 'F' : 'C';
    if (order != 'F') return arr_reshape(vm, a, ndim, shape_in);
    /* Fortran order: reshape the transpose to the reversed shape, transpose back */
    int64_t shape[ARR_MAXDIM], rev[ARR_MAXDIM];
    if (resolve_shape(vm, a->size, ndim, shape_in, shape)) return NULL;
    for (int i = 0; i < ndim; i++) rev[i] = shape[ndim - 1 - i];
    ArrObj *t = transpose(vm, a, NULL), *r = t ? arr_reshape(vm, t, ndim, rev) : NULL;
    ArrObj *res = r ? transpose(vm, r, NULL) : NULL;
    if (t) decref(v_obj(t));
    if (r) decref(v_obj(r));
    return res;
}

/* A 1-D copy of a, its elements read in order 'C', 'F', 'A' or 'K' (NumPy's PyArray_Flatten:
 * 'K' is memory order by the iterator's axis ordering, negative strides not reversed). */
ArrObj *arr_flatten(VM *vm, const ArrObj *a, int order) {
    int perm[ARR_MAXDIM];
    if (order == 'A') order = is_fortran(a) ? 'F' : 'C';
    if (order == 'K') arr_iter_perm(1, (ArrObj *const *)&a, a->ndim, a->shape, perm);
    else perm_order(a->ndim, order == 'F', perm);
    ArrObj *v = permuted(vm, a, perm), *c = v ? arr_copy(vm, v, -1) : NULL;
    int64_t n = a->size, st = n ? arr_dtypes[a->dtype].size : 0;
    if (v) decref(v_obj(v));
    return c ? arr_regeom(vm, c, 1, &n, &st) : NULL;
}

/* NumPy's PyArray_Ravel: a 1-D view when the elements in the order asked for are evenly
 * spaced in memory, else arr_flatten. */
ArrObj *arr_ravel(VM *vm, ArrObj *a, int order) {
    int64_t n = a->size, isz = arr_dtypes[a->dtype].size;
    if (order == 'K' && arr_is_c_contig(a)) order = 'C';
    else if (order == 'K' && arr_is_f_contig(a)) order = 'F';
    else if (order == 'A') order = is_fortran(a) ? 'F' : 'C';
    if (order == 'C' && arr_is_c_contig(a)) return arr_reshape(vm, a, 1, &n);
    if (order == 'F' && arr_is_f_contig(a)) return arr_reshape_order(vm, a, 1, &n, 'F');
    if (order == 'K') {
        int perm[ARR_MAXDIM], i = a->ndim - 1;
        int64_t st = isz;
        sorted_stride_perm(a, perm);
        for (; i >= 0; i--) {
            if (a->shape[perm[i]] == 1) continue;
            if (a->strides[perm[i]] != st) break;
            st *= a->shape[perm[i]];
        }
        if (i < 0) return arr_view(vm, a, a->dtype, 1, &n, &isz, a->data);
    }
    return arr_flatten(vm, a, order);
}

static Value part_view(VM *vm, ArrObj *a, int imag) {
    if (arr_dtypes[a->dtype].kind != 'c') {
        if (!imag) return vref(v_obj(a));
        ArrObj *z = arr_new(vm, a->dtype, a->ndim, a->shape, 1);
        return arr_result(vm, z);
    }
    int part = a->dtype == DT_COMPLEX64 ? DT_FLOAT32 : DT_FLOAT64;
    return arr_result(vm, arr_view(vm, a, part, a->ndim, a->shape, a->strides,
                                   a->data + (imag ? arr_dtypes[part].size : 0)));
}

static Value arr_getattr(VM *vm, Value self, StrObj *name) {
    ArrObj *a = AS(ArrObj, self);
    const char *n = name->s;
    int64_t isz = arr_dtypes[a->dtype].size;
    if (!strcmp(n, "shape")) return shape_tuple(vm, a->ndim, a->shape);
    if (!strcmp(n, "ndim")) return v_int(a->ndim);
    if (!strcmp(n, "size")) return v_int(a->size);
    if (!strcmp(n, "dtype")) return dt_object(vm, a->dtype);
    if (!strcmp(n, "itemsize")) return v_int(isz);
    if (!strcmp(n, "nbytes")) return v_int(isz * a->size);
    if (!strcmp(n, "strides")) return shape_tuple(vm, a->ndim, a->strides);
    if (!strcmp(n, "T")) {
        ArrObj *t = transpose(vm, a, NULL);
        return a->h.type == NP(vm)->t_ndarray ? arr_value(t) : arr_result(vm, t);
    }
    if (!strcmp(n, "real")) return part_view(vm, a, 0);
    if (!strcmp(n, "imag")) return part_view(vm, a, 1);
    if (!strcmp(n, "base")) {
        if (a->base) return vref(v_obj(a->base));
        return v_none();
    }
    if (!strcmp(n, "flat") || !strcmp(n, "flags")) return npf2_attr(vm, a, n);
    return v_null();
}

/* a.flat = v; other attributes are read-only or absent, as for any object. */
static int arr_setattr(VM *vm, Value self, StrObj *name, Value v) {
    ArrObj *a = AS(ArrObj, self);
    if (!strcmp(name->s, "flat") && a->h.type == NP(vm)->t_ndarray)
        return npf2_set_flat(vm, a, v);
    TypeObj *t = a->h.type;
    int found = 0;
    for (const TypeObj *b = t; b && !found; b = b->base)
        found = b->dict && !IS_NULL(dict_get_str(b->dict, name));
    if (found)
        vm_raise(vm, vm->E.AttributeError, "'numpy.%s' object attribute '%s' is read-only",
                 t->name, name->s);
    else
        vm_raise(vm, vm->E.AttributeError, "'numpy.%s' object has no attribute '%s'", t->name,
                 name->s);
    return -1;
}

/* ---------------------------------------------------------------- methods */

#define SELF AS(ArrObj, argv[0])

static int shape_args(VM *vm, int argc, const Value *argv, int *ndim, int64_t *shape) {
    if (argc == 1) return npf_shape(vm, argv[0], ndim, shape);
    if (argc > ARR_MAXDIM) return vm_raise(vm, vm->E.ValueError, "too many dimensions"), -1;
    for (int i = 0; i < argc; i++)
        if (obj_index(vm, argv[i], &shape[i], "'%s' object cannot be interpreted as an integer"))
            return -1;
    *ndim = argc;
    return 0;
}

/* The order= keyword of a method taking *args (reshape): absent gives 'C'. */
static int kw_order(VM *vm, const KwArgs *kw) {
    Value v = v_null();
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = AS(StrObj, kw->names[k])->s;
        if (strcmp(name, "order"))
            return vm_raise(vm, vm->E.TypeError, "'%s' is an invalid keyword argument for this "
                            "function", name), 0;
        v = kw->values[k];
    }
    return arr_order_arg(vm, v, 'C');
}

static Value m_reshape(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    int ndim, order = kw_order(vm, kw);
    int64_t shape[ARR_MAXDIM];
    if (!order) return ERRV;
    if (argc < 2) return vm_raise(vm, vm->E.TypeError, "reshape() takes exactly 1 argument (0 given)");
    if (order == 'K')
        return vm_raise(vm, vm->E.ValueError, "order 'K' is not permitted for reshaping");
    if (shape_args(vm, argc - 1, argv + 1, &ndim, shape)) return ERRV;
    return arr_value(arr_reshape_order(vm, SELF, ndim, shape, order));
}

static Value m_ravel(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "ravel", "self|order", argc, argv, kw, a)) return ERRV;
    int order = arr_order_arg(vm, a[1], 'C');
    return order ? arr_value(arr_ravel(vm, SELF, order)) : ERRV;
}

static Value m_flatten(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "flatten", "self|order", argc, argv, kw, a)) return ERRV;
    int order = arr_order_arg(vm, a[1], 'C');
    return order ? arr_value(arr_flatten(vm, SELF, order)) : ERRV;
}

/* Methods of ndarray return arrays (0-d included); those of NumPy scalars return scalars. */
static Value like_self(VM *vm, const ArrObj *self, ArrObj *r) {
    return self->h.type == NP(vm)->t_ndarray ? arr_value(r) : arr_result(vm, r);
}

static Value m_copy(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "copy", "self|order", argc, argv, kw, a)) return ERRV;
    int order = arr_order_arg(vm, a[1], 'C');
    if (!order) return ERRV;
    return like_self(vm, SELF, arr_copy_order(vm, SELF, -1, order));
}

static Value m_astype(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "astype", "self,dtype|order", argc, argv, kw, a)) return ERRV;
    int dt = dt_parse(vm, a[1]);
    if (dt < 0) return ERRV;
    int order = arr_order_arg(vm, a[2], 'K');
    if (!order) return ERRV;
    return like_self(vm, SELF, arr_copy_order(vm, SELF, dt, order));
}

static Value tolist_rec(VM *vm, const ArrObj *a, int depth, const char *p) {
    if (depth == a->ndim) return dt_get(vm, a->dtype, p);
    ListObj *l = list_new(vm, (size_t)a->shape[depth]);
    if (!l) return ERRV;
    for (int64_t i = 0; i < a->shape[depth]; i++) {
        Value x = tolist_rec(vm, a, depth + 1, p + i * a->strides[depth]);
        if (IS_ERR(x)) {
            l->len = (size_t)i;
            decref(v_obj(l));
            return ERRV;
        }
        l->items[i] = x;
    }
    return v_obj(l);
}

static Value m_tolist(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    return tolist_rec(vm, SELF, 0, SELF->data);
}

static Value m_item(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    ArrObj *a = SELF;
    if (argc == 1) {
        if (a->size != 1)
            return vm_raise(vm, vm->E.ValueError,
                            "can only convert an array of size 1 to a Python scalar");
        const char *p = a->data;
        return dt_get(vm, a->dtype, p);
    }
    const Value *ix = argv + 1;
    int nix = argc - 1;
    if (nix == 1 && IS_KIND(argv[1], K_TUPLE)) {
        ix = AS(ListObj, argv[1])->items;
        nix = (int)AS(ListObj, argv[1])->len;
    }
    if (nix != 1 || a->ndim == 1) { /* a.item(i, j) or a.item((i, j)): one index per axis */
        if (nix != a->ndim)
            return vm_raise(vm, vm->E.ValueError, "incorrect number of indices for array");
        const char *q = a->data;
        for (int d = 0; d < nix; d++) {
            int64_t k;
            if (obj_index(vm, ix[d], &k, "'%s' object cannot be interpreted as an integer"))
                return ERRV;
            if (k < -a->shape[d] || k >= a->shape[d])
                return vm_raise(vm, vm->E.IndexError, "index %lld is out of bounds for axis %d "
                                "with size %lld", (long long)k, d, (long long)a->shape[d]);
            q += (k < 0 ? k + a->shape[d] : k) * a->strides[d];
        }
        return dt_get(vm, a->dtype, q);
    }
    int64_t i;
    if (obj_index(vm, argv[1], &i, "'%s' object cannot be interpreted as an integer")) return ERRV;
    if (i < 0) i += a->size;
    if (i < 0 || i >= a->size)
        return vm_raise(vm, vm->E.IndexError, "index %lld is out of bounds for size %lld",
                        (long long)i, (long long)a->size);
    const char *p = a->data;
    for (int d = a->ndim - 1; d >= 0; d--) {
        p += (i % a->shape[d]) * a->strides[d];
        i /= a->shape[d];
    }
    return dt_get(vm, a->dtype, p);
}

/* A view made from self: an ndarray stays an array even when it ends up 0-d (NumPy's
 * np.ones((1, 1)).squeeze() is array(1.)); only NumPy scalars give scalars back. */
static Value view_result(VM *vm, const ArrObj *self, ArrObj *r) {
    if (arr_type_is_scalar(vm, self->h.type)) return arr_result(vm, r);
    return arr_value(r);
}

static Value m_transpose(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    ArrObj *a = SELF;
    if (argc == 1 || (argc == 2 && argv[1].tag == T_NONE))
        return view_result(vm, a, transpose(vm, a, NULL));
    int perm[ARR_MAXDIM], seen[ARR_MAXDIM] = {0}, n = argc - 1;
    const Value *items = argv + 1;
    if (argc == 2 && (IS_KIND(argv[1], K_LIST) || IS_KIND(argv[1], K_TUPLE))) {
        n = (int)AS(ListObj, argv[1])->len;
        items = AS(ListObj, argv[1])->items;
    }
    if (n != a->ndim) return vm_raise(vm, vm->E.ValueError, "axes don't match array");
    for (int i = 0; i < n; i++) {
        if (npf_axis(vm, items[i], a->ndim, &perm[i])) return ERRV;
        if (seen[perm[i]]++) return vm_raise(vm, vm->E.ValueError, "repeated axis in transpose");
    }
    return view_result(vm, a, transpose(vm, a, perm));
}

static Value m_fill(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    if (argc != 2) return vm_raise(vm, vm->E.TypeError, "fill() takes exactly 1 argument");
    ArrObj *a = SELF;
    char buf[16];
    if (dt_set(vm, a->dtype, buf, argv[1])) return ERRV;
    ArrObj *s = arr_alloc(vm, NP(vm)->t_ndarray, a->dtype, 0);
    if (!s) return ERRV;
    s->data = (char *)&s->inl;
    memcpy(s->data, buf, sizeof buf);
    int r = dt_cast_into(vm, a, s);
    decref(v_obj(s));
    return r ? ERRV : v_none();
}

static Value m_swapaxes(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "swapaxes", "self,axis1,axis2", argc, argv, kw, a)) return ERRV;
    int perm[ARR_MAXDIM], x, y;
    if (npf_axis(vm, a[1], SELF->ndim, &x) || npf_axis(vm, a[2], SELF->ndim, &y)) return ERRV;
    for (int i = 0; i < SELF->ndim; i++) perm[i] = i;
    perm[x] = y, perm[y] = x;
    return view_result(vm, SELF, transpose(vm, SELF, perm));
}

/* The axes squeeze(axis) removes into drop[]: all of length one (None), or those named (an
 * int or a tuple), each of which must have length one. */
static int squeeze_axes(VM *vm, const ArrObj *a, Value axis, int *drop) {
    if (IS_NULL(axis) || axis.tag == T_NONE) {
        for (int i = 0; i < a->ndim; i++) drop[i] = a->shape[i] == 1;
        return 0;
    }
    if (npf_axes(vm, axis, a->ndim, drop)) return -1;
    for (int i = 0; i < a->ndim; i++)
        if (drop[i] && a->shape[i] != 1)
            return vm_raise(vm, vm->E.ValueError, "cannot select an axis to squeeze out which "
                            "has size not equal to one"), -1;
    return 0;
}

static Value m_squeeze(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value args[2];
    if (arg_parse(vm, "squeeze", "self|axis", argc, argv, kw, args)) return ERRV;
    ArrObj *a = SELF;
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    int n = 0, drop[ARR_MAXDIM];
    if (squeeze_axes(vm, a, args[1], drop)) return ERRV;
    for (int i = 0; i < a->ndim; i++)
        if (!drop[i]) sh[n] = a->shape[i], st[n++] = a->strides[i];
    return view_result(vm, a, arr_view(vm, a, a->dtype, n, sh, st, a->data));
}

static const BuiltinDef ARR_METHODS[] = {
    {"reshape", m_reshape, "(*shape, order='C')", "Returns an array with a new shape."},
    {"ravel", m_ravel, "(order='C')", "A flattened view when possible."},
    {"flatten", m_flatten, "(order='C')", "A flattened copy."},
    {"copy", m_copy, "(order='C')", "A copy of the array."},
    {"astype", m_astype, "(dtype, order='K')", "A copy cast to dtype."},
    {"tolist", m_tolist, "()", "The array as nested lists of Python scalars."},
    {"item", m_item, "(*args)", "An element as a Python scalar."},
    {"transpose", m_transpose, "(*axes)", "A view with axes permuted."},
    {"fill", m_fill, "(value)", "Fills the array with a scalar."},
    {"swapaxes", m_swapaxes, "(axis1, axis2)", "A view with two axes swapped."},
    {"squeeze", m_squeeze, "(axis=None)", "Removes axes of length one."},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- native hooks */

static int arr_repr(VM *vm, Value self, SBuf *out, int str) {
    ArrObj *a = AS(ArrObj, self);
    if (a->h.type != NP(vm)->t_ndarray) return aprint_scalar(vm, a, out, !str);
    return aprint_array(vm, a, out, !str);
}

static Value arr_iter(VM *vm, Value self) {
    ArrObj *a = AS(ArrObj, self);
    if (a->h.type != NP(vm)->t_ndarray)
        return vm_raise(vm, vm->E.TypeError, "'numpy.%s' object is not iterable",
                        a->h.type->name);
    if (a->ndim == 0) return vm_raise(vm, vm->E.TypeError, "iteration over a 0-d array");
    return iter_new(vm, IT_GETITEM, self, v_null(), 0);
}

static Value arr_len(VM *vm, Value self) {
    ArrObj *a = AS(ArrObj, self);
    if (a->h.type != NP(vm)->t_ndarray)
        return vm_raise(vm, vm->E.TypeError, "object of type 'numpy.%s' has no len()",
                        a->h.type->name);
    if (a->ndim == 0) return vm_raise(vm, vm->E.TypeError, "len() of unsized object");
    return v_int(a->shape[0]);
}

static int arr_truth(VM *vm, Value self) {
    ArrObj *a = AS(ArrObj, self);
    if (a->size != 1) {
        if (a->size == 0) return 0;
        vm_raise(vm, vm->E.ValueError, "The truth value of an array with more than one element "
                                       "is ambiguous. Use a.any() or a.all()");
        return -1;
    }
    Complex z = dt_to_complex(a->dtype, a->data);
    return z.re != 0 || z.im != 0;
}

static const NativeOps ARR_OPS = {
    .free = arr_free, .repr = arr_repr, .getattr = arr_getattr, .setattr = arr_setattr,
    .binop = ufunc_binop_hook,
    .unop = ufunc_unop_hook, .getitem = idx_getitem, .setitem = idx_setitem, .iter = arr_iter,
    .len = arr_len, .truth = arr_truth,
};

/* np.float64(x) and friends. */
static Value scalar_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    TypeObj *t = AS(TypeObj, argv[0]);
    int dt = 0;
    while (NP(vm)->t_scalar[dt] != t) dt++;
    if (argc == 1) {
        char zero[16] = {0};
        return arr_scalar(vm, dt, zero);
    }
    if (argc > 2) return vm_raise(vm, vm->E.TypeError, "function takes at most 1 argument");
    if (IS_KIND(argv[1], K_STR)) {
        Value f = obj_call(vm, v_obj(arr_dtypes[dt].kind == 'f' ? vm->t_float : vm->t_int), 1,
                           argv + 1, NULL);
        if (IS_ERR(f)) return ERRV;
        ArrObj *r = arr_from_any(vm, f, dt);
        decref(f);
        return arr_result(vm, r);
    }
    return arr_result(vm, arr_from_any(vm, argv[1], dt));
}

static Value ndarray_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "ndarray", "cls,shape|dtype", argc, argv, kw, a)) return ERRV;
    int ndim, dt = DT_FLOAT64;
    int64_t shape[ARR_MAXDIM];
    if (npf_shape(vm, a[1], &ndim, shape)) return ERRV;
    if (!IS_NULL(a[2]) && (dt = dt_parse(vm, a[2])) < 0) return ERRV;
    return arr_value(arr_new(vm, dt, ndim, shape, 1));
}

static TypeObj *abstract_type(VM *vm, ModuleObj *m, const char *name, TypeObj *base) {
    TypeObj *t = type_new(vm, name, base, K_NATIVE);
    if (!t) return NULL;
    t->module = "numpy";
    int r = module_add(vm, m, name, v_obj(t));
    decref(v_obj(t)); /* the module keeps it */
    return r ? NULL : t;
}

int arr_types_init(VM *vm, NpState *st, ModuleObj *m) {
    if (!(st->t_ndarray = type_new(vm, "ndarray", vm->t_object, K_NATIVE))) return -1;
    st->t_ndarray->module = "numpy";
    st->t_ndarray->ops = &ARR_OPS;
    st->t_ndarray->ctor = ndarray_ctor;
    if (type_add_methods(vm, st->t_ndarray, ARR_METHODS)) return -1;
    if (module_add(vm, m, "ndarray", v_obj(st->t_ndarray))) return -1;
    TypeObj *generic = abstract_type(vm, m, "generic", vm->t_object);
    TypeObj *number = generic ? abstract_type(vm, m, "number", generic) : NULL;
    TypeObj *integer = number ? abstract_type(vm, m, "integer", number) : NULL;
    TypeObj *sint = integer ? abstract_type(vm, m, "signedinteger", integer) : NULL;
    TypeObj *uint = integer ? abstract_type(vm, m, "unsignedinteger", integer) : NULL;
    TypeObj *inexact = number ? abstract_type(vm, m, "inexact", number) : NULL;
    TypeObj *floating = inexact ? abstract_type(vm, m, "floating", inexact) : NULL;
    TypeObj *cfloat = inexact ? abstract_type(vm, m, "complexfloating", inexact) : NULL;
    if (!sint || !uint || !floating || !cfloat) return -1;
    if (type_add_methods(vm, generic, ARR_METHODS)) return -1;
    for (int i = 0; i < DT__COUNT; i++) {
        char k = arr_dtypes[i].kind;
        TypeObj *base = k == 'b' ? generic : k == 'i' ? sint : k == 'u' ? uint
                        : k == 'f' ? floating : cfloat;
        TypeObj *t = type_new(vm, arr_dtypes[i].scalar, base, K_NATIVE);
        if (!t) return -1;
        t->module = "numpy";
        t->ops = &ARR_OPS;
        t->ctor = scalar_ctor;
        st->t_scalar[i] = t;
        if (module_add(vm, m, arr_dtypes[i].scalar, v_obj(t))) return -1;
    }
    static const struct {
        const char *alias;
        int dt;
    } ALIASES[] = {{"int_", DT_INT64}, {"intc", DT_INT32}, {"uint", DT_UINT64},
                   {"float_", DT_FLOAT64}, {"double", DT_FLOAT64}, {"single", DT_FLOAT32},
                   {"complex_", DT_COMPLEX128}, {"byte", DT_INT8}, {"ubyte", DT_UINT8},
                   {"short", DT_INT16}, {"longlong", DT_INT64}, {"intp", DT_INT64},
                   {"half", DT_FLOAT16}, {"csingle", DT_COMPLEX64},
                   {"singlecomplex", DT_COMPLEX64}, {"cdouble", DT_COMPLEX128},
                   {"cfloat", DT_COMPLEX128}};
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++)
        if (module_add(vm, m, ALIASES[i].alias, v_obj(st->t_scalar[ALIASES[i].dt]))) return -1;
    return 0;
}
