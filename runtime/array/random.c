/* random.c: numpy.random with NumPy 1.24's streams bit for bit. The legacy interface is a
 * RandomState over MT19937 (module functions are methods of one per-VM instance, as in NumPy);
 * default_rng() gives a Generator over PCG64 seeded through SeedSequence. The distributions
 * follow NumPy's algorithms draw for draw: polar-method gauss with a cached value (legacy),
 * ziggurat normals (Generator), masked rejection (legacy) or Lemire's method (Generator) for
 * bounded integers, with small dtypes taking their bits from buffered 32-bit draws. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "../bigint.h"
#include "random.h"

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

/* ================================================================ bit generators */

enum { MT_N = 624, MT_M = 397 };
enum { RNG_MT, RNG_PCG };

typedef struct Rng {
    int kind;           /* RNG_MT (RandomState) or RNG_PCG (Generator) */
    int pos;            /* MT: next word of out[]; MT_N when a new block is due */
    uint32_t key[MT_N]; /* MT: the state vector */
    uint32_t out[MT_N]; /* MT: the tempered outputs of the current block */
    int has_gauss;      /* legacy gauss: the second value of the last polar pair */
    double gauss;
    u128 state, inc; /* PCG64 */
    int has_u32;     /* PCG64: next32 hands out the upper half of a 64-bit draw */
    uint32_t u32;
} Rng;

static inline uint32_t mt_twist(uint32_t a, uint32_t b, uint32_t m) {
    uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
    return m ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
}

/* The next block of 624 words, tempered in one pass (loops the compiler vectorises). */
static void mt_gen(Rng *r) {
    uint32_t *k = r->key;
    int i;
    for (i = 0; i < MT_N - MT_M; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + MT_M]);
    for (; i < MT_N - 1; i++) k[i] = mt_twist(k[i], k[i + 1], k[i + MT_M - MT_N]);
    k[MT_N - 1] = mt_twist(k[MT_N - 1], k[0], k[MT_M - 1]);
    for (i = 0; i < MT_N; i++) {
        uint32_t y = k[i];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        r->out[i] = y ^ (y >> 18);
    }
    r->pos = 0;
}

static inline uint32_t mt_next(Rng *r) {
    if (r->pos == MT_N) mt_gen(r);
    return r->out[r->pos++];
}

/* RandomState.seed(int): the init_genrand recurrence. */
static void mt_seed(Rng *r, uint32_t s) {
    for (int i = 0; i < MT_N; i++) {
        r->key[i] = s;
        s = 1812433253u * (s ^ (s >> 30)) + (uint32_t)i + 1u;
    }
    r->pos = MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
}

/* RandomState.seed(array): init_by_array. */
static void mt_seed_array(Rng *r, const uint32_t *init, size_t n) {
    uint32_t *mt = r->key;
    size_t i = 1, j = 0;
    mt_seed(r, 19650218u);
    for (size_t k = MT_N > n ? MT_N : n; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + init[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
        if (j >= n) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) mt[0] = mt[MT_N - 1], i = 1;
    }
    mt[0] = 0x80000000u;
}

#define PCG_MULT (((u128)0x2360ed051fc65da4ull << 64) | 0x4385df649fccf645ull)

/* PCG64 (XSL-RR): step the 128-bit LCG, then fold and rotate. */
static inline uint64_t pcg_next64(Rng *r) {
    r->state = r->state * PCG_MULT + r->inc;
    uint64_t x = (uint64_t)(r->state >> 64) ^ (uint64_t)r->state;
    unsigned rot = (unsigned)(r->state >> 122);
    return (x >> rot) | (x << ((64u - rot) & 63u));
}

static void pcg_seed(Rng *r, u128 seed, u128 seq) {
    r->kind = RNG_PCG;
    r->state = 0;
    r->inc = (seq << 1) | 1u;
    (void)pcg_next64(r);
    r->state += seed;
    (void)pcg_next64(r);
    r->has_u32 = 0;
    r->u32 = 0;
}

static inline uint32_t next32(Rng *r) {
    if (r->kind == RNG_MT) return mt_next(r);
    if (r->has_u32) {
        r->has_u32 = 0;
        return r->u32;
    }
    uint64_t v = pcg_next64(r);
    r->has_u32 = 1;
    r->u32 = (uint32_t)(v >> 32);
    return (uint32_t)v;
}

static inline uint64_t next64(Rng *r) {
    if (r->kind == RNG_PCG) return pcg_next64(r);
    uint64_t hi = mt_next(r);
    return hi << 32 | mt_next(r);
}

static inline double next_double(Rng *r) {
    if (r->kind == RNG_PCG) return (double)(pcg_next64(r) >> 11) * (1.0 / 9007199254740992.0);
    int32_t a = (int32_t)(mt_next(r) >> 5), b = (int32_t)(mt_next(r) >> 6);
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

/* ================================================================ SeedSequence */

enum {
    SS_INIT_A = 0x43b0d7e5u,
    SS_MULT_A = 0x931e8875u,
    SS_INIT_B = 0x8b51f9ddu,
    SS_MULT_B = 0x58f38dedu,
    SS_MIX_L = 0xca01f9ddu,
    SS_MIX_R = 0x4973f715u,
    SS_POOL = 4
};

static uint32_t ss_hashmix(uint32_t v, uint32_t *h) {
    v ^= *h;
    *h *= SS_MULT_A;
    v *= *h;
    return v ^ (v >> 16);
}

static uint32_t ss_mix(uint32_t x, uint32_t y) {
    uint32_t r = SS_MIX_L * x - SS_MIX_R * y;
    return r ^ (r >> 16);
}

/* SeedSequence(entropy).generate_state(4, uint64) as 8 little-endian 32-bit words. */
static void ss_generate(const uint32_t *ent, size_t n, uint32_t out[8]) {
    uint32_t pool[SS_POOL], h = SS_INIT_A;
    for (size_t i = 0; i < SS_POOL; i++) pool[i] = ss_hashmix(i < n ? ent[i] : 0, &h);
    for (size_t s = 0; s < SS_POOL; s++)
        for (size_t d = 0; d < SS_POOL; d++)
            if (s != d) pool[d] = ss_mix(pool[d], ss_hashmix(pool[s], &h));
    for (size_t s = SS_POOL; s < n; s++)
        for (size_t d = 0; d < SS_POOL; d++) pool[d] = ss_mix(pool[d], ss_hashmix(ent[s], &h));
    h = SS_INIT_B;
    for (size_t i = 0; i < 8; i++) {
        uint32_t v = pool[i % SS_POOL] ^ h;
        h *= SS_MULT_B;
        v *= h;
        out[i] = v ^ (v >> 16);
    }
}

/* PCG64(SeedSequence(entropy)): state from words 0-3, increment from words 4-7. */
static void pcg_seed_words(Rng *r, const uint32_t *ent, size_t n) {
    uint32_t w[8];
    uint64_t v[4];
    ss_generate(ent, n, w);
    for (int i = 0; i < 4; i++) v[i] = (uint64_t)w[2 * i] | (uint64_t)w[2 * i + 1] << 32;
    pcg_seed(r, (u128)v[0] << 64 | v[1], (u128)v[2] << 64 | v[3]);
}

static int os_entropy(VM *vm, uint32_t *w, size_t n) {
    size_t got = 0;
    while (got < n * sizeof *w) {
        ssize_t k = getrandom((char *)w + got, n * sizeof *w - got, 0);
        if (k <= 0) return vm_raise(vm, vm->E.OSError, "no entropy available"), -1;
        got += (size_t)k;
    }
    return 0;
}

/* ================================================================ Python values */

typedef struct Words {
    uint32_t *w;
    size_t n, cap;
} Words;

static int words_push(VM *vm, Words *ws, uint32_t v) {
    if (ws->n == ws->cap) {
        size_t cap = ws->cap ? 2 * ws->cap : 16;
        uint32_t *p = realloc(ws->w, cap * sizeof *p);
        if (!p) return vm_nomem(vm), -1;
        ws->w = p, ws->cap = cap;
    }
    ws->w[ws->n++] = v;
    return 0;
}

/* A Python or NumPy integer as a saturated 128-bit value. 1: it is one; 0: not an integer. */
static int int_value(VM *vm, Value v, i128 *out) {
    if (v.tag == T_INT || v.tag == T_BOOL) return *out = v.u.i, 1;
    if (IS_KIND(v, K_BIGINT)) {
        const BigInt *b = AS(BigIntObj, v)->b;
        u128 m = 0;
        if (b->n > 3)
            m = (u128)1 << 100;
        else
            for (size_t i = b->n; i-- > 0;) m = m << 32 | b->d[i];
        *out = b->sign < 0 ? -(i128)m : (i128)m;
        return 1;
    }
    ArrObj *a = arr_of(vm, v);
    if (!a || a->ndim != 0) return 0;
    int kind = arr_dtypes[a->dtype].kind;
    if (kind == 'u' && a->dtype == DT_UINT64) return *out = *(const uint64_t *)a->data, 1;
    if (kind == 'i' || kind == 'u' || kind == 'b') return *out = dt_to_int64(a->dtype, a->data), 1;
    return 0;
}

static int is_float_value(VM *vm, Value v) {
    if (v.tag == T_FLOAT) return 1;
    ArrObj *a = arr_of(vm, v);
    return a && a->ndim == 0 && arr_dtypes[a->dtype].kind == 'f';
}

/* _coerce_to_uint32_array: an int becomes its 32-bit words, little end first; sequences and
 * arrays contribute each element's words in turn. */
static int entropy_words(VM *vm, Value v, Words *ws) {
    i128 x;
    if (int_value(vm, v, &x)) {
        if (x < 0) return vm_raise(vm, vm->E.ValueError, "expected non-negative integer"), -1;
        if (IS_KIND(v, K_BIGINT) && AS(BigIntObj, v)->b->n > 3) {
            const BigInt *b = AS(BigIntObj, v)->b;
            for (size_t i = 0; i < b->n; i++)
                if (words_push(vm, ws, b->d[i])) return -1;
            return 0;
        }
        u128 u = (u128)x;
        do {
            if (words_push(vm, ws, (uint32_t)u)) return -1;
            u >>= 32;
        } while (u);
        return 0;
    }
    if (is_float_value(vm, v)) return vm_raise(vm, vm->E.TypeError, "seed must be integer"), -1;
    if (!IS_KIND(v, K_LIST) && !IS_KIND(v, K_TUPLE) && !IS_KIND(v, K_RANGE) && !arr_of(vm, v))
        return vm_raise(vm, vm->E.TypeError, "unrecognized seed entropy: %s", type_name(vm, v)), -1;
    ListObj *l = obj_to_list(vm, v);
    if (!l) return -1;
    int rc = 0;
    for (size_t i = 0; i < l->len && !rc; i++) rc = entropy_words(vm, l->items[i], ws);
    decref(v_obj(l));
    return rc;
}

/* Seeds a Generator's PCG64 as PCG64(SeedSequence(seed)) does. */
static int gen_seed(VM *vm, Rng *r, Value seed) {
    Words ws = {0};
    if (IS_NULL(seed) || seed.tag == T_NONE) {
        uint32_t w[SS_POOL];
        if (os_entropy(vm, w, SS_POOL)) return -1;
        pcg_seed_words(r, w, SS_POOL);
        return 0;
    }
    i128 x;
    if (!int_value(vm, seed, &x) && !IS_KIND(seed, K_LIST) && !IS_KIND(seed, K_TUPLE) &&
        !IS_KIND(seed, K_RANGE) && !arr_of(vm, seed)) {
        Value rep = obj_repr(vm, seed);
        if (IS_ERR(rep)) return -1;
        vm_raise(vm, vm->E.TypeError,
                 "SeedSequence expects int or sequence of ints for entropy not %s",
                 AS(StrObj, rep)->s);
        decref(rep);
        return -1;
    }
    int rc = entropy_words(vm, seed, &ws);
    if (!rc) pcg_seed_words(r, ws.w, ws.n);
    free(ws.w);
    return rc;
}

static Value seed_range_error(VM *vm) {
    return vm_raise(vm, vm->E.ValueError, "Seed must be between 0 and 2**32 - 1");
}

/* RandomState._legacy_seeding: an int uses init_genrand, an array init_by_array. */
static int mt_seed_value(VM *vm, Rng *r, Value seed) {
    r->kind = RNG_MT;
    i128 x;
    if (IS_NULL(seed) || seed.tag == T_NONE) {
        uint32_t w[MT_N];
        if (os_entropy(vm, w, MT_N)) return -1;
        mt_seed_array(r, w, MT_N);
    } else if (int_value(vm, seed, &x)) {
        if (x < 0 || x > 0xffffffff) return seed_range_error(vm), -1;
        mt_seed(r, (uint32_t)x);
    } else if (is_float_value(vm, seed)) {
        vm_raise(vm, vm->E.TypeError,
                 "Cannot cast scalar from dtype('float64') to "
                 "dtype('int64') according to the rule 'safe'");
        return -1;
    } else {
        ArrObj *a = arr_from_any(vm, seed, -1);
        if (!a) return -1;
        int rc = 0;
        Words ws = {0};
        if (a->size == 0)
            rc = -1, vm_raise(vm, vm->E.ValueError, "Seed must be non-empty");
        else if (arr_dtypes[a->dtype].kind == 'f' || arr_dtypes[a->dtype].kind == 'c')
            rc = -1, vm_raise(vm, vm->E.TypeError,
                              "Cannot cast array data from dtype('%s') to dtype('int64') "
                              "according to the rule 'safe'",
                              arr_dtypes[a->dtype].name);
        else if (a->ndim != 1)
            rc = -1, vm_raise(vm, vm->E.ValueError, "Seed array must be 1-d");
        for (int64_t i = 0; !rc && i < a->size; i++) {
            int64_t v = dt_to_int64(a->dtype, a->data + i * a->strides[0]);
            if (a->dtype != DT_UINT64 && (v < 0 || v > 0xffffffff))
                rc = -1, seed_range_error(vm);
            else if (a->dtype == DT_UINT64 && (uint64_t)v > 0xffffffffu)
                rc = -1, seed_range_error(vm);
            else
                rc = words_push(vm, &ws, (uint32_t)v);
        }
        if (!rc) mt_seed_array(r, ws.w, ws.n);
        free(ws.w);
        decref(v_obj(a));
        if (rc) return -1;
    }
    r->pos = MT_N;
    r->has_gauss = 0;
    r->gauss = 0.0;
    return 0;
}

/* ================================================================ continuous draws */

/* Legacy gauss: Marsaglia's polar method, keeping the second value of each pair. */
static inline double legacy_gauss(Rng *r) {
    if (r->has_gauss) {
        r->has_gauss = 0;
        return r->gauss;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * next_double(r) - 1.0;
        x2 = 2.0 * next_double(r) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    r->gauss = f * x1;
    r->has_gauss = 1;
    return f * x2;
}

/* The ziggurat of Marsaglia and Tsang with 256 layers over 52-bit magnitudes, as NumPy's
 * Generator builds it: x[] are the layer edges from the tail start R down to 0, each layer of
 * area V; ki[i] = x[i-1]/x[i] scaled to 2**52 is the accept-at-once threshold, wi[i] = x[i]
 * scaled down by 2**52 turns a magnitude into a value and fi[i] = pdf(x[i]). Layer 0 is the
 * base strip plus the tail. */
#define ZIG_R 3.6541528853610087963519472518
#define ZIG_INV_R 0.27366123732975827203338247596
#define ZIG_V 0.0049286732339746519

typedef struct Zig {
    uint64_t ki[256];
    double wi[256], fi[256];
} Zig;
static Zig zig; /* constant tables, computed once (zig_ready) from the constants above */
static int zig_ready;

static double zig_pdf(double x) {
    return exp(-0.5 * x * x);
}

/* NumPy's shipped tables were generated with a libm whose exp/log round differently from
 * glibc's in the last bits; the error accumulates down the recurrence, so the lowest layers
 * differ by a few ulps. These deltas (ulps for wi and fi, units for ki), measured against
 * NumPy 1.24's tables, pin the generated values to NumPy's bits; entries not listed match. */
static const int8_t ZIG_WI_ULPS[38] = {
    0,  -76, -22, -19, -18, -15, -15, -10, -9, -5, -4, -5, -4, -4, -4, -4, -3, -4, -4,
    -4, -4,  -3,  -3,  -4,  -2,  -2,  -2,  -1, -2, -2, -2, -2, -2, -2, -2, -2, -2, -2,
};
static const int8_t ZIG_FI_ULPS[39] = {
    0, 4, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
static const struct {
    uint8_t i;
    int8_t d;
} ZIG_KI_FIX[] = {
    {2, -18}, {3, -5}, {4, -2}, {5, -2},  {6, -1},  {7, -2}, {9, 1},   {11, 1},  {12, -1},
    {16, -1}, {17, 2}, {23, 2}, {24, -1}, {27, -1}, {28, 1}, {30, -1}, {38, -2},
};

static double add_ulps(double x, int n) {
    int64_t b;
    memcpy(&b, &x, sizeof b);
    b += n;
    memcpy(&x, &b, sizeof x);
    return x;
}

static void zig_apply_fixes(void) {
    for (int i = 0; i < 38; i++) zig.wi[i] = add_ulps(zig.wi[i], ZIG_WI_ULPS[i]);
    for (int i = 0; i < 39; i++) zig.fi[i] = add_ulps(zig.fi[i], ZIG_FI_ULPS[i]);
    for (size_t k = 0; k < sizeof ZIG_KI_FIX / sizeof ZIG_KI_FIX[0]; k++)
        zig.ki[ZIG_KI_FIX[k].i] = (uint64_t)((int64_t)zig.ki[ZIG_KI_FIX[k].i] + ZIG_KI_FIX[k].d);
}

static void zig_build(void) {
    double x[256] = {0}, e[256];
    x[0] = ZIG_R;
    for (int i = 1; i < 255; i++) x[i] = sqrt(-2 * log(zig_pdf(x[i - 1]) + ZIG_V / x[i - 1]));
    for (int i = 0; i < 256; i++) e[i] = x[255 - i]; /* ascending: e[0] = 0, e[255] = R */
    const double scale = 4503599627370496.0;         /* 2**52 */
    zig.ki[0] = (uint64_t)nearbyint(ZIG_R * zig_pdf(ZIG_R) / ZIG_V * scale);
    for (int i = 1; i < 256; i++) zig.ki[i] = (uint64_t)nearbyint(e[i - 1] / e[i] * scale);
    for (int i = 0; i < 256; i++) {
        zig.wi[i] = (i ? e[i] : ZIG_V / zig_pdf(ZIG_R)) / scale;
        zig.fi[i] = zig_pdf(e[i]);
    }
    zig_apply_fixes();
    zig_ready = 1;
}

static double zig_slow(Rng *r, int idx, uint64_t rabs, double x) {
    if (idx == 0) {
        for (;;) {
            double xx = -ZIG_INV_R * log1p(-next_double(r));
            double yy = -log1p(-next_double(r));
            if (yy + yy > xx * xx) return ((rabs >> 8) & 1) ? -(ZIG_R + xx) : ZIG_R + xx;
        }
    }
    if ((zig.fi[idx - 1] - zig.fi[idx]) * next_double(r) + zig.fi[idx] < exp(-0.5 * x * x))
        return x;
    return NAN; /* rejected: draw again */
}

static inline double zig_normal(Rng *r) {
    for (;;) {
        uint64_t u = next64(r);
        int idx = (int)(u & 0xff);
        u >>= 8;
        uint64_t rabs = (u >> 1) & 0x000fffffffffffffull;
        double x = (double)rabs * zig.wi[idx];
        if (u & 1) x = -x;
        if (rabs < zig.ki[idx]) return x;
        x = zig_slow(r, idx, rabs, x);
        if (!isnan(x)) return x;
    }
}

/* A two-parameter distribution: one draw given (a, b). */
typedef double (*Cont2)(Rng *r, double a, double b);

static double d_legacy_normal(Rng *r, double loc, double scale) {
    return loc + scale * legacy_gauss(r);
}
static double d_zig_normal(Rng *r, double loc, double scale) {
    return loc + scale * zig_normal(r);
}
static double d_uniform(Rng *r, double low, double high) {
    return low + (high - low) * next_double(r);
}

/* ================================================================ sizes and results */

/* size=None (0: scalar wanted), an int or a tuple. 1: a shape was stored. -1: raised. */
static int get_size(VM *vm, Value size, int *ndim, int64_t *shape) {
    if (IS_NULL(size) || size.tag == T_NONE) return 0;
    if (npf_shape(vm, size, ndim, shape)) return -1;
    for (int i = 0; i < *ndim; i++)
        if (shape[i] < 0)
            return vm_raise(vm, vm->E.ValueError, "negative dimensions are not allowed"), -1;
    return 1;
}

static int64_t shape_size(int ndim, const int64_t *shape) {
    int64_t n = 1;
    for (int i = 0; i < ndim; i++) n *= shape[i];
    return n;
}

/* A double parameter: Python number or 0-d array (*s), else an array (*a, float64). */
static int get_param(VM *vm, Value v, double dflt, double *s, ArrObj **a) {
    *a = NULL;
    if (IS_NULL(v)) return *s = dflt, 0;
    if (v.tag == T_FLOAT || v.tag == T_INT || v.tag == T_BOOL || IS_KIND(v, K_BIGINT))
        return obj_to_double(vm, v, s);
    ArrObj *x = arr_from_any(vm, v, DT_FLOAT64);
    if (!x) return -1;
    if (x->ndim == 0) {
        *s = *(const double *)x->data;
        decref(v_obj(x));
        return 0;
    }
    *a = x;
    return 0;
}

/* NumPy's check_constraint for CONS_NON_NEGATIVE: NaN passes, -0.0 does not. */
static int non_negative(double v) {
    return isnan(v) || !signbit(v);
}

enum { CHK_NONE, CHK_SCALE, CHK_LEGACY_RANGE, CHK_GEN_RANGE };

static int check_pair(VM *vm, int chk, double a, double b, int arrays) {
    if (chk == CHK_SCALE && !non_negative(b))
        return vm_raise(vm, vm->E.ValueError, "scale < 0"), -1;
    if ((chk == CHK_LEGACY_RANGE || chk == CHK_GEN_RANGE) && !isfinite(b - a)) {
        const char *msg = chk == CHK_GEN_RANGE && !arrays ? "high - low range exceeds valid bounds"
                                                          : "Range exceeds valid bounds";
        return vm_raise(vm, vm->E.OverflowError, "%s", msg), -1;
    }
    return 0;
}

static int check_gen_range(VM *vm, int chk, double a, double b) {
    if (chk == CHK_GEN_RANGE && !non_negative(b - a))
        return vm_raise(vm, vm->E.ValueError, "high - low < 0"), -1;
    return 0;
}

/* Broadcast (a, b) over out's shape into two contiguous double vectors of n entries. */
static int bcast_params(VM *vm, ArrObj *out, ArrObj *a, ArrObj *b, double *va, double *vb) {
    ArrObj *ops[2] = {a, b};
    double *dst[2] = {va, vb};
    for (int k = 0; k < 2; k++) {
        ArrObj *tmp = arr_new(vm, DT_FLOAT64, out->ndim, out->shape, 0);
        if (!tmp) return -1;
        int rc = dt_cast_into(vm, tmp, ops[k]);
        if (!rc) memcpy(dst[k], tmp->data, (size_t)out->size * sizeof(double));
        decref(v_obj(tmp));
        if (rc) return -1;
    }
    return 0;
}

static void fmt_shape(char *buf, size_t cap, int nd, const int64_t *shape) {
    size_t k = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < nd && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, i ? ", %lld" : "%lld", (long long)shape[i]);
    if (k < cap) snprintf(buf + k, cap - k, nd == 1 ? ",)" : ")");
}

/* NumPy's multi-iterator broadcast, with its "shape mismatch" message naming the argument
 * that fixed the dimension and the one that disagrees. */
static int bcast(VM *vm, int n, ArrObj *const *ops, int *nd, int64_t *shape) {
    *nd = 0;
    for (int j = 0; j < n; j++)
        if (ops[j]->ndim > *nd) *nd = ops[j]->ndim;
    for (int i = 0; i < *nd; i++) {
        int src = -1;
        shape[i] = 1;
        for (int j = 0; j < n; j++) {
            int k = i - (*nd - ops[j]->ndim);
            if (k < 0 || ops[j]->shape[k] == 1) continue;
            if (shape[i] == 1)
                shape[i] = ops[j]->shape[k], src = j;
            else if (shape[i] != ops[j]->shape[k]) {
                char s1[256], s2[256];
                fmt_shape(s1, sizeof s1, ops[src]->ndim, ops[src]->shape);
                fmt_shape(s2, sizeof s2, ops[j]->ndim, ops[j]->shape);
                vm_raise(vm, vm->E.ValueError,
                         "shape mismatch: objects cannot be broadcast to a "
                         "single shape.  Mismatch is between arg %d with shape %s and arg %d "
                         "with shape %s.",
                         src, s1, j, s2);
                return -1;
            }
        }
    }
    return 0;
}

/* The array path of cont(): parameters broadcast against each other (and size). */
static Value cont2_arrays(VM *vm, Rng *r, Cont2 fn, int chk, int has_size, int ndim,
                          const int64_t *shape, ArrObj *a, ArrObj *b) {
    ArrObj *ops[2] = {a, b};
    int bnd;
    int64_t bshape[ARR_MAXDIM];
    if (!has_size && bcast(vm, 2, ops, &bnd, bshape)) return ERRV;
    ArrObj *out = has_size ? arr_new(vm, DT_FLOAT64, ndim, shape, 0)
                           : arr_new(vm, DT_FLOAT64, bnd, bshape, 0);
    if (!out) return ERRV;
    ArrObj *all[3] = {out, a, b};
    if (bcast(vm, 3, all, &bnd, bshape)) return decref(v_obj(out)), ERRV;
    if (bnd != out->ndim || memcmp(bshape, out->shape, (size_t)bnd * sizeof(int64_t))) {
        char s1[256], s2[256];
        fmt_shape(s1, sizeof s1, out->ndim, out->shape);
        fmt_shape(s2, sizeof s2, bnd, bshape);
        decref(v_obj(out));
        return vm_raise(vm, vm->E.ValueError,
                        "Output size %s is not compatible with broadcast "
                        "dimensions of inputs %s.",
                        s1, s2);
    }
    int64_t n = out->size;
    double *va = malloc((size_t)(n + 1) * sizeof(double));
    double *vb = malloc((size_t)(n + 1) * sizeof(double));
    int rc = va && vb ? bcast_params(vm, out, a, b, va, vb) : (vm_nomem(vm), -1);
    for (int64_t i = 0; !rc && i < n; i++) rc = check_pair(vm, chk, va[i], vb[i], 1);
    for (int64_t i = 0; !rc && i < n; i++) rc = check_gen_range(vm, chk, va[i], vb[i]);
    double *o = (double *)out->data;
    for (int64_t i = 0; !rc && i < n; i++) o[i] = fn(r, va[i], vb[i]);
    free(va), free(vb);
    if (rc) return decref(v_obj(out)), ERRV;
    return v_obj(out);
}

/* NumPy's cont() for two parameters with defaults da, db. */
static Value cont2(VM *vm, Rng *r, Cont2 fn, int chk, Value size, Value pa, double da, Value pb,
                   double db) {
    int ndim;
    int64_t shape[ARR_MAXDIM];
    double a, b;
    ArrObj *aa, *ab = NULL;
    if (get_param(vm, pa, da, &a, &aa) || get_param(vm, pb, db, &b, &ab)) {
        if (aa) decref(v_obj(aa));
        return ERRV;
    }
    int has = get_size(vm, size, &ndim, shape);
    if (has >= 0 && (aa || ab)) {
        Value sa = v_float(a), sb = v_float(b);
        if (!aa && !(aa = arr_from_any(vm, sa, DT_FLOAT64))) has = -1;
        if (has >= 0 && !ab && !(ab = arr_from_any(vm, sb, DT_FLOAT64))) has = -1;
        Value res = has < 0 ? ERRV : cont2_arrays(vm, r, fn, chk, has, ndim, shape, aa, ab);
        if (aa) decref(v_obj(aa));
        if (ab) decref(v_obj(ab));
        return res;
    }
    if (has < 0 || check_pair(vm, chk, a, b, 0) || check_gen_range(vm, chk, a, b)) return ERRV;
    if (!has) return v_float(fn(r, a, b));
    ArrObj *out = arr_new(vm, DT_FLOAT64, ndim, shape, 0);
    if (!out) return ERRV;
    double *o = (double *)out->data;
    for (int64_t i = 0; i < out->size; i++) o[i] = fn(r, a, b);
    return v_obj(out);
}

/* ================================================================ bounded integers */

static inline uint64_t gen_mask(uint64_t x) {
    x |= x >> 1, x |= x >> 2, x |= x >> 4, x |= x >> 8, x |= x >> 16, x |= x >> 32;
    return x;
}

/* Buffered draws for the narrow dtypes: one 32-bit draw serves 1, 2 or 4 values (32 bools). */
typedef struct Buf {
    uint32_t buf;
    int cnt;
} Buf;

static inline uint32_t buffered(Rng *r, Buf *b, int bits) {
    if (!b->cnt) {
        b->buf = next32(r);
        b->cnt = 32 / bits - 1;
    } else {
        b->buf >>= bits;
        b->cnt--;
    }
    return bits == 32 ? b->buf : b->buf & ((1u << bits) - 1);
}

static inline uint32_t masked_narrow(Rng *r, Buf *b, int bits, uint32_t rng, uint32_t mask) {
    uint32_t v;
    while ((v = buffered(r, b, bits) & mask) > rng) {
    }
    return v;
}

/* Lemire's nearly divisionless method on a `bits`-wide draw (bits <= 32). */
static inline uint32_t lemire_narrow(Rng *r, Buf *b, int bits, uint32_t rng) {
    const uint64_t excl = (uint64_t)rng + 1, lowmask = bits == 32 ? 0xffffffffu : (1u << bits) - 1;
    uint64_t m = (uint64_t)buffered(r, b, bits) * excl;
    uint64_t left = m & lowmask;
    if (left < excl) {
        uint64_t thresh = (lowmask - rng) % excl;
        while (left < thresh) {
            m = (uint64_t)buffered(r, b, bits) * excl;
            left = m & lowmask;
        }
    }
    return (uint32_t)(m >> bits);
}

static inline uint64_t masked64(Rng *r, uint64_t rng, uint64_t mask) {
    uint64_t v;
    while ((v = next64(r) & mask) > rng) {
    }
    return v;
}

static inline uint64_t lemire64(Rng *r, uint64_t rng) {
    const uint64_t excl = rng + 1;
    u128 m = (u128)next64(r) * excl;
    uint64_t left = (uint64_t)m;
    if (left < excl) {
        uint64_t thresh = (UINT64_MAX - rng) % excl;
        while (left < thresh) {
            m = (u128)next64(r) * excl;
            left = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

/* Lemire on 32-bit draws from PCG64 with the half-word buffer held in locals: the hot loop of
 * Generator.integers with a small range. Accepting when the low word is >= (2**32 - excl) %
 * excl is the same test as NumPy's (it only computes the threshold when low < excl). */
static void lemire32_pcg(Rng *r, uint64_t off, uint32_t rng, int64_t n, uint64_t *out) {
    int has = r->has_u32;
    uint32_t hi = r->u32;
    const uint64_t excl = (uint64_t)rng + 1;
    const uint32_t thresh = (uint32_t)((0xffffffffu - rng) % excl);
    for (int64_t i = 0; i < n; i++) {
        uint64_t m;
        do {
            uint32_t v;
            if (has) {
                v = hi, has = 0;
            } else {
                uint64_t w = pcg_next64(r);
                v = (uint32_t)w, hi = (uint32_t)(w >> 32), has = 1;
            }
            m = (uint64_t)v * excl;
        } while ((uint32_t)m < thresh);
        out[i] = off + (m >> 32);
    }
    r->has_u32 = has;
    r->u32 = hi;
}

/* random_bounded_uint64_fill: values in [off, off + rng] into out[n] (64-bit dtypes). */
static void fill64(Rng *r, uint64_t off, uint64_t rng, int64_t n, int masked, uint64_t *out) {
    Buf b = {0, 0};
    if (rng == 0) {
        for (int64_t i = 0; i < n; i++) out[i] = off;
    } else if (rng <= 0xffffffffu) {
        uint32_t r32 = (uint32_t)rng, mask = (uint32_t)gen_mask(rng);
        if (rng == 0xffffffffu)
            for (int64_t i = 0; i < n; i++) out[i] = off + next32(r);
        else if (masked)
            for (int64_t i = 0; i < n; i++) out[i] = off + masked_narrow(r, &b, 32, r32, mask);
        else if (r->kind == RNG_PCG)
            lemire32_pcg(r, off, r32, n, out);
        else
            for (int64_t i = 0; i < n; i++) out[i] = off + lemire_narrow(r, &b, 32, r32);
    } else if (rng == UINT64_MAX) {
        for (int64_t i = 0; i < n; i++) out[i] = off + next64(r);
    } else if (masked) {
        uint64_t mask = gen_mask(rng);
        for (int64_t i = 0; i < n; i++) out[i] = off + masked64(r, rng, mask);
    } else {
        for (int64_t i = 0; i < n; i++) out[i] = off + lemire64(r, rng);
    }
}

/* random_buffered_bounded_* of the 32-, 16- and 8-bit dtypes (and bool, bits 1): off plus a
 * value in [0, rng], stored at out; b carries the buffered bits from one value to the next. */
static inline void narrow1(Rng *r, Buf *b, int bits, uint32_t off, uint32_t rng, uint32_t mask,
                           int masked, char *out) {
    uint32_t full = bits == 32 ? 0xffffffffu : (1u << bits) - 1, v;
    if (rng == 0)
        v = 0;
    else if (bits == 1)
        v = buffered(r, b, 1) & 1u;
    else if (rng == full)
        v = buffered(r, b, bits);
    else if (masked)
        v = masked_narrow(r, b, bits, rng, mask);
    else
        v = lemire_narrow(r, b, bits, rng);
    v += off;
    if (bits == 32) {
        memcpy(out, &v, 4);
    } else if (bits == 16) {
        uint16_t h = (uint16_t)v;
        memcpy(out, &h, 2);
    } else {
        *out = (char)(uint8_t)v;
    }
}

/* The narrow fills: n values at out with the dtype's itemsize. */
static void fill_narrow(Rng *r, int bits, uint32_t off, uint32_t rng, int64_t n, int masked,
                        char *out) {
    Buf b = {0, 0};
    int sz = bits == 1 ? 1 : bits / 8;
    uint32_t mask = (uint32_t)gen_mask(rng);
    for (int64_t i = 0; i < n; i++) narrow1(r, &b, bits, off, rng, mask, masked, out + sz * i);
}

/* random_bounded_uint64 for one value (choice and shuffles of the Generator). */
static uint64_t bounded1(Rng *r, uint64_t rng, int masked) {
    uint64_t out;
    fill64(r, 0, rng, 1, masked, &out);
    return out;
}

/* random_interval: masked rejection on 32 or 64 bits (the shuffles). */
static uint64_t interval(Rng *r, uint64_t max) {
    if (max == 0) return 0;
    uint64_t mask = gen_mask(max), v;
    if (max <= 0xffffffffu)
        while ((v = next32(r) & mask) > max) {
        }
    else
        while ((v = next64(r) & mask) > max) {
        }
    return v;
}

typedef struct IntSpec {
    int dtype;  /* DType of the result */
    int pytype; /* 1: dtype=int (Python int scalar), 2: dtype=bool (Python bool) */
    int masked; /* legacy: masked rejection; Generator: Lemire */
    int closed; /* endpoint=True */
    const char *fname;
} IntSpec;

static void dtype_bounds(int dt, i128 *lo, i128 *hi) {
    int bits = arr_dtypes[dt].size * 8;
    char k = arr_dtypes[dt].kind;
    if (k == 'b')
        *lo = 0, *hi = 1;
    else if (k == 'u')
        *lo = 0, *hi = ((i128)1 << bits) - 1;
    else
        *lo = -((i128)1 << (bits - 1)), *hi = ((i128)1 << (bits - 1)) - 1;
}

/* int(x) for a randint bound: ints, floats (truncated), 0-d or 1-element arrays. 1: found,
 * 0: not a scalar bound (broadcast), -1: raised. */
static int bound_value(VM *vm, Value v, int has_size, i128 *out) {
    if (int_value(vm, v, out)) return 1;
    ArrObj *a = arr_of(vm, v);
    if (v.tag != T_FLOAT && !(a && (a->ndim == 0 || (a->ndim == 1 && a->size == 1 && has_size))))
        return 0;
    double d;
    if (a) {
        char k = arr_dtypes[a->dtype].kind;
        if (k != 'f')
            return *out = k == 'u' && a->dtype == DT_UINT64 ? (i128) * (const uint64_t *)a->data
                                                            : dt_to_int64(a->dtype, a->data),
                   1;
        d = dt_to_double(a->dtype, a->data);
    } else {
        d = v.u.f;
    }
    if (isnan(d)) return vm_raise(vm, vm->E.ValueError, "cannot convert float NaN to integer"), -1;
    if (isinf(d))
        return vm_raise(vm, vm->E.OverflowError, "cannot convert float infinity to integer"), -1;
    *out = fabs(d) < 1e38 ? (i128)d : (d < 0 ? -((i128)1 << 120) : ((i128)1 << 120));
    return 1;
}

static Value int_scalar(VM *vm, const IntSpec *s, const char *p) {
    if (s->pytype == 1) return v_int(*(const int64_t *)p);
    if (s->pytype == 2) return v_bool(*p);
    return arr_scalar(vm, s->dtype, p);
}

/* Fills out (n values of s->dtype) with values in [low, low + rng]. */
static void fill_ints(Rng *r, const IntSpec *s, i128 low, uint64_t rng, int64_t n, char *out) {
    int dt = s->dtype;
    if (arr_dtypes[dt].size == 8)
        fill64(r, (uint64_t)low, rng, n, s->masked, (uint64_t *)out);
    else if (dt == DT_BOOL)
        fill_narrow(r, 1, (uint32_t)low, (uint32_t)rng, n, s->masked, out);
    else
        fill_narrow(r, arr_dtypes[dt].size * 8, (uint32_t)low, (uint32_t)rng, n, s->masked, out);
}

/* ---------------------------------------------------------------- array bounds */

/* A randint bound array as exact values in C order: long double holds every int64, uint64
 * and double, so comparisons against the dtype's limits are NumPy's. */
typedef struct Bounds {
    ArrObj *a;
    long double *x;
    int fl; /* a float array (int() truncates, NaN and inf raise) */
} Bounds;

static int bounds_load(VM *vm, Value v, Bounds *b) {
    b->x = NULL;
    ArrObj *a = b->a = arr_from_any(vm, v, -1), *c = a ? arr_copy(vm, a, a->dtype) : NULL;
    if (!c) return -1;
    char k = arr_dtypes[c->dtype].kind;
    b->fl = k == 'f';
    if (k == 'c') {
        decref(v_obj(c));
        return vm_raise(vm, vm->E.TypeError, "randint bounds must be real"), -1;
    }
    b->x = malloc(sizeof(long double) * (size_t)(c->size + 1));
    int isz = arr_dtypes[c->dtype].size;
    for (int64_t i = 0; b->x && i < c->size; i++) {
        const char *p = c->data + i * isz;
        b->x[i] = c->dtype == DT_UINT64 ? (long double)*(const uint64_t *)p
                  : b->fl               ? (long double)dt_to_double(c->dtype, p)
                                        : (long double)dt_to_int64(c->dtype, p);
    }
    decref(v_obj(c));
    return b->x ? 0 : (vm_nomem(vm), -1);
}

/* The C cast of a bound to an integer (FORCECAST): truncation; NaN and out of range give
 * INT64_MIN, as x86's conversion does. */
static i128 bound_int(long double x) {
    return isnan(x) || fabsl(x) >= 0x1p120L ? (i128)INT64_MIN : (i128)x;
}

/* Index into the C-contiguous a of position p (C order) of the broadcast shape (nd, shape). */
static int64_t bcast_index(int nd, const int64_t *shape, int64_t p, const ArrObj *a) {
    int64_t idx = 0, mul = 1;
    for (int i = nd - 1; i >= 0; i--) {
        int64_t d = p % shape[i];
        p /= shape[i];
        int k = i - (nd - a->ndim);
        if (k < 0) continue;
        if (a->shape[k] != 1) idx += d * mul;
        mul *= a->shape[k];
    }
    return idx;
}

/* format_bounds_error: "high <= 0" when low is all zeros (the one-argument form). */
static Value bounds_error(VM *vm, const IntSpec *s, const Bounds *lo) {
    int any = 0;
    for (int64_t i = 0; i < lo->a->size; i++) any |= lo->x[i] != 0;
    const char *m = s->closed ? (any ? "low > high" : "high < 0") : (any ? "low >= high" : "high <= 0");
    return vm_raise(vm, vm->E.ValueError, "%s", m);
}

/* The element-wise checks of _rand_<dtype>_broadcast, in NumPy's order; hm1 gets the
 * closed upper bounds (one per element of hi). 0, or -1 raised. */
static int bounds_check(VM *vm, const IntSpec *s, const Bounds *lo, const Bounds *hi, i128 *hm1) {
    i128 dlo, dhi;
    dtype_bounds(s->dtype, &dlo, &dhi);
    const char *name = s->dtype == DT_BOOL ? "bool" : arr_dtypes[s->dtype].name;
    int wide = arr_dtypes[s->dtype].size == 8, open = !s->closed;
    long double lb = (long double)dlo, ub = (long double)dhi;
    int64_t nl = lo->a->size, nh = hi->a->size;
    for (int64_t i = 0; i < nl; i++)
        if (lo->x[i] < lb) return vm_raise(vm, vm->E.ValueError, "low is out of bounds for %s", name), -1;
    if (!wide) { /* high against the exclusive limit, in the next wider type */
        for (int64_t i = 0; i < nh; i++)
            if (open ? hi->x[i] > ub + 1 : hi->x[i] >= ub + 1)
                return vm_raise(vm, vm->E.ValueError, "high is out of bounds for %s", name), -1;
        for (int64_t i = 0; i < nh; i++) hm1[i] = bound_int(hi->x[i]) - open;
        return 0;
    }
    if (!hi->fl || !open) {
        for (int64_t i = 0; i < nh; i++)
            if (open ? hi->x[i] <= lb : hi->x[i] < lb) return bounds_error(vm, s, lo), -1;
        for (int64_t i = 0; i < nh; i++)
            if ((hi->fl ? hi->x[i] : hi->x[i] - open) > ub)
                return vm_raise(vm, vm->E.ValueError, "high is out of bounds for %s", name), -1;
        for (int64_t i = 0; i < nh; i++) hm1[i] = bound_int(hi->x[i]) - open;
        return 0;
    }
    for (int64_t i = 0; i < nh; i++) { /* int(high) - 1 element by element */
        long double h = hi->x[i];
        if (isnan(h)) return vm_raise(vm, vm->E.ValueError, "cannot convert float NaN to integer"), -1;
        if (isinf(h))
            return vm_raise(vm, vm->E.OverflowError, "cannot convert float infinity to integer"), -1;
        hm1[i] = (fabsl(h) < 0x1p120L ? (i128)h : h > 0 ? (i128)1 << 120 : -((i128)1 << 120)) - 1;
        if (hm1[i] > dhi) return vm_raise(vm, vm->E.ValueError, "high is out of bounds for %s", name), -1;
        if (hm1[i] < dlo) return bounds_error(vm, s, lo), -1;
    }
    return 0;
}

/* The shapes text of a ufunc's broadcast error: "(2,3)", "(4,)". */
static void shape_compact(char *buf, size_t cap, const ArrObj *a) {
    size_t k = (size_t)snprintf(buf, cap, "(");
    for (int i = 0; i < a->ndim && k < cap; i++)
        k += (size_t)snprintf(buf + k, cap - k, i ? ",%lld" : "%lld", (long long)a->shape[i]);
    if (k < cap) snprintf(buf + k, cap - k, a->ndim == 1 ? ",)" : ")");
}

/* Some low > high - 1 (low >= high for the narrow dtypes, on the bounds as given), low and
 * high broadcast against each other as np.greater does. 0, or -1 raised. */
static int bounds_order(VM *vm, const IntSpec *s, const Bounds *lo, const Bounds *hi,
                        const i128 *hm1) {
    ArrObj *ops[2] = {lo->a, hi->a};
    int nd;
    int64_t shape[ARR_MAXDIM], n = 1;
    if (bcast(vm, 2, ops, &nd, shape)) {
        char s1[256], s2[256];
        decref(vm_take_exc(vm));
        shape_compact(s1, sizeof s1, lo->a);
        shape_compact(s2, sizeof s2, hi->a);
        vm_raise(vm, vm->E.ValueError,
                 "operands could not be broadcast together with shapes %s %s ", s1, s2);
        return -1;
    }
    for (int i = 0; i < nd; i++) n *= shape[i];
    int wide = arr_dtypes[s->dtype].size == 8;
    for (int64_t p = 0; p < n; p++) {
        long double l = lo->x[bcast_index(nd, shape, p, lo->a)];
        int64_t j = bcast_index(nd, shape, p, hi->a);
        int bad = wide ? l > (long double)hm1[j] : s->closed ? l > hi->x[j] : l >= hi->x[j];
        if (bad) return bounds_error(vm, s, lo), -1;
    }
    return 0;
}

/* _rand_<dtype>_broadcast: every element drawn with its own bounds, in C order of the output
 * (size, or the bounds' broadcast shape), by the same samplers as the scalar path. */
static Value rand_ints_bcast(VM *vm, Rng *r, const IntSpec *s, Value vlow, Value vhigh, int has,
                             int ndim, const int64_t *shape) {
    Bounds lo = {0}, hi = {0};
    i128 *hm1 = NULL;
    ArrObj *out = NULL;
    Value res = ERRV;
    if (bounds_load(vm, vlow, &lo) || bounds_load(vm, vhigh, &hi)) goto done;
    if (!(hm1 = malloc(sizeof(i128) * (size_t)(hi.a->size + 1)))) {
        vm_nomem(vm);
        goto done;
    }
    if (bounds_check(vm, s, &lo, &hi, hm1) || bounds_order(vm, s, &lo, &hi, hm1)) goto done;
    ArrObj *ops[3] = {lo.a, hi.a, NULL};
    int nd;
    int64_t bshape[ARR_MAXDIM];
    if (!has && bcast(vm, 2, ops, &nd, bshape)) goto done;
    if (!(out = has ? arr_new(vm, s->dtype, ndim, shape, 0) : arr_new(vm, s->dtype, nd, bshape, 0)))
        goto done;
    ops[2] = out;
    if (bcast(vm, 3, ops, &nd, bshape)) goto done;
    int isz = arr_dtypes[s->dtype].size, bits = s->dtype == DT_BOOL ? 1 : isz * 8;
    Buf b = {0, 0};
    for (int64_t p = 0; p < out->size; p++) {
        i128 l = bound_int(lo.x[bcast_index(nd, bshape, p, lo.a)]);
        i128 h = hm1[bcast_index(nd, bshape, p, hi.a)];
        if (isz == 8) {
            fill64(r, (uint64_t)l, (uint64_t)(h - l), 1, s->masked, (uint64_t *)out->data + p);
        } else {
            uint32_t full = bits == 32 ? 0xffffffffu : (1u << bits) - 1;
            uint32_t rng = (uint32_t)(h - l) & full;
            narrow1(r, &b, bits, (uint32_t)l & full, rng, (uint32_t)gen_mask(rng), s->masked,
                    out->data + p * isz);
        }
    }
    res = v_obj(out);
    out = NULL;
done:
    if (lo.a) decref(v_obj(lo.a));
    if (hi.a) decref(v_obj(hi.a));
    if (out) decref(v_obj(out));
    free(lo.x);
    free(hi.x);
    free(hm1);
    return res;
}

/* _rand_<dtype> for scalar bounds: checks, then one fill. */
static Value rand_ints(VM *vm, Rng *r, const IntSpec *s, Value vlow, Value vhigh, Value size) {
    int ndim;
    int64_t shape[ARR_MAXDIM];
    int has = get_size(vm, size, &ndim, shape);
    if (has < 0) return ERRV;
    if (has && shape_size(ndim, shape) == 0)
        return arr_value(arr_new(vm, s->dtype, ndim, shape, 1));
    i128 low = 0, high, dlo, dhi;
    int f1 = IS_NULL(vlow) ? 1 : bound_value(vm, vlow, has, &low);
    int f2 = f1 < 0 ? -1 : bound_value(vm, vhigh, has, &high);
    if (f1 < 0 || f2 < 0) return ERRV;
    if (!f1 || !f2)
        return rand_ints_bcast(vm, r, s, IS_NULL(vlow) ? v_int(0) : vlow, vhigh, has, ndim, shape);
    if (!s->closed) high -= 1;
    dtype_bounds(s->dtype, &dlo, &dhi);
    const char *name = s->dtype == DT_BOOL ? "bool" : arr_dtypes[s->dtype].name;
    if (low < dlo) return vm_raise(vm, vm->E.ValueError, "low is out of bounds for %s", name);
    if (high > dhi) return vm_raise(vm, vm->E.ValueError, "high is out of bounds for %s", name);
    if (low > high) {
        const char *m = s->closed ? (low == 0 ? "high < 0" : "low > high")
                                  : (low == 0 ? "high <= 0" : "low >= high");
        return vm_raise(vm, vm->E.ValueError, "%s", m);
    }
    uint64_t rng = (uint64_t)(high - low);
    if (!has) {
        uint64_t buf = 0;
        fill_ints(r, s, low, rng, 1, (char *)&buf);
        return int_scalar(vm, s, (const char *)&buf);
    }
    ArrObj *out = arr_new(vm, s->dtype, ndim, shape, 0);
    if (out) fill_ints(r, s, low, rng, out->size, out->data);
    return arr_value(out);
}

/* dtype= of randint/integers: Python int and bool give Python scalars. */
static int int_dtype(VM *vm, Value v, int dflt, IntSpec *s) {
    s->pytype = 0;
    if (IS_NULL(v)) {
        s->dtype = dflt;
        s->pytype = dflt == DT_INT64 && s->masked;
        return 0;
    }
    if (v.tag == T_OBJ && v.u.o == (Obj *)vm->t_int) s->pytype = 1;
    if (v.tag == T_OBJ && v.u.o == (Obj *)vm->t_bool) s->pytype = 2;
    int dt = dt_parse(vm, v);
    if (dt < 0) return -1;
    char k = arr_dtypes[dt].kind;
    if (k != 'i' && k != 'u' && k != 'b') {
        vm_raise(vm, vm->E.TypeError, "Unsupported dtype dtype('%s') for %s", arr_dtypes[dt].name,
                 s->fname);
        return -1;
    }
    s->dtype = dt;
    return 0;
}

/* ================================================================ the objects */

typedef struct RngObj {
    NativeObj h;
    Rng r;
} RngObj;

#define RNG(v) (&AS(RngObj, v)->r)

static int rng_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    const char *t = AS(NativeObj, self)->type->name;
    return sb_printf(out, "%s(%s) at 0x%llX", t, RNG(self)->kind == RNG_MT ? "MT19937" : "PCG64",
                     (unsigned long long)(uintptr_t)self.u.o);
}

static const NativeOps RNG_OPS = {.repr = rng_repr};

static RngObj *rng_alloc(VM *vm, TypeObj *t) {
    RngObj *o = calloc(1, sizeof(RngObj));
    if (!o) return vm_nomem(vm), NULL;
    o->h.h.rc = 1;
    o->h.h.k = K_NATIVE;
    o->h.type = t;
    incref(v_obj(t));
    return o;
}

/* ---- shared: shuffle and permutation ---- */

static void swap_bytes(char *a, char *b, int64_t n) {
    char tmp[64];
    while (n > 0) {
        int64_t k = n < 64 ? n : 64;
        memcpy(tmp, a, (size_t)k), memcpy(a, b, (size_t)k), memcpy(b, tmp, (size_t)k);
        a += k, b += k, n -= k;
    }
}

/* Swaps sub-arrays i and j along axis 0, element by element (any strides). */
static void swap_rows(ArrObj *x, int64_t i, int64_t j) {
    int item = arr_dtypes[x->dtype].size, nd = x->ndim - 1;
    int64_t idx[ARR_MAXDIM] = {0}, n = 1;
    for (int d = 1; d < x->ndim; d++) n *= x->shape[d];
    char *pi = x->data + i * x->strides[0], *pj = x->data + j * x->strides[0];
    for (int64_t k = 0; k < n; k++) {
        int64_t off = 0;
        for (int d = 0; d < nd; d++) off += idx[d] * x->strides[d + 1];
        swap_bytes(pi + off, pj + off, item);
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < x->shape[d + 1]) break;
            idx[d] = 0;
        }
    }
}

static int shuffle_array(VM *vm, Rng *r, ArrObj *x, int legacy) {
    if (x->ndim == 0) return vm_raise(vm, vm->E.TypeError, "len() of unsized object"), -1;
    if (!(x->flags & ARR_WRITEABLE))
        return vm_raise(vm, vm->E.ValueError, "assignment destination is read-only"), -1;
    if (!legacy && x->size == 0) return 0;
    int64_t n = x->shape[0];
    int item = arr_dtypes[x->dtype].size;
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)interval(r, (uint64_t)i);
        if (i == j || !x->size) continue;
        if (x->ndim == 1)
            swap_bytes(x->data + j * x->strides[0], x->data + i * x->strides[0], item);
        else
            swap_rows(x, i, j);
    }
    return 0;
}

static int shuffle_list(VM *vm, Rng *r, ListObj *l) {
    (void)vm;
    for (int64_t i = (int64_t)l->len - 1; i >= 1; i--) {
        uint64_t j = interval(r, (uint64_t)i);
        if (j >= l->len) continue; /* the list shrank under us: nothing sensible to do */
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return 0;
}

/* The generic path: x[i], x[j] = x[j], x[i] through the object protocol. */
static int shuffle_seq(VM *vm, Rng *r, Value x) {
    Value lv = obj_len(vm, x);
    if (IS_ERR(lv)) return -1;
    for (int64_t i = lv.u.i - 1; i >= 1; i--) {
        Value vi = v_int(i), vj = v_int((int64_t)interval(r, (uint64_t)i));
        Value a = obj_getitem(vm, x, vj);
        if (IS_ERR(a)) return -1;
        Value b = obj_getitem(vm, x, vi);
        int rc = IS_ERR(b) || obj_setitem(vm, x, vi, a) || obj_setitem(vm, x, vj, b);
        decref(a), decref(b);
        if (rc) return -1;
    }
    return 0;
}

static int shuffle_any(VM *vm, Rng *r, Value x, int legacy) {
    ArrObj *a = arr_of(vm, x);
    if (a) return shuffle_array(vm, r, a, legacy);
    if (IS_KIND(x, K_LIST)) return shuffle_list(vm, r, AS(ListObj, x));
    return shuffle_seq(vm, r, x);
}

static Value arange_i64(VM *vm, int64_t n) {
    if (n < 0) n = 0;
    ArrObj *a = arr_new(vm, DT_INT64, 1, &n, 0);
    if (!a) return ERRV;
    for (int64_t i = 0; i < n; i++) ((int64_t *)a->data)[i] = i;
    return v_obj(a);
}

static Value permutation(VM *vm, Rng *r, Value x, int legacy) {
    i128 n;
    ArrObj *xa = arr_of(vm, x);
    int is_np_int = xa && xa->ndim == 0 && strchr("iub", arr_dtypes[xa->dtype].kind);
    Value res;
    if ((x.tag == T_INT || x.tag == T_BOOL || IS_KIND(x, K_BIGINT) || is_np_int) &&
        int_value(vm, x, &n)) {
        res = arange_i64(vm, (int64_t)n);
    } else {
        ArrObj *a = arr_from_any(vm, x, -1);
        if (!a) return ERRV;
        if (a->ndim == 0) {
            decref(v_obj(a));
            if (legacy)
                return vm_raise(vm, vm->E.IndexError,
                                "x must be an integer or at least 1-dimensional");
            return vm_raise(vm, NP(vm)->e_axis, "axis 0 is out of bounds for array of dimension 0");
        }
        res = arr_value(arr_copy(vm, a, a->dtype));
        decref(v_obj(a));
    }
    if (IS_ERR(res)) return ERRV;
    if (shuffle_array(vm, r, AS(ArrObj, res), legacy)) return decref(res), ERRV;
    return res;
}

/* ---- shared: choice ---- */

/* kahan_sum over p, as NumPy validates probabilities. */
static double kahan_sum(const double *p, int64_t n) {
    double sum = p[0], c = 0.0;
    for (int64_t i = 1; i < n; i++) {
        double y = p[i] - c, t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    return sum;
}

/* cdf = cumsum(p) / cdf[-1] */
static void make_cdf(const double *p, int64_t n, double *cdf) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) cdf[i] = s += p[i];
    double last = cdf[n - 1];
    for (int64_t i = 0; i < n; i++) cdf[i] /= last;
}

/* searchsorted(cdf, u, side='right'): the number of entries <= u. */
static int64_t search_right(const double *cdf, int64_t n, double u) {
    int64_t lo = 0, hi = n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (u < cdf[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

typedef struct Choice {
    int legacy;
    int64_t pop;  /* population size */
    int64_t size; /* number of samples */
    double *p;    /* probabilities (pop entries) or NULL */
    int64_t *idx; /* the result indices (size entries) */
} Choice;

/* Replacement with p: inverse CDF of uniform draws. */
static int choice_cdf(VM *vm, Rng *r, Choice *c) {
    double *cdf = malloc((size_t)c->pop * sizeof(double));
    if (!cdf) return vm_nomem(vm), -1;
    make_cdf(c->p, c->pop, cdf);
    for (int64_t i = 0; i < c->size; i++) c->idx[i] = search_right(cdf, c->pop, next_double(r));
    free(cdf);
    return 0;
}

/* Without replacement, with p: rounds of draws, zeroing the probabilities already taken and
 * keeping each round's distinct indices in order of first appearance (a taken index has no
 * mass left, so a later round cannot find it again). */
static int choice_p_unique(VM *vm, Rng *r, Choice *c) {
    int64_t nz = 0, found = 0, round = 0;
    for (int64_t i = 0; i < c->pop; i++) nz += c->p[i] > 0;
    if (nz < c->size)
        return vm_raise(vm, vm->E.ValueError, "Fewer non-zero entries in p than size"), -1;
    double *cdf = malloc((size_t)c->pop * sizeof(double));
    double *x = malloc((size_t)(c->size + 1) * sizeof(double));
    int64_t *stamp = calloc((size_t)c->pop + 1, sizeof(int64_t));
    if (!cdf || !x || !stamp) return free(cdf), free(x), free(stamp), vm_nomem(vm), -1;
    while (found < c->size) {
        int64_t m = c->size - found;
        round++;
        for (int64_t i = 0; i < m; i++) x[i] = next_double(r);
        for (int64_t i = 0; i < found; i++) c->p[c->idx[i]] = 0;
        make_cdf(c->p, c->pop, cdf);
        for (int64_t i = 0; i < m; i++) {
            int64_t k = search_right(cdf, c->pop, x[i]);
            if (stamp[k] == round) continue;
            stamp[k] = round;
            c->idx[found++] = k;
        }
    }
    free(cdf), free(x), free(stamp);
    return 0;
}

/* Generator, without replacement, no p: Floyd's algorithm with an open-addressing set, or a
 * tail shuffle of the whole range for large samples; then a shuffle of the picks. */
static int choice_floyd(VM *vm, Rng *r, Choice *c, int shuffle) {
    int64_t pop = c->pop, size = c->size;
    int64_t cutoff = shuffle ? 50 : 20;
    if (pop > 10000 && size > pop / cutoff) {
        int64_t *all = malloc((size_t)pop * sizeof(int64_t));
        if (!all) return vm_nomem(vm), -1;
        for (int64_t i = 0; i < pop; i++) all[i] = i;
        int64_t first = pop - size > 1 ? pop - size : 1;
        for (int64_t i = pop - 1; i >= first; i--) {
            int64_t j = (int64_t)bounded1(r, (uint64_t)i, 0), t = all[j];
            all[j] = all[i], all[i] = t;
        }
        memcpy(c->idx, all + (pop - size), (size_t)size * sizeof(int64_t));
        free(all);
        return 0;
    }
    uint64_t mask = gen_mask((uint64_t)(1.2 * (double)size)), setsize = mask + 1;
    uint64_t *set = malloc((size_t)setsize * sizeof(uint64_t));
    if (!set) return vm_nomem(vm), -1;
    memset(set, 0xff, (size_t)setsize * sizeof(uint64_t));
    for (int64_t j = pop - size; j < pop; j++) {
        uint64_t val = bounded1(r, (uint64_t)j, 0), loc = val & mask;
        while (set[loc] != UINT64_MAX && set[loc] != val) loc = (loc + 1) & mask;
        if (set[loc] == UINT64_MAX) {
            set[loc] = val;
            c->idx[j - pop + size] = (int64_t)val;
        } else {
            loc = (uint64_t)j & mask;
            while (set[loc] != UINT64_MAX) loc = (loc + 1) & mask;
            set[loc] = (uint64_t)j;
            c->idx[j - pop + size] = j;
        }
    }
    free(set);
    if (shuffle)
        for (int64_t i = size - 1; i >= 1; i--) {
            int64_t j = (int64_t)bounded1(r, (uint64_t)i, 0), t = c->idx[j];
            c->idx[j] = c->idx[i], c->idx[i] = t;
        }
    return 0;
}

/* Legacy, without replacement, no p: the first size entries of permutation(pop). */
static int choice_perm(VM *vm, Rng *r, Choice *c) {
    Value perm = arange_i64(vm, c->pop);
    if (IS_ERR(perm)) return -1;
    int rc = shuffle_array(vm, r, AS(ArrObj, perm), 1);
    if (!rc) memcpy(c->idx, AS(ArrObj, perm)->data, (size_t)c->size * sizeof(int64_t));
    decref(perm);
    return rc;
}

static int choice_sample(VM *vm, Rng *r, Choice *c, int replace, int shuffle) {
    if (replace) {
        if (c->p) return choice_cdf(vm, r, c);
        IntSpec s = {DT_INT64, 0, c->legacy, 0, "randint"};
        fill_ints(r, &s, 0, (uint64_t)(c->pop - 1), c->size, (char *)c->idx);
        return 0;
    }
    if (c->size > c->pop) {
        vm_raise(vm, vm->E.ValueError,
                 c->legacy ? "Cannot take a larger sample than population when 'replace=False'"
                           : "Cannot take a larger sample than population when replace is False");
        return -1;
    }
    if (c->p) return choice_p_unique(vm, r, c);
    return c->legacy ? choice_perm(vm, r, c) : choice_floyd(vm, r, c, shuffle);
}

/* p= validation (NumPy's messages; the legacy ones quote 'a' and 'p'). */
static int choice_p(VM *vm, Choice *c, Value pv, ArrObj **pa) {
    ArrObj *p = arr_from_any(vm, pv, DT_FLOAT64);
    if (!p) return -1;
    ArrObj *pc = arr_copy(vm, p, DT_FLOAT64);
    decref(v_obj(p));
    if (!(*pa = pc)) return -1;
    const char *q = c->legacy ? "'" : "";
    if (pc->ndim != 1)
        return vm_raise(vm, vm->E.ValueError, "%sp%s must be 1-dimensional", q, q), -1;
    if (pc->size != c->pop)
        return vm_raise(vm, vm->E.ValueError, "%sa%s and %sp%s must have same size", q, q, q, q),
               -1;
    double *d = (double *)pc->data;
    double sum = pc->size ? kahan_sum(d, pc->size) : 0.0;
    if (isnan(sum)) return vm_raise(vm, vm->E.ValueError, "probabilities contain NaN"), -1;
    for (int64_t i = 0; i < pc->size; i++)
        if (d[i] < 0)
            return vm_raise(vm, vm->E.ValueError, "probabilities are not non-negative"), -1;
    if (fabs(sum - 1.0) > sqrt(2.220446049250313e-16))
        return vm_raise(vm, vm->E.ValueError, "probabilities do not sum to 1"), -1;
    c->p = d;
    return 0;
}

/* The population: an int (a 0-d array of an integer) or the array's first axis. */
static int choice_population(VM *vm, Choice *c, ArrObj *a, Value orig, int has, int64_t nsamp) {
    if (a->ndim == 0) {
        i128 pop;
        if (!strchr("iub", arr_dtypes[a->dtype].kind) || !int_value(vm, orig, &pop)) {
            if (c->legacy)
                vm_raise(vm, vm->E.ValueError, "a must be 1-dimensional or an integer");
            else
                vm_raise(vm, vm->E.ValueError,
                         "a must be a sequence or an integer, not <class '%s'>",
                         type_name(vm, orig));
            return -1;
        }
        if (pop <= 0 && (!has || nsamp != 0)) {
            vm_raise(vm, vm->E.ValueError,
                     c->legacy ? "a must be greater than 0 unless no samples are taken"
                               : "a must be a positive integer unless no samples are taken");
            return -1;
        }
        c->pop = (int64_t)pop;
        return 0;
    }
    if (c->legacy && a->ndim != 1)
        return vm_raise(vm, vm->E.ValueError, "a must be 1-dimensional"), -1;
    c->pop = a->shape[0];
    if (c->pop == 0 && (!has || nsamp != 0)) {
        vm_raise(vm, vm->E.ValueError,
                 c->legacy ? "'a' cannot be empty unless no samples are taken"
                           : "a cannot be empty unless no samples are taken");
        return -1;
    }
    return 0;
}

/* a[idx] along axis 0 with idx shaped (ndim, shape): a new array, or a NumPy scalar when no
 * size was given and a is 1-d. */
static Value choice_take(VM *vm, ArrObj *a, const int64_t *idx, int has, int ndim,
                         const int64_t *shape) {
    if (!has && a->ndim == 1) return arr_scalar(vm, a->dtype, a->data + idx[0] * a->strides[0]);
    if (!has) ndim = 0;
    int64_t oshape[ARR_MAXDIM];
    int ond = ndim + a->ndim - 1, rd = a->ndim - 1;
    if (ond > ARR_MAXDIM) return vm_raise(vm, vm->E.ValueError, "too many dimensions");
    memcpy(oshape, shape, (size_t)ndim * sizeof(int64_t));
    memcpy(oshape + ndim, a->shape + 1, (size_t)rd * sizeof(int64_t));
    ArrObj *out = arr_new(vm, a->dtype, ond, oshape, 0);
    if (!out) return ERRV;
    int64_t n = shape_size(ndim, shape), rowbytes = arr_dtypes[a->dtype].size;
    for (int d = 1; d < a->ndim; d++) rowbytes *= a->shape[d];
    for (int64_t i = 0; i < n; i++) {
        ArrObj *src = arr_view(vm, a, a->dtype, rd, a->shape + 1, a->strides + 1,
                               a->data + idx[i] * a->strides[0]);
        ArrObj *dst = src ? arr_view(vm, out, a->dtype, rd, a->shape + 1, out->strides + ndim,
                                     out->data + i * rowbytes)
                          : NULL;
        int rc = dst ? dt_cast_into(vm, dst, src) : -1;
        if (src) decref(v_obj(src));
        if (dst) decref(v_obj(dst));
        if (rc) return decref(v_obj(out)), ERRV;
    }
    return v_obj(out);
}

static Value choice(VM *vm, Rng *r, int legacy, Value av, Value size, Value replace, Value pv,
                    int shuffle) {
    Choice c = {legacy, 0, 1, NULL, NULL};
    int ndim = 0;
    int64_t shape[ARR_MAXDIM];
    ArrObj *pa = NULL;
    int has = get_size(vm, size, &ndim, shape);
    if (has < 0) return ERRV;
    if (has) c.size = shape_size(ndim, shape);
    int rep = IS_NULL(replace) ? 1 : obj_truth(vm, replace);
    if (rep < 0) return ERRV;
    ArrObj *a = arr_from_any(vm, av, -1);
    if (!a) return ERRV;
    Value res = ERRV;
    if (choice_population(vm, &c, a, av, has, c.size) ||
        (!IS_NULL(pv) && pv.tag != T_NONE && choice_p(vm, &c, pv, &pa)))
        goto done;
    if (!(c.idx = malloc((size_t)(c.size ? c.size : 1) * sizeof(int64_t)))) {
        vm_nomem(vm);
        goto done;
    }
    if (choice_sample(vm, r, &c, rep, shuffle)) goto done;
    if (a->ndim == 0) {
        if (!has) {
            res = v_int(c.idx[0]);
        } else {
            ArrObj *o = arr_new(vm, DT_INT64, ndim, shape, 0);
            if (o) memcpy(o->data, c.idx, (size_t)c.size * sizeof(int64_t));
            res = arr_value(o);
        }
    } else {
        res = choice_take(vm, a, c.idx, has, ndim, shape);
    }
done:
    free(c.idx);
    if (pa) decref(v_obj(pa));
    decref(v_obj(a));
    return res;
}

/* ================================================================ RandomState methods */

#define SELF RNG(argv[0])

static Value m_seed(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "seed", "|seed", argc - 1, argv + 1, kw, a)) return ERRV;
    return mt_seed_value(vm, SELF, a[0]) ? ERRV : v_none();
}

static Value uniform_fill(VM *vm, Rng *r, Value size) {
    int ndim;
    int64_t shape[ARR_MAXDIM];
    int has = get_size(vm, size, &ndim, shape);
    if (has <= 0) return has < 0 ? ERRV : v_float(next_double(r));
    ArrObj *out = arr_new(vm, DT_FLOAT64, ndim, shape, 0);
    if (!out) return ERRV;
    double *o = (double *)out->data;
    for (int64_t i = 0; i < out->size; i++) o[i] = next_double(r);
    return v_obj(out);
}

static Value m_random_sample(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "random_sample", "|size", argc - 1, argv + 1, kw, a)) return ERRV;
    return uniform_fill(vm, SELF, a[0]);
}

static Value gauss_fill(VM *vm, Rng *r, Value size) {
    int ndim;
    int64_t shape[ARR_MAXDIM];
    int has = get_size(vm, size, &ndim, shape);
    if (has <= 0)
        return has < 0 ? ERRV : v_float(r->kind == RNG_MT ? legacy_gauss(r) : zig_normal(r));
    ArrObj *out = arr_new(vm, DT_FLOAT64, ndim, shape, 0);
    if (!out) return ERRV;
    double *o = (double *)out->data;
    if (r->kind == RNG_MT)
        for (int64_t i = 0; i < out->size; i++) o[i] = legacy_gauss(r);
    else
        for (int64_t i = 0; i < out->size; i++) o[i] = zig_normal(r);
    return v_obj(out);
}

/* rand(d0, d1, ...) and randn(d0, d1, ...): the dimensions as separate arguments. */
static Value dims_call(VM *vm, int argc, const Value *argv, const KwArgs *kw, const char *name,
                       Value (*fill)(VM *, Rng *, Value)) {
    if (kw && kw->n)
        return vm_raise(vm, vm->E.TypeError, "%s() got an unexpected keyword argument '%s'", name,
                        AS(StrObj, kw->names[0])->s);
    if (argc == 1) return fill(vm, SELF, v_none());
    ListObj *t = tuple_new(vm, (size_t)(argc - 1));
    if (!t) return ERRV;
    for (int i = 1; i < argc; i++) t->items[i - 1] = vref(argv[i]);
    Value r = fill(vm, SELF, v_obj(t));
    decref(v_obj(t));
    return r;
}

static Value m_rand(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return dims_call(vm, argc, argv, kw, "rand", uniform_fill);
}

static Value m_randn(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return dims_call(vm, argc, argv, kw, "randn", gauss_fill);
}

static Value m_standard_normal(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "standard_normal", "|size", argc - 1, argv + 1, kw, a)) return ERRV;
    return gauss_fill(vm, SELF, a[0]);
}

static Value m_normal(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "normal", "|loc,scale,size", argc - 1, argv + 1, kw, a)) return ERRV;
    Rng *r = SELF;
    return cont2(vm, r, r->kind == RNG_MT ? d_legacy_normal : d_zig_normal, CHK_SCALE, a[2], a[0],
                 0.0, a[1], 1.0);
}

static Value m_uniform(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "uniform", "|low,high,size", argc - 1, argv + 1, kw, a)) return ERRV;
    Rng *r = SELF;
    return cont2(vm, r, d_uniform, r->kind == RNG_MT ? CHK_LEGACY_RANGE : CHK_GEN_RANGE, a[2], a[0],
                 0.0, a[1], 1.0);
}

static Value m_randint(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "randint", "low|high,size,dtype", argc - 1, argv + 1, kw, a)) return ERRV;
    IntSpec s = {DT_INT64, 0, 1, 0, "randint"};
    if (int_dtype(vm, a[3], DT_INT64, &s)) return ERRV;
    int nohigh = IS_NULL(a[1]) || a[1].tag == T_NONE;
    return rand_ints(vm, SELF, &s, nohigh ? v_null() : a[0], nohigh ? a[0] : a[1], a[2]);
}

static Value m_choice(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "choice", "a|size,replace,p", argc - 1, argv + 1, kw, a)) return ERRV;
    return choice(vm, SELF, 1, a[0], a[1], a[2], a[3], 1);
}

static Value m_shuffle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "shuffle", "x", argc - 1, argv + 1, kw, a)) return ERRV;
    return shuffle_any(vm, SELF, a[0], 1) ? ERRV : v_none();
}

static Value m_permutation(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "permutation", "x", argc - 1, argv + 1, kw, a)) return ERRV;
    return permutation(vm, SELF, a[0], 1);
}

static const BuiltinDef RS_METHODS[] = {
    {"seed", m_seed, "(seed=None)", "Reseed the legacy MT19937 generator."},
    {"random_sample", m_random_sample, "(size=None)", "Floats in [0, 1)."},
    {"random", m_random_sample, "(size=None)", "Floats in [0, 1)."},
    {"ranf", m_random_sample, "(size=None)", "Floats in [0, 1)."},
    {"sample", m_random_sample, "(size=None)", "Floats in [0, 1)."},
    {"rand", m_rand, "(d0, d1, ..., dn)", "Floats in [0, 1) of the given shape."},
    {"randn", m_randn, "(d0, d1, ..., dn)", "Standard normal samples of the given shape."},
    {"standard_normal", m_standard_normal, "(size=None)", "Standard normal samples."},
    {"normal", m_normal, "(loc=0.0, scale=1.0, size=None)", "Normal samples."},
    {"uniform", m_uniform, "(low=0.0, high=1.0, size=None)", "Uniform samples in [low, high)."},
    {"randint", m_randint, "(low, high=None, size=None, dtype=int)", "Integers in [low, high)."},
    {"choice", m_choice, "(a, size=None, replace=True, p=None)", "A random sample from a."},
    {"shuffle", m_shuffle, "(x)", "Shuffle a sequence in place along its first axis."},
    {"permutation", m_permutation, "(x)", "A permuted copy, or a permuted range."},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================ Generator methods */

static Value g_random(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "random", "|size,dtype,out", argc - 1, argv + 1, kw, a)) return ERRV;
    int dt = IS_NULL(a[1]) ? DT_FLOAT64 : dt_parse(vm, a[1]);
    if (dt < 0) return ERRV;
    if (dt != DT_FLOAT64 && dt != DT_FLOAT32)
        return vm_raise(vm, vm->E.TypeError, "Unsupported dtype dtype('%s') for random",
                        arr_dtypes[dt].name);
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE)
        return vm_raise(vm, vm->E.NotImplementedError, "random(out=...) is not supported");
    if (dt == DT_FLOAT64) return uniform_fill(vm, SELF, a[0]);
    int ndim;
    int64_t shape[ARR_MAXDIM];
    int has = get_size(vm, a[0], &ndim, shape);
    if (has < 0) return ERRV;
    Rng *r = SELF;
    if (!has) {
        float f = (float)(next32(r) >> 8) * (1.0f / 16777216.0f);
        return v_float((double)f);
    }
    ArrObj *out = arr_new(vm, DT_FLOAT32, ndim, shape, 0);
    if (!out) return ERRV;
    float *o = (float *)out->data;
    for (int64_t i = 0; i < out->size; i++) o[i] = (float)(next32(r) >> 8) * (1.0f / 16777216.0f);
    return v_obj(out);
}

static Value g_integers(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "integers", "low|high,size,dtype,endpoint", argc - 1, argv + 1, kw, a))
        return ERRV;
    IntSpec s = {DT_INT64, 0, 0, 0, "integers"};
    if (int_dtype(vm, a[3], DT_INT64, &s)) return ERRV;
    if (!IS_NULL(a[4]) && (s.closed = obj_truth(vm, a[4])) < 0) return ERRV;
    int nohigh = IS_NULL(a[1]) || a[1].tag == T_NONE;
    return rand_ints(vm, SELF, &s, nohigh ? v_null() : a[0], nohigh ? a[0] : a[1], a[2]);
}

static Value g_choice(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "choice", "a|size,replace,p,axis,shuffle", argc - 1, argv + 1, kw, a))
        return ERRV;
    int64_t axis = 0;
    if (!IS_NULL(a[4]) && obj_index(vm, a[4], &axis, "an integer is required")) return ERRV;
    if (axis != 0)
        return vm_raise(vm, vm->E.NotImplementedError, "choice(axis=%lld) is not supported",
                        (long long)axis);
    int sh = IS_NULL(a[5]) ? 1 : obj_truth(vm, a[5]);
    if (sh < 0) return ERRV;
    return choice(vm, SELF, 0, a[0], a[1], a[2], a[3], sh);
}

static Value g_shuffle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "shuffle", "x|axis", argc - 1, argv + 1, kw, a)) return ERRV;
    int64_t axis = 0;
    if (!IS_NULL(a[1]) && obj_index(vm, a[1], &axis, "an integer is required")) return ERRV;
    if (axis != 0)
        return vm_raise(vm, vm->E.NotImplementedError, "shuffle(axis=%lld) is not supported",
                        (long long)axis);
    return shuffle_any(vm, SELF, a[0], 0) ? ERRV : v_none();
}

static Value g_permutation(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "permutation", "x|axis", argc - 1, argv + 1, kw, a)) return ERRV;
    int64_t axis = 0;
    if (!IS_NULL(a[1]) && obj_index(vm, a[1], &axis, "an integer is required")) return ERRV;
    if (axis != 0)
        return vm_raise(vm, vm->E.NotImplementedError, "permutation(axis=%lld) is not supported",
                        (long long)axis);
    return permutation(vm, SELF, a[0], 0);
}

static Value g_standard_normal(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "standard_normal", "|size,dtype,out", argc - 1, argv + 1, kw, a)) return ERRV;
    int dt = IS_NULL(a[1]) ? DT_FLOAT64 : dt_parse(vm, a[1]);
    if (dt < 0) return ERRV;
    if (dt != DT_FLOAT64)
        return vm_raise(vm, vm->E.NotImplementedError, "standard_normal(dtype=%s) is not supported",
                        arr_dtypes[dt].name);
    return gauss_fill(vm, SELF, a[0]);
}

static const BuiltinDef GEN_METHODS[] = {
    {"random", g_random, "(size=None, dtype=np.float64, out=None)", "Floats in [0, 1)."},
    {"integers", g_integers, "(low, high=None, size=None, dtype=np.int64, endpoint=False)",
     "Integers in [low, high) (or [low, high] with endpoint=True), by Lemire's method."},
    {"standard_normal", g_standard_normal, "(size=None, dtype=np.float64, out=None)",
     "Standard normal samples (ziggurat)."},
    {"normal", m_normal, "(loc=0.0, scale=1.0, size=None)", "Normal samples (ziggurat)."},
    {"uniform", m_uniform, "(low=0.0, high=1.0, size=None)", "Uniform samples in [low, high)."},
    {"choice", g_choice, "(a, size=None, replace=True, p=None, axis=0, shuffle=True)",
     "A random sample from a."},
    {"shuffle", g_shuffle, "(x, axis=0)", "Shuffle in place along the first axis."},
    {"permutation", g_permutation, "(x, axis=0)", "A permuted copy, or a permuted range."},
    {NULL, NULL, NULL, NULL},
};

/* ================================================================ constructors and module */

static Value rs_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "RandomState", "|seed", argc - 1, argv + 1, kw, a)) return ERRV;
    RngObj *o = rng_alloc(vm, AS(TypeObj, argv[0]));
    if (!o) return ERRV;
    if (mt_seed_value(vm, &o->r, a[0])) return decref(v_obj(o)), ERRV;
    return v_obj(o);
}

/* default_rng(seed=None): bound to the Generator type (argv[0]). */
static Value f_default_rng(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "default_rng", "|seed", argc - 1, argv + 1, kw, a)) return ERRV;
    TypeObj *t = AS(TypeObj, argv[0]);
    if (IS_KIND(a[0], K_NATIVE) && AS(NativeObj, a[0])->type == t) return vref(a[0]);
    RngObj *o = rng_alloc(vm, t);
    if (!o) return ERRV;
    if (gen_seed(vm, &o->r, a[0])) return decref(v_obj(o)), ERRV;
    return v_obj(o);
}

static const BuiltinDef DEFAULT_RNG = {"default_rng", f_default_rng, "(seed=None)",
                                       "A Generator over PCG64 seeded through SeedSequence."};

static TypeObj *rng_type(VM *vm, const char *name, const char *module, const BuiltinDef *defs) {
    TypeObj *t = type_new(vm, name, vm->t_object, K_NATIVE);
    if (!t) return NULL;
    t->module = module;
    t->ops = &RNG_OPS;
    if (type_add_methods(vm, t, defs)) return decref(v_obj(t)), NULL;
    return t;
}

/* Adds each method of defs to m bound to self (np.random.rand is _rand.rand, as in NumPy). */
static int add_bound(VM *vm, ModuleObj *m, const BuiltinDef *defs, Value self) {
    for (const BuiltinDef *d = defs; d->name; d++) {
        Value f = builtin_new(vm, d, self, "RandomState");
        if (IS_ERR(f)) return -1;
        int rc = module_add(vm, m, d->name, f);
        decref(f);
        if (rc) return -1;
    }
    return 0;
}

static int fill_module(VM *vm, ModuleObj *m) {
    TypeObj *rs = rng_type(vm, "RandomState", "numpy.random.mtrand", RS_METHODS);
    TypeObj *gen = rs ? rng_type(vm, "Generator", "numpy.random._generator", GEN_METHODS) : NULL;
    int rc = -1;
    if (!gen) goto done;
    rs->ctor = rs_ctor;
    RngObj *rand = rng_alloc(vm, rs);
    if (!rand) goto done;
    Value glob = v_obj(rand), drng = ERRV;
    if (!mt_seed_value(vm, &rand->r, v_none()) && !add_bound(vm, m, RS_METHODS, glob) &&
        !module_add(vm, m, "_rand", glob) && !module_add(vm, m, "RandomState", v_obj(rs)) &&
        !module_add(vm, m, "Generator", v_obj(gen)) &&
        !IS_ERR(drng = builtin_new(vm, &DEFAULT_RNG, v_obj(gen), "numpy.random")))
        rc = module_add(vm, m, "default_rng", drng);
    if (!IS_ERR(drng)) decref(drng);
    decref(glob);
done:
    if (rs) decref(v_obj(rs));
    if (gen) decref(v_obj(gen));
    return rc;
}

int rnd_init(VM *vm, ModuleObj *np) {
    if (!zig_ready) zig_build();
    StrObj *name = str_intern(vm, "numpy.random", strlen("numpy.random"));
    if (!name) return -1;
    Value existing = dict_get_str(vm->modules, name);
    ModuleObj *m = IS_KIND(existing, K_MODULE) ? AS(ModuleObj, existing) : NULL;
    if (m)
        incref(v_obj(m));
    else if (!(m = module_new(vm, "numpy.random")))
        return -1;
    int rc = dict_set_str(vm, vm->modules, "numpy.random", v_obj(m)) || fill_module(vm, m) ||
             module_add(vm, np, "random", v_obj(m));
    decref(v_obj(m));
    return rc ? -1 : 0;
}

int rnd_module_init(VM *vm, ModuleObj *m) {
    (void)m; /* importing numpy fills it: rnd_init finds it in vm->modules */
    Value np = vm_import(vm, "numpy");
    if (IS_ERR(np)) return -1;
    decref(np);
    return 0;
}
