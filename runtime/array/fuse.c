/* fuse.c: one blocked pass over memory for a fused elementwise expression (see ../fuse.h).
 *
 * fuse_eval decodes a plan into a small tree of nodes: leaves (arrays of one shape, scalars)
 * and steps (a ufunc loop from ufunc.c, or np.where's select). The result array is filled
 * BLOCK elements at a time: each step runs its loop over the block, reading its inputs from
 * the leaves or from the per-step scratch buffers of the block before, which stay in L1/L2.
 * Inputs of another dtype than a loop's are converted per block with ufunc.c's casts, as the
 * eager buffered loops do, so every element goes through the same C operations in the same
 * order as in the eager evaluation: results are identical. .sum() and .mean() of a float64
 * expression reproduce NumPy's summation order: pairwise sums over 8192-element chunks,
 * added in turn, which is exactly the chunk the eager reduction sees.
 *
 * Large arrays are split in two parts at a block (or chunk) boundary; a worker thread runs
 * the second part. Floating-point exceptions and integer division by zero are collected from
 * both parts; when any occurred the result is dropped and the ordinary code runs, so the
 * warnings NumPy prints (named after each ufunc) come out of the eager path. */
#include <emmintrin.h>
#include <fenv.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "../fuse.h"
#include "array.h"

enum { FN_ARRAY, FN_SCALAR, FN_STEP, FN_WHERE, FN_CAST };
enum {
    MAXNODES = FZ_MAXPLAN / 2,
    BLOCK = 1024,        /* elements per block: a few KB per temporary */
    RED_CHUNK = 8192,    /* NumPy's reduction buffer: the unit of its pairwise sums */
    PAR_MIN = 1 << 17    /* elements from which the second core helps */
};
enum { RED_NONE, RED_SUM, RED_MEAN };

typedef struct FNode {
    int kind, dt;
    int nkid, kid[3];
    ArrObj *arr;     /* FN_ARRAY: the leaf (borrowed); FN_SCALAR: a 0-d array (owned) */
    UfStep st;       /* FN_STEP */
    ArrLoop conv;    /* FN_CAST: astype's conversion (NULL: the same dtype, a copy) */
    int in_dt[3];    /* the dtype each kid is read in */
    ArrCast cast[3]; /* per array kid: its conversion to in_dt, NULL when none */
    int cbuf[3];     /* scratch buffer of that conversion */
    int buf;         /* scratch buffer of the node's values; -1 for the root */
    Complex sval[3]; /* per scalar kid: its value in in_dt */
} FNode;

typedef struct Fused {
    FNode node[MAXNODES];
    Value tmp[MAXNODES]; /* values of Python-number subexpressions (owned) */
    int ntmp;
    int n, root, nbuf, red;
    int ndim;
    const int64_t *shape;
    int64_t size;
} Fused;

/* ---------------------------------------------------------------- settings */

static int64_t fuse_min = -1; /* ABACUS_FUSE_MIN: elements below which fusion declines */
static int fuse_off;          /* ABACUS_FUSE=0 turns fusion off (differential tests) */
static int ncpu = 1;
static long n_fused, n_declined; /* counted for ABACUS_FUSE_STATS=1, printed at exit */

static void print_stats(void) {
    fprintf(stderr, "[fuse] %ld fused, %ld declined\n", n_fused, n_declined);
}

static void settings(void) {
    const char *e = getenv("ABACUS_FUSE_MIN"), *off = getenv("ABACUS_FUSE"),
               *stats = getenv("ABACUS_FUSE_STATS");
    fuse_min = e && *e ? atoll(e) : 2048;
    fuse_off = off && !strcmp(off, "0");
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    ncpu = n > 1 ? 2 : 1;
    if (stats && !strcmp(stats, "1")) atexit(print_stats);
}

/* ---------------------------------------------------------------- decoding the plan */

typedef struct Item {
    Value v; /* a leaf or callee not yet made a node (borrowed), or T_NULL */
    int node;
} Item;

static Value leaf_value(VM *vm, Frame *f, int code, int arg) {
    CodeObj *co = f->code;
    switch (code) {
    case FZ_FAST: return f->locals[arg];
    case FZ_DEREF: return AS(CellObj, f->locals[co->nlocals + arg])->v;
    case FZ_GLOBAL: {
        Value v = dict_get_str(f->globals, co->names[arg]);
        return IS_NULL(v) ? dict_get_str(vm->builtins, co->names[arg]) : v;
    }
    default: return co->consts[arg];
    }
}

static void fused_free(VM *vm, Fused *F) {
    for (int k = 0; k < F->n; k++)
        if (F->node[k].kind == FN_SCALAR) decref(v_obj(F->node[k].arr));
    for (int k = 0; k < F->ntmp; k++) decref(F->tmp[k]);
}

static int py_number(Value v) { return v.tag == T_INT || v.tag == T_FLOAT || v.tag == T_BOOL; }

/* `2 * np.pi` in `np.sin(2 * np.pi * f * t)`: an operation on Python numbers only is done
 * now, as the ordinary code would do it (Python arithmetic prints no warnings; an error
 * declines the plan), and its value becomes a leaf. 0: done, into *it. */
static int python_arith(VM *vm, Fused *F, int code, int op, Item *it, int nk) {
    for (int j = 0; j < nk; j++)
        if (!IS_NULL(it[j].v) ? !py_number(it[j].v) : 1) return -1;
    if (F->ntmp >= MAXNODES) return -1;
    Value r = code == FZ_UNARY ? obj_unop(vm, op, it[0].v)
              : op >= OP_EQ && op <= OP_GE ? obj_compare(vm, op, it[0].v, it[1].v)
                                            : obj_binop(vm, op, it[0].v, it[1].v);
    if (IS_ERR(r)) return -1;
    F->tmp[F->ntmp++] = r;
    it[0] = (Item){r, -1};
    return 0;
}

static FNode *new_node(Fused *F, int kind) {
    if (F->n >= MAXNODES) return NULL;
    FNode *d = &F->node[F->n++];
    memset(d, 0, sizeof *d);
    d->kind = kind;
    d->buf = -1;
    return d;
}

/* The node for a leaf value: an array of the common shape, or a scalar counting by value.
 * -1: not fusable. */
static int leaf_node(VM *vm, Fused *F, Value v) {
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim > 0 && a->h.type == NP(vm)->t_ndarray) {
        if (!arr_is_c_contig(a) || a->size != F->size || a->ndim != F->ndim
            || memcmp(a->shape, F->shape, sizeof(int64_t) * (size_t)a->ndim))
            return -1;
        FNode *d = new_node(F, FN_ARRAY);
        if (!d) return -1;
        d->arr = a, d->dt = a->dtype;
        return (int)(d - F->node);
    }
    if (!(a && a->ndim == 0) && v.tag != T_INT && v.tag != T_FLOAT && v.tag != T_BOOL) return -1;
    ArrObj *s = arr_from_any(vm, v, -1); /* a Python number becomes a 0-d array */
    if (!s) return -1;
    FNode *d = new_node(F, FN_SCALAR);
    if (!d) {
        decref(v_obj(s));
        return -1;
    }
    d->arr = s, d->dt = s->dtype;
    return (int)(d - F->node);
}

static int as_node(VM *vm, Fused *F, Item *it) {
    if (IS_NULL(it->v)) return it->node;
    it->node = leaf_node(vm, F, it->v);
    it->v = v_null();
    return it->node;
}

/* Makes node d read its kids in d->in_dt: scalars converted now, arrays per block. */
static int bind_kids(Fused *F, FNode *d) {
    for (int j = 0; j < d->nkid; j++) {
        const FNode *c = &F->node[d->kid[j]];
        int to = d->in_dt[j];
        ArrCast cast = ufunc_cast(c->dt, to);
        if (c->dt != to && !cast) return -1;
        if (c->kind == FN_SCALAR) {
            if (cast) cast((char *)&d->sval[j], 0, c->arr->data, 0, 1);
            else memcpy(&d->sval[j], c->arr->data, (size_t)arr_dtypes[to].size);
        } else if (cast) {
            d->cast[j] = cast;
            d->cbuf[j] = F->nbuf++;
        }
    }
    return 0;
}

/* A step over kids k[0..nk): the ufunc `name` (oper: as an operator) or np.where. */
static int step_node(VM *vm, Fused *F, const char *name, int oper, int nk, const int *k) {
    _Alignas(16) char fake[3][sizeof(ArrObj) + 16];
    ArrObj *ops[3];
    int scal[3], all_scalar = 1;
    for (int j = 0; j < nk; j++) {
        const FNode *c = &F->node[k[j]];
        scal[j] = c->kind == FN_SCALAR;
        all_scalar &= scal[j];
        if (c->kind <= FN_SCALAR) {
            ops[j] = c->arr;
        } else { /* an intermediate: only its dtype matters to type resolution */
            memset(fake[j], 0, sizeof fake[j]);
            ops[j] = (ArrObj *)fake[j];
            ops[j]->dtype = c->dt, ops[j]->ndim = 1;
        }
    }
    if (all_scalar || !name) return -1; /* scalar arithmetic: the ordinary code does it */
    FNode *d = new_node(F, FN_STEP);
    if (!d) return -1;
    d->nkid = nk;
    memcpy(d->kid, k, sizeof(int) * (size_t)nk);
    if (!strcmp(name, "where")) {
        if (nk != 3 || scal[0]) return -1; /* select_loop wants an array condition */
        d->kind = FN_WHERE;
        d->dt = dt_result(vm, 2, ops + 1, scal + 1);
        if (!ufunc_fusable_dt(d->dt)) return -1;
        d->in_dt[0] = DT_BOOL, d->in_dt[1] = d->in_dt[2] = d->dt;
    } else {
        if (ufunc_plan(vm, name, oper, nk, ops, scal, &d->st)) return -1;
        d->dt = d->st.ot;
        d->nkid = d->st.nin; /* `x ** 2` as square reads x alone */
        for (int j = 0; j < d->nkid; j++) d->in_dt[j] = d->st.in_dt[j];
    }
    if (bind_kids(F, d)) return -1;
    d->buf = F->nbuf++;
    return (int)(d - F->node);
}

static const char *binop_name(int op) {
    switch (op) {
    case OP_ADD: return "add";
    case OP_SUB: return "subtract";
    case OP_MUL: return "multiply";
    case OP_DIV: return "divide";
    case OP_FLOORDIV: return "floor_divide";
    case OP_MOD: return "remainder";
    case OP_POW: return "power";
    case OP_BITAND: return "bitwise_and";
    case OP_BITOR: return "bitwise_or";
    case OP_BITXOR: return "bitwise_xor";
    case OP_EQ: return "equal";
    case OP_NE: return "not_equal";
    case OP_LT: return "less";
    case OP_LE: return "less_equal";
    case OP_GT: return "greater";
    case OP_GE: return "greater_equal";
    case OP_NEG: return "negative";
    case OP_INVERT: return "invert";
    default: return NULL;
    }
}

/* The name of callee when it is one of numpy's own functions (or the builtin abs, which is
 * numpy's absolute for arrays), else NULL. */
static const char *numpy_function(VM *vm, Value callee) {
    if (!IS_KIND(callee, K_BUILTIN) || !IS_NULL(AS(BuiltinObj, callee)->self)) return NULL;
    const char *name = AS(BuiltinObj, callee)->def->name;
    if (!strcmp(name, "abs")) {
        Value b = dict_get_str(vm->builtins, str_intern(vm, "abs", 3));
        if (IS_OBJ(b) && b.u.o == callee.u.o) return "absolute";
    }
    Value np = dict_get_str(vm->modules, str_intern(vm, "numpy", 5));
    StrObj *key = str_intern(vm, name, strlen(name));
    if (!IS_KIND(np, K_MODULE) || !key) return NULL;
    Value mine = dict_get_str(AS(ModuleObj, np)->dict, key);
    return IS_OBJ(mine) && IS_OBJ(callee) && mine.u.o == callee.u.o ? name : NULL;
}

/* Decodes the plan into F. -1: it does not apply. */
static int decode(VM *vm, Frame *f, const ListObj *plan, Fused *F) {
    Item st[MAXNODES];
    int sp = 0;
    for (size_t i = 0; i + 1 < plan->len; i += 2) {
        int code = (int)plan->items[i].u.i, arg = (int)plan->items[i + 1].u.i;
        switch (code) {
        case FZ_FAST: case FZ_DEREF: case FZ_GLOBAL: case FZ_CONST: {
            Value v = leaf_value(vm, f, code, arg);
            if (IS_NULL(v) || sp >= MAXNODES) return -1;
            st[sp++] = (Item){v, -1};
            break;
        }
        case FZ_ATTR: {
            Value m = st[sp - 1].v;
            if (!IS_KIND(m, K_MODULE)) return -1;
            st[sp - 1].v = dict_get_str(AS(ModuleObj, m)->dict, f->code->names[arg]);
            if (IS_NULL(st[sp - 1].v)) return -1;
            break;
        }
        case FZ_BINOP: case FZ_UNARY: {
            int nk = code == FZ_BINOP ? 2 : 1, k[2];
            if (python_arith(vm, F, code, arg, &st[sp - nk], nk) == 0) {
                sp -= nk - 1;
                break;
            }
            for (int j = 0; j < nk; j++)
                if ((k[j] = as_node(vm, F, &st[sp - nk + j])) < 0) return -1;
            sp -= nk;
            int r = step_node(vm, F, binop_name(arg), 1, nk, k);
            if (r < 0) return -1;
            st[sp++] = (Item){v_null(), r};
            break;
        }
        case FZ_CALL: {
            if (arg < 1 || arg > 3 || sp < arg + 1) return -1;
            const char *name = numpy_function(vm, st[sp - arg - 1].v);
            if (!name) return -1;
            int k[3];
            for (int j = 0; j < arg; j++)
                if ((k[j] = as_node(vm, F, &st[sp - arg + j])) < 0) return -1;
            sp -= arg + 1;
            if ((!strcmp(name, "sum") || !strcmp(name, "mean")) && arg == 1) {
                if (sp != 0 || i + 2 != plan->len || F->node[k[0]].kind <= FN_SCALAR) return -1;
                F->red = name[0] == 's' ? RED_SUM : RED_MEAN;
                st[sp++] = (Item){v_null(), k[0]};
                break;
            }
            int r = step_node(vm, F, name, 0, arg, k);
            if (r < 0) return -1;
            st[sp++] = (Item){v_null(), r};
            break;
        }
        case FZ_ASTYPE: { /* E.astype(D): astype's own conversion loop, per block */
            if (sp < 2 || IS_NULL(st[sp - 1].v)) return -1;
            int to = dt_parse(vm, st[sp - 1].v), k = as_node(vm, F, &st[sp - 2]);
            if (to < 0 || k < 0 || F->node[k].kind == FN_SCALAR || !ufunc_fusable_dt(to))
                return -1;
            ArrLoop conv = F->node[k].dt == to ? NULL : dt_conv_loop(F->node[k].dt, to);
            FNode *d = F->node[k].dt == to || conv ? new_node(F, FN_CAST) : NULL;
            if (!d) return -1;
            d->nkid = 1, d->kid[0] = k, d->dt = to, d->conv = conv;
            d->buf = F->nbuf++;
            sp -= 2;
            st[sp++] = (Item){v_null(), (int)(d - F->node)};
            break;
        }
        case FZ_METHOD: {
            const char *m = f->code->names[arg]->s;
            if (sp != 1 || i + 2 != plan->len || !IS_NULL(st[0].v)
                || F->node[st[0].node].kind <= FN_SCALAR)
                return -1;
            F->red = !strcmp(m, "sum") ? RED_SUM : !strcmp(m, "mean") ? RED_MEAN : -1;
            if (F->red < 0) return -1;
            break;
        }
        default: return -1;
        }
    }
    if (sp != 1 || !IS_NULL(st[0].v)) return -1;
    F->root = st[0].node;
    FNode *r = &F->node[F->root];
    if (r->kind <= FN_SCALAR) return -1;
    F->nbuf--; /* the root writes straight into its destination */
    if (r->buf != F->nbuf) return -1;
    r->buf = -1;
    return 0;
}

/* ---------------------------------------------------------------- running it */

static char *bufp(char *scratch, int b) { return scratch + (size_t)b * BLOCK * sizeof(Complex); }

/* np.where's select: the condition is contiguous bool; x and y contiguous or scalars. */
#define SELECT(T)                                                                              \
    do {                                                                                       \
        T *o = (T *)p[0];                                                                      \
        const T *x = (const T *)p[2], *y = (const T *)p[3];                                    \
        if (s[2] && s[3]) {                                                                    \
            for (int64_t i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];                         \
        } else if (s[2]) {                                                                     \
            const T y0 = *y;                                                                   \
            for (int64_t i = 0; i < n; i++) o[i] = c[i] ? x[i] : y0;                           \
        } else if (s[3]) {                                                                     \
            const T x0 = *x;                                                                   \
            for (int64_t i = 0; i < n; i++) o[i] = c[i] ? x0 : y[i];                           \
        } else {                                                                               \
            const T x0 = *x, y0 = *y;                                                          \
            for (int64_t i = 0; i < n; i++) o[i] = c[i] ? x0 : y0;                             \
        }                                                                                      \
    } while (0)

VECTOR_CLONES static void select_loop(char **p, const int64_t *s, int64_t n, int size) {
    const uint8_t *c = (const uint8_t *)p[1];
    switch (size) {
    case 1: SELECT(uint8_t); break;
    case 2: SELECT(uint16_t); break;
    case 4: SELECT(uint32_t); break;
    default: SELECT(uint64_t); break;
    }
}

/* Computes elements [i0, i0 + n) (n <= BLOCK) into out. */
static void run_block(const Fused *F, char *scratch, int64_t i0, int64_t n, char *out,
                      void *ctx) {
    for (int k = 0; k < F->n; k++) {
        const FNode *d = &F->node[k];
        if (d->kind <= FN_SCALAR) continue;
        char *p[4];
        int64_t s[4];
        p[0] = d->buf < 0 ? out : bufp(scratch, d->buf);
        s[0] = arr_dtypes[d->dt].size;
        for (int j = 0; j < d->nkid; j++) {
            const FNode *c = &F->node[d->kid[j]];
            int64_t cs = arr_dtypes[c->dt].size;
            if (c->kind == FN_SCALAR) {
                p[j + 1] = (char *)&d->sval[j], s[j + 1] = 0;
                continue;
            }
            p[j + 1] = c->kind == FN_ARRAY ? c->arr->data + i0 * cs : bufp(scratch, c->buf);
            s[j + 1] = cs;
            if (d->cast[j]) {
                int64_t ts = arr_dtypes[d->in_dt[j]].size;
                d->cast[j](bufp(scratch, d->cbuf[j]), ts, p[j + 1], cs, n);
                p[j + 1] = bufp(scratch, d->cbuf[j]), s[j + 1] = ts;
            }
        }
        if (d->kind == FN_CAST) {
            if (d->conv) d->conv(p, s, n, NULL);
            else memcpy(p[0], p[1], (size_t)(n * s[0]));
        } else if (d->kind == FN_WHERE) {
            select_loop(p, s, n, arr_dtypes[d->dt].size);
        } else if (d->st.quiet) { /* comparisons of NaN raise the invalid flag: drop it */
            int before = fetestexcept(FE_INVALID);
            d->st.loop(p, s, n, ctx);
            if (!before) feclearexcept(FE_INVALID);
        } else {
            d->st.loop(p, s, n, ctx);
        }
    }
}

/* Copies n bytes (a multiple of 16, both ends 16-byte aligned) with non-temporal stores:
 * a large result is written without first reading each of its cache lines from memory. */
static void stream_copy(char *dst, const char *src, int64_t n) {
    for (int64_t i = 0; i < n; i += 16)
        _mm_stream_si128((__m128i *)(dst + i), _mm_load_si128((const __m128i *)(src + i)));
}

/* One part of the work: elements [lo, hi) (chunk-aligned for reductions). */
typedef struct Part {
    const Fused *F;
    VM *vm;
    int64_t lo, hi;
    char *out;       /* the result's data (elementwise) */
    Complex *sums;   /* per RED_CHUNK chunk: its sum (reductions) */
    char *scratch;
    int fpe, err;
} Part;

static void run_part(Part *P) {
    const Fused *F = P->F;
    int64_t osz = arr_dtypes[F->node[F->root].dt].size;
    int64_t ctx[8] = {0}; /* the loops' context: they set its first int on integer x / 0 */
    feclearexcept(FE_ALL_EXCEPT);
    if (!F->red) {
        /* a large result goes through a block buffer and non-temporal stores */
        char *tmp = bufp(P->scratch, F->nbuf);
        int stream = F->size * osz >= (1 << 22) && ((uintptr_t)P->out & 15) == 0;
        for (int64_t i = P->lo; i < P->hi && !P->vm->interrupt; i += BLOCK) {
            int64_t n = P->hi - i < BLOCK ? P->hi - i : BLOCK;
            if (stream && (n * osz) % 16 == 0) {
                run_block(F, P->scratch, i, n, tmp, ctx);
                stream_copy(P->out + i * osz, tmp, n * osz);
            } else {
                run_block(F, P->scratch, i, n, P->out + i * osz, ctx);
            }
        }
        if (stream) _mm_sfence();
    } else {
        char *chunk = bufp(P->scratch, F->nbuf);
        int rdt = F->node[F->root].dt;
        ArrCast to64 = ufunc_cast(rdt, arr_dtypes[rdt].kind == 'u' ? DT_UINT64 : DT_INT64);
        for (int64_t c0 = P->lo; c0 < P->hi && !P->vm->interrupt; c0 += RED_CHUNK) {
            int64_t m = P->hi - c0 < RED_CHUNK ? P->hi - c0 : RED_CHUNK;
            for (int64_t i = 0; i < m; i += BLOCK)
                run_block(F, P->scratch, c0 + i, m - i < BLOCK ? m - i : BLOCK,
                          chunk + i * osz, ctx);
            Complex *sum = &P->sums[c0 / RED_CHUNK];
            if (rdt == DT_FLOAT64) {
                sum->re = red_pairwise_f64((const double *)chunk, m);
                continue;
            }
            const uint64_t *v = (const uint64_t *)chunk;
            if (to64) { /* integer sums are exact: any order gives NumPy's wrapped result */
                to64(chunk + RED_CHUNK * 8, 8, chunk, osz, m);
                v = (const uint64_t *)(chunk + RED_CHUNK * 8);
            }
            uint64_t t = 0;
            for (int64_t i = 0; i < m; i++) t += v[i];
            memcpy(&sum->re, &t, 8);
        }
    }
    P->fpe = fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
    P->err = ((int *)ctx)[0];
}

/* ---------------------------------------------------------------- the second core */

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int started;
    Part *job;
    int busy;
} pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NULL, 0};

static void *pool_main(void *arg) {
    (void)arg;
    pthread_mutex_lock(&pool.mu);
    for (;;) {
        while (!pool.job) pthread_cond_wait(&pool.cv, &pool.mu);
        Part *p = pool.job;
        pthread_mutex_unlock(&pool.mu);
        run_part(p);
        pthread_mutex_lock(&pool.mu);
        pool.job = NULL;
        pool.busy = 0;
        pthread_cond_broadcast(&pool.cv);
    }
    return NULL;
}

/* Hands p to the worker; 0 when it took it. */
static int pool_submit(Part *p) {
    pthread_mutex_lock(&pool.mu);
    if (!pool.started) {
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old); /* signals stay with the VM's threads */
        pthread_t t;
        pool.started = pthread_create(&t, NULL, pool_main, NULL) == 0 ? 1 : -1;
        if (pool.started == 1) pthread_detach(t);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    int ok = pool.started == 1 && !pool.busy;
    if (ok) {
        pool.job = p;
        pool.busy = 1;
        pthread_cond_broadcast(&pool.cv);
    }
    pthread_mutex_unlock(&pool.mu);
    return ok ? 0 : -1;
}

static void pool_wait(void) {
    pthread_mutex_lock(&pool.mu);
    while (pool.busy) pthread_cond_wait(&pool.cv, &pool.mu);
    pthread_mutex_unlock(&pool.mu);
}

/* ---------------------------------------------------------------- fuse_eval */

/* Runs F over all elements into out (elementwise) or sums (reductions), on one or two
 * cores. 1: a warning or an error must come from the eager path; -1: raised. */
static int run_all(VM *vm, const Fused *F, char *out, Complex *sums) {
    int64_t unit = F->red ? RED_CHUNK : BLOCK, units = (F->size + unit - 1) / unit;
    int nparts = ncpu > 1 && F->size >= PAR_MIN ? 2 : 1;
    size_t per = (size_t)(F->nbuf + (F->red ? 2 * RED_CHUNK / BLOCK : 1)) * BLOCK
                 * sizeof(Complex);
    char *scratch = malloc(per * (size_t)nparts + 1);
    if (!scratch) {
        vm_nomem(vm);
        return -1;
    }
    Part parts[2];
    int64_t split = nparts == 2 ? units / 2 * unit : F->size;
    parts[0] = (Part){F, vm, 0, split, out, sums, scratch, 0, 0};
    parts[1] = (Part){F, vm, split, F->size, out, sums, scratch + per, 0, 0};
    if (nparts == 2 && pool_submit(&parts[1])) parts[0].hi = F->size, nparts = 1;
    run_part(&parts[0]);
    if (nparts == 2) pool_wait();
    free(scratch);
    if (vm->interrupt && vm_check_interrupt(vm)) return -1;
    for (int i = 0; i < nparts; i++)
        if (parts[i].fpe || parts[i].err) return 1;
    return 0;
}

static Value reduce_result(VM *vm, const Fused *F, const Complex *sums) {
    int64_t nchunks = (F->size + RED_CHUNK - 1) / RED_CHUNK;
    int rdt = F->node[F->root].dt;
    if (rdt == DT_FLOAT64) {
        double acc = 0.0; /* the eager reduction starts from a zeroed output */
        for (int64_t c = 0; c < nchunks; c++) acc += sums[c].re;
        if (F->red == RED_MEAN) acc = acc / (double)F->size;
        return arr_scalar(vm, DT_FLOAT64, (const char *)&acc);
    }
    uint64_t t = 0, v;
    for (int64_t c = 0; c < nchunks; c++) memcpy(&v, &sums[c].re, 8), t += v;
    return arr_scalar(vm, arr_dtypes[rdt].kind == 'u' ? DT_UINT64 : DT_INT64, (const char *)&t);
}

Value fuse_eval(VM *vm, Frame *f, Value planv) {
    if (fuse_min < 0) settings();
    if (fuse_off || !vm->np) return v_null();
    const ListObj *plan = AS(ListObj, planv);
    /* the common case first: no leaf is an array (Python numbers in a loop) */
    ArrObj *first = NULL;
    for (size_t i = 0; i + 1 < plan->len && !first; i += 2) {
        int code = (int)plan->items[i].u.i;
        if (code > FZ_CONST) continue;
        ArrObj *a = arr_of(vm, leaf_value(vm, f, code, (int)plan->items[i + 1].u.i));
        if (a && a->ndim > 0 && a->h.type == NP(vm)->t_ndarray) first = a;
    }
    if (!first || first->size < fuse_min) return v_null();
    Fused *F = malloc(sizeof *F);
    if (!F) return v_null();
    F->n = F->nbuf = F->red = F->ntmp = 0;
    F->ndim = first->ndim, F->shape = first->shape, F->size = first->size;
    Value result = v_null();
    if (decode(vm, f, plan, F)) {
        if (!IS_NULL(vm->exc)) decref(vm_take_exc(vm)); /* the eager path raises it again */
        goto done;
    }
    const FNode *root = &F->node[F->root];
    if (F->red) {
        if (root->dt != DT_FLOAT64 && (F->red == RED_MEAN || arr_dtypes[root->dt].kind == 'f'))
            goto done;
        if (F->size == 0) goto done;
        Complex *sums = malloc(sizeof(Complex) * (size_t)((F->size + RED_CHUNK - 1) / RED_CHUNK));
        if (!sums) goto done;
        int r = run_all(vm, F, NULL, sums);
        if (r < 0) result = ERRV;
        else if (r == 0) result = reduce_result(vm, F, sums);
        free(sums);
        goto done;
    }
    ArrObj *out = arr_new(vm, root->dt, F->ndim, F->shape, 0);
    if (!out) {
        result = ERRV;
        goto done;
    }
    int r = run_all(vm, F, out->data, NULL);
    if (r == 0) {
        result = v_obj(out);
    } else {
        decref(v_obj(out));
        if (r < 0) result = ERRV;
    }
done:
    fused_free(vm, F);
    free(F);
    if (IS_NULL(result)) n_declined++;
    else n_fused++;
    return result;
}
