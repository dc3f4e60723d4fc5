/* dtype.c: the dtype table, dtype objects (np.dtype('float64')), NumPy 1.24 type promotion
 * (value-based for scalars) and conversions between dtypes and Python values. */
#pragma GCC optimize("tree-vectorize")
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"

const ArrDType arr_dtypes[DT__COUNT] = {
    {"bool", "bool_", 'b', '?', 1},       {"int8", "int8", 'i', 'b', 1},
    {"int16", "int16", 'i', 'h', 2},      {"int32", "int32", 'i', 'i', 4},
    {"int64", "int64", 'i', 'l', 8},      {"uint8", "uint8", 'u', 'B', 1},
    {"uint16", "uint16", 'u', 'H', 2},    {"uint32", "uint32", 'u', 'I', 4},
    {"uint64", "uint64", 'u', 'L', 8},    {"float32", "float32", 'f', 'f', 4},
    {"float64", "float64", 'f', 'd', 8},  {"complex128", "complex128", 'c', 'D', 16},
    {"float16", "float16", 'f', 'e', 2},  {"complex64", "complex64", 'c', 'F', 8},
};

/* The dtypes in NumPy's type-number order: promotion takes the first both sides cast to. */
static const int NP_ORDER[DT__COUNT] = {
    DT_BOOL,   DT_INT8,   DT_UINT8,   DT_INT16,   DT_UINT16,   DT_INT32,    DT_UINT32,
    DT_INT64,  DT_UINT64, DT_FLOAT16, DT_FLOAT32, DT_FLOAT64, DT_COMPLEX64, DT_COMPLEX128,
};

/* The real dtypes with their C types, twice (X-macros cannot nest the same list). */
#define REAL_A(X)                                                                              \
    X(DT_BOOL, uint8_t) X(DT_INT8, int8_t) X(DT_INT16, int16_t) X(DT_INT32, int32_t)           \
    X(DT_INT64, int64_t) X(DT_UINT8, uint8_t) X(DT_UINT16, uint16_t) X(DT_UINT32, uint32_t)    \
    X(DT_UINT64, uint64_t) X(DT_FLOAT32, float) X(DT_FLOAT64, double)
#define REAL_B(X)                                                                              \
    X(DT_INT8, int8_t) X(DT_INT16, int16_t) X(DT_INT32, int32_t)           \
    X(DT_INT64, int64_t) X(DT_UINT8, uint8_t) X(DT_UINT16, uint16_t) X(DT_UINT32, uint32_t)    \
    X(DT_UINT64, uint64_t) X(DT_FLOAT32, float) X(DT_FLOAT64, double)

/* ---------------------------------------------------------------- dtype names */

static const struct {
    const char *s;
    int dt;
} DT_NAMES[] = {
    {"bool", DT_BOOL},       {"?", DT_BOOL},           {"b1", DT_BOOL},
    {"bool_", DT_BOOL},      {"int8", DT_INT8},        {"i1", DT_INT8},
    {"b", DT_INT8},          {"int16", DT_INT16},      {"i2", DT_INT16},
    {"h", DT_INT16},         {"int32", DT_INT32},      {"i4", DT_INT32},
    {"i", DT_INT32},         {"intc", DT_INT32},       {"int64", DT_INT64},
    {"i8", DT_INT64},        {"l", DT_INT64},          {"int", DT_INT64},
    {"int_", DT_INT64},      {"q", DT_INT64},          {"uint8", DT_UINT8},
    {"u1", DT_UINT8},        {"B", DT_UINT8},          {"uint16", DT_UINT16},
    {"u2", DT_UINT16},       {"H", DT_UINT16},         {"uint32", DT_UINT32},
    {"u4", DT_UINT32},       {"I", DT_UINT32},         {"uint64", DT_UINT64},
    {"u8", DT_UINT64},       {"L", DT_UINT64},         {"uint", DT_UINT64},
    {"float32", DT_FLOAT32}, {"f4", DT_FLOAT32},       {"f", DT_FLOAT32},
    {"single", DT_FLOAT32},  {"float64", DT_FLOAT64},  {"f8", DT_FLOAT64},
    {"d", DT_FLOAT64},       {"float", DT_FLOAT64},    {"double", DT_FLOAT64},
    {"float_", DT_FLOAT64},  {"complex128", DT_COMPLEX128}, {"c16", DT_COMPLEX128},
    {"D", DT_COMPLEX128},    {"complex", DT_COMPLEX128},    {"complex_", DT_COMPLEX128},
    {"cdouble", DT_COMPLEX128}, {"cfloat", DT_COMPLEX128},  {"float16", DT_FLOAT16},
    {"f2", DT_FLOAT16},      {"e", DT_FLOAT16},        {"half", DT_FLOAT16},
    {"complex64", DT_COMPLEX64}, {"c8", DT_COMPLEX64}, {"F", DT_COMPLEX64},
    {"csingle", DT_COMPLEX64}, {"singlecomplex", DT_COMPLEX64},
};

typedef struct DTypeObj {
    NativeObj h;
    int dt;
} DTypeObj;

int dt_parse(VM *vm, Value v) {
    NpState *st = NP(vm);
    if (IS_KIND(v, K_NATIVE) && AS(NativeObj, v)->type == st->t_dtype) return AS(DTypeObj, v)->dt;
    if (IS_KIND(v, K_TYPE)) {
        TypeObj *t = AS(TypeObj, v);
        for (int i = 0; i < DT__COUNT; i++)
            if (t == st->t_scalar[i]) return i;
        if (t == vm->t_int) return DT_INT64;
        if (t == vm->t_float) return DT_FLOAT64;
        if (t == vm->t_bool) return DT_BOOL;
        if (t == vm->types[K_COMPLEX]) return DT_COMPLEX128;
    }
    if (IS_KIND(v, K_STR)) {
        const char *s = AS(StrObj, v)->s;
        if (*s == '<' || *s == '=' || *s == '|') s++;
        for (size_t i = 0; i < sizeof DT_NAMES / sizeof DT_NAMES[0]; i++)
            if (!strcmp(s, DT_NAMES[i].s)) return DT_NAMES[i].dt;
        vm_raise(vm, vm->E.TypeError, "data type '%s' not understood", AS(StrObj, v)->s);
        return -1;
    }
    vm_raise(vm, vm->E.TypeError, "Cannot interpret '%s' as a data type", type_name(vm, v));
    return -1;
}

/* ---------------------------------------------------------------- promotion */

static int kind_cat(int dt) {
    switch (arr_dtypes[dt].kind) {
    case 'b': return 0;
    case 'i':
    case 'u': return 1;
    default: return 2; /* NumPy counts float and complex as one category */
    }
}

int dt_promote(int a, int b) {
    if (dt_can_cast_safe(a, b)) return b;
    if (dt_can_cast_safe(b, a)) return a;
    for (int i = 0; i < DT__COUNT; i++)
        if (dt_can_cast_safe(a, NP_ORDER[i]) && dt_can_cast_safe(b, NP_ORDER[i]))
            return NP_ORDER[i];
    return DT_COMPLEX128;
}

int dt_of_pyscalar(Value v) {
    if (v.tag == T_BOOL) return DT_BOOL;
    if (v.tag == T_INT || IS_KIND(v, K_BIGINT)) return DT_INT64;
    if (v.tag == T_FLOAT) return DT_FLOAT64;
    if (IS_KIND(v, K_COMPLEX)) return DT_COMPLEX128;
    return -1;
}

/* The smallest dtype holding the scalar a's value, against an array result `to` (NumPy's
 * min_scalar_type with the "small unsigned" rule). */
static int min_scalar(const ArrObj *a, int to) {
    int dt = a->dtype;
    char k = arr_dtypes[dt].kind;
    if (k == 'i' || k == 'u') {
        int neg = k == 'i' && dt_to_int64(dt, a->data) < 0;
        if (neg) {
            int64_t v = dt_to_int64(dt, a->data);
            return v >= INT8_MIN ? DT_INT8 : v >= INT16_MIN ? DT_INT16 : v >= INT32_MIN ? DT_INT32 : DT_INT64;
        }
        uint64_t v = k == 'u' && dt == DT_UINT64 ? *(const uint64_t *)a->data : (uint64_t)dt_to_int64(dt, a->data);
        int want_signed = arr_dtypes[to].kind == 'i';
        if (v < 128) return want_signed ? DT_INT8 : DT_UINT8;
        if (v < 256) return DT_UINT8;
        if (v < 32768) return want_signed ? DT_INT16 : DT_UINT16;
        if (v < 65536) return DT_UINT16;
        if (v < 2147483648u) return want_signed ? DT_INT32 : DT_UINT32;
        if (v < 4294967296u) return DT_UINT32;
        if (v < 9223372036854775808u) return want_signed ? DT_INT64 : DT_UINT64;
        return DT_UINT64;
    }
    if (k == 'f') { /* NumPy's bounds, not the types' exact limits */
        double d = dt_to_double(dt, a->data);
        if ((d > -65000 && d < 65000) || !isfinite(d)) return DT_FLOAT16;
        return d > -3.4e38 && d < 3.4e38 ? DT_FLOAT32 : DT_FLOAT64;
    }
    if (k == 'c') {
        Complex z = dt_to_complex(dt, a->data);
        int fits = z.re > -3.4e38 && z.re < 3.4e38 && z.im > -3.4e38 && z.im < 3.4e38;
        return fits ? DT_COMPLEX64 : DT_COMPLEX128;
    }
    return dt;
}

/* Whether every integer of isz bytes is exact in a float of fsz bytes (NumPy's table). */
static int int_fits_float(int isz, int fsz) {
    return fsz == 8 || (fsz == 4 && isz <= 2) || (fsz == 2 && isz == 1);
}

int dt_can_cast_safe(int from, int to) {
    if (from == to || from == DT_BOOL) return 1;
    char kf = arr_dtypes[from].kind, kt = arr_dtypes[to].kind;
    int sf = arr_dtypes[from].size, st = arr_dtypes[to].size, ints = kf == 'i' || kf == 'u';
    switch (kt) {
    case 'b': return 0;
    case 'i': return (kf == 'i' && st >= sf) || (kf == 'u' && st > sf);
    case 'u': return kf == 'u' && st >= sf;
    case 'f': return (kf == 'f' && st >= sf) || (ints && int_fits_float(sf, st));
    default: /* complex: each part as a float of half the size */
        return (kf == 'c' && st >= sf) || (kf == 'f' && st / 2 >= sf)
               || (ints && int_fits_float(sf, st / 2));
    }
}

int dt_linear_search(int n, ArrObj *const *ops, const int *is_scalar, const int *loops, int nloops) {
    int arr = -1, scat = -1;
    for (int i = 0; i < n; i++) {
        if (is_scalar[i]) {
            if (kind_cat(ops[i]->dtype) > scat) scat = kind_cat(ops[i]->dtype);
        } else {
            int c = kind_cat(ops[i]->dtype);
            if (c > arr) arr = c;
        }
    }
    int use_min = arr >= 0 && scat >= 0 && scat <= arr;
    for (int l = 0; l < nloops; l++) {
        int t = loops[l], ok = 1;
        for (int i = 0; i < n && ok; i++) {
            if (use_min && is_scalar[i]) {
                int m = min_scalar(ops[i], DT_UINT8), ms = min_scalar(ops[i], DT_INT8);
                ok = dt_can_cast_safe(m, t) || dt_can_cast_safe(ms, t);
            } else {
                ok = dt_can_cast_safe(ops[i]->dtype, t);
            }
        }
        if (ok) return t;
    }
    return -1;
}

int dt_result(VM *vm, int n, ArrObj *const *ops, const int *is_scalar) {
    (void)vm;
    int arr = -1, all = -1, scat = -1;
    for (int i = 0; i < n; i++) {
        int dt = ops[i]->dtype;
        all = all < 0 ? dt : dt_promote(all, dt);
        if (is_scalar[i]) {
            if (kind_cat(dt) > scat) scat = kind_cat(dt);
        } else {
            arr = arr < 0 ? dt : dt_promote(arr, dt);
        }
    }
    if (arr < 0 || scat < 0 || scat > kind_cat(arr)) return all;
    int r = arr;
    for (int i = 0; i < n; i++)
        if (is_scalar[i]) r = dt_promote(r, min_scalar(ops[i], arr));
    return r;
}

/* ---------------------------------------------------------------- half precision */

double dt_half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double d;
    if (e == 0) d = ldexp((double)m, -24);
    else if (e == 31) d = m ? NAN : INFINITY;
    else d = ldexp((double)(m + 1024), e - 25);
    return h & 0x8000 ? -d : d;
}

uint16_t dt_half_from_double(double d) {
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    double a = fabs(d);
    if (a != a) return sign | 0x7e00;
    if (a >= 65520.0) { /* past halfway between 65504 and 2**16: inf */
        if (!isinf(a)) feraiseexcept(FE_OVERFLOW | FE_INEXACT);
        return sign | 0x7c00;
    }
    if (a < 0x1p-14) /* subnormal: a multiple of 2**-24; 1024 carries into the exponent */
        return sign | (uint16_t)rint(ldexp(a, 24));
    int k;
    frexp(a, &k); /* a = f * 2**k, f in [0.5, 1): exponent k - 1 */
    double m = rint(ldexp(a, 11 - k)); /* 1024..2048 (2048 carries into the exponent) */
    return sign | (uint16_t)(((k + 14) << 10) + (int)m - 1024);
}

/* ---------------------------------------------------------------- conversions */

#define CONV_FN(DS, TS, DD, TD)                                                                \
    static void conv_##DS##_##DD(char **p, const int64_t *s, int64_t n, void *ctx) {           \
        (void)ctx;                                                                             \
        char *d = p[0];                                                                        \
        const char *a = p[1];                                                                  \
        if (s[0] == sizeof(TD) && s[1] == sizeof(TS)) {                                        \
            TD *o = (TD *)d;                                                                   \
            const TS *x = (const TS *)a;                                                       \
            for (int64_t i = 0; i < n; i++) o[i] = DD == DT_BOOL ? (TD)(x[i] != 0) : (TD)x[i]; \
            return;                                                                            \
        }                                                                                      \
        for (int64_t i = 0; i < n; i++, d += s[0], a += s[1]) {                                \
            TS x = *(const TS *)a;                                                             \
            *(TD *)d = DD == DT_BOOL ? (TD)(x != 0) : (TD)x;                                   \
        }                                                                                      \
    }
/* Expand the 11 x 11 real conversions. */
#define GEN_FROM(DS, TS)                                                                       \
    CONV_FN(DS, TS, DT_BOOL, uint8_t) CONV_FN(DS, TS, DT_INT8, int8_t)                         \
    CONV_FN(DS, TS, DT_INT16, int16_t) CONV_FN(DS, TS, DT_INT32, int32_t)                      \
    CONV_FN(DS, TS, DT_INT64, int64_t) CONV_FN(DS, TS, DT_UINT8, uint8_t)                      \
    CONV_FN(DS, TS, DT_UINT16, uint16_t) CONV_FN(DS, TS, DT_UINT32, uint32_t)                  \
    CONV_FN(DS, TS, DT_UINT64, uint64_t) CONV_FN(DS, TS, DT_FLOAT32, float)                    \
    CONV_FN(DS, TS, DT_FLOAT64, double)
REAL_A(GEN_FROM)

#define ROW_OF(DS, TS)                                                                         \
    {conv_##DS##_DT_BOOL, conv_##DS##_DT_INT8, conv_##DS##_DT_INT16, conv_##DS##_DT_INT32,    \
     conv_##DS##_DT_INT64, conv_##DS##_DT_UINT8, conv_##DS##_DT_UINT16,                       \
     conv_##DS##_DT_UINT32, conv_##DS##_DT_UINT64, conv_##DS##_DT_FLOAT32,                    \
     conv_##DS##_DT_FLOAT64},
static const ArrLoop CONV[DT_COMPLEX128][DT_COMPLEX128] = {REAL_A(ROW_OF)};

/* Conversions involving complex, float16 go element by element. */
typedef struct CConv {
    int from, to;
} CConv;

static void conv_complex(char **p, const int64_t *s, int64_t n, void *ctx) {
    const CConv *c = ctx;
    char *d = p[0];
    const char *a = p[1];
    for (int64_t i = 0; i < n; i++, d += s[0], a += s[1]) {
        dt_from_complex(c->to, d, dt_to_complex(c->from, a));
    }
}

void dt_from_complex(int dtype, char *p, Complex z) {
    switch (dtype) {
    case DT_BOOL: *(uint8_t *)p = z.re != 0 || z.im != 0; break;
    case DT_COMPLEX128: *(Complex *)p = z; break;
    case DT_COMPLEX64: ((Complex64 *)p)->re = (float)z.re, ((Complex64 *)p)->im = (float)z.im; break;
    default: dt_from_double(dtype, p, z.re); break;
    }
}

ArrLoop dt_conv_loop(int from, int to) {
    return from < DT_COMPLEX128 && to < DT_COMPLEX128 ? CONV[from][to] : NULL;
}

int dt_cast_into(VM *vm, ArrObj *dst, const ArrObj *src) {
    int64_t ss[ARR_MAXDIM];
    arr_bcast_strides(src, dst->ndim, dst->shape, ss);
    char *data[2] = {dst->data, src->data};
    int64_t *strides[2] = {dst->strides, ss};
    if (src->dtype >= DT_COMPLEX128 || dst->dtype >= DT_COMPLEX128) {
        CConv c = {src->dtype, dst->dtype};
        return arr_iterate(vm, 2, data, strides, dst->ndim, dst->shape, conv_complex, &c);
    }
    return arr_iterate(vm, 2, data, strides, dst->ndim, dst->shape, CONV[src->dtype][dst->dtype],
                       NULL);
}

double dt_to_double(int dtype, const char *p) {
    switch (dtype) {
#define GET_D(D, T)                                                                            \
    case D: return (double)*(const T *)p;
        REAL_A(GET_D)
#undef GET_D
    case DT_FLOAT16: return dt_half_to_double(*(const uint16_t *)p);
    case DT_COMPLEX64: return ((const Complex64 *)p)->re;
    default: return ((const Complex *)p)->re;
    }
}

int64_t dt_to_int64(int dtype, const char *p) {
    switch (dtype) {
#define GET_I(D, T)                                                                            \
    case D: return (int64_t)*(const T *)p;
        REAL_A(GET_I)
#undef GET_I
    default: return (int64_t)dt_to_double(dtype, p);
    }
}

Complex dt_to_complex(int dtype, const char *p) {
    if (dtype == DT_COMPLEX128) return *(const Complex *)p;
    if (dtype == DT_COMPLEX64) {
        Complex z = {((const Complex64 *)p)->re, ((const Complex64 *)p)->im};
        return z;
    }
    Complex z = {dt_to_double(dtype, p), 0.0};
    return z;
}

void dt_from_double(int dtype, char *p, double d) {
    switch (dtype) {
    case DT_BOOL: *(uint8_t *)p = d != 0; break;
#define SET_D(D, T)                                                                            \
    case D: *(T *)p = (T)d; break;
        REAL_B(SET_D)
#undef SET_D
    case DT_FLOAT16: *(uint16_t *)p = dt_half_from_double(d); break;
    case DT_COMPLEX64: ((Complex64 *)p)->re = (float)d, ((Complex64 *)p)->im = 0; break;
    default: ((Complex *)p)->re = d, ((Complex *)p)->im = 0; break;
    }
}

void dt_from_int64(int dtype, char *p, int64_t v) {
    switch (dtype) {
    case DT_BOOL: *(uint8_t *)p = v != 0; break;
#define SET_I(D, T)                                                                            \
    case D: *(T *)p = (T)v; break;
        REAL_B(SET_I)
#undef SET_I
    case DT_FLOAT16:
    case DT_COMPLEX64: dt_from_double(dtype, p, (double)v); break;
    default: ((Complex *)p)->re = (double)v, ((Complex *)p)->im = 0; break;
    }
}

Value dt_get(VM *vm, int dtype, const char *p) {
    switch (arr_dtypes[dtype].kind) {
    case 'b': return v_bool(*(const uint8_t *)p);
    case 'i': return v_int(dt_to_int64(dtype, p));
    case 'u':
        if (dtype == DT_UINT64 && *(const uint64_t *)p > INT64_MAX) { /* exact, as a bigint */
            char buf[24];
            int n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)*(const uint64_t *)p);
            return int_from_str(vm, buf, (size_t)n, 10);
        }
        return v_int(dt_to_int64(dtype, p));
    case 'f': return v_float(dt_to_double(dtype, p));
    default: {
        Complex z = dt_to_complex(dtype, p);
        return complex_new(vm, z.re, z.im);
    }
    }
}

int dt_set(VM *vm, int dtype, char *p, Value v) {
    ArrObj *a = arr_of(vm, v);
    if (a) {
        if (a->ndim != 0) {
            vm_raise(vm, vm->E.ValueError, "setting an array element with a sequence.");
            return -1;
        }
        if (arr_dtypes[a->dtype].kind == 'c' || arr_dtypes[dtype].kind == 'c') {
            Complex z = dt_to_complex(a->dtype, a->data);
            if (arr_dtypes[dtype].kind == 'c' || dtype == DT_BOOL) dt_from_complex(dtype, p, z);
            else dt_from_double(dtype, p, z.re);
        } else if (arr_dtypes[a->dtype].kind == 'f') {
            dt_from_double(dtype, p, dt_to_double(a->dtype, a->data));
        } else {
            dt_from_int64(dtype, p, dt_to_int64(a->dtype, a->data));
        }
        return 0;
    }
    if (v.tag == T_BOOL || v.tag == T_INT) {
        dt_from_int64(dtype, p, v.u.i);
        return 0;
    }
    if (IS_KIND(v, K_BIGINT)) {
        if (dtype == DT_UINT64 && int_sign(v) > 0) {
            SBuf b = SBUF_INIT;
            if (int_sb(vm, v, 10, &b)) return sb_free(&b), -1;
            errno = 0;
            unsigned long long u = strtoull(b.s, NULL, 10);
            int range = errno == ERANGE;
            sb_free(&b);
            if (!range) {
                *(uint64_t *)p = u;
                return 0;
            }
            vm_raise(vm, vm->E.OverflowError, "Python int too large to convert to C unsigned long");
            return -1;
        }
        if (arr_dtypes[dtype].kind == 'f' || arr_dtypes[dtype].kind == 'c') {
            double d;
            if (int_to_double(vm, v, &d)) return -1;
            dt_from_double(dtype, p, d);
            return 0;
        }
        vm_raise(vm, vm->E.OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (v.tag == T_FLOAT) {
        char k = arr_dtypes[dtype].kind;
        if ((k == 'i' || k == 'u') && !isfinite(v.u.f)) {
            vm_raise(vm, isnan(v.u.f) ? vm->E.ValueError : vm->E.OverflowError,
                     isnan(v.u.f) ? "cannot convert float NaN to integer"
                                  : "cannot convert float infinity to integer");
            return -1;
        }
        dt_from_double(dtype, p, v.u.f);
        return 0;
    }
    if (IS_KIND(v, K_COMPLEX)) {
        ComplexObj *c = AS(ComplexObj, v);
        if (arr_dtypes[dtype].kind == 'c') {
            Complex z = {c->re, c->im};
            dt_from_complex(dtype, p, z);
            return 0;
        }
        vm_raise(vm, vm->E.TypeError, "can't convert complex to %s",
                 arr_dtypes[dtype].kind == 'f' ? "float" : "int");
        return -1;
    }
    if (IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE)) {
        vm_raise(vm, vm->E.ValueError, "setting an array element with a sequence.");
        return -1;
    }
    if (IS_KIND(v, K_STR)) {
        const char *kinds = arr_dtypes[dtype].kind == 'f' ? "float" : "int";
        if (arr_dtypes[dtype].kind == 'f')
            vm_raise(vm, vm->E.ValueError, "could not convert string to float: '%s'",
                     AS(StrObj, v)->s);
        else
            vm_raise(vm, vm->E.ValueError, "invalid literal for %s() with base 10: '%s'", kinds,
                     AS(StrObj, v)->s);
        return -1;
    }
    vm_raise(vm, vm->E.TypeError, "%s() argument must be a string or a number, not '%s'",
             arr_dtypes[dtype].kind == 'f' ? "float" : "int", type_name(vm, v));
    return -1;
}

/* ---------------------------------------------------------------- dtype objects */

static int dtype_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm;
    const char *name = arr_dtypes[AS(DTypeObj, self)->dt].name;
    return str ? sb_puts(out, name) : sb_printf(out, "dtype('%s')", name);
}

static Value dtype_getattr(VM *vm, Value self, StrObj *name) {
    int dt = AS(DTypeObj, self)->dt;
    const ArrDType *d = &arr_dtypes[dt];
    const char *n = name->s;
    if (!strcmp(n, "name")) return str_cstr(vm, d->name);
    if (!strcmp(n, "itemsize")) return v_int(d->size);
    if (!strcmp(n, "kind")) return str_value(vm, &d->kind, 1);
    if (!strcmp(n, "char")) return str_value(vm, &d->chr, 1);
    if (!strcmp(n, "type")) return vref(v_obj(NP(vm)->t_scalar[dt]));
    if (!strcmp(n, "str")) {
        char buf[8];
        snprintf(buf, sizeof buf, "%c%c%d", d->size == 1 ? '|' : '<', d->kind, d->size);
        return str_cstr(vm, buf);
    }
    return v_null();
}

static Value dtype_binop(VM *vm, int op, Value a, Value b) {
    if (op != OP_EQ && op != OP_NE) return v_null();
    Value other = IS_KIND(a, K_NATIVE) && AS(NativeObj, a)->type == NP(vm)->t_dtype ? b : a;
    Value self = other.u.o == b.u.o && other.tag == b.tag ? a : b;
    int x = AS(DTypeObj, self)->dt;
    int y = dt_parse(vm, other);
    if (y < 0) {
        decref(vm->exc);
        vm->exc = v_null();
        return v_bool(op == OP_NE);
    }
    return v_bool((x == y) == (op == OP_EQ));
}

static Value dtype_unop(VM *vm, int op, Value a) {
    (void)vm;
    if (op == 1002) return v_int((int64_t)AS(DTypeObj, a)->dt * 7919 + 17);
    return v_null();
}

static const NativeOps DTYPE_OPS = {
    .repr = dtype_repr, .getattr = dtype_getattr, .binop = dtype_binop, .unop = dtype_unop,
};

Value dt_object(VM *vm, int dtype) { return vref(NP(vm)->dtypes[dtype]); }

static Value dtype_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    if (argc != 2) return vm_raise(vm, vm->E.TypeError, "dtype() takes exactly 1 argument");
    int dt = dt_parse(vm, argv[1]);
    return dt < 0 ? ERRV : dt_object(vm, dt);
}

int dt_init(VM *vm, NpState *st, ModuleObj *m) {
    if (!(st->t_dtype = type_new(vm, "dtype", vm->t_object, K_NATIVE))) return -1;
    st->t_dtype->module = "numpy";
    st->t_dtype->ops = &DTYPE_OPS;
    st->t_dtype->ctor = dtype_ctor;
    for (int i = 0; i < DT__COUNT; i++) {
        DTypeObj *d = malloc(sizeof(DTypeObj));
        if (!d) return vm_nomem(vm), -1;
        d->h.h.rc = 1;
        d->h.h.k = K_NATIVE;
        d->h.h.flags = 0;
        d->h.type = st->t_dtype;
        incref(v_obj(st->t_dtype));
        d->dt = i;
        st->dtypes[i] = v_obj(d);
    }
    return module_add(vm, m, "dtype", v_obj(st->t_dtype));
}
