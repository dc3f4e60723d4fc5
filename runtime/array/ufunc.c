/* ufunc.c: elementwise arithmetic: binary ufuncs (operators, np.add, np.maximum...) with
 * broadcasting, NumPy 1.24 type resolution and floating-point warnings; unary math ufuncs
 * (np.sqrt...), and the conversion hooks (float(x), int(x), hash) of arrays and scalars.
 * Kernels are generated per dtype by macros, with contiguous fast paths the compiler
 * vectorises; the table LOOPS[ufunc][dtype] selects one. */
#pragma GCC optimize("tree-vectorize")
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

/* ---------------------------------------------------------------- the binary ufuncs */

#define BIN_UFUNCS(X)                                                                          \
    X(UF_ADD, "add", OP_ADD) X(UF_SUB, "subtract", OP_SUB) X(UF_MUL, "multiply", OP_MUL)       \
    X(UF_DIV, "divide", OP_DIV) X(UF_FLOORDIV, "floor_divide", OP_FLOORDIV)                    \
    X(UF_MOD, "remainder", OP_MOD) X(UF_POW, "power", OP_POW)                                  \
    X(UF_EQ, "equal", OP_EQ) X(UF_NE, "not_equal", OP_NE) X(UF_LT, "less", OP_LT)              \
    X(UF_LE, "less_equal", OP_LE) X(UF_GT, "greater", OP_GT)                                   \
    X(UF_GE, "greater_equal", OP_GE) X(UF_AND, "bitwise_and", OP_BITAND)                       \
    X(UF_OR, "bitwise_or", OP_BITOR) X(UF_XOR, "bitwise_xor", OP_BITXOR)                       \
    X(UF_LSHIFT, "left_shift", OP_LSHIFT) X(UF_RSHIFT, "right_shift", OP_RSHIFT)               \
    X(UF_MAX, "maximum", 0) X(UF_MIN, "minimum", 0) X(UF_FMAX, "fmax", 0)                      \
    X(UF_FMIN, "fmin", 0) X(UF_ARCTAN2, "arctan2", 0) X(UF_HYPOT, "hypot", 0)                  \
    X(UF_COPYSIGN, "copysign", 0)                                                              \
    X(UF_LAND, "logical_and", 0) X(UF_LOR, "logical_or", 0) X(UF_LXOR, "logical_xor", 0)

#define UF_ENUM(e, name, op) e,
enum { BIN_UFUNCS(UF_ENUM) UF__COUNT };
#undef UF_ENUM

static const struct {
    const char *name;
    int op;
} UF_INFO[UF__COUNT] = {
#define UF_ROW(e, name, op) {name, op},
    BIN_UFUNCS(UF_ROW)
#undef UF_ROW
};

typedef struct UCtx {
    int err; /* 1: integer division by zero */
} UCtx;

/* Integer types with the unsigned type their wrapping arithmetic is done in. */
#define INTS(X)                                                                                \
    X(i8, int8_t, uint32_t, DT_INT8) X(i16, int16_t, uint32_t, DT_INT16)                       \
    X(i32, int32_t, uint32_t, DT_INT32) X(i64, int64_t, uint64_t, DT_INT64)                    \
    X(u8, uint8_t, uint32_t, DT_UINT8) X(u16, uint16_t, uint32_t, DT_UINT16)                   \
    X(u32, uint32_t, uint32_t, DT_UINT32) X(u64, uint64_t, uint64_t, DT_UINT64)
#define FLTS(X) X(f32, float, float, DT_FLOAT32) X(f64, double, double, DT_FLOAT64)
#define NUMS(X) INTS(X) FLTS(X)
#define SINTS(X)                                                                               \
    X(i8, int8_t, uint32_t, DT_INT8) X(i16, int16_t, uint32_t, DT_INT16)                       \
    X(i32, int32_t, uint32_t, DT_INT32) X(i64, int64_t, uint64_t, DT_INT64)
#define UINTS(X)                                                                               \
    X(u8, uint8_t, uint32_t, DT_UINT8) X(u16, uint16_t, uint32_t, DT_UINT16)                   \
    X(u32, uint32_t, uint32_t, DT_UINT32) X(u64, uint64_t, uint64_t, DT_UINT64)

/* A binary loop: x and y are the inputs of type TI, the result of type TO is EXPR. The three
 * contiguous cases (array-array, array-scalar, scalar-array) are written out for the
 * vectoriser. */
#define BIN_LOOP(NAME, TI, TO, EXPR)                                                           \
    VECTOR_CLONES static void NAME(char **p, const int64_t *s, int64_t n, void *ctx) {         \
        UCtx *c = ctx;                                                                         \
        (void)c;                                                                               \
        TO *o = (TO *)p[0];                                                                    \
        const TI *a = (const TI *)p[1], *b = (const TI *)p[2];                                 \
        if (s[0] == sizeof(TO) && s[1] == sizeof(TI) && s[2] == sizeof(TI)) {                  \
            for (int64_t i = 0; i < n; i++) {                                                  \
                TI x = a[i], y = b[i];                                                         \
                o[i] = (EXPR);                                                                 \
            }                                                                                  \
        } else if (s[0] == sizeof(TO) && s[1] == sizeof(TI) && s[2] == 0) {                    \
            const TI y = *b;                                                                   \
            for (int64_t i = 0; i < n; i++) {                                                  \
                TI x = a[i];                                                                   \
                o[i] = (EXPR);                                                                 \
            }                                                                                  \
        } else if (s[0] == sizeof(TO) && s[1] == 0 && s[2] == sizeof(TI)) {                    \
            const TI x = *a;                                                                   \
            for (int64_t i = 0; i < n; i++) {                                                  \
                TI y = b[i];                                                                   \
                o[i] = (EXPR);                                                                 \
            }                                                                                  \
        } else {                                                                               \
            char *po = p[0];                                                                   \
            const char *pa = p[1], *pb = p[2];                                                 \
            for (int64_t i = 0; i < n; i++, po += s[0], pa += s[1], pb += s[2]) {              \
                TI x = *(const TI *)pa, y = *(const TI *)pb;                                   \
                *(TO *)po = (EXPR);                                                            \
            }                                                                                  \
        }                                                                                      \
    }

/* Arithmetic common to every real type. */
#define ARITH(SUF, T, U, DT)                                                                   \
    BIN_LOOP(add_##SUF, T, T, (T)((U)x + (U)y))                                                \
    BIN_LOOP(sub_##SUF, T, T, (T)((U)x - (U)y))                                                \
    BIN_LOOP(mul_##SUF, T, T, (T)((U)x * (U)y))                                                \
    BIN_LOOP(eq_##SUF, T, uint8_t, x == y) BIN_LOOP(ne_##SUF, T, uint8_t, x != y)              \
    BIN_LOOP(lt_##SUF, T, uint8_t, x < y) BIN_LOOP(le_##SUF, T, uint8_t, x <= y)               \
    BIN_LOOP(gt_##SUF, T, uint8_t, x > y) BIN_LOOP(ge_##SUF, T, uint8_t, x >= y)               \
    BIN_LOOP(land_##SUF, T, uint8_t, x != 0 && y != 0)                                         \
    BIN_LOOP(lor_##SUF, T, uint8_t, x != 0 || y != 0)                                          \
    BIN_LOOP(lxor_##SUF, T, uint8_t, (x != 0) != (y != 0))
NUMS(ARITH)
BIN_LOOP(eq_b, uint8_t, uint8_t, x == y)
BIN_LOOP(ne_b, uint8_t, uint8_t, x != y)
BIN_LOOP(lt_b, uint8_t, uint8_t, x < y)
BIN_LOOP(le_b, uint8_t, uint8_t, x <= y)
BIN_LOOP(gt_b, uint8_t, uint8_t, x > y)
BIN_LOOP(ge_b, uint8_t, uint8_t, x >= y)
BIN_LOOP(or_b, uint8_t, uint8_t, x | y)
BIN_LOOP(and_b, uint8_t, uint8_t, x & y)
BIN_LOOP(xor_b, uint8_t, uint8_t, x ^ y)
BIN_LOOP(land_b, uint8_t, uint8_t, x & y)
BIN_LOOP(lor_b, uint8_t, uint8_t, x | y)
BIN_LOOP(lxor_b, uint8_t, uint8_t, x ^ y)

static inline double fmod_py(double a, double b) { return fmod(a, b); }

/* NumPy's npy_divmod: floor division and remainder with Python's sign rules. */
static inline double np_floordiv(double a, double b) {
    if (b == 0) return a / b;
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
    if (div != 0) {
        double fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
        return fl;
    }
    return copysign(0.0, a / b);
}

static inline double np_mod(double a, double b) {
    double mod = fmod(a, b);
    if (b == 0) return mod;
    if (mod != 0) {
        if ((b < 0) != (mod < 0)) mod += b;
    } else {
        mod = copysign(0.0, b);
    }
    return mod;
}

#define FLOATS(SUF, T, U, DT)                                                                  \
    BIN_LOOP(div_##SUF, T, T, x / y)                                                           \
    BIN_LOOP(floordiv_##SUF, T, T, (T)np_floordiv(x, y))                                       \
    BIN_LOOP(mod_##SUF, T, T, (T)np_mod(x, y))                                                 \
    BIN_LOOP(pow_##SUF, T, T, (T)pow(x, y))                                                    \
    BIN_LOOP(max_##SUF, T, T, (x >= y || x != x) ? x : y)                                      \
    BIN_LOOP(min_##SUF, T, T, (x <= y || x != x) ? x : y)                                      \
    BIN_LOOP(fmax_##SUF, T, T, (x >= y || y != y) ? x : y)                                     \
    BIN_LOOP(fmin_##SUF, T, T, (x <= y || y != y) ? x : y)                                     \
    BIN_LOOP(arctan2_##SUF, T, T, (T)atan2(x, y))                                              \
    BIN_LOOP(hypot_##SUF, T, T, (T)hypot(x, y))                                              \
    BIN_LOOP(copysign_##SUF, T, T, (T)copysign(x, y))
FLTS(FLOATS)

/* base ** e in wrapping arithmetic; e is taken as unsigned (negative exponents are refused
 * before the loop runs, and uint64 exponents may exceed INT64_MAX). */
static inline int64_t ipow(int64_t base, uint64_t e) {
    uint64_t r = 1, b = (uint64_t)base;
    while (e > 0) {
        if (e & 1) r *= b;
        b *= b;
        e >>= 1;
    }
    return (int64_t)r;
}

#define INTOPS(SUF, T, U, DT)                                                                  \
    BIN_LOOP(and_##SUF, T, T, x & y) BIN_LOOP(or_##SUF, T, T, x | y)                           \
    BIN_LOOP(xor_##SUF, T, T, x ^ y)                                                           \
    BIN_LOOP(lshift_##SUF, T, T, (T)((uint64_t)y >= 8 * sizeof(T) ? 0 : (U)x << y))            \
    BIN_LOOP(pow_##SUF, T, T, (T)ipow((int64_t)x, (uint64_t)y))                                \
    BIN_LOOP(max_##SUF, T, T, x >= y ? x : y) BIN_LOOP(min_##SUF, T, T, x <= y ? x : y)        \
    BIN_LOOP(fmax_##SUF, T, T, x >= y ? x : y) BIN_LOOP(fmin_##SUF, T, T, x <= y ? x : y)
INTS(INTOPS)

#define SINTOPS(SUF, T, U, DT)                                                                 \
    BIN_LOOP(floordiv_##SUF, T, T,                                                             \
             y == 0 ? (c->err = 1, (T)0)                                                       \
             : y == -1 ? (T)(0 - (U)x)                                                         \
                       : (T)(x / y - ((x % y != 0) && ((x < 0) != (y < 0)))))                  \
    BIN_LOOP(mod_##SUF, T, T,                                                                  \
             y == 0 ? (c->err = 1, (T)0)                                                       \
             : y == -1 ? (T)0                                                                  \
                       : (T)(x % y + (((x % y) != 0 && ((x % y < 0) != (y < 0))) ? y : 0)))   \
    BIN_LOOP(rshift_##SUF, T, T, (T)((uint64_t)y >= 8 * sizeof(T) ? (x < 0 ? -1 : 0) : x >> y))
SINTS(SINTOPS)

#define UINTOPS(SUF, T, U, DT)                                                                 \
    BIN_LOOP(floordiv_##SUF, T, T, y == 0 ? (c->err = 1, (T)0) : (T)(x / y))                   \
    BIN_LOOP(mod_##SUF, T, T, y == 0 ? (c->err = 1, (T)0) : (T)(x % y))                        \
    BIN_LOOP(rshift_##SUF, T, T, (T)((uint64_t)y >= 8 * sizeof(T) ? 0 : x >> y))
UINTS(UINTOPS)

/* float16 loops: NumPy computes in float32 (npy_half_to_float, the float operation,
 * npy_float_to_half), so x and y are floats here; hx and hy are the raw halves. */
#define h2f dt_h2f
static inline uint16_t f2h(float f) { return dt_half_from_double((double)f); }

#define HALF_LOOP(NAME, TO, EXPR)                                                              \
    static void NAME(char **p, const int64_t *s, int64_t n, void *ctx) {                       \
        (void)ctx;                                                                             \
        char *po = p[0];                                                                       \
        const char *pa = p[1], *pb = p[2];                                                     \
        for (int64_t i = 0; i < n; i++, po += s[0], pa += s[1], pb += s[2]) {                  \
            uint16_t hx = *(const uint16_t *)pa, hy = *(const uint16_t *)pb;                   \
            float x = h2f(hx), y = h2f(hy);                                                    \
            (void)hx, (void)hy, (void)x, (void)y;                                              \
            *(TO *)po = (EXPR);                                                                \
        }                                                                                      \
    }
#define HALF_F(NAME, EXPR) HALF_LOOP(NAME##_f16, uint16_t, f2h(EXPR))
#define HALF_B(NAME, EXPR) HALF_LOOP(NAME##_f16, uint8_t, (uint8_t)(EXPR))
HALF_F(add, x + y)
HALF_F(sub, x - y)
HALF_F(mul, x * y)
HALF_F(div, x / y)
HALF_F(floordiv, (float)np_floordiv(x, y))
HALF_F(mod, (float)np_mod(x, y))
HALF_F(pow, powf(x, y))
HALF_F(arctan2, atan2f(x, y))
HALF_F(hypot, hypotf(x, y))
HALF_LOOP(copysign_f16, uint16_t, (uint16_t)((hx & 0x7fffu) | (hy & 0x8000u)))
HALF_LOOP(max_f16, uint16_t, (x >= y || x != x) ? hx : hy)
HALF_LOOP(min_f16, uint16_t, (x <= y || x != x) ? hx : hy)
HALF_LOOP(fmax_f16, uint16_t, (x >= y || y != y) ? hx : hy)
HALF_LOOP(fmin_f16, uint16_t, (x <= y || y != y) ? hx : hy)
HALF_B(eq, x == y)
HALF_B(ne, x != y)
HALF_B(lt, x < y)
HALF_B(le, x <= y)
HALF_B(gt, x > y)
HALF_B(ge, x >= y)
HALF_B(land, x != 0 && y != 0)
HALF_B(lor, x != 0 || y != 0)
HALF_B(lxor, (x != 0) != (y != 0))

/* Complex loops go element by element through one function per precision: complex128 in
 * double, complex64 in float, as NumPy's loops compute. */
#define CDIV(SUF, CT, RT)                                                                      \
    static CT cdiv_##SUF(CT a, CT b) {                                                         \
        CT r;                                                                                  \
        RT ar = fabs(b.re), ai = fabs(b.im);                                                   \
        if (ar >= ai) {                                                                        \
            if (ar == 0 && ai == 0) {                                                          \
                r.re = a.re / ar;                                                              \
                r.im = a.im / ar;                                                              \
            } else {                                                                           \
                RT rat = b.im / b.re, scl = (RT)1.0 / (b.re + b.im * rat);                     \
                r.re = (a.re + a.im * rat) * scl;                                              \
                r.im = (a.im - a.re * rat) * scl;                                              \
            }                                                                                  \
        } else {                                                                               \
            RT rat = b.re / b.im, scl = (RT)1.0 / (b.im + b.re * rat);                         \
            r.re = (a.re * rat + a.im) * scl;                                                  \
            r.im = (a.im * rat - a.re) * scl;                                                  \
        }                                                                                      \
        return r;                                                                              \
    }
CDIV(c128, Complex, double)
CDIV(c64, Complex64, float)

static int ccmp(Complex a, Complex b) { /* lexicographic, as NumPy orders complex numbers */
    if (a.re < b.re) return -1;
    if (a.re > b.re) return 1;
    if (a.im < b.im) return -1;
    if (a.im > b.im) return 1;
    return 0;
}

typedef struct CCtx {
    UCtx u;
    int uf;
} CCtx;

/* NumPy's npy_cpow: exact small cases, repeated squaring for integer exponents below 100 in
 * magnitude (multiplying as cmul does), the C library's cpow otherwise. */
#define CPOW_NP(SUF, CT, RT, CZ, CPOWF)                                                        \
    static CT cmul_##SUF(CT a, CT b) {                                                         \
        CT r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};                         \
        return r;                                                                              \
    }                                                                                          \
    static CT cpow_np_##SUF(CT a, CT b) {                                                      \
        CT one = {1, 0}, r;                                                                    \
        if (b.re == 0 && b.im == 0) return one;                                                \
        if (a.re == 0 && a.im == 0) {                                                          \
            if (b.re > 0 && b.im == 0) return (CT){0, 0};                                      \
            return (CT){NAN, NAN};                                                             \
        }                                                                                      \
        if (b.im == 0 && fabs(b.re) < 100 && b.re == (RT)(int64_t)b.re) {                      \
            int64_t n = (int64_t)b.re;                                                         \
            if (n == 1) return a;                                                              \
            if (n == 2) return cmul_##SUF(a, a);                                               \
            if (n == 3) return cmul_##SUF(a, cmul_##SUF(a, a));                                \
            CT aa = one, p = a;                                                                \
            int64_t mask = 1, m = n < 0 ? -n : n;                                              \
            for (;;) {                                                                         \
                if (m & mask) aa = cmul_##SUF(aa, p);                                          \
                mask <<= 1;                                                                    \
                if (m < mask) break;                                                           \
                p = cmul_##SUF(p, p);                                                          \
            }                                                                                  \
            return n < 0 ? cdiv_##SUF(one, aa) : aa;                                           \
        }                                                                                      \
        CZ z = CPOWF(a.re + a.im * I, b.re + b.im * I);                                        \
        r.re = (RT)creal(z), r.im = (RT)cimag(z);                                              \
        return r;                                                                              \
    }
CPOW_NP(c128, Complex, double, double complex, cpow)
CPOW_NP(c64, Complex64, float, float complex, cpowf)

#define CPLX_LOOP(SUF, CT, RT, CZ)                                                             \
    static void complex_loop_##SUF(char **p, const int64_t *s, int64_t n, void *ctx) {         \
        const CCtx *c = ctx;                                                                   \
        for (int64_t i = 0; i < n; i++, p[0] += s[0], p[1] += s[1], p[2] += s[2]) {            \
            CT x = *(const CT *)p[1], y = *(const CT *)p[2], r = {0, 0};                       \
            Complex dx = {x.re, x.im}, dy = {y.re, y.im};                                      \
            int cmp = ccmp(dx, dy);                                                            \
            int nan = x.re != x.re || x.im != x.im || y.re != y.re || y.im != y.im;            \
            int b = -1;                                                                        \
            switch (c->uf) {                                                                   \
            case UF_ADD: r.re = x.re + y.re, r.im = x.im + y.im; break;                        \
            case UF_SUB: r.re = x.re - y.re, r.im = x.im - y.im; break;                        \
            case UF_MUL:                                                                       \
                r.re = x.re * y.re - x.im * y.im, r.im = x.re * y.im + x.im * y.re;            \
                break;                                                                         \
            case UF_DIV: r = cdiv_##SUF(x, y); break;                                          \
            case UF_POW: r = cpow_np_##SUF(x, y); break;                                       \
            case UF_EQ: b = x.re == y.re && x.im == y.im; break;                               \
            case UF_NE: b = !(x.re == y.re && x.im == y.im); break;                            \
            case UF_LT: b = !nan && cmp < 0; break;                                            \
            case UF_LE: b = !nan && cmp <= 0; break;                                           \
            case UF_GT: b = !nan && cmp > 0; break;                                            \
            case UF_GE: b = !nan && cmp >= 0; break;                                           \
            case UF_MAX: r = nan || cmp >= 0 ? x : y; break;                                   \
            case UF_MIN: r = nan || cmp <= 0 ? x : y; break;                                   \
            case UF_LAND: b = (x.re != 0 || x.im != 0) && (y.re != 0 || y.im != 0); break;     \
            case UF_LOR: b = (x.re != 0 || x.im != 0) || (y.re != 0 || y.im != 0); break;      \
            default: b = ((x.re != 0 || x.im != 0) != (y.re != 0 || y.im != 0)); break;        \
            }                                                                                  \
            if (b >= 0) *(uint8_t *)p[0] = (uint8_t)b;                                         \
            else *(CT *)p[0] = r;                                                              \
        }                                                                                      \
    }
CPLX_LOOP(c128, Complex, double, double complex)
CPLX_LOOP(c64, Complex64, float, float complex)

#define ROW_NUM(name)                                                                          \
    {NULL, name##_i8, name##_i16, name##_i32, name##_i64, name##_u8, name##_u16, name##_u32,   \
     name##_u64, name##_f32, name##_f64, NULL, name##_f16, NULL}
#define ROW_NUMB(name)                                                                         \
    {name##_b, name##_i8, name##_i16, name##_i32, name##_i64, name##_u8, name##_u16,          \
     name##_u32, name##_u64, name##_f32, name##_f64, NULL, name##_f16, NULL}
#define ROW_INT(name)                                                                          \
    {NULL, name##_i8, name##_i16, name##_i32, name##_i64, name##_u8, name##_u16, name##_u32,   \
     name##_u64, NULL, NULL, NULL}
#define ROW_INTB(name)                                                                         \
    {name##_b, name##_i8, name##_i16, name##_i32, name##_i64, name##_u8, name##_u16,          \
     name##_u32, name##_u64, NULL, NULL, NULL}
#define ROW_FLT(name)                                                                          \
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, name##_f32, name##_f64, NULL,         \
     name##_f16, NULL}

/* Loops by compute dtype; NULL: no loop (the type resolution below picks another dtype). */
static const ArrLoop LOOPS[UF__COUNT][DT__COUNT] = {
    [UF_ADD] = {or_b, add_i8, add_i16, add_i32, add_i64, add_u8, add_u16, add_u32, add_u64,
                add_f32, add_f64, NULL, add_f16, NULL},
    [UF_SUB] = ROW_NUM(sub),
    [UF_MUL] = {and_b, mul_i8, mul_i16, mul_i32, mul_i64, mul_u8, mul_u16, mul_u32, mul_u64,
                mul_f32, mul_f64, NULL, mul_f16, NULL},
    [UF_DIV] = ROW_FLT(div),
    [UF_FLOORDIV] = ROW_NUM(floordiv),
    [UF_MOD] = ROW_NUM(mod),
    [UF_POW] = ROW_NUM(pow),
    [UF_EQ] = ROW_NUMB(eq), [UF_NE] = ROW_NUMB(ne), [UF_LT] = ROW_NUMB(lt),
    [UF_LE] = ROW_NUMB(le), [UF_GT] = ROW_NUMB(gt), [UF_GE] = ROW_NUMB(ge),
    [UF_AND] = ROW_INTB(and), [UF_OR] = ROW_INTB(or), [UF_XOR] = ROW_INTB(xor),
    [UF_LSHIFT] = ROW_INT(lshift), [UF_RSHIFT] = ROW_INT(rshift),
    [UF_MAX] = {or_b, max_i8, max_i16, max_i32, max_i64, max_u8, max_u16, max_u32, max_u64,
                max_f32, max_f64, NULL, max_f16, NULL},
    [UF_MIN] = {and_b, min_i8, min_i16, min_i32, min_i64, min_u8, min_u16, min_u32, min_u64,
                min_f32, min_f64, NULL, min_f16, NULL},
    [UF_FMAX] = {or_b, fmax_i8, fmax_i16, fmax_i32, fmax_i64, fmax_u8, fmax_u16, fmax_u32,
                 fmax_u64, fmax_f32, fmax_f64, NULL, fmax_f16, NULL},
    [UF_FMIN] = {and_b, fmin_i8, fmin_i16, fmin_i32, fmin_i64, fmin_u8, fmin_u16, fmin_u32,
                 fmin_u64, fmin_f32, fmin_f64, NULL, fmin_f16, NULL},
    [UF_ARCTAN2] = ROW_FLT(arctan2),
    [UF_HYPOT] = ROW_FLT(hypot),
    [UF_COPYSIGN] = ROW_FLT(copysign),
    [UF_LAND] = ROW_NUMB(land), [UF_LOR] = ROW_NUMB(lor), [UF_LXOR] = ROW_NUMB(lxor),
};

/* ---------------------------------------------------------------- warnings */

void ufunc_warn(VM *vm, const char *what, const char *name) {
    SBuf b = SBUF_INIT;
    if (sb_printf(&b, "RuntimeWarning: %s encountered in %s\n", what, name) == 0)
        vm_write(vm, "stderr", b.s, b.len);
    sb_free(&b);
}

/* NumPy clears the invalid flag its SIMD comparisons raise for NaN: comparisons, extrema,
 * the logical ufuncs (and sign) never warn. */
static int quiet_uf(int uf) {
    return (uf >= UF_EQ && uf <= UF_GE) || (uf >= UF_MAX && uf <= UF_FMIN) || uf >= UF_LAND;
}

static void fp_warnings(VM *vm, const char *name) {
    int f = fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
    if (f & FE_DIVBYZERO) ufunc_warn(vm, "divide by zero", name);
    if (f & FE_OVERFLOW) ufunc_warn(vm, "overflow", name);
    if (f & FE_INVALID) ufunc_warn(vm, "invalid value", name);
}

/* ---------------------------------------------------------------- type resolution */

static int is_float_dt(int dt) { return arr_dtypes[dt].kind == 'f'; }
static int is_complex_dt(int dt) { return arr_dtypes[dt].kind == 'c'; }

/* The float dtype NumPy computes a math function of dtype dt in: the first of its e, f, d loops
 * dt casts to safely (complex dtypes keep their own loops). */
static int float_of(int dt) {
    if (is_complex_dt(dt)) return dt;
    if (dt_can_cast_safe(dt, DT_FLOAT16)) return DT_FLOAT16;
    return dt_can_cast_safe(dt, DT_FLOAT32) ? DT_FLOAT32 : DT_FLOAT64;
}
static int is_int_dt(int dt) { return arr_dtypes[dt].kind == 'i' || arr_dtypes[dt].kind == 'u'; }

static Value no_loop(VM *vm, int uf) {
    return vm_raise(vm, vm->E.TypeError,
                    "ufunc '%s' not supported for the input types, and the inputs could not be "
                    "safely coerced to any supported types according to the casting rule ''safe''",
                    UF_INFO[uf].name);
}

/* Chooses the dtype the loop computes in (*ct) and the output dtype (*ot) from the promoted
 * input dtype p. Returns -1 with TypeError raised when there is no loop. */
static int resolve(VM *vm, int uf, int p, int *ct, int *ot) {
    *ct = *ot = p;
    switch (uf) {
    case UF_SUB:
        if (p == DT_BOOL) {
            vm_raise(vm, vm->E.TypeError, "numpy boolean subtract, the `-` operator, is not "
                     "supported, use the bitwise_xor, the `^` operator, or the logical_xor "
                     "function instead.");
            return -1;
        }
        break;
    case UF_DIV: /* NumPy's true-division resolver: integers divide in float64 */
        if (!is_float_dt(p) && !is_complex_dt(p)) *ct = *ot = DT_FLOAT64;
        break;
    case UF_ARCTAN2:
    case UF_HYPOT:
    case UF_COPYSIGN:
        if (!is_float_dt(p) && !is_complex_dt(p)) *ct = *ot = float_of(p);
        break;
    case UF_FLOORDIV:
    case UF_MOD:
    case UF_POW:
    case UF_LSHIFT:
    case UF_RSHIFT:
        if (p == DT_BOOL) *ct = *ot = DT_INT8;
        break;
    case UF_EQ: case UF_NE: case UF_LT: case UF_LE: case UF_GT: case UF_GE:
    case UF_LAND: case UF_LOR: case UF_LXOR:
        *ot = DT_BOOL;
        break;
    default: break;
    }
    if (is_complex_dt(*ct)) {
        if (uf == UF_ADD || uf == UF_SUB || uf == UF_MUL || uf == UF_DIV || uf == UF_POW
            || (uf >= UF_EQ && uf <= UF_GE) || uf == UF_MAX || uf == UF_MIN || uf >= UF_LAND)
            return 0;
        no_loop(vm, uf);
        return -1;
    }
    if (!LOOPS[uf][*ct]) {
        no_loop(vm, uf);
        return -1;
    }
    return 0;
}

static int can_cast_same_kind(int from, int to) {
    static const char order[] = "buifc";
    return strchr(order, arr_dtypes[from].kind) <= strchr(order, arr_dtypes[to].kind);
}

/* ufuncs whose loop NumPy 1.24 finds by linear search over its loops rather than by
 * result_type (their "small unsigned" scalars may pick a signed loop). */
static int uses_linear_search(int uf) {
    return uf == UF_FLOORDIV || uf == UF_MOD || uf == UF_POW || uf == UF_AND || uf == UF_OR
           || uf == UF_XOR || uf == UF_LSHIFT || uf == UF_RSHIFT;
}

/* ---------------------------------------------------------------- buffered loops */

/* Inputs whose dtype is not the loop's, outputs of another dtype than the loop's, and where=
 * masks are handled chunk by chunk through small buffers, so no operand is ever copied whole:
 * `np.arange(n) * 1.0` casts n/CHUNK slices of int64 into one buffer. */
enum { CHUNK = 512 };

/* Converts n elements from a (byte stride as) to d (byte stride ds). */
typedef void (*CastFn)(char *d, int64_t ds, const char *a, int64_t as, int64_t n);

#define CV_b(TD, x) (TD)((x) != 0)
#define CV_n(TD, x) (TD)(x)
#define CAST_FN(SS, TS, SD, TD, CV)                                                            \
    static void cast_##SS##_##SD(char *d, int64_t ds, const char *a, int64_t as, int64_t n) {  \
        if (ds == sizeof(TD) && as == sizeof(TS)) {                                            \
            TD *o = (TD *)d;                                                                   \
            const TS *x = (const TS *)a;                                                       \
            for (int64_t i = 0; i < n; i++) o[i] = CV(TD, x[i]);                               \
            return;                                                                            \
        }                                                                                      \
        for (int64_t i = 0; i < n; i++, d += ds, a += as) *(TD *)d = CV(TD, *(const TS *)a);   \
    }
#define CAST_TO_C(SS, TS)                                                                      \
    static void cast_##SS##_c(char *d, int64_t ds, const char *a, int64_t as, int64_t n) {     \
        for (int64_t i = 0; i < n; i++, d += ds, a += as) {                                    \
            ((Complex *)d)->re = (double)*(const TS *)a;                                       \
            ((Complex *)d)->im = 0.0;                                                          \
        }                                                                                      \
    }
#define CAST_FROM(SS, TS)                                                                      \
    CAST_FN(SS, TS, b, uint8_t, CV_b) CAST_FN(SS, TS, i8, int8_t, CV_n)                        \
    CAST_FN(SS, TS, i16, int16_t, CV_n) CAST_FN(SS, TS, i32, int32_t, CV_n)                    \
    CAST_FN(SS, TS, i64, int64_t, CV_n) CAST_FN(SS, TS, u8, uint8_t, CV_n)                     \
    CAST_FN(SS, TS, u16, uint16_t, CV_n) CAST_FN(SS, TS, u32, uint32_t, CV_n)                  \
    CAST_FN(SS, TS, u64, uint64_t, CV_n) CAST_FN(SS, TS, f32, float, CV_n)                     \
    CAST_FN(SS, TS, f64, double, CV_n) CAST_TO_C(SS, TS)
#define REALS(X)                                                                               \
    X(b, uint8_t) X(i8, int8_t) X(i16, int16_t) X(i32, int32_t) X(i64, int64_t) X(u8, uint8_t) \
    X(u16, uint16_t) X(u32, uint32_t) X(u64, uint64_t) X(f32, float) X(f64, double)
REALS(CAST_FROM)

/* CASTS[from][to] for real from (DType order); complex never needs converting from here. */
#define CAST_ROW(SS, TS)                                                                       \
    {cast_##SS##_b, cast_##SS##_i8, cast_##SS##_i16, cast_##SS##_i32, cast_##SS##_i64,         \
     cast_##SS##_u8, cast_##SS##_u16, cast_##SS##_u32, cast_##SS##_u64, cast_##SS##_f32,       \
     cast_##SS##_f64, cast_##SS##_c},
static const CastFn CASTS[DT_COMPLEX128][DT__COUNT] = {REALS(CAST_ROW)};

/* Conversions the CASTS table lacks (from complex128, to or from float16 and complex64) go
 * element by element through dt_to_complex and dt_from_complex. */
typedef struct Conv {
    CastFn fn;
    int from, to, on; /* on: a conversion is needed */
} Conv;

static Conv cast_fn(int from, int to) {
    Conv c = {NULL, from, to, from != to};
    if (c.on && from < DT_COMPLEX128 && to <= DT_COMPLEX128) c.fn = CASTS[from][to];
    return c;
}

static void conv_run(const Conv *c, char *d, int64_t ds, const char *a, int64_t as, int64_t n) {
    if (c->fn) {
        c->fn(d, ds, a, as, n);
        return;
    }
    for (int64_t i = 0; i < n; i++, d += ds, a += as)
        dt_from_complex(c->to, d, dt_to_complex(c->from, a));
}

/* The loop as run_loop hands it to arr_iterate: operand 0 is the output, 1..nin the inputs,
 * then the mask when there is one. */
typedef struct Buffered {
    ArrLoop loop;
    void *ctx;
    int nin, masked;
    Conv in_cast[2];     /* off: the input is read in place */
    int64_t in_size;     /* itemsize of the loop's dtype */
    Conv out_cast;       /* off: the loop writes the output in place */
    int64_t out_size;    /* itemsize of the loop's output dtype */
    Complex in_buf[2][CHUNK], out_buf[CHUNK];
} Buffered;

/* Runs the loop over elements [i, i + m) of the chunk whose inputs are q/qs (already cast),
 * writing into the output at o (stride os). */
static void run_span(Buffered *b, char *o, int64_t os, char **q, const int64_t *qs, int64_t i,
                     int64_t m) {
    char *r[3];
    int64_t rs[3];
    r[0] = b->out_cast.on ? (char *)b->out_buf : o + i * os;
    rs[0] = b->out_cast.on ? b->out_size : os;
    for (int k = 1; k <= b->nin; k++) r[k] = q[k] + i * qs[k], rs[k] = qs[k];
    b->loop(r, rs, m, b->ctx);
    if (b->out_cast.on) conv_run(&b->out_cast, o + i * os, os, (char *)b->out_buf, b->out_size, m);
}

static void buffered_loop(char **p, const int64_t *s, int64_t n, void *ctx) {
    Buffered *b = ctx;
    char *q[4];
    int64_t qs[4];
    for (int64_t off = 0; off < n; off += CHUNK) {
        int64_t m = n - off < CHUNK ? n - off : CHUNK;
        for (int k = 1; k <= b->nin; k++) {
            q[k] = p[k] + off * s[k], qs[k] = s[k];
            if (!b->in_cast[k - 1].on) continue;
            /* a broadcast input (stride 0) is converted once */
            conv_run(&b->in_cast[k - 1], (char *)b->in_buf[k - 1], b->in_size, q[k], s[k],
                     s[k] ? m : 1);
            q[k] = (char *)b->in_buf[k - 1], qs[k] = s[k] ? b->in_size : 0;
        }
        char *o = p[0] + off * s[0];
        if (!b->masked) {
            run_span(b, o, s[0], q, qs, 0, m);
            continue;
        }
        /* where=: the loop runs over each run of True, as NumPy's masked loops do, so that
         * masked-out elements neither change the output nor raise warnings */
        const uint8_t *w = (const uint8_t *)p[b->nin + 1] + off * s[b->nin + 1];
        int64_t ws = s[b->nin + 1];
        for (int64_t i = 0; i < m;) {
            while (i < m && !w[i * ws]) i++;
            int64_t j = i;
            while (j < m && w[j * ws]) j++;
            if (j > i) run_span(b, o, s[0], q, qs, i, j - i);
            i = j;
        }
    }
}

/* Runs loop (computing in dtype ct, producing dtype ot) over the nin inputs broadcast to
 * dst's shape, into dst, where mask (a bool array, NULL: everywhere) is True. Inputs and
 * output are converted chunk by chunk when their dtypes differ from the loop's. */
static int run_loop(VM *vm, ArrObj *dst, int ot, int nin, ArrObj *const *ins, int ct,
                    const ArrObj *mask, ArrLoop loop, void *ctx) {
    Buffered *b = NULL;
    int need = mask || dst->dtype != ot;
    for (int k = 0; k < nin; k++) need |= ins[k]->dtype != ct;
    int64_t st[4][ARR_MAXDIM];
    char *data[4] = {dst->data};
    int64_t *strides[4] = {dst->strides, st[1], st[2], st[3]};
    for (int k = 0; k < nin; k++) {
        arr_bcast_strides(ins[k], dst->ndim, dst->shape, st[k + 1]);
        data[k + 1] = ins[k]->data;
    }
    if (mask) {
        arr_bcast_strides(mask, dst->ndim, dst->shape, st[nin + 1]);
        data[nin + 1] = mask->data;
    }
    if (need) {
        if (!(b = malloc(sizeof *b))) {
            vm_nomem(vm);
            return -1;
        }
        b->loop = loop, b->ctx = ctx, b->nin = nin, b->masked = mask != NULL;
        for (int k = 0; k < nin; k++) b->in_cast[k] = cast_fn(ins[k]->dtype, ct);
        b->in_size = arr_dtypes[ct].size;
        b->out_cast = cast_fn(ot, dst->dtype);
        b->out_size = arr_dtypes[ot].size;
    }
    int r = arr_iterate_mem(vm, 1 + nin + (mask != NULL), data, strides, dst->ndim, dst->shape,
                            b ? buffered_loop : loop, b ? (void *)b : ctx);
    free(b);
    return r;
}

/* The shape the operands ops[0..n) (inputs, then out and where= when given) broadcast to;
 * out must have that shape. -1 with NumPy's ValueError raised. */
static int result_shape(VM *vm, int n, ArrObj *const *ops, const ArrObj *out, int *ndim,
                        int64_t *shape) {
    if (arr_broadcast_shape(vm, n, ops, ndim, shape)) return -1;
    if (!out) return 0;
    int bad = out->ndim != *ndim;
    for (int d = 0; !bad && d < *ndim; d++) bad = out->shape[d] != shape[d];
    if (!bad) return 0;
    SBuf s1 = SBUF_INIT, s2 = SBUF_INIT;
    sb_putc(&s1, '(');
    for (int i = 0; i < out->ndim; i++)
        sb_printf(&s1, i ? ",%lld" : "%lld", (long long)out->shape[i]);
    sb_puts(&s1, out->ndim == 1 ? ",)" : ")");
    sb_putc(&s2, '(');
    for (int i = 0; i < *ndim; i++) sb_printf(&s2, i ? ",%lld" : "%lld", (long long)shape[i]);
    sb_puts(&s2, *ndim == 1 ? ",)" : ")");
    vm_raise(vm, vm->E.ValueError, "non-broadcastable output operand with shape %s doesn't "
             "match the broadcast shape %s", s1.s, s2.s);
    sb_free(&s1);
    sb_free(&s2);
    return -1;
}

/* ---------------------------------------------------------------- applying a ufunc */

/* The operand as an array (new reference); *scalar tells whether it counts by value. NULL
 * without an exception when v is not array-like (the operator declines). */
static ArrObj *operand(VM *vm, Value v, int *scalar) {
    ArrObj *a = arr_of(vm, v);
    if (a) {
        *scalar = a->ndim == 0;
        incref(v);
        return a;
    }
    if (dt_of_pyscalar(v) >= 0) {
        *scalar = 1;
        return arr_from_any(vm, v, -1);
    }
    if (IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE) || IS_KIND(v, K_RANGE)) {
        *scalar = 0;
        return arr_from_any(vm, v, -1);
    }
    return NULL;
}

static int overlaps(const ArrObj *a, const ArrObj *b) {
    const ArrObj *oa = a->base ? a->base : a, *ob = b->base ? b->base : b;
    if (oa != ob || a->size == 0 || b->size == 0) return 0;
    if (a->data == b->data && a->ndim == b->ndim
        && !memcmp(a->strides, b->strides, sizeof(int64_t) * (size_t)a->ndim))
        return 0; /* the same elements in the same order: safe elementwise */
    return 1;
}

static int check_negative_power(VM *vm, const ArrObj *b) {
    if (arr_dtypes[b->dtype].kind != 'i') return 0;
    ArrObj *t = arr_copy(vm, b, DT_INT64);
    if (!t) return -1;
    int neg = 0;
    for (int64_t i = 0; i < t->size; i++) neg |= ((const int64_t *)t->data)[i] < 0;
    decref(v_obj(t));
    if (neg) vm_raise(vm, vm->E.ValueError, "Integers to negative integer powers are not allowed.");
    return neg ? -1 : 0;
}

/* The loop dtype p of ufunc uf for operands a and b: NumPy's result_type, or its linear
 * search for the ufuncs that use one. -1: raised. */
static int loop_dtype(VM *vm, int uf, ArrObj *a, ArrObj *b, int sa, int sb) {
    ArrObj *ops[2] = {a, b};
    int scal[2] = {sa, sb};
    if (!uses_linear_search(uf)) return dt_result(vm, 2, ops, scal);
    static const int order[] = {DT_BOOL,    DT_INT8,    DT_UINT8,   DT_INT16,     DT_UINT16,
                                DT_INT32,   DT_UINT32,  DT_INT64,   DT_UINT64,    DT_FLOAT16,
                                DT_FLOAT32, DT_FLOAT64, DT_COMPLEX64, DT_COMPLEX128};
    int loops[DT__COUNT], n = 0;
    for (int i = 0; i < DT__COUNT; i++)
        if (LOOPS[uf][order[i]] || (is_complex_dt(order[i]) && uf == UF_POW))
            loops[n++] = order[i];
    int p = dt_linear_search(2, ops, scal, loops, n);
    if (p < 0) no_loop(vm, uf);
    return p;
}

static int check_out_cast(VM *vm, const char *name, int ot, const ArrObj *out) {
    if (!out || can_cast_same_kind(ot, out->dtype)) return 0;
    vm_raise(vm, NP(vm)->e_casting, "Cannot cast ufunc '%s' output from dtype('%s') to "
             "dtype('%s') with casting rule 'same_kind'", name, arr_dtypes[ot].name,
             arr_dtypes[out->dtype].name);
    return -1;
}

/* An input as the loop reads it: the array itself (a new reference), or a copy in dtype ct
 * when it overlaps out in a way elementwise writing would disturb, or when it is a scalar
 * (converting one element up front keeps `x * 2` on the unbuffered loop). */
static ArrObj *loop_input(VM *vm, ArrObj *a, const ArrObj *out, int ct) {
    if ((out && overlaps(out, a)) || (a->ndim == 0 && a->dtype != ct))
        return arr_copy(vm, a, ct);
    incref(v_obj(a));
    return a;
}

/* The result array: out (a new reference), or a new array of dtype ot laid out like the nin
 * inputs (order='K'; zeroed under where=, where NumPy leaves the masked-out elements unset). */
static ArrObj *loop_output(VM *vm, ArrObj *out, int ot, int ndim, const int64_t *shape,
                           const ArrObj *mask, int nin, ArrObj *const *ins) {
    if (out) {
        incref(v_obj(out));
        return out;
    }
    ArrObj *ops[3] = {ins[0], nin > 1 ? ins[1] : (ArrObj *)mask, (ArrObj *)mask};
    int perm[ARR_MAXDIM];
    arr_out_perm(nin + (mask != NULL), ops, ndim, shape, perm);
    return arr_new_perm(vm, ot, ndim, shape, perm, mask != NULL);
}

/* Runs ufunc uf on arrays a and b (already converted) into out (NULL: allocate) where mask
 * (NULL: everywhere) is True. */
static ArrObj *apply2(VM *vm, int uf, ArrObj *a, ArrObj *b, int sa, int sb, ArrObj *out,
                      const ArrObj *mask) {
    int p = loop_dtype(vm, uf, a, b, sa, sb), ct, ot, ndim;
    int64_t shape[ARR_MAXDIM];
    if (p < 0 || resolve(vm, uf, p, &ct, &ot)) return NULL;
    if (check_out_cast(vm, UF_INFO[uf].name, ot, out)) return NULL;
    ArrObj *ops[4] = {a, b, out, (ArrObj *)mask};
    if (mask && !out) ops[2] = ops[3];
    if (result_shape(vm, 2 + (out != NULL) + (mask != NULL), ops, out, &ndim, shape))
        return NULL;
    int64_t total = 1;
    for (int d = 0; d < ndim; d++) total *= shape[d];
    if (uf == UF_POW && is_int_dt(ct) && total > 0 && check_negative_power(vm, b)) return NULL;
    ArrObj *in[2] = {NULL, NULL}, *dst = NULL;
    if (!(in[0] = loop_input(vm, a, out, ct)) || !(in[1] = loop_input(vm, b, out, ct))
        || !(dst = loop_output(vm, out, ot, ndim, shape, mask, 2, in)))
        goto done;
    CCtx cc = {{0}, uf};
    feclearexcept(FE_ALL_EXCEPT);
    ArrLoop cl = ct == DT_COMPLEX64 ? complex_loop_c64 : complex_loop_c128;
    int r = is_complex_dt(ct) ? run_loop(vm, dst, ot, 2, in, ct, mask, cl, &cc)
                              : run_loop(vm, dst, ot, 2, in, ct, mask, LOOPS[uf][ct], &cc.u);
    if (r) {
        decref(v_obj(dst));
        dst = NULL;
        goto done;
    }
    if ((is_float_dt(ct) || is_complex_dt(ct)) && !quiet_uf(uf)) fp_warnings(vm, UF_INFO[uf].name);
    if (cc.u.err) ufunc_warn(vm, "divide by zero", UF_INFO[uf].name);
done:
    for (int k = 0; k < 2; k++)
        if (in[k]) decref(v_obj(in[k]));
    return dst;
}

static Value apply2_values(VM *vm, int uf, Value a, Value b, ArrObj *out, const ArrObj *mask) {
    int sa, sb;
    ArrObj *x = operand(vm, a, &sa);
    if (!x) return IS_ERR(vm->exc) || !IS_NULL(vm->exc) ? ERRV : v_null();
    ArrObj *y = operand(vm, b, &sb);
    if (!y) {
        decref(v_obj(x));
        return !IS_NULL(vm->exc) ? ERRV : v_null();
    }
    ArrObj *r = apply2(vm, uf, x, y, sa, sb, out, mask);
    decref(v_obj(x));
    decref(v_obj(y));
    if (!r) return ERRV;
    if (out) return v_obj(r);
    return arr_result(vm, r);
}

static int uf_of_op(int op) {
    for (int i = 0; i < UF__COUNT; i++)
        if (UF_INFO[i].op == op) return i;
    return -1;
}

Value ufunc_binary(VM *vm, int op, Value a, Value b, ArrObj *out) {
    int uf = uf_of_op(op);
    if (uf < 0) return v_null();
    return apply2_values(vm, uf, a, b, out, NULL);
}

static Value fast_power(VM *vm, Value a, Value b, int inplace);

Value ufunc_extreme(VM *vm, int want_max, Value a, Value b) {
    return apply2_values(vm, want_max ? UF_MAX : UF_MIN, a, b, NULL, NULL);
}

Value ufunc_binop_hook(VM *vm, int op, Value a, Value b) {
    if (op == OP_MOD && IS_KIND(a, K_STR)) { /* '%s' % scalar: format it as a 1-tuple */
        Value t = tuple_pack(vm, 1, b);
        if (IS_ERR(t)) return t;
        Value r = obj_binop(vm, OP_MOD, a, t);
        decref(t);
        return r;
    }
    if (op == OP_IN) {
        Value eq = ufunc_binary(vm, OP_EQ, a, b, NULL);
        if (IS_ERR(eq) || IS_NULL(eq)) return eq;
        ArrObj *e = arr_of(vm, eq);
        int any = 0;
        for (int64_t i = 0; e && i < e->size && !any; i++) any = ((uint8_t *)e->data)[i] != 0;
        decref(eq);
        return v_bool(any);
    }
    if (op == OP_MATMUL) return npf_matmul(vm, a, b);
    if (op == OP_MATMUL + 100 && arr_of(vm, a))
        return vm_raise(vm, vm->E.TypeError, "In-place matrix multiplication is not (yet) "
                        "supported. Use 'a = a @ b' instead of 'a @= b'.");
    if (op == OP_POW || op == OP_POW + 100) {
        Value r = fast_power(vm, a, b, op > 100);
        if (!IS_NULL(r)) return r;
    }
    if (op > 100) {
        ArrObj *self = arr_of(vm, a);
        if (!self || self->h.type != NP(vm)->t_ndarray) return v_null();
        return ufunc_binary(vm, op - 100, a, b, self);
    }
    Value r = ufunc_binary(vm, op, a, b, NULL);
    if (IS_ERR(r) && (op == OP_EQ || op == OP_NE)
        && AS(ExcObj, vm->exc)->cls == vm->E.ValueError) { /* shapes mismatch: not equal */
        decref(vm_take_exc(vm));
        return v_bool(op == OP_NE);
    }
    return r;
}

/* ---------------------------------------------------------------- unary ufuncs */

#define UNARY_UFUNCS(X)                                                                        \
    X(U_SQRT, "sqrt", sqrt) X(U_EXP, "exp", exp) X(U_LOG, "log", log)                          \
    X(U_LOG2, "log2", log2) X(U_LOG10, "log10", log10) X(U_LOG1P, "log1p", log1p)              \
    X(U_EXPM1, "expm1", expm1) X(U_EXP2, "exp2", exp2) X(U_SIN, "sin", sin)                    \
    X(U_COS, "cos", cos) X(U_TAN, "tan", tan) X(U_ASIN, "arcsin", asin)                        \
    X(U_ACOS, "arccos", acos) X(U_ATAN, "arctan", atan) X(U_SINH, "sinh", sinh)                \
    X(U_COSH, "cosh", cosh) X(U_TANH, "tanh", tanh) X(U_ASINH, "arcsinh", asinh)               \
    X(U_ACOSH, "arccosh", acosh) X(U_ATANH, "arctanh", atanh) X(U_FLOOR, "floor", floor)       \
    X(U_CEIL, "ceil", ceil) X(U_TRUNC, "trunc", trunc) X(U_RINT, "rint", rint)                 \
    X(U_CBRT, "cbrt", cbrt) X(U_DEG, "degrees", deg_of) X(U_RAD, "radians", rad_of)

static inline double deg_of(double x) { return x * (180.0 / M_PI); }
static inline double rad_of(double x) { return x * (M_PI / 180.0); }

#define U_ENUM(e, name, fn) e,
enum { UNARY_UFUNCS(U_ENUM) U__COUNT };
#undef U_ENUM

#define UN_LOOP(NAME, TI, TO, EXPR)                                                            \
    VECTOR_CLONES static void NAME(char **p, const int64_t *s, int64_t n, void *ctx) {         \
        (void)ctx;                                                                             \
        if (s[0] == sizeof(TO) && s[1] == sizeof(TI)) {                                        \
            TO *o = (TO *)p[0];                                                                \
            const TI *a = (const TI *)p[1];                                                    \
            for (int64_t i = 0; i < n; i++) {                                                  \
                TI x = a[i];                                                                   \
                o[i] = (EXPR);                                                                 \
            }                                                                                  \
        } else {                                                                               \
            char *po = p[0];                                                                   \
            const char *pa = p[1];                                                             \
            for (int64_t i = 0; i < n; i++, po += s[0], pa += s[1]) {                          \
                TI x = *(const TI *)pa;                                                        \
                *(TO *)po = (EXPR);                                                            \
            }                                                                                  \
        }                                                                                      \
    }

#define U_FNS(e, name, fn)                                                                     \
    UN_LOOP(un_##fn##_f64, double, double, fn(x))                                              \
    UN_LOOP(un_##fn##_f32, float, float, (float)fn(x))                                         \
    UN_LOOP(un_##fn##_f16, uint16_t, uint16_t, f2h((float)fn(h2f(x))))
UNARY_UFUNCS(U_FNS)

static const struct {
    const char *name;
    ArrLoop f32, f64, f16;
} UN_INFO[U__COUNT] = {
#define U_ROW(e, name, fn) {name, un_##fn##_f32, un_##fn##_f64, un_##fn##_f16},
    UNARY_UFUNCS(U_ROW)
#undef U_ROW
};

/* Unary ops on every real type; abs and sign differ for unsigned types. */
#define UN_NUM(SUF, T, U, DT)                                                                  \
    UN_LOOP(neg_##SUF, T, T, NEG_##SUF(x))                                                     \
    UN_LOOP(sq_##SUF, T, T, (T)((U)x * (U)x))                                                  \
    UN_LOOP(isnan_##SUF, T, uint8_t, x != x)                                                   \
    UN_LOOP(isinf_##SUF, T, uint8_t, x - x != x - x && x == x)                                 \
    UN_LOOP(isfinite_##SUF, T, uint8_t, x - x == x - x)                                        \
    UN_LOOP(lnot_##SUF, T, uint8_t, x == 0)
#define NEG_i8(x) (int8_t)(0 - (uint32_t)(x))
#define NEG_i16(x) (int16_t)(0 - (uint32_t)(x))
#define NEG_i32(x) (int32_t)(0 - (uint32_t)(x))
#define NEG_i64(x) (int64_t)(0 - (uint64_t)(x))
#define NEG_u8(x) (uint8_t)(0 - (uint32_t)(x))
#define NEG_u16(x) (uint16_t)(0 - (uint32_t)(x))
#define NEG_u32(x) (uint32_t)(0 - (uint32_t)(x))
#define NEG_u64(x) (uint64_t)(0 - (uint64_t)(x))
#define NEG_f32(x) (-(x))
#define NEG_f64(x) (-(x))
NUMS(UN_NUM)
#define UN_SIGNED(SUF, T, U, DT)                                                               \
    UN_LOOP(abs_##SUF, T, T, (T)(x < 0 ? 0 - (U)x : (U)x))                                     \
    UN_LOOP(sign_##SUF, T, T, (T)(x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x))
SINTS(UN_SIGNED)
#define UN_FSIGNED(SUF, T, U, DT)                                                              \
    UN_LOOP(abs_##SUF, T, T, (T)fabs(x)) /* fabs: abs(-0.0) is 0.0 */                          \
    UN_LOOP(sign_##SUF, T, T, (T)(x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : x))
FLTS(UN_FSIGNED)
#define UN_UNSIGNED(SUF, T, U, DT)                                                             \
    UN_LOOP(abs_##SUF, T, T, x) UN_LOOP(sign_##SUF, T, T, (T)(x > 0))
UINTS(UN_UNSIGNED)
UN_LOOP(lnot_b, uint8_t, uint8_t, x == 0)
UN_LOOP(id_b, uint8_t, uint8_t, x)
UN_LOOP(isnan_b, uint8_t, uint8_t, 0 * x)
UN_LOOP(isfinite_b, uint8_t, uint8_t, 1 + 0 * x)
#define UN_INV(SUF, T, U, DT) UN_LOOP(inv_##SUF, T, T, (T)~x)
INTS(UN_INV)
/* float16: the sign bit directly, as NumPy's half loops; the rest through float */
UN_LOOP(neg_f16, uint16_t, uint16_t, (uint16_t)(x ^ 0x8000u))
UN_LOOP(abs_f16, uint16_t, uint16_t, (uint16_t)(x & 0x7fffu))
UN_LOOP(sq_f16, uint16_t, uint16_t, f2h(h2f(x) * h2f(x)))
UN_LOOP(sign_f16, uint16_t, uint16_t,
        (x & 0x7fffu) > 0x7c00u ? x : (x & 0x7fffu) == 0 ? 0 : (x & 0x8000u) ? 0xbc00u : 0x3c00u)
UN_LOOP(isnan_f16, uint16_t, uint8_t, (x & 0x7fffu) > 0x7c00u)
UN_LOOP(isinf_f16, uint16_t, uint8_t, (x & 0x7fffu) == 0x7c00u)
UN_LOOP(isfinite_f16, uint16_t, uint8_t, (x & 0x7c00u) != 0x7c00u)
UN_LOOP(lnot_f16, uint16_t, uint8_t, (x & 0x7fffu) == 0)

/* conjugate of a real type is the identity; reciprocal is NumPy's 1.0 / x stored in the type
 * (for integers: 0 except for 1 and -1, and 1 / 0 is the value x86 converts inf to, INT_MIN for
 * 32 and 64 bits, truncated to 0 in the narrower types); signbit is x < 0 for integers. */
#define UN_ID(SUF, T, U, DT) UN_LOOP(id_##SUF, T, T, x)
NUMS(UN_ID)
UN_LOOP(id_f16, uint16_t, uint16_t, x)
#define RECIP_INT(SUF, T, Z) UN_LOOP(recip_##SUF, T, T, x == 0 ? (T)(Z) : (T)(1.0 / x))
RECIP_INT(i8, int8_t, 0)
RECIP_INT(i16, int16_t, 0)
RECIP_INT(i32, int32_t, INT32_MIN)
RECIP_INT(i64, int64_t, INT64_MIN)
RECIP_INT(u8, uint8_t, 0)
RECIP_INT(u16, uint16_t, 0)
RECIP_INT(u32, uint32_t, 0)
RECIP_INT(u64, uint64_t, 0)
UN_LOOP(recip_f32, float, float, 1.0f / x)
UN_LOOP(recip_f64, double, double, 1.0 / x)
UN_LOOP(recip_f16, uint16_t, uint16_t, f2h(1.0f / h2f(x)))
#define SIGNBIT_S(SUF, T, U, DT) UN_LOOP(signbit_##SUF, T, uint8_t, x < 0)
SINTS(SIGNBIT_S)
#define SIGNBIT_U(SUF, T, U, DT) UN_LOOP(signbit_##SUF, T, uint8_t, (uint8_t)(0 * x))
UINTS(SIGNBIT_U)
UN_LOOP(signbit_f32, float, uint8_t, signbit(x) != 0)
UN_LOOP(signbit_f64, double, uint8_t, signbit(x) != 0)
UN_LOOP(signbit_f16, uint16_t, uint8_t, (x & 0x8000u) != 0)

/* Real-valued loops by name: neg abs square sign isnan isinf isfinite logical_not invert. */
enum {
    R_NEG, R_ABS, R_SQ, R_SIGN, R_ISNAN, R_ISINF, R_ISFINITE, R_LNOT, R_INV, R_CONJ, R_RECIP,
    R_SIGNBIT, R__COUNT
};
static const char *const R_NAMES[R__COUNT] = {
    "negative", "absolute", "square", "sign", "isnan", "isinf", "isfinite", "logical_not",
    "invert", "conjugate", "reciprocal", "signbit"};
static const ArrLoop RLOOPS[R__COUNT][DT__COUNT] = {
    [R_NEG] = ROW_NUM(neg),
    [R_ABS] = {id_b, abs_i8, abs_i16, abs_i32, abs_i64, abs_u8, abs_u16, abs_u32, abs_u64,
               abs_f32, abs_f64, NULL, abs_f16, NULL},
    [R_SQ] = ROW_NUM(sq),
    [R_SIGN] = ROW_NUM(sign),
    [R_ISNAN] = ROW_NUMB(isnan),
    [R_ISINF] = {isnan_b, isinf_i8, isinf_i16, isinf_i32, isinf_i64, isinf_u8, isinf_u16,
                 isinf_u32, isinf_u64, isinf_f32, isinf_f64, NULL, isinf_f16, NULL},
    [R_ISFINITE] = ROW_NUMB(isfinite),
    [R_LNOT] = ROW_NUMB(lnot),
    [R_INV] = {lnot_b, inv_i8, inv_i16, inv_i32, inv_i64, inv_u8, inv_u16, inv_u32, inv_u64,
               NULL, NULL, NULL},
    [R_CONJ] = ROW_NUM(id), /* bool computes in int8, as NumPy has no bool loop */
    [R_RECIP] = ROW_NUM(recip),
    [R_SIGNBIT] = {isnan_b, signbit_i8, signbit_i16, signbit_i32, signbit_i64, signbit_u8,
                   signbit_u16, signbit_u32, signbit_u64, signbit_f32, signbit_f64, NULL,
                   signbit_f16, NULL},
};

/* 1 for the real-valued ufuncs whose result is bool. */
static int bool_result(int which) {
    return (which >= R_ISNAN && which <= R_LNOT) || which == R_SIGNBIT;
}

/* Runs a one-input loop (computing in dtype ct, producing dtype ot) over a into out (NULL: a
 * new array) where mask (NULL: everywhere) is True. */
static ArrObj *apply1(VM *vm, ArrObj *a, int ct, int ot, ArrLoop loop, void *ctx,
                      const char *name, ArrObj *out, const ArrObj *mask) {
    int ndim;
    int64_t shape[ARR_MAXDIM];
    if (check_out_cast(vm, name, ot, out)) return NULL;
    ArrObj *ops[3] = {a, out, (ArrObj *)mask};
    if (mask && !out) ops[1] = ops[2];
    if (result_shape(vm, 1 + (out != NULL) + (mask != NULL), ops, out, &ndim, shape))
        return NULL;
    ArrObj *in = loop_input(vm, a, out, ct), *dst = NULL;
    if (!in || !(dst = loop_output(vm, out, ot, ndim, shape, mask, 1, &in))) goto done;
    feclearexcept(FE_ALL_EXCEPT);
    if (run_loop(vm, dst, ot, 1, &in, ct, mask, loop, ctx)) {
        decref(v_obj(dst));
        dst = NULL;
        goto done;
    }
    if ((is_float_dt(ct) && strcmp(name, "sign")) || !strcmp(name, "reciprocal")) fp_warnings(vm, name);
done:
    if (in) decref(v_obj(in));
    return dst;
}

/* Complex math, element by element, in the precision of the dtype (csqrtf... for complex64,
 * as NumPy calls the C library's). */
typedef struct CUn {
    int which; /* U_* or -1 - R_*, or C_RECIP */
} CUn;
enum { C_RECIP = -100 };

#define CPLX_UN(SUF, CT, RT, CZ, F)                                                            \
    static void complex_un_##SUF(char **p, const int64_t *s, int64_t n, void *ctx) {           \
        const CUn *c = ctx;                                                                    \
        for (int64_t i = 0; i < n; i++, p[0] += s[0], p[1] += s[1]) {                          \
            CT x = *(const CT *)p[1];                                                          \
            CZ z = x.re + x.im * I, r = 0;                                                     \
            switch (c->which) {                                                                \
            case U_SQRT: r = csqrt##F(z); break;                                               \
            case U_EXP: r = cexp##F(z); break;                                                 \
            case U_LOG: r = clog##F(z); break;                                                 \
            case U_SIN: r = csin##F(z); break;                                                 \
            case U_COS: r = ccos##F(z); break;                                                 \
            case -1 - R_NEG: r = -z; break;                                                    \
            case -1 - R_SQ:                                                                    \
                r = (x.re * x.re - x.im * x.im) + (x.re * x.im + x.im * x.re) * I;             \
                break;                                                                         \
            case -1 - R_ABS: *(RT *)p[0] = hypot##F(x.re, x.im); continue;                     \
            case -1 - R_ISNAN: *(uint8_t *)p[0] = x.re != x.re || x.im != x.im; continue;      \
            case -1 - R_ISINF: *(uint8_t *)p[0] = isinf(x.re) || isinf(x.im); continue;        \
            case -1 - R_ISFINITE:                                                              \
                *(uint8_t *)p[0] = isfinite(x.re) && isfinite(x.im);                           \
                continue;                                                                      \
            case -1 - R_LNOT: *(uint8_t *)p[0] = x.re == 0 && x.im == 0; continue;             \
            case -1 - R_CONJ: ((CT *)p[0])->re = x.re, ((CT *)p[0])->im = -x.im; continue;     \
            case C_RECIP: { /* NumPy's reciprocal: Smith's division of 1 by x */              \
                RT q, d;                                                                       \
                if (fabs##F(x.im) <= fabs##F(x.re)) {                                          \
                    q = x.im / x.re, d = x.re + x.im * q;                                      \
                    ((CT *)p[0])->re = 1 / d, ((CT *)p[0])->im = -q / d;                       \
                } else {                                                                       \
                    q = x.re / x.im, d = x.re * q + x.im;                                      \
                    ((CT *)p[0])->re = q / d, ((CT *)p[0])->im = -1 / d;                       \
                }                                                                              \
                continue;                                                                      \
            }                                                                                  \
            default: r = z; break;                                                             \
            }                                                                                  \
            ((CT *)p[0])->re = (RT)creal(r);                                                   \
            ((CT *)p[0])->im = (RT)cimag(r);                                                   \
        }                                                                                      \
    }
CPLX_UN(c128, Complex, double, double complex, )
CPLX_UN(c64, Complex64, float, float complex, f)

static ArrLoop complex_un(int dt) { return dt == DT_COMPLEX64 ? complex_un_c64 : complex_un_c128; }

static ArrLoop math_loop(int u, int ft) {
    return ft == DT_FLOAT16 ? UN_INFO[u].f16 : ft == DT_FLOAT32 ? UN_INFO[u].f32 : UN_INFO[u].f64;
}

static Value apply_math(VM *vm, int u, Value v, ArrObj *out, const ArrObj *mask) {
    ArrObj *a = arr_from_any(vm, v, -1);
    if (!a) return ERRV;
    ArrObj *r;
    CUn c = {u};
    if (is_complex_dt(a->dtype) && u != U_SQRT && u != U_EXP && u != U_LOG && u != U_SIN
        && u != U_COS) {
        decref(v_obj(a));
        return vm_raise(vm, vm->E.TypeError, "ufunc '%s' not supported for complex input",
                        UN_INFO[u].name);
    }
    if (is_complex_dt(a->dtype)) {
        r = apply1(vm, a, a->dtype, a->dtype, complex_un(a->dtype), &c, UN_INFO[u].name, out,
                   mask);
    } else {
        int ft = float_of(a->dtype);
        r = apply1(vm, a, ft, ft, math_loop(u, ft), NULL, UN_INFO[u].name, out, mask);
    }
    decref(v_obj(a));
    if (!r) return ERRV;
    return out ? v_obj(r) : arr_result(vm, r);
}

/* The TypeError for a real-valued ufunc with no loop for dtype dt, or NULL when there is one. */
static const char *real_no_loop(int which, int dt) {
    if (is_complex_dt(dt) && which == R_SIGN)
        return "ufunc 'add' not supported for the input types, and the inputs could not be "
               "safely coerced to any supported types according to the casting rule ''safe''";
    if (dt == DT_BOOL && which == R_NEG)
        return "The numpy boolean negative, the `-` operator, is not supported, use the `~` "
               "operator or the logical_not function instead.";
    if (which == R_INV && (is_float_dt(dt) || is_complex_dt(dt)))
        return "ufunc 'invert' not supported for the input types, and the inputs could not be "
               "safely coerced to any supported types according to the casting rule ''safe''";
    if (which == R_SIGNBIT && is_complex_dt(dt))
        return "ufunc 'signbit' not supported for the input types, and the inputs could not be "
               "safely coerced to any supported types according to the casting rule ''safe''";
    return NULL;
}

static Value apply_real(VM *vm, int which, Value v, ArrObj *out, const ArrObj *mask) {
    ArrObj *a = arr_from_any(vm, v, -1);
    if (!a) return ERRV;
    int dt = a->dtype, ct = dt, ot = dt;
    ArrObj *r = NULL;
    const char *err = real_no_loop(which, dt);
    if (bool_result(which)) ot = DT_BOOL;
    if (err) {
        vm_raise(vm, vm->E.TypeError, "%s", err);
    } else if (dt == DT_BOOL && which == R_SIGN) {
        vm_raise(vm, NP(vm)->e_noloop, "ufunc 'sign' did not contain a loop with signature "
                 "matching types <class 'numpy.dtype[bool_]'> -> None");
    } else if (is_complex_dt(dt)) {
        CUn c = {which == R_RECIP ? C_RECIP : -1 - which};
        if (which == R_ABS) ot = dt == DT_COMPLEX64 ? DT_FLOAT32 : DT_FLOAT64;
        r = apply1(vm, a, ct, ot, complex_un(dt), &c, R_NAMES[which], out, mask);
    } else {
        if (dt == DT_BOOL && (which == R_SQ || which == R_CONJ || which == R_RECIP))
            ct = ot = DT_INT8;
        r = apply1(vm, a, ct, ot, RLOOPS[which][ct], NULL, R_NAMES[which], out, mask);
    }
    decref(v_obj(a));
    if (!r) return ERRV;
    return out ? v_obj(r) : arr_result(vm, r);
}

/* NumPy's fast_scalar_power: ndarray ** 0.5 is sqrt, and ** 2 is square (so a bool array
 * squared is int8, and an integer array to the float power 2.0 is a float64 array). T_NULL:
 * no fast path applies. */
static Value fast_power(VM *vm, Value a, Value b, int inplace) {
    ArrObj *x = arr_of(vm, a), *e = arr_of(vm, b);
    if (!x || x->h.type != NP(vm)->t_ndarray) return v_null();
    double ex;
    int float_kind;
    if (e && e->ndim == 0 && !is_complex_dt(e->dtype)) {
        ex = dt_to_double(e->dtype, e->data);
        float_kind = arr_dtypes[e->dtype].kind == 'f';
    } else if (b.tag == T_INT || b.tag == T_FLOAT || b.tag == T_BOOL) {
        ex = b.tag == T_FLOAT ? b.u.f : (double)b.u.i;
        float_kind = b.tag == T_FLOAT;
    } else {
        return v_null();
    }
    char k = arr_dtypes[x->dtype].kind;
    ArrObj *out = inplace ? x : NULL;
    if (k == 'f' || k == 'c') { /* ** 0.5 is sqrt, ** 2 square, ** -1 reciprocal (1 / x) */
        Value r = v_null();
        if (ex == 0.5) r = apply_math(vm, U_SQRT, a, out, NULL);
        else if (ex == 2.0) r = apply_real(vm, R_SQ, a, out, NULL);
        else if (ex == -1.0 && k == 'f') r = apply2_values(vm, UF_DIV, v_float(1.0), a, out, NULL);
        else if (ex == -1.0) {
            CUn c = {C_RECIP};
            ArrObj *d = apply1(vm, x, x->dtype, x->dtype, complex_un(x->dtype), &c, "reciprocal",
                               out, NULL);
            r = !d ? ERRV : out ? v_obj(d) : arr_result(vm, d);
        }
        return inplace && !IS_ERR(r) && !IS_NULL(r) ? (decref(r), vref(a)) : r;
    }
    if (ex != 2.0) return v_null();
    if (inplace) {
        Value r = apply_real(vm, R_SQ, a, x, NULL);
        return IS_ERR(r) ? r : (decref(r), vref(a));
    }
    if (!float_kind || k == 'b') return apply_real(vm, R_SQ, a, NULL, NULL); /* bool: int8 */
    ArrObj *f = arr_copy_order(vm, x, DT_FLOAT64, 'K');
    if (!f) return ERRV;
    int perm[ARR_MAXDIM];
    arr_like_perm(f, 'K', perm);
    ArrObj *dst = arr_new_perm(vm, DT_FLOAT64, f->ndim, f->shape, perm, 0);
    Value r = dst ? apply_real(vm, R_SQ, v_obj(f), dst, NULL) : ERRV;
    decref(v_obj(f));
    if (dst) decref(v_obj(dst));
    return r; /* an array even when 0-d, as NumPy returns it */
}

/* ---------------------------------------------------------------- conversion hooks */

static Value to_python(VM *vm, ArrObj *a, const char *what) {
    if (a->size != 1)
        return vm_raise(vm, vm->E.TypeError, "only size-1 arrays can be converted to Python scalars");
    (void)what;
    return dt_get(vm, a->dtype, a->data);
}

Value ufunc_unop_hook(VM *vm, int op, Value v) {
    ArrObj *a = AS(ArrObj, v);
    int scalar = a->h.type != NP(vm)->t_ndarray;
    switch (op) {
    case OP_NEG: return apply_real(vm, R_NEG, v, NULL, NULL);
    case OP_POS: return arr_result(vm, arr_copy_order(vm, a, -1, 'K'));
    case OP_INVERT: return apply_real(vm, R_INV, v, NULL, NULL);
    case 1004: return apply_real(vm, R_ABS, v, NULL, NULL);
    case 1000: {
        Value x = to_python(vm, a, "float");
        if (IS_ERR(x)) return x;
        if (IS_KIND(x, K_COMPLEX)) {
            double re = AS(ComplexObj, x)->re;
            decref(x);
            return v_float(re);
        }
        if (x.tag == T_FLOAT) return x;
        double d = 0;
        int rc = obj_to_double(vm, x, &d);
        decref(x);
        return rc ? ERRV : v_float(d);
    }
    case 1001:
        if (a->ndim != 0 || !(is_int_dt(a->dtype) || a->dtype == DT_BOOL))
            return vm_raise(vm, vm->E.TypeError,
                            "only integer scalar arrays can be converted to a scalar index");
        if (a->dtype == DT_BOOL && scalar) return v_null();
        return v_int(dt_to_int64(a->dtype, a->data));
    case 1002: {
        if (!scalar) return vm_raise(vm, vm->E.TypeError, "unhashable type: 'numpy.ndarray'");
        Value x = dt_get(vm, a->dtype, a->data);
        if (IS_ERR(x)) return x;
        int64_t h;
        int rc = obj_hash(vm, x, &h);
        decref(x);
        return rc ? ERRV : v_int(h);
    }
    case 1005: {
        Value x = to_python(vm, a, "int");
        if (IS_ERR(x) || x.tag != T_FLOAT) return x;
        return int_from_double(vm, trunc(x.u.f));
    }
    case 1006:
        if (!scalar) return v_null();
        return dt_get(vm, a->dtype, a->data);
    default: return v_null();
    }
}

/* ---------------------------------------------------------------- module functions */

static ArrObj *out_arg(VM *vm, Value v) {
    if (IS_NULL(v) || v.tag == T_NONE) return NULL;
    if (IS_KIND(v, K_TUPLE) && AS(ListObj, v)->len == 1) v = AS(ListObj, v)->items[0];
    ArrObj *a = arr_of(vm, v);
    if (!a || a->h.type != NP(vm)->t_ndarray) {
        vm_raise(vm, vm->E.TypeError, "return arrays must be of ArrayType");
        return NULL;
    }
    return a;
}

/* The where= argument as a bool array (a new reference; NULL with nothing raised when absent
 * or True). Arrays must cast safely to bool, as NumPy requires; a mask sharing memory with out
 * is copied first. */
static int mask_arg(VM *vm, Value v, const ArrObj *out, ArrObj **mask) {
    *mask = NULL;
    if (IS_NULL(v) || v.tag == T_NONE || (v.tag == T_BOOL && v.u.i)) return 0;
    ArrObj *m = arr_from_any(vm, v, -1);
    if (!m) return -1;
    if (m->dtype != DT_BOOL && !(dt_of_pyscalar(v) >= 0)) {
        vm_raise(vm, vm->E.TypeError, "Cannot cast %s data from dtype('%s') to dtype('bool') "
                 "according to the rule 'safe'", m->ndim ? "array" : "scalar",
                 arr_dtypes[m->dtype].name);
        decref(v_obj(m));
        return -1;
    }
    if (m->dtype != DT_BOOL || (out && overlaps(out, m))) {
        ArrObj *c = arr_copy(vm, m, DT_BOOL);
        decref(v_obj(m));
        if (!(m = c)) return -1;
    }
    *mask = m;
    return 0;
}

/* The out= and where= arguments. -1: raised. */
static int out_where(VM *vm, Value outv, Value wherev, ArrObj **out, ArrObj **mask) {
    *mask = NULL;
    *out = out_arg(vm, outv);
    if (!*out && !IS_NULL(outv) && outv.tag != T_NONE) return -1;
    return mask_arg(vm, wherev, *out, mask);
}

static Value done_masked(VM *vm, ArrObj *mask, Value r) {
    if (mask) decref(v_obj(mask));
    return r;
}

/* A binary ufunc called as np.add(a, b, out=None, where=True). */
static Value call_bin(VM *vm, int uf, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    ArrObj *out, *mask;
    if (arg_parse(vm, UF_INFO[uf].name, "x1,x2|out,where", argc, argv, kw, a)
        || out_where(vm, a[2], a[3], &out, &mask))
        return ERRV;
    Value r = apply2_values(vm, uf, a[0], a[1], out, mask);
    if (IS_NULL(r))
        r = vm_raise(vm, vm->E.TypeError, "ufunc '%s' did not contain a loop with signature "
                     "matching types", UF_INFO[uf].name);
    return done_masked(vm, mask, r);
}

static Value call_un(VM *vm, int u, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    ArrObj *out, *mask;
    if (arg_parse(vm, UN_INFO[u].name, "x|out,where", argc, argv, kw, a)
        || out_where(vm, a[1], a[2], &out, &mask))
        return ERRV;
    return done_masked(vm, mask, apply_math(vm, u, a[0], out, mask));
}

static Value call_real(VM *vm, int which, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    ArrObj *out, *mask;
    if (arg_parse(vm, R_NAMES[which], "x|out,where", argc, argv, kw, a)
        || out_where(vm, a[1], a[2], &out, &mask))
        return ERRV;
    return done_masked(vm, mask, apply_real(vm, which, a[0], out, mask));
}

#define BIN_FN(e, name, op)                                                                    \
    static Value f_##e(VM *vm, int argc, const Value *argv, const KwArgs *kw) {                \
        return call_bin(vm, e, argc, argv, kw);                                                \
    }
BIN_UFUNCS(BIN_FN)
#define UN_FN(e, name, fn)                                                                     \
    static Value f_##e(VM *vm, int argc, const Value *argv, const KwArgs *kw) {                \
        return call_un(vm, e, argc, argv, kw);                                                 \
    }
UNARY_UFUNCS(UN_FN)
#define R_FN(e)                                                                                \
    static Value f_##e(VM *vm, int argc, const Value *argv, const KwArgs *kw) {                \
        return call_real(vm, e, argc, argv, kw);                                               \
    }
R_FN(R_NEG)
R_FN(R_ABS)
R_FN(R_SQ)
R_FN(R_SIGN)
R_FN(R_ISNAN)
R_FN(R_ISINF)
R_FN(R_ISFINITE)
R_FN(R_LNOT)
R_FN(R_INV)
R_FN(R_CONJ)
R_FN(R_RECIP)
R_FN(R_SIGNBIT)

static Value f_positive(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "positive", "x", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    ArrObj *r = arr_copy(vm, x, -1);
    decref(v_obj(x));
    return arr_result(vm, r);
}

/* np.iscomplexobj(x) (want 1) and np.isrealobj(x) (want 0): whether x's dtype is complex. */
static Value complex_obj(VM *vm, const char *name, int want, int argc, const Value *argv,
                         const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, name, "x", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int c = is_complex_dt(x->dtype);
    decref(v_obj(x));
    return v_bool(c == want);
}

static Value f_iscomplexobj(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_obj(vm, "iscomplexobj", 1, argc, argv, kw);
}
static Value f_isrealobj(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_obj(vm, "isrealobj", 0, argc, argv, kw);
}

/* np.iscomplex(x) (want 1: imaginary part non-zero) and np.isreal(x), elementwise. */
static Value complex_elems(VM *vm, const char *name, int want, int argc, const Value *argv,
                           const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, name, "x", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1), *c = NULL, *r = NULL;
    if (x && (c = arr_copy(vm, x, DT_COMPLEX128))) r = arr_new(vm, DT_BOOL, c->ndim, c->shape, 0);
    for (int64_t i = 0; r && i < r->size; i++)
        ((uint8_t *)r->data)[i] = (((const Complex *)c->data)[i].im != 0) == want;
    if (x) decref(v_obj(x));
    if (c) decref(v_obj(c));
    return r ? arr_result(vm, r) : ERRV;
}

static Value f_iscomplex(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_elems(vm, "iscomplex", 1, argc, argv, kw);
}
static Value f_isreal(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return complex_elems(vm, "isreal", 0, argc, argv, kw);
}

/* np.promote_types(a, b). */
static Value f_promote_types(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "promote_types", "type1,type2", argc, argv, kw, a)) return ERRV;
    int x = dt_parse(vm, a[0]), y = x < 0 ? -1 : dt_parse(vm, a[1]);
    return y < 0 ? ERRV : dt_object(vm, dt_promote(x, y));
}

#define SIG2 "(x1, x2, /, out=None, *, where=True)"
#define SIG1 "(x, /, out=None, *, where=True)"
static const BuiltinDef UFUNC_FUNCS[] = {
#define BIN_DEF(e, name, op) {name, f_##e, SIG2, "Elementwise " name "."},
    BIN_UFUNCS(BIN_DEF)
#define UN_DEF(e, name, fn) {name, f_##e, SIG1, "Elementwise " name "."},
    UNARY_UFUNCS(UN_DEF)
    {"true_divide", f_UF_DIV, SIG2, "Elementwise true division."},
    {"mod", f_UF_MOD, SIG2, "Elementwise remainder."},
    {"negative", f_R_NEG, SIG1, "Elementwise negation."},
    {"absolute", f_R_ABS, SIG1, "Elementwise absolute value."},
    {"abs", f_R_ABS, SIG1, "Elementwise absolute value."},
    {"square", f_R_SQ, SIG1, "Elementwise square."},
    {"sign", f_R_SIGN, SIG1, "Elementwise sign."},
    {"isnan", f_R_ISNAN, SIG1, "Tests for NaN."},
    {"isinf", f_R_ISINF, SIG1, "Tests for infinity."},
    {"isfinite", f_R_ISFINITE, SIG1, "Tests for finite values."},
    {"logical_not", f_R_LNOT, SIG1, "Elementwise not."},
    {"invert", f_R_INV, SIG1, "Bitwise not."},
    {"bitwise_not", f_R_INV, SIG1, "Bitwise not."},
    {"conjugate", f_R_CONJ, SIG1, "Elementwise complex conjugate."},
    {"conj", f_R_CONJ, SIG1, "Elementwise complex conjugate."},
    {"reciprocal", f_R_RECIP, SIG1, "Elementwise reciprocal, 1 / x."},
    {"signbit", f_R_SIGNBIT, SIG1, "Whether the sign bit is set, elementwise."},
    {"positive", f_positive, "(x, /)", "Elementwise +x."},
    {"iscomplexobj", f_iscomplexobj, "(x)", "Whether x has a complex dtype."},
    {"isrealobj", f_isrealobj, "(x)", "Whether x has a non-complex dtype."},
    {"iscomplex", f_iscomplex, "(x)", "Elementwise: imaginary part non-zero."},
    {"isreal", f_isreal, "(x)", "Elementwise: imaginary part zero."},
    {"promote_types", f_promote_types, "(type1, type2)", "The smallest dtype both cast to."},
    {NULL, NULL, NULL, NULL},
};

int ufunc_init(VM *vm, ModuleObj *m) { return module_add_funcs(vm, m, UFUNC_FUNCS); }

/* ---------------------------------------------------------------- planning for fuse.c */

int ufunc_fusable_dt(int dt) {
    switch (dt) {
    case DT_BOOL: case DT_INT8: case DT_INT16: case DT_INT32: case DT_INT64: case DT_UINT8:
    case DT_UINT16: case DT_UINT32: case DT_UINT64: case DT_FLOAT32: case DT_FLOAT64: return 1;
    default: return 0;
    }
}

static int step_set(UfStep *st, ArrLoop loop, int nin, int ct, int ot) {
    if (!loop || !ufunc_fusable_dt(ct) || !ufunc_fusable_dt(ot)) return -1;
    *st = (UfStep){loop, nin, ct, ot, {ct, ct}, 0};
    return 0;
}

/* The fast paths of `array ** scalar` (fast_power above) as a step; 1: none applies. */
static int plan_power(const ArrObj *a, const ArrObj *b, UfStep *st) {
    double ex = dt_to_double(b->dtype, b->data);
    char k = arr_dtypes[a->dtype].kind;
    if (k == 'f') {
        int f32 = a->dtype == DT_FLOAT32;
        if (ex == 0.5) return step_set(st, f32 ? UN_INFO[U_SQRT].f32 : UN_INFO[U_SQRT].f64, 1,
                                       a->dtype, a->dtype);
        if (ex == 2.0) return step_set(st, RLOOPS[R_SQ][a->dtype], 1, a->dtype, a->dtype);
        if (ex == -1.0) return step_set(st, f32 ? recip_f32 : recip_f64, 1, a->dtype, a->dtype);
        return 1;
    }
    if (ex != 2.0 || !ufunc_fusable_dt(a->dtype)) return 1;
    if (k == 'b') return step_set(st, RLOOPS[R_SQ][DT_INT8], 1, DT_INT8, DT_INT8);
    if (arr_dtypes[b->dtype].kind == 'f') return step_set(st, RLOOPS[R_SQ][DT_FLOAT64], 1,
                                                          DT_FLOAT64, DT_FLOAT64);
    return step_set(st, RLOOPS[R_SQ][a->dtype], 1, a->dtype, a->dtype);
}

static int plan_binary(VM *vm, int uf, int oper, ArrObj *const *ops, const int *scal,
                       UfStep *st) {
    if (oper && uf == UF_POW && !scal[0] && scal[1]) {
        int r = plan_power(ops[0], ops[1], st);
        if (r <= 0) return r;
    }
    int p = loop_dtype(vm, uf, ops[0], ops[1], scal[0], scal[1]), ct, ot;
    if (p < 0 || resolve(vm, uf, p, &ct, &ot)) return -1;
    if (uf == UF_POW && is_int_dt(ct)) { /* negative exponents raise: leave them to the eager path */
        if (!scal[1] || arr_dtypes[ops[1]->dtype].kind == 'f'
            || dt_to_double(ops[1]->dtype, ops[1]->data) < 0)
            return -1;
    }
    if (uf == UF_LSHIFT || uf == UF_RSHIFT) return -1;
    if (step_set(st, LOOPS[uf][ct], 2, ct, ot)) return -1;
    st->quiet = quiet_uf(uf);
    return 0;
}

int ufunc_plan(VM *vm, const char *name, int oper, int nin, ArrObj *const *ops, const int *scal,
               UfStep *st) {
    for (int k = 0; k < nin; k++)
        if (!ufunc_fusable_dt(ops[k]->dtype)) return -1;
    if (nin == 2) {
        for (int uf = 0; uf < UF__COUNT; uf++)
            if (!strcmp(UF_INFO[uf].name, name)) return plan_binary(vm, uf, oper, ops, scal, st);
        if (!strcmp(name, "true_divide")) return plan_binary(vm, UF_DIV, 0, ops, scal, st);
        return -1;
    }
    if (nin != 1) return -1;
    int dt = ops[0]->dtype;
    for (int u = 0; u < U__COUNT; u++)
        if (!strcmp(UN_INFO[u].name, name)) {
            int ft = float_of(dt);
            return step_set(st, math_loop(u, ft), 1, ft, ft);
        }
    if (!strcmp(name, "abs")) name = "absolute";
    for (int w = 0; w <= R_INV; w++) {
        if (strcmp(R_NAMES[w], name)) continue;
        if (real_no_loop(w, dt) || (dt == DT_BOOL && w == R_SIGN)) return -1;
        int ct = dt == DT_BOOL && w == R_SQ ? DT_INT8 : dt;
        if (step_set(st, RLOOPS[w][ct], 1, ct, w >= R_ISNAN && w <= R_LNOT ? DT_BOOL : ct))
            return -1;
        st->quiet = w == R_SIGN;
        return 0;
    }
    return -1;
}

ArrCast ufunc_cast(int from, int to) {
    return ufunc_fusable_dt(from) && ufunc_fusable_dt(to) ? cast_fn(from, to).fn : NULL;
}
