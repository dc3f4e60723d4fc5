/* reduce.c: reductions (sum, prod, mean, std, var, min, max, argmin, argmax, all, any) and
 * cumulative sums, over all axes or some, as NumPy 1.24 computes them: axes visited in memory
 * order and merged where contiguous, float sums pairwise (NumPy's pairwise_sum) along the
 * innermost reduced axis, everything else sequential. */
#pragma GCC optimize("tree-vectorize")
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

enum { RED_SUM, RED_PROD, RED_MAX, RED_MIN, RED_ALL, RED_ANY };
static const char *const RED_NAMES[] = {"add", "multiply", "maximum", "minimum", "logical_and",
                                        "logical_or"};

#define PW_BLOCKSIZE 128
/* NumPy's reductions go through its iterator's buffer of 8192 elements even when nothing needs
 * buffering: a row longer than that is summed pairwise in 8192-element pieces, added in turn. */
#define PW_BUFSIZE 8192

/* The contiguous leaf of NumPy's pairwise sum (8 <= n <= PW_BLOCKSIZE): eight partial sums
 * over elements i = j (mod 8), combined as a tree, then the tail. The eight sums live in named
 * locals so that they stay in registers and the compiler vectorises them; the order of the
 * additions is NumPy's exactly. */
#define PW_LEAF(SUF, T)                                                                        \
    VECTOR_CLONES static T pw_leaf_##SUF(const T *v, int64_t n) {                                         \
        T r0 = v[0], r1 = v[1], r2 = v[2], r3 = v[3], r4 = v[4], r5 = v[5], r6 = v[6],         \
          r7 = v[7];                                                                           \
        int64_t i, end = n - (n % 8);                                                          \
        for (i = 8; i < end; i += 8) {                                                         \
            r0 += v[i + 0], r1 += v[i + 1], r2 += v[i + 2], r3 += v[i + 3];                    \
            r4 += v[i + 4], r5 += v[i + 5], r6 += v[i + 6], r7 += v[i + 7];                    \
        }                                                                                      \
        T res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));                             \
        for (; i < n; i++) res += v[i];                                                        \
        return res;                                                                            \
    }
PW_LEAF(f64, double)
PW_LEAF(f32, float)

#define PAIRWISE(SUF, T)                                                                       \
    static T pairwise_##SUF(const char *a, int64_t n, int64_t s) {                             \
        if (n < 8) {                                                                           \
            T res = 0.;                                                                        \
            for (int64_t i = 0; i < n; i++) res += *(const T *)(a + i * s);                    \
            return res;                                                                        \
        }                                                                                      \
        if (n <= PW_BLOCKSIZE) {                                                               \
            if (s == sizeof(T)) return pw_leaf_##SUF((const T *)a, n);                         \
            T r[8];                                                                            \
            int64_t i;                                                                         \
            for (int j = 0; j < 8; j++) r[j] = *(const T *)(a + j * s);                        \
            for (i = 8; i < n - (n % 8); i += 8)                                               \
                for (int j = 0; j < 8; j++) r[j] += *(const T *)(a + (i + j) * s);             \
            T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));         \
            for (; i < n; i++) res += *(const T *)(a + i * s);                                 \
            return res;                                                                        \
        }                                                                                      \
        int64_t n2 = n / 2;                                                                    \
        n2 -= n2 % 8;                                                                          \
        return pairwise_##SUF(a, n2, s) + pairwise_##SUF(a + n2 * s, n - n2, s);               \
    }
PAIRWISE(f64, double)
PAIRWISE(f32, float)

/* NumPy's complex pairwise sum: n counts doubles (2 per element), s is half the stride. */
static void pairwise_c128(double *rr, double *ri, const char *a, int64_t n, int64_t s) {
    if (n < 8) {
        *rr = 0., *ri = 0.;
        for (int64_t i = 0; i < n; i += 2) {
            *rr += *(const double *)(a + i * s);
            *ri += *(const double *)(a + i * s + 8);
        }
        return;
    }
    if (n <= PW_BLOCKSIZE) {
        double r[8];
        int64_t i;
        for (int j = 0; j < 8; j += 2) {
            r[j] = *(const double *)(a + j * s);
            r[j + 1] = *(const double *)(a + j * s + 8);
        }
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j += 2) {
                r[j] += *(const double *)(a + (i + j) * s);
                r[j + 1] += *(const double *)(a + (i + j) * s + 8);
            }
        *rr = ((r[0] + r[2]) + (r[4] + r[6]));
        *ri = ((r[1] + r[3]) + (r[5] + r[7]));
        for (; i < n; i += 2) {
            *rr += *(const double *)(a + i * s);
            *ri += *(const double *)(a + i * s + 8);
        }
        return;
    }
    double rr1, ri1, rr2, ri2;
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    pairwise_c128(&rr1, &ri1, a, n2, s);
    pairwise_c128(&rr2, &ri2, a + n2 * s, n - n2, s);
    *rr = rr1 + rr2;
    *ri = ri1 + ri2;
}

/* NumPy's float16 pairwise sum: the same tree, in float over the widened halves. */
static float pairwise_f16(const char *a, int64_t n, int64_t s) {
#define H(i) dt_h2f(*(const uint16_t *)(a + (i) * s))
    if (n < 8) {
        float res = 0.f;
        for (int64_t i = 0; i < n; i++) res += H(i);
        return res;
    }
    if (n <= PW_BLOCKSIZE) {
        float r[8];
        int64_t i;
        for (int j = 0; j < 8; j++) r[j] = H(j);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++) r[j] += H(i + j);
        float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++) res += H(i);
        return res;
    }
#undef H
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_f16(a, n2, s) + pairwise_f16(a + n2 * s, n - n2, s);
}

/* NumPy's complex64 pairwise sum, as pairwise_c128 in float (s: half the stride). */
static void pairwise_c64(float *rr, float *ri, const char *a, int64_t n, int64_t s) {
#define F(off) (*(const float *)(a + (off)))
    if (n < 8) {
        *rr = 0.f, *ri = 0.f;
        for (int64_t i = 0; i < n; i += 2) *rr += F(i * s), *ri += F(i * s + 4);
        return;
    }
    if (n <= PW_BLOCKSIZE) {
        float r[8];
        int64_t i;
        for (int j = 0; j < 8; j += 2) r[j] = F(j * s), r[j + 1] = F(j * s + 4);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j += 2) r[j] += F((i + j) * s), r[j + 1] += F((i + j) * s + 4);
        *rr = ((r[0] + r[2]) + (r[4] + r[6]));
        *ri = ((r[1] + r[3]) + (r[5] + r[7]));
        for (; i < n; i += 2) *rr += F(i * s), *ri += F(i * s + 4);
        return;
    }
#undef F
    float rr1, ri1, rr2, ri2;
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    pairwise_c64(&rr1, &ri1, a, n2, s);
    pairwise_c64(&rr2, &ri2, a + n2 * s, n - n2, s);
    *rr = rr1 + rr2;
    *ri = ri1 + ri2;
}

/* Sum of a contiguous integer row in U, the unsigned type the wrapping arithmetic is done in:
 * integer addition is associative, so eight independent sums give NumPy's result and let the
 * compiler vectorise. */
#define ISUM(SUF, T, U)                                                                        \
    VECTOR_CLONES static T isum_##SUF(const T *v, int64_t n) {                                            \
        U r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;                      \
        int64_t i = 0;                                                                         \
        for (; i + 8 <= n; i += 8) {                                                           \
            r0 += (U)v[i + 0], r1 += (U)v[i + 1], r2 += (U)v[i + 2], r3 += (U)v[i + 3];        \
            r4 += (U)v[i + 4], r5 += (U)v[i + 5], r6 += (U)v[i + 6], r7 += (U)v[i + 7];        \
        }                                                                                      \
        U res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));                             \
        for (; i < n; i++) res += (U)v[i];                                                     \
        return (T)res;                                                                         \
    }
ISUM(i8, int8_t, uint32_t)
ISUM(i16, int16_t, uint32_t)
ISUM(i32, int32_t, uint32_t)
ISUM(i64, int64_t, uint64_t)
ISUM(u8, uint8_t, uint32_t)
ISUM(u16, uint16_t, uint32_t)
ISUM(u32, uint32_t, uint32_t)
ISUM(u64, uint64_t, uint64_t)

/* Folds a row of n elements (stride s) into *acc. first: acc is not set yet (max/min). */
#define FOLD(SUF, T, U, ISF)                                                                   \
    static void fold_##SUF(int op, T *acc, const char *p, int64_t n, int64_t s, int first,     \
                           int pw) {                                                           \
        T v = *acc;                                                                            \
        int64_t i = 0;                                                                         \
        if (first && n > 0) v = *(const T *)p, i = 1;                                          \
        switch (op) {                                                                          \
        case RED_SUM:                                                                          \
            for (; pw && i < n; i += PW_BUFSIZE)                                               \
                v += PW_##SUF(p + i * s, n - i < PW_BUFSIZE ? n - i : PW_BUFSIZE, s);          \
            if (pw) break;                                                                     \
            if (ISUM_OK_##SUF && s == sizeof(T)) {                                             \
                v = (T)((U)v + (U)ISUM_##SUF((const T *)p + i, n - i));                        \
                break;                                                                         \
            }                                                                                  \
            for (; i < n; i++) v = (T)((U)v + (U) * (const T *)(p + i * s));                   \
            break;                                                                             \
        case RED_PROD:                                                                         \
            for (; i < n; i++) v = (T)((U)v * (U) * (const T *)(p + i * s));                   \
            break;                                                                             \
        case RED_MAX:                                                                          \
            for (; i < n; i++) {                                                               \
                T x = *(const T *)(p + i * s);                                                 \
                v = (v >= x || (ISF && v != v)) ? v : x;                                       \
            }                                                                                  \
            break;                                                                             \
        case RED_MIN:                                                                          \
            for (; i < n; i++) {                                                               \
                T x = *(const T *)(p + i * s);                                                 \
                v = (v <= x || (ISF && v != v)) ? v : x;                                       \
            }                                                                                  \
            break;                                                                             \
        case RED_ALL:                                                                          \
            for (; i < n && v; i++) v = *(const T *)(p + i * s) != 0;                          \
            break;                                                                             \
        default:                                                                               \
            for (; i < n && !v; i++) v = *(const T *)(p + i * s) != 0;                         \
            break;                                                                             \
        }                                                                                      \
        *acc = v;                                                                              \
    }
#define ISUM_none(p, n) 0
#define ISUM_OK_b 0
#define ISUM_OK_f32 0
#define ISUM_OK_f64 0
#define ISUM_OK_i8 1
#define ISUM_OK_i16 1
#define ISUM_OK_i32 1
#define ISUM_OK_i64 1
#define ISUM_OK_u8 1
#define ISUM_OK_u16 1
#define ISUM_OK_u32 1
#define ISUM_OK_u64 1
#define ISUM_f64 ISUM_none
#define ISUM_f32 ISUM_none
#define ISUM_b ISUM_none
#define ISUM_i8 isum_i8
#define ISUM_i16 isum_i16
#define ISUM_i32 isum_i32
#define ISUM_i64 isum_i64
#define ISUM_u8 isum_u8
#define ISUM_u16 isum_u16
#define ISUM_u32 isum_u32
#define ISUM_u64 isum_u64
#define PW_f64 pairwise_f64
#define PW_f32 pairwise_f32
#define PW_none(p, n, s) 0
#define PW_b PW_none
#define PW_i8 PW_none
#define PW_i16 PW_none
#define PW_i32 PW_none
#define PW_i64 PW_none
#define PW_u8 PW_none
#define PW_u16 PW_none
#define PW_u32 PW_none
#define PW_u64 PW_none
FOLD(b, uint8_t, uint32_t, 0)
FOLD(i8, int8_t, uint32_t, 0)
FOLD(i16, int16_t, uint32_t, 0)
FOLD(i32, int32_t, uint32_t, 0)
FOLD(i64, int64_t, uint64_t, 0)
FOLD(u8, uint8_t, uint32_t, 0)
FOLD(u16, uint16_t, uint32_t, 0)
FOLD(u32, uint32_t, uint32_t, 0)
FOLD(u64, uint64_t, uint64_t, 0)
FOLD(f32, float, float, 1)
FOLD(f64, double, double, 1)

/* Whether NumPy's complex maximum (minimum) of the running a and the next b keeps a: a NaN
 * in a stays, else the lexicographic order with NaN-aware comparisons (CGE, CLE). */
static int cplx_keep(int op, Complex a, Complex b) {
    if (a.re != a.re || a.im != a.im) return 1;
    int nan_im = a.im != a.im || b.im != b.im;
    if (op == RED_MAX) return (a.re > b.re && !nan_im) || (a.re == b.re && a.im >= b.im);
    return (a.re < b.re && !nan_im) || (a.re == b.re && a.im <= b.im);
}

static void fold_c128(int op, Complex *acc, const char *p, int64_t n, int64_t s, int first,
                      int pw) {
    Complex v = *acc;
    int64_t i = 0;
    if (first && n > 0) v = *(const Complex *)p, i = 1;
    if (op == RED_MAX || op == RED_MIN) {
        for (; i < n; i++) {
            Complex x = *(const Complex *)(p + i * s);
            if (!cplx_keep(op, v, x)) v = x;
        }
        *acc = v;
        return;
    }
    if (op == RED_SUM && pw) {
        for (; i < n; i += PW_BUFSIZE) {
            double rr, ri;
            pairwise_c128(&rr, &ri, p + i * s, 2 * (n - i < PW_BUFSIZE ? n - i : PW_BUFSIZE),
                          s / 2);
            v.re += rr, v.im += ri;
        }
    } else {
        for (; i < n; i++) {
            Complex x = *(const Complex *)(p + i * s);
            if (op == RED_SUM) v.re += x.re, v.im += x.im;
            else if (op == RED_PROD) {
                double re = v.re * x.re - v.im * x.im;
                v.im = v.re * x.im + v.im * x.re;
                v.re = re;
            }
        }
    }
    *acc = v;
}

static uint16_t f2h(float f) { return dt_half_from_double((double)f); }

/* float16, as NumPy's half loops: inside one reduce loop (pw: a row of the innermost reduced
 * axis, in pieces of the iterator's buffer) the sum or product is kept in float and rounded to
 * half at the end of each piece; elsewhere every step rounds. max and min keep the halves. */
static void fold_f16(int op, uint16_t *acc, const char *p, int64_t n, int64_t s, int first,
                     int pw) {
    uint16_t v = *acc;
    int64_t i = 0;
    if (first && n > 0) v = *(const uint16_t *)p, i = 1;
    for (; i < n && (op == RED_SUM || op == RED_PROD);) {
        int64_t m = pw ? (n - i < PW_BUFSIZE ? n - i : PW_BUFSIZE) : 1;
        float f = dt_h2f(v);
        if (op == RED_SUM && pw) f += pairwise_f16(p + i * s, m, s);
        else if (op == RED_SUM) f += dt_h2f(*(const uint16_t *)(p + i * s));
        else
            for (int64_t j = 0; j < m; j++) f *= dt_h2f(*(const uint16_t *)(p + (i + j) * s));
        v = f2h(f);
        i += m;
    }
    for (; i < n && (op == RED_MAX || op == RED_MIN); i++) {
        uint16_t h = *(const uint16_t *)(p + i * s);
        float x = dt_h2f(h), y = dt_h2f(v);
        if (!(op == RED_MAX ? y >= x : y <= x) && y == y) v = h;
    }
    *acc = v;
}

static void fold_c64(int op, Complex64 *acc, const char *p, int64_t n, int64_t s, int first,
                     int pw) {
    Complex64 v = *acc;
    int64_t i = 0;
    if (first && n > 0) v = *(const Complex64 *)p, i = 1;
    if (op == RED_MAX || op == RED_MIN) {
        for (; i < n; i++) {
            Complex64 x = *(const Complex64 *)(p + i * s);
            Complex a = {v.re, v.im}, b = {x.re, x.im};
            if (!cplx_keep(op, a, b)) v = x;
        }
        *acc = v;
        return;
    }
    if (op == RED_SUM && pw) {
        for (; i < n; i += PW_BUFSIZE) {
            float rr, ri;
            pairwise_c64(&rr, &ri, p + i * s, 2 * (n - i < PW_BUFSIZE ? n - i : PW_BUFSIZE),
                         s / 2);
            v.re += rr, v.im += ri;
        }
    } else {
        for (; i < n; i++) {
            Complex64 x = *(const Complex64 *)(p + i * s);
            if (op == RED_SUM) v.re += x.re, v.im += x.im;
            else if (op == RED_PROD) {
                float re = v.re * x.re - v.im * x.im;
                v.im = v.re * x.im + v.im * x.re;
                v.re = re;
            }
        }
    }
    *acc = v;
}

static void fold(int dt, int op, char *acc, const char *p, int64_t n, int64_t s, int first,
                 int pw) {
    switch (dt) {
    case DT_BOOL: fold_b(op, (uint8_t *)acc, p, n, s, first, 0); break;
    case DT_INT8: fold_i8(op, (int8_t *)acc, p, n, s, first, 0); break;
    case DT_INT16: fold_i16(op, (int16_t *)acc, p, n, s, first, 0); break;
    case DT_INT32: fold_i32(op, (int32_t *)acc, p, n, s, first, 0); break;
    case DT_INT64: fold_i64(op, (int64_t *)acc, p, n, s, first, 0); break;
    case DT_UINT8: fold_u8(op, (uint8_t *)acc, p, n, s, first, 0); break;
    case DT_UINT16: fold_u16(op, (uint16_t *)acc, p, n, s, first, 0); break;
    case DT_UINT32: fold_u32(op, (uint32_t *)acc, p, n, s, first, 0); break;
    case DT_UINT64: fold_u64(op, (uint64_t *)acc, p, n, s, first, 0); break;
    case DT_FLOAT32: fold_f32(op, (float *)acc, p, n, s, first, pw); break;
    case DT_FLOAT64: fold_f64(op, (double *)acc, p, n, s, first, pw); break;
    case DT_FLOAT16: fold_f16(op, (uint16_t *)acc, p, n, s, first, pw); break;
    case DT_COMPLEX64: fold_c64(op, (Complex64 *)acc, p, n, s, first, pw); break;
    default: fold_c128(op, (Complex *)acc, p, n, s, first, pw); break;
    }
}

/* ---------------------------------------------------------------- the driver */

typedef struct Dim {
    int64_t n, sin, sout;
    int red;
} Dim;

/* Adds to *acc the float sum of the nd dimensions dims (all reduced, not mergeable) from p, as
 * NumPy's buffered iterator does: the elements in iteration order are copied into a buffer of
 * PW_BUFSIZE and each full buffer is summed pairwise. */
static void sum_gathered(int dt, char *acc, const char *p, const Dim *dims, int nd, char *buf) {
    int64_t isz = arr_dtypes[dt].size, idx[ARR_MAXDIM] = {0}, cnt = 0;
    for (;;) {
        const char *row = p;
        for (int64_t i = 0; i < dims[nd - 1].n; i++, row += dims[nd - 1].sin) {
            memcpy(buf + cnt * isz, row, (size_t)isz);
            if (++cnt == PW_BUFSIZE) fold(dt, RED_SUM, acc, buf, cnt, isz, 0, 1), cnt = 0;
        }
        int d = nd - 2;
        for (; d >= 0; d--) {
            p += dims[d].sin;
            if (++idx[d] < dims[d].n) break;
            p -= dims[d].sin * dims[d].n;
            idx[d] = 0;
        }
        if (d < 0) break;
    }
    if (cnt) fold(dt, RED_SUM, acc, buf, cnt, isz, 0, 1);
}

/* The axis order of a reduction's result over the kept axes (numbered 0..ond): NumPy's
 * iterator order of x with the reduced axes left out. */
static void result_perm(const ArrObj *x, const int *red, int *operm) {
    int perm[ARR_MAXDIM], idx[ARR_MAXDIM], n = 0;
    arr_iter_perm(1, (ArrObj *const *)&x, x->ndim, x->shape, perm);
    for (int d = 0, k = 0; d < x->ndim; d++) idx[d] = red[d] ? -1 : k++;
    for (int i = 0; i < x->ndim; i++)
        if (idx[perm[i]] >= 0) operm[n++] = idx[perm[i]];
}

/* Reduces x (already in the accumulation dtype) over the axes flagged in red[] with op into
 * a new array without those axes, laid out as NumPy lays out reduction results. */
static ArrObj *reduce_core(VM *vm, ArrObj *x, const int *red, int op) {
    int64_t oshape[ARR_MAXDIM];
    int ond = 0, nd = 0;
    for (int d = 0; d < x->ndim; d++)
        if (!red[d]) oshape[ond++] = x->shape[d];
    int operm[ARR_MAXDIM];
    result_perm(x, red, operm);
    ArrObj *out = arr_new_perm(vm, x->dtype, ond, oshape, operm, 1);
    if (!out) return NULL;
    int64_t isz = arr_dtypes[x->dtype].size, rsize = 1;
    Dim dims[ARR_MAXDIM];
    const char *base = x->data;
    for (int d = 0, k = 0; d < x->ndim; d++) {
        Dim dm = {x->shape[d], x->strides[d], red[d] ? 0 : out->strides[k], red[d]};
        if (!red[d]) k++;
        else rsize *= dm.n;
        if (dm.n == 1) continue;
        dims[nd++] = dm;
    }
    if ((op == RED_MAX || op == RED_MIN) && rsize == 0) {
        decref(v_obj(out));
        vm_raise(vm, vm->E.ValueError, "zero-size array to reduction operation %s which has no "
                 "identity", RED_NAMES[op]);
        return NULL;
    }
    /* stable sort by decreasing input stride: memory order */
    for (int i = 1; i < nd; i++)
        for (int j = i; j > 0 && llabs(dims[j - 1].sin) < llabs(dims[j].sin); j--) {
            Dim t = dims[j];
            dims[j] = dims[j - 1];
            dims[j - 1] = t;
        }
    int m = 0;
    for (int d = 0; d < nd; d++) {
        if (m > 0 && dims[m - 1].red == dims[d].red && dims[m - 1].sin == dims[d].n * dims[d].sin
            && dims[m - 1].sout == dims[d].n * dims[d].sout) {
            dims[m - 1].n *= dims[d].n;
            dims[m - 1].sin = dims[d].sin;
            dims[m - 1].sout = dims[d].sout;
            continue;
        }
        dims[m++] = dims[d];
    }
    nd = m;
    /* initial values */
    if (op == RED_PROD || op == RED_ALL) {
        for (int64_t i = 0; i < out->size; i++) {
            char one[16] = {0};
            dt_from_double(out->dtype, one, 1.0);
            memcpy(out->data + i * isz, one, (size_t)isz);
        }
    }
    if (x->size == 0) return out; /* the identity everywhere, or nothing to write */
    int first = op == RED_MAX || op == RED_MIN;
    int pw = nd > 0 && dims[nd - 1].red;
    /* the innermost reduced dimension is folded as a row; the rest is walked by counters */
    int inner = -1;
    for (int d = nd - 1; d >= 0; d--)
        if (dims[d].red) {
            inner = d;
            break;
        }
    /* a float sum over several reduced dimensions that do not merge into one is gathered */
    int gather = inner == nd - 1 && op == RED_SUM && strchr("fc", arr_dtypes[x->dtype].kind);
    int t = inner;
    while (gather && t > 0 && dims[t - 1].red) t--;
    gather = gather && t < inner;
    int64_t idx[ARR_MAXDIM] = {0};
    int64_t rown = inner >= 0 ? dims[inner].n : 1, rows = inner >= 0 ? dims[inner].sin : 0;
    /* visit every combination of the other dims (reduced and not) in memory order */
    const char *pin = base;
    char *pout = out->data;
    int64_t work = 0;
    uint8_t *scratch = NULL; /* max/min: which outputs have a value; gather: the buffer */
    if (first || gather) {
        scratch = first ? calloc((size_t)(out->size ? out->size : 1), 1)
                        : malloc((size_t)(PW_BUFSIZE * isz));
        if (!scratch) {
            decref(v_obj(out));
            vm_nomem(vm);
            return NULL;
        }
    }
    for (;;) {
        int f = 0;
        if (first) {
            int64_t oi = (pout - out->data) / isz;
            f = !scratch[oi];
            scratch[oi] = 1;
        }
        if (gather) sum_gathered(x->dtype, pout, pin, dims + t, nd - t, (char *)scratch);
        else fold(x->dtype, op, pout, pin, rown, rows, f, pw); /* pw: a reduce loop */
        work += gather ? rown * dims[t].n : rown;
        if (work > (1 << 20)) {
            work = 0;
            if (vm_check_interrupt(vm)) {
                free(scratch);
                decref(v_obj(out));
                return NULL;
            }
        }
        int d = nd - 1;
        for (; d >= 0; d--) {
            if (d == inner || (gather && d >= t)) continue;
            pin += dims[d].sin;
            pout += dims[d].sout;
            if (++idx[d] < dims[d].n) break;
            pin -= dims[d].sin * dims[d].n;
            pout -= dims[d].sout * dims[d].n;
            idx[d] = 0;
        }
        if (d < 0) break;
    }
    free(scratch);
    return out;
}

/* ---------------------------------------------------------------- arguments */

/* Parses axis (None, int or tuple) into red[] flags. legacy: NumPy's ufunc reductions take
 * axis=0 or axis=-1 (an int, not a tuple) on a 0-d array as reducing nothing. */
static int parse_axes(VM *vm, Value axis, int ndim, int *red, int legacy) {
    if (IS_NULL(axis) || axis.tag == T_NONE
        || (legacy && ndim == 0 && axis.tag == T_INT && (axis.u.i == 0 || axis.u.i == -1))) {
        for (int d = 0; d < ndim; d++) red[d] = 1;
        return 0;
    }
    return npf_axes(vm, axis, ndim, red);
}

int npf_axes(VM *vm, Value axis, int ndim, int *flags) {
    for (int d = 0; d < ndim; d++) flags[d] = 0;
    const Value *items = &axis;
    int n = 1;
    if (IS_KIND(axis, K_TUPLE)) {
        items = AS(ListObj, axis)->items;
        n = (int)AS(ListObj, axis)->len;
    }
    for (int i = 0; i < n; i++) {
        int ax;
        if (npf_axis(vm, items[i], ndim, &ax)) return -1;
        if (flags[ax]) {
            vm_raise(vm, vm->E.ValueError, "duplicate value in 'axis'");
            return -1;
        }
        flags[ax] = 1;
    }
    return 0;
}

static int sum_dtype(int dt) {
    switch (arr_dtypes[dt].kind) {
    case 'b':
    case 'i': return DT_INT64;
    case 'u': return DT_UINT64;
    default: return dt;
    }
}

/* The result of a reduction, with keepdims applied and 0-d results as scalars. */
static Value finish(VM *vm, ArrObj *r, const ArrObj *x, const int *red, int keepdims) {
    if (!r) return ERRV;
    if (keepdims) {
        int64_t shape[ARR_MAXDIM], strides[ARR_MAXDIM], st = arr_dtypes[r->dtype].size;
        int perm[ARR_MAXDIM], same = 1;
        arr_iter_perm(1, (ArrObj *const *)&x, x->ndim, x->shape, perm);
        for (int d = 0; d < x->ndim; d++) shape[d] = red[d] ? 1 : x->shape[d];
        for (int i = x->ndim - 1; i >= 0; i--) { /* NumPy's strides for the length-1 axes */
            strides[perm[i]] = r->size ? st : 0;
            st *= shape[perm[i]] ? shape[perm[i]] : 1;
        }
        for (int d = 0, k = 0; d < x->ndim; d++)
            if (!red[d]) same &= r->strides[k++] == strides[d];
        if (same) return arr_result(vm, arr_regeom(vm, r, x->ndim, shape, strides));
        ArrObj *k = arr_reshape(vm, r, x->ndim, shape);
        decref(v_obj(r));
        return arr_result(vm, k);
    }
    return arr_result(vm, r);
}

static int truthy(VM *vm, Value v) { return IS_NULL(v) ? 0 : obj_truth(vm, v); }

/* Reduces x (any array) with op, accumulating in dtype acc. Returns a new array. */
static ArrObj *reduce_to(VM *vm, ArrObj *x, const int *red, int op, int acc) {
    ArrObj *c = x;
    if (x->dtype != acc) { /* cast in x's layout: the sums run in its memory order */
        if (!(c = arr_copy_order(vm, x, acc, 'K'))) return NULL;
    } else {
        incref(v_obj(c));
    }
    ArrObj *r = reduce_core(vm, c, red, op);
    decref(v_obj(c));
    return r;
}

/* np.where(where, a, identity) for sum/prod with where=: the masked-out elements count as the
 * operation's identity, as NumPy's reduction with a where mask does. */
static ArrObj *masked_input(VM *vm, Value a, Value where, int op) {
    ArrObj *x = arr_from_any(vm, a, -1);
    if (!x) return NULL;
    StrObj *mn = str_intern(vm, "numpy", 5), *wn = str_intern(vm, "where", 5);
    Value m = mn ? dict_get_str(vm->modules, mn) : v_null();
    Value f = IS_KIND(m, K_MODULE) && wn ? dict_get_str(AS(ModuleObj, m)->dict, wn) : v_null();
    if (IS_NULL(f)) {
        decref(v_obj(x));
        vm_raise(vm, vm->E.NotImplementedError, "where= needs numpy.where");
        return NULL;
    }
    Value args[3] = {where, v_obj(x), v_int(op == RED_PROD ? 1 : 0)};
    Value r = obj_call(vm, f, 3, args, NULL);
    decref(v_obj(x));
    if (IS_ERR(r)) return NULL;
    ArrObj *ra = arr_from_any(vm, r, -1);
    decref(r);
    return ra;
}

static Value reduction(VM *vm, const char *name, int op, int argc, const Value *argv,
                       const KwArgs *kw) {
    Value a[7];
    const char *spec = op == RED_SUM || op == RED_PROD ? "a|axis,dtype,out,keepdims,initial,where"
                                                       : "a|axis,out,keepdims,initial,where";
    if (arg_parse(vm, name, spec, argc, argv, kw, a)) return ERRV;
    int sp = op == RED_SUM || op == RED_PROD;
    Value dtv = sp ? a[2] : v_null();
    Value keep = sp ? a[4] : a[3];
    Value initial = sp ? a[5] : a[4], wh = sp ? a[6] : a[5];
    if (!IS_NULL(initial) || (!IS_NULL(wh) && !sp))
        return vm_raise(vm, vm->E.NotImplementedError, "%s: initial= is not supported", name);
    ArrObj *x = IS_NULL(wh) ? arr_from_any(vm, a[0], -1) : masked_input(vm, a[0], wh, op);
    if (!x) return ERRV;
    int red[ARR_MAXDIM], acc, k;
    Value result = ERRV;
    if (parse_axes(vm, a[1], x->ndim, red, 1) || (k = truthy(vm, keep)) < 0) goto done;
    if (op == RED_ALL || op == RED_ANY) acc = DT_BOOL;
    else if (op == RED_MAX || op == RED_MIN) acc = x->dtype;
    else acc = sum_dtype(x->dtype);
    if (!IS_NULL(dtv) && dtv.tag != T_NONE && (acc = dt_parse(vm, dtv)) < 0) goto done;
    result = finish(vm, reduce_to(vm, x, red, op, acc), x, red, k);
done:
    decref(v_obj(x));
    return result;
}

#define RED_FN(fname, op)                                                                      \
    static Value f_##fname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {            \
        return reduction(vm, #fname, op, argc, argv, kw);                                      \
    }
RED_FN(sum, RED_SUM)
RED_FN(prod, RED_PROD)
RED_FN(max, RED_MAX)
RED_FN(min, RED_MIN)
RED_FN(all, RED_ALL)
RED_FN(any, RED_ANY)

/* ---------------------------------------------------------------- mean, var, std */

static int64_t count_of(const ArrObj *x, const int *red) {
    int64_t n = 1;
    for (int d = 0; d < x->ndim; d++)
        if (red[d]) n *= x->shape[d];
    return n;
}

/* Divides every element of r (a float or complex array) by n, in r's dtype. */
static void divide_by(VM *vm, ArrObj *r, double n) {
    int warned = 0;
    for (int64_t i = 0; i < r->size; i++) {
        char *p = r->data + i * arr_dtypes[r->dtype].size;
        if (r->dtype == DT_FLOAT32) *(float *)p = *(float *)p / (float)n;
        else if (r->dtype == DT_FLOAT64) *(double *)p = *(double *)p / n;
        else if (r->dtype == DT_FLOAT16) /* the count is cast to float16 too */
            *(uint16_t *)p = f2h(dt_h2f(*(uint16_t *)p) / dt_h2f(f2h((float)n)));
        else if (r->dtype == DT_COMPLEX64) {
            float scl = 1.0f / (float)n;
            ((Complex64 *)p)->re *= scl, ((Complex64 *)p)->im *= scl;
        } else { /* complex / real, as NumPy's Smith division with a zero imaginary part */
            double scl = 1.0 / n;
            ((Complex *)p)->re *= scl, ((Complex *)p)->im *= scl;
        }
        if (n == 0 && !warned) warned = 1;
    }
    if (warned) ufunc_warn(vm, "invalid value", "divide");
}

static int mean_dtype(int dt) {
    char k = arr_dtypes[dt].kind;
    return k == 'f' || k == 'c' ? dt : DT_FLOAT64;
}

/* The dtype converted to at the end of a mean (-1: none): NumPy's _mean sums float16 in a
 * float32 accumulator and returns float16. */
static ArrObj *as_dtype(VM *vm, ArrObj *r, int dt) {
    if (!r || r->dtype == dt) return r;
    ArrObj *c = arr_copy_order(vm, r, dt, 'K');
    decref(v_obj(r));
    return c;
}

static ArrObj *mean_of(VM *vm, ArrObj *x, const int *red, int dt) {
    ArrObj *s = reduce_to(vm, x, red, RED_SUM, dt);
    if (s) divide_by(vm, s, (double)count_of(x, red));
    return s;
}

static Value f_mean(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[5];
    if (arg_parse(vm, "mean", "a|axis,dtype,out,keepdims", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int red[ARR_MAXDIM], k, dt = mean_dtype(x->dtype), res = -1;
    Value result = ERRV;
    if (parse_axes(vm, a[1], x->ndim, red, 0) || (k = truthy(vm, a[4])) < 0) goto done;
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE) {
        if ((dt = dt_parse(vm, a[2])) < 0) goto done;
    } else if (dt == DT_FLOAT16) {
        dt = DT_FLOAT32, res = DT_FLOAT16;
    }
    if (count_of(x, red) == 0) ufunc_warn(vm, "Mean of empty slice", "mean");
    ArrObj *m = mean_of(vm, x, red, dt);
    result = finish(vm, res >= 0 ? as_dtype(vm, m, res) : m, x, red, k);
done:
    decref(v_obj(x));
    return result;
}

/* var as NumPy's _var: mean with keepdims, x - mean, squared, summed, / (n - ddof). */
static ArrObj *var_of(VM *vm, ArrObj *x, const int *red, int dt, double ddof) {
    ArrObj *m = mean_of(vm, x, red, dt);
    if (!m) return NULL;
    int64_t kshape[ARR_MAXDIM];
    for (int d = 0; d < x->ndim; d++) kshape[d] = red[d] ? 1 : x->shape[d];
    ArrObj *mk = arr_reshape(vm, m, x->ndim, kshape);
    decref(v_obj(m));
    if (!mk) return NULL;
    Value diff = ufunc_binary(vm, OP_SUB, v_obj(x), v_obj(mk), NULL);
    decref(v_obj(mk));
    if (IS_ERR(diff)) return NULL;
    ArrObj *dv = arr_of(vm, diff), *sq = dv; /* a fresh dense array: squared in place */
    if (dv->dtype == DT_COMPLEX128 || dv->dtype == DT_COMPLEX64) {
        int c64 = dv->dtype == DT_COMPLEX64;
        int perm[ARR_MAXDIM]; /* dv is dense: sq takes its layout, element i for element i */
        arr_like_perm(dv, 'K', perm);
        if (!(sq = arr_new_perm(vm, c64 ? DT_FLOAT32 : DT_FLOAT64, dv->ndim, dv->shape, perm, 0))) {
            decref(diff);
            return NULL;
        }
        for (int64_t i = 0; i < dv->size; i++) {
            if (c64) {
                Complex64 z = ((Complex64 *)dv->data)[i];
                ((float *)sq->data)[i] = z.re * z.re + z.im * z.im;
                continue;
            }
            Complex z = ((Complex *)dv->data)[i];
            ((double *)sq->data)[i] = z.re * z.re + z.im * z.im;
        }
        decref(diff);
    } else if (dv->dtype == DT_FLOAT16) {
        uint16_t *h = (uint16_t *)dv->data;
        for (int64_t i = 0; i < dv->size; i++) h[i] = f2h(dt_h2f(h[i]) * dt_h2f(h[i]));
    } else if (dv->dtype == DT_FLOAT32) {
        float *f = (float *)dv->data;
        for (int64_t i = 0; i < dv->size; i++) f[i] = f[i] * f[i];
    } else {
        double *f = (double *)dv->data;
        for (int64_t i = 0; i < dv->size; i++) f[i] = f[i] * f[i];
    }
    ArrObj *s = reduce_to(vm, sq, red, RED_SUM, sq->dtype);
    decref(v_obj(sq));
    if (!s) return NULL;
    double n = (double)count_of(x, red) - ddof;
    divide_by(vm, s, n > 0 ? n : 0);
    return s;
}

static Value var_std(VM *vm, const char *name, int is_std, int argc, const Value *argv,
                     const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, name, "a|axis,dtype,out,ddof,keepdims", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int red[ARR_MAXDIM], k, dt = mean_dtype(x->dtype);
    double ddof = 0;
    Value result = ERRV;
    if (parse_axes(vm, a[1], x->ndim, red, 0) || (k = truthy(vm, a[5])) < 0) goto done;
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE && (dt = dt_parse(vm, a[2])) < 0) goto done;
    if (!IS_NULL(a[4]) && obj_to_double(vm, a[4], &ddof)) goto done;
    ArrObj *v = var_of(vm, x, red, dt, ddof);
    if (v && is_std) {
        for (int64_t i = 0; i < v->size; i++) {
            if (v->dtype == DT_FLOAT32) ((float *)v->data)[i] = sqrtf(((float *)v->data)[i]);
            else if (v->dtype == DT_FLOAT16)
                ((uint16_t *)v->data)[i] = f2h(sqrtf(dt_h2f(((uint16_t *)v->data)[i])));
            else ((double *)v->data)[i] = sqrt(((double *)v->data)[i]);
        }
    }
    result = finish(vm, v, x, red, k);
done:
    decref(v_obj(x));
    return result;
}

static Value f_var(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return var_std(vm, "var", 0, argc, argv, kw);
}
static Value f_std(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return var_std(vm, "std", 1, argc, argv, kw);
}

/* ---------------------------------------------------------------- argmin, argmax */

/* A 0-d array as the 1-element 1-d array NumPy's argmin, argmax and cumsum see (consumes a;
 * NULL: raised). */
static ArrObj *ravel_0d(VM *vm, ArrObj *a) {
    int64_t one = 1;
    ArrObj *r = arr_reshape(vm, a, 1, &one);
    decref(v_obj(a));
    return r;
}

/* Index of the extreme element among n (stride s): first occurrence, NaN wins. */
static int64_t arg_row(int dt, int want_max, const char *p, int64_t n, int64_t s) {
    int64_t best = 0;
    if (arr_dtypes[dt].kind == 'c') {
        Complex b = dt_to_complex(dt, p);
        for (int64_t i = 1; i < n; i++) {
            Complex x = dt_to_complex(dt, p + i * s);
            int gt = x.re > b.re || (x.re == b.re && x.im > b.im);
            int lt = x.re < b.re || (x.re == b.re && x.im < b.im);
            if (want_max ? gt : lt) b = x, best = i;
        }
        return best;
    }
    if (arr_dtypes[dt].kind == 'f') {
        double b = dt_to_double(dt, p);
        if (b != b) return 0;
        for (int64_t i = 1; i < n; i++) {
            double x = dt_to_double(dt, p + i * s);
            if (x != x) return i;
            if (want_max ? x > b : x < b) b = x, best = i;
        }
        return best;
    }
    if (dt == DT_UINT64) {
        uint64_t b = *(const uint64_t *)p;
        for (int64_t i = 1; i < n; i++) {
            uint64_t x = *(const uint64_t *)(p + i * s);
            if (want_max ? x > b : x < b) b = x, best = i;
        }
        return best;
    }
    int64_t b = dt_to_int64(dt, p);
    for (int64_t i = 1; i < n; i++) {
        int64_t x = dt_to_int64(dt, p + i * s);
        if (want_max ? x > b : x < b) b = x, best = i;
    }
    return best;
}

static Value argext(VM *vm, const char *name, int want_max, int argc, const Value *argv,
                    const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, name, "a|axis,out,keepdims", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (x && x->ndim == 0) x = ravel_0d(vm, x);
    if (!x) return ERRV;
    Value result = ERRV;
    ArrObj *c = NULL;
    if (IS_NULL(a[1]) || a[1].tag == T_NONE) {
        if (x->size == 0) {
            vm_raise(vm, vm->E.ValueError, "attempt to get %s of an empty sequence", name);
            goto done;
        }
        if (!(c = arr_copy(vm, x, -1))) goto done;
        int64_t i = arg_row(c->dtype, want_max, c->data, c->size, arr_dtypes[c->dtype].size);
        result = arr_scalar(vm, DT_INT64, (const char *)&i);
        goto done;
    }
    int ax;
    if (npf_axis(vm, a[1], x->ndim, &ax)) goto done;
    if (x->shape[ax] == 0) {
        vm_raise(vm, vm->E.ValueError, "attempt to get %s of an empty sequence", name);
        goto done;
    }
    int64_t oshape[ARR_MAXDIM];
    int ond = 0;
    for (int d = 0; d < x->ndim; d++)
        if (d != ax) oshape[ond++] = x->shape[d];
    ArrObj *r = arr_new(vm, DT_INT64, ond, oshape, 0);
    if (!r) goto done;
    for (int64_t o = 0; o < r->size; o++) {
        const char *p = x->data;
        int64_t rem = o;
        for (int d = x->ndim - 1; d >= 0; d--) {
            if (d == ax) continue;
            p += (rem % x->shape[d]) * x->strides[d];
            rem /= x->shape[d];
        }
        ((int64_t *)r->data)[o] = arg_row(x->dtype, want_max, p, x->shape[ax], x->strides[ax]);
    }
    int red[ARR_MAXDIM] = {0};
    red[ax] = 1;
    int k = truthy(vm, a[3]);
    result = k < 0 ? (decref(v_obj(r)), ERRV) : finish(vm, r, x, red, k);
done:
    if (c) decref(v_obj(c));
    decref(v_obj(x));
    return result;
}

static Value f_argmax(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return argext(vm, "argmax", 1, argc, argv, kw);
}
static Value f_argmin(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return argext(vm, "argmin", 0, argc, argv, kw);
}

/* ---------------------------------------------------------------- cumsum, cumprod */

static Value cumulative(VM *vm, const char *name, int op, int argc, const Value *argv,
                        const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, name, "a|axis,dtype,out", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int dt = sum_dtype(x->dtype), ax;
    Value result = ERRV;
    ArrObj *c = NULL;
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE && (dt = dt_parse(vm, a[2])) < 0) goto done;
    int all = IS_NULL(a[1]) || a[1].tag == T_NONE; /* along an axis: x's layout kept */
    if (!(c = all ? arr_copy(vm, x, dt) : arr_copy_order(vm, x, dt, 'K'))
        || (c->ndim == 0 && !(c = ravel_0d(vm, c))))
        goto done;
    if (all) {
        int64_t n = c->size;
        ArrObj *flat = arr_reshape(vm, c, 1, &n);
        decref(v_obj(c));
        if (!(c = flat)) goto done;
        ax = 0;
    } else if (npf_axis(vm, a[1], c->ndim, &ax)) {
        goto done;
    }
    int64_t isz = arr_dtypes[dt].size, len = c->shape[ax], st = c->strides[ax];
    for (int64_t o = 0; len > 1 && o < c->size / len; o++) {
        char *p = c->data;
        int64_t rem = o;
        for (int d = c->ndim - 1; d >= 0; d--) {
            if (d == ax) continue;
            p += (rem % c->shape[d]) * c->strides[d];
            rem /= c->shape[d];
        }
        for (int64_t i = 1; i < len; i++) {
            char *cur = p + i * st;
            char acc[16];
            memcpy(acc, cur - st, (size_t)isz);
            fold(dt, op, acc, cur, 1, st, 0, 0);
            memcpy(cur, acc, (size_t)isz);
        }
    }
    result = v_obj(c);
    c = NULL;
done:
    if (c) decref(v_obj(c));
    decref(v_obj(x));
    return result;
}

static Value f_cumsum(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return cumulative(vm, "cumsum", RED_SUM, argc, argv, kw);
}
static Value f_cumprod(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return cumulative(vm, "cumprod", RED_PROD, argc, argv, kw);
}

static Value f_ptp(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value mx = reduction(vm, "ptp", RED_MAX, argc, argv, kw);
    if (IS_ERR(mx)) return mx;
    Value mn = reduction(vm, "ptp", RED_MIN, argc, argv, kw);
    if (IS_ERR(mn)) {
        decref(mx);
        return mn;
    }
    Value r = ufunc_binary(vm, OP_SUB, mx, mn, NULL);
    decref(mx);
    decref(mn);
    return r;
}

static Value f_count_nonzero(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "count_nonzero", "a|axis,keepdims", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    int red[ARR_MAXDIM], k;
    Value result = ERRV;
    if (parse_axes(vm, a[1], x->ndim, red, 1) || (k = truthy(vm, a[2])) < 0) goto done;
    ArrObj *b = arr_copy(vm, x, DT_BOOL);
    if (!b) goto done;
    ArrObj *r = reduce_to(vm, b, red, RED_SUM, DT_INT64);
    decref(v_obj(b));
    if (r && (IS_NULL(a[1]) || a[1].tag == T_NONE) && !k) {
        result = v_int(*(int64_t *)r->data);
        decref(v_obj(r));
    } else {
        result = finish(vm, r, x, red, k);
    }
done:
    decref(v_obj(x));
    return result;
}

static const BuiltinDef RED_FUNCS[] = {
    {"sum", f_sum, "(a, axis=None, dtype=None, out=None, keepdims=False)", "Sum of elements."},
    {"prod", f_prod, "(a, axis=None, dtype=None, out=None, keepdims=False)", "Product."},
    {"max", f_max, "(a, axis=None, out=None, keepdims=False)", "Maximum."},
    {"min", f_min, "(a, axis=None, out=None, keepdims=False)", "Minimum."},
    {"all", f_all, "(a, axis=None, out=None, keepdims=False)", "All true."},
    {"any", f_any, "(a, axis=None, out=None, keepdims=False)", "Any true."},
    {"mean", f_mean, "(a, axis=None, dtype=None, out=None, keepdims=False)", "Mean."},
    {"var", f_var, "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False)", "Variance."},
    {"std", f_std, "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False)",
     "Standard deviation."},
    {"argmax", f_argmax, "(a, axis=None, out=None, keepdims=False)", "Index of the maximum."},
    {"argmin", f_argmin, "(a, axis=None, out=None, keepdims=False)", "Index of the minimum."},
    {"cumsum", f_cumsum, "(a, axis=None, dtype=None, out=None)", "Cumulative sum."},
    {"cumprod", f_cumprod, "(a, axis=None, dtype=None, out=None)", "Cumulative product."},
    {"ptp", f_ptp, "(a, axis=None, out=None, keepdims=False)", "Range of values."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef RED_MODULE_ONLY[] = {
    {"amax", f_max, "(a, axis=None, out=None, keepdims=False)", "Maximum."},
    {"amin", f_min, "(a, axis=None, out=None, keepdims=False)", "Minimum."},
    {"count_nonzero", f_count_nonzero, "(a, axis=None, keepdims=False)", "Non-zero count."},
    {NULL, NULL, NULL, NULL},
};

int red_init(VM *vm, ModuleObj *m, TypeObj *t) {
    return module_add_funcs(vm, m, RED_FUNCS) || module_add_funcs(vm, m, RED_MODULE_ONLY)
                   || type_add_methods(vm, t, RED_FUNCS)
               ? -1
               : 0;
}

double red_pairwise_f64(const double *p, int64_t n) {
    return pairwise_f64((const char *)p, n, sizeof(double));
}
