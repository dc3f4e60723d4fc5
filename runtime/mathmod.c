/* mathmod.c: the modules "math" and "time". Float functions follow CPython's mathmodule.c
 * error rules (ValueError "math domain error" when a finite input gives nan or an infinite
 * result that is not an overflow, OverflowError "math range error" on overflow); integer
 * functions (factorial, gcd, comb...) compute with Python ints through obj_binop. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ast.h and vm.h both define OP_NOT, OP_IS and OP_IN; only the arithmetic AST operators are
 * used here, so the clashing names are renamed away. */
#define OP_NOT AST_OP_NOT_
#define OP_IS AST_OP_IS_
#define OP_IN AST_OP_IN_
#include "ast.h"
#undef OP_NOT
#undef OP_IS
#undef OP_IN

#include "bigint.h"
#include "object.h"
#include "strmethods.h"

#define PI 3.141592653589793238462643383279502884
#define EULER 2.718281828459045235360287471352662498

static Value domain_error(VM *vm) { return vm_raise(vm, vm->E.ValueError, "math domain error"); }
static Value range_error(VM *vm) { return vm_raise(vm, vm->E.OverflowError, "math range error"); }

static int one_arg(VM *vm, const char *name, int argc, const KwArgs *kw) {
    return meth_check(vm, MA_O, "math", name, argc, 1, 1, kw);
}

static int two_args(VM *vm, const char *name, int argc, const KwArgs *kw) {
    return meth_check(vm, MA_CLINIC, "math", name, argc, 2, 2, kw);
}

/* ---- one-argument float functions (CPython's math_1) ---- */

typedef struct Math1 {
    const char *name;
    double (*fn)(double);
    int can_overflow;
} Math1;

static Value math_1(VM *vm, const Math1 *m, int argc, const Value *argv, const KwArgs *kw) {
    double x;
    if (one_arg(vm, m->name, argc, kw) || obj_to_double(vm, argv[0], &x)) return ERRV;
    double r = m->fn(x);
    if (isnan(r) && !isnan(x)) return domain_error(vm);
    if (isinf(r) && isfinite(x)) return m->can_overflow ? range_error(vm) : domain_error(vm);
    return v_float(r);
}

static double m_degrees_fn(double x) { return x * (180.0 / PI); }
static double m_radians_fn(double x) { return x * (PI / 180.0); }

#define MATH1_LIST(X)                                                                          \
    X(sqrt, sqrt, 0) X(exp, exp, 1) X(exp2, exp2, 1) X(cbrt, cbrt, 0) X(expm1, expm1, 1)       \
    X(log1p, log1p, 0) X(sin, sin, 0) X(cos, cos, 0) X(tan, tan, 0) X(asin, asin, 0)           \
    X(acos, acos, 0) X(atan, atan, 0) X(sinh, sinh, 1) X(cosh, cosh, 1) X(tanh, tanh, 0)       \
    X(asinh, asinh, 0) X(acosh, acosh, 0) X(atanh, atanh, 0) X(fabs, fabs, 0)                  \
    X(erf, erf, 0) X(erfc, erfc, 0) X(degrees, m_degrees_fn, 0) X(radians, m_radians_fn, 0)

#define MATH1_FN(pyname, cfn, ovf)                                                             \
    static Value f_##pyname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {          \
        static const Math1 m = {#pyname, cfn, ovf};                                            \
        return math_1(vm, &m, argc, argv, kw);                                                 \
    }
MATH1_LIST(MATH1_FN)

/* ---- predicates and small float functions ---- */

static Value pred(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                  int (*p)(double)) {
    double x;
    if (one_arg(vm, name, argc, kw) || obj_to_double(vm, argv[0], &x)) return ERRV;
    return v_bool(p(x));
}
static int is_nan(double x) { return isnan(x); }
static int is_inf(double x) { return isinf(x); }
static int is_finite(double x) { return isfinite(x); }
static Value f_isnan(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pred(vm, "isnan", argc, argv, kw, is_nan);
}
static Value f_isinf(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pred(vm, "isinf", argc, argv, kw, is_inf);
}
static Value f_isfinite(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pred(vm, "isfinite", argc, argv, kw, is_finite);
}

static int two_doubles(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                       double *x, double *y) {
    if (two_args(vm, name, argc, kw)) return -1;
    return obj_to_double(vm, argv[0], x) || obj_to_double(vm, argv[1], y) ? -1 : 0;
}

static Value f_atan2(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x, y;
    if (two_doubles(vm, "atan2", argc, argv, kw, &y, &x)) return ERRV;
    return v_float(atan2(y, x));
}

static Value f_copysign(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x, y;
    if (two_doubles(vm, "copysign", argc, argv, kw, &x, &y)) return ERRV;
    return v_float(copysign(x, y));
}

static Value f_fmod(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x, y;
    if (two_doubles(vm, "fmod", argc, argv, kw, &x, &y)) return ERRV;
    if (isinf(y) && isfinite(x)) return v_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error(vm);
    return v_float(r);
}

/* CPython's math_pow: IEEE specials by hand, libm for finite ** finite. */
static Value f_pow(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x, y, r;
    if (two_doubles(vm, "pow", argc, argv, kw, &x, &y)) return ERRV;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) r = odd_y ? x : fabs(x);
            else if (y == 0.0) r = 1.0;
            else r = odd_y ? copysign(0.0, x) : 0.0;
        } else if (fabs(x) == 1.0) r = 1.0;
        else if (y > 0.0 && fabs(x) > 1.0) r = y;
        else if (y < 0.0 && fabs(x) < 1.0) r = -y;
        else r = 0.0;
        return v_float(r);
    }
    r = pow(x, y);
    if (isnan(r)) return domain_error(vm);
    if (isinf(r)) return x == 0.0 ? domain_error(vm) : range_error(vm);
    return v_float(r);
}

static Value f_modf(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x, ip;
    if (one_arg(vm, "modf", argc, kw) || obj_to_double(vm, argv[0], &x)) return ERRV;
    if (isinf(x)) return tuple_pack(vm, 2, v_float(copysign(0.0, x)), v_float(x));
    if (isnan(x)) return tuple_pack(vm, 2, v_float(x), v_float(x));
    double fp = modf(x, &ip);
    return tuple_pack(vm, 2, v_float(fp), v_float(ip));
}

static Value f_frexp(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x;
    int e = 0;
    if (one_arg(vm, "frexp", argc, kw) || obj_to_double(vm, argv[0], &x)) return ERRV;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return tuple_pack(vm, 2, v_float(m), v_int(e));
}

static Value f_ldexp(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double x;
    if (two_args(vm, "ldexp", argc, kw) || obj_to_double(vm, argv[0], &x)) return ERRV;
    Value e = argv[1];
    int64_t exp;
    if (e.tag == T_INT || e.tag == T_BOOL) exp = e.u.i;
    else if (IS_KIND(e, K_BIGINT)) exp = AS(BigIntObj, e)->b->sign < 0 ? INT64_MIN : INT64_MAX;
    else return vm_raise(vm, vm->E.TypeError, "Expected an int as second argument to ldexp.");
    if (x == 0.0 || !isfinite(x)) return v_float(x);
    if (exp > 100000) return range_error(vm);
    if (exp < -100000) return v_float(copysign(0.0, x));
    double r = ldexp(x, (int)exp);
    if (isinf(r)) return range_error(vm);
    return v_float(r);
}

/* ---- logarithms (CPython's loghelper: huge ints go through frexp) ---- */

/* log of v with fn (log, log2 or log10); -1 raised. */
static int log_of(VM *vm, Value v, double (*fn)(double), double *out) {
    if (IS_KIND(v, K_BIGINT)) {
        const BigInt *b = AS(BigIntObj, v)->b;
        if (b->sign <= 0) {
            domain_error(vm);
            return -1;
        }
        int ovf;
        double d = bi_to_double(b, &ovf);
        if (!ovf) {
            *out = fn(d);
            return 0;
        }
        uint64_t bits = bi_bit_length(b);
        BigInt *top = bi_rshift(b, bits - 60);
        if (!top) {
            vm_nomem(vm);
            return -1;
        }
        double m = ldexp(bi_to_double(top, &ovf), -60); /* in [0.5, 1) */
        bi_free(top);
        *out = fn(m) + fn(2.0) * (double)bits;
        return 0;
    }
    double x;
    if (obj_to_double(vm, v, &x)) return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error(vm);
        return -1;
    }
    *out = fn(x);
    return 0;
}

static Value f_log(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (kw && kw->n) return vm_raise(vm, vm->E.TypeError, "math.log() takes no keyword arguments");
    if (argc < 1 || argc > 2)
        return vm_raise(vm, vm->E.TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (log_of(vm, argv[0], log, &num)) return ERRV;
    if (argc == 1) return v_float(num);
    if (log_of(vm, argv[1], log, &den)) return ERRV;
    if (den == 0.0) return vm_raise(vm, vm->E.ZeroDivisionError, "float division by zero");
    return v_float(num / den);
}

static Value f_log2(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double r;
    if (one_arg(vm, "log2", argc, kw) || log_of(vm, argv[0], log2, &r)) return ERRV;
    return v_float(r);
}

static Value f_log10(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    double r;
    if (one_arg(vm, "log10", argc, kw) || log_of(vm, argv[0], log10, &r)) return ERRV;
    return v_float(r);
}

/* ---- float -> int ---- */

/* A float with an integral value as a Python int (big ones through int()). */
static Value int_of_double(VM *vm, double x) {
    if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) return v_int((int64_t)x);
    return int_from_double(vm, x);
}

static Value rounding(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                      double (*fn)(double)) {
    if (one_arg(vm, name, argc, kw)) return ERRV;
    if (argv[0].tag == T_BOOL) return v_int(argv[0].u.i);
    if (is_int(argv[0])) return vref(argv[0]);
    double x;
    if (obj_to_double(vm, argv[0], &x)) return ERRV;
    return int_of_double(vm, fn(x));
}

static Value f_floor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return rounding(vm, "floor", argc, argv, kw, floor);
}
static Value f_ceil(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return rounding(vm, "ceil", argc, argv, kw, ceil);
}
static Value f_trunc(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return rounding(vm, "trunc", argc, argv, kw, trunc);
}

/* ---- integer functions ---- */

/* v must be an int: TypeError "'float' object cannot be interpreted as an integer". */
static int want_int(VM *vm, Value v) {
    if (is_int(v)) return 0;
    vm_raise(vm, vm->E.TypeError, "'%s' object cannot be interpreted as an integer",
             type_name(vm, v));
    return -1;
}

/* a op b where a is consumed (the running result of a loop). */
static Value acc(VM *vm, int op, Value a, Value b) {
    Value r = obj_binop(vm, op, a, b);
    decref(a);
    return r;
}

static Value gcd2(VM *vm, Value a, Value b) {
    if (a.tag != T_OBJ && b.tag != T_OBJ && a.u.i != INT64_MIN && b.u.i != INT64_MIN) {
        int64_t x = a.u.i < 0 ? -a.u.i : a.u.i, y = b.u.i < 0 ? -b.u.i : b.u.i;
        while (y) {
            int64_t t = x % y;
            x = y;
            y = t;
        }
        return v_int(x);
    }
    Value x = int_abs(vm, a), y = IS_ERR(x) ? ERRV : int_abs(vm, b);
    while (!IS_ERR(y) && int_sign(y) != 0) {
        Value t = obj_binop(vm, OP_MOD, x, y);
        decref(x);
        x = y;
        y = t;
    }
    if (IS_ERR(y)) {
        decref(x);
        return ERRV;
    }
    return x;
}

static Value f_gcd(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (kw && kw->n) return vm_raise(vm, vm->E.TypeError, "gcd() takes no keyword arguments");
    Value r = v_int(0);
    for (int i = 0; i < argc; i++) {
        if (want_int(vm, argv[i])) {
            decref(r);
            return ERRV;
        }
        Value g = gcd2(vm, r, argv[i]);
        decref(r);
        if (IS_ERR(g)) return g;
        r = g;
    }
    if (argc == 1) {
        Value a = int_abs(vm, r);
        decref(r);
        return a;
    }
    return r;
}

static Value f_lcm(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (kw && kw->n) return vm_raise(vm, vm->E.TypeError, "lcm() takes no keyword arguments");
    Value r = v_int(1);
    for (int i = 0; i < argc; i++) {
        if (want_int(vm, argv[i])) {
            decref(r);
            return ERRV;
        }
        if (int_sign(r) == 0 || int_sign(argv[i]) == 0) {
            decref(r);
            r = v_int(0);
            continue;
        }
        Value g = gcd2(vm, r, argv[i]);
        if (IS_ERR(g)) {
            decref(r);
            return g;
        }
        r = acc(vm, OP_FLOORDIV, r, g);
        decref(g);
        if (!IS_ERR(r)) r = acc(vm, OP_MUL, r, argv[i]);
        if (!IS_ERR(r)) {
            Value a = int_abs(vm, r);
            decref(r);
            r = a;
        }
        if (IS_ERR(r)) return r;
    }
    return r;
}

/* prod(lo..hi) of consecutive integers, multiplying small chunks in int64 first. */
static Value range_product(VM *vm, Value start, int64_t count) {
    Value r = v_int(1);
    int64_t chunk = 1;
    Value cur = vref(start);
    for (int64_t i = 0; i < count && !IS_ERR(r); i++) {
        int64_t p;
        if (cur.tag == T_INT && !__builtin_mul_overflow(chunk, cur.u.i, &p)) {
            chunk = p;
        } else {
            r = acc(vm, OP_MUL, r, v_int(chunk));
            if (!IS_ERR(r)) r = acc(vm, OP_MUL, r, cur);
            chunk = 1;
        }
        cur = acc(vm, OP_SUB, cur, v_int(1));
        if (IS_ERR(cur)) {
            decref(r);
            return ERRV;
        }
        if (i % 4096 == 0 && vm_check_interrupt(vm)) {
            decref(r);
            r = ERRV;
        }
    }
    decref(cur);
    if (!IS_ERR(r) && chunk != 1) r = acc(vm, OP_MUL, r, v_int(chunk));
    return r;
}

static Value f_factorial(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (one_arg(vm, "factorial", argc, kw) || want_int(vm, argv[0])) return ERRV;
    if (int_sign(argv[0]) < 0)
        return vm_raise(vm, vm->E.ValueError, "factorial() not defined for negative values");
    if (IS_KIND(argv[0], K_BIGINT))
        return vm_raise(vm, vm->E.OverflowError,
                        "factorial() argument should not exceed 9223372036854775807");
    return range_product(vm, argv[0], argv[0].u.i);
}

/* n and k for comb/perm: non-negative ints; k must fit int64. */
static int nk_args(VM *vm, Value n, Value k) {
    if (want_int(vm, n) || want_int(vm, k)) return -1;
    if (int_sign(n) < 0) {
        vm_raise(vm, vm->E.ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (int_sign(k) < 0) {
        vm_raise(vm, vm->E.ValueError, "k must be a non-negative integer");
        return -1;
    }
    if (IS_KIND(k, K_BIGINT)) {
        vm_raise(vm, vm->E.OverflowError, "k must not exceed 9223372036854775807");
        return -1;
    }
    return 0;
}

/* 1 when k > n. */
static int k_exceeds(Value n, Value k) { return n.tag != T_OBJ && k.u.i > n.u.i; }

static Value f_perm(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "math", "perm", argc, 1, 2, kw)) return ERRV;
    if (argc == 1 || argv[1].tag == T_NONE) return f_factorial(vm, 1, argv, NULL);
    if (nk_args(vm, argv[0], argv[1])) return ERRV;
    if (k_exceeds(argv[0], argv[1])) return v_int(0);
    return range_product(vm, argv[0], argv[1].u.i);
}

static Value f_comb(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (two_args(vm, "comb", argc, kw) || nk_args(vm, argv[0], argv[1])) return ERRV;
    Value n = argv[0];
    int64_t k = argv[1].u.i;
    if (k_exceeds(n, argv[1])) return v_int(0);
    if (n.tag != T_OBJ && n.u.i - k < k) k = n.u.i - k;
    Value r = v_int(1);
    for (int64_t i = 0; i < k && !IS_ERR(r); i++) { /* r = r * (n - i) // (i + 1), exact */
        Value f = obj_binop(vm, OP_SUB, n, v_int(i));
        if (IS_ERR(f)) {
            decref(r);
            return f;
        }
        r = acc(vm, OP_MUL, r, f);
        decref(f);
        if (!IS_ERR(r)) r = acc(vm, OP_FLOORDIV, r, v_int(i + 1));
    }
    return r;
}

/* Integer square root by Newton's method on Python ints. */
static Value f_isqrt(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (one_arg(vm, "isqrt", argc, kw) || want_int(vm, argv[0])) return ERRV;
    Value n = argv[0];
    if (int_sign(n) < 0)
        return vm_raise(vm, vm->E.ValueError, "isqrt() argument must be nonnegative");
    if (n.tag != T_OBJ) {
        uint64_t x = (uint64_t)n.u.i, r = (uint64_t)sqrt((double)x);
        while (r > 0 && r * r > x) r--;
        while (r + 1 < 4294967296u && (r + 1) * (r + 1) <= x) r++;
        return v_int((int64_t)r);
    }
    /* x0 = 2**ceil(bits/2) >= sqrt(n); iterate x = (x + n // x) // 2 while it decreases. */
    uint64_t bits = bi_bit_length(AS(BigIntObj, n)->b);
    Value x = obj_binop(vm, OP_LSHIFT, v_int(1), v_int((int64_t)(bits / 2 + 1)));
    while (!IS_ERR(x)) {
        Value y = obj_binop(vm, OP_FLOORDIV, n, x);
        if (!IS_ERR(y)) y = acc(vm, OP_ADD, y, x);
        if (!IS_ERR(y)) y = acc(vm, OP_RSHIFT, y, v_int(1));
        if (IS_ERR(y)) {
            decref(x);
            return y;
        }
        Value lt = obj_compare(vm, OP_LT, y, x);
        int less = IS_ERR(lt) ? -1 : obj_truth(vm, lt);
        decref(lt);
        if (less <= 0) {
            decref(y);
            return less < 0 ? (decref(x), ERRV) : x;
        }
        decref(x);
        x = y;
    }
    return x;
}

/* ---- sums, products, norms ---- */

/* fsum: Shewchuk's exact partials, exactly as CPython's math_fsum. */
static Value fsum_finish(VM *vm, double *p, size_t n, double special, double inf_sum) {
    if (special != 0.0) {
        if (isnan(inf_sum)) return vm_raise(vm, vm->E.ValueError, "-inf + inf in fsum");
        return v_float(special);
    }
    double hi = 0.0, lo = 0.0, x, y, yr;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return v_float(hi);
}

static Value f_fsum(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (one_arg(vm, "fsum", argc, kw)) return ERRV;
    Value it = obj_iter(vm, argv[0]);
    if (IS_ERR(it)) return it;
    double *p = NULL, special = 0.0, inf_sum = 0.0;
    size_t n = 0, cap = 0;
    Value item, r = ERRV;
    while (!IS_NULL(item = obj_next(vm, it))) {
        double x;
        int bad = IS_ERR(item) || obj_to_double(vm, item, &x);
        decref(item);
        if (bad) goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, yr = hi - x, lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x == 0.0) continue;
        if (!isfinite(x)) {
            if (isfinite(xsave)) {
                vm_raise(vm, vm->E.OverflowError, "intermediate overflow in fsum");
                goto done;
            }
            if (isinf(xsave)) inf_sum += xsave;
            special += xsave;
            n = 0;
            continue;
        }
        if (n >= cap) {
            size_t nc = cap ? cap * 2 : 32;
            double *np = realloc(p, nc * sizeof(double));
            if (!np) {
                vm_nomem(vm);
                goto done;
            }
            p = np;
            cap = nc;
        }
        p[n++] = x;
    }
    r = fsum_finish(vm, p, n, special, inf_sum);
done:
    free(p);
    decref(it);
    return r;
}

static Value f_prod(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"start"};
    Value a[1];
    if (argc != 1)
        return vm_raise(vm, vm->E.TypeError, "prod() takes exactly 1 positional argument (%d "
                        "given)", argc);
    if (meth_bind(vm, "prod", 0, NULL, kw, names, 1, 0, a)) return ERRV;
    Value r = IS_NULL(a[0]) ? v_int(1) : vref(a[0]);
    Value it = obj_iter(vm, argv[0]);
    if (IS_ERR(it)) {
        decref(r);
        return it;
    }
    Value x;
    while (!IS_ERR(r) && !IS_NULL(x = obj_next(vm, it))) {
        if (IS_ERR(x)) {
            decref(r);
            r = ERRV;
            break;
        }
        if (r.tag == T_FLOAT && x.tag == T_FLOAT) r = v_float(r.u.f * x.u.f);
        else r = acc(vm, OP_MUL, r, x);
        decref(x);
    }
    decref(it);
    return r;
}

/* CPython's vector_norm: exact squares with a compensated sum, then a correction step. */
typedef struct DL {
    double hi, lo;
} DL;
static DL dl_fast_sum(double a, double b) {
    DL r;
    r.hi = a + b;
    r.lo = b - (r.hi - a);
    return r;
}
static DL dl_mul(double x, double y) {
    DL r;
    r.hi = x * y;
    r.lo = fma(x, y, -r.hi);
    return r;
}

static double vector_norm(size_t n, double *vec, double max, int found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        DL pr = dl_mul(x, x), sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    DL pr = dl_mul(-h, h), sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Value f_hypot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (kw && kw->n) return vm_raise(vm, vm->E.TypeError, "hypot() takes no keyword arguments");
    double small[16], *vec = argc <= 16 ? small : malloc((size_t)argc * sizeof(double));
    if (!vec) return vm_nomem(vm);
    double max = 0.0;
    int found_nan = 0;
    for (int i = 0; i < argc; i++) {
        double x;
        if (obj_to_double(vm, argv[i], &x)) {
            if (vec != small) free(vec);
            return ERRV;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    double r = vector_norm((size_t)argc, vec, max, found_nan);
    if (vec != small) free(vec);
    return v_float(r);
}

static Value f_isclose(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
    Value a[4];
    if (argc > 2)
        return vm_raise(vm, vm->E.TypeError, "isclose() takes exactly 2 positional arguments "
                        "(%d given)", argc);
    if (meth_bind(vm, "isclose", argc, argv, kw, names, 4, 2, a)) return ERRV;
    for (int i = 0; i < 2; i++)
        if (IS_NULL(a[i]))
            return vm_raise(vm, vm->E.TypeError, "isclose() missing required argument '%s' "
                            "(pos %d)", names[i], i + 1);
    double x, y, rel = 1e-09, abs_tol = 0.0;
    if (obj_to_double(vm, a[0], &x) || obj_to_double(vm, a[1], &y) ||
        (!IS_NULL(a[2]) && obj_to_double(vm, a[2], &rel)) ||
        (!IS_NULL(a[3]) && obj_to_double(vm, a[3], &abs_tol)))
        return ERRV;
    if (rel < 0.0 || abs_tol < 0.0)
        return vm_raise(vm, vm->E.ValueError, "tolerances must be non-negative");
    if (x == y) return v_bool(1);
    if (isinf(x) || isinf(y)) return v_bool(0);
    double diff = fabs(y - x);
    return v_bool(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abs_tol);
}

static Value f_dist(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (two_args(vm, "dist", argc, kw)) return ERRV;
    ListObj *p = obj_to_list(vm, argv[0]);
    ListObj *q = p ? obj_to_list(vm, argv[1]) : NULL;
    Value r = ERRV;
    if (!q) goto done;
    if (p->len != q->len) {
        vm_raise(vm, vm->E.ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    double *vec = malloc((p->len ? p->len : 1) * sizeof(double)), max = 0.0;
    if (!vec) {
        vm_nomem(vm);
        goto done;
    }
    int found_nan = 0;
    for (size_t i = 0; i < p->len; i++) {
        double a, b;
        if (obj_to_double(vm, p->items[i], &a) || obj_to_double(vm, q->items[i], &b)) {
            free(vec);
            goto done;
        }
        vec[i] = fabs(a - b);
        found_nan |= isnan(vec[i]);
        if (vec[i] > max) max = vec[i];
    }
    r = v_float(vector_norm(p->len, vec, max, found_nan));
    free(vec);
done:
    if (p) decref(v_obj(p));
    if (q) decref(v_obj(q));
    return r;
}

static const BuiltinDef math_funcs[] = {
#define MATH1_ROW(pyname, cfn, ovf) {#pyname, f_##pyname, "(x, /)", NULL},
    MATH1_LIST(MATH1_ROW)
#undef MATH1_ROW
    {"atan2", f_atan2, "(y, x, /)", "Return the arc tangent (measured in radians) of y/x."},
    {"ceil", f_ceil, "(x, /)", "Return the ceiling of x as an Integral."},
    {"comb", f_comb, "(n, k, /)", "Number of ways to choose k items from n items without "
     "repetition and without order."},
    {"copysign", f_copysign, "(x, y, /)", "Return a float with the magnitude of x but the "
     "sign of y."},
    {"dist", f_dist, "(p, q, /)", "Return the Euclidean distance between two points p and q."},
    {"factorial", f_factorial, "(n, /)", "Find n!."},
    {"floor", f_floor, "(x, /)", "Return the floor of x as an Integral."},
    {"fmod", f_fmod, "(x, y, /)", "Return fmod(x, y), according to platform C."},
    {"frexp", f_frexp, "(x, /)", "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", f_fsum, "(seq, /)", "Return an accurate floating point sum of values in the "
     "iterable seq."},
    {"gcd", f_gcd, "(*integers)", "Greatest Common Divisor."},
    {"hypot", f_hypot, "(*coordinates)", "Multidimensional Euclidean distance from the "
     "origin to a point."},
    {"isclose", f_isclose, "(a, b, *, rel_tol=1e-09, abs_tol=0.0)", "Determine whether two "
     "floating point numbers are close in value."},
    {"isfinite", f_isfinite, "(x, /)", "Return True if x is neither an infinity nor a NaN."},
    {"isinf", f_isinf, "(x, /)", "Return True if x is a positive or negative infinity."},
    {"isnan", f_isnan, "(x, /)", "Return True if x is a NaN (not a number)."},
    {"isqrt", f_isqrt, "(n, /)", "Return the integer part of the square root of the input."},
    {"lcm", f_lcm, "(*integers)", "Least Common Multiple."},
    {"ldexp", f_ldexp, "(x, i, /)", "Return x * (2**i)."},
    {"log", f_log, "(x, [base=math.e])", "Return the logarithm of x to the given base."},
    {"log10", f_log10, "(x, /)", "Return the base 10 logarithm of x."},
    {"log2", f_log2, "(x, /)", "Return the base 2 logarithm of x."},
    {"modf", f_modf, "(x, /)", "Return the fractional and integer parts of x."},
    {"perm", f_perm, "(n, k=None, /)", "Number of ways to choose k items from n items without "
     "repetition and with order."},
    {"pow", f_pow, "(x, y, /)", "Return x**y (x to the power of y)."},
    {"prod", f_prod, "(iterable, /, *, start=1)", "Calculate the product of all the elements "
     "in the input iterable."},
    {"trunc", f_trunc, "(x, /)", "Truncates the Real x to the nearest Integral toward 0."},
    {NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* time                                                                                       */

static double clock_secs(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_FNS(pyname, id)                                                                  \
    static Value t_##pyname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {          \
        (void)argv;                                                                            \
        if (meth_check(vm, MA_NOARGS, "time", #pyname, argc, 0, 0, kw)) return ERRV;          \
        return v_float(clock_secs(id));                                                        \
    }                                                                                          \
    static Value t_##pyname##_ns(VM *vm, int argc, const Value *argv, const KwArgs *kw) {     \
        (void)argv;                                                                            \
        if (meth_check(vm, MA_NOARGS, "time", #pyname "_ns", argc, 0, 0, kw)) return ERRV;    \
        return v_int(clock_ns(id));                                                            \
    }
CLOCK_FNS(time, CLOCK_REALTIME)
CLOCK_FNS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FNS(monotonic, CLOCK_MONOTONIC)
CLOCK_FNS(process_time, CLOCK_PROCESS_CPUTIME_ID)

/* Sleeps in slices of at most 10 ms so that an interrupt is noticed promptly. */
static Value t_sleep(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "time", "sleep", argc, 1, 1, kw)) return ERRV;
    Value v = argv[0];
    double secs;
    if (v.tag == T_FLOAT) secs = v.u.f;
    else if (is_int(v) || IS_KIND(v, K_NATIVE)) {
        if (obj_to_double(vm, v, &secs)) return ERRV;
    } else {
        return vm_raise(vm, vm->E.TypeError, "'%s' object cannot be interpreted as an integer",
                        type_name(vm, v));
    }
    if (isnan(secs)) return vm_raise(vm, vm->E.ValueError, "Invalid value NaN (not a number)");
    if (secs < 0) return vm_raise(vm, vm->E.ValueError, "sleep length must be non-negative");
    double end = clock_secs(CLOCK_MONOTONIC) + secs;
    for (;;) {
        if (vm_check_interrupt(vm)) return ERRV;
        double left = end - clock_secs(CLOCK_MONOTONIC);
        if (left <= 0) break;
        if (left > 0.01) left = 0.01;
        struct timespec ts = {0, (long)(left * 1e9)};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            if (vm->interrupt) break;
    }
    return v_none();
}

static const BuiltinDef time_funcs[] = {
    {"monotonic", t_monotonic, "()", "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, "()", "Monotonic clock, as nanoseconds."},
    {"perf_counter", t_perf_counter, "()", "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, "()", "Performance counter, as nanoseconds."},
    {"process_time", t_process_time, "()", "Process time for profiling: sum of the kernel and "
     "user-space CPU time."},
    {"process_time_ns", t_process_time_ns, "()", "Process time for profiling, as nanoseconds."},
    {"sleep", t_sleep, "(secs, /)", "Delay execution for a given number of seconds."},
    {"time", t_time, "()", "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, "()", "Return the current time in nanoseconds since the Epoch."},
    {NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */

static int register_module(VM *vm, ModuleObj *m) {
    int r = dict_set_str(vm, vm->modules, m->name->s, v_obj(m));
    decref(v_obj(m));
    return r;
}

static int math_fill(VM *vm, ModuleObj *m) {
    if (module_add(vm, m, "pi", v_float(PI)) || module_add(vm, m, "e", v_float(EULER)) ||
        module_add(vm, m, "tau", v_float(2 * PI)) || module_add(vm, m, "inf", v_float(INFINITY)) ||
        module_add(vm, m, "nan", v_float(NAN)))
        return -1;
    return module_add_funcs(vm, m, math_funcs);
}

int math_module_init(VM *vm) {
    ModuleObj *m = module_new(vm, "math");
    if (!m) return -1;
    if (math_fill(vm, m)) {
        decref(v_obj(m));
        return -1;
    }
    if (register_module(vm, m)) return -1;
    ModuleObj *t = module_new(vm, "time");
    if (!t) return -1;
    if (module_add_funcs(vm, t, time_funcs)) {
        decref(v_obj(t));
        return -1;
    }
    return register_module(vm, t);
}
