/* arrprint.c: NumPy 1.24's arrayprint, ported: the float, int, bool and complex element
 * formatters (unique shortest digits capped at `precision`, common widths, the switch to
 * scientific notation), _formatArray's line wrapping and summarisation, the repr with its
 * dtype suffix, NumPy scalars' repr, and np.set_printoptions. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../numfmt.h"
#include "array.h"

/* ---------------------------------------------------------------- digits */

/* The precision values are printed at (the `f32` arguments below): shortest digits are the
 * fewest that read back to the same value of that type. */
enum { P_F64, P_F32, P_F16 };

static int round_trips(double parsed, double x, int f32) {
    if (f32 == P_F16) return dt_half_from_double(parsed) == dt_half_from_double(x);
    return f32 == P_F32 ? (float)parsed == (float)x : parsed == x;
}

/* Shortest digits that round-trip x (at precision f32, a P_*): digits d1 d2 ... without a
 * point, and the decimal exponent of d1. Returns the number of digits. */
static int shortest(double x, int f32, char *digits, int *exp10) {
    char buf[40];
    x = fabs(x);
    if (x == 0) {
        digits[0] = '0';
        digits[1] = 0;
        *exp10 = 0;
        return 1;
    }
    int maxp = f32 == P_F16 ? 5 : f32 ? 9 : 17;
    for (int p = 1; p <= maxp; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, x);
        int ok = f32 == P_F32 ? strtof(buf, NULL) == (float)x
                              : round_trips(strtod(buf, NULL), x, f32);
        if (ok || p == maxp) break;
    }
    int n = 0;
    char *e = strchr(buf, 'e');
    for (char *q = buf; q < e; q++)
        if (*q != '.') digits[n++] = *q;
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = 0;
    *exp10 = atoi(e + 1);
    return n;
}

/* Positional digits of x: integer part (with '-') in ip, fraction in fp (trailing zeros
 * trimmed), unique digits capped at prec fractional digits. int_exact: Dragon4 with
 * min_digits=0 (how arrays print) generates digits at least down to the units, so an integer
 * whose unique digits stop above them (float16 10312 is unique as 1031e1) prints exactly. */
static void fmt_pos(double x, int f32, int prec, int sign_plus, int int_exact, char *ip,
                    char *fp) {
    char d[400];
    int e, n = shortest(x, f32, d, &e);
    if (int_exact && e >= n) n = snprintf(d, sizeof d, "%.0f", fabs(x));
    int neg = signbit(x) != 0;
    char *o = ip;
    if (neg) *o++ = '-';
    else if (sign_plus) *o++ = '+';
    if (n - 1 - e > prec) { /* more digits than the cap: round the exact value */
        char buf[400];
        snprintf(buf, sizeof buf, "%.*f", prec, fabs(x));
        char *dot = strchr(buf, '.');
        if (dot) *dot = 0;
        strcpy(o, buf);
        strcpy(fp, dot ? dot + 1 : "");
        size_t l = strlen(fp);
        while (l > 0 && fp[l - 1] == '0') fp[--l] = 0;
        return;
    }
    if (e < 0) {
        *o++ = '0';
        *o = 0;
        int k = 0;
        for (int i = 0; i < -e - 1; i++) fp[k++] = '0';
        for (int i = 0; i < n; i++) fp[k++] = d[i];
        fp[k] = 0;
    } else {
        for (int i = 0; i <= e; i++) *o++ = i < n ? d[i] : '0';
        *o = 0;
        int k = 0;
        for (int i = e + 1; i < n; i++) fp[k++] = d[i];
        fp[k] = 0;
    }
}

/* Scientific digits: the leading digit (with sign) in ip, the fraction in fp (trimmed),
 * the exponent in *exp10. */
static void fmt_sci(double x, int f32, int prec, int sign_plus, char *ip, char *fp, int *exp10) {
    char d[40];
    int e, n = shortest(x, f32, d, &e);
    if (n - 1 > prec) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.*e", prec, fabs(x));
        char *ep = strchr(buf, 'e');
        e = atoi(ep + 1);
        n = 0;
        for (char *q = buf; q < ep; q++)
            if (*q != '.') d[n++] = *q;
        while (n > 1 && d[n - 1] == '0') n--;
    }
    char *o = ip;
    if (signbit(x)) *o++ = '-';
    else if (sign_plus) *o++ = '+';
    *o++ = d[0];
    *o = 0;
    memcpy(fp, d + 1, (size_t)(n - 1));
    fp[n - 1] = 0;
    *exp10 = e;
}

/* ---------------------------------------------------------------- FloatingFormat */

typedef struct FloatFmt {
    int f32, exp_format, precision, min_digits, pad_left, pad_right, exp_size, sign_plus;
} FloatFmt;

typedef struct Stats {
    int n, nfinite, has_nan, has_inf, neg_inf;
    double maxabs, minabs; /* over non-zero finite values */
    int nonzero;
} Stats;

static void float_init(FloatFmt *f, int f32, int precision, int sign_plus) {
    memset(f, 0, sizeof *f);
    f->f32 = f32;
    f->precision = precision;
    f->sign_plus = sign_plus;
    f->exp_size = -1;
}

static void float_stat(Stats *s, double x) {
    s->n++;
    if (isnan(x)) {
        s->has_nan = 1;
        return;
    }
    if (isinf(x)) {
        s->has_inf = 1;
        if (x < 0) s->neg_inf = 1;
        return;
    }
    s->nfinite++;
    double a = fabs(x);
    if (a == 0) return;
    if (!s->nonzero || a > s->maxabs) s->maxabs = a;
    if (!s->nonzero || a < s->minabs) s->minabs = a;
    s->nonzero = 1;
}

static void float_decide(FloatFmt *f, const Stats *s, int suppress) {
    if (s->nonzero) {
        double mx = s->maxabs, mn = s->minabs;
        if (f->f32) mx = (float)mx, mn = (float)mn;
        double ratio = f->f32 == P_F16 ? dt_half_to_double(dt_half_from_double((float)(mx / mn)))
                       : f->f32        ? (float)(mx / mn)
                                       : mx / mn;
        if (mx >= 1e8 || (!suppress && (mn < 0.0001 || ratio > 1000.)))
            f->exp_format = 1;
    }
    if (f->exp_format) f->precision = 0; /* becomes the widest fraction measured */
}

/* The first pass over one finite value: widths. */
static void float_measure(FloatFmt *f, double x, int prec) {
    char ip[400], fp[400];
    if (!isfinite(x)) return;
    if (f->exp_format) {
        int e;
        fmt_sci(x, f->f32, prec, f->sign_plus, ip, fp, &e);
        char eb[16];
        int el = snprintf(eb, sizeof eb, "%02d", abs(e));
        if (el > f->exp_size) f->exp_size = el;
        if ((int)strlen(fp) > f->precision) f->precision = (int)strlen(fp);
        if ((int)strlen(ip) > f->pad_left) f->pad_left = (int)strlen(ip);
    } else {
        fmt_pos(x, f->f32, prec, f->sign_plus, 0, ip, fp);
        if ((int)strlen(ip) > f->pad_left) f->pad_left = (int)strlen(ip);
        if ((int)strlen(fp) > f->pad_right) f->pad_right = (int)strlen(fp);
    }
}

static void float_finish(FloatFmt *f, const Stats *s) {
    if (s->nfinite == 0) {
        f->pad_left = f->pad_right = 0;
        f->exp_size = -1;
        f->min_digits = 0;
        f->exp_format = 0;
    } else if (f->exp_format) {
        f->min_digits = f->precision;
        f->pad_right = f->exp_size + 2 + f->precision;
    } else {
        f->min_digits = 0;
    }
    if (s->nfinite != s->n) {
        int neginf = f->sign_plus || s->neg_inf;
        int offset = f->pad_right + 1;
        if (3 - offset > f->pad_left) f->pad_left = 3 - offset;
        if (3 + neginf - offset > f->pad_left) f->pad_left = 3 + neginf - offset;
    }
}

static int float_format(const FloatFmt *f, double x, SBuf *out) {
    char ip[400], fp[400];
    if (!isfinite(x)) {
        const char *s = isnan(x) ? (f->sign_plus ? "+nan" : "nan")
                        : x < 0 ? "-inf" : f->sign_plus ? "+inf" : "inf";
        int w = f->pad_left + f->pad_right + 1 - (int)strlen(s);
        return sb_fill(out, ' ', w > 0 ? (size_t)w : 0) || sb_puts(out, s);
    }
    if (f->exp_format) {
        /* min_digits == precision: Dragon4 generates exactly that many digits of the exact
         * value (for float32 they can go past the shortest round-trip digits) */
        char buf[64];
        snprintf(buf, sizeof buf, "%.*e", f->precision, fabs(x));
        char *ep = strchr(buf, 'e'), *dot = strchr(buf, '.');
        int e = atoi(ep + 1);
        char *o = ip;
        if (signbit(x)) *o++ = '-';
        else if (f->sign_plus) *o++ = '+';
        *o++ = buf[0];
        *o = 0;
        size_t fl0 = dot ? (size_t)(ep - dot - 1) : 0;
        memcpy(fp, dot ? dot + 1 : "", fl0);
        fp[fl0] = 0;
        int l = (int)strlen(ip), fl = (int)strlen(fp);
        if (sb_fill(out, ' ', l < f->pad_left ? (size_t)(f->pad_left - l) : 0) || sb_puts(out, ip)
            || sb_putc(out, '.') || sb_puts(out, fp)
            || sb_fill(out, '0', fl < f->min_digits ? (size_t)(f->min_digits - fl) : 0))
            return -1;
        return sb_printf(out, "e%c%0*d", e < 0 ? '-' : '+', f->exp_size > 2 ? f->exp_size : 2,
                         abs(e));
    }
    fmt_pos(x, f->f32, f->precision, f->sign_plus, 1, ip, fp);
    int l = (int)strlen(ip), fl = (int)strlen(fp);
    return sb_fill(out, ' ', l < f->pad_left ? (size_t)(f->pad_left - l) : 0) || sb_puts(out, ip)
           || sb_putc(out, '.') || sb_puts(out, fp)
           || sb_fill(out, ' ', fl < f->pad_right ? (size_t)(f->pad_right - fl) : 0);
}

/* ---------------------------------------------------------------- the element formatter */

typedef struct Fmt {
    const ArrObj *a;
    int dtype;
    FloatFmt re, im;
    Stats sre, sim;
    int64_t imax, imin;
    uint64_t umax;
    int intwidth, any;
    int summary, edge;
    const PrintOpts *po;
} Fmt;

typedef void (*Visit)(Fmt *f, const char *p, int pass);

static void visit_elem(Fmt *f, const char *p, int pass) {
    char k = arr_dtypes[f->dtype].kind;
    if (k == 'f' || k == 'c') {
        Complex z = dt_to_complex(f->dtype, p);
        if (pass == 0) {
            float_stat(&f->sre, z.re);
            if (k == 'c') float_stat(&f->sim, z.im);
        } else {
            float_measure(&f->re, z.re, f->po->precision);
            if (k == 'c') float_measure(&f->im, z.im, f->po->precision);
        }
    } else if (k == 'i' || k == 'b') {
        int64_t v = dt_to_int64(f->dtype, p);
        if (!f->any || v > f->imax) f->imax = v;
        if (!f->any || v < f->imin) f->imin = v;
        f->any = 1;
    } else {
        uint64_t v = f->dtype == DT_UINT64 ? *(const uint64_t *)p : (uint64_t)dt_to_int64(f->dtype, p);
        if (!f->any || v > f->umax) f->umax = v;
        f->any = 1;
    }
}

/* Visits the elements that will be shown (all, or the edges of summarised axes). */
static void visit(Fmt *f, const char *p, int axis, int pass) {
    const ArrObj *a = f->a;
    if (axis == a->ndim) {
        visit_elem(f, p, pass);
        return;
    }
    int64_t n = a->shape[axis];
    int summ = f->summary && 2 * f->edge < n;
    for (int64_t i = 0; i < n; i++) {
        if (summ && i == f->edge) i = n - f->edge;
        visit(f, p + i * a->strides[axis], axis + 1, pass);
    }
}

static void fmt_prepare(Fmt *f, const ArrObj *a, const PrintOpts *po, int summary) {
    memset(f, 0, sizeof *f);
    f->a = a;
    f->dtype = a->dtype;
    f->po = po;
    f->summary = summary;
    f->edge = po->edgeitems;
    char k = arr_dtypes[a->dtype].kind;
    int f32 = a->dtype == DT_FLOAT32 || a->dtype == DT_COMPLEX64 ? P_F32
              : a->dtype == DT_FLOAT16                          ? P_F16
                                                                : P_F64;
    float_init(&f->re, f32, po->precision, 0);
    float_init(&f->im, f32, po->precision, 1);
    visit(f, a->data, 0, 0);
    if (k == 'f' || k == 'c') {
        float_decide(&f->re, &f->sre, po->suppress);
        float_decide(&f->im, &f->sim, po->suppress);
        visit(f, a->data, 0, 1);
        float_finish(&f->re, &f->sre);
        float_finish(&f->im, &f->sim);
    } else if (k == 'u') {
        char b[32];
        f->intwidth = snprintf(b, sizeof b, "%llu", (unsigned long long)f->umax);
    } else if (k == 'i') {
        char b1[32], b2[32];
        int w1 = snprintf(b1, sizeof b1, "%lld", (long long)f->imax);
        int w2 = snprintf(b2, sizeof b2, "%lld", (long long)f->imin);
        f->intwidth = w1 > w2 ? w1 : w2;
    }
}

static int fmt_elem(const Fmt *f, const char *p, SBuf *out) {
    switch (arr_dtypes[f->dtype].kind) {
    case 'b': {
        int t = *(const uint8_t *)p != 0;
        if (f->a->ndim == 0) return sb_puts(out, t ? "True" : "False");
        return sb_puts(out, t ? " True" : "False");
    }
    case 'i': return sb_printf(out, "%*lld", f->intwidth, (long long)dt_to_int64(f->dtype, p));
    case 'u': {
        uint64_t v = f->dtype == DT_UINT64 ? *(const uint64_t *)p : (uint64_t)dt_to_int64(f->dtype, p);
        return sb_printf(out, "%*llu", f->intwidth, (unsigned long long)v);
    }
    case 'f': return float_format(&f->re, dt_to_double(f->dtype, p), out);
    default: {
        Complex z = dt_to_complex(f->dtype, p);
        if (float_format(&f->re, z.re, out)) return -1;
        SBuf im = SBUF_INIT;
        if (float_format(&f->im, z.im, &im)) return sb_free(&im), -1;
        size_t sp = im.len;
        while (sp > 0 && im.s[sp - 1] == ' ') sp--;
        int r = sb_putn(out, im.s, sp) || sb_putc(out, 'j') || sb_putn(out, im.s + sp, im.len - sp);
        sb_free(&im);
        return r;
    }
    }
}

/* ---------------------------------------------------------------- _formatArray */

typedef struct Layout {
    const Fmt *f;
    const char *sep; /* ", " or " " */
    int seplen, sep_rstrip_len;
} Layout;

static int extend_line(SBuf *s, SBuf *line, const char *word, size_t wlen, int line_width,
                       int hang) {
    int wrap = (int)(line->len + wlen) > line_width;
    if ((int)line->len <= hang) wrap = 0;
    if (wrap) {
        size_t l = line->len;
        while (l > 0 && line->s[l - 1] == ' ') l--;
        if (sb_putn(s, line->s, l) || sb_putc(s, '\n')) return -1;
        line->len = 0;
        if (sb_fill(line, ' ', (size_t)hang)) return -1;
    }
    return sb_putn(line, word, wlen);
}

/* Formats the sub-array at p from axis on into out (as Python's recurser returns it). */
static int recurse(const Layout *L, const char *p, int axis, int hang, int width, SBuf *out) {
    const ArrObj *a = L->f->a;
    int left = a->ndim - axis;
    if (left == 0) return fmt_elem(L->f, p, out);
    int64_t n = a->shape[axis];
    int summ = L->f->summary && 2 * L->f->edge < n;
    int64_t lead = summ ? L->f->edge : 0, trail = summ ? L->f->edge : n;
    SBuf s = SBUF_INIT;
    int rc = 0;
    if (left == 1) {
        int elem_width = width - (L->sep_rstrip_len > 1 ? L->sep_rstrip_len : 1);
        SBuf line = SBUF_INIT, word = SBUF_INIT;
        rc |= sb_fill(&line, ' ', (size_t)hang);
        for (int64_t j = 0; j < lead + trail && !rc; j++) {
            int64_t i = j < lead ? j : n - (lead + trail - j);
            if (summ && j == lead) {
                rc |= extend_line(&s, &line, "...", 3, elem_width, hang);
                rc |= sb_puts(&line, L->sep);
            }
            word.len = 0;
            rc |= recurse(L, p + i * a->strides[axis], axis + 1, hang + 1, width - 1, &word);
            rc |= extend_line(&s, &line, word.s ? word.s : "", word.len, elem_width, hang);
            if (j < lead + trail - 1) rc |= sb_puts(&line, L->sep);
        }
        rc |= sb_putn(&s, line.s ? line.s : "", line.len);
        sb_free(&line);
        sb_free(&word);
    } else {
        SBuf nested = SBUF_INIT;
        for (int64_t j = 0; j < lead + trail && !rc; j++) {
            int64_t i = j < lead ? j : n - (lead + trail - j);
            if (summ && j == lead) {
                rc |= sb_fill(&s, ' ', (size_t)hang) || sb_puts(&s, "...")
                      || sb_putn(&s, L->sep, (size_t)L->sep_rstrip_len)
                      || sb_fill(&s, '\n', (size_t)(left - 1));
            }
            nested.len = 0;
            rc |= recurse(L, p + i * a->strides[axis], axis + 1, hang + 1, width - 1, &nested);
            rc |= sb_fill(&s, ' ', (size_t)hang) || sb_putn(&s, nested.s ? nested.s : "", nested.len);
            if (j < lead + trail - 1)
                rc |= sb_putn(&s, L->sep, (size_t)L->sep_rstrip_len)
                      || sb_fill(&s, '\n', (size_t)(left - 1));
        }
        sb_free(&nested);
    }
    if (!rc) {
        size_t skip = s.len < (size_t)hang ? s.len : (size_t)hang;
        rc = sb_putc(out, '[') || sb_putn(out, s.s ? s.s + skip : "", s.len - skip)
             || sb_putc(out, ']');
    }
    sb_free(&s);
    return rc ? -1 : 0;
}

static int array2string(VM *vm, const ArrObj *a, const char *sep, int prefix_len, int width,
                        SBuf *out) {
    const PrintOpts *po = &NP(vm)->po;
    if (a->size == 0) return sb_puts(out, "[]");
    Fmt f;
    fmt_prepare(&f, a, po, a->size > po->threshold);
    Layout L = {&f, sep, (int)strlen(sep), 0};
    L.sep_rstrip_len = L.seplen;
    while (L.sep_rstrip_len > 0 && sep[L.sep_rstrip_len - 1] == ' ') L.sep_rstrip_len--;
    return recurse(&L, a->data, 0, 1 + prefix_len, width, out);
}

static int dtype_implied(int dt) {
    return dt == DT_INT64 || dt == DT_FLOAT64 || dt == DT_BOOL || dt == DT_COMPLEX128;
}

int aprint_array(VM *vm, const ArrObj *a, SBuf *out, int repr) {
    const PrintOpts *po = &NP(vm)->po;
    if (!repr) {
        if (a->ndim == 0) return aprint_scalar(vm, a, out, 0);
        return array2string(vm, a, " ", 0, po->linewidth, out) ? vm_nomem(vm), -1 : 0;
    }
    size_t start = out->len;
    int skip = dtype_implied(a->dtype) && a->size > 0;
    int rc = sb_puts(out, "array(");
    if (a->size > 0 || (a->ndim == 1 && a->shape[0] == 0)) {
        rc |= array2string(vm, a, ", ", 6, po->linewidth - 1, out);
    } else {
        rc |= sb_puts(out, "[], shape=(");
        for (int i = 0; i < a->ndim; i++)
            rc |= sb_printf(out, i ? ", %lld" : "%lld", (long long)a->shape[i]);
        rc |= sb_puts(out, a->ndim == 1 ? ",)" : ")");
    }
    if (skip) {
        rc |= sb_putc(out, ')');
    } else {
        rc |= sb_putc(out, ',');
        const char *nl = memrchr(out->s + start, '\n', out->len - start);
        size_t last = out->len - (nl ? (size_t)(nl + 1 - out->s) : start);
        const char *name = arr_dtypes[a->dtype].name;
        if ((int)(last + strlen(name) + 7 + 1) > po->linewidth) rc |= sb_puts(out, "\n      ");
        else rc |= sb_putc(out, ' ');
        rc |= sb_printf(out, "dtype=%s)", name);
    }
    if (rc) vm_nomem(vm);
    return rc ? -1 : 0;
}

/* Python-style repr of a float32 or float16 value (f32: P_F32 or P_F16): shortest digits of
 * that type; dpt_zeros drops a bare ".0" (NumPy's DptZeros, for complex parts), sign_plus
 * writes '+' on non-negative values. */
static int small_repr(double x, int f32, int dpt_zeros, int sign_plus, SBuf *out) {
    if (isnan(x)) return sb_puts(out, sign_plus ? "+nan" : "nan");
    if (isinf(x)) return sb_puts(out, x < 0 ? "-inf" : sign_plus ? "+inf" : "inf");
    char d[40];
    int e, n = shortest(x, f32, d, &e);
    if (sb_puts(out, signbit(x) ? "-" : sign_plus ? "+" : "")) return -1;
    if (e < -4 || e >= 16) {
        if (sb_putc(out, d[0])) return -1;
        if (n > 1 && (sb_putc(out, '.') || sb_putn(out, d + 1, (size_t)(n - 1)))) return -1;
        return sb_printf(out, "e%c%02d", e < 0 ? '-' : '+', abs(e));
    }
    char ip[64], fp[64];
    fmt_pos(fabs(x), f32, 64, 0, 0, ip, fp);
    if (dpt_zeros && !fp[0]) return sb_puts(out, ip);
    return sb_puts(out, ip) || sb_putc(out, '.') || sb_puts(out, fp[0] ? fp : "0");
}

/* NumPy's repr of a complex64 scalar: float32 parts, as Python writes complex numbers. */
static int complex64_repr(Complex z, SBuf *out) {
    if (z.re == 0 && !signbit(z.re))
        return small_repr(z.im, P_F32, 1, 0, out) || sb_putc(out, 'j');
    return sb_putc(out, '(') || small_repr(z.re, P_F32, 1, 0, out)
           || small_repr(z.im, P_F32, 1, 1, out) || sb_puts(out, "j)");
}

int aprint_scalar(VM *vm, const ArrObj *a, SBuf *out, int repr) {
    (void)repr;
    char buf[96];
    int rc;
    switch (arr_dtypes[a->dtype].kind) {
    case 'b': rc = sb_puts(out, *(const uint8_t *)a->data ? "True" : "False"); break;
    case 'i': rc = sb_printf(out, "%lld", (long long)dt_to_int64(a->dtype, a->data)); break;
    case 'u':
        rc = sb_printf(out, "%llu", a->dtype == DT_UINT64
                                        ? (unsigned long long)*(const uint64_t *)a->data
                                        : (unsigned long long)dt_to_int64(a->dtype, a->data));
        break;
    case 'f':
        if (a->dtype == DT_FLOAT32 || a->dtype == DT_FLOAT16) {
            rc = small_repr(dt_to_double(a->dtype, a->data), a->dtype == DT_FLOAT32 ? P_F32 : P_F16,
                            0, 0, out);
        } else {
            numfmt_repr_double(*(const double *)a->data, buf);
            rc = sb_puts(out, buf);
        }
        break;
    default: {
        Complex z = dt_to_complex(a->dtype, a->data);
        if (a->dtype == DT_COMPLEX64) {
            rc = complex64_repr(z, out);
            break;
        }
        numfmt_repr_complex(z.re, z.im, buf);
        rc = sb_puts(out, buf);
    }
    }
    if (rc) vm_nomem(vm);
    return rc ? -1 : 0;
}

/* ---------------------------------------------------------------- set_printoptions */

static Value f_set_printoptions(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "set_printoptions", "|precision,threshold,edgeitems,linewidth,suppress,"
                  "floatmode", argc, argv, kw, a))
        return ERRV;
    PrintOpts po = NP(vm)->po;
    int64_t v;
    if (!IS_NULL(a[0]) && a[0].tag != T_NONE) {
        if (obj_index(vm, a[0], &v, "precision must be an integer, not '%s'")) return ERRV;
        po.precision = (int)v;
    }
    if (!IS_NULL(a[1]) && a[1].tag != T_NONE) {
        if (a[1].tag == T_FLOAT) po.threshold = isinf(a[1].u.f) ? INT64_MAX : (int64_t)a[1].u.f;
        else if (obj_index(vm, a[1], &v, "threshold must be numeric, not '%s'")) return ERRV;
        else po.threshold = v;
    }
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE) {
        if (obj_index(vm, a[2], &v, "edgeitems must be an integer, not '%s'")) return ERRV;
        po.edgeitems = (int)v;
    }
    if (!IS_NULL(a[3]) && a[3].tag != T_NONE) {
        if (obj_index(vm, a[3], &v, "linewidth must be an integer, not '%s'")) return ERRV;
        po.linewidth = (int)v;
    }
    if (!IS_NULL(a[4]) && a[4].tag != T_NONE) {
        int t = obj_truth(vm, a[4]);
        if (t < 0) return ERRV;
        po.suppress = t;
    }
    NP(vm)->po = po;
    return v_none();
}

static Value f_get_printoptions(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)argv, (void)kw;
    const PrintOpts *po = &NP(vm)->po;
    DictObj *d = dict_new(vm);
    if (!d) return ERRV;
    if (dict_set_str(vm, d, "edgeitems", v_int(po->edgeitems))
        || dict_set_str(vm, d, "threshold", v_int(po->threshold))
        || dict_set_str(vm, d, "precision", v_int(po->precision))
        || dict_set_str(vm, d, "linewidth", v_int(po->linewidth))
        || dict_set_str(vm, d, "suppress", v_bool(po->suppress))) {
        decref(v_obj(d));
        return ERRV;
    }
    return v_obj(d);
}

static Value f_array2string(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "array2string", "a|separator", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_from_any(vm, a[0], -1);
    if (!x) return ERRV;
    const char *sep = IS_KIND(a[1], K_STR) ? AS(StrObj, a[1])->s : " ";
    SBuf b = SBUF_INIT;
    int rc = array2string(vm, x, sep, 0, NP(vm)->po.linewidth, &b);
    decref(v_obj(x));
    if (rc) {
        sb_free(&b);
        return vm_nomem(vm);
    }
    return str_from_sbuf(vm, &b);
}

static const BuiltinDef PRINT_FUNCS[] = {
    {"set_printoptions", f_set_printoptions,
     "(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None)",
     "Sets how arrays print."},
    {"get_printoptions", f_get_printoptions, "()", "The current print options."},
    {"array2string", f_array2string, "(a, separator=' ')", "An array as a string."},
    {NULL, NULL, NULL, NULL},
};

int aprint_init(VM *vm, ModuleObj *m) {
    PrintOpts *po = &NP(vm)->po;
    po->precision = 8;
    po->threshold = 1000;
    po->edgeitems = 3;
    po->linewidth = 75;
    po->suppress = 0;
    return module_add_funcs(vm, m, PRINT_FUNCS);
}
