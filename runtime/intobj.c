/* intobj.c: Python's int: int64 values stay immediate (T_INT); anything larger lives in a
 * K_BIGINT object around bigint.c. Every result is normalised back to T_INT when it fits. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bigint.h"
#include "object.h"

void bigint_obj_free(BigIntObj *o) { bi_free(o->b); }

/* Wraps b (consumed) as a Value: T_INT when it fits. */
static Value from_big(VM *vm, BigInt *b) {
    if (!b) return vm_nomem(vm);
    int64_t i;
    if (bi_fits_i64(b, &i)) {
        bi_free(b);
        return v_int(i);
    }
    BigIntObj *o = malloc(sizeof(BigIntObj));
    if (!o) {
        bi_free(b);
        return vm_nomem(vm);
    }
    o->h.rc = 1;
    o->h.k = K_BIGINT;
    o->h.flags = 0;
    o->b = b;
    return v_obj(o);
}

/* A BigInt view of an int value: *tmp receives an owned copy to free when needed. */
static const BigInt *as_big(VM *vm, Value v, BigInt **tmp) {
    *tmp = NULL;
    if (IS_KIND(v, K_BIGINT)) return AS(BigIntObj, v)->b;
    *tmp = bi_from_i64(v.u.i);
    if (!*tmp) vm_nomem(vm);
    return *tmp;
}

int int_sign(Value a) {
    if (IS_KIND(a, K_BIGINT)) return AS(BigIntObj, a)->b->sign;
    return (a.u.i > 0) - (a.u.i < 0);
}

int64_t int_hash(Value a) {
    if (IS_KIND(a, K_BIGINT)) return bi_hash(AS(BigIntObj, a)->b);
    int64_t v = a.u.i;
    const int64_t P = (int64_t)0x1FFFFFFFFFFFFFFF;
    int64_t h;
    if (v >= 0) h = v % P;
    else if (v == INT64_MIN) h = -(int64_t)(((uint64_t)1 << 63) % (uint64_t)P);
    else h = -((-v) % P);
    return h == -1 ? -2 : h;
}

int int_cmp(VM *vm, Value a, Value b) {
    if (!IS_KIND(a, K_BIGINT) && !IS_KIND(b, K_BIGINT)) return (a.u.i > b.u.i) - (a.u.i < b.u.i);
    BigInt *ta, *tb;
    const BigInt *x = as_big(vm, a, &ta), *y = as_big(vm, b, &tb);
    int r = (x && y) ? bi_cmp(x, y) : 0;
    bi_free(ta);
    bi_free(tb);
    return r;
}

int int_cmp_double(VM *vm, Value a, double d) {
    if (isnan(d)) return 1; /* callers handle nan before */
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (!IS_KIND(a, K_BIGINT)) {
        int64_t i = a.u.i;
        if (d >= 9223372036854775808.0) return -1;
        if (d < -9223372036854775808.0) return 1;
        double fl = floor(d);
        int64_t di = (int64_t)fl;
        if (i != di) return (i > di) - (i < di);
        return fl == d ? 0 : -1;
    }
    BigInt *bd = bi_from_double(floor(d));
    if (!bd) return 0;
    int r = bi_cmp(AS(BigIntObj, a)->b, bd);
    bi_free(bd);
    if (r != 0) return r;
    (void)vm;
    return floor(d) == d ? 0 : -1;
}

int int_to_double(VM *vm, Value a, double *out) {
    if (!IS_KIND(a, K_BIGINT)) {
        *out = (double)a.u.i;
        return 0;
    }
    int overflow = 0;
    *out = bi_to_double(AS(BigIntObj, a)->b, &overflow);
    if (overflow) {
        vm_raise(vm, vm->E.OverflowError, "int too large to convert to float");
        return -1;
    }
    return 0;
}

Value int_from_double(VM *vm, double d) {
    if (isnan(d)) return vm_raise(vm, vm->E.ValueError, "cannot convert float NaN to integer");
    if (isinf(d)) return vm_raise(vm, vm->E.OverflowError, "cannot convert float infinity to integer");
    if (d > -9.2e18 && d < 9.2e18) return v_int((int64_t)d);
    return from_big(vm, bi_from_double(d));
}

int int_sb(VM *vm, Value a, int base, SBuf *out) {
    if (!IS_KIND(a, K_BIGINT) && base == 10) {
        if (sb_printf(out, "%lld", (long long)a.u.i)) {
            vm_nomem(vm);
            return -1;
        }
        return 0;
    }
    BigInt *t;
    const BigInt *b = as_big(vm, a, &t);
    if (!b) return -1;
    if (base == 10 && b->n > 446) { /* 4300 digits need more than 14,284 bits */
        SBuf tmp = SBUF_INIT;
        int r = bi_to_str(b, 10, &tmp);
        size_t digits = tmp.len - (b->sign < 0);
        if (r == 0 && digits > 4300) {
            sb_free(&tmp);
            bi_free(t);
            vm_raise(vm, vm->E.ValueError, "Exceeds the limit (4300 digits) for integer string "
                     "conversion; use sys.set_int_max_str_digits() to increase the limit");
            return -1;
        }
        r = r || sb_putn(out, tmp.s, tmp.len);
        sb_free(&tmp);
        bi_free(t);
        if (r) vm_nomem(vm);
        return r ? -1 : 0;
    }
    int r = bi_to_str(b, base, out);
    bi_free(t);
    if (r) vm_nomem(vm);
    return r ? -1 : 0;
}

Value int_from_str(VM *vm, const char *s, size_t n, int base) {
    BigInt *b = NULL;
    int r = bi_from_str(s, n, base, &b);
    if (r == BI_ENOMEM) return vm_nomem(vm);
    if (r) {
        SBuf q = SBUF_INIT;
        StrObj *tmp = str_new(vm, s, n);
        if (!tmp) return ERRV;
        Value tv = v_obj(tmp);
        obj_repr_sb(vm, tv, &q);
        decref(tv);
        vm_raise(vm, vm->E.ValueError, "invalid literal for int() with base %d: %s", base,
                 q.s ? q.s : "''");
        sb_free(&q);
        return ERRV;
    }
    return from_big(vm, b);
}

static int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}

static int64_t mod64(int64_t a, int64_t b) {
    int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

static Value int_truediv(VM *vm, Value a, Value b) {
    if (int_sign(b) == 0) return vm_raise(vm, vm->E.ZeroDivisionError, "division by zero");
    if (!IS_KIND(a, K_BIGINT) && !IS_KIND(b, K_BIGINT)) {
        int64_t x = a.u.i, y = b.u.i;
        if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
            return v_float((double)x / (double)y);
    }
    BigInt *ta, *tb;
    const BigInt *x = as_big(vm, a, &ta), *y = as_big(vm, b, &tb);
    double d = 0;
    int r = (x && y) ? bi_truediv_double(x, y, &d) : BI_ENOMEM;
    bi_free(ta);
    bi_free(tb);
    if (r == BI_EOVERFLOW)
        return vm_raise(vm, vm->E.OverflowError, "integer division result too large for a float");
    if (r) return vm_nomem(vm);
    return v_float(d);
}

static Value int_pow(VM *vm, Value a, Value b) {
    if (int_sign(b) < 0) {
        double x, y;
        if (int_to_double(vm, a, &x) || int_to_double(vm, b, &y)) return ERRV;
        if (x == 0.0)
            return vm_raise(vm, vm->E.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return v_float(pow(x, y));
    }
    if (!IS_KIND(a, K_BIGINT) && !IS_KIND(b, K_BIGINT)) { /* fast path by squaring */
        int64_t base = a.u.i, e = b.u.i, r = 1;
        int ok = 1;
        while (e && ok) {
            if (e & 1) ok = !__builtin_mul_overflow(r, base, &r);
            e >>= 1;
            if (e && ok) ok = !__builtin_mul_overflow(base, base, &base);
        }
        if (ok) return v_int(r);
    }
    if (IS_KIND(b, K_BIGINT)) {
        int s = int_sign(a);
        if (!IS_KIND(a, K_BIGINT) && (a.u.i == 0 || a.u.i == 1)) return v_int(a.u.i);
        if (!IS_KIND(a, K_BIGINT) && a.u.i == -1) {
            BigInt *t = NULL;
            const BigInt *e = as_big(vm, b, &t);
            int odd = e && e->n && (e->d[0] & 1);
            (void)s;
            return v_int(odd ? -1 : 1);
        }
        return vm_nomem(vm);
    }
    BigInt *ta, *tb;
    const BigInt *x = as_big(vm, a, &ta), *y = as_big(vm, b, &tb);
    BigInt *r = (x && y) ? bi_pow(x, y) : NULL;
    bi_free(ta);
    bi_free(tb);
    return from_big(vm, r);
}

static Value shift_error(VM *vm) { return vm_raise(vm, vm->E.ValueError, "negative shift count"); }

static Value int_shift(VM *vm, int op, Value a, Value b) {
    if (int_sign(b) < 0) return shift_error(vm);
    uint64_t count = IS_KIND(b, K_BIGINT) ? UINT64_MAX : (uint64_t)b.u.i;
    if (!IS_KIND(a, K_BIGINT)) {
        int64_t x = a.u.i;
        if (op == OP_RSHIFT) return v_int(count >= 63 ? (x < 0 ? -1 : 0) : x >> count);
        if (x == 0) return v_int(0);
        if (count < 62) {
            int64_t lim = INT64_MAX >> count;
            if (x <= lim && x >= -lim) return v_int((int64_t)((uint64_t)x << count));
        }
    }
    BigInt *ta;
    const BigInt *x = as_big(vm, a, &ta);
    if (!x) return ERRV;
    BigInt *r = op == OP_LSHIFT ? bi_lshift(x, count) : bi_rshift(x, count);
    bi_free(ta);
    return from_big(vm, r);
}

static Value big_binop(VM *vm, int op, Value a, Value b) {
    BigInt *ta, *tb, *r = NULL;
    const BigInt *x = as_big(vm, a, &ta), *y = as_big(vm, b, &tb);
    int rc = BI_OK;
    if (!x || !y) {
        bi_free(ta);
        bi_free(tb);
        return ERRV;
    }
    switch (op) {
    case OP_ADD: r = bi_add(x, y); break;
    case OP_SUB: r = bi_sub(x, y); break;
    case OP_MUL: r = bi_mul(x, y); break;
    case OP_FLOORDIV: rc = bi_floordiv(x, y, &r); break;
    case OP_MOD: rc = bi_mod(x, y, &r); break;
    case OP_BITAND: r = bi_and(x, y); break;
    case OP_BITOR: r = bi_or(x, y); break;
    case OP_BITXOR: r = bi_xor(x, y); break;
    default: break;
    }
    bi_free(ta);
    bi_free(tb);
    if (rc == BI_EZERODIV)
        return vm_raise(vm, vm->E.ZeroDivisionError, op == OP_MOD ? "integer modulo by zero"
                                                                  : "integer division or modulo by zero");
    return from_big(vm, r);
}

Value int_binop(VM *vm, int op, Value a, Value b) {
    if (!IS_KIND(a, K_BIGINT) && !IS_KIND(b, K_BIGINT)) {
        int64_t x = a.u.i, y = b.u.i, z;
        switch (op) {
        case OP_ADD:
            if (!__builtin_add_overflow(x, y, &z)) return v_int(z);
            break;
        case OP_SUB:
            if (!__builtin_sub_overflow(x, y, &z)) return v_int(z);
            break;
        case OP_MUL:
            if (!__builtin_mul_overflow(x, y, &z)) return v_int(z);
            break;
        case OP_FLOORDIV:
        case OP_MOD:
            if (y == 0)
                return vm_raise(vm, vm->E.ZeroDivisionError, op == OP_MOD ? "integer modulo by zero"
                                : "integer division or modulo by zero");
            if (!(x == INT64_MIN && y == -1)) return v_int(op == OP_MOD ? mod64(x, y) : floordiv64(x, y));
            break;
        case OP_BITAND: return v_int(x & y);
        case OP_BITOR: return v_int(x | y);
        case OP_BITXOR: return v_int(x ^ y);
        default: break;
        }
    }
    switch (op) {
    case OP_DIV: return int_truediv(vm, a, b);
    case OP_POW: return int_pow(vm, a, b);
    case OP_LSHIFT:
    case OP_RSHIFT: return int_shift(vm, op, a, b);
    case OP_MATMUL:
        return vm_raise(vm, vm->E.TypeError, "unsupported operand type(s) for @: '%s' and '%s'",
                        type_name(vm, a), type_name(vm, b));
    default: return big_binop(vm, op, a, b);
    }
}

Value int_neg(VM *vm, Value a) {
    if (!IS_KIND(a, K_BIGINT) && a.u.i != INT64_MIN) return v_int(-a.u.i);
    BigInt *t;
    const BigInt *x = as_big(vm, a, &t);
    if (!x) return ERRV;
    BigInt *r = bi_neg(x);
    bi_free(t);
    return from_big(vm, r);
}

Value int_abs(VM *vm, Value a) {
    if (int_sign(a) < 0) return int_neg(vm, a);
    return a.tag == T_BOOL ? v_int(a.u.i) : vref(a);
}

Value int_invert(VM *vm, Value a) {
    if (!IS_KIND(a, K_BIGINT)) return v_int(~a.u.i);
    return from_big(vm, bi_invert(AS(BigIntObj, a)->b));
}

int int_bit_length(VM *vm, Value a, int64_t *out) {
    (void)vm;
    if (!IS_KIND(a, K_BIGINT)) {
        uint64_t x = a.u.i < 0 ? (uint64_t)(-(a.u.i + 1)) + 1 : (uint64_t)a.u.i;
        *out = x ? 64 - __builtin_clzll(x) : 0;
        return 0;
    }
    *out = (int64_t)bi_bit_length(AS(BigIntObj, a)->b);
    return 0;
}

Value int_pow_mod(VM *vm, Value a, Value b, Value m) {
    BigInt *ta, *tb, *tm, *r = NULL;
    const BigInt *x = as_big(vm, a, &ta), *y = as_big(vm, b, &tb), *z = as_big(vm, m, &tm);
    int rc = (x && y && z) ? bi_powmod(x, y, z, &r) : BI_ENOMEM;
    bi_free(ta);
    bi_free(tb);
    bi_free(tm);
    if (rc == BI_EINVAL) return vm_raise(vm, vm->E.ValueError, "pow() 3rd argument cannot be 0");
    if (rc == BI_ENOTINV)
        return vm_raise(vm, vm->E.ValueError, "base is not invertible for the given modulus");
    if (rc) return vm_nomem(vm);
    return from_big(vm, r);
}
