/* bigint.c: the arbitrary-precision integers of bigint.h with Python's int semantics (floor
 * division, infinite two's-complement bit operations, CPython's hash and float rounding).
 * mag_* helpers work on raw little-endian uint32_t limb arrays; bi_* wrap them with signs. */
#include "bigint.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Below this many limbs in the shorter operand, schoolbook multiplication wins. */
#define KARATSUBA_CUTOFF 40
/* The largest magnitude, in limbs (2**36 bits, 8 GiB): beyond it every operation reports
 * out of memory at once instead of asking malloc for absurd sizes. */
#define MAX_LIMBS ((uint64_t)1 << 31)

typedef uint64_t dlimb;

/* ------------------------------------------------------------------ allocation */

/* A BigInt with room for n limbs (d uninitialised), or NULL. */
static BigInt *bi_alloc(size_t n) {
    if ((uint64_t)n > MAX_LIMBS || n > (SIZE_MAX - sizeof(BigInt)) / sizeof(uint32_t))
        return NULL;
    BigInt *r = malloc(sizeof(BigInt) + n * sizeof(uint32_t));
    if (!r) return NULL;
    r->sign = 0;
    r->n = n;
    return r;
}

static size_t mag_trim(const uint32_t *d, size_t n) {
    while (n && !d[n - 1]) n--;
    return n;
}

/* Normalises r in place and gives it sign (zero stays unsigned). Passes NULL through. */
static BigInt *bi_finish(BigInt *r, int sign) {
    if (!r) return NULL;
    r->n = mag_trim(r->d, r->n);
    r->sign = r->n ? sign : 0;
    return r;
}

static BigInt *bi_from_mag(const uint32_t *d, size_t n, int sign) {
    n = mag_trim(d, n);
    BigInt *r = bi_alloc(n);
    if (!r) return NULL;
    if (n) memcpy(r->d, d, n * sizeof *d);
    return bi_finish(r, sign);
}

static BigInt *bi_zero(void) { return bi_alloc(0); }

static int mag_is_one(const BigInt *a) { return a->n == 1 && a->d[0] == 1; }

/* ------------------------------------------------------------------ limb arithmetic */

static int mag_cmp(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    while (an--)
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    return 0;
}

/* r[0..an) = a + b for an >= bn; returns the carry out. r may alias a or b. */
static uint32_t mag_add(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                        size_t bn) {
    dlimb c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        c += (dlimb)a[i] + b[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; i < an; i++) {
        c += a[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

/* r[0..an) = a - b for an >= bn; returns the borrow out. r may alias a or b. */
static uint32_t mag_sub(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                        size_t bn) {
    dlimb borrow = 0;
    size_t i = 0;
    for (; i < an; i++) {
        dlimb t = (dlimb)a[i] - (i < bn ? b[i] : 0) - borrow;
        r[i] = (uint32_t)t;
        borrow = t >> 63;
    }
    return (uint32_t)borrow;
}

/* r[0..rn) += b[0..bn) for rn >= bn; a carry out of r is dropped (callers know it is 0). */
static void mag_add_into(uint32_t *r, size_t rn, const uint32_t *b, size_t bn) {
    uint32_t c = mag_add(r, r, bn, b, bn);
    for (size_t i = bn; c && i < rn; i++) c = ++r[i] == 0;
}

/* r[0..rn) -= b[0..bn) for rn >= bn and r >= b. */
static void mag_sub_from(uint32_t *r, size_t rn, const uint32_t *b, size_t bn) {
    uint32_t c = mag_sub(r, r, bn, b, bn);
    for (size_t i = bn; c && i < rn; i++) c = r[i]-- == 0;
}

/* r[0..n) = a * m + add; returns the carry limb. r may alias a. */
static uint32_t mag_mul1(uint32_t *r, const uint32_t *a, size_t n, uint32_t m, uint32_t add) {
    dlimb c = add;
    for (size_t i = 0; i < n; i++) {
        c += (dlimb)a[i] * m;
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

/* q[0..n) = a / m; returns a % m. q may alias a. */
static uint32_t mag_div1(uint32_t *q, const uint32_t *a, size_t n, uint32_t m) {
    dlimb rem = 0;
    while (n--) {
        dlimb cur = (rem << 32) | a[n];
        q[n] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    return (uint32_t)rem;
}

/* Bits [pos, pos + 64) of the magnitude d[0..n) (zeros beyond the top). */
static uint64_t mag_bits64(const uint32_t *d, size_t n, uint64_t pos) {
    uint64_t i = pos / 32;
    unsigned off = (unsigned)(pos % 32);
    uint64_t l0 = i < n ? d[i] : 0, l1 = i + 1 < n ? d[i + 1] : 0, l2 = i + 2 < n ? d[i + 2] : 0;
    uint64_t lo = l0 | l1 << 32;
    return off ? (lo >> off) | l2 << (64 - off) : lo;
}

/* 1 when any bit below pos is set in d[0..n). */
static int mag_any_below(const uint32_t *d, size_t n, uint64_t pos) {
    uint64_t full = pos / 32;
    for (uint64_t i = 0; i < full && i < n; i++)
        if (d[i]) return 1;
    if (full >= n || pos % 32 == 0) return 0;
    return (d[full] & ((1u << (pos % 32)) - 1)) != 0;
}

static uint64_t mag_bit_length(const uint32_t *d, size_t n) {
    if (!n) return 0;
    return (uint64_t)(n - 1) * 32 + (uint64_t)(32 - __builtin_clz(d[n - 1]));
}

/* ------------------------------------------------------------------ multiplication */

static int mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn);

/* r[0..an+bn) = a * b, quadratic. */
static void mul_school(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                       size_t bn) {
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t i = 0; i < bn; i++) {
        dlimb c = 0, m = b[i];
        if (!m) continue;
        for (size_t j = 0; j < an; j++) {
            c += a[j] * m + r[i + j];
            r[i + j] = (uint32_t)c;
            c >>= 32;
        }
        r[i + an] = (uint32_t)c;
    }
}

/* a * b for an >= 2 * bn: multiplies bn-limb slices of a by b and accumulates. */
static int mul_unbalanced(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                          size_t bn) {
    uint32_t *t = malloc(2 * bn * sizeof *t);
    if (!t) return -1;
    memset(r, 0, (an + bn) * sizeof *r);
    for (size_t i = 0; i < an; i += bn) {
        size_t cn = an - i < bn ? an - i : bn;
        if (mag_mul(t, a + i, cn, b, bn)) {
            free(t);
            return -1;
        }
        mag_add_into(r + i, an + bn - i, t, cn + bn);
    }
    free(t);
    return 0;
}

/* Karatsuba for bn <= an < 2 * bn: with a = a1 B^h + a0 and b = b1 B^h + b0,
 * a b = z2 B^2h + ((a0 + a1)(b0 + b1) - z0 - z2) B^h + z0. */
static int mul_karatsuba(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b,
                         size_t bn) {
    size_t h = an / 2, sn = an - h + 1;
    uint32_t *s = calloc(4 * sn, sizeof *s);
    if (!s) return -1;
    uint32_t *sa = s, *sb = s + sn, *t = s + 2 * sn;
    sa[sn - 1] = mag_add(sa, a + h, an - h, a, h);
    memcpy(sb, b + h, (bn - h) * sizeof *sb);
    sb[sn - 1] = mag_add(sb, sb, sn - 1, b, h);
    int rc = mag_mul(r, a, h, b, h) || mag_mul(r + 2 * h, a + h, an - h, b + h, bn - h) ||
             mag_mul(t, sa, sn, sb, sn);
    if (!rc) {
        mag_sub_from(t, 2 * sn, r, 2 * h);
        mag_sub_from(t, 2 * sn, r + 2 * h, an + bn - 2 * h);
        mag_add_into(r + h, an + bn - h, t, mag_trim(t, 2 * sn));
    }
    free(s);
    return rc ? -1 : 0;
}

/* r[0..an+bn) = a * b (r must not alias a or b). Returns 0 or -1 when out of memory. */
static int mag_mul(uint32_t *r, const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    if (an < bn) {
        const uint32_t *tp = a;
        size_t tn = an;
        a = b, an = bn, b = tp, bn = tn;
    }
    if (bn < KARATSUBA_CUTOFF) {
        mul_school(r, a, an, b, bn);
        return 0;
    }
    if (an >= 2 * bn) return mul_unbalanced(r, a, an, b, bn);
    return mul_karatsuba(r, a, an, b, bn);
}

/* ------------------------------------------------------------------ division */

/* One step of Knuth's algorithm D: divides u[j..j+vn] by v and returns the quotient limb,
 * leaving the remainder in u[j..j+vn). v is normalised (top bit set), vn >= 2. */
static uint32_t divstep(uint32_t *u, size_t j, const uint32_t *v, size_t vn) {
    dlimb num = (dlimb)u[j + vn] << 32 | u[j + vn - 1];
    dlimb qhat = num / v[vn - 1], rhat = num % v[vn - 1];
    while (qhat >> 32 || qhat * v[vn - 2] > (rhat << 32 | u[j + vn - 2])) {
        qhat--;
        rhat += v[vn - 1];
        if (rhat >> 32) break;
    }
    dlimb carry = 0, borrow = 0;
    for (size_t i = 0; i < vn; i++) {
        dlimb p = qhat * v[i] + carry;
        carry = p >> 32;
        dlimb t = (dlimb)u[i + j] - (uint32_t)p - borrow;
        u[i + j] = (uint32_t)t;
        borrow = t >> 63;
    }
    dlimb t = (dlimb)u[j + vn] - carry - borrow;
    u[j + vn] = (uint32_t)t;
    if (t >> 63) { /* qhat was one too large: add v back */
        qhat--;
        u[j + vn] += mag_add(u + j, u + j, vn, v, vn);
    }
    return (uint32_t)qhat;
}

/* q[0..an-bn] = a / b and r[0..bn) = a % b for an >= bn >= 2, b[bn-1] != 0. */
static int mag_divrem(uint32_t *q, uint32_t *r, const uint32_t *a, size_t an,
                      const uint32_t *b, size_t bn) {
    uint32_t *u = malloc((an + 1 + bn) * sizeof *u);
    if (!u) return -1;
    uint32_t *v = u + an + 1;
    int s = __builtin_clz(b[bn - 1]);
    for (size_t i = bn; i-- > 0;)
        v[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (size_t i = an; i-- > 0;)
        u[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
    for (size_t j = an - bn + 1; j-- > 0;) q[j] = divstep(u, j, v, bn);
    for (size_t i = 0; i < bn; i++)
        r[i] = (u[i] >> s) | (s ? u[i + 1] << (32 - s) : 0);
    free(u);
    return 0;
}

/* |a| divmod |b| (b nonzero) as two new non-negative BigInts; q has one spare limb. */
static int mag_divmod(const BigInt *a, const BigInt *b, BigInt **qo, BigInt **ro) {
    size_t qn = a->n >= b->n ? a->n - b->n + 1 : 0;
    BigInt *q = bi_alloc(qn + 1), *r = bi_alloc(b->n);
    if (!q || !r) goto fail;
    memset(q->d, 0, (qn + 1) * sizeof *q->d);
    if (!qn) {
        memcpy(r->d, a->d, a->n * sizeof *r->d);
        memset(r->d + a->n, 0, (b->n - a->n) * sizeof *r->d);
    } else if (b->n == 1) {
        r->d[0] = mag_div1(q->d, a->d, a->n, b->d[0]);
    } else if (mag_divrem(q->d, r->d, a->d, a->n, b->d, b->n)) {
        goto fail;
    }
    *qo = bi_finish(q, 1);
    *ro = bi_finish(r, 1);
    return BI_OK;
fail:
    free(q);
    free(r);
    return BI_ENOMEM;
}

/* ------------------------------------------------------------------ constructors */

BigInt *bi_from_u64(uint64_t v) {
    BigInt *r = bi_alloc(2);
    if (!r) return NULL;
    r->d[0] = (uint32_t)v;
    r->d[1] = (uint32_t)(v >> 32);
    return bi_finish(r, 1);
}

BigInt *bi_from_i64(int64_t v) {
    BigInt *r = bi_from_u64(v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
    return bi_finish(r, v < 0 ? -1 : 1);
}

BigInt *bi_from_double(double x) {
    double t = fabs(trunc(x));
    if (t < 1.0) return bi_zero();
    int e;
    uint64_t mant = (uint64_t)ldexp(frexp(t, &e), 53);
    BigInt *m = bi_from_u64(mant);
    if (!m) return NULL;
    BigInt *r = e >= 53 ? bi_lshift(m, (uint64_t)(e - 53)) : bi_rshift(m, (uint64_t)(53 - e));
    bi_free(m);
    return bi_finish(r, x < 0 ? -1 : 1);
}

BigInt *bi_copy(const BigInt *a) { return bi_from_mag(a->d, a->n, a->sign); }

void bi_free(BigInt *a) { free(a); }

/* ------------------------------------------------------------------ parsing */

/* Length of the whitespace character at s[i] (ASCII or UTF-8 encoded Unicode), or 0. */
static size_t space_len(const unsigned char *s, size_t len, size_t i) {
    static const unsigned char wide[][3] = {
        {0xe1, 0x9a, 0x80}, {0xe2, 0x80, 0xa8}, {0xe2, 0x80, 0xa9}, {0xe2, 0x80, 0xaf},
        {0xe2, 0x81, 0x9f}, {0xe3, 0x80, 0x80}};
    unsigned char c = s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
    if (c == 0xc2 && i + 1 < len && (s[i + 1] == 0x85 || s[i + 1] == 0xa0)) return 2;
    if (i + 2 >= len) return 0;
    if (c == 0xe2 && s[i + 1] == 0x80 && s[i + 2] >= 0x80 && s[i + 2] <= 0x8a) return 3;
    for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
        if (!memcmp(s + i, wide[k], 3)) return 3;
    return 0;
}

static size_t skip_space(const unsigned char *s, size_t len, size_t i) {
    size_t w;
    while (i < len && (w = space_len(s, len, i)) != 0) i += w;
    return i;
}

static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* The base named by a 0x/0o/0b prefix character, or 0. */
static int prefix_base(unsigned char c) {
    c = (unsigned char)(c | 0x20);
    return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
}

/* Consumes an optional 0x/0o/0b prefix at s[*i] and resolves base 0. Sets *octal_like
 * when base 0 met a leading zero without a prefix (only zero is then allowed). */
static int parse_prefix(const unsigned char *s, size_t len, size_t *i, int base,
                        int *octal_like) {
    int pb = *i + 1 < len && s[*i] == '0' ? prefix_base(s[*i + 1]) : 0;
    *octal_like = 0;
    if (base == 0) {
        if (*i < len && s[*i] == '0' && !pb) *octal_like = 1;
        base = pb ? pb : 10;
    }
    if (pb && pb == base) {
        *i += 2;
        if (*i < len && s[*i] == '_') (*i)++;
    }
    return base;
}

/* Collects the digit values of s[*i..) into dig (underscores only between digits). Returns
 * the digit count, or (size_t)-1 for a misplaced underscore. */
static size_t collect_digits(const unsigned char *s, size_t len, size_t *i, int base,
                             unsigned char *dig) {
    size_t nd = 0;
    int prev_us = 1; /* a leading underscore is as bad as a doubled one */
    for (; *i < len; (*i)++) {
        if (s[*i] == '_') {
            if (prev_us) return (size_t)-1;
            prev_us = 1;
            continue;
        }
        int v = digit_value(s[*i]);
        if (v >= base) break;
        dig[nd++] = (unsigned char)v;
        prev_us = 0;
    }
    return nd && prev_us ? (size_t)-1 : nd;
}

/* The magnitude of the digits dig[0..nd) in base, as a non-negative BigInt. */
static BigInt *digits_to_mag(const unsigned char *dig, size_t nd, int base) {
    uint32_t chunk_pow = (uint32_t)base;
    size_t per = 1;
    while ((dlimb)chunk_pow * (uint32_t)base <= UINT32_MAX) chunk_pow *= (uint32_t)base, per++;
    BigInt *r = bi_alloc(nd / 5 + 2); /* base 36 < 2**6: 6 bits per digit */
    if (!r) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < nd;) {
        uint32_t val = 0, mul = 1;
        for (size_t k = 0; k < per && i < nd; k++, i++) {
            val = val * (uint32_t)base + dig[i];
            mul *= (uint32_t)base;
        }
        uint32_t c = mag_mul1(r->d, r->d, n, mul, val);
        if (c) r->d[n++] = c;
    }
    r->n = n;
    return bi_finish(r, 1);
}

int bi_from_str(const char *str, size_t len, int base, BigInt **out) {
    const unsigned char *s = (const unsigned char *)str;
    if (base != 0 && (base < 2 || base > 36)) return BI_EINVAL;
    size_t i = skip_space(s, len, 0);
    int sign = 1, octal_like;
    if (i < len && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    base = parse_prefix(s, len, &i, base, &octal_like);
    unsigned char *dig = malloc(len + 1);
    if (!dig) return BI_ENOMEM;
    size_t nd = collect_digits(s, len, &i, base, dig);
    int bad = nd == 0 || nd == (size_t)-1 || skip_space(s, len, i) != len;
    BigInt *r = bad ? NULL : digits_to_mag(dig, nd, base);
    free(dig);
    if (bad) return BI_EINVAL;
    if (!r) return BI_ENOMEM;
    if (octal_like && r->n) {
        bi_free(r);
        return BI_EINVAL;
    }
    *out = bi_finish(r, sign);
    return BI_OK;
}

/* ------------------------------------------------------------------ queries */

int bi_fits_i64(const BigInt *a, int64_t *out) {
    if (a->n > 2) return 0;
    uint64_t m = a->n ? a->d[0] : 0;
    if (a->n == 2) m |= (uint64_t)a->d[1] << 32;
    if (a->sign >= 0) {
        if (m > (uint64_t)INT64_MAX) return 0;
        *out = (int64_t)m;
        return 1;
    }
    if (m > (uint64_t)INT64_MAX + 1) return 0;
    *out = m == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)m;
    return 1;
}

/* Rounds m (55 significant bits, guard and sticky in bits 1..0) half-even to 53 bits, as
 * CPython's _PyLong_Frexp does; the result converts to double exactly. */
static double round55(uint64_t m) {
    static const int correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    return (double)(m + (uint64_t)(int64_t)correction[m & 7]);
}

double bi_to_double(const BigInt *a, int *overflow) {
    *overflow = 0;
    uint64_t bits = mag_bit_length(a->d, a->n);
    if (bits > DBL_MAX_EXP) {
        *overflow = 1;
        return a->sign * HUGE_VAL;
    }
    double r;
    if (bits <= 55) {
        r = round55(mag_bits64(a->d, a->n, 0) << (55 - bits)) / ldexp(1.0, (int)(55 - bits));
    } else {
        uint64_t pos = bits - 55;
        uint64_t m = (mag_bits64(a->d, a->n, pos) & (((uint64_t)1 << 55) - 1)) |
                     (uint64_t)mag_any_below(a->d, a->n, pos);
        r = ldexp(round55(m), (int)pos);
    }
    if (isinf(r)) *overflow = 1;
    return a->sign < 0 ? -r : r;
}

int bi_cmp(const BigInt *a, const BigInt *b) {
    if (a->sign != b->sign) return a->sign < b->sign ? -1 : 1;
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->sign < 0 ? -c : c;
}

uint64_t bi_bit_length(const BigInt *a) { return mag_bit_length(a->d, a->n); }

int bi_is_zero(const BigInt *a) { return a->n == 0; }

int64_t bi_hash(const BigInt *a) {
    const uint64_t p = ((uint64_t)1 << 61) - 1; /* 2**61 == 1 (mod p): x * 2**32 rotates */
    uint64_t x = 0;
    for (size_t i = a->n; i-- > 0;) {
        x = ((x << 32) & p) | (x >> 29);
        x += a->d[i];
        if (x >= p) x -= p;
    }
    int64_t h = a->sign < 0 ? -(int64_t)x : (int64_t)x;
    return h == -1 ? -2 : h;
}

/* ------------------------------------------------------------------ add, sub, mul */

/* |a| + |b| with the given sign. */
static BigInt *mag_sum(const BigInt *a, const BigInt *b, int sign) {
    if (a->n < b->n) {
        const BigInt *t = a;
        a = b, b = t;
    }
    BigInt *r = bi_alloc(a->n + 1);
    if (!r) return NULL;
    r->d[a->n] = mag_add(r->d, a->d, a->n, b->d, b->n);
    return bi_finish(r, sign);
}

/* |a| - |b| signed: sign when |a| >= |b|, else -sign. */
static BigInt *mag_diff(const BigInt *a, const BigInt *b, int sign) {
    if (mag_cmp(a->d, a->n, b->d, b->n) < 0) {
        const BigInt *t = a;
        a = b, b = t;
        sign = -sign;
    }
    BigInt *r = bi_alloc(a->n);
    if (!r) return NULL;
    mag_sub(r->d, a->d, a->n, b->d, b->n);
    return bi_finish(r, sign);
}

/* a + b where b's sign is taken as bsign. */
static BigInt *add_signed(const BigInt *a, const BigInt *b, int bsign) {
    if (!b->n) return bi_copy(a);
    if (!a->n) return bi_from_mag(b->d, b->n, bsign);
    if (a->sign == bsign) return mag_sum(a, b, bsign);
    return mag_diff(a, b, a->sign);
}

BigInt *bi_add(const BigInt *a, const BigInt *b) { return add_signed(a, b, b->sign); }

BigInt *bi_sub(const BigInt *a, const BigInt *b) { return add_signed(a, b, -b->sign); }

BigInt *bi_mul(const BigInt *a, const BigInt *b) {
    if (!a->n || !b->n) return bi_zero();
    BigInt *r = bi_alloc(a->n + b->n);
    if (!r) return NULL;
    if (mag_mul(r->d, a->d, a->n, b->d, b->n)) {
        free(r);
        return NULL;
    }
    return bi_finish(r, a->sign * b->sign);
}

BigInt *bi_neg(const BigInt *a) { return bi_from_mag(a->d, a->n, -a->sign); }

BigInt *bi_abs(const BigInt *a) { return bi_from_mag(a->d, a->n, 1); }

/* |a| + 1 (delta 1) or |a| - 1 (delta -1, a nonzero), with the given sign. */
static BigInt *mag_step(const BigInt *a, int delta, int sign) {
    BigInt *r = bi_alloc(a->n + 1);
    if (!r) return NULL;
    if (a->n) memcpy(r->d, a->d, a->n * sizeof *r->d);
    r->d[a->n] = 0;
    if (delta > 0)
        for (size_t i = 0; ++r->d[i] == 0; i++) continue;
    else
        for (size_t i = 0; r->d[i]-- == 0; i++) continue;
    return bi_finish(r, sign);
}

/* ------------------------------------------------------------------ division */

int bi_divmod(const BigInt *a, const BigInt *b, BigInt **qo, BigInt **ro) {
    if (!b->n) return BI_EZERODIV;
    BigInt *q, *r;
    if (mag_divmod(a, b, &q, &r)) return BI_ENOMEM;
    int differ = a->sign * b->sign < 0;
    if (differ && r->n) { /* floor: q = -(|q| + 1), r = sign(b) * (|b| - |r|) */
        for (size_t i = 0; ++q->d[i] == 0; i++) continue;
        q->n++;
        uint32_t *t = r->d;
        memset(t + r->n, 0, (b->n - r->n) * sizeof *t);
        mag_sub(t, b->d, b->n, t, b->n);
        r->n = b->n;
    }
    bi_finish(q, differ ? -1 : 1);
    bi_finish(r, b->sign);
    if (qo) *qo = q; else bi_free(q);
    if (ro) *ro = r; else bi_free(r);
    return BI_OK;
}

int bi_floordiv(const BigInt *a, const BigInt *b, BigInt **q) {
    return bi_divmod(a, b, q, NULL);
}

int bi_mod(const BigInt *a, const BigInt *b, BigInt **r) { return bi_divmod(a, b, NULL, r); }

/* |a| shifted so that |a| * 2**-shift keeps every bit CPython's true division needs;
 * sets *inexact when bits were dropped. */
static BigInt *scale_for_div(const BigInt *a, int64_t shift, int *inexact) {
    if (shift <= 0) return bi_finish(bi_lshift(a, (uint64_t)-shift), 1);
    *inexact |= mag_any_below(a->d, a->n, (uint64_t)shift);
    return bi_finish(bi_rshift(a, (uint64_t)shift), 1);
}

/* Rounds the 55..56-bit quotient q half-even to 53 bits (or to the subnormal grid) and
 * scales it by 2**shift, exactly as CPython's long_true_divide. */
static int finish_truediv(uint64_t q, int inexact, int64_t shift, double *out) {
    int64_t xbits = 64 - __builtin_clzll(q);
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    uint64_t low = q | (uint64_t)inexact;
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    double dx = (double)(low & ~(2 * mask - 1));
    if (shift + xbits >= DBL_MAX_EXP &&
        (shift + xbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)xbits)))
        return BI_EOVERFLOW;
    *out = ldexp(dx, (int)shift);
    return BI_OK;
}

/* a / b for |a|, |b| >= 1 beyond the exact double fast path. */
static int truediv_slow(const BigInt *a, const BigInt *b, double *out) {
    int64_t diff = (int64_t)bi_bit_length(a) - (int64_t)bi_bit_length(b);
    if (diff > DBL_MAX_EXP) return BI_EOVERFLOW;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = 0.0;
        return BI_OK;
    }
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    int inexact = 0;
    BigInt *x = scale_for_div(a, shift, &inexact), *q, *r;
    if (!x) return BI_ENOMEM;
    int rc = mag_divmod(x, b, &q, &r);
    bi_free(x);
    if (rc) return rc;
    inexact |= r->n != 0;
    uint64_t qv = mag_bits64(q->d, q->n, 0);
    bi_free(q);
    bi_free(r);
    return finish_truediv(qv, inexact, shift, out);
}

int bi_truediv_double(const BigInt *a, const BigInt *b, double *out) {
    if (!b->n) return BI_EZERODIV;
    int negate = (a->sign < 0) != (b->sign < 0);
    double r = 0.0;
    if (a->n) {
        if (bi_bit_length(a) <= DBL_MANT_DIG && bi_bit_length(b) <= DBL_MANT_DIG) {
            r = (double)mag_bits64(a->d, a->n, 0) / (double)mag_bits64(b->d, b->n, 0);
        } else {
            int rc = truediv_slow(a, b, &r);
            if (rc) return rc;
        }
    }
    *out = negate ? -r : r;
    return BI_OK;
}

/* ------------------------------------------------------------------ powers, gcd */

/* base ** e for |base| >= 2 and e < 2**64, by left-to-right square-and-multiply. */
static BigInt *pow_u64(const BigInt *base, uint64_t e) {
    BigInt *r = bi_copy(base);
    for (int bit = 62 - __builtin_clzll(e); r && bit >= 0; bit--) {
        BigInt *t = bi_mul(r, r);
        bi_free(r);
        r = t;
        if (r && (e >> bit & 1)) {
            t = bi_mul(r, base);
            bi_free(r);
            r = t;
        }
    }
    return r;
}

BigInt *bi_pow(const BigInt *base, const BigInt *exp) {
    if (exp->sign < 0) return NULL;
    if (!exp->n) return bi_from_i64(1);
    if (!base->n) return bi_zero();
    if (mag_is_one(base)) return bi_from_i64(base->sign < 0 && (exp->d[0] & 1) ? -1 : 1);
    int64_t e;
    if (!bi_fits_i64(exp, &e)) return NULL; /* at least 2**(2**63) */
    if ((uint64_t)e > MAX_LIMBS * 32 / (bi_bit_length(base) - 1)) return NULL; /* too big */
    return pow_u64(base, (uint64_t)e);
}

/* Replaces *x with *x mod m (m > 0). */
static int reduce(BigInt **x, const BigInt *m) {
    BigInt *r;
    int rc = bi_mod(*x, m, &r);
    if (rc) return rc;
    bi_free(*x);
    *x = r;
    return BI_OK;
}

/* Replaces *x with (*x * y) mod m. */
static int mulmod(BigInt **x, const BigInt *y, const BigInt *m) {
    BigInt *t = bi_mul(*x, y);
    if (!t) return BI_ENOMEM;
    bi_free(*x);
    *x = t;
    return reduce(x, m);
}

/* One extended-Euclid step: (*x, *y) = (*y, *x - q * *y). */
static int euclid_step(BigInt **x, BigInt **y, const BigInt *q) {
    BigInt *t = bi_mul(q, *y), *n = t ? bi_sub(*x, t) : NULL;
    bi_free(t);
    if (!n) return BI_ENOMEM;
    bi_free(*x);
    *x = *y;
    *y = n;
    return BI_OK;
}

/* The inverse of a modulo m (m >= 2, 0 <= a < m) into *out, or BI_ENOTINV. */
static int modinv(const BigInt *a, const BigInt *m, BigInt **out) {
    BigInt *r0 = bi_copy(a), *r1 = bi_copy(m), *s0 = bi_from_i64(1), *s1 = bi_zero(), *q = NULL;
    int rc = r0 && r1 && s0 && s1 ? BI_OK : BI_ENOMEM;
    while (!rc && r1->n) {
        rc = bi_floordiv(r0, r1, &q);
        if (!rc) rc = euclid_step(&r0, &r1, q);
        if (!rc) rc = euclid_step(&s0, &s1, q);
        bi_free(q);
    }
    if (!rc && !mag_is_one(r0)) rc = BI_ENOTINV;
    if (!rc) rc = reduce(&s0, m);
    if (!rc) *out = s0, s0 = NULL;
    bi_free(r0), bi_free(r1), bi_free(s0), bi_free(s1);
    return rc;
}

/* b ** e mod m for 0 <= b < m, e >= 0, m >= 2, into *out. */
static int powmod_pos(const BigInt *b, const BigInt *e, const BigInt *m, BigInt **out) {
    BigInt *r = bi_from_i64(1);
    int rc = r ? BI_OK : BI_ENOMEM;
    for (uint64_t bit = bi_bit_length(e); !rc && bit-- > 0;) {
        rc = mulmod(&r, r, m);
        if (!rc && (e->d[bit / 32] >> (bit % 32) & 1)) rc = mulmod(&r, b, m);
    }
    if (rc) bi_free(r); else *out = r;
    return rc;
}

int bi_powmod(const BigInt *base, const BigInt *exp, const BigInt *mod, BigInt **out) {
    if (!mod->n) return BI_EINVAL;
    if (mag_is_one(mod)) return (*out = bi_zero()) ? BI_OK : BI_ENOMEM;
    BigInt *m = bi_abs(mod), *b = NULL, *e = bi_abs(exp), *r = NULL;
    int rc = m && e ? bi_mod(base, m, &b) : BI_ENOMEM;
    if (!rc && exp->sign < 0) {
        BigInt *inv;
        rc = modinv(b, m, &inv);
        if (!rc) bi_free(b), b = inv;
    }
    if (!rc) rc = powmod_pos(b, e, m, &r);
    if (!rc && mod->sign < 0 && r->n) {
        BigInt *t = bi_sub(r, m);
        bi_free(r);
        r = t;
        if (!r) rc = BI_ENOMEM;
    }
    if (!rc) *out = r;
    bi_free(m), bi_free(b), bi_free(e);
    return rc;
}

BigInt *bi_gcd(const BigInt *a, const BigInt *b) {
    BigInt *x = bi_abs(a), *y = bi_abs(b);
    while (x && y && y->n) {
        BigInt *r;
        if (bi_mod(x, y, &r)) r = NULL;
        bi_free(x);
        x = y;
        y = r;
    }
    if (!x || !y) {
        bi_free(x);
        bi_free(y);
        return NULL;
    }
    bi_free(y);
    return x;
}

/* ------------------------------------------------------------------ shifts, bits */

BigInt *bi_lshift(const BigInt *a, uint64_t count) {
    if (!a->n) return bi_zero();
    uint64_t limbs = count / 32;
    unsigned s = (unsigned)(count % 32);
    if (limbs > MAX_LIMBS) return NULL;
    BigInt *r = bi_alloc(a->n + (size_t)limbs + 1);
    if (!r) return NULL;
    memset(r->d, 0, (size_t)limbs * sizeof *r->d);
    uint32_t *t = r->d + limbs;
    t[a->n] = s ? a->d[a->n - 1] >> (32 - s) : 0;
    for (size_t i = a->n; i-- > 0;) t[i] = a->d[i] << s | (s && i ? a->d[i - 1] >> (32 - s) : 0);
    return bi_finish(r, a->sign);
}

BigInt *bi_rshift(const BigInt *a, uint64_t count) {
    uint64_t limbs = count / 32;
    int lost = a->sign < 0 && mag_any_below(a->d, a->n, count);
    size_t n = limbs < a->n ? a->n - (size_t)limbs : 0;
    BigInt *r = bi_alloc(n);
    if (!r) return NULL;
    for (size_t i = 0; i < n; i++) r->d[i] = (uint32_t)mag_bits64(a->d, a->n, count + 32 * i);
    bi_finish(r, a->sign);
    if (!lost) return r;
    BigInt *f = mag_step(r, 1, -1); /* floor toward -inf for negatives */
    bi_free(r);
    return f;
}

BigInt *bi_invert(const BigInt *a) {
    if (a->sign >= 0) return mag_step(a, 1, -1);
    return mag_step(a, -1, 1);
}

/* t[0..n) = -t[0..n) modulo 2**(32 n). */
static void twos_negate(uint32_t *t, size_t n) {
    dlimb c = 1;
    for (size_t i = 0; i < n; i++) {
        c += (uint32_t)~t[i];
        t[i] = (uint32_t)c;
        c >>= 32;
    }
}

/* t[0..n) = the n-limb two's complement of a (n > a->n). */
static void to_twos(uint32_t *t, size_t n, const BigInt *a) {
    memset(t, 0, n * sizeof *t);
    if (a->n) memcpy(t, a->d, a->n * sizeof *t);
    if (a->sign < 0) twos_negate(t, n);
}

/* Applies op ('&', '|', '^') in two's complement and converts back. */
static BigInt *bitop(const BigInt *a, const BigInt *b, char op) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    BigInt *r = bi_alloc(n);
    uint32_t *t = malloc(n * sizeof *t);
    if (!r || !t) goto fail;
    to_twos(r->d, n, a);
    to_twos(t, n, b);
    for (size_t i = 0; i < n; i++)
        r->d[i] = op == '&' ? r->d[i] & t[i] : op == '|' ? r->d[i] | t[i] : r->d[i] ^ t[i];
    free(t);
    if (!(r->d[n - 1] >> 31)) return bi_finish(r, 1);
    twos_negate(r->d, n); /* a negative result: its magnitude */
    return bi_finish(r, -1);
fail:
    free(r);
    free(t);
    return NULL;
}

BigInt *bi_and(const BigInt *a, const BigInt *b) { return bitop(a, b, '&'); }

BigInt *bi_or(const BigInt *a, const BigInt *b) { return bitop(a, b, '|'); }

BigInt *bi_xor(const BigInt *a, const BigInt *b) { return bitop(a, b, '^'); }

/* ------------------------------------------------------------------ formatting */

/* Appends |a| in base 2**k (k = 1, 3 or 4). */
static int to_str_pow2(const BigInt *a, unsigned k, SBuf *out) {
    uint64_t nd = (bi_bit_length(a) + k - 1) / k;
    if (nd > SIZE_MAX / 2 || sb_reserve(out, (size_t)nd)) return BI_ENOMEM;
    char *p = out->s + out->len;
    for (uint64_t i = nd; i-- > 0;)
        *p++ = "0123456789abcdef"[mag_bits64(a->d, a->n, i * k) & ((1u << k) - 1)];
    out->len += (size_t)nd;
    out->s[out->len] = 0;
    return BI_OK;
}

/* Appends |a| (nonzero) in decimal, peeling off 9 digits per division by 10**9. */
static int to_str_dec(const BigInt *a, SBuf *out) {
    size_t n = a->n, nc = 0;
    uint32_t *w = malloc((n + n / 8 + 2 + n) * sizeof *w), *chunks = w + n;
    if (!w) return BI_ENOMEM;
    memcpy(w, a->d, n * sizeof *w);
    while (n) {
        chunks[nc++] = mag_div1(w, w, n, 1000000000u);
        n = mag_trim(w, n);
    }
    int rc = sb_printf(out, "%u", chunks[nc - 1]) || sb_reserve(out, 9 * (nc - 1));
    for (size_t i = nc - 1; !rc && i-- > 0;) {
        char *p = out->s + out->len + 9;
        for (uint32_t v = chunks[i], k = 0; k < 9; k++, v /= 10) *--p = (char)('0' + v % 10);
        out->len += 9;
    }
    if (!rc) out->s[out->len] = 0;
    free(w);
    return rc ? BI_ENOMEM : BI_OK;
}

int bi_to_str(const BigInt *a, int base, SBuf *out) {
    if (base != 2 && base != 8 && base != 10 && base != 16) return BI_EINVAL;
    if (!a->n) return sb_putc(out, '0') ? BI_ENOMEM : BI_OK;
    if (a->sign < 0 && sb_putc(out, '-')) return BI_ENOMEM;
    if (base == 10) return to_str_dec(a, out);
    return to_str_pow2(a, base == 2 ? 1 : base == 8 ? 3 : 4, out);
}
