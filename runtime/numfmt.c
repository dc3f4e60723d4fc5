/* numfmt.c: CPython 3.11-exact formatting of floats, ints, strings and complex numbers
 * (repr, the format-spec mini-language, printf-style '%') and round(x, ndigits).
 * Digits come from glibc's correctly rounded printf/strtod; layouts are ports of CPython's. */
#include "numfmt.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX2(a, b) ((a) > (b) ? (a) : (b))
#define MIN2(a, b) ((a) < (b) ? (a) : (b))

/* Flags of float_to_str, as CPython's Py_DTSF_*. */
enum { DT_ALT = 1, DT_DOT0 = 2, DT_SIGN = 4, DT_NONEG0 = 8 };

__attribute__((format(printf, 4, 5))) static int fail(char *err, size_t errlen, int code,
                                                      const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen) (void)vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- UTF-8 ---- */

static size_t u8_seqlen(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

static uint32_t u8_decode(const char *s, size_t n, size_t *adv) {
    const unsigned char *u = (const unsigned char *)s;
    size_t k = MIN2(u8_seqlen(u[0]), n);
    uint32_t cp = k == 1 ? u[0] : (uint32_t)(u[0] & (0x7F >> k));
    for (size_t i = 1; i < k; i++) cp = (cp << 6) | (u[i] & 0x3F);
    *adv = k;
    return cp;
}

static size_t u8_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Byte offset just past the first k code points of s[0..n). */
static size_t u8_offset(const char *s, size_t n, size_t k) {
    size_t i = 0;
    while (i < n && k--) i += MIN2(u8_seqlen((unsigned char)s[i]), n - i);
    return i;
}

static size_t u8_encode(uint32_t cp, char *o) {
    if (cp < 0x80) return (size_t)(o[0] = (char)cp, 1);
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- digit generation (dtoa modes 0 and 2) ---- */

/* The powers of ten that are exact doubles. */
static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Splits snprintf's "%.*e" of a positive finite value into bare digits and the decimal point
 * position; returns the digit count. */
static int split_exp(const char *s, char *d, int *decpt) {
    int n = 0;
    for (; *s != 'e'; s++)
        if (*s != '.') d[n++] = *s;
    *decpt = (int)strtol(s + 1, NULL, 10) + 1;
    return n;
}

static int strip_zeros(const char *d, int n) {
    while (n > 1 && d[n - 1] == '0') n--;
    return n;
}

/* p significant digits of ax > 0, correctly rounded; buf receives the "%.*e" text. */
static int digits_at(double ax, int p, char *buf, size_t cap, char *d, int *decpt) {
    (void)snprintf(buf, cap, "%.*e", p - 1, ax);
    return split_exp(buf, d, decpt);
}

/* Digits of the integer 1 <= v < 1e15, zeros stripped; the decimal point goes after them. */
static int int_digits(uint64_t v, char *d, int *decpt) {
    char tmp[24];
    int n = 0;
    while (v) tmp[n++] = (char)('0' + v % 10), v /= 10;
    for (int i = 0; i < n; i++) d[i] = tmp[n - 1 - i];
    *decpt = n;
    return strip_zeros(d, n);
}

/* Fast path for values with a short decimal form (12.34, 0.001): finds m < 1e15 and k with
 * m / 10**k == ax. The IEEE division is correctly rounded, so m e-k reads back as ax, and a
 * string of <= 15 digits that round-trips is the shortest (DBL_DIG). Returns 0 if none. */
static int short_decimal(double ax, char *d, int *decpt) {
    for (int k = 0; k <= 22; k++) {
        double t = ax * pow10[k];
        if (t >= 1e15) return 0;
        double m = nearbyint(t);
        if (m >= 1 && m / pow10[k] == ax) {
            int n = int_digits((uint64_t)m, d, decpt);
            *decpt -= k;
            return n;
        }
    }
    return 0;
}

/* Adds one unit in the last place of d[0..n); returns the new count (a carry out of the first
 * digit leaves "1" and bumps decpt). */
static int digits_increment(char *d, int n, int *decpt) {
    int i = n - 1;
    while (i >= 0 && d[i] == '9') d[i--] = '0';
    if (i >= 0) {
        d[i]++;
        return n;
    }
    d[0] = '1';
    (*decpt)++;
    return 1;
}

/* The double nearest 0.d[0..n) * 10**decpt. When the digits and the power of ten are exact
 * doubles one IEEE multiply or divide is correctly rounded (Clinger's fast path). */
static double digits_value(const char *d, int n, int decpt) {
    uint64_t m = 0;
    for (int i = 0; i < n; i++) m = m * 10 + (uint64_t)(d[i] - '0');
    int e10 = decpt - n;
    if (m < ((uint64_t)1 << 53) && e10 >= -22 && e10 <= 22)
        return e10 < 0 ? (double)m / pow10[-e10] : (double)m * pow10[e10];
    char buf[48], *p = buf + 2, tmp[8];
    int k = 0, e = decpt < 0 ? -decpt : decpt;
    memcpy(buf, "0.", 2);
    memcpy(p, d, (size_t)n), p += n;
    *p++ = 'e';
    if (decpt < 0) *p++ = '-';
    do tmp[k++] = (char)('0' + e % 10), e /= 10;
    while (e);
    while (k) *p++ = tmp[--k];
    *p = 0;
    return strtod(buf, NULL);
}

/* Rounds the 17 correctly rounded digits d17 to p < 17 digits in d, unless the dropped tail
 * is exactly half (then the exact value decides and the caller asks printf). */
static int round_from17(const char *d17, int dp17, int p, char *d, int *decpt) {
    int tail = 0, half = 1;
    for (int i = p; i < 17; i++) tail = tail * 10 + (d17[i] - '0'), half *= 10;
    if (tail * 2 == half) return 0;
    memcpy(d, d17, (size_t)p);
    *decpt = dp17;
    if (tail * 2 > half) digits_increment(d, p, decpt); /* a carry leaves "100..0" */
    return p;
}

/* Shortest digits for subnormals, whose precision is below DBL_DIG: a linear search. */
static int shortest_search(double ax, char *d, int *decpt) {
    char buf[48];
    for (int p = 1; p < 17; p++) {
        int n = digits_at(ax, p, buf, sizeof buf, d, decpt);
        if (strtod(buf, NULL) == ax) return strip_zeros(d, n);
    }
    return strip_zeros(d, digits_at(ax, 17, buf, sizeof buf, d, decpt));
}

/* dtoa mode 0: the shortest digits d (>= 20 bytes) that read back as ax > 0, the nearest such.
 * A string of <= 15 digits that round-trips is the 15-digit rounding with zeros stripped
 * (DBL_DIG), so one snprintf settles most values; at a power of two the gap below is half the
 * gap above, so the nearest 16-digit string may fail where the next one up works. */
static int shortest_digits(double ax, char *d, int *decpt) {
    char buf[48];
    int n = ax >= 1e-7 && ax < 1e15 ? short_decimal(ax, d, decpt) : 0;
    if (n) return n;
    if (ax < DBL_MIN) return shortest_search(ax, d, decpt);
    char d17[24];
    int dp17, exp2;
    double v = 0;
    digits_at(ax, 17, buf, sizeof buf, d17, &dp17);
    for (int p = 15; p <= 16; p++) {
        n = round_from17(d17, dp17, p, d, decpt);
        if (!n) n = digits_at(ax, p, buf, sizeof buf, d, decpt);
        if ((v = digits_value(d, n, *decpt)) == ax) return strip_zeros(d, n);
    }
    if (frexp(ax, &exp2) == 0.5 && v < ax) {
        int dp = *decpt;
        n = digits_increment(d, 16, &dp);
        if (digits_value(d, n, dp) == ax) return *decpt = dp, strip_zeros(d, n);
    }
    memcpy(d, d17, 17);
    *decpt = dp17;
    return strip_zeros(d, 17);
}

/* ---- CPython's format_float_short layout, for codes 'g' and 'r' ---- */

static char *put_zeros(char *p, long n) {
    if (n > 0) memset(p, '0', (size_t)n), p += n;
    return p;
}

/* Writes digits d[0..nd) (value 0.d * 10**decpt) laid out for code 'g' (prec significant
 * digits) or 'r' (repr); out needs nd + prec + 32 bytes. Returns the length. */
static size_t layout(char *out, const char *d, long nd, long decpt, int neg, char code, long prec,
                     int flags, char echar) {
    char *p = out;
    int use_exp = 0, exp = 0;
    long vend = nd, vstart;
    if (code == 'g') {
        if (decpt <= -4 || decpt > ((flags & DT_DOT0) ? prec - 1 : prec)) use_exp = 1;
        if (flags & DT_ALT) vend = prec;
    } else if (decpt <= -4 || decpt > 16) {
        use_exp = 1;
    }
    if (use_exp) exp = (int)decpt - 1, decpt = 1;
    vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && (flags & DT_DOT0)) vend = MAX2(vend, decpt + 1);
    else vend = MAX2(vend, decpt);
    if (neg) *p++ = '-';
    else if (flags & DT_SIGN) *p++ = '+';
    if (decpt <= 0) {
        p = put_zeros(p, decpt - vstart);
        *p++ = '.';
        p = put_zeros(p, -decpt);
    }
    if (0 < decpt && decpt <= nd) {
        memcpy(p, d, (size_t)decpt), p += decpt;
        *p++ = '.';
        memcpy(p, d + decpt, (size_t)(nd - decpt)), p += nd - decpt;
    } else {
        memcpy(p, d, (size_t)nd), p += nd;
    }
    if (nd < decpt) {
        p = put_zeros(p, decpt - nd);
        *p++ = '.';
        p = put_zeros(p, vend - decpt);
    } else {
        p = put_zeros(p, vend - nd);
    }
    if (p[-1] == '.' && !(flags & DT_ALT)) p--;
    if (use_exp) *p++ = echar, p += sprintf(p, "%+.02d", exp);
    return (size_t)(p - out);
}

/* ---- float to text (PyOS_double_to_string) ---- */

/* A formatted number: s points at small or at a malloc'd block. */
typedef struct NumStr {
    char *s;
    size_t n;
    char small[160];
} NumStr;

static int numstr_init(NumStr *o, size_t need) {
    o->n = 0;
    o->s = need <= sizeof o->small ? o->small : malloc(need);
    return o->s ? 0 : -1;
}

static void numstr_free(NumStr *o) {
    if (o->s != o->small) free(o->s);
}

static int special_to_str(NumStr *o, double x, int upper, int flags) {
    char *p = o->s;
    if (isnan(x)) {
        if (flags & DT_SIGN) *p++ = '+';
        memcpy(p, upper ? "NAN" : "nan", 3);
    } else {
        if (x < 0) *p++ = '-';
        else if (flags & DT_SIGN) *p++ = '+';
        memcpy(p, upper ? "INF" : "inf", 3);
    }
    o->n = (size_t)(p - o->s) + 3;
    return 0;
}

/* 'e' and 'f' straight from printf, which rounds exactly like dtoa modes 2 and 3. */
static int printf_to_str(NumStr *o, double x, char code, long prec, int flags) {
    size_t need = (size_t)prec + (code == 'f' || code == 'F' ? 330 : 16);
    if (numstr_init(o, need)) return -1;
    if (!isfinite(x)) return special_to_str(o, x, code == 'E' || code == 'F', flags);
    char fmt[8] = "%", *f = fmt + 1;
    if (flags & DT_ALT) *f++ = '#';
    if (flags & DT_SIGN) *f++ = '+';
    memcpy(f, ".*", 2), f[2] = code, f[3] = 0;
    o->n = (size_t)snprintf(o->s, need, fmt, (int)prec, x);
    return 0;
}

/* 'g' and 'r' through the digit generators and CPython's layout. */
static int digits_to_str(NumStr *o, double x, char code, long prec, int flags) {
    int upper = code == 'G', decpt = 1, nd = 1;
    long p = code == 'r' ? 17 : MAX2(prec, 1);
    size_t scap = (size_t)p + 24; /* printf's "%.*e" text, then the bare digits */
    if (numstr_init(o, 2 * scap)) return -1;
    if (!isfinite(x)) return special_to_str(o, x, upper, flags);
    char local[96], *scratch = 2 * scap <= sizeof local ? local : malloc(2 * scap);
    if (!scratch) return numstr_free(o), -1;
    char *d = scratch + scap;
    double ax = fabs(x);
    if (ax == 0) d[0] = '0';
    else if (code == 'r') nd = shortest_digits(ax, d, &decpt);
    else nd = strip_zeros(d, digits_at(ax, (int)p, scratch, scap, d, &decpt));
    o->n = layout(o->s, d, nd, decpt, signbit(x) != 0, upper ? 'g' : code, p, flags,
                  upper ? 'E' : 'e');
    if (scratch != local) free(scratch);
    return 0;
}

/* z: a result that shows only zeros loses its minus sign. */
static void drop_neg_zero(NumStr *o) {
    if (o->n < 2 || o->s[0] != '-' || o->s[1] < '0' || o->s[1] > '9') return;
    for (size_t i = 1; i < o->n && o->s[i] != 'e' && o->s[i] != 'E'; i++)
        if (o->s[i] >= '1' && o->s[i] <= '9') return;
    memmove(o->s, o->s + 1, --o->n);
}

/* PyOS_double_to_string: code is one of e E f F g G r. Returns 0 or -1 (no memory). */
static int float_to_str(NumStr *o, double x, char code, long prec, int flags) {
    int rc = (code == 'g' || code == 'G' || code == 'r') ? digits_to_str(o, x, code, prec, flags)
                                                         : printf_to_str(o, x, code, prec, flags);
    if (rc == 0 && (flags & DT_NONEG0)) drop_neg_zero(o);
    return rc;
}

int numfmt_repr_double(double x, char *buf) {
    char d[24];
    int decpt = 1, nd = 1;
    if (!isfinite(x)) {
        strcpy(buf, isnan(x) ? "nan" : x < 0 ? "-inf" : "inf");
        return (int)strlen(buf);
    }
    double ax = fabs(x);
    if (ax == 0) d[0] = '0';
    else nd = shortest_digits(ax, d, &decpt);
    size_t n = layout(buf, d, nd, decpt, signbit(x) != 0, 'r', 0, DT_DOT0, 'e');
    buf[n] = 0;
    return (int)n;
}

static size_t repr_part(double x, int flags, char *out) {
    NumStr o; /* 'r' always fits in o.small, so this cannot fail */
    digits_to_str(&o, x, 'r', 0, flags);
    memcpy(out, o.s, o.n);
    return o.n;
}

int numfmt_repr_complex(double re, double im, char *buf) {
    size_t n = 0;
    if (re == 0 && !signbit(re)) {
        n = repr_part(im, 0, buf);
        buf[n++] = 'j';
    } else {
        buf[n++] = '(';
        n += repr_part(re, 0, buf + n);
        n += repr_part(im, DT_SIGN, buf + n);
        buf[n++] = 'j';
        buf[n++] = ')';
    }
    buf[n] = 0;
    return (int)n;
}

/* ---- format-spec parsing (parse_internal_render_format_spec) ---- */

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Reads a decimal integer at s[*pos]; returns digits read, or -1 on overflow. */
static int spec_integer(const char *s, size_t len, size_t *pos, int64_t *out) {
    int64_t acc = 0;
    int n = 0;
    for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; (*pos)++, n++) {
        int dv = s[*pos] - '0';
        if (acc > (INT64_MAX - dv) / 10) return -1;
        acc = acc * 10 + dv;
    }
    *out = acc;
    return n;
}

static void spec_defaults(NumfmtSpec *o, const char *spec, size_t len) {
    memset(o, 0, sizeof *o);
    o->fill[0] = ' ';
    o->fill_len = 1;
    o->width = o->precision = -1;
    o->src = spec;
    o->src_len = len;
}

static size_t parse_fill_align(const char *s, size_t len, NumfmtSpec *o) {
    size_t k = 0;
    if (len) u8_decode(s, len, &k);
    if (len > k && is_align(s[k])) {
        memcpy(o->fill, s, k);
        o->fill[k] = 0;
        o->fill_len = (unsigned char)k;
        o->fill_set = 1;
        o->align = s[k];
        return k + 1;
    }
    if (len && is_align(s[0])) return (size_t)(o->align = s[0], 1);
    return 0;
}

static size_t parse_flags(const char *s, size_t len, size_t pos, NumfmtSpec *o) {
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) o->sign = s[pos++];
    if (pos < len && s[pos] == 'z') o->no_neg_0 = 1, pos++;
    if (pos < len && s[pos] == '#') o->alt = 1, pos++;
    if (!o->fill_set && pos < len && s[pos] == '0') o->zero = 1, pos++;
    return pos;
}

static int parse_grouping(const char *s, size_t len, size_t *pos, NumfmtSpec *o, char *err,
                          size_t errlen) {
    if (*pos < len && s[*pos] == ',') o->grouping = ',', (*pos)++;
    if (*pos < len && s[*pos] == '_') {
        if (o->grouping) return fail(err, errlen, NUMFMT_VALUE, "Cannot specify both ',' and '_'.");
        o->grouping = '_', (*pos)++;
    }
    if (*pos < len && s[*pos] == ',' && o->grouping == '_')
        return fail(err, errlen, NUMFMT_VALUE, "Cannot specify both ',' and '_'.");
    return 0;
}

int numfmt_parse_spec(const char *spec, size_t len, NumfmtSpec *out, char *err, size_t errlen) {
    static const char too_many[] = "Too many decimal digits in format string";
    spec_defaults(out, spec, len);
    size_t pos = parse_flags(spec, len, parse_fill_align(spec, len, out), out);
    int n = spec_integer(spec, len, &pos, &out->width);
    if (n < 0) return fail(err, errlen, NUMFMT_VALUE, "%s", too_many);
    if (n == 0) out->width = -1;
    if (parse_grouping(spec, len, &pos, out, err, errlen)) return NUMFMT_VALUE;
    if (pos < len && spec[pos] == '.') {
        pos++;
        n = spec_integer(spec, len, &pos, &out->precision);
        if (n < 0) return fail(err, errlen, NUMFMT_VALUE, "%s", too_many);
        if (n == 0) return fail(err, errlen, NUMFMT_VALUE, "Format specifier missing precision");
    }
    if (pos < len) {
        size_t k;
        uint32_t cp = u8_decode(spec + pos, len - pos, &k);
        if (pos + k < len) out->invalid = 1;
        else out->type = cp;
    }
    return 0;
}

/* ---- checks shared by the apply functions ---- */

static int type_message(char *err, size_t errlen, const char *what, uint32_t t, const char *tail) {
    if (t > 32 && t < 128) return fail(err, errlen, NUMFMT_VALUE, "%s'%c'%s", what, (char)t, tail);
    return fail(err, errlen, NUMFMT_VALUE, "%s'\\x%x'%s", what, (unsigned)t, tail);
}

static int unknown_type(uint32_t t, const char *tn, char *err, size_t errlen) {
    char tail[256];
    (void)snprintf(tail, sizeof tail, " for object of type '%.200s'", tn);
    return type_message(err, errlen, "Unknown format code ", t, tail);
}

static int grouping_allowed(char g, uint32_t t) {
    if (t == 0 || (t < 128 && strchr("defgEG%F", (int)t))) return 1;
    return g == '_' && t < 128 && strchr("boxX", (int)t);
}

/* The checks CPython makes at the end of parsing, which need the type's defaults. */
static int check_common(const NumfmtSpec *sp, uint32_t default_type, const char *tn, char *err,
                        size_t errlen) {
    if (sp->invalid)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Invalid format specifier '%.*s' for object of type '%.200s'", (int)sp->src_len,
                    sp->src, tn);
    uint32_t t = sp->type ? sp->type : default_type;
    if (sp->grouping && !grouping_allowed(sp->grouping, t)) {
        char what[32];
        (void)snprintf(what, sizeof what, "Cannot specify '%c' with ", sp->grouping);
        return type_message(err, errlen, what, t, ".");
    }
    return 0;
}

/* ---- number layout (calc_number_widths + fill_number) ---- */

/* Padding and grouping resolved from a spec. */
typedef struct Pad {
    const char *fill;
    size_t fill_len;
    char align, sign, sep;
    int group; /* digits per group, 0 for none */
    int64_t width;
} Pad;

static Pad pad_of(const NumfmtSpec *sp, char default_align) {
    Pad p;
    p.fill = sp->zero ? "0" : sp->fill;
    p.fill_len = sp->zero ? 1 : sp->fill_len;
    p.align = sp->align ? sp->align : (sp->zero && default_align == '>') ? '=' : default_align;
    p.sign = sp->sign;
    p.sep = sp->grouping;
    p.group = sp->grouping ? 3 : 0;
    if (sp->grouping == '_' && sp->type < 128 && sp->type && strchr("boxX", (int)sp->type))
        p.group = 4;
    p.width = sp->width;
    return p;
}

/* The parts of a number: sign, prefix, digits to group, decimal point, remainder. */
typedef struct Num {
    char sign_char; /* '-' or 0 */
    const char *prefix, *digits, *rem;
    size_t n_prefix, n_digits, n_rem;
    int has_decimal, upper;
} Num;

/* Splits a formatted float (as float_to_str makes it) into Num parts (parse_number). */
static Num num_of_str(const char *s, size_t n) {
    Num m = {0, "", s, "", 0, 0, 0, 0, 0};
    if (n && s[0] == '-') m.sign_char = '-', m.digits = ++s, n--;
    while (m.n_digits < n && s[m.n_digits] >= '0' && s[m.n_digits] <= '9') m.n_digits++;
    m.has_decimal = m.n_digits < n && s[m.n_digits] == '.';
    m.rem = s + m.n_digits + m.has_decimal;
    m.n_rem = n - m.n_digits - (size_t)m.has_decimal;
    return m;
}

/* _PyUnicode_InsertThousandsGrouping: digits padded with zeros to min_width and grouped,
 * written right to left ending at dst + total (dst NULL: count only). Returns the count. */
static size_t group_digits(char *dst, size_t total, const char *dg, size_t n, int64_t minw,
                           int group, char sep) {
    size_t count = 0;
    int64_t remaining = (int64_t)n;
    minw = MAX2(minw, 0);
    for (int first = 1;; first = 0) {
        int64_t len = MAX2(MAX2(remaining, minw), 1);
        if (group) len = MIN2(len, group);
        int64_t zeros = MAX2(0, len - remaining), chars = MAX2(0, MIN2(remaining, len));
        if (dst) {
            char *p = dst + total - count;
            if (!first) *--p = sep;
            p -= chars, memcpy(p, dg + remaining - chars, (size_t)chars);
            memset(p - zeros, '0', (size_t)zeros);
        }
        count += (size_t)(!first + zeros + chars);
        remaining -= chars;
        minw -= len;
        if (!group || (remaining <= 0 && minw <= 0)) break;
        minw -= 1;
    }
    return count;
}

static int put_fill(SBuf *b, const Pad *pd, int64_t n) {
    if (n <= 0) return 0;
    if (pd->fill_len == 1) return sb_fill(b, pd->fill[0], (size_t)n);
    if (sb_reserve(b, (size_t)n * pd->fill_len)) return -1;
    for (int64_t i = 0; i < n; i++) sb_putn(b, pd->fill, pd->fill_len);
    return 0;
}

static char effective_sign(char spec_sign, char sign_char) {
    if (sign_char == '-') return '-';
    return (char)(spec_sign == '+' || spec_sign == ' ' ? spec_sign : 0);
}

static int put_grouped(SBuf *b, const Pad *pd, const Num *m, int64_t minw, size_t ng) {
    if (!m->n_digits) return 0;
    if (sb_reserve(b, ng)) return -1;
    group_digits(b->s + b->len, ng, m->digits, m->n_digits, minw, pd->group, pd->sep);
    if (m->upper)
        for (size_t i = 0; i < ng; i++)
            if (b->s[b->len + i] >= 'a' && b->s[b->len + i] <= 'z') b->s[b->len + i] -= 32;
    b->len += ng;
    b->s[b->len] = 0;
    return 0;
}

/* Writes m padded and grouped as pd says. */
static int put_number(SBuf *b, const Pad *pd, const Num *m) {
    char sign = effective_sign(pd->sign, m->sign_char);
    int64_t fixed =
        (sign != 0) + (int64_t)m->n_prefix + m->has_decimal + (int64_t)u8_count(m->rem, m->n_rem);
    int zero_eq = pd->fill_len == 1 && pd->fill[0] == '0' && pd->align == '=';
    int64_t minw = zero_eq ? pd->width - fixed : 0;
    size_t ng = m->n_digits ? group_digits(NULL, 0, m->digits, m->n_digits, minw, pd->group, 0) : 0;
    int64_t pad = pd->width - (fixed + (int64_t)ng), lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        if (pd->align == '<') rpad = pad;
        else if (pd->align == '^') lpad = pad / 2, rpad = pad - lpad;
        else if (pd->align == '=') spad = pad;
        else lpad = pad;
    }
    int rc = put_fill(b, pd, lpad);
    if (!rc && sign) rc = sb_putc(b, sign);
    if (!rc && m->n_prefix) rc = sb_putn(b, m->upper ? "0X" : m->prefix, m->n_prefix);
    if (!rc) rc = put_fill(b, pd, spad);
    if (!rc) rc = put_grouped(b, pd, m, minw, ng);
    if (!rc && m->has_decimal) rc = sb_putc(b, '.');
    if (!rc) rc = sb_putn(b, m->rem, m->n_rem);
    if (!rc) rc = put_fill(b, pd, rpad);
    return rc ? NUMFMT_NOMEM : 0;
}

/* ---- float.__format__ ---- */

static int is_float_type(uint32_t t) { return t && t < 128 && strchr("eEfFgGn%", (int)t); }

/* The code, precision and flags of format_float_internal; *pct for '%'. */
static char float_code(const NumfmtSpec *sp, long *prec, int *flags, int *pct) {
    char code = (char)sp->type;
    long dflt = 6;
    *flags = (sp->alt ? DT_ALT : 0) | (sp->no_neg_0 ? DT_NONEG0 : 0);
    *pct = 0;
    if (code == 0) *flags |= DT_DOT0, code = 'r', dflt = 0;
    if (code == 'n') code = 'g';
    if (code == '%') code = 'f', *pct = 1;
    *prec = sp->precision < 0 ? dflt : (long)sp->precision;
    if (sp->precision >= 0 && code == 'r') code = 'g';
    return code;
}

static int format_float_internal(SBuf *b, const NumfmtSpec *sp, double x, char *err,
                                 size_t errlen) {
    long prec;
    int flags, pct;
    if (sp->precision > INT_MAX) return fail(err, errlen, NUMFMT_VALUE, "precision too big");
    char code = float_code(sp, &prec, &flags, &pct);
    NumStr o;
    if (float_to_str(&o, pct ? x * 100 : x, code, prec, flags)) return NUMFMT_NOMEM;
    Num m = num_of_str(o.s, o.n);
    if (pct) m.n_rem++; /* the '%' after the remainder: o.s has room for it */
    if (pct) o.s[o.n] = '%';
    Pad pd = pad_of(sp, '>');
    if (sp->type == 'n') pd.group = 0;
    int rc = put_number(b, &pd, &m);
    numstr_free(&o);
    return rc;
}

int numfmt_format_double(SBuf *b, const NumfmtSpec *spec, double x, const char *typename, char *err,
                         size_t errlen) {
    int rc = check_common(spec, 0, typename, err, errlen);
    if (rc) return rc;
    if (spec->type && !is_float_type(spec->type))
        return unknown_type(spec->type, typename, err, errlen);
    return format_float_internal(b, spec, x, err, errlen);
}

/* ---- int.__format__ ---- */

int numfmt_spec_int_base(const NumfmtSpec *spec) {
    switch (spec->type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x':
    case 'X': return 16;
    default: return 10;
    }
}

int numfmt_spec_is_float(const NumfmtSpec *spec) {
    return spec->type != 'n' && is_float_type(spec->type);
}

/* The 'c' presentation: the code point whose decimal digits are mag. */
static int format_int_char(SBuf *b, const NumfmtSpec *sp, int neg, const char *mag, size_t n,
                           char *err, size_t errlen) {
    if (sp->sign)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Sign not allowed with integer format specifier 'c'");
    if (sp->alt)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Alternate form (#) not allowed with integer format specifier 'c'");
    uint64_t v = 0;
    for (size_t i = 0; i < n && v <= (uint64_t)1 << 63; i++) v = v * 10 + (uint64_t)(mag[i] - '0');
    if (n > 19 || v > ((uint64_t)1 << 63) - !neg)
        return fail(err, errlen, NUMFMT_OVERFLOW, "Python int too large to convert to C long");
    if (neg ? v != 0 : v > 0x10FFFF)
        return fail(err, errlen, NUMFMT_OVERFLOW, "%%c arg not in range(0x110000)");
    char ch[4];
    Num m = {0, "", "", ch, 0, 0, u8_encode((uint32_t)v, ch), 0, 0};
    Pad pd = pad_of(sp, '>');
    return put_number(b, &pd, &m);
}

/* Float types applied to an int: int.__float__ of the decimal digits, then float format. */
static int format_int_as_float(SBuf *b, const NumfmtSpec *sp, int neg, const char *mag, size_t n,
                               char *err, size_t errlen) {
    char local[64], *s = n + 2 <= sizeof local ? local : malloc(n + 2);
    if (!s) return NUMFMT_NOMEM;
    s[0] = neg ? '-' : '+';
    memcpy(s + 1, mag, n), s[n + 1] = 0;
    double x = strtod(s, NULL);
    if (s != local) free(s);
    if (isinf(x)) return fail(err, errlen, NUMFMT_OVERFLOW, "int too large to convert to float");
    return format_float_internal(b, sp, x, err, errlen);
}

static int check_int_spec(const NumfmtSpec *sp, const char *tn, char *err, size_t errlen) {
    int rc = check_common(sp, 'd', tn, err, errlen);
    if (rc) return rc;
    uint32_t t = sp->type;
    if (t && !(t < 128 && strchr("bcdoxXneEfFgG%", (int)t)))
        return unknown_type(t, tn, err, errlen);
    if (numfmt_spec_is_float(sp)) return 0;
    if (sp->precision != -1)
        return fail(err, errlen, NUMFMT_VALUE, "Precision not allowed in integer format specifier");
    if (sp->no_neg_0)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Negative zero coercion (z) not allowed in integer format specifier");
    return 0;
}

int numfmt_format_int_digits(SBuf *b, const NumfmtSpec *spec, int negative, const char *mag,
                             size_t n, const char *typename, char *err, size_t errlen) {
    int rc = check_int_spec(spec, typename, err, errlen);
    if (rc) return rc;
    if (numfmt_spec_is_float(spec))
        return format_int_as_float(b, spec, negative, mag, n, err, errlen);
    if (spec->type == 'c') return format_int_char(b, spec, negative, mag, n, err, errlen);
    Num m = {negative ? '-' : 0, "", mag, "", 0, n, 0, 0, spec->type == 'X'};
    if (spec->alt && spec->type && strchr("boxX", (int)spec->type)) {
        m.prefix = spec->type == 'b' ? "0b" : spec->type == 'o' ? "0o" : "0x";
        m.n_prefix = 2;
    }
    Pad pd = pad_of(spec, '>');
    if (spec->type == 'n') pd.group = 0;
    return put_number(b, &pd, &m);
}

/* Digits of |v| in base (2..16), lowercase; returns the count written at the end of buf[72]. */
static size_t u64_digits(uint64_t u, int base, char *buf, const char **start) {
    char *p = buf + 72;
    do *--p = "0123456789abcdef"[u % (unsigned)base], u /= (unsigned)base;
    while (u);
    *start = p;
    return (size_t)(buf + 72 - p);
}

static uint64_t magnitude(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

int numfmt_format_int64(SBuf *b, const NumfmtSpec *spec, int64_t v, const char *typename, char *err,
                        size_t errlen) {
    char buf[72];
    const char *d;
    size_t n = u64_digits(magnitude(v), numfmt_spec_int_base(spec), buf, &d);
    return numfmt_format_int_digits(b, spec, v < 0, d, n, typename, err, errlen);
}

/* ---- str.__format__ ---- */

static int check_str_spec(const NumfmtSpec *sp, const char *tn, char *err, size_t errlen) {
    int rc = check_common(sp, 's', tn, err, errlen);
    if (rc) return rc;
    if (sp->type && sp->type != 's') return unknown_type(sp->type, tn, err, errlen);
    if (sp->sign == ' ')
        return fail(err, errlen, NUMFMT_VALUE, "Space not allowed in string format specifier");
    if (sp->sign)
        return fail(err, errlen, NUMFMT_VALUE, "Sign not allowed in string format specifier");
    if (sp->no_neg_0)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Negative zero coercion (z) not allowed in string format specifier");
    if (sp->alt)
        return fail(err, errlen, NUMFMT_VALUE,
                    "Alternate form (#) not allowed in string format specifier");
    if (sp->align == '=')
        return fail(err, errlen, NUMFMT_VALUE,
                    "'=' alignment not allowed in string format specifier");
    return 0;
}

/* calc_padding + fill_padding around body (nchars code points already in its own buffer). */
static int put_padded(SBuf *b, const Pad *pd, const char *body, size_t nbytes, int64_t nchars) {
    int64_t total = MAX2(pd->width, nchars), lpad = 0;
    if (pd->align == '>') lpad = total - nchars;
    else if (pd->align == '^') lpad = (total - nchars) / 2;
    int rc = put_fill(b, pd, lpad);
    if (!rc) rc = sb_putn(b, body, nbytes);
    if (!rc) rc = put_fill(b, pd, total - nchars - lpad);
    return rc ? NUMFMT_NOMEM : 0;
}

int numfmt_format_str(SBuf *b, const NumfmtSpec *spec, const char *s, size_t len,
                      const char *typename, char *err, size_t errlen) {
    int rc = check_str_spec(spec, typename, err, errlen);
    if (rc) return rc;
    size_t nchars = u8_count(s, len);
    if (spec->precision >= 0 && (int64_t)nchars > spec->precision) {
        len = u8_offset(s, len, (size_t)spec->precision);
        nchars = (size_t)spec->precision;
    }
    Pad pd = pad_of(spec, '<');
    return put_padded(b, &pd, s, len, (int64_t)nchars);
}

/* ---- complex.__format__ ---- */

static int check_complex_spec(const NumfmtSpec *sp, const char *tn, char *err, size_t errlen) {
    int rc = check_common(sp, 0, tn, err, errlen);
    if (rc) return rc;
    if (sp->type && (sp->type == '%' || !is_float_type(sp->type)))
        return unknown_type(sp->type, tn, err, errlen);
    if (sp->precision > INT_MAX) return fail(err, errlen, NUMFMT_VALUE, "precision too big");
    if (sp->zero || (sp->fill_len == 1 && sp->fill[0] == '0'))
        return fail(err, errlen, NUMFMT_VALUE,
                    "Zero padding is not allowed in complex format specifier");
    if (sp->align == '=')
        return fail(err, errlen, NUMFMT_VALUE,
                    "'=' alignment flag is not allowed in complex format specifier");
    return 0;
}

/* One part of a complex, unpadded, with sign convention sign. */
static int complex_part(SBuf *t, const NumfmtSpec *sp, double v, char code, long prec, int flags,
                        char sign) {
    NumStr o;
    if (float_to_str(&o, v, code, prec, flags)) return NUMFMT_NOMEM;
    Num m = num_of_str(o.s, o.n);
    Pad pd = pad_of(sp, '<');
    pd.fill = "", pd.fill_len = 0, pd.align = '<', pd.width = -1, pd.sign = sign;
    if (sp->type == 'n') pd.group = 0;
    int rc = put_number(t, &pd, &m);
    numstr_free(&o);
    return rc;
}

static int complex_body(SBuf *t, const NumfmtSpec *sp, double re, double im) {
    long prec = 6;
    int flags = (sp->alt ? DT_ALT : 0) | (sp->no_neg_0 ? DT_NONEG0 : 0);
    int skip_re = 0, parens = 0;
    char code = (char)sp->type;
    if (!code) {
        code = 'r', prec = 0;
        if (re == 0 && !signbit(re)) skip_re = 1;
        else parens = 1;
    }
    if (code == 'n') code = 'g';
    if (sp->precision >= 0) prec = (long)sp->precision, code = code == 'r' ? 'g' : code;
    int rc = parens ? sb_putc(t, '(') : 0;
    if (!rc && !skip_re) rc = complex_part(t, sp, re, code, prec, flags, sp->sign);
    if (!rc) rc = complex_part(t, sp, im, code, prec, flags, skip_re ? sp->sign : '+');
    if (!rc) rc = sb_putc(t, 'j');
    if (!rc && parens) rc = sb_putc(t, ')');
    return rc ? NUMFMT_NOMEM : 0;
}

int numfmt_format_complex(SBuf *b, const NumfmtSpec *spec, double re, double im,
                          const char *typename, char *err, size_t errlen) {
    int rc = check_complex_spec(spec, typename, err, errlen);
    if (rc) return rc;
    SBuf t = SBUF_INIT;
    rc = complex_body(&t, spec, re, im);
    Pad pd = pad_of(spec, '>');
    if (!rc) rc = put_padded(b, &pd, t.s, t.len, (int64_t)u8_count(t.s, t.len));
    sb_free(&t);
    return rc;
}

/* ---- round(x, ndigits) ---- */

static double round_read(const char *s, int *overflow) {
    errno = 0;
    double r = strtod(s, NULL);
    if (errno == ERANGE && fabs(r) >= 1) *overflow = 1;
    return r;
}

/* Rounds the integer part of the exact decimal text s ("-123.456...") to a multiple of
 * 10**k, half-even, and reads it back. */
static double round_left(const char *s, int k, int *overflow) {
    int neg = s[0] == '-', dp = 0;
    const char *ip = s + neg, *dot = strchr(ip, '.');
    size_t il = dot ? (size_t)(dot - ip) : strlen(ip);
    if (il < (size_t)k) return neg ? -0.0 : 0.0;
    size_t ql = il - (size_t)k;
    int rest = 0;
    for (const char *p = ip + ql + 1; *p; p++) rest |= *p >= '1' && *p <= '9';
    int odd = ql > 0 && (ip[ql - 1] - '0') % 2;
    int up = ip[ql] > '5' || (ip[ql] == '5' && (rest || odd));
    char q[720];
    int nq = ql ? (int)ql : 1;
    memcpy(q, ql ? ip : "0", (size_t)nq);
    int nq0 = nq;
    if (up) nq = digits_increment(q, nq, &dp);
    (void)snprintf(q + nq, sizeof q - (size_t)nq, "e%d", k + (dp ? nq0 : 0));
    double r = round_read(q, overflow);
    return neg ? -r : r;
}

double numfmt_round_double(double x, int64_t ndigits, int *overflow) {
    *overflow = 0;
    if (!isfinite(x) || ndigits > 323) return x;
    if (ndigits < -308) return 0.0 * x;
    int nd = (int)ndigits;
    char local[720], *s = local;
    if (nd >= 0) {
        (void)snprintf(s, sizeof local, "%.*f", nd, x);
        return round_read(s, overflow);
    }
    (void)snprintf(s, sizeof local, "%.60f", x);
    return round_left(s, -nd, overflow);
}

/* ---- printf-style '%' ---- */

static int pct_next(const char *f, size_t len, size_t *pos, uint32_t *ch) {
    size_t k;
    if (*pos >= len) return -1;
    *ch = u8_decode(f + *pos, len - *pos, &k);
    *pos += k;
    return 0;
}

static int pct_key(const char *f, size_t len, size_t *pos, NumfmtPercent *o, char *err,
                   size_t errlen) {
    int depth = 1;
    size_t start = ++*pos;
    while (*pos < len && depth) {
        depth += f[*pos] == '(';
        depth -= f[*pos] == ')';
        (*pos)++;
    }
    if (depth) return fail(err, errlen, NUMFMT_VALUE, "incomplete format key");
    o->key_start = start;
    o->key_len = *pos - 1 - start;
    return 0;
}

static int pct_number(const char *f, size_t len, size_t *pos, uint32_t *ch, int64_t *out,
                      int64_t max, const char *msg, char *err, size_t errlen) {
    *out = *ch - '0';
    while (!pct_next(f, len, pos, ch) && *ch >= '0' && *ch <= '9') {
        if (*out > (max - (int64_t)(*ch - '0')) / 10)
            return fail(err, errlen, NUMFMT_VALUE, "%s", msg);
        *out = *out * 10 + (*ch - '0');
    }
    return *ch >= '0' && *ch <= '9'; /* still on a digit: fmt ended inside the number */
}

static int pct_flag(uint32_t ch) {
    switch (ch) {
    case '-': return NUMFMT_PF_LJUST;
    case '+': return NUMFMT_PF_SIGN;
    case ' ': return NUMFMT_PF_BLANK;
    case '#': return NUMFMT_PF_ALT;
    case '0': return NUMFMT_PF_ZERO;
    default: return 0;
    }
}

/* Width or precision: '*' or digits; *ch is its first character. Returns 0, 1 at the end of
 * fmt, or NUMFMT_VALUE. */
static int pct_field(const char *f, size_t len, size_t *pos, uint32_t *ch, int64_t *out,
                     unsigned char *star, int64_t max, const char *msg, char *err, size_t errlen) {
    if (*ch == '*') return *star = 1, pct_next(f, len, pos, ch) ? 1 : 0;
    if (*ch >= '0' && *ch <= '9') return pct_number(f, len, pos, ch, out, max, msg, err, errlen);
    return 0;
}

int numfmt_percent_parse(const char *fmt, size_t len, size_t *pos, NumfmtPercent *out, char *err,
                         size_t errlen) {
    static const char incomplete[] = "incomplete format";
    uint32_t ch = 0;
    memset(out, 0, sizeof *out);
    out->width = out->prec = -1;
    if (*pos < len && fmt[*pos] == '%') return out->conv = '%', out->literal = 1, ++*pos, 0;
    if (*pos < len && fmt[*pos] == '(' && pct_key(fmt, len, pos, out, err, errlen))
        return NUMFMT_VALUE;
    if (pct_next(fmt, len, pos, &ch)) return fail(err, errlen, NUMFMT_VALUE, incomplete);
    while (pct_flag(ch)) {
        out->flags |= pct_flag(ch);
        if (pct_next(fmt, len, pos, &ch)) return fail(err, errlen, NUMFMT_VALUE, incomplete);
    }
    int rc = pct_field(fmt, len, pos, &ch, &out->width, &out->width_star, INT64_MAX,
                       "width too big", err, errlen);
    if (rc) return rc < 0 ? rc : fail(err, errlen, NUMFMT_VALUE, incomplete);
    if (ch == '.') {
        out->prec = 0;
        if (pct_next(fmt, len, pos, &ch)) return fail(err, errlen, NUMFMT_VALUE, incomplete);
        rc = pct_field(fmt, len, pos, &ch, &out->prec, &out->prec_star, INT_MAX,
                       "precision too big", err, errlen);
        if (rc) return rc < 0 ? rc : fail(err, errlen, NUMFMT_VALUE, incomplete);
    }
    if ((ch == 'h' || ch == 'l' || ch == 'L') && pct_next(fmt, len, pos, &ch))
        return fail(err, errlen, NUMFMT_VALUE, incomplete);
    out->conv = ch;
    out->conv_index = u8_count(fmt, *pos) - 1;
    return 0;
}

void numfmt_percent_set_star(NumfmtPercent *p, int64_t value) {
    if (p->width_star && p->width == -1) {
        if (value < 0) p->flags |= NUMFMT_PF_LJUST, value = value == INT64_MIN ? INT64_MAX : -value;
        p->width = value;
        return;
    }
    p->prec = value < 0 ? 0 : value;
}

int numfmt_percent_kind(const NumfmtPercent *p) {
    uint32_t c = p->conv;
    if (p->literal) return NUMFMT_PK_PERCENT;
    if (c >= 128 || c == 0) return NUMFMT_PK_BAD;
    if (strchr("diuoxX", (int)c)) return NUMFMT_PK_INT;
    if (strchr("eEfFgG", (int)c)) return NUMFMT_PK_FLOAT;
    if (strchr("sra", (int)c)) return NUMFMT_PK_STR;
    return c == 'c' ? NUMFMT_PK_CHAR : NUMFMT_PK_BAD;
}

int numfmt_percent_int_base(const NumfmtPercent *p) {
    return p->conv == 'o' ? 8 : (p->conv == 'x' || p->conv == 'X') ? 16 : 10;
}

int numfmt_percent_unsupported(const NumfmtPercent *p, char *err, size_t errlen) {
    char c = (char)(p->conv >= 31 && p->conv <= 126 ? p->conv : '?');
    return fail(err, errlen, NUMFMT_VALUE, "unsupported format character '%c' (0x%x) at index %zu",
                c, (unsigned)p->conv, p->conv_index);
}

/* The sign character of a numeric conversion's text s, which loses it; 0 for none. */
static char pct_sign(const NumfmtPercent *p, const char **s, size_t *len) {
    if (*len && (**s == '-' || **s == '+')) return (*len)--, *(*s)++;
    if (p->flags & NUMFMT_PF_SIGN) return '+';
    return (p->flags & NUMFMT_PF_BLANK) ? ' ' : 0;
}

/* Writes the conversion's text s with width, sign and fill: unicode_format_arg_output. */
static int pct_output(SBuf *b, const NumfmtPercent *p, const char *s, size_t len, int numeric) {
    int64_t n, width = p->width;
    char fill = numeric && (p->flags & NUMFMT_PF_ZERO) ? '0' : ' ';
    char sign = (char)(numeric ? pct_sign(p, &s, &len) : 0);
    int rc = 0, hexalt = (p->flags & NUMFMT_PF_ALT) && p->conv < 128 && strchr("oxX", (int)p->conv);
    if (!numeric && p->conv != 'c' && p->prec >= 0) len = u8_offset(s, len, (size_t)p->prec);
    n = (int64_t)u8_count(s, len);
    width = MAX2(width, n);
    if (sign && fill != ' ') rc |= sb_putc(b, sign);
    if (sign && width > n) width--;
    if (hexalt) {
        if (fill != ' ') rc |= sb_putn(b, s, 2);
        width = MAX2(width - 2, 0);
        n -= 2;
    }
    if (width > n && !(p->flags & NUMFMT_PF_LJUST)) {
        rc |= sb_fill(b, fill, (size_t)(width - n));
        width = n;
    }
    if (sign && fill == ' ') rc |= sb_putc(b, sign);
    if (hexalt && fill == ' ') rc |= sb_putn(b, s, 2);
    rc |= sb_putn(b, s + 2 * hexalt, len - 2 * (size_t)hexalt);
    if (width > n) rc |= sb_fill(b, ' ', (size_t)(width - n));
    return rc ? NUMFMT_NOMEM : 0;
}

int numfmt_percent_double(SBuf *b, const NumfmtPercent *p, double x) {
    NumStr o;
    long prec = p->prec < 0 ? 6 : (long)p->prec;
    if (float_to_str(&o, x, (char)p->conv, prec, (p->flags & NUMFMT_PF_ALT) ? DT_ALT : 0))
        return NUMFMT_NOMEM;
    int rc = pct_output(b, p, o.s, o.n, 1);
    numstr_free(&o);
    return rc;
}

/* _PyUnicode_FormatLong: sign, '#' prefix, precision zeros, digits (uppercase for 'X'). */
static int pct_int_text(SBuf *t, const NumfmtPercent *p, int neg, const char *mag, size_t n) {
    int rc = neg ? sb_putc(t, '-') : 0;
    int alt = (p->flags & NUMFMT_PF_ALT) && p->conv != 'd' && p->conv != 'i' && p->conv != 'u';
    if (alt) rc |= sb_putn(t, p->conv == 'o' ? "0o" : p->conv == 'x' ? "0x" : "0X", 2);
    if (p->prec > (int64_t)n) rc |= sb_fill(t, '0', (size_t)(p->prec - (int64_t)n));
    size_t at = t->len;
    rc |= sb_putn(t, mag, n);
    if (!rc && p->conv == 'X')
        for (size_t i = at; i < t->len; i++)
            if (t->s[i] >= 'a' && t->s[i] <= 'z') t->s[i] -= 32;
    return rc;
}

int numfmt_percent_int_digits(SBuf *b, const NumfmtPercent *p, int negative, const char *mag,
                              size_t n) {
    SBuf t = SBUF_INIT;
    int rc = pct_int_text(&t, p, negative, mag, n) ? NUMFMT_NOMEM : pct_output(b, p, t.s, t.len, 1);
    sb_free(&t);
    return rc;
}

int numfmt_percent_int64(SBuf *b, const NumfmtPercent *p, int64_t v) {
    char buf[72];
    const char *d;
    size_t n = u64_digits(magnitude(v), numfmt_percent_int_base(p), buf, &d);
    return numfmt_percent_int_digits(b, p, v < 0, d, n);
}

int numfmt_percent_str(SBuf *b, const NumfmtPercent *p, const char *s, size_t len) {
    return pct_output(b, p, s, len, 0);
}
