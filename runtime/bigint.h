/* bigint.h: arbitrary-precision integers behind Python's int once a value leaves the
 * int64 fast path. Values are immutable; every operation returns a new BigInt that the
 * caller owns and frees with bi_free. Arguments are never modified and may alias. */
#ifndef BIGINT_H
#define BIGINT_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

/* Sign and magnitude: d is the little-endian base 2**32 magnitude, normalised (d[n-1] != 0),
 * n == 0 and sign == 0 for zero. One malloc'd block. Magnitudes are capped at 2**36 bits:
 * anything larger is reported as out of memory, which Python shows as MemoryError. */
typedef struct BigInt {
    int sign; /* -1, 0, 1 */
    size_t n;
    uint32_t d[];
} BigInt;

/* Status codes of the functions that return int. */
enum {
    BI_OK = 0,
    BI_ENOMEM = -1,    /* out of memory (or beyond 2**36 bits): raise MemoryError */
    BI_EINVAL = -2,    /* bad literal, base or pow() modulus: ValueError */
    BI_EZERODIV = -3,  /* division or modulo by zero: ZeroDivisionError */
    BI_EOVERFLOW = -4, /* bi_truediv_double: "integer division result too large for a float" */
    BI_ENOTINV = -5    /* bi_powmod: "base is not invertible for the given modulus" */
};

/* Constructors. Return a new BigInt, or NULL when out of memory. */
BigInt *bi_from_i64(int64_t v);
BigInt *bi_from_u64(uint64_t v);
/* Truncates x toward zero, like int(x). x must be finite (the caller raises for inf/nan). */
BigInt *bi_from_double(double x);
/* Parses s[0..len) with Python int(s, base) syntax: surrounding whitespace (ASCII and the
 * UTF-8 encoded Unicode spaces), one optional sign, '_' between digits, a 0x/0o/0b prefix
 * matching base (base 0 auto-detects it; without a prefix base 0 means 10 and rejects
 * leading zeros unless the value is zero). base is 0 or 2..36. Unicode decimal digits are
 * not accepted: the caller maps them to ASCII first. On success stores a new BigInt in *out
 * and returns BI_OK; otherwise returns BI_ENOMEM or BI_EINVAL and leaves *out untouched.
 * The caller enforces CPython's int_max_str_digits limit (4300 for base 10) if it wants it. */
int bi_from_str(const char *s, size_t len, int base, BigInt **out);
/* A new copy of a, or NULL when out of memory. */
BigInt *bi_copy(const BigInt *a);
/* Frees a (NULL is fine). */
void bi_free(BigInt *a);

/* Queries; none allocates. */
/* Returns 1 and stores the value in *out when a fits in int64_t, else 0 (*out untouched). */
int bi_fits_i64(const BigInt *a, int64_t *out);
/* a as the nearest double (round-half-even, like int.__float__). Sets *overflow to 1 (and
 * returns +-HUGE_VAL) when the rounded value is >= 2**1024, else to 0. */
double bi_to_double(const BigInt *a, int *overflow);
/* -1, 0 or 1 as a <, ==, > b. */
int bi_cmp(const BigInt *a, const BigInt *b);
/* Number of bits of |a| (0 for zero), like int.bit_length. */
uint64_t bi_bit_length(const BigInt *a);
int bi_is_zero(const BigInt *a);
/* hash(a) exactly as CPython: sign * (|a| mod (2**61 - 1)), with -1 mapped to -2. */
int64_t bi_hash(const BigInt *a);

/* Arithmetic. Return a new BigInt, or NULL when out of memory. */
BigInt *bi_add(const BigInt *a, const BigInt *b);
BigInt *bi_sub(const BigInt *a, const BigInt *b);
/* Schoolbook below a threshold, Karatsuba above it. */
BigInt *bi_mul(const BigInt *a, const BigInt *b);
BigInt *bi_neg(const BigInt *a);
BigInt *bi_abs(const BigInt *a);
/* base ** exp for exp >= 0 (a negative exp is a caller bug and returns NULL). A result too
 * large to allocate returns NULL: MemoryError, as in CPython. */
BigInt *bi_pow(const BigInt *base, const BigInt *exp);
/* gcd(a, b) >= 0, like math.gcd. */
BigInt *bi_gcd(const BigInt *a, const BigInt *b);

/* Floor division as in Python: the quotient rounds toward -inf and the remainder has the
 * sign of b. q and/or r may be NULL when not wanted; each wanted one receives a new BigInt.
 * Returns BI_OK, BI_ENOMEM or BI_EZERODIV (b == 0); on error nothing is stored. */
int bi_divmod(const BigInt *a, const BigInt *b, BigInt **q, BigInt **r);
/* a // b into *q: BI_OK, BI_ENOMEM or BI_EZERODIV. */
int bi_floordiv(const BigInt *a, const BigInt *b, BigInt **q);
/* a % b into *r: BI_OK, BI_ENOMEM or BI_EZERODIV. */
int bi_mod(const BigInt *a, const BigInt *b, BigInt **r);
/* a / b correctly rounded, exactly as CPython's int / int (0 / negative gives -0.0).
 * Returns BI_OK with *out set, BI_EZERODIV, BI_EOVERFLOW or BI_ENOMEM. */
int bi_truediv_double(const BigInt *a, const BigInt *b, double *out);
/* pow(base, exp, mod) as in CPython, including exp < 0 through the modular inverse. The
 * result has the sign of mod. Returns BI_OK with *out set, BI_EINVAL (mod == 0: ValueError
 * "pow() 3rd argument cannot be 0"), BI_ENOTINV (ValueError) or BI_ENOMEM. */
int bi_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt **out);

/* Shifts and bitwise operations with Python's infinite two's-complement semantics.
 * Return a new BigInt, or NULL when out of memory. Negative shift counts are the caller's
 * ValueError; a count beyond uint64_t may be passed as UINT64_MAX. */
BigInt *bi_lshift(const BigInt *a, uint64_t count);
/* Floor shift: -7 >> 1 == -4. */
BigInt *bi_rshift(const BigInt *a, uint64_t count);
BigInt *bi_and(const BigInt *a, const BigInt *b);
BigInt *bi_or(const BigInt *a, const BigInt *b);
BigInt *bi_xor(const BigInt *a, const BigInt *b);
/* ~a == -(a + 1). */
BigInt *bi_invert(const BigInt *a);

/* Appends '-' (when negative) and the digits of a in base 2, 8, 10 or 16 (lowercase, no
 * prefix) to out. Returns BI_OK, BI_ENOMEM, or BI_EINVAL for another base; on error out may
 * hold a partial append. */
int bi_to_str(const BigInt *a, int base, SBuf *out);

#endif
