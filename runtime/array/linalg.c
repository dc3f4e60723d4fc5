/* linalg.c: products (dot, matmul, vdot, inner, outer, cross, trace) and numpy.linalg on
 * OpenBLAS and LAPACK. Each routine repeats NumPy 1.24's own steps (the same BLAS call for the
 * same shapes, Fortran-order copies, workspace queries, post-processing) so that results print
 * as NumPy's do. Like numpy.linalg, LAPACK work is done in float64 and cast back to float32. */
#include <cblas.h>
#include <lapacke.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linalg.h"
#include "sort.h"

#define CBLAS_CHUNK (INT_MAX / 2 + 1)

static void drop(VM *vm, ArrObj *a) {
    if (a) decref(v_obj(a));
}

static int is_none(Value v) {
    return IS_NULL(v) || v.tag == T_NONE;
}

static void shape_text(SBuf *b, int nd, const int64_t *shape) {
    sb_putc(b, '(');
    for (int i = 0; i < nd; i++) sb_printf(b, i ? ",%lld" : "%lld", (long long)shape[i]);
    sb_puts(b, nd == 1 ? ",)" : ")");
}

/* ================================================================ products */

/* A 2-D operand: first element and byte strides. */
typedef struct Mat {
    const char *p;
    int64_t rs, cs;
} Mat;

/* Element stride for BLAS: positive, a multiple of the item size, within int; else 0. */
static int bstride(int64_t s, int isz) {
    return s > 0 && s % isz == 0 && s / isz <= INT_MAX ? (int)(s / isz) : 0;
}

/* NumPy's is_blasable2d: rows of d2 unit-stride elements, d1 of them, is1 bytes apart. */
static int blasable2d(int64_t is1, int64_t is2, int64_t d1, int64_t d2, int isz) {
    (void)d1;
    return is2 == isz && is1 % isz == 0 && is1 / isz >= d2 && is1 / isz <= INT_MAX;
}

/* How BLAS sees a rows x cols operand: row-major as is (NoTrans) or its transpose (Trans). */
static int layout(const Mat *a, int64_t rows, int64_t cols, int isz, enum CBLAS_TRANSPOSE *t,
                  int *ld) {
    if (blasable2d(a->rs, a->cs, rows, cols, isz)) {
        *t = CblasNoTrans;
        *ld = (int)(a->rs / isz);
        return 1;
    }
    if (blasable2d(a->cs, a->rs, cols, rows, isz)) {
        *t = CblasTrans;
        *ld = (int)(a->cs / isz);
        return 1;
    }
    return 0;
}

/* out = sum a[i] * b[i], as NumPy's dot function of the dtype (?dot when strides allow). */
static void vec_dot(int dt, const char *a, int64_t sa, const char *b, int64_t sb, int64_t n,
                    char *out) {
    int isz = arr_dtypes[dt].size, ia = bstride(sa, isz), ib = bstride(sb, isz);
    if (dt == DT_FLOAT64 || dt == DT_FLOAT32) {
        double s = 0;
        if (ia && ib) {
            for (; n > 0; n -= CBLAS_CHUNK) {
                int c = n < CBLAS_CHUNK ? (int)n : CBLAS_CHUNK;
                s += dt == DT_FLOAT64 ? cblas_ddot(c, (const double *)a, ia, (const double *)b, ib)
                                      : cblas_sdot(c, (const float *)a, ia, (const float *)b, ib);
                a += c * sa, b += c * sb;
            }
        } else if (dt == DT_FLOAT64) {
            for (int64_t i = 0; i < n; i++)
                s += *(const double *)(a + i * sa) * *(const double *)(b + i * sb);
        } else {
            float f = 0;
            for (int64_t i = 0; i < n; i++)
                f += *(const float *)(a + i * sa) * *(const float *)(b + i * sb);
            s = f;
        }
        if (dt == DT_FLOAT64)
            *(double *)out = s;
        else
            *(float *)out = (float)s;
    } else if (dt == DT_COMPLEX128) {
        Complex s = {0, 0};
        if (ia && ib && n <= INT_MAX) {
            cblas_zdotu_sub((int)n, a, ia, b, ib, &s);
        } else {
            for (int64_t i = 0; i < n; i++) {
                Complex x = *(const Complex *)(a + i * sa), y = *(const Complex *)(b + i * sb);
                s.re += x.re * y.re - x.im * y.im;
                s.im += x.re * y.im + x.im * y.re;
            }
        }
        *(Complex *)out = s;
    } else if (dt == DT_FLOAT16) { /* NumPy's HALF_dot: a float sum, rounded once */
        float s = 0;
        for (int64_t i = 0; i < n; i++)
            s += dt_h2f(*(const uint16_t *)(a + i * sa)) * dt_h2f(*(const uint16_t *)(b + i * sb));
        *(uint16_t *)out = dt_half_from_double(s);
    } else if (dt == DT_COMPLEX64) {
        Complex64 s = {0, 0};
        if (ia && ib && n <= INT_MAX) {
            cblas_cdotu_sub((int)n, a, ia, b, ib, &s);
        } else {
            for (int64_t i = 0; i < n; i++) {
                Complex64 x = *(const Complex64 *)(a + i * sa), y = *(const Complex64 *)(b + i * sb);
                s.re += x.re * y.re - x.im * y.im;
                s.im += x.re * y.im + x.im * y.re;
            }
        }
        *(Complex64 *)out = s;
    } else if (dt == DT_BOOL) {
        uint8_t s = 0;
        for (int64_t i = 0; i < n && !s; i++) s = a[i * sa] && b[i * sb];
        *(uint8_t *)out = s;
    } else {
        uint64_t s = 0;
        for (int64_t i = 0; i < n; i++)
            s += (uint64_t)dt_to_int64(dt, a + i * sa) * (uint64_t)dt_to_int64(dt, b + i * sb);
        dt_from_int64(dt, out, (int64_t)s);
    }
}

/* NumPy's matmul_inner_noblas: c[i,j] = 0, then += a[i,t] * b[t,j] in the dtype. */
static void mm_noblas(int dt, int64_t m, int64_t k, int64_t n, Mat a, Mat b, char *c) {
    int isz = arr_dtypes[dt].size;
    for (int64_t i = 0; i < m; i++)
        for (int64_t j = 0; j < n; j++) {
            char *o = c + (i * n + j) * isz;
            const char *pa = a.p + i * a.rs, *pb = b.p + j * b.cs;
            if (dt == DT_FLOAT64) {
                double *d = (double *)o;
                *d = 0;
                for (int64_t t = 0; t < k; t++)
                    *d += *(const double *)(pa + t * a.cs) * *(const double *)(pb + t * b.rs);
            } else if (dt == DT_FLOAT32) {
                float *d = (float *)o;
                *d = 0;
                for (int64_t t = 0; t < k; t++)
                    *d += *(const float *)(pa + t * a.cs) * *(const float *)(pb + t * b.rs);
            } else {
                vec_dot(dt, pa, a.cs, pb, b.rs, k, o);
            }
        }
}

static void gemv(int dt, enum CBLAS_TRANSPOSE t, int rows, int cols, const char *m, int ld,
                 const char *x, int incx, char *y) {
    static const Complex one = {1, 0}, zero = {0, 0};
    if (dt == DT_FLOAT64)
        cblas_dgemv(CblasRowMajor, t, rows, cols, 1.0, (const double *)m, ld, (const double *)x,
                    incx, 0.0, (double *)y, 1);
    else if (dt == DT_FLOAT32)
        cblas_sgemv(CblasRowMajor, t, rows, cols, 1.0f, (const float *)m, ld, (const float *)x,
                    incx, 0.0f, (float *)y, 1);
    else
        cblas_zgemv(CblasRowMajor, t, rows, cols, &one, m, ld, x, incx, &zero, y, 1);
}

/* NumPy's matmul_matrixmatrix: gemm, or syrk (one triangle, mirrored) for a @ a.T. */
static void mm_gemm(int dt, int m, int k, int n, const Mat *a, enum CBLAS_TRANSPOSE ta, int lda,
                    const Mat *b, enum CBLAS_TRANSPOSE tb, int ldb, char *c) {
    static const Complex one = {1, 0}, zero = {0, 0};
    int isz = arr_dtypes[dt].size;
    if (a->p == b->p && m == n && a->rs == b->cs && a->cs == b->rs && ta != tb) {
        int ld = ta == CblasNoTrans ? lda : ldb;
        if (dt == DT_FLOAT64)
            cblas_dsyrk(CblasRowMajor, CblasUpper, ta, n, k, 1.0, (const double *)a->p, ld, 0.0,
                        (double *)c, n);
        else if (dt == DT_FLOAT32)
            cblas_ssyrk(CblasRowMajor, CblasUpper, ta, n, k, 1.0f, (const float *)a->p, ld, 0.0f,
                        (float *)c, n);
        else
            cblas_zsyrk(CblasRowMajor, CblasUpper, ta, n, k, &one, a->p, ld, &zero, c, n);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                memcpy(c + ((int64_t)j * n + i) * isz, c + ((int64_t)i * n + j) * isz, isz);
        return;
    }
    if (dt == DT_FLOAT64)
        cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, (const double *)a->p, lda,
                    (const double *)b->p, ldb, 0.0, (double *)c, n);
    else if (dt == DT_FLOAT32)
        cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, (const float *)a->p, lda,
                    (const float *)b->p, ldb, 0.0f, (float *)c, n);
    else
        cblas_zgemm(CblasRowMajor, ta, tb, m, n, k, &one, a->p, lda, b->p, ldb, &zero, c, n);
}

/* Which routine a 2-D product uses; MM_MATMUL picks as NumPy's matmul loop does. */
enum { MM_MATMUL, MM_NOBLAS, MM_DOT, MM_GEMV, MM_GEMM };

/* c (m x n, C-contiguous, dtype dt) = a (m x k) @ b (k x n). Non-BLAS layouts go to the plain
 * loop, as in NumPy's matmul (np.dot copies such operands before calling here). */
static void mm_kernel(int dt, int64_t m, int64_t k, int64_t n, Mat a, Mat b, char *c, int mode) {
    int isz = arr_dtypes[dt].size,
        blas = dt == DT_FLOAT64 || dt == DT_FLOAT32 || dt == DT_COMPLEX128;
    if (!m || !n) return;
    if (!blas || !k || m > INT_MAX || n > INT_MAX || k > INT_MAX) mode = MM_NOBLAS;
    if (mode == MM_MATMUL) {
        if (m == 1 && n == 1)
            mode = MM_DOT;
        else if (k == 1)
            mode = MM_NOBLAS;
        else if (m == 1 || n == 1)
            mode = MM_GEMV;
        else
            mode = MM_GEMM;
    }
    enum CBLAS_TRANSPOSE ta, tb;
    int lda, ldb;
    int oka = layout(&a, m, k, isz, &ta, &lda), okb = layout(&b, k, n, isz, &tb, &ldb);
    if (mode == MM_DOT) {
        vec_dot(dt, a.p, a.cs, b.p, b.rs, k, c);
        return;
    }
    if (mode == MM_GEMV && n == 1 && oka && bstride(b.rs, isz)) {
        if (ta == CblasNoTrans)
            gemv(dt, CblasNoTrans, (int)m, (int)k, a.p, lda, b.p, bstride(b.rs, isz), c);
        else
            gemv(dt, CblasTrans, (int)k, (int)m, a.p, lda, b.p, bstride(b.rs, isz), c);
        return;
    }
    if (mode == MM_GEMV && m == 1 && okb && bstride(a.cs, isz)) {
        if (tb == CblasNoTrans)
            gemv(dt, CblasTrans, (int)k, (int)n, b.p, ldb, a.p, bstride(a.cs, isz), c);
        else
            gemv(dt, CblasNoTrans, (int)n, (int)k, b.p, ldb, a.p, bstride(a.cs, isz), c);
        return;
    }
    if (mode == MM_GEMM && oka && okb) {
        mm_gemm(dt, (int)m, (int)k, (int)n, &a, ta, lda, &b, tb, ldb, c);
        return;
    }
    mm_noblas(dt, m, k, n, a, b, c);
}

static Mat mat_of(const ArrObj *a, int one_d_as_row) {
    Mat r = {a->data, 0, 0};
    if (a->ndim >= 2) {
        r.rs = a->strides[a->ndim - 2];
        r.cs = a->strides[a->ndim - 1];
    } else if (one_d_as_row) {
        r.cs = a->strides[0];
    } else {
        r.rs = a->strides[0];
    }
    return r;
}

/* The operand in dtype dt: itself when it already is, else a C-contiguous copy. */
static ArrObj *as_dtype(VM *vm, ArrObj *a, int dt) {
    if (a->dtype == dt) {
        incref(v_obj(a));
        return a;
    }
    return arr_copy(vm, a, dt);
}

/* The same, but also copied when BLAS could not use its last two axes (np.dot does this). */
static ArrObj *as_blasable(VM *vm, ArrObj *a, int dt) {
    if (a->dtype == dt && a->ndim <= 2 &&
        (dt == DT_FLOAT64 || dt == DT_FLOAT32 || dt == DT_COMPLEX128)) {
        Mat m = mat_of(a, 1);
        int64_t rows = a->ndim == 2 ? a->shape[0] : 1, cols = a->shape[a->ndim - 1];
        enum CBLAS_TRANSPOSE t;
        int ld;
        if (a->ndim == 2 ? layout(&m, rows, cols, arr_dtypes[dt].size, &t, &ld)
                         : bstride(a->strides[0], arr_dtypes[dt].size) || cols <= 1) {
            incref(v_obj(a));
            return a;
        }
        return arr_copy(vm, a, dt);
    }
    return as_dtype(vm, a, dt);
}

static Value zero_d_product(VM *vm, ArrObj *a, ArrObj *b, int is_matmul) {
    if (is_matmul)
        return vm_raise(vm, vm->E.ValueError,
                        "matmul: Input operand %d does not have enough "
                        "dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) "
                        "requires 1)",
                        a->ndim == 0 ? 0 : 1);
    return ufunc_binary(vm, OP_MUL, v_obj(a), v_obj(b), NULL);
}

/* Broadcasts the batch shapes of a (na axes) and b (nb axes) into out; -1 if they differ. */
static int batch_shape(int na, const int64_t *sa, int nb, const int64_t *sb, int *nout,
                       int64_t *out) {
    int n = na > nb ? na : nb;
    for (int i = 0; i < n; i++) {
        int64_t x = i < n - na ? 1 : sa[i - (n - na)], y = i < n - nb ? 1 : sb[i - (n - nb)];
        if (x != y && x != 1 && y != 1) return -1;
        out[i] = x == 1 ? y : x;
    }
    *nout = n;
    return 0;
}

/* Byte offset of batch index idx in an operand with nb batch axes (right-aligned to n). */
static int64_t batch_off(int n, const int64_t *shape, int64_t idx, int nb, const int64_t *bshape,
                         const int64_t *bstrides) {
    int64_t off = 0;
    for (int i = n - 1; i >= 0; i--) {
        int64_t d = idx % shape[i];
        idx /= shape[i];
        int j = i - (n - nb);
        if (j >= 0 && bshape[j] != 1) off += d * bstrides[j];
    }
    return off;
}

static Value bcast_error(VM *vm, const ArrObj *a, const ArrObj *b, int64_t m, int64_t n, int core_a,
                         int core_b) {
    SBuf s = SBUF_INIT;
    sb_puts(&s, "operands could not be broadcast together with remapped shapes "
                "[original->remapped]: ");
    const ArrObj *ops[2] = {a, b};
    int core[2] = {core_a, core_b};
    for (int k = 0; k < 2; k++) {
        shape_text(&s, ops[k]->ndim, ops[k]->shape);
        sb_puts(&s, "->(");
        for (int i = 0; i < ops[k]->ndim - core[k]; i++)
            sb_printf(&s, "%lld,", (long long)ops[k]->shape[i]);
        for (int i = 0; i < core[k]; i++) sb_puts(&s, i + 1 < core[k] ? "newaxis," : "newaxis");
        sb_puts(&s, ") ");
    }
    sb_printf(&s, " and requested shape (%lld,%lld)", (long long)m, (long long)n);
    vm_raise(vm, vm->E.ValueError, "%s", s.s);
    sb_free(&s);
    return ERRV;
}

/* Stacked matmul of arrays (ndim >= 1 each). */
static Value matmul_arrays(VM *vm, ArrObj *a, ArrObj *b) {
    int a1 = a->ndim == 1, b1 = b->ndim == 1;
    int64_t m = a1 ? 1 : a->shape[a->ndim - 2], k = a->shape[a->ndim - 1];
    int64_t kb = b1 ? b->shape[0] : b->shape[b->ndim - 2], n = b1 ? 1 : b->shape[b->ndim - 1];
    if (k != kb)
        return vm_raise(vm, vm->E.ValueError,
                        "matmul: Input operand 1 has a mismatch in its "
                        "core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size "
                        "%lld is different from %lld)",
                        (long long)kb, (long long)k);
    int na = a->ndim - (a1 ? 1 : 2), nb = b->ndim - (b1 ? 1 : 2), nd;
    int64_t shape[ARR_MAXDIM + 2];
    if (batch_shape(na, a->shape, nb, b->shape, &nd, shape))
        return bcast_error(vm, a, b, m, n, a1 ? 1 : 2, b1 ? 1 : 2);
    int dt = dt_promote(a->dtype, b->dtype);
    ArrObj *ca = as_dtype(vm, a, dt), *cb = ca ? as_dtype(vm, b, dt) : NULL, *c = NULL;
    int64_t count = 1;
    for (int i = 0; i < nd; i++) count *= shape[i];
    shape[nd] = m, shape[nd + 1] = n;
    if (cb) c = arr_new(vm, dt, nd + 2, shape, 1);
    if (c) {
        int64_t csz = m * n * arr_dtypes[dt].size;
        for (int64_t i = 0; i < count; i++) {
            Mat ma = mat_of(ca, 1), mb = mat_of(cb, 0);
            ma.p += batch_off(nd, shape, i, na, ca->shape, ca->strides);
            mb.p += batch_off(nd, shape, i, nb, cb->shape, cb->strides);
            if (a1) ma.rs = k * arr_dtypes[dt].size;
            if (b1) mb.cs = arr_dtypes[dt].size;
            mm_kernel(dt, m, k, n, ma, mb, c->data + i * csz, MM_MATMUL);
        }
    }
    drop(vm, ca);
    drop(vm, cb);
    if (!c) return ERRV;
    int rd = nd;
    if (!a1) shape[rd++] = m;
    if (!b1) shape[rd++] = n;
    ArrObj *r = arr_reshape(vm, c, rd, shape);
    drop(vm, c);
    return arr_result(vm, r);
}

Value la_matmul(VM *vm, Value av, Value bv) {
    ArrObj *a = arr_from_any(vm, av, -1), *b = a ? arr_from_any(vm, bv, -1) : NULL;
    Value r = ERRV;
    if (b) r = a->ndim == 0 || b->ndim == 0 ? zero_d_product(vm, a, b, 1) : matmul_arrays(vm, a, b);
    drop(vm, a);
    drop(vm, b);
    return r;
}

/* NumPy's _select_matrix_shape for cblas_matrixproduct. */
enum { SH_SCALAR, SH_COLUMN, SH_ROW, SH_MATRIX };
static int matrix_shape(const ArrObj *a) {
    if (a->ndim == 1) return a->shape[0] > 1 ? SH_COLUMN : SH_SCALAR;
    if (a->shape[0] > 1) return a->shape[1] == 1 ? SH_COLUMN : SH_MATRIX;
    return a->shape[1] == 1 ? SH_SCALAR : SH_ROW;
}

/* np.dot of operands of at most two dimensions (NumPy's cblas_matrixproduct). */
static Value dot2(VM *vm, ArrObj *a, ArrObj *b, int dt) {
    int64_t m = a->ndim == 2 ? a->shape[0] : 1, k = a->shape[a->ndim - 1];
    int64_t n = b->ndim == 2 ? b->shape[1] : 1;
    int sa = matrix_shape(a), sb = matrix_shape(b), mode = MM_GEMM;
    if (sa == SH_SCALAR || sb == SH_SCALAR)
        mode = MM_NOBLAS;
    else if (sb == SH_COLUMN && sa != SH_MATRIX)
        mode = MM_DOT;
    else if ((sa == SH_MATRIX) != (sb == SH_MATRIX))
        mode = MM_GEMV;
    if (mode == MM_GEMV && (m != 1 && n != 1)) mode = MM_GEMM;
    ArrObj *ca = as_blasable(vm, a, dt), *cb = ca ? as_blasable(vm, b, dt) : NULL, *c = NULL;
    int64_t shape[2];
    int nd = 0;
    if (a->ndim == 2) shape[nd++] = m;
    if (b->ndim == 2) shape[nd++] = n;
    if (cb) c = arr_new(vm, dt, nd, shape, 1);
    if (c) {
        Mat ma = mat_of(ca, 1), mb = mat_of(cb, 0);
        if (ca->ndim == 1) ma.rs = k * arr_dtypes[dt].size;
        if (cb->ndim == 1) mb.cs = arr_dtypes[dt].size;
        mm_kernel(dt, m, k, n, ma, mb, c->data, mode);
    }
    drop(vm, ca);
    drop(vm, cb);
    return c ? arr_result(vm, c) : ERRV;
}

/* np.dot beyond two dimensions: r[i..., j..., l] = sum(a[i..., :] * b[j..., :, l]). */
static Value dotn(VM *vm, ArrObj *a, ArrObj *b, int dt) {
    ArrObj *ca = as_dtype(vm, a, dt), *cb = ca ? as_dtype(vm, b, dt) : NULL, *c = NULL;
    int64_t shape[2 * ARR_MAXDIM];
    int nd = 0, bk = b->ndim == 1 ? 0 : b->ndim - 2;
    for (int i = 0; i < a->ndim - 1; i++) shape[nd++] = a->shape[i];
    for (int i = 0; i < b->ndim; i++)
        if (i != bk) shape[nd++] = b->shape[i];
    if (nd > ARR_MAXDIM) {
        vm_raise(vm, vm->E.ValueError, "dot: too many dimensions in the result");
        cb = NULL;
    }
    if (cb) c = arr_new(vm, dt, nd, shape, 1);
    if (c) {
        int64_t k = a->shape[a->ndim - 1], rows = k ? ca->size / k : 0, cols = k ? cb->size / k : 0;
        int isz = arr_dtypes[dt].size;
        char *o = c->data;
        for (int64_t i = 0; i < rows; i++) {
            const char *pa =
                ca->data + batch_off(a->ndim - 1, a->shape, i, a->ndim - 1, a->shape, ca->strides);
            for (int64_t j = 0; j < cols; j++, o += isz) {
                int64_t off = 0, idx = j; /* over b's axes without bk, C order */
                for (int t = b->ndim - 1; t >= 0; t--) {
                    if (t == bk) continue;
                    off += (idx % b->shape[t]) * cb->strides[t];
                    idx /= b->shape[t];
                }
                vec_dot(dt, pa, ca->strides[a->ndim - 1], cb->data + off, cb->strides[bk], k, o);
            }
        }
    }
    drop(vm, ca);
    drop(vm, cb);
    return c ? arr_result(vm, c) : ERRV;
}

static Value dot_arrays(VM *vm, ArrObj *a, ArrObj *b) {
    int bk = b->ndim == 1 ? 0 : b->ndim - 2;
    int64_t ka = a->shape[a->ndim - 1], kb = b->shape[bk];
    if (ka != kb) {
        SBuf s1 = SBUF_INIT, s2 = SBUF_INIT;
        shape_text(&s1, a->ndim, a->shape);
        shape_text(&s2, b->ndim, b->shape);
        vm_raise(vm, vm->E.ValueError,
                 "shapes %s and %s not aligned: %lld (dim %d) != %lld (dim %d)", s1.s, s2.s,
                 (long long)ka, a->ndim - 1, (long long)kb, bk);
        sb_free(&s1);
        sb_free(&s2);
        return ERRV;
    }
    int dt = dt_promote(a->dtype, b->dtype);
    int blas = dt == DT_FLOAT64 || dt == DT_FLOAT32 || dt == DT_COMPLEX128;
    return a->ndim <= 2 && b->ndim <= 2 && blas ? dot2(vm, a, b, dt) : dotn(vm, a, b, dt);
}

Value la_dot(VM *vm, Value av, Value bv) {
    ArrObj *a = arr_from_any(vm, av, -1), *b = a ? arr_from_any(vm, bv, -1) : NULL;
    Value r = ERRV;
    if (b) r = a->ndim == 0 || b->ndim == 0 ? zero_d_product(vm, a, b, 0) : dot_arrays(vm, a, b);
    drop(vm, a);
    drop(vm, b);
    return r;
}

/* ---------------------------------------------------------------- vdot inner outer */

static Value f_vdot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "vdot", "a,b", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *b = a ? arr_from_any(vm, v[1], -1) : NULL;
    ArrObj *ca = NULL, *cb = NULL;
    Value r = ERRV;
    if (!b) goto done;
    if (a->size != b->size) {
        vm_raise(vm, vm->E.ValueError, "cannot reshape array of size %lld into shape (%lld,)",
                 (long long)b->size, (long long)a->size);
        goto done;
    }
    int dt = dt_promote(a->dtype, b->dtype), isz = arr_dtypes[dt].size;
    if (!(ca = arr_copy(vm, a, dt)) || !(cb = arr_copy(vm, b, dt))) goto done;
    char out[16];
    if (dt == DT_COMPLEX128) {
        Complex *x = (Complex *)ca->data;
        for (int64_t i = 0; i < ca->size; i++) x[i].im = -x[i].im;
    }
    if (dt == DT_COMPLEX64) {
        Complex64 *x = (Complex64 *)ca->data;
        for (int64_t i = 0; i < ca->size; i++) x[i].im = -x[i].im;
    }
    vec_dot(dt, ca->data, isz, cb->data, isz, ca->size, out);
    r = arr_scalar(vm, dt, out);
done:
    drop(vm, a);
    drop(vm, b);
    drop(vm, ca);
    drop(vm, cb);
    return r;
}

/* A view of a with axes i and j swapped. */
static ArrObj *swapped(VM *vm, ArrObj *a, int i, int j) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    memcpy(sh, a->shape, sizeof(int64_t) * a->ndim);
    memcpy(st, a->strides, sizeof(int64_t) * a->ndim);
    sh[i] = a->shape[j], sh[j] = a->shape[i];
    st[i] = a->strides[j], st[j] = a->strides[i];
    return arr_view(vm, a, a->dtype, a->ndim, sh, st, a->data);
}

static Value f_inner(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "inner", "a,b", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *b = a ? arr_from_any(vm, v[1], -1) : NULL, *bt = NULL;
    Value r = ERRV;
    if (b && (a->ndim == 0 || b->ndim == 0))
        r = ufunc_binary(vm, OP_MUL, v_obj(a), v_obj(b), NULL);
    else if (b && (bt = b->ndim >= 2 ? swapped(vm, b, b->ndim - 1, b->ndim - 2) : b))
        r = dot_arrays(vm, a, bt);
    if (bt && bt != b) drop(vm, bt);
    drop(vm, a);
    drop(vm, b);
    return r;
}

static Value f_outer(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[3];
    if (arg_parse(vm, "outer", "a,b|out", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *b = a ? arr_from_any(vm, v[1], -1) : NULL;
    ArrObj *ra = NULL, *rb = NULL;
    Value r = ERRV;
    if (b) {
        int64_t sa[2] = {a->size, 1}, sb[2] = {1, b->size};
        ra = arr_reshape(vm, a, 2, sa);
        rb = ra ? arr_reshape(vm, b, 2, sb) : NULL;
        if (rb) r = ufunc_binary(vm, OP_MUL, v_obj(ra), v_obj(rb), NULL);
    }
    drop(vm, a);
    drop(vm, b);
    drop(vm, ra);
    drop(vm, rb);
    return r;
}

/* ---------------------------------------------------------------- cross, trace */

/* A view of a with axis ax moved to the end. */
static ArrObj *axis_last(VM *vm, ArrObj *a, Value axv, const char *name) {
    int ax;
    if (npf_axis(vm, axv, a->ndim, &ax)) return NULL;
    (void)name;
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    int n = 0;
    for (int i = 0; i < a->ndim; i++)
        if (i != ax) sh[n] = a->shape[i], st[n++] = a->strides[i];
    sh[n] = a->shape[ax], st[n] = a->strides[ax];
    return arr_view(vm, a, a->dtype, a->ndim, sh, st, a->data);
}

/* Component i of the last axis (NULL when the axis has only 2 and i == 2). */
static ArrObj *component(VM *vm, ArrObj *a, int i) {
    return arr_view(vm, a, a->dtype, a->ndim - 1, a->shape, a->strides,
                    a->data + i * a->strides[a->ndim - 1]);
}

/* x*y - z*w through the ufuncs (NumPy: multiply, then subtract in place). */
static Value cross_term(VM *vm, ArrObj *x, ArrObj *y, ArrObj *z, ArrObj *w) {
    Value p = ufunc_binary(vm, OP_MUL, v_obj(x), v_obj(y), NULL);
    if (IS_ERR(p) || !z) return p;
    Value q = ufunc_binary(vm, OP_MUL, v_obj(z), v_obj(w), NULL);
    Value r = IS_ERR(q) ? ERRV : ufunc_binary(vm, OP_SUB, p, q, NULL);
    decref(p);
    decref(q);
    return r;
}

static Value cross_of(VM *vm, ArrObj *a, ArrObj *b) {
    int na = (int)a->shape[a->ndim - 1], nb = (int)b->shape[b->ndim - 1];
    ArrObj *ac[3] = {0}, *bc[3] = {0};
    Value t[3] = {v_null(), v_null(), v_null()}, r = ERRV;
    for (int i = 0; i < 3; i++) {
        if ((i < na && !(ac[i] = component(vm, a, i))) ||
            (i < nb && !(bc[i] = component(vm, b, i))))
            goto done;
    }
    if (na == 2 && nb == 2) {
        r = cross_term(vm, ac[0], bc[1], ac[1], bc[0]);
        goto done;
    }
    /* cp0 = a1 b2 - a2 b1, cp1 = a2 b0 - a0 b2, cp2 = a0 b1 - a1 b0 (missing terms are 0) */
    t[0] = nb == 3 ? cross_term(vm, ac[1], bc[2], na == 3 ? ac[2] : NULL, bc[1])
                   : ufunc_binary(vm, OP_MUL, v_obj(ac[2]), v_obj(bc[1]), NULL);
    if (IS_ERR(t[0])) goto done;
    if (nb == 2) {
        Value neg = ufunc_unop_hook(vm, OP_NEG, t[0]);
        decref(t[0]);
        t[0] = neg;
        if (IS_ERR(neg)) goto done;
    }
    if (na == 3 && nb == 3)
        t[1] = cross_term(vm, ac[2], bc[0], ac[0], bc[2]);
    else if (na == 3)
        t[1] = ufunc_binary(vm, OP_MUL, v_obj(ac[2]), v_obj(bc[0]), NULL);
    else {
        Value p = ufunc_binary(vm, OP_MUL, v_obj(ac[0]), v_obj(bc[2]), NULL);
        t[1] = IS_ERR(p) ? ERRV : ufunc_unop_hook(vm, OP_NEG, p);
        decref(p);
    }
    if (IS_ERR(t[1])) goto done;
    t[2] = cross_term(vm, ac[0], bc[1], ac[1], bc[0]);
    if (IS_ERR(t[2])) goto done;
    {
        ArrObj *parts[3];
        for (int i = 0; i < 3; i++) parts[i] = arr_of(vm, t[i]);
        ArrObj *c0 = arr_from_any(vm, t[0], -1);
        if (!c0) goto done;
        int64_t shape[ARR_MAXDIM];
        memcpy(shape, c0->shape, sizeof(int64_t) * c0->ndim);
        shape[c0->ndim] = 3;
        ArrObj *out = arr_new(vm, c0->dtype, c0->ndim + 1, shape, 0);
        int ok = out != NULL;
        for (int i = 0; i < 3 && ok; i++) {
            ArrObj *src = parts[i] ? parts[i] : arr_from_any(vm, t[i], -1);
            ArrObj *dst = src ? component(vm, out, i) : NULL;
            ok = dst && !dt_cast_into(vm, dst, src);
            drop(vm, dst);
            if (src && src != parts[i]) drop(vm, src);
        }
        drop(vm, c0);
        if (!ok)
            drop(vm, out);
        else
            r = arr_result(vm, out);
    }
done:
    for (int i = 0; i < 3; i++) {
        drop(vm, ac[i]);
        drop(vm, bc[i]);
        decref(t[i]);
    }
    return r;
}

static Value f_cross(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[6];
    if (arg_parse(vm, "cross", "a,b|axisa,axisb,axisc,axis", argc, argv, kw, v)) return ERRV;
    Value axa = v[2], axb = v[3];
    if (!is_none(v[5])) axa = axb = v[5];
    if (IS_NULL(axa)) axa = v_int(-1);
    if (IS_NULL(axb)) axb = v_int(-1);
    ArrObj *a = arr_from_any(vm, v[0], -1), *b = a ? arr_from_any(vm, v[1], -1) : NULL;
    ArrObj *la = NULL, *lb = NULL;
    Value r = ERRV;
    if (!b) goto done;
    if (a->ndim == 0 || b->ndim == 0) {
        vm_raise(vm, NP(vm)->e_axis, "axis -1 is out of bounds for array of dimension 0");
        goto done;
    }
    if (!(la = axis_last(vm, a, axa, "axisa")) || !(lb = axis_last(vm, b, axb, "axisb"))) goto done;
    int64_t na = la->shape[la->ndim - 1], nb = lb->shape[lb->ndim - 1];
    if ((na != 2 && na != 3) || (nb != 2 && nb != 3)) {
        vm_raise(vm, vm->E.ValueError,
                 "incompatible dimensions for cross product\n(dimension must be 2 or 3)");
        goto done;
    }
    r = cross_of(vm, la, lb);
done:
    drop(vm, a);
    drop(vm, b);
    drop(vm, la);
    drop(vm, lb);
    return r;
}

/* Calls obj.name(*args, **{kn[i]: kv[i]}). */
static Value call_meth(VM *vm, Value obj, const char *name, int argc, const Value *argv, int nkw,
                       const char *const *kn, const Value *kv) {
    Value f = obj_getattr(vm, obj, str_intern(vm, name, strlen(name)));
    if (IS_ERR(f)) return f;
    Value names[4];
    for (int i = 0; i < nkw; i++) names[i] = v_obj(str_intern(vm, kn[i], strlen(kn[i])));
    KwArgs k = {nkw, names, kv};
    Value r = obj_call(vm, f, argc, argv, nkw ? &k : NULL);
    decref(f);
    return r;
}

/* Calls numpy.name(x) (a ufunc of the numpy module). */
static Value np_call1(VM *vm, const char *name, Value x) {
    Value np = vm_import(vm, "numpy");
    if (IS_ERR(np)) return np;
    Value r = call_meth(vm, np, name, 1, &x, 0, NULL, NULL);
    decref(np);
    return r;
}

/* x.name(axis=axis, keepdims=keepdims) for sum/max/min. */
static Value reduce_by(VM *vm, Value x, const char *name, Value axis, int keepdims) {
    static const char *const kn[2] = {"axis", "keepdims"};
    Value kv[2] = {axis, v_bool(keepdims)};
    return call_meth(vm, x, name, 0, NULL, 2, kn, kv);
}

static Value f_trace(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[6];
    if (arg_parse(vm, "trace", "a|offset,axis1,axis2,dtype,out", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *d = NULL;
    Value r = ERRV;
    int64_t off = 0;
    int ax1 = 0, ax2 = 1;
    if (!a) return ERRV;
    if (a->ndim < 2) {
        vm_raise(vm, vm->E.ValueError, "diag requires an array of at least two dimensions");
        goto done;
    }
    if ((!is_none(v[1]) && obj_index(vm, v[1], &off, "offset")) ||
        (!is_none(v[2]) && npf_axis(vm, v[2], a->ndim, &ax1)) ||
        (!is_none(v[3]) && npf_axis(vm, v[3], a->ndim, &ax2)))
        goto done;
    if (ax1 == ax2) {
        vm_raise(vm, vm->E.ValueError, "axis1 and axis2 cannot be the same");
        goto done;
    }
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM], n1 = a->shape[ax1], n2 = a->shape[ax2], len;
    char *p = a->data;
    if (off >= 0)
        len = n2 - off < n1 ? n2 - off : n1, p += off * a->strides[ax2];
    else
        len = n1 + off < n2 ? n1 + off : n2, p -= off * a->strides[ax1];
    if (len <= 0) len = 0, p = a->data;
    int nd = 0;
    for (int i = 0; i < a->ndim; i++)
        if (i != ax1 && i != ax2) sh[nd] = a->shape[i], st[nd++] = a->strides[i];
    sh[nd] = len, st[nd++] = a->strides[ax1] + a->strides[ax2];
    if (!(d = arr_view(vm, a, a->dtype, nd, sh, st, p))) goto done;
    static const char *const kn[2] = {"axis", "dtype"};
    Value kv[2] = {v_int(-1), is_none(v[4]) ? v_none() : v[4]};
    r = call_meth(vm, v_obj(d), "sum", 0, NULL, 2, kn, kv);
done:
    drop(vm, a);
    drop(vm, d);
    return r;
}

/* ================================================================ numpy.linalg */

/* A stack of matrices converted for LAPACK: a C-contiguous copy in the work dtype. */
typedef struct Stack {
    ArrObj *x;     /* wt, C-contiguous, shape batch + (m, n) */
    int wt;        /* work dtype: complex128 for complex input, else float64 */
    int rt;        /* result dtype: float32 for float32 input, else wt */
    int nb;        /* batch axes */
    int64_t m, n;  /* core shape */
    int64_t count; /* matrices in the stack */
} Stack;

/* stack_load flags: square matrices only; complex input accepted (else NotImplementedError);
 * complex work dtype whatever the input (solve with a complex right-hand side). */
enum { LA_SQUARE = 1, LA_COMPLEX = 2, LA_TO_COMPLEX = 4 };

#define ZP(p) ((lapack_complex_double *)(p))

static Value linalg_err(VM *vm, const char *msg) {
    return vm_raise(vm, vm->E.LinAlgError, "%s", msg);
}

/* NumPy's _commonType for one operand: the dtype results come back in. -1: raised. */
static int result_type(VM *vm, const ArrObj *a, int flags) {
    if (a->dtype == DT_COMPLEX128 && !(flags & LA_COMPLEX)) {
        vm_raise(vm, vm->E.NotImplementedError,
                 "numpy.linalg on complex arrays is not supported by Abacus yet");
        return -1;
    }
    if (a->dtype == DT_COMPLEX128 || (flags & LA_TO_COMPLEX)) return DT_COMPLEX128;
    return a->dtype == DT_FLOAT32 ? DT_FLOAT32 : DT_FLOAT64;
}

/* The real dtype that goes with result dtype rt (singular values, eigvalsh, log|det|). */
static int real_of(int rt) {
    return rt == DT_COMPLEX128 ? DT_FLOAT64 : rt;
}

/* Loads v as a stack of matrices (flags above). 0, or -1 raised. */
static int stack_load(VM *vm, Value v, int flags, Stack *s) {
    ArrObj *a = arr_from_any(vm, v, -1);
    if (!a) return -1;
    s->x = NULL;
    if (a->ndim < 2) {
        vm_raise(vm, vm->E.LinAlgError,
                 "%d-dimensional array given. Array must be at least two-dimensional",
                 a->ndim);
    } else if ((flags & LA_SQUARE) && a->shape[a->ndim - 1] != a->shape[a->ndim - 2]) {
        linalg_err(vm, "Last 2 dimensions of the array must be square");
    } else if ((s->rt = result_type(vm, a, flags)) >= 0) {
        s->wt = s->rt == DT_COMPLEX128 ? DT_COMPLEX128 : DT_FLOAT64;
        s->nb = a->ndim - 2;
        s->m = a->shape[a->ndim - 2], s->n = a->shape[a->ndim - 1];
        s->count = 1;
        for (int i = 0; i < s->nb; i++) s->count *= a->shape[i];
        s->x = arr_copy(vm, a, s->wt);
    }
    drop(vm, a);
    return s->x ? 0 : -1;
}

/* A new dtype-dt array with the stack's batch shape followed by ncore dimensions. */
static ArrObj *stack_out(VM *vm, const Stack *s, int dt, int ncore, int64_t d0, int64_t d1) {
    int64_t shape[ARR_MAXDIM];
    memcpy(shape, s->x->shape, sizeof(int64_t) * s->nb);
    shape[s->nb] = d0, shape[s->nb + 1] = d1;
    return arr_new(vm, dt, s->nb + ncore, shape, 1);
}

/* r cast to dtype dt (consumes r; NULL passes through). */
static ArrObj *cast_to(VM *vm, ArrObj *r, int dt) {
    if (!r || r->dtype == dt) return r;
    ArrObj *c = arr_copy(vm, r, dt);
    drop(vm, r);
    return c;
}

static Value result(VM *vm, ArrObj *r, int dt) {
    return arr_result(vm, cast_to(vm, r, dt));
}

static int lda(int64_t m) {
    return m > 0 ? (int)m : 1;
}

/* Fortran (column-major) copies, as NumPy's linearize_matrix does before calling LAPACK;
 * isz is the element size: 8 (float64) or 16 (complex128). */
#define TRANSPOSED(T, d, s, rows, cols, dst_at, src_at)                                          \
    for (int64_t i = 0; i < (rows); i++)                                                       \
        for (int64_t j = 0; j < (cols); j++) ((T *)(d))[dst_at] = ((const T *)(s))[src_at]
static void c_to_f(const void *c, int64_t m, int64_t n, void *f, int isz) {
    if (isz == 8)
        TRANSPOSED(double, f, c, m, n, j * m + i, i * n + j);
    else
        TRANSPOSED(Complex, f, c, m, n, j * m + i, i * n + j);
}
static void f_to_c(const void *f, int64_t m, int64_t n, int64_t ld, void *c, int isz) {
    if (isz == 8)
        TRANSPOSED(double, c, f, m, n, i * n + j, j * ld + i);
    else
        TRANSPOSED(Complex, c, f, m, n, i * n + j, j * ld + i);
}

/* Stores the Fortran rows x cols matrix f (leading dimension ld) as matrix i of o. */
static void put_f(ArrObj *o, int64_t i, const void *f, int64_t rows, int64_t cols, int64_t ld) {
    int isz = arr_dtypes[o->dtype].size;
    f_to_c(f, rows, cols, ld, o->data + i * rows * cols * isz, isz);
}

static void *scratch(VM *vm, size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) vm_nomem(vm);
    return p;
}

static void stack_free(VM *vm, Stack *s) {
    drop(vm, s->x);
}

/* ---------------------------------------------------------------- the batched call */

/* One LAPACK routine over a stack of matrices, as NumPy's gufunc loops run it. batch_run
 * copies matrix i into fa (Fortran order, the work dtype), solve's right-hand sides into fb,
 * and calls fn, which makes the LAPACK call and stores its results at index i in out[]. fn
 * returns the LAPACK info: nonzero raises LinAlgError(err) unless fn raised itself. */
typedef struct Batch Batch;
typedef int (*BatchFn)(Batch *bt);
struct Batch {
    VM *vm;
    const Stack *a, *b;  /* the matrices; solve's right-hand sides (broadcast) or NULL */
    const char *err;     /* LinAlgError message for a nonzero info */
    size_t extra;        /* bytes of scratch fn wants in buf (8-byte aligned) */
    int lwork, lrwork, liwork; /* workspace sizes in elements; -1: ask the routine first */
    void *work;          /* lwork elements of the work dtype */
    double *rwork;       /* lrwork doubles (complex routines) */
    int *iwork;          /* liwork ints */
    void *fa, *fb, *buf; /* current operands, scratch */
    int64_t i;           /* index of the current matrix in the output batch */
    int query, raised;   /* a workspace query call; fn raised its own exception */
    char job, uplo;      /* routine options */
    int flag;            /* per-routine switch (det vs slogdet, NaN on singular, ...) */
    ArrObj *out[3];      /* results, allocated by the caller with the batch shape */
};

static int batch_fail(Batch *bt) {
    if (!bt->raised) linalg_err(bt->vm, bt->err);
    return -1;
}

/* The workspace: sizes given as -1 come from an lwork = -1 call of fn (NumPy's init_*). */
static int batch_workspace(Batch *bt, BatchFn fn, int isz) {
    double q[2] = {0, 0}, rq = 0;
    int iq = 0;
    if (bt->lwork < 0 || bt->lrwork < 0 || bt->liwork < 0) {
        bt->query = 1, bt->i = 0;
        bt->work = q, bt->rwork = &rq, bt->iwork = &iq;
        int info = fn(bt);
        bt->work = NULL, bt->rwork = NULL, bt->iwork = NULL, bt->query = 0;
        if (info) return batch_fail(bt);
        if (bt->lwork < 0) bt->lwork = (int)q[0];
        if (bt->lrwork < 0) bt->lrwork = (int)rq;
        if (bt->liwork < 0) bt->liwork = iq;
    }
    VM *vm = bt->vm;
    bt->work = scratch(vm, (size_t)isz * (bt->lwork > 0 ? bt->lwork : 1));
    bt->rwork = bt->work ? scratch(vm, sizeof(double) * (bt->lrwork > 0 ? bt->lrwork : 1)) : NULL;
    bt->iwork = bt->rwork ? scratch(vm, sizeof(int) * (bt->liwork > 0 ? bt->liwork : 1)) : NULL;
    return bt->iwork ? 0 : -1;
}

static int batch_run(Batch *bt, BatchFn fn) {
    const Stack *a = bt->a, *b = bt->b;
    int isz = arr_dtypes[a->wt].size, nd = a->nb, ok = -1;
    int64_t shape[ARR_MAXDIM + 2], count = 1;
    memcpy(shape, a->x->shape, sizeof(int64_t) * a->nb);
    if (b) batch_shape(a->nb, a->x->shape, b->nb, b->x->shape, &nd, shape);
    for (int i = 0; i < nd; i++) count *= shape[i];
    size_t sa = (size_t)(a->m * a->n) * isz, sb = b ? (size_t)(b->m * b->n) * isz : 0;
    char *mem = scratch(bt->vm, sa + sb + bt->extra);
    if (!mem || batch_workspace(bt, fn, isz)) goto done;
    bt->fa = mem, bt->fb = mem + sa, bt->buf = mem + sa + sb;
    for (bt->i = 0; bt->i < count; bt->i++) {
        const ArrObj *x = a->x;
        c_to_f(x->data + batch_off(nd, shape, bt->i, a->nb, x->shape, x->strides), a->m, a->n,
               bt->fa, isz);
        if (b)
            c_to_f(b->x->data + batch_off(nd, shape, bt->i, b->nb, b->x->shape, b->x->strides),
                   b->m, b->n, bt->fb, isz);
        if (fn(bt)) {
            batch_fail(bt);
            goto done;
        }
    }
    ok = 0;
done:
    free(mem);
    free(bt->work);
    free(bt->rwork);
    free(bt->iwork);
    return ok;
}

/* out[0] cast to rt[0] (nout 1), or the pair (out[0], out[1]) cast to rt[]; consumes the
 * outputs (all three). */
static Value batch_pack(Batch *bt, int nout, const int *rt) {
    VM *vm = bt->vm;
    Value v[2] = {ERRV, ERRV}, r = ERRV;
    for (int i = 0; i < 3; i++) {
        if (i < nout)
            v[i] = result(vm, bt->out[i], rt[i]);
        else
            drop(vm, bt->out[i]);
        bt->out[i] = NULL;
    }
    if (nout == 1) return v[0];
    if (!IS_ERR(v[0]) && !IS_ERR(v[1])) r = tuple_pack(vm, 2, v[0], v[1]);
    decref(v[0]);
    decref(v[1]);
    return r;
}

/* batch_run, then batch_pack; out[0..nout) NULL means their allocation raised. */
static Value batch_value(Batch *bt, BatchFn fn, int nout, const int *rt) {
    int ok = 1;
    for (int i = 0; i < nout; i++) ok &= bt->out[i] != NULL;
    if (ok && !batch_run(bt, fn)) return batch_pack(bt, nout, rt);
    for (int i = 0; i < 3; i++) drop(bt->vm, bt->out[i]), bt->out[i] = NULL;
    return ERRV;
}

static int is_cplx(const Batch *bt) {
    return bt->a->wt == DT_COMPLEX128;
}

/* ---------------------------------------------------------------- det, slogdet */

static Complex cmul(Complex x, Complex y) {
    return (Complex){x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re};
}

/* NumPy's slogdet_from_factored_diagonal: the sign from the pivots and the diagonal of the
 * LU factor f, log|det| as a sum of logs. */
static void slogdet_real(const double *f, int m, const int *ipiv, double *sign, double *logdet) {
    int changes = 0;
    for (int i = 0; i < m; i++) changes += ipiv[i] != i + 1;
    double sg = changes % 2 ? -1.0 : 1.0, acc = 0.0;
    for (int i = 0; i < m; i++) {
        double e = f[(int64_t)i * (m + 1)];
        if (e < 0) sg = -sg, e = -e;
        acc += log(e);
    }
    *sign = sg, *logdet = acc;
}

static void slogdet_cplx(const Complex *f, int m, const int *ipiv, Complex *sign,
                         double *logdet) {
    int changes = 0;
    for (int i = 0; i < m; i++) changes += ipiv[i] != i + 1;
    Complex sg = {changes % 2 ? -1.0 : 1.0, 0.0};
    double acc = 0.0;
    for (int i = 0; i < m; i++) {
        Complex e = f[(int64_t)i * (m + 1)];
        double ab = hypot(e.re, e.im);
        sg = cmul(sg, (Complex){e.re / ab, e.im / ab});
        acc += log(ab);
    }
    *sign = sg, *logdet = acc;
}

/* getrf of each matrix: out[0] the sign (flag 0) or the determinant (flag 1), out[1] log|det|;
 * a singular factor gives sign 0 and log|det| -inf. */
static int det_call(Batch *bt) {
    int m = (int)bt->a->m, *ipiv = bt->buf;
    int info = !m ? 0
               : is_cplx(bt) ? LAPACKE_zgetrf_work(LAPACK_COL_MAJOR, m, m, ZP(bt->fa), lda(m), ipiv)
                             : LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, m, m, bt->fa, lda(m), ipiv);
    double *ld = (double *)bt->out[1]->data + bt->i;
    if (is_cplx(bt)) {
        Complex *sg = (Complex *)bt->out[0]->data + bt->i;
        if (info)
            *sg = (Complex){0, 0}, *ld = -INFINITY;
        else
            slogdet_cplx(bt->fa, m, ipiv, sg, ld);
        if (bt->flag) *sg = cmul(*sg, (Complex){exp(*ld), 0.0});
    } else {
        double *sg = (double *)bt->out[0]->data + bt->i;
        if (info)
            *sg = 0.0, *ld = -INFINITY;
        else
            slogdet_real(bt->fa, m, ipiv, sg, ld);
        if (bt->flag) *sg = *sg * exp(*ld);
    }
    return 0;
}

static Value det_like(VM *vm, Value v, int want_slog) {
    Stack s;
    if (stack_load(vm, v, LA_SQUARE | LA_COMPLEX, &s)) return ERRV;
    Batch bt = {.vm = vm, .a = &s, .extra = sizeof(int) * s.m, .flag = !want_slog};
    bt.out[0] = stack_out(vm, &s, s.wt, 0, 0, 0);
    bt.out[1] = bt.out[0] ? stack_out(vm, &s, DT_FLOAT64, 0, 0, 0) : NULL;
    int rt[2] = {s.rt, real_of(s.rt)};
    Value r = bt.out[1] ? batch_value(&bt, det_call, want_slog ? 2 : 1, rt) : ERRV;
    drop(vm, bt.out[0]);
    stack_free(vm, &s);
    return r;
}

static Value f_det(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    if (arg_parse(vm, "det", "a", argc, argv, kw, v)) return ERRV;
    return det_like(vm, v[0], 0);
}

static Value f_slogdet(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    if (arg_parse(vm, "slogdet", "a", argc, argv, kw, v)) return ERRV;
    return det_like(vm, v[0], 1);
}

/* ---------------------------------------------------------------- inv, solve */

static int gesv(int cplx, int n, int k, void *a, int *ipiv, void *b) {
    if (!n || !k) return 0;
    if (cplx)
        return LAPACKE_zgesv_work(LAPACK_COL_MAJOR, n, k, ZP(a), lda(n), ipiv, ZP(b), lda(n));
    return LAPACKE_dgesv_work(LAPACK_COL_MAJOR, n, k, a, lda(n), ipiv, b, lda(n));
}

/* gesv against the identity (buf: n x n identity, then the pivots). flag: a singular matrix
 * gives NaN (errstate ignore, as cond uses) instead of LinAlgError. */
static int inv_call(Batch *bt) {
    int n = (int)bt->a->n, isz = arr_dtypes[bt->a->wt].size;
    char *id = bt->buf;
    memset(id, 0, (size_t)isz * n * n);
    for (int j = 0; j < n; j++) *(double *)(id + (size_t)j * (n + 1) * isz) = 1.0;
    int info = gesv(is_cplx(bt), n, n, bt->fa, (int *)(id + (size_t)isz * n * n), id);
    if (!info) {
        put_f(bt->out[0], bt->i, id, n, n, n);
    } else if (bt->flag) {
        double *dst = (double *)(bt->out[0]->data + bt->i * n * n * isz);
        for (int64_t j = 0; j < (int64_t)n * n * isz / 8; j++) dst[j] = NAN;
    } else {
        return info;
    }
    return 0;
}

/* The inverse of each matrix (in the work dtype), or NULL raised. */
static ArrObj *inv_stack(VM *vm, Stack *s, int nan_on_error) {
    int64_t n = s->n;
    Batch bt = {.vm = vm, .a = s, .err = "Singular matrix", .flag = nan_on_error};
    bt.extra = (size_t)arr_dtypes[s->wt].size * n * n + sizeof(int) * n;
    bt.out[0] = stack_out(vm, s, s->wt, 2, n, n);
    if (bt.out[0] && batch_run(&bt, inv_call)) drop(vm, bt.out[0]), bt.out[0] = NULL;
    return bt.out[0];
}

static Value f_inv(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    Stack s;
    if (arg_parse(vm, "inv", "a", argc, argv, kw, v) ||
        stack_load(vm, v[0], LA_SQUARE | LA_COMPLEX, &s))
        return ERRV;
    ArrObj *r = inv_stack(vm, &s, 0);
    Value res = r ? result(vm, r, s.rt) : ERRV;
    stack_free(vm, &s);
    return res;
}

static int solve_call(Batch *bt) {
    int n = (int)bt->a->n, k = (int)bt->b->n;
    int info = gesv(is_cplx(bt), n, k, bt->fa, bt->buf, bt->fb);
    if (!info) put_f(bt->out[0], bt->i, bt->fb, n, k, n);
    return info;
}

/* Right-hand sides of solve: b as (..., m, k) (vec: b is (..., m) and k = 1). */
static Value solve_arrays(VM *vm, Stack *s, ArrObj *b, int vec, int rt) {
    int n = (int)s->n, nb = b->ndim - (vec ? 1 : 2);
    int64_t bm = b->shape[nb], k = vec ? 1 : b->shape[b->ndim - 1];
    if (bm != n)
        return vm_raise(
            vm, vm->E.ValueError,
            vec ? "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                  "signature (m,m),(m)->(m) (size %lld is different from %lld)"
                : "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc "
                  "signature (m,m),(m,n)->(m,n) (size %lld is different from %lld)",
            (long long)bm, (long long)n);
    int nd;
    int64_t shape[ARR_MAXDIM + 2];
    if (batch_shape(s->nb, s->x->shape, nb, b->shape, &nd, shape))
        return bcast_error(vm, s->x, b, n, k, 2, vec ? 1 : 2);
    Stack rhs = {arr_copy(vm, b, s->wt), s->wt, rt, nb, n, k, 0};
    Batch bt = {.vm = vm, .a = s, .b = &rhs, .err = "Singular matrix", .extra = sizeof(int) * n};
    shape[nd] = n, shape[nd + 1] = k;
    if (rhs.x) bt.out[0] = arr_new(vm, s->wt, nd + (vec ? 1 : 2), shape, 1);
    Value r = batch_value(&bt, solve_call, 1, &rt);
    drop(vm, rhs.x);
    return r;
}

static Value f_solve(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    Stack s;
    if (arg_parse(vm, "solve", "a,b", argc, argv, kw, v)) return ERRV;
    ArrObj *b = arr_from_any(vm, v[1], -1);
    if (!b) return ERRV;
    int bc = b->dtype == DT_COMPLEX128;
    Value r = ERRV;
    if (!stack_load(vm, v[0], LA_SQUARE | LA_COMPLEX | (bc ? LA_TO_COMPLEX : 0), &s)) {
        int rt = b->dtype == DT_FLOAT32 || bc || s.rt == DT_COMPLEX128 ? s.rt : DT_FLOAT64;
        int vec = b->ndim == s.x->ndim - 1;
        if (!vec && b->ndim < 2)
            vm_raise(vm, vm->E.ValueError,
                     "solve: Input operand 1 does not have enough dimensions "
                     "(has %d, gufunc core with signature (m,m),(m,n)->(m,n) requires 2)",
                     b->ndim);
        else
            r = solve_arrays(vm, &s, b, vec, rt);
        stack_free(vm, &s);
    }
    drop(vm, b);
    return r;
}

/* ---------------------------------------------------------------- eig, eigvals */

static int all_finite(const Stack *s) {
    const double *p = (const double *)s->x->data;
    int64_t n = s->x->size * (arr_dtypes[s->wt].size / 8);
    for (int64_t i = 0; i < n; i++)
        if (!isfinite(p[i])) return 0;
    return 1;
}

/* dgeev's eigenvectors as complex columns (mk_complex_eigenvectors): a conjugate pair shares
 * the columns j (real parts) and j+1 (imaginary parts). */
static void real_eigvecs(const double *vr, const double *wi, int n, Complex *vb) {
    for (int j = 0; j < n; j++) {
        const double *re = vr + (size_t)j * n;
        int pair = wi[j] != 0.0 && j + 1 < n;
        for (int i = 0; i < n; i++) {
            vb[(size_t)i * n + j].re = re[i];
            vb[(size_t)i * n + j].im = pair ? re[i + n] : 0.0;
            if (pair) {
                vb[(size_t)i * n + j + 1].re = re[i];
                vb[(size_t)i * n + j + 1].im = -re[i + n];
            }
        }
        j += pair;
    }
}

/* ?geev (NumPy: jobvl 'N', jobvr 'V' for eig, 'N' for eigvals); out[0] gets the eigenvalues
 * (complex), out[1] (eig) the eigenvectors. buf: vr (n x n), then wr, wi or w. */
static int eig_call(Batch *bt) {
    int n = (int)bt->a->n, ldvr = bt->job == 'V' ? lda(n) : 1, info;
    Complex *w = (Complex *)bt->out[0]->data + bt->i * n;
    if (is_cplx(bt)) {
        Complex *vr = bt->buf, *wb = vr + (size_t)n * n, vl;
        info = LAPACKE_zgeev_work(LAPACK_COL_MAJOR, 'N', bt->job, n, ZP(bt->fa), lda(n), ZP(wb),
                                  ZP(&vl), 1, ZP(vr), ldvr, ZP(bt->work), bt->lwork, bt->rwork);
        if (info || bt->query) return info;
        memcpy(w, wb, sizeof(Complex) * n);
        if (bt->out[1]) put_f(bt->out[1], bt->i, vr, n, n, n);
        return 0;
    }
    double *vr = bt->buf, *wr = vr + (size_t)n * n, *wi = wr + n, vl;
    info = LAPACKE_dgeev_work(LAPACK_COL_MAJOR, 'N', bt->job, n, bt->fa, lda(n), wr, wi, &vl, 1,
                              vr, ldvr, bt->work, bt->lwork);
    if (info || bt->query) return info;
    for (int i = 0; i < n; i++) w[i].re = wr[i], w[i].im = wi[i];
    if (bt->out[1]) real_eigvecs(vr, wi, n, (Complex *)bt->out[1]->data + bt->i * n * n);
    return 0;
}

static Value eig_like(VM *vm, Value av, int vectors) {
    Stack s;
    if (stack_load(vm, av, LA_SQUARE | LA_COMPLEX, &s)) return ERRV;
    if (!all_finite(&s)) {
        linalg_err(vm, "Array must not contain infs or NaNs");
        stack_free(vm, &s);
        return ERRV;
    }
    int64_t n = s.n;
    Batch bt = {.vm = vm, .a = &s, .err = "Eigenvalues did not converge", .lwork = -1,
                .lrwork = s.wt == DT_COMPLEX128 ? (int)(2 * n) : 0, .job = vectors ? 'V' : 'N'};
    bt.extra = (size_t)arr_dtypes[s.wt].size * (n * n + 2 * n);
    bt.out[0] = stack_out(vm, &s, DT_COMPLEX128, 1, n, 0);
    if (bt.out[0] && vectors) bt.out[1] = stack_out(vm, &s, DT_COMPLEX128, 2, n, n);
    Value r = ERRV;
    if (bt.out[0] && (bt.out[1] || !vectors) && !batch_run(&bt, eig_call)) {
        /* eig's rule: real input with every eigenvalue real gives float results */
        int real = s.wt == DT_FLOAT64;
        for (int64_t i = 0; i < bt.out[0]->size; i++)
            real &= ((Complex *)bt.out[0]->data)[i].im == 0.0;
        for (int i = 0; i < 2 && real; i++) bt.out[i] = cast_to(vm, bt.out[i], DT_FLOAT64);
        int rt = real ? s.rt : DT_COMPLEX128, rts[2] = {rt, rt};
        r = batch_pack(&bt, vectors ? 2 : 1, rts);
    }
    drop(vm, bt.out[0]);
    drop(vm, bt.out[1]);
    stack_free(vm, &s);
    return r;
}

static Value f_eig(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    if (arg_parse(vm, "eig", "a", argc, argv, kw, v)) return ERRV;
    return eig_like(vm, v[0], 1);
}

static Value f_eigvals(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    if (arg_parse(vm, "eigvals", "a", argc, argv, kw, v)) return ERRV;
    return eig_like(vm, v[0], 0);
}

/* ---------------------------------------------------------------- eigh, eigvalsh */

static int uplo_arg(VM *vm, Value v, char *uplo) {
    *uplo = 'L';
    if (IS_NULL(v)) return 0;
    if (IS_KIND(v, K_STR) && AS(StrObj, v)->len == 1 && strchr("LU", AS(StrObj, v)->s[0])) {
        *uplo = AS(StrObj, v)->s[0];
        return 0;
    }
    vm_raise(vm, vm->E.ValueError, "UPLO argument must be 'L' or 'U'");
    return -1;
}

/* dsyevd / zheevd: out[0] the eigenvalues (float64), out[1] (eigh) the eigenvectors. */
static int eigh_call(Batch *bt) {
    int n = (int)bt->a->n, info;
    double *w = (double *)bt->out[0]->data + bt->i * n;
    if (!n && !bt->query) return 0;
    if (is_cplx(bt))
        info = LAPACKE_zheevd_work(LAPACK_COL_MAJOR, bt->job, bt->uplo, n, ZP(bt->fa), lda(n), w,
                                   ZP(bt->work), bt->lwork, bt->rwork, bt->lrwork, bt->iwork,
                                   bt->liwork);
    else
        info = LAPACKE_dsyevd_work(LAPACK_COL_MAJOR, bt->job, bt->uplo, n, bt->fa, lda(n), w,
                                   bt->work, bt->lwork, bt->iwork, bt->liwork);
    if (!info && !bt->query && bt->out[1]) put_f(bt->out[1], bt->i, bt->fa, n, n, n);
    return info;
}

/* eigh on a square stack: out[0] the eigenvalues (float64), out[1] (vectors) the eigenvectors
 * (work dtype), neither cast to the result type. 0, or -1 raised with out[] NULL. */
static int eigh_arrays(VM *vm, const Stack *s, char uplo, int vectors, ArrObj **out) {
    Batch bt = {.vm = vm, .a = s, .err = "Eigenvalues did not converge", .lwork = -1,
                .lrwork = s->wt == DT_COMPLEX128 ? -1 : 0, .liwork = -1,
                .job = vectors ? 'V' : 'N', .uplo = uplo};
    bt.out[0] = stack_out(vm, s, DT_FLOAT64, 1, s->n, 0);
    if (bt.out[0] && vectors) bt.out[1] = stack_out(vm, s, s->wt, 2, s->n, s->n);
    int ok = bt.out[0] && (!vectors || bt.out[1]) && !batch_run(&bt, eigh_call);
    for (int i = 0; i < 2; i++) {
        out[i] = ok ? bt.out[i] : NULL;
        if (!ok) drop(vm, bt.out[i]);
    }
    return ok ? 0 : -1;
}

static Value eigh_like(VM *vm, Value av, Value uplov, int vectors) {
    char uplo;
    Stack s;
    if (uplo_arg(vm, uplov, &uplo) || stack_load(vm, av, LA_SQUARE | LA_COMPLEX, &s))
        return ERRV;
    Batch bt = {.vm = vm};
    int rt[2] = {real_of(s.rt), s.rt};
    Value r = eigh_arrays(vm, &s, uplo, vectors, bt.out) ? ERRV
                                                         : batch_pack(&bt, vectors ? 2 : 1, rt);
    stack_free(vm, &s);
    return r;
}

static Value f_eigh(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "eigh", "a|UPLO", argc, argv, kw, v)) return ERRV;
    return eigh_like(vm, v[0], v[1], 1);
}

static Value f_eigvalsh(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "eigvalsh", "a|UPLO", argc, argv, kw, v)) return ERRV;
    return eigh_like(vm, v[0], v[1], 0);
}

/* ---------------------------------------------------------------- svd */

/* ?gesdd: out[1] the singular values (float64, k per matrix); out[0] = u (m x uc) and
 * out[2] = vt (vr x n) for jobz 'A' (full) or 'S'; jobz 'N' computes s only. buf: u, vt. */
static int svd_call(Batch *bt) {
    int m = (int)bt->a->m, n = (int)bt->a->n, k = m < n ? m : n, info;
    int uc = bt->job == 'A' ? m : k, vr = bt->job == 'A' ? n : k;
    int ldu = bt->job == 'N' ? 1 : lda(m), ldvt = bt->job == 'N' ? 1 : lda(vr);
    char *fu = bt->buf, *fv = fu + (bt->job == 'N' ? 1 : (size_t)m * uc) * 16;
    double *s = (double *)bt->out[1]->data + bt->i * k;
    if (is_cplx(bt))
        info = LAPACKE_zgesdd_work(LAPACK_COL_MAJOR, bt->job, m, n, ZP(bt->fa), lda(m), s, ZP(fu),
                                   ldu, ZP(fv), ldvt, ZP(bt->work), bt->lwork, bt->rwork,
                                   bt->iwork);
    else
        info = LAPACKE_dgesdd_work(LAPACK_COL_MAJOR, bt->job, m, n, bt->fa, lda(m), s,
                                   (double *)fu, ldu, (double *)fv, ldvt, bt->work, bt->lwork,
                                   bt->iwork);
    if (!info && !bt->query && bt->job != 'N') {
        put_f(bt->out[0], bt->i, fu, m, uc, m);
        put_f(bt->out[2], bt->i, fv, vr, n, vr);
    }
    return info;
}

/* svd(a, full_matrices, compute_uv) as arrays in the stack's result type: out[0] = u,
 * out[1] = s, out[2] = vh (u and vh NULL without compute_uv). */
static int svd_arrays(VM *vm, const Stack *st, int full, int uv, ArrObj **out) {
    int64_t m = st->m, n = st->n, k = m < n ? m : n, mx = m > n ? m : n;
    Batch bt = {.vm = vm, .a = st, .err = "SVD did not converge", .lwork = -1,
                .liwork = (int)(8 * k), .job = !uv ? 'N' : full ? 'A' : 'S'};
    /* zgesdd's rwork (LAPACK 3.7's bound), u and vt (16-byte slots for either dtype) */
    bt.lrwork = (int)(uv ? 5 * k * k + 5 * k + 2 * mx * k + 2 * k * k + k : 7 * k);
    bt.lrwork = st->wt == DT_COMPLEX128 ? bt.lrwork : 0;
    bt.extra = uv ? 16 * (size_t)(m * (full ? m : k) + (full ? n : k) * n) : 32;
    bt.out[1] = stack_out(vm, st, DT_FLOAT64, 1, k, 0);
    if (uv && bt.out[1]) {
        bt.out[0] = stack_out(vm, st, st->wt, 2, m, full ? m : k);
        bt.out[2] = bt.out[0] ? stack_out(vm, st, st->wt, 2, full ? n : k, n) : NULL;
    }
    int ok = bt.out[1] && (!uv || bt.out[2]) && (!m || !n || !batch_run(&bt, svd_call));
    for (int i = 0; i < 3; i++) {
        out[i] = ok ? cast_to(vm, bt.out[i], i == 1 ? real_of(st->rt) : st->rt) : NULL;
        if (!ok) drop(vm, bt.out[i]);
    }
    return out[1] && (!uv || (out[0] && out[2])) ? 0 : -1;
}

/* NumPy's sign(): -1, 0 or 1, NaN for NaN. */
static double sign_of(double x) {
    return x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;
}

/* One matrix of svd(hermitian=True), from eigh's w (n) and u (n x n, C order, isz 8 or 16),
 * as linalg.py does it: s = |w| in the reverse of argsort's order (stored over w; s is scratch),
 * u's columns taken in that order, and vh = conj(transpose(u * sign(w))), the product taken as
 * complex * (sign + 0j). */
static void herm_one(double *w, const char *u, int64_t n, int isz, int64_t *idx,
                     double *s, char *uo, char *vo) {
    for (int64_t i = 0; i < n; i++) s[i] = fabs(w[i]), idx[i] = i;
    sort_indices(DT_FLOAT64, s, idx, n);
    for (int64_t j = 0; j < n; j++) {
        int64_t c = idx[n - 1 - j];
        double g = sign_of(w[c]);
        for (int64_t r = 0; r < n; r++) {
            const double *e = (const double *)(u + (r * n + c) * isz);
            double *du = (double *)(uo + (r * n + j) * isz);
            double *dv = (double *)(vo + (j * n + r) * isz);
            du[0] = e[0];
            if (isz == 8) {
                dv[0] = e[0] * g;
                continue;
            }
            du[1] = e[1];
            dv[0] = e[0] * g - e[1] * 0.0;
            dv[1] = -(e[0] * 0.0 + e[1] * g);
        }
    }
    for (int64_t j = 0; j < n; j++) w[j] = s[idx[n - 1 - j]];
}

/* svd(a, hermitian=True) on a square stack, out[] as svd_arrays gives it (u and vh NULL
 * without compute_uv): eigh then |w| sorted descending. */
static int svd_herm_arrays(VM *vm, const Stack *st, int uv, ArrObj **out) {
    ArrObj *e[2] = {0};
    int64_t n = st->n, isz = arr_dtypes[st->wt].size;
    out[0] = out[1] = out[2] = NULL;
    if (eigh_arrays(vm, st, 'L', uv, e)) return -1;
    int64_t *idx = scratch(vm, sizeof(int64_t) * (n ? n : 1) + sizeof(double) * n);
    if (idx && uv) {
        out[0] = stack_out(vm, st, st->wt, 2, n, n);
        out[2] = out[0] ? stack_out(vm, st, st->wt, 2, n, n) : NULL;
    }
    if (idx && (!uv || out[2])) {
        double *w = (double *)e[0]->data, *tmp = (double *)(idx + (n ? n : 1));
        for (int64_t b = 0; b < st->count; b++, w += n) {
            if (!uv) {
                for (int64_t i = 0; i < n; i++) tmp[i] = fabs(w[i]);
                sort_values(DT_FLOAT64, tmp, n);
                for (int64_t i = 0; i < n; i++) w[i] = tmp[n - 1 - i];
                continue;
            }
            size_t mat = (size_t)(b * n * n * isz);
            herm_one(w, e[1]->data + mat, n, (int)isz, idx, tmp, out[0]->data + mat,
                     out[2]->data + mat);
        }
        out[1] = e[0], e[0] = NULL;
    }
    free(idx);
    drop(vm, e[0]);
    drop(vm, e[1]);
    for (int i = 0; i < 3; i++) out[i] = cast_to(vm, out[i], i == 1 ? real_of(st->rt) : st->rt);
    if (out[1] && (!uv || (out[0] && out[2]))) return 0;
    for (int i = 0; i < 3; i++) drop(vm, out[i]), out[i] = NULL;
    return -1;
}

/* herm: svd(hermitian=True) (then st must be square) */
static int svd_any(VM *vm, const Stack *st, int full, int uv, int herm, ArrObj **out) {
    return herm ? svd_herm_arrays(vm, st, uv, out) : svd_arrays(vm, st, full, uv, out);
}

static Value svd_value(VM *vm, Value av, int full, int uv, int herm) {
    Stack st;
    ArrObj *o[3];
    if (stack_load(vm, av, LA_COMPLEX | (herm ? LA_SQUARE : 0), &st)) return ERRV;
    Value r = ERRV;
    if (!svd_any(vm, &st, full, uv, herm, o))
        r = uv ? tuple_pack(vm, 3, v_obj(o[0]), v_obj(o[1]), v_obj(o[2])) : vref(v_obj(o[1]));
    for (int i = 0; i < 3; i++) drop(vm, o[i]);
    stack_free(vm, &st);
    return r;
}

static int flag_arg(VM *vm, Value v, int dflt) {
    return IS_NULL(v) ? dflt : obj_truth(vm, v);
}

static Value f_svd(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[4];
    if (arg_parse(vm, "svd", "a|full_matrices,compute_uv,hermitian", argc, argv, kw, v))
        return ERRV;
    int full = flag_arg(vm, v[1], 1), uv = full < 0 ? -1 : flag_arg(vm, v[2], 1);
    int herm = uv < 0 ? -1 : flag_arg(vm, v[3], 0);
    if (herm < 0) return ERRV;
    return svd_value(vm, v[0], full, uv, herm);
}

/* ---------------------------------------------------------------- qr */

enum { QR_REDUCED, QR_COMPLETE, QR_R, QR_RAW };

/* triu of the first rows rows of the Fortran m x n factor f, into c (rows x n); isz 8 or 16. */
static void triu_rows(const char *f, int64_t m, int64_t n, int64_t rows, char *c, int isz) {
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < n; j++) {
            char *dst = c + (i * n + j) * isz;
            if (j >= i)
                memcpy(dst, f + (j * m + i) * isz, isz);
            else
                memset(dst, 0, isz);
        }
}

static int geqrf(int cplx, int m, int n, void *a, void *tau, void *work, int lwork) {
    if (cplx)
        return LAPACKE_zgeqrf_work(LAPACK_COL_MAJOR, m, n, ZP(a), lda(m), ZP(tau), ZP(work), lwork);
    return LAPACKE_dgeqrf_work(LAPACK_COL_MAJOR, m, n, a, lda(m), tau, work, lwork);
}

static int orgqr(int cplx, int m, int mc, int k, void *q, const void *tau, void *work, int lwork) {
    if (cplx)
        return LAPACKE_zungqr_work(LAPACK_COL_MAJOR, m, mc, k, ZP(q), lda(m),
                                   (const lapack_complex_double *)tau, ZP(work), lwork);
    return LAPACKE_dorgqr_work(LAPACK_COL_MAJOR, m, mc, k, q, lda(m), tau, work, lwork);
}

/* NumPy's LWORK after a workspace query: max(1, floor, the routine's answer). */
static int qr_lwork(const double *q, int floor) {
    int w = (int)q[0];
    return w > floor ? w : (floor > 0 ? floor : 1);
}

/* ?geqrf on the Fortran m x n matrix a (tau: k elements), then for q non-NULL the first mc
 * columns of Q by ?orgqr / ?ungqr, each with its own workspace query (NumPy's init_geqrf,
 * init_gqr). isz 16: complex128. 0, or -1 raised. */
static int qr_one(VM *vm, void *a, int m, int n, void *tau, void *q, int mc, int isz) {
    int k = m < n ? m : n, cplx = isz == 16;
    double wq[2] = {0, 0};
    void *work = NULL;
    int info = geqrf(cplx, m, n, a, tau, wq, -1), lwork = qr_lwork(wq, n);
    if (info || !(work = scratch(vm, (size_t)isz * lwork))) return -1;
    if (m && n) info = geqrf(cplx, m, n, a, tau, work, lwork);
    free(work);
    if (!q || info) return info ? (linalg_err(vm, "QR did not converge"), -1) : 0;
    /* Q: the first mc columns of the factor (the rest set up by orgqr), then orgqr */
    size_t col = (size_t)m * isz;
    memcpy(q, a, col * (mc < n ? mc : n));
    if (mc > n) memset((char *)q + col * n, 0, col * (mc - n));
    info = orgqr(cplx, m, mc, k, q, tau, wq, -1);
    lwork = qr_lwork(wq, mc);
    if (info || !(work = scratch(vm, (size_t)isz * lwork))) return -1;
    if (m && mc) info = orgqr(cplx, m, mc, k, q, tau, work, lwork);
    free(work);
    return info ? -1 : 0;
}

static int qr_mode(VM *vm, Value v) {
    static const char *const names[] = {"reduced", "complete", "r", "raw"};
    if (IS_NULL(v)) return QR_REDUCED;
    if (IS_KIND(v, K_STR))
        for (int i = 0; i < 4; i++)
            if (!strcmp(AS(StrObj, v)->s, names[i])) return i;
    SBuf b = SBUF_INIT;
    if (obj_str_sb(vm, v, &b) == 0) vm_raise(vm, vm->E.ValueError, "Unrecognized mode '%s'", b.s);
    sb_free(&b);
    return -1;
}

/* geqrf (+ orgqr): QR_RAW: out[0] the factor (n x m), out[1] tau; QR_R: out[0] = r; else
 * out[0] = q (m x mc) and out[1] = r (rrows x n). buf: tau (k), q (m x mc). */
static int qr_call(Batch *bt) {
    int m = (int)bt->a->m, n = (int)bt->a->n, k = m < n ? m : n, mc = bt->liwork;
    int mode = bt->flag, rrows = mode == QR_R ? k : mc, isz = arr_dtypes[bt->a->wt].size;
    char *tau = bt->buf, *q = tau + (size_t)isz * k, *a = bt->fa;
    if (qr_one(bt->vm, a, m, n, tau, mode == QR_R || mode == QR_RAW ? NULL : q, mc, isz)) {
        bt->raised = 1;
        return -1;
    }
    if (mode == QR_RAW) {
        memcpy(bt->out[0]->data + bt->i * m * n * isz, a, (size_t)isz * m * n);
        memcpy(bt->out[1]->data + bt->i * k * isz, tau, (size_t)isz * k);
        return 0;
    }
    triu_rows(a, m, n, rrows, bt->out[mode != QR_R]->data + bt->i * rrows * n * isz, isz);
    if (mode != QR_R) put_f(bt->out[0], bt->i, q, m, mc, m);
    return 0;
}

static Value f_qr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    Stack s;
    if (arg_parse(vm, "qr", "a|mode", argc, argv, kw, v)) return ERRV;
    int mode = qr_mode(vm, v[1]);
    if (mode < 0 || stack_load(vm, v[0], LA_COMPLEX, &s)) return ERRV;
    int m = (int)s.m, n = (int)s.n, k = m < n ? m : n, wt = s.wt;
    int mc = mode == QR_COMPLETE && m > n ? m : k, rrows = mode == QR_R ? k : mc;
    /* (orgqr's column count rides in liwork: qr_one manages its own workspace) */
    Batch bt = {.vm = vm, .a = &s, .liwork = mc, .flag = mode};
    bt.extra = (size_t)arr_dtypes[wt].size * ((size_t)k + (size_t)m * mc + 1);
    int nout = mode == QR_R ? 1 : 2, rts[2] = {s.rt, s.rt};
    if (mode == QR_RAW) {
        bt.out[0] = stack_out(vm, &s, wt, 2, n, m);
        bt.out[1] = bt.out[0] ? stack_out(vm, &s, wt, 1, k, 0) : NULL;
    } else {
        bt.out[nout - 1] = stack_out(vm, &s, wt, 2, rrows, n);
        if (nout == 2 && bt.out[1]) bt.out[0] = stack_out(vm, &s, wt, 2, m, mc);
    }
    Value res = batch_value(&bt, qr_call, nout, rts);
    stack_free(vm, &s);
    return res;
}

/* ---------------------------------------------------------------- cholesky */

/* ?potrf 'L', the strict upper triangle of the result zeroed. */
static int cholesky_call(Batch *bt) {
    int n = (int)bt->a->n, isz = arr_dtypes[bt->a->wt].size;
    int info = !n             ? 0
               : is_cplx(bt) ? LAPACKE_zpotrf_work(LAPACK_COL_MAJOR, 'L', n, ZP(bt->fa), lda(n))
                             : LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'L', n, bt->fa, lda(n));
    if (info) return info;
    put_f(bt->out[0], bt->i, bt->fa, n, n, n);
    char *dst = bt->out[0]->data + bt->i * n * n * isz;
    for (int i = 0; i < n; i++) memset(dst + ((size_t)i * n + i + 1) * isz, 0, (size_t)(n - 1 - i) * isz);
    return 0;
}

static Value f_cholesky(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[1];
    Stack s;
    if (arg_parse(vm, "cholesky", "a", argc, argv, kw, v) ||
        stack_load(vm, v[0], LA_SQUARE | LA_COMPLEX, &s))
        return ERRV;
    Batch bt = {.vm = vm, .a = &s, .err = "Matrix is not positive definite"};
    bt.out[0] = stack_out(vm, &s, s.wt, 2, s.n, s.n);
    Value r = batch_value(&bt, cholesky_call, 1, &s.rt);
    stack_free(vm, &s);
    return r;
}

/* ---------------------------------------------------------------- lstsq */

typedef struct Lstsq {
    int m, n, nrhs, rank;
    int isz; /* 8: dgelsd; 16: zgelsd */
    double rcond;
} Lstsq;

/* (no right-hand sides: one column of zeros, as linalg.py pads b) */
static int gelsd_run(Lstsq *p, void *a, void *b, int ldb, double *s, void *work, int lwork,
                     double *rwork, int *iwork) {
    int k = p->nrhs ? p->nrhs : 1;
    if (p->isz == 16)
        return LAPACKE_zgelsd_work(LAPACK_COL_MAJOR, p->m, p->n, k, ZP(a), lda(p->m), ZP(b), ldb,
                                   s, p->rcond, &p->rank, ZP(work), lwork, rwork, iwork);
    return LAPACKE_dgelsd_work(LAPACK_COL_MAJOR, p->m, p->n, k, a, lda(p->m), b, ldb, s,
                               p->rcond, &p->rank, work, lwork, iwork);
}

/* The sum of |b[i]|^2 over n elements, as NumPy's abs2 adds them. */
static double sum_abs2(const char *b, int n, int isz) {
    double acc = 0;
    for (int i = 0; i < n; i++) {
        const double *e = (const double *)(b + (size_t)i * isz);
        acc += isz == 16 ? e[0] * e[0] + e[1] * e[1] : e[0] * e[0];
    }
    return acc;
}

/* ?gelsd on a (m x n, C) and b (m x nrhs, C), both of element size p->isz: x (n x nrhs),
 * resid (nrhs, sums of squares of the excess rows when rank == n and m > n), s (min(m, n)).
 * The workspace comes from a query, as NumPy's init_gelsd. */
static int gelsd(VM *vm, Lstsq *p, const char *ca, const char *cb, char *x, double *res,
                 double *s) {
    int m = p->m, n = p->n, nrhs = p->nrhs, ldb = lda(m > n ? m : n), ok = -1, isz = p->isz;
    char *a = scratch(vm, (size_t)isz * ((size_t)m * n + (size_t)ldb * (nrhs + 1)));
    double q[2] = {0, 0}, rq = 0, *rwork = NULL;
    void *work = NULL;
    int iq = 0, *iwork = NULL;
    if (!a) return -1;
    char *b = a + (size_t)isz * m * n;
    c_to_f(ca, m, n, a, isz);
    memset(b, 0, (size_t)isz * ldb * (nrhs ? nrhs : 1));
    for (int i = 0; i < m; i++)
        for (int j = 0; j < nrhs; j++)
            memcpy(b + ((size_t)j * ldb + i) * isz, cb + ((size_t)i * nrhs + j) * isz, isz);
    int info = gelsd_run(p, a, b, ldb, s, q, -1, &rq, &iq);
    int lwork = (int)q[0];
    if (info || !(work = scratch(vm, (size_t)isz * (lwork > 0 ? lwork : 1))) ||
        !(rwork = scratch(vm, sizeof(double) * (rq > 1 ? (size_t)rq : 1))) ||
        !(iwork = scratch(vm, sizeof(int) * (iq > 0 ? iq : 1))))
        goto done;
    p->rank = 0;
    if (m && n) {
        info = gelsd_run(p, a, b, ldb, s, work, lwork, rwork, iwork);
        if (info) {
            linalg_err(vm, "SVD did not converge in Linear Least Squares");
            goto done;
        }
    }
    f_to_c(b, n, nrhs, ldb, x, isz);
    for (int j = 0; j < nrhs; j++)
        res[j] = p->rank == n && m > n ? sum_abs2(b + ((size_t)j * ldb + n) * isz, m - n, isz)
                                       : NAN;
    ok = 0;
done:
    free(a);
    free(work);
    free(rwork);
    free(iwork);
    return ok;
}

static Value f_lstsq(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[3];
    if (arg_parse(vm, "lstsq", "a,b|rcond", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *b = a ? arr_from_any(vm, v[1], -1) : NULL;
    ArrObj *ca = NULL, *cb = NULL, *x = NULL, *res = NULL, *s = NULL;
    Value r = ERRV;
    if (!b) goto done;
    int is1d = b->ndim == 1;
    if (a->ndim != 2 || b->ndim + is1d != 2) {
        int bad = a->ndim != 2 ? a->ndim : b->ndim + is1d;
        vm_raise(vm, vm->E.LinAlgError,
                 "%d-dimensional array given. Array must be "
                 "two-dimensional",
                 bad);
        goto done;
    }
    Lstsq p = {(int)a->shape[0], (int)a->shape[1], is1d ? 1 : (int)b->shape[1], 0, 8, 0};
    if (b->shape[0] != p.m) {
        linalg_err(vm, "Incompatible dimensions");
        goto done;
    }
    int rt = result_type(vm, a, LA_COMPLEX), rb = rt < 0 ? -1 : result_type(vm, b, LA_COMPLEX);
    if (rb < 0) goto done;
    if (rt == DT_COMPLEX128 || rb == DT_COMPLEX128)
        rt = DT_COMPLEX128;
    else if (b->dtype != DT_FLOAT32)
        rt = DT_FLOAT64;
    int wt = rt == DT_COMPLEX128 ? DT_COMPLEX128 : DT_FLOAT64, real = real_of(rt);
    p.isz = arr_dtypes[wt].size;
    p.rcond = 2.220446049250313e-16 * (p.m > p.n ? p.m : p.n);
    if (!is_none(v[2]) && obj_to_double(vm, v[2], &p.rcond)) goto done;
    int64_t xs[2] = {p.n, p.nrhs}, rs = p.nrhs, ss = p.m < p.n ? p.m : p.n;
    if (!(ca = arr_copy(vm, a, wt)) || !(cb = arr_copy(vm, b, wt)) ||
        !(x = arr_new(vm, wt, is1d ? 1 : 2, xs, 1)) ||
        !(res = arr_new(vm, DT_FLOAT64, 1, &rs, 1)) || !(s = arr_new(vm, DT_FLOAT64, 1, &ss, 1)))
        goto done;
    if (gelsd(vm, &p, ca->data, cb->data, x->data, (double *)res->data, (double *)s->data))
        goto done;
    if (p.rank != p.n || p.m <= p.n) {
        int64_t zero = 0;
        drop(vm, res);
        if (!(res = arr_new(vm, DT_FLOAT64, 1, &zero, 1))) goto done;
    }
    int32_t rank = p.rank;
    Value rv = arr_scalar(vm, DT_INT32, (const char *)&rank);
    Value xv = result(vm, x, rt), resv = result(vm, res, real), sv = result(vm, s, real);
    x = res = s = NULL;
    if (!IS_ERR(rv) && !IS_ERR(xv) && !IS_ERR(resv) && !IS_ERR(sv))
        r = tuple_pack(vm, 4, xv, resv, rv, sv);
    decref(rv);
    decref(xv);
    decref(resv);
    decref(sv);
done:
    drop(vm, a);
    drop(vm, b);
    drop(vm, ca);
    drop(vm, cb);
    drop(vm, x);
    drop(vm, res);
    drop(vm, s);
    return r;
}

/* ---------------------------------------------------------------- norm */

enum { ORD_NONE, ORD_FRO, ORD_NUC, ORD_STR, ORD_NUM };
typedef struct Ord {
    int kind;
    double p;
    const char *s;
} Ord;

static int ord_parse(VM *vm, Value v, Ord *o) {
    o->kind = ORD_NONE, o->p = 0, o->s = NULL;
    if (is_none(v)) return 0;
    if (IS_KIND(v, K_STR)) {
        o->s = AS(StrObj, v)->s;
        o->kind = !strcmp(o->s, "fro") || !strcmp(o->s, "f") ? ORD_FRO
                  : !strcmp(o->s, "nuc")                     ? ORD_NUC
                                                             : ORD_STR;
        return 0;
    }
    o->kind = ORD_NUM;
    ArrObj *x = arr_of(vm, v);
    if (x && x->ndim == 0) {
        o->p = dt_to_double(x->dtype, x->data);
        return 0;
    }
    return obj_to_double(vm, v, &o->p);
}

static int ord_is(const Ord *o, double p) {
    return o->kind == ORD_NUM && o->p == p;
}

/* (x.conj() * x).real */
static Value abs2(VM *vm, ArrObj *x) {
    if (x->dtype != DT_COMPLEX128) return ufunc_binary(vm, OP_MUL, v_obj(x), v_obj(x), NULL);
    ArrObj *c = arr_copy(vm, x, DT_COMPLEX128),
           *r = c ? arr_new(vm, DT_FLOAT64, x->ndim, x->shape, 0) : NULL;
    if (r)
        for (int64_t i = 0; i < c->size; i++) {
            Complex z = ((Complex *)c->data)[i];
            ((double *)r->data)[i] = z.re * z.re + z.im * z.im;
        }
    drop(vm, c);
    return r ? arr_value(r) : ERRV;
}

/* f(g(x)): np.sqrt of a reduction etc., consuming the inner value. */
static Value then_call(VM *vm, const char *fn, Value x) {
    if (IS_ERR(x)) return x;
    Value r = np_call1(vm, fn, x);
    decref(x);
    return r;
}

static Value then_reduce(VM *vm, Value x, const char *name, Value axis, int keepdims) {
    if (IS_ERR(x)) return x;
    Value r = reduce_by(vm, x, name, axis, keepdims);
    decref(x);
    return r;
}

static Value vector_norm(VM *vm, ArrObj *x, const Ord *o, Value axis, int keepdims) {
    if (ord_is(o, INFINITY) || ord_is(o, -INFINITY))
        return then_reduce(vm, np_call1(vm, "absolute", v_obj(x)), o->p > 0 ? "max" : "min", axis,
                           keepdims);
    if (ord_is(o, 0)) {
        Value nz = ufunc_binary(vm, OP_NE, v_obj(x), v_int(0), NULL);
        if (IS_ERR(nz)) return nz;
        Value dt = dt_object(vm, x->dtype == DT_FLOAT32 ? DT_FLOAT32 : DT_FLOAT64);
        Value f = IS_ERR(dt) ? dt : call_meth(vm, nz, "astype", 1, &dt, 0, NULL, NULL);
        decref(nz);
        decref(dt);
        return then_reduce(vm, f, "sum", axis, keepdims);
    }
    if (ord_is(o, 1))
        return then_reduce(vm, np_call1(vm, "absolute", v_obj(x)), "sum", axis, keepdims);
    if (o->kind == ORD_NONE || ord_is(o, 2))
        return then_call(vm, "sqrt", then_reduce(vm, abs2(vm, x), "sum", axis, keepdims));
    if (o->kind != ORD_NUM)
        return vm_raise(vm, vm->E.ValueError, "Invalid norm order '%s' for vectors", o->s);
    Value ax = np_call1(vm, "absolute", v_obj(x));
    if (IS_ERR(ax)) return ax;
    Value p = ufunc_binary(vm, OP_POW, ax, v_float(o->p), NULL);
    decref(ax);
    Value s = then_reduce(vm, p, "sum", axis, keepdims);
    ArrObj *sa = IS_ERR(s) ? NULL : arr_of(vm, s);
    if (!sa) return s;
    char buf[8];
    if (sa->dtype == DT_FLOAT32)
        *(float *)buf = 1.0f / (float)o->p;
    else
        *(double *)buf = 1.0 / o->p;
    Value rec = arr_scalar(vm, sa->dtype == DT_FLOAT32 ? DT_FLOAT32 : DT_FLOAT64, buf);
    Value r = IS_ERR(rec) ? rec : ufunc_binary(vm, OP_POW, s, rec, NULL);
    decref(s);
    decref(rec);
    return r;
}

/* _multi_svd_norm: the rows/cols axes moved last, singular values reduced by op. */
static Value svd_norm(VM *vm, ArrObj *x, int row, int col, const char *op) {
    int64_t sh[ARR_MAXDIM], st[ARR_MAXDIM];
    int n = 0;
    for (int i = 0; i < x->ndim; i++)
        if (i != row && i != col) sh[n] = x->shape[i], st[n++] = x->strides[i];
    sh[n] = x->shape[row], st[n++] = x->strides[row];
    sh[n] = x->shape[col], st[n++] = x->strides[col];
    ArrObj *y = arr_view(vm, x, x->dtype, n, sh, st, x->data);
    if (!y) return ERRV;
    Value s = svd_value(vm, v_obj(y), 0, 0, 0);
    drop(vm, y);
    return then_reduce(vm, s, op, v_int(-1), 0);
}

static Value matrix_norm(VM *vm, ArrObj *x, const Ord *o, Value axis, int row, int col) {
    if (ord_is(o, 2) || ord_is(o, -2)) return svd_norm(vm, x, row, col, o->p > 0 ? "max" : "min");
    if (o->kind == ORD_NUC) return svd_norm(vm, x, row, col, "sum");
    if (o->kind == ORD_NONE || o->kind == ORD_FRO)
        return then_call(vm, "sqrt", then_reduce(vm, abs2(vm, x), "sum", axis, 0));
    int sum_ax, red_ax;
    const char *op;
    if (ord_is(o, 1) || ord_is(o, -1)) {
        sum_ax = row, red_ax = col > row ? col - 1 : col, op = o->p > 0 ? "max" : "min";
    } else if (ord_is(o, INFINITY) || ord_is(o, -INFINITY)) {
        sum_ax = col, red_ax = row > col ? row - 1 : row, op = o->p > 0 ? "max" : "min";
    } else {
        return vm_raise(vm, vm->E.ValueError, "Invalid norm order for matrices.");
    }
    Value s = then_reduce(vm, np_call1(vm, "absolute", v_obj(x)), "sum", v_int(sum_ax), 0);
    return then_reduce(vm, s, op, v_int(red_ax), 0);
}

/* The common case without axis: sqrt(x.ravel() . x.ravel()) with BLAS ?dot. */
static Value fast_norm(VM *vm, ArrObj *x, int keepdims) {
    ArrObj *c = arr_copy(vm, x, x->dtype);
    if (!c) return ERRV;
    char out[16];
    if (c->dtype == DT_COMPLEX128) {
        double re, im;
        vec_dot(DT_FLOAT64, c->data, 16, c->data, 16, c->size, (char *)&re);
        vec_dot(DT_FLOAT64, c->data + 8, 16, c->data + 8, 16, c->size, (char *)&im);
        *(double *)out = sqrt(re + im);
    } else if (c->dtype == DT_FLOAT32) {
        vec_dot(DT_FLOAT32, c->data, 4, c->data, 4, c->size, out);
        *(float *)out = sqrtf(*(float *)out);
    } else {
        vec_dot(DT_FLOAT64, c->data, 8, c->data, 8, c->size, out);
        *(double *)out = sqrt(*(double *)out);
    }
    int dt = c->dtype == DT_FLOAT32 ? DT_FLOAT32 : DT_FLOAT64;
    drop(vm, c);
    if (!keepdims) return arr_scalar(vm, dt, out);
    int64_t shape[ARR_MAXDIM];
    for (int i = 0; i < x->ndim; i++) shape[i] = 1;
    ArrObj *r = arr_new(vm, dt, x->ndim, shape, 0);
    if (r) memcpy(r->data, out, arr_dtypes[dt].size);
    return r ? arr_value(r) : ERRV;
}

/* The result with the reduced axes kept as length 1 (norm's keepdims for matrices). */
static Value keep_axes(VM *vm, Value r, const ArrObj *x, int row, int col) {
    if (IS_ERR(r)) return r;
    ArrObj *a = arr_from_any(vm, r, -1);
    decref(r);
    if (!a) return ERRV;
    int64_t shape[ARR_MAXDIM];
    memcpy(shape, x->shape, sizeof(int64_t) * x->ndim);
    shape[row] = shape[col] = 1;
    ArrObj *k = arr_reshape(vm, a, x->ndim, shape);
    drop(vm, a);
    return k ? arr_value(k) : ERRV;
}

static Value norm_of(VM *vm, Value xv, Value ordv, Value axisv, int keepdims) {
    Ord o;
    if (ord_parse(vm, ordv, &o)) return ERRV;
    ArrObj *x0 = arr_from_any(vm, xv, -1);
    if (!x0) return ERRV;
    char k = arr_dtypes[x0->dtype].kind;
    ArrObj *x = k == 'f' || k == 'c' ? x0 : arr_copy(vm, x0, DT_FLOAT64);
    if (x != x0) drop(vm, x0);
    if (!x) return ERRV;
    Value r = ERRV, axis = axisv;
    int nax = 0, ax[2] = {0, 1};
    if (is_none(axisv)) {
        if (o.kind == ORD_NONE || (o.kind == ORD_FRO && x->ndim == 2) ||
            (ord_is(&o, 2) && x->ndim == 1)) {
            r = fast_norm(vm, x, keepdims);
            goto done;
        }
        nax = x->ndim;
        axis = nax == 1 ? v_int(0) : nax == 2 ? tuple_pack(vm, 2, v_int(0), v_int(1)) : v_none();
        if (IS_ERR(axis)) goto done;
    } else if (IS_KIND(axisv, K_TUPLE)) {
        TupleObj *t = AS(TupleObj, axisv);
        nax = (int)t->len;
        for (int i = 0; i < nax && i < 2; i++)
            if (npf_axis(vm, t->items[i], x->ndim, &ax[i])) goto done;
        if (nax == 1) axis = t->items[0];
    } else {
        int64_t i;
        if (obj_index(vm, axisv, &i, "axis")) {
            decref(vm_take_exc(vm));
            vm_raise(vm, vm->E.TypeError, "'axis' must be None, an integer or a tuple of integers");
            goto done;
        }
        nax = 1;
    }
    if (nax == 1) {
        r = vector_norm(vm, x, &o, axis, keepdims);
    } else if (nax == 2) {
        if (ax[0] == ax[1]) {
            vm_raise(vm, vm->E.ValueError, "Duplicate axes given.");
            goto done;
        }
        r = matrix_norm(vm, x, &o, axis, ax[0], ax[1]);
        if (keepdims) r = keep_axes(vm, r, x, ax[0], ax[1]);
    } else {
        vm_raise(vm, vm->E.ValueError, "Improper number of dimensions to norm.");
    }
done:
    if (axis.u.o != axisv.u.o || axis.tag != axisv.tag) decref(axis);
    drop(vm, x);
    return r;
}

static Value f_norm(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[4];
    if (arg_parse(vm, "norm", "x|ord,axis,keepdims", argc, argv, kw, v)) return ERRV;
    int keep = flag_arg(vm, v[3], 0);
    return keep < 0 ? ERRV : norm_of(vm, v[0], v[1], v[2], keep);
}

/* ---------------------------------------------------------------- matrix_rank, pinv, cond */

static double s_at(const ArrObj *s, int64_t i) {
    return dt_to_double(s->dtype, s->data + i * arr_dtypes[s->dtype].size);
}

static Value f_matrix_rank(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[3];
    if (arg_parse(vm, "matrix_rank", "A|tol,hermitian", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *o[3] = {0}, *tol = NULL, *out = NULL;
    Stack st = {0};
    Value r = ERRV;
    if (!a) return ERRV;
    if (a->ndim < 2) {
        ArrObj *c = arr_copy(vm, a, DT_COMPLEX128);
        int any = 0;
        for (int64_t i = 0; c && i < c->size; i++)
            any |= ((Complex *)c->data)[i].re != 0 || ((Complex *)c->data)[i].im != 0;
        r = c ? v_int(any) : ERRV;
        drop(vm, c);
        goto done;
    }
    int herm = flag_arg(vm, v[2], 0);
    if (herm < 0 || stack_load(vm, v[0], LA_COMPLEX | (herm ? LA_SQUARE : 0), &st) ||
        svd_any(vm, &st, 0, 0, herm, o))
        goto done;
    if (!is_none(v[1]) && !(tol = arr_from_any(vm, v[1], DT_FLOAT64))) goto done;
    if (tol && tol->size != 1 && tol->size != st.count) {
        vm_raise(vm, vm->E.ValueError, "tol must be a scalar or have the stack's shape");
        goto done;
    }
    ArrObj *s = o[1];
    int64_t k = st.m < st.n ? st.m : st.n, big = st.m > st.n ? st.m : st.n;
    if (!(out = arr_new(vm, DT_INT64, st.nb, st.x->shape, 1))) goto done;
    ArrObj *tc = tol ? arr_copy(vm, tol, DT_FLOAT64) : NULL;
    if (tol && !tc) goto done;
    for (int64_t b = 0; b < st.count; b++) {
        double smax = -INFINITY, t;
        for (int64_t i = 0; i < k; i++) smax = fmax(smax, s_at(s, b * k + i));
        if (tc)
            t = ((double *)tc->data)[tc->size == 1 ? 0 : b];
        else if (s->dtype == DT_FLOAT32)
            t = (float)((float)smax * (float)big) * 1.1920929e-07f;
        else
            t = smax * (double)big * 2.220446049250313e-16;
        int64_t n = 0;
        for (int64_t i = 0; i < k; i++) n += s_at(s, b * k + i) > t;
        ((int64_t *)out->data)[b] = n;
    }
    drop(vm, tc);
    r = arr_result(vm, out);
    out = NULL;
done:
    for (int i = 0; i < 3; i++) drop(vm, o[i]);
    drop(vm, a);
    drop(vm, tol);
    drop(vm, out);
    if (st.x) stack_free(vm, &st);
    return r;
}

static Value f_pinv(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[3];
    if (arg_parse(vm, "pinv", "a|rcond,hermitian", argc, argv, kw, v)) return ERRV;
    double rcond = 1e-15;
    Stack st = {0};
    ArrObj *o[3] = {0}, *ut = NULL, *vt = NULL, *se = NULL;
    Value w = v_null(), r = ERRV;
    int herm = flag_arg(vm, v[2], 0);
    if (herm < 0 || (!is_none(v[1]) && obj_to_double(vm, v[1], &rcond)) ||
        stack_load(vm, v[0], LA_COMPLEX | (herm ? LA_SQUARE : 0), &st))
        goto done;
    /* linalg.py takes the svd of a.conjugate() and transposes without conjugating */
    if (st.wt == DT_COMPLEX128)
        for (int64_t i = 0; i < st.x->size; i++) {
            double *im = &((Complex *)st.x->data)[i].im;
            *im = -*im;
        }
    if (svd_any(vm, &st, 0, 1, herm, o)) goto done;
    ArrObj *s = o[1];
    int64_t k = st.m < st.n ? st.m : st.n;
    for (int64_t b = 0; b < st.count; b++) {
        if (s->dtype == DT_FLOAT32) {
            float *p = (float *)s->data + b * k, mx = -INFINITY, cut;
            for (int64_t i = 0; i < k; i++) mx = fmaxf(mx, p[i]);
            cut = (float)rcond * mx;
            for (int64_t i = 0; i < k; i++) p[i] = p[i] > cut ? 1.0f / p[i] : 0.0f;
        } else {
            double *p = (double *)s->data + b * k, mx = -INFINITY, cut;
            for (int64_t i = 0; i < k; i++) mx = fmax(mx, p[i]);
            cut = rcond * mx;
            for (int64_t i = 0; i < k; i++) p[i] = p[i] > cut ? 1.0 / p[i] : 0.0;
        }
    }
    int64_t sh[ARR_MAXDIM], stv[ARR_MAXDIM];
    memcpy(sh, s->shape, sizeof(int64_t) * s->ndim);
    memcpy(stv, s->strides, sizeof(int64_t) * s->ndim);
    sh[s->ndim] = 1, stv[s->ndim] = 0;
    int nd = o[0]->ndim;
    if (!(se = arr_view(vm, s, s->dtype, s->ndim + 1, sh, stv, s->data)) ||
        !(ut = swapped(vm, o[0], nd - 1, nd - 2)) || !(vt = swapped(vm, o[2], nd - 1, nd - 2)))
        goto done;
    w = ufunc_binary(vm, OP_MUL, v_obj(se), v_obj(ut), NULL);
    if (!IS_ERR(w)) r = la_matmul(vm, v_obj(vt), w);
done:
    for (int i = 0; i < 3; i++) drop(vm, o[i]);
    drop(vm, ut);
    drop(vm, vt);
    drop(vm, se);
    decref(w);
    if (st.x) stack_free(vm, &st);
    return r;
}

/* cond's rule: NaN results become inf unless the matrix itself held a NaN. */
static Value cond_finish(VM *vm, Value rv, const Stack *st) {
    ArrObj *src = IS_ERR(rv) ? NULL : arr_of(vm, rv),
           *r = src ? arr_copy(vm, src, src->dtype) : NULL;
    decref(rv);
    if (!r) return ERRV;
    int64_t mn = st->m * st->n * (st->wt == DT_COMPLEX128 ? 2 : 1);
    for (int64_t b = 0; b < r->size; b++) {
        char *p = r->data + b * arr_dtypes[r->dtype].size;
        int nan = r->dtype == DT_COMPLEX128 ? isnan(((Complex *)p)->re) || isnan(((Complex *)p)->im)
                                            : isnan(dt_to_double(r->dtype, p));
        if (!nan) continue;
        int has_nan = 0;
        const double *x = (const double *)st->x->data + b * mn;
        for (int64_t i = 0; i < mn; i++) has_nan |= isnan(x[i]);
        if (!has_nan) dt_from_double(r->dtype, p, INFINITY);
    }
    return arr_result(vm, r);
}

static Value f_cond(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "cond", "x|p", argc, argv, kw, v)) return ERRV;
    Ord o;
    Stack st = {0};
    ArrObj *x = arr_from_any(vm, v[0], -1), *so[3] = {0}, *inv = NULL;
    Value r = ERRV;
    if (!x || ord_parse(vm, v[1], &o)) goto done;
    if (x->size == 0 && x->ndim >= 2 && x->shape[x->ndim - 1] * x->shape[x->ndim - 2] == 0) {
        linalg_err(vm, "cond is not defined on empty arrays");
        goto done;
    }
    if (o.kind == ORD_NONE || ord_is(&o, 2) || ord_is(&o, -2)) {
        if (stack_load(vm, v[0], LA_COMPLEX, &st) || svd_arrays(vm, &st, 0, 0, so)) goto done;
        ArrObj *s = so[1], *q = arr_new(vm, s->dtype, st.nb, st.x->shape, 0);
        int64_t k = st.m < st.n ? st.m : st.n;
        for (int64_t b = 0; q && b < st.count; b++) {
            double hi = s_at(s, b * k), lo = s_at(s, b * k + k - 1);
            if (ord_is(&o, -2)) hi = lo, lo = s_at(s, b * k);
            if (s->dtype == DT_FLOAT32)
                ((float *)q->data)[b] = (float)hi / (float)lo;
            else
                ((double *)q->data)[b] = hi / lo;
        }
        r = q ? cond_finish(vm, arr_value(q), &st) : ERRV;
        goto done;
    }
    if (stack_load(vm, v[0], LA_SQUARE | LA_COMPLEX, &st) || !(inv = inv_stack(vm, &st, 1)))
        goto done;
    Value axes = tuple_pack(vm, 2, v_int(-2), v_int(-1));
    Value n1 = IS_ERR(axes) ? ERRV : norm_of(vm, v_obj(x), v[1], axes, 0);
    Value n2 = IS_ERR(n1) ? ERRV : norm_of(vm, v_obj(inv), v[1], axes, 0);
    Value p = IS_ERR(n2) ? ERRV : ufunc_binary(vm, OP_MUL, n1, n2, NULL);
    decref(axes);
    decref(n1);
    decref(n2);
    ArrObj *pa = IS_ERR(p) ? NULL : arr_from_any(vm, p, -1);
    decref(p);
    ArrObj *pc = pa ? cast_to(vm, pa, st.rt) : NULL;
    r = pc ? cond_finish(vm, arr_value(pc), &st) : ERRV;
done:
    for (int i = 0; i < 3; i++) drop(vm, so[i]);
    drop(vm, x);
    drop(vm, inv);
    if (st.x) stack_free(vm, &st);
    return r;
}

/* ---------------------------------------------------------------- matrix_power */

static Value mm_pair(VM *vm, Value a, Value b) {
    return la_matmul(vm, a, b);
}

static Value f_matrix_power(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value v[2];
    if (arg_parse(vm, "matrix_power", "a,n", argc, argv, kw, v)) return ERRV;
    ArrObj *a = arr_from_any(vm, v[0], -1), *nv = arr_of(vm, v[1]);
    if (!a) return ERRV;
    Value r = ERRV, base = v_null(), z = v_null();
    int64_t n = 0;
    if (a->ndim < 2) {
        vm_raise(vm, vm->E.LinAlgError,
                 "%d-dimensional array given. Array must be at least "
                 "two-dimensional",
                 a->ndim);
        goto done;
    }
    if (a->shape[a->ndim - 1] != a->shape[a->ndim - 2]) {
        linalg_err(vm, "Last 2 dimensions of the array must be square");
        goto done;
    }
    if (v[1].tag == T_INT || v[1].tag == T_BOOL)
        n = v[1].u.i;
    else if (nv && nv->ndim == 0 && strchr("biu", arr_dtypes[nv->dtype].kind))
        n = dt_to_int64(nv->dtype, nv->data);
    else {
        vm_raise(vm, vm->E.TypeError, "exponent must be an integer");
        goto done;
    }
    if (n == 0) {
        ArrObj *e = arr_new(vm, a->dtype, a->ndim, a->shape, 1);
        int64_t m = a->shape[a->ndim - 1], isz = arr_dtypes[a->dtype].size;
        for (int64_t i = 0; e && i < e->size; i += m * m)
            for (int64_t j = 0; j < m; j++)
                dt_from_int64(a->dtype, e->data + (i + j * m + j) * isz, 1);
        r = e ? arr_value(e) : ERRV;
        goto done;
    }
    base = n < 0 ? f_inv(vm, 1, &v[0], NULL) : vref(v_obj(a));
    if (IS_ERR(base)) goto done;
    n = n < 0 ? -n : n;
    if (n == 1)
        r = vref(base);
    else if (n == 2)
        r = mm_pair(vm, base, base);
    else if (n == 3) {
        Value sq = mm_pair(vm, base, base);
        r = IS_ERR(sq) ? sq : mm_pair(vm, sq, base);
        decref(sq);
    } else {
        Value res = v_null();
        while (n > 0) {
            Value nz = IS_NULL(z) ? vref(base) : mm_pair(vm, z, z);
            decref(z);
            z = nz;
            if (IS_ERR(z)) break;
            if (n % 2) {
                Value nr = IS_NULL(res) ? vref(z) : mm_pair(vm, res, z);
                decref(res);
                res = nr;
                if (IS_ERR(res)) break;
            }
            n /= 2;
        }
        r = IS_ERR(z) ? ERRV : res;
        if (IS_ERR(z)) decref(res);
    }
done:
    decref(base);
    decref(z);
    drop(vm, a);
    return r;
}

/* ---------------------------------------------------------------- tables */

static const BuiltinDef LINALG_FUNCS[] = {
    {"solve", f_solve, "(a, b)", "Solves a @ x = b."},
    {"inv", f_inv, "(a)", "The inverse of a matrix."},
    {"det", f_det, "(a)", "The determinant."},
    {"slogdet", f_slogdet, "(a)", "Sign and natural log of the determinant."},
    {"eig", f_eig, "(a)", "Eigenvalues and right eigenvectors."},
    {"eigvals", f_eigvals, "(a)", "Eigenvalues of a general matrix."},
    {"eigh", f_eigh, "(a, UPLO='L')", "Eigen-decomposition of a symmetric matrix."},
    {"eigvalsh", f_eigvalsh, "(a, UPLO='L')", "Eigenvalues of a symmetric matrix."},
    {"svd", f_svd, "(a, full_matrices=True, compute_uv=True, hermitian=False)",
     "Singular value decomposition."},
    {"qr", f_qr, "(a, mode='reduced')", "QR factorisation."},
    {"cholesky", f_cholesky, "(a)", "Cholesky factor L with a = L @ L.T."},
    {"lstsq", f_lstsq, "(a, b, rcond='warn')", "Least-squares solution: (x, residuals, rank, s)."},
    {"norm", f_norm, "(x, ord=None, axis=None, keepdims=False)", "Matrix or vector norm."},
    {"matrix_rank", f_matrix_rank, "(A, tol=None, hermitian=False)", "Rank by SVD."},
    {"pinv", f_pinv, "(a, rcond=1e-15, hermitian=False)", "Moore-Penrose pseudo-inverse."},
    {"matrix_power", f_matrix_power, "(a, n)", "A square matrix to an integer power."},
    {"cond", f_cond, "(x, p=None)", "Condition number."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef NP_LA_FUNCS[] = {
    {"vdot", f_vdot, "(a, b)", "Dot product of flattened arrays (conjugating a)."},
    {"inner", f_inner, "(a, b)", "Inner product over the last axes."},
    {"outer", f_outer, "(a, b, out=None)", "Outer product of two vectors."},
    {"cross", f_cross, "(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)", "Cross product."},
    {"trace", f_trace, "(a, offset=0, axis1=0, axis2=1, dtype=None, out=None)",
     "Sum along a diagonal."},
    {NULL, NULL, NULL, NULL},
};

int la_init(VM *vm, ModuleObj *m) {
    if (!strcmp(m->name->s, "numpy.linalg")) {
        Value np = vm_import(vm, "numpy"); /* the array runtime's state and types */
        if (IS_ERR(np)) return -1;
        decref(np);
        return module_add_funcs(vm, m, LINALG_FUNCS) ||
                       module_add(vm, m, "LinAlgError", v_obj(vm->E.LinAlgError))
                   ? -1
                   : 1;
    }
    if (module_add_funcs(vm, m, NP_LA_FUNCS)) return -1;
    Value la = vm_import(vm, "numpy.linalg");
    if (IS_ERR(la)) return -1;
    int e = module_add(vm, m, "linalg", la);
    decref(la);
    return e;
}
