/* strmethods.c: the methods of str (capitalize ... zfill), str.format and `fmt % args`.
 * Strings are UTF-8; every index and count a user sees is in code points. Case mapping and
 * character classes come from tables generated from CPython's Unicode database
 * (unicode_tables.h, scripts/gen_unicode_tables.py). */
#include "strmethods.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bigint.h"
#include "numfmt.h"
#include "object.h"

/* ------------------------------------------------------------------------------------------ */
/* Argument checking shared by the method tables                                             */

static const char *plural(int n) { return n == 1 ? "" : "s"; }

static int nkw(const KwArgs *kw) { return kw ? kw->n : 0; }

int meth_check(VM *vm, MethArgs style, const char *tname, const char *name, int argc, int min,
               int max, const KwArgs *kw) {
    if (nkw(kw) > 0) {
        vm_raise(vm, vm->E.TypeError, "%s.%s() takes no keyword arguments", tname, name);
        return -1;
    }
    if (argc >= min && argc <= max) return 0;
    switch (style) {
    case MA_NOARGS:
        vm_raise(vm, vm->E.TypeError, "%s.%s() takes no arguments (%d given)", tname, name, argc);
        break;
    case MA_O:
        vm_raise(vm, vm->E.TypeError, "%s.%s() takes exactly one argument (%d given)", tname,
                 name, argc);
        break;
    case MA_CLINIC:
        if (min == max)
            vm_raise(vm, vm->E.TypeError, "%s expected %d argument%s, got %d", name, min,
                     plural(min), argc);
        else if (argc < min)
            vm_raise(vm, vm->E.TypeError, "%s expected at least %d argument%s, got %d", name,
                     min, plural(min), argc);
        else
            vm_raise(vm, vm->E.TypeError, "%s expected at most %d argument%s, got %d", name, max,
                     plural(max), argc);
        break;
    case MA_OLD:
        if (argc < min)
            vm_raise(vm, vm->E.TypeError, "%s() takes at least %d argument%s (%d given)", name,
                     min, plural(min), argc);
        else
            vm_raise(vm, vm->E.TypeError, "%s() takes at most %d argument%s (%d given)", name,
                     max, plural(max), argc);
        break;
    }
    return -1;
}

int meth_bind(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
              const char *const *names, int nnames, int npos, Value *out) {
    for (int i = 0; i < nnames; i++) out[i] = v_null();
    if (npos == 0 && argc > 0) {
        vm_raise(vm, vm->E.TypeError, "%s() takes no positional arguments", name);
        return -1;
    }
    if (argc + nkw(kw) > nnames || argc > npos) {
        int max = argc > npos ? npos : nnames;
        vm_raise(vm, vm->E.TypeError, "%s() takes at most %d argument%s (%d given)", name, max,
                 plural(max), argc + nkw(kw));
        return -1;
    }
    for (int i = 0; i < argc; i++) out[i] = argv[i];
    for (int k = 0; k < nkw(kw); k++) {
        const char *kn = AS(StrObj, kw->names[k])->s;
        int j = 0;
        while (j < nnames && strcmp(names[j], kn) != 0) j++;
        if (j == nnames) {
            vm_raise(vm, vm->E.TypeError, "'%s' is an invalid keyword argument for %s()", kn,
                     name);
            return -1;
        }
        if (!IS_NULL(out[j])) {
            vm_raise(vm, vm->E.TypeError, "argument for %s() given by name ('%s') and position "
                     "(%d)", name, kn, j + 1);
            return -1;
        }
        out[j] = kw->values[k];
    }
    return 0;
}

int meth_ssize(VM *vm, Value v, int64_t *out) {
    if (v.tag == T_INT || v.tag == T_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (IS_KIND(v, K_BIGINT)) {
        vm_raise(vm, vm->E.OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (IS_KIND(v, K_NATIVE))
        return obj_index(vm, v, out, "'%s' object cannot be interpreted as an integer");
    vm_raise(vm, vm->E.TypeError, "'%s' object cannot be interpreted as an integer",
             type_name(vm, v));
    return -1;
}

Value meth_key_error(VM *vm, Value key) {
    Value args = tuple_pack(vm, 1, key);
    if (IS_ERR(args)) return args;
    Value e = exc_new(vm, vm->E.KeyError, args);
    decref(args);
    if (IS_ERR(e)) return e;
    vm_raise_value(vm, e);
    decref(e);
    return ERRV;
}

/* ------------------------------------------------------------------------------------------ */
/* UTF-8 and character classes                                                                */

static uint32_t u8_next(const char *s, size_t *i) {
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t c = p[0];
    if (c < 0x80) {
        *i += 1;
        return c;
    }
    if (c < 0xE0) {
        *i += 2;
        return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *i += 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    *i += 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

/* The code point ending just before byte *i; moves *i to its start. */
static uint32_t u8_prev(const char *s, size_t *i) {
    size_t j = *i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80) j--;
    *i = j;
    size_t k = j;
    return u8_next(s, &k);
}

static int sb_putcp(SBuf *b, uint32_t c) {
    char t[4];
    if (c < 0x80) return sb_putc(b, (char)c);
    if (c < 0x800) {
        t[0] = (char)(0xC0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3F));
        return sb_putn(b, t, 2);
    }
    if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F));
        return sb_putn(b, t, 3);
    }
    t[0] = (char)(0xF0 | (c >> 18));
    t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    t[3] = (char)(0x80 | (c & 0x3F));
    return sb_putn(b, t, 4);
}

/* Unicode properties and case mappings of CPython's Unicode database, generated. */
#include "unicode_tables.h"

#define NELEM(tab) (sizeof(tab) / sizeof((tab)[0]))

static unsigned uc_props(uint32_t c) {
    size_t lo = 0, hi = NELEM(uc_props_tab); /* the last run starting at or before c */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (uc_props_tab[mid].start <= c) lo = mid;
        else hi = mid;
    }
    return uc_props_tab[lo].flags;
}

/* c mapped through a case table, or -1 when the table has no entry for c. */
static int64_t uc_map(const UcCaseRange *tab, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tab[mid].hi < c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == n || c < tab[lo].lo) return -1;
    const UcCaseRange *r = &tab[lo];
    if (r->kind != UC_ALL && (c & 1u) != (r->kind == UC_ODD ? 1u : 0u)) return -1;
    return (int64_t)c + r->delta;
}
#define UC_MAP(tab, c) uc_map((tab), NELEM(tab), (c))

static const UcSpecial *uc_special(uint32_t c, char kind) {
    size_t lo = 0, hi = NELEM(uc_special_tab);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const UcSpecial *e = &uc_special_tab[mid];
        if (e->cp < c || (e->cp == c && e->kind < kind)) lo = mid + 1;
        else hi = mid;
    }
    if (lo < NELEM(uc_special_tab) && uc_special_tab[lo].cp == c &&
        uc_special_tab[lo].kind == kind)
        return &uc_special_tab[lo];
    return NULL;
}

/* The full case mapping of c ('L'ower, 'U'pper, 'T'itle, 'F'old) into out; returns its
 * length, 1 to 3. Title and fold fall back to upper and lower where they agree. */
static int uc_full(uint32_t c, char kind, uint32_t out[3]) {
    if (c < 0x80) {
        out[0] = (kind == 'L' || kind == 'F') ? ((c >= 'A' && c <= 'Z') ? c + 32 : c)
                                              : ((c >= 'a' && c <= 'z') ? c - 32 : c);
        return 1;
    }
    const UcSpecial *sp = uc_special(c, kind);
    if (sp) {
        for (int i = 0; i < sp->n; i++) out[i] = sp->to[i];
        return sp->n;
    }
    int64_t m = -1;
    if (kind == 'T') m = UC_MAP(uc_title_tab, c);
    else if (kind == 'F') m = UC_MAP(uc_fold_tab, c);
    if (m < 0) m = (kind == 'L' || kind == 'F') ? UC_MAP(uc_lower_tab, c) : UC_MAP(uc_upper_tab, c);
    out[0] = m < 0 ? c : (uint32_t)m;
    return 1;
}

static int cp_has(uint32_t c, unsigned flag) { return (uc_props(c) & flag) != 0; }
static int cp_isupper(uint32_t c) { return cp_has(c, UC_UPPER); }
static int cp_islower(uint32_t c) { return cp_has(c, UC_LOWER); }
static int cp_istitle(uint32_t c) { return cp_has(c, UC_TITLE); }
static int cp_iscased(uint32_t c) { return cp_has(c, UC_CASED); }
static int cp_isignorable(uint32_t c) { return cp_has(c, UC_IGNORABLE); }
static int cp_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    return cp_has(c, UC_ALPHA);
}
static int cp_isdecimal(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return cp_has(c, UC_DECIMAL);
}
static int cp_isdigit(uint32_t c) { return cp_has(c, UC_DIGIT); }
static int cp_isnumeric(uint32_t c) { return cp_has(c, UC_NUMERIC); }
static int cp_isalnum(uint32_t c) {
    return cp_has(c, UC_ALPHA | UC_DECIMAL | UC_DIGIT | UC_NUMERIC);
}
static int cp_isspace(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return cp_has(c, UC_SPACE);
}
static int cp_isprintable(uint32_t c) { return cp_has(c, UC_PRINTABLE); }
int str_cp_printable(uint32_t c) { return cp_isprintable(c); }
static int cp_islinebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
           c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* ------------------------------------------------------------------------------------------ */
/* complex() from a string                                                                    */

/* The ASCII digit for a decimal digit c (decimal runs start at a zero, see the generator). */
static char decimal_digit(uint32_t c) {
    size_t lo = 0, hi = NELEM(uc_props_tab);
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (uc_props_tab[mid].start <= c) lo = mid;
        else hi = mid;
    }
    return (char)('0' + (c - uc_props_tab[lo].start) % 10);
}

/* CPython's _PyUnicode_TransformDecimalAndSpaceToASCII then its underscore rule (only between
 * digits, dropped): s as ASCII in out (NUL-terminated, other non-ASCII becomes '?'). Returns
 * the length, or -1 when an underscore is misplaced. */
static int64_t number_ascii(const StrObj *s, char *out) {
    size_t i = 0, n = 0;
    char prev = 0;
    while (i < s->len) {
        uint32_t c = u8_next(s->s, &i);
        char ch = c < 0x80 ? (char)c : cp_isspace(c) ? ' ' : cp_isdecimal(c) ? decimal_digit(c)
                                                                               : '?';
        if (ch == '_' ? !(prev >= '0' && prev <= '9')
                      : (prev == '_' && !(ch >= '0' && ch <= '9')))
            return -1;
        if (ch != '_') out[n++] = ch;
        prev = ch;
    }
    out[n] = '\0';
    return prev == '_' ? -1 : (int64_t)n;
}

/* Like PyOS_string_to_double(s, &end): the float at the start of s (sign, digits, '.',
 * exponent, inf, infinity, nan; no leading space) in *d; returns its length, 0 for none. */
static size_t float_prefix(char *s, double *d) {
    size_t i = (s[0] == '+' || s[0] == '-'), nd = 0;
    if (strncasecmp(s + i, "inf", 3) == 0)
        i += strncasecmp(s + i, "infinity", 8) == 0 ? 8 : 3;
    else if (strncasecmp(s + i, "nan", 3) == 0)
        i += 3;
    else {
        for (; s[i] >= '0' && s[i] <= '9'; i++) nd++;
        if (s[i] == '.')
            for (i++; s[i] >= '0' && s[i] <= '9'; i++) nd++;
        if (nd == 0) return 0;
        if (s[i] == 'e' || s[i] == 'E') {
            size_t j = i + 1 + (s[i + 1] == '+' || s[i + 1] == '-');
            if (s[j] >= '0' && s[j] <= '9') {
                while (s[j] >= '0' && s[j] <= '9') j++;
                i = j;
            }
        }
    }
    char save = s[i];
    s[i] = '\0';
    *d = strtod(s, NULL);
    s[i] = save;
    return i;
}

static int is_j(char c) { return c == 'j' || c == 'J'; }

/* complex_from_string_inner: <float>, <float>j, <float><signed-float>j, <float><sign>j,
 * <sign>j or j, optionally in parentheses, surrounded by spaces. */
static int parse_complex(char *s, double *re, double *im) {
    double x = 0, y = 0, z;
    int bracket = 0;
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    if (*s == '(') {
        bracket = 1;
        for (s++; *s == ' ' || (*s >= '\t' && *s <= '\r');) s++;
    }
    size_t n = float_prefix(s, &z);
    if (n > 0) {
        s += n;
        if (*s == '+' || *s == '-') {
            x = z;
            n = float_prefix(s, &y);
            if (n > 0) s += n;
            else y = *s++ == '+' ? 1.0 : -1.0;
            if (!is_j(*s++)) return -1;
        } else if (is_j(*s)) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (*s == '+' || *s == '-') y = *s++ == '+' ? 1.0 : -1.0;
        if (!is_j(*s++)) return -1;
    }
    while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    if (bracket) {
        if (*s++ != ')') return -1;
        while (*s == ' ' || (*s >= '\t' && *s <= '\r')) s++;
    }
    if (*s) return -1;
    *re = x;
    *im = y;
    return 0;
}

int str_to_complex(const StrObj *s, double *re, double *im) {
    char small[128], *buf = s->len < sizeof small ? small : malloc(s->len + 1);
    if (!buf) return -3;
    int64_t n = number_ascii(s, buf);
    int rc = n < 0 ? -2 : (size_t)n != strlen(buf) ? -1 : parse_complex(buf, re, im);
    if (buf != small) free(buf);
    return rc;
}

/* ------------------------------------------------------------------------------------------ */
/* Small helpers                                                                               */

#define SELF AS(StrObj, argv[0])

static Value nomem(VM *vm, SBuf *b) {
    sb_free(b);
    return vm_nomem(vm);
}

static Value finish(VM *vm, SBuf *b) { return str_from_sbuf(vm, b); }

static int is_str(Value v) { return IS_KIND(v, K_STR); }

/* The type name in an Argument Clinic "must be str, not X" message: None reads "None". */
static const char *clinic_type_name(VM *vm, Value v) {
    return v.tag == T_NONE ? "None" : type_name(vm, v);
}

/* Type check for an argument that must be a str: "must be str, not int". */
static StrObj *want_str(VM *vm, Value v) {
    if (is_str(v)) return AS(StrObj, v);
    vm_raise(vm, vm->E.TypeError, "must be str, not %s", type_name(vm, v));
    return NULL;
}

/* A slice bound of find/count/...: None or an int. */
static int slice_bound(VM *vm, Value v, int64_t *out) {
    if (IS_NULL(v) || v.tag == T_NONE) return 0;
    if (v.tag == T_INT || v.tag == T_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (IS_KIND(v, K_BIGINT)) {
        *out = AS(BigIntObj, v)->b->sign < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
        return 0;
    }
    if (IS_KIND(v, K_NATIVE))
        return obj_index(vm, v, out, "slice indices must be integers or None or have an "
                                     "__index__ method%.0s");
    vm_raise(vm, vm->E.TypeError,
             "slice indices must be integers or None or have an __index__ method");
    return -1;
}

/* Clamps [start, end) to [0, len] like CPython's ADJUST_INDICES (start may exceed end). */
static void adjust(int64_t *start, int64_t *end, int64_t len) {
    if (*end > len) *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0) *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) *start = 0;
    }
}

static size_t boff(const StrObj *s, int64_t i) {
    if (s->nchars == s->len) return (size_t)i;
    return str_offset(s, (size_t)i);
}

static int64_t cpidx(const StrObj *s, size_t byte) {
    if (s->nchars == s->len) return (int64_t)byte;
    return (int64_t)utf8_count(s->s, byte);
}

/* Position (code points) of sub in s[start:end], searching forward (dir 1) or backward;
 * -1 when absent. start/end already adjusted. */
static int64_t find_in(const StrObj *s, const StrObj *sub, int64_t start, int64_t end, int dir) {
    if (end - start < (int64_t)sub->nchars) return -1;
    if (sub->len == 0) return dir > 0 ? start : end;
    size_t b0 = boff(s, start), b1 = boff(s, end);
    if (b1 - b0 < sub->len) return -1;
    if (dir > 0) {
        const char *p = memmem(s->s + b0, b1 - b0, sub->s, sub->len);
        return p ? cpidx(s, (size_t)(p - s->s)) : -1;
    }
    for (size_t i = b1 - sub->len + 1; i-- > b0;)
        if (memcmp(s->s + i, sub->s, sub->len) == 0) return cpidx(s, i);
    return -1;
}

/* Parses (sub[, start[, end]]) for find/rfind/index/rindex/count. */
static int find_args(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                     StrObj **sub, int64_t *start, int64_t *end) {
    if (meth_check(vm, MA_OLD, "str", name, argc - 1, 1, 3, kw)) return -1;
    *sub = want_str(vm, argv[1]);
    if (!*sub) return -1;
    *start = 0;
    *end = INT64_MAX / 2;
    if (argc > 2 && slice_bound(vm, argv[2], start)) return -1;
    if (argc > 3 && slice_bound(vm, argv[3], end)) return -1;
    adjust(start, end, (int64_t)SELF->nchars);
    return 0;
}

static Value find_common(VM *vm, const char *name, int argc, const Value *argv,
                         const KwArgs *kw, int dir, int raise) {
    StrObj *sub;
    int64_t start, end;
    if (find_args(vm, name, argc, argv, kw, &sub, &start, &end)) return ERRV;
    int64_t r = find_in(SELF, sub, start, end, dir);
    if (r < 0 && raise) return vm_raise(vm, vm->E.ValueError, "substring not found");
    return v_int(r);
}

static Value m_find(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return find_common(vm, "find", argc, argv, kw, 1, 0);
}
static Value m_rfind(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return find_common(vm, "rfind", argc, argv, kw, -1, 0);
}
static Value m_index(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return find_common(vm, "index", argc, argv, kw, 1, 1);
}
static Value m_rindex(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return find_common(vm, "rindex", argc, argv, kw, -1, 1);
}

static Value m_count(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    StrObj *sub;
    int64_t start, end;
    if (find_args(vm, "count", argc, argv, kw, &sub, &start, &end)) return ERRV;
    if (end < start) return v_int(0);
    if (sub->len == 0) return v_int(end - start + 1);
    size_t b0 = boff(SELF, start), b1 = boff(SELF, end);
    int64_t n = 0;
    while (b1 - b0 >= sub->len) {
        const char *p = memmem(SELF->s + b0, b1 - b0, sub->s, sub->len);
        if (!p) break;
        n++;
        b0 = (size_t)(p - SELF->s) + sub->len;
    }
    return v_int(n);
}

/* startswith/endswith: prefix is a str or a tuple of str. */
static int match_at(const StrObj *s, const StrObj *p, int64_t start, int64_t end, int tail) {
    if (end - start < (int64_t)p->nchars) return 0;
    if (start > (int64_t)s->nchars) return 0;
    size_t b0 = boff(s, start), b1 = boff(s, end);
    if (b1 - b0 < p->len) return 0;
    size_t at = tail ? b1 - p->len : b0;
    return memcmp(s->s + at, p->s, p->len) == 0;
}

static Value affix_common(VM *vm, const char *name, int argc, const Value *argv,
                          const KwArgs *kw, int tail) {
    if (meth_check(vm, MA_OLD, "str", name, argc - 1, 1, 3, kw)) return ERRV;
    int64_t start = 0, end = INT64_MAX / 2;
    if (argc > 2 && slice_bound(vm, argv[2], &start)) return ERRV;
    if (argc > 3 && slice_bound(vm, argv[3], &end)) return ERRV;
    adjust(&start, &end, (int64_t)SELF->nchars);
    Value p = argv[1];
    if (is_str(p)) return v_bool(match_at(SELF, AS(StrObj, p), start, end, tail));
    if (!IS_KIND(p, K_TUPLE))
        return vm_raise(vm, vm->E.TypeError,
                        "%s first arg must be str or a tuple of str, not %s", name,
                        type_name(vm, p));
    TupleObj *t = AS(TupleObj, p);
    for (size_t i = 0; i < t->len; i++) {
        if (!is_str(t->items[i]))
            return vm_raise(vm, vm->E.TypeError, "tuple for %s must only contain str, not %s",
                            name, type_name(vm, t->items[i]));
        if (match_at(SELF, AS(StrObj, t->items[i]), start, end, tail)) return v_bool(1);
    }
    return v_bool(0);
}

static Value m_startswith(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return affix_common(vm, "startswith", argc, argv, kw, 0);
}
static Value m_endswith(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return affix_common(vm, "endswith", argc, argv, kw, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Case conversions                                                                           */

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_FOLD, CASE_TITLE, CASE_CAPITALIZE };

static int put_cps(SBuf *b, const uint32_t *cps, int n) {
    for (int i = 0; i < n; i++)
        if (sb_putcp(b, cps[i])) return -1;
    return 0;
}

/* CPython's handle_capital_sigma: U+03A3 at s[at..next) lowers to final sigma when a cased
 * character precedes it and none follows, case-ignorable characters skipped both ways. */
static uint32_t sigma_lower(const StrObj *s, size_t at, size_t next) {
    uint32_t c = 0;
    size_t j = at;
    int found = 0;
    while (j > 0) {
        c = u8_prev(s->s, &j);
        if (!cp_isignorable(c)) {
            found = 1;
            break;
        }
    }
    if (!found || !cp_iscased(c)) return 0x3C3;
    j = next;
    while (j < s->len) {
        c = u8_next(s->s, &j);
        if (!cp_isignorable(c)) return cp_iscased(c) ? 0x3C3 : 0x3C2;
    }
    return 0x3C2;
}

/* Appends the full lower case of c, found at s[at..next) (final sigma needs the neighbours). */
static int put_lower(SBuf *b, const StrObj *s, size_t at, size_t next, uint32_t c) {
    if (c == 0x3A3) return sb_putcp(b, sigma_lower(s, at, next));
    uint32_t m[3];
    return put_cps(b, m, uc_full(c, 'L', m));
}

/* Appends the full mapping of kind 'U', 'T' or 'F' of c. */
static int put_mapped(SBuf *b, uint32_t c, char kind) {
    uint32_t m[3];
    return put_cps(b, m, uc_full(c, kind, m));
}

static Value convert_case(VM *vm, const StrObj *s, int how) {
    SBuf b = SBUF_INIT;
    int prev_cased = 0, first = 1;
    size_t i = 0;
    while (i < s->len) {
        size_t at = i;
        uint32_t c = u8_next(s->s, &i);
        int r;
        switch (how) {
        case CASE_LOWER: r = put_lower(&b, s, at, i, c); break;
        case CASE_UPPER: r = put_mapped(&b, c, 'U'); break;
        case CASE_FOLD: r = put_mapped(&b, c, 'F'); break;
        case CASE_SWAP:
            r = cp_isupper(c) ? put_lower(&b, s, at, i, c)
                : cp_islower(c) ? put_mapped(&b, c, 'U') : sb_putcp(&b, c);
            break;
        case CASE_TITLE:
            r = prev_cased ? put_lower(&b, s, at, i, c) : put_mapped(&b, c, 'T');
            prev_cased = cp_iscased(c);
            break;
        default: /* CASE_CAPITALIZE */
            r = first ? put_mapped(&b, c, 'T') : put_lower(&b, s, at, i, c);
            break;
        }
        first = 0;
        if (r) return nomem(vm, &b);
    }
    return finish(vm, &b);
}

#define CASE_METHOD(fname, pyname, how)                                                        \
    static Value fname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {                \
        if (meth_check(vm, MA_NOARGS, "str", pyname, argc - 1, 0, 0, kw)) return ERRV;         \
        return convert_case(vm, SELF, how);                                                    \
    }
CASE_METHOD(m_lower, "lower", CASE_LOWER)
CASE_METHOD(m_upper, "upper", CASE_UPPER)
CASE_METHOD(m_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(m_casefold, "casefold", CASE_FOLD)
CASE_METHOD(m_title, "title", CASE_TITLE)
CASE_METHOD(m_capitalize, "capitalize", CASE_CAPITALIZE)

/* ------------------------------------------------------------------------------------------ */
/* Predicates                                                                                 */

/* All code points satisfy pred, and the string is not empty. */
static int all_cp(const StrObj *s, int (*pred)(uint32_t)) {
    if (s->len == 0) return 0;
    size_t i = 0;
    while (i < s->len)
        if (!pred(u8_next(s->s, &i))) return 0;
    return 1;
}

#define PRED_METHOD(fname, pyname, pred)                                                       \
    static Value fname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {                \
        if (meth_check(vm, MA_NOARGS, "str", pyname, argc - 1, 0, 0, kw)) return ERRV;         \
        return v_bool(all_cp(SELF, pred));                                                     \
    }
PRED_METHOD(m_isalnum, "isalnum", cp_isalnum)
PRED_METHOD(m_isalpha, "isalpha", cp_isalpha)
PRED_METHOD(m_isdecimal, "isdecimal", cp_isdecimal)
PRED_METHOD(m_isdigit, "isdigit", cp_isdigit)
PRED_METHOD(m_isnumeric, "isnumeric", cp_isnumeric)
PRED_METHOD(m_isspace, "isspace", cp_isspace)

static Value m_isprintable(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "str", "isprintable", argc - 1, 0, 0, kw)) return ERRV;
    size_t i = 0;
    while (i < SELF->len)
        if (!cp_isprintable(u8_next(SELF->s, &i))) return v_bool(0);
    return v_bool(1);
}

static Value m_isascii(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "str", "isascii", argc - 1, 0, 0, kw)) return ERRV;
    return v_bool(SELF->len == SELF->nchars);
}

/* islower/isupper: some cased character and none of the opposite case. */
static Value case_pred(VM *vm, int argc, const Value *argv, const KwArgs *kw, int upper) {
    if (meth_check(vm, MA_NOARGS, "str", upper ? "isupper" : "islower", argc - 1, 0, 0, kw))
        return ERRV;
    int cased = 0;
    size_t i = 0;
    while (i < SELF->len) {
        uint32_t c = u8_next(SELF->s, &i);
        if (cp_istitle(c) || (upper ? cp_islower(c) : cp_isupper(c))) return v_bool(0);
        if (upper ? cp_isupper(c) : cp_islower(c)) cased = 1;
    }
    return v_bool(cased);
}
static Value m_islower(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return case_pred(vm, argc, argv, kw, 0);
}
static Value m_isupper(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return case_pred(vm, argc, argv, kw, 1);
}

static Value m_istitle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "str", "istitle", argc - 1, 0, 0, kw)) return ERRV;
    int cased = 0, prev_cased = 0;
    size_t i = 0;
    while (i < SELF->len) {
        uint32_t c = u8_next(SELF->s, &i);
        if (cp_isupper(c) || cp_istitle(c)) {
            if (prev_cased) return v_bool(0);
            prev_cased = cased = 1;
        } else if (cp_islower(c)) {
            if (!prev_cased) return v_bool(0);
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return v_bool(cased);
}

static Value m_isidentifier(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "str", "isidentifier", argc - 1, 0, 0, kw)) return ERRV;
    if (SELF->len == 0) return v_bool(0);
    size_t i = 0;
    uint32_t c = u8_next(SELF->s, &i);
    if (c != '_' && !cp_has(c, UC_XID_START)) return v_bool(0);
    while (i < SELF->len)
        if (!cp_has(u8_next(SELF->s, &i), UC_XID_CONTINUE)) return v_bool(0);
    return v_bool(1);
}

/* ------------------------------------------------------------------------------------------ */
/* Padding                                                                                    */

/* The fill character argument: exactly one code point, UTF-8 in fill[0..*n). */
static int fill_arg(VM *vm, Value v, char fill[4], size_t *n) {
    if (IS_NULL(v)) {
        fill[0] = ' ';
        *n = 1;
        return 0;
    }
    if (!is_str(v)) {
        vm_raise(vm, vm->E.TypeError, "The fill character must be a unicode character, not %s",
                 type_name(vm, v));
        return -1;
    }
    const StrObj *f = AS(StrObj, v);
    if (f->nchars != 1) {
        vm_raise(vm, vm->E.TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    memcpy(fill, f->s, f->len);
    *n = f->len;
    return 0;
}

static int put_fill(SBuf *b, const char *fill, size_t n, int64_t times) {
    if (n == 1) return sb_fill(b, fill[0], (size_t)times);
    for (int64_t i = 0; i < times; i++)
        if (sb_putn(b, fill, n)) return -1;
    return 0;
}

/* ljust (align 0), rjust (2) and center (1). */
static Value pad_common(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
                        int align) {
    if (meth_check(vm, MA_CLINIC, "str", name, argc - 1, 1, 2, kw)) return ERRV;
    int64_t width;
    char fill[4];
    size_t fn;
    if (meth_ssize(vm, argv[1], &width)) return ERRV;
    if (fill_arg(vm, argc > 2 ? argv[2] : v_null(), fill, &fn)) return ERRV;
    int64_t len = (int64_t)SELF->nchars;
    if (width <= len) return vref(argv[0]);
    int64_t marg = width - len, left;
    if (align == 0) left = 0;
    else if (align == 2) left = marg;
    else left = marg / 2 + (marg & width & 1);
    SBuf b = SBUF_INIT;
    if (put_fill(&b, fill, fn, left) || sb_putn(&b, SELF->s, SELF->len) ||
        put_fill(&b, fill, fn, marg - left))
        return nomem(vm, &b);
    return finish(vm, &b);
}

static Value m_ljust(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pad_common(vm, "ljust", argc, argv, kw, 0);
}
static Value m_center(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pad_common(vm, "center", argc, argv, kw, 1);
}
static Value m_rjust(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return pad_common(vm, "rjust", argc, argv, kw, 2);
}

static Value m_zfill(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "str", "zfill", argc - 1, 1, 1, kw)) return ERRV;
    int64_t width;
    if (meth_ssize(vm, argv[1], &width)) return ERRV;
    int64_t len = (int64_t)SELF->nchars;
    if (width <= len) return vref(argv[0]);
    SBuf b = SBUF_INIT;
    size_t skip = 0;
    if (SELF->len > 0 && (SELF->s[0] == '+' || SELF->s[0] == '-')) {
        skip = 1;
        if (sb_putc(&b, SELF->s[0])) return nomem(vm, &b);
    }
    if (sb_fill(&b, '0', (size_t)(width - len)) ||
        sb_putn(&b, SELF->s + skip, SELF->len - skip))
        return nomem(vm, &b);
    return finish(vm, &b);
}

static Value m_expandtabs(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"tabsize"};
    Value a[1];
    if (meth_bind(vm, "expandtabs", argc - 1, argv + 1, kw, names, 1, 1, a)) return ERRV;
    int64_t ts = 8;
    if (!IS_NULL(a[0]) && meth_ssize(vm, a[0], &ts)) return ERRV;
    SBuf b = SBUF_INIT;
    int64_t col = 0;
    size_t i = 0;
    while (i < SELF->len) {
        size_t at = i;
        uint32_t c = u8_next(SELF->s, &i);
        int r;
        if (c == '\t') {
            int64_t n = ts > 0 ? ts - col % ts : 0;
            r = sb_fill(&b, ' ', (size_t)n);
            col += n;
        } else {
            r = sb_putn(&b, SELF->s + at, i - at);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (r) return nomem(vm, &b);
    }
    return finish(vm, &b);
}

/* ------------------------------------------------------------------------------------------ */
/* Stripping                                                                                  */

static int in_chars(uint32_t c, const StrObj *chars) {
    if (!chars) return cp_isspace(c);
    size_t i = 0;
    while (i < chars->len)
        if (u8_next(chars->s, &i) == c) return 1;
    return 0;
}

/* which: 1 left, 2 right, 3 both. */
static Value strip_common(VM *vm, const char *name, int argc, const Value *argv,
                          const KwArgs *kw, int which) {
    if (meth_check(vm, MA_CLINIC, "str", name, argc - 1, 0, 1, kw)) return ERRV;
    const StrObj *chars = NULL;
    if (argc > 1 && argv[1].tag != T_NONE) {
        if (!is_str(argv[1]))
            return vm_raise(vm, vm->E.TypeError, "%s arg must be None or str", name);
        chars = AS(StrObj, argv[1]);
    }
    const StrObj *s = SELF;
    size_t lo = 0, hi = s->len;
    if (which & 1) {
        while (lo < hi) {
            size_t j = lo;
            if (!in_chars(u8_next(s->s, &j), chars)) break;
            lo = j;
        }
    }
    if (which & 2) {
        while (hi > lo) {
            size_t j = hi;
            if (!in_chars(u8_prev(s->s, &j), chars)) break;
            hi = j;
        }
    }
    if (lo == 0 && hi == s->len) return vref(argv[0]);
    return str_value(vm, s->s + lo, hi - lo);
}

static Value m_strip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return strip_common(vm, "strip", argc, argv, kw, 3);
}
static Value m_lstrip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return strip_common(vm, "lstrip", argc, argv, kw, 1);
}
static Value m_rstrip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return strip_common(vm, "rstrip", argc, argv, kw, 2);
}

static Value affix_remove(VM *vm, const char *name, int argc, const Value *argv,
                          const KwArgs *kw, int tail) {
    if (meth_check(vm, MA_O, "str", name, argc - 1, 1, 1, kw)) return ERRV;
    if (!is_str(argv[1]))
        return vm_raise(vm, vm->E.TypeError, "%s() argument must be str, not %s", name,
                        clinic_type_name(vm, argv[1]));
    const StrObj *s = SELF, *p = AS(StrObj, argv[1]);
    if (p->len == 0 || p->len > s->len) return vref(argv[0]);
    if (memcmp(s->s + (tail ? s->len - p->len : 0), p->s, p->len) != 0) return vref(argv[0]);
    return str_value(vm, s->s + (tail ? 0 : p->len), s->len - p->len);
}

static Value m_removeprefix(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return affix_remove(vm, "removeprefix", argc, argv, kw, 0);
}
static Value m_removesuffix(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return affix_remove(vm, "removesuffix", argc, argv, kw, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* Splitting and joining                                                                      */

static int push_piece(VM *vm, ListObj *l, const char *p, size_t n) {
    Value v = str_value(vm, p, n);
    if (IS_ERR(v)) return -1;
    int r = list_append(vm, l, v);
    decref(v);
    return r;
}

/* Whitespace split, forward. */
static int split_ws(VM *vm, const StrObj *s, int64_t maxsplit, ListObj *out) {
    size_t i = 0, n = s->len;
    while (1) {
        while (i < n) { /* skip whitespace */
            size_t j = i;
            if (!cp_isspace(u8_next(s->s, &j))) break;
            i = j;
        }
        if (i >= n) return 0;
        if (maxsplit == 0) return push_piece(vm, out, s->s + i, n - i);
        size_t start = i;
        while (i < n) {
            size_t j = i;
            if (cp_isspace(u8_next(s->s, &j))) break;
            i = j;
        }
        if (push_piece(vm, out, s->s + start, i - start)) return -1;
        if (maxsplit > 0) maxsplit--;
    }
}

/* Whitespace split from the right; pieces are collected reversed. */
static int rsplit_ws(VM *vm, const StrObj *s, int64_t maxsplit, ListObj *out) {
    size_t i = s->len;
    while (1) {
        while (i > 0) {
            size_t j = i;
            if (!cp_isspace(u8_prev(s->s, &j))) break;
            i = j;
        }
        if (i == 0) return 0;
        if (maxsplit == 0) return push_piece(vm, out, s->s, i);
        size_t end = i;
        while (i > 0) {
            size_t j = i;
            if (cp_isspace(u8_prev(s->s, &j))) break;
            i = j;
        }
        if (push_piece(vm, out, s->s + i, end - i)) return -1;
        if (maxsplit > 0) maxsplit--;
    }
}

static int split_sep(VM *vm, const StrObj *s, const StrObj *sep, int64_t maxsplit,
                     ListObj *out) {
    size_t i = 0;
    while (maxsplit != 0) {
        const char *p = memmem(s->s + i, s->len - i, sep->s, sep->len);
        if (!p) break;
        if (push_piece(vm, out, s->s + i, (size_t)(p - s->s) - i)) return -1;
        i = (size_t)(p - s->s) + sep->len;
        if (maxsplit > 0) maxsplit--;
    }
    return push_piece(vm, out, s->s + i, s->len - i);
}

static int rsplit_sep(VM *vm, const StrObj *s, const StrObj *sep, int64_t maxsplit,
                      ListObj *out) {
    size_t end = s->len;
    while (maxsplit != 0 && end >= sep->len) {
        size_t i = end - sep->len + 1, found = (size_t)-1;
        while (i-- > 0)
            if (memcmp(s->s + i, sep->s, sep->len) == 0) {
                found = i;
                break;
            }
        if (found == (size_t)-1) break;
        if (push_piece(vm, out, s->s + found + sep->len, end - found - sep->len)) return -1;
        end = found;
        if (maxsplit > 0) maxsplit--;
    }
    return push_piece(vm, out, s->s, end);
}

static void list_reverse_items(ListObj *l) {
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
}

static Value split_common(VM *vm, const char *name, int argc, const Value *argv,
                          const KwArgs *kw, int right) {
    static const char *const names[] = {"sep", "maxsplit"};
    Value a[2];
    if (meth_bind(vm, name, argc - 1, argv + 1, kw, names, 2, 2, a)) return ERRV;
    const StrObj *sep = NULL;
    int64_t maxsplit = -1;
    if (!IS_NULL(a[0]) && a[0].tag != T_NONE) {
        if (!is_str(a[0]))
            return vm_raise(vm, vm->E.TypeError, "must be str or None, not %s",
                            type_name(vm, a[0]));
        sep = AS(StrObj, a[0]);
        if (sep->len == 0) return vm_raise(vm, vm->E.ValueError, "empty separator");
    }
    if (!IS_NULL(a[1]) && meth_ssize(vm, a[1], &maxsplit)) return ERRV;
    ListObj *out = list_new(vm, 0);
    if (!out) return ERRV;
    int r;
    if (sep) r = right ? rsplit_sep(vm, SELF, sep, maxsplit, out)
                       : split_sep(vm, SELF, sep, maxsplit, out);
    else r = right ? rsplit_ws(vm, SELF, maxsplit, out) : split_ws(vm, SELF, maxsplit, out);
    if (r) {
        decref(v_obj(out));
        return ERRV;
    }
    if (right) list_reverse_items(out);
    return v_obj(out);
}

static Value m_split(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return split_common(vm, "split", argc, argv, kw, 0);
}
static Value m_rsplit(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return split_common(vm, "rsplit", argc, argv, kw, 1);
}

static Value m_splitlines(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"keepends"};
    Value a[1];
    if (meth_bind(vm, "splitlines", argc - 1, argv + 1, kw, names, 1, 1, a)) return ERRV;
    int64_t keep = 0;
    if (!IS_NULL(a[0]) && meth_ssize(vm, a[0], &keep)) return ERRV;
    ListObj *out = list_new(vm, 0);
    if (!out) return ERRV;
    const StrObj *s = SELF;
    size_t i = 0, start = 0;
    while (i < s->len) {
        size_t at = i;
        uint32_t c = u8_next(s->s, &i);
        if (!cp_islinebreak(c)) continue;
        if (c == '\r' && i < s->len && s->s[i] == '\n') i++;
        if (push_piece(vm, out, s->s + start, (keep ? i : at) - start)) {
            decref(v_obj(out));
            return ERRV;
        }
        start = i;
    }
    if (start < s->len && push_piece(vm, out, s->s + start, s->len - start)) {
        decref(v_obj(out));
        return ERRV;
    }
    return v_obj(out);
}

/* partition (dir 1) / rpartition (dir -1). */
static Value partition_common(VM *vm, const char *name, int argc, const Value *argv,
                              const KwArgs *kw, int dir) {
    if (meth_check(vm, MA_O, "str", name, argc - 1, 1, 1, kw)) return ERRV;
    StrObj *sep = want_str(vm, argv[1]);
    if (!sep) return ERRV;
    if (sep->len == 0) return vm_raise(vm, vm->E.ValueError, "empty separator");
    const StrObj *s = SELF;
    int64_t at = find_in(s, sep, 0, (int64_t)s->nchars, dir);
    Value empty = str_value(vm, "", 0);
    if (IS_ERR(empty)) return empty;
    Value r;
    if (at < 0) {
        r = dir > 0 ? tuple_pack(vm, 3, argv[0], empty, empty)
                    : tuple_pack(vm, 3, empty, empty, argv[0]);
    } else {
        size_t b = boff(s, at);
        Value head = str_value(vm, s->s, b);
        Value tail = str_value(vm, s->s + b + sep->len, s->len - b - sep->len);
        r = IS_ERR(head) || IS_ERR(tail) ? ERRV : tuple_pack(vm, 3, head, argv[1], tail);
        decref(head);
        decref(tail);
    }
    decref(empty);
    return r;
}

static Value m_partition(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return partition_common(vm, "partition", argc, argv, kw, 1);
}
static Value m_rpartition(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return partition_common(vm, "rpartition", argc, argv, kw, -1);
}

static int exc_is(VM *vm, TypeObj *cls) {
    return IS_KIND(vm->exc, K_EXC) && AS(ExcObj, vm->exc)->cls == cls;
}

/* Collects the items of an iterable for join; TypeError "can only join an iterable". */
static ListObj *join_items(VM *vm, Value iterable) {
    if (IS_KIND(iterable, K_LIST) || IS_KIND(iterable, K_TUPLE)) {
        incref(iterable);
        return AS(ListObj, iterable);
    }
    Value it = obj_iter(vm, iterable);
    if (IS_ERR(it)) {
        if (exc_is(vm, vm->E.TypeError)) {
            decref(vm_take_exc(vm));
            vm_raise(vm, vm->E.TypeError, "can only join an iterable");
        }
        return NULL;
    }
    ListObj *l = obj_to_list(vm, it);
    decref(it);
    return l;
}

static Value m_join(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "str", "join", argc - 1, 1, 1, kw)) return ERRV;
    ListObj *l = join_items(vm, argv[1]);
    if (!l) return ERRV;
    SBuf b = SBUF_INIT;
    Value r = ERRV;
    for (size_t i = 0; i < l->len; i++) {
        Value x = l->items[i];
        if (!is_str(x)) {
            vm_raise(vm, vm->E.TypeError, "sequence item %zu: expected str instance, %s found",
                     i, type_name(vm, x));
            goto done;
        }
        if ((i > 0 && sb_putn(&b, SELF->s, SELF->len)) ||
            sb_putn(&b, AS(StrObj, x)->s, AS(StrObj, x)->len)) {
            vm_nomem(vm);
            goto done;
        }
    }
    r = finish(vm, &b);
done:
    sb_free(&b);
    decref(v_obj(l));
    return r;
}

static Value m_replace(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "str", "replace", argc - 1, 2, 3, kw)) return ERRV;
    for (int k = 1; k <= 2; k++)
        if (!is_str(argv[k]))
            return vm_raise(vm, vm->E.TypeError, "replace() argument %d must be str, not %s", k,
                            clinic_type_name(vm, argv[k]));
    int64_t count = -1;
    if (argc > 3 && meth_ssize(vm, argv[3], &count)) return ERRV;
    const StrObj *s = SELF, *old = AS(StrObj, argv[1]), *new = AS(StrObj, argv[2]);
    SBuf b = SBUF_INIT;
    size_t i = 0;
    if (old->len == 0) { /* insert new before every character and at the end */
        while (count != 0 && i <= s->len) {
            if (sb_putn(&b, new->s, new->len)) return nomem(vm, &b);
            if (count > 0) count--;
            if (i == s->len) {
                i++;
                break;
            }
            size_t j = i;
            u8_next(s->s, &j);
            if (sb_putn(&b, s->s + i, j - i)) return nomem(vm, &b);
            i = j;
        }
        if (i < s->len && sb_putn(&b, s->s + i, s->len - i)) return nomem(vm, &b);
        return finish(vm, &b);
    }
    while (count != 0) {
        const char *p = memmem(s->s + i, s->len - i, old->s, old->len);
        if (!p) break;
        size_t at = (size_t)(p - s->s);
        if (sb_putn(&b, s->s + i, at - i) || sb_putn(&b, new->s, new->len))
            return nomem(vm, &b);
        i = at + old->len;
        if (count > 0) count--;
    }
    if (sb_putn(&b, s->s + i, s->len - i)) return nomem(vm, &b);
    return finish(vm, &b);
}

static Value m_encode(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"encoding", "errors"};
    Value a[2];
    if (meth_bind(vm, "encode", argc - 1, argv + 1, kw, names, 2, 2, a)) return ERRV;
    return vm_raise(vm, vm->E.NotImplementedError, "bytes are not supported");
}

/* ------------------------------------------------------------------------------------------ */
/* str.format and str.format_map                                                              */

typedef struct FmtCtx {
    const Value *args; /* positional arguments */
    int nargs;
    const KwArgs *kw;
    Value mapping; /* format_map's argument, T_NULL for format */
    int mode;      /* 0 undecided, 1 automatic numbering, 2 manual */
    int next;      /* next automatic index */
} FmtCtx;

static int all_digits(const char *s, size_t n) {
    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int64_t parse_digits(const char *s, size_t n) {
    int64_t v = 0;
    for (size_t i = 0; i < n && v < INT64_MAX / 10 - 10; i++) v = v * 10 + (s[i] - '0');
    return v;
}

/* The argument named by the first part of a field name (empty: automatic numbering). */
static Value fmt_lookup(VM *vm, FmtCtx *c, const char *name, size_t n) {
    int64_t idx = -1;
    if (n == 0) {
        if (c->mode == 2)
            return vm_raise(vm, vm->E.ValueError, "cannot switch from manual field "
                            "specification to automatic field numbering");
        c->mode = 1;
        idx = c->next++;
    } else if (all_digits(name, n)) {
        if (c->mode == 1)
            return vm_raise(vm, vm->E.ValueError, "cannot switch from automatic field "
                            "numbering to manual field specification");
        c->mode = 2;
        idx = parse_digits(name, n);
    }
    if (idx >= 0) {
        if (!IS_NULL(c->mapping))
            return vm_raise(vm, vm->E.ValueError, "Format string contains positional fields");
        if (idx >= c->nargs)
            return vm_raise(vm, vm->E.IndexError, "Replacement index %lld out of range for "
                            "positional args tuple", (long long)idx);
        return vref(c->args[idx]);
    }
    Value key = str_value(vm, name, n);
    if (IS_ERR(key)) return key;
    Value r;
    if (!IS_NULL(c->mapping)) {
        r = obj_getitem(vm, c->mapping, key);
    } else {
        r = v_null();
        for (int k = 0; c->kw && k < c->kw->n; k++)
            if (str_eq(AS(StrObj, c->kw->names[k]), AS(StrObj, key))) r = vref(c->kw->values[k]);
        if (IS_NULL(r)) r = meth_key_error(vm, key);
    }
    decref(key);
    return r;
}

/* Applies the ".attr" and "[key]" accessors in s[0..n) to v (consumed). */
static Value fmt_access(VM *vm, Value v, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && !IS_ERR(v)) {
        Value nv;
        if (s[i] == '.') {
            size_t j = ++i;
            while (j < n && s[j] != '.' && s[j] != '[') j++;
            if (j == i) {
                decref(v);
                return vm_raise(vm, vm->E.ValueError, "Empty attribute in format string");
            }
            StrObj *name = str_intern(vm, s + i, j - i);
            nv = name ? obj_getattr(vm, v, name) : ERRV;
            i = j;
        } else if (s[i] == '[') {
            size_t j = ++i;
            while (j < n && s[j] != ']') j++;
            if (j >= n) {
                decref(v);
                return vm_raise(vm, vm->E.ValueError, "Missing ']' in format string");
            }
            if (j == i) {
                decref(v);
                return vm_raise(vm, vm->E.ValueError, "Empty attribute in format string");
            }
            Value key = all_digits(s + i, j - i) ? v_int(parse_digits(s + i, j - i))
                                                  : str_value(vm, s + i, j - i);
            nv = IS_ERR(key) ? key : obj_getitem(vm, v, key);
            decref(key);
            i = j + 1;
            if (i < n && s[i] != '.' && s[i] != '[') {
                decref(v);
                decref(nv);
                return vm_raise(vm, vm->E.ValueError, "Only '.' or '[' may follow ']' in "
                                "format field specifier");
            }
        } else {
            decref(v);
            return vm_raise(vm, vm->E.ValueError, "Only '.' or '[' may follow ']' in format "
                            "field specifier");
        }
        decref(v);
        v = nv;
    }
    return v;
}

static int fmt_render(VM *vm, FmtCtx *c, const char *s, size_t n, int depth, SBuf *out);

/* One replacement field as CPython's parse_field splits it: name, conversion and spec. */
typedef struct FmtField {
    const char *name, *spec;
    size_t nname, nspec;
    char conv; /* 0: none */
} FmtField;

/* The spec after ':' in s[*i..n): runs to the '}' matching the field's '{'. */
static int fmt_scan_spec(VM *vm, const char *s, size_t n, size_t *i, FmtField *ff) {
    ff->spec = s + *i;
    int count = 1;
    while (*i < n) {
        char ch = s[(*i)++];
        if (ch == '{') count++;
        else if (ch == '}' && --count == 0) {
            ff->nspec = (size_t)(s + *i - 1 - ff->spec);
            return 0;
        }
    }
    vm_raise(vm, vm->E.ValueError, "unmatched '{' in format spec");
    return -1;
}

/* Parses the field that starts at s[*i] (just after its '{') like CPython's parse_field and
 * moves *i past its closing '}'. 0, or -1 with ValueError raised. */
static int fmt_scan_field(VM *vm, const char *s, size_t n, size_t *i, FmtField *ff) {
    char ch = 0;
    ff->name = s + *i;
    ff->spec = s + n;
    ff->nspec = 0;
    ff->conv = 0;
    while (*i < n) {
        ch = s[(*i)++];
        if (ch == '{') {
            vm_raise(vm, vm->E.ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (ch == '[') {
            while (*i < n && s[*i] != ']') (*i)++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') break;
    }
    ff->nname = (size_t)(s + *i - ff->name) - (ch == '}' || ch == ':' || ch == '!');
    if (ch == '!') {
        if (*i >= n) {
            vm_raise(vm, vm->E.ValueError, "end of string while looking for conversion "
                     "specifier");
            return -1;
        }
        ff->conv = s[(*i)++];
        if (*i < n) {
            ch = s[(*i)++];
            if (ch == '}') return 0;
            if (ch != ':') {
                vm_raise(vm, vm->E.ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
        return fmt_scan_spec(vm, s, n, i, ff);
    }
    if (ch == ':') return fmt_scan_spec(vm, s, n, i, ff);
    if (ch != '}') {
        vm_raise(vm, vm->E.ValueError, "expected '}' before end of string");
        return -1;
    }
    return 0;
}

/* Formats one parsed replacement field into out. */
static int fmt_field(VM *vm, FmtCtx *c, const FmtField *ff, int depth, SBuf *out) {
    const char *f = ff->name;
    size_t name_end = ff->nname, first = 0;
    while (first < name_end && f[first] != '.' && f[first] != '[') first++;
    char conv = ff->conv;
    const char *spec = ff->spec;
    size_t nspec = ff->nspec;
    Value v = fmt_lookup(vm, c, f, first);
    if (IS_ERR(v)) return -1;
    v = fmt_access(vm, v, f + first, name_end - first);
    if (IS_ERR(v)) return -1;
    if (conv) {
        Value cv;
        if (conv == 'r') cv = obj_repr(vm, v);
        else if (conv == 'a') cv = obj_ascii(vm, v);
        else if (conv == 's') cv = obj_str(vm, v);
        else {
            decref(v);
            vm_raise(vm, vm->E.ValueError, "Unknown conversion specifier %c", conv);
            return -1;
        }
        decref(v);
        v = cv;
        if (IS_ERR(v)) return -1;
    }
    SBuf sb = SBUF_INIT;
    if (memchr(spec, '{', nspec)) {
        if (depth <= 1) {
            decref(v);
            vm_raise(vm, vm->E.ValueError, "Max string recursion exceeded");
            return -1;
        }
        if (fmt_render(vm, c, spec, nspec, depth - 1, &sb)) {
            sb_free(&sb);
            decref(v);
            return -1;
        }
    } else if (sb_putn(&sb, spec, nspec)) {
        decref(v);
        vm_nomem(vm);
        return -1;
    }
    int r = 0;
    if (sb.len == 0 && is_str(v)) {
        r = sb_putn(out, AS(StrObj, v)->s, AS(StrObj, v)->len);
        if (r) vm_nomem(vm);
        sb_free(&sb);
    } else {
        Value specv = str_from_sbuf(vm, &sb);
        Value fv = IS_ERR(specv) ? ERRV : obj_format(vm, v, AS(StrObj, specv));
        decref(specv);
        if (IS_ERR(fv)) r = -1;
        else {
            r = sb_putn(out, AS(StrObj, fv)->s, AS(StrObj, fv)->len);
            if (r) vm_nomem(vm);
            decref(fv);
        }
    }
    decref(v);
    return r;
}

/* Expands s[0..n) into out; depth bounds the nesting of fields inside format specs. */
static int fmt_render(VM *vm, FmtCtx *c, const char *s, size_t n, int depth, SBuf *out) {
    size_t i = 0;
    while (i < n) {
        char ch = s[i];
        if (ch == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                if (sb_putc(out, '}')) goto nomem;
                i += 2;
                continue;
            }
            vm_raise(vm, vm->E.ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (ch != '{') {
            size_t j = i;
            while (j < n && s[j] != '{' && s[j] != '}') j++;
            if (sb_putn(out, s + i, j - i)) goto nomem;
            i = j;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            if (sb_putc(out, '{')) goto nomem;
            i += 2;
            continue;
        }
        if (i + 1 >= n) {
            vm_raise(vm, vm->E.ValueError, "Single '{' encountered in format string");
            return -1;
        }
        FmtField ff;
        i++;
        if (fmt_scan_field(vm, s, n, &i, &ff) || fmt_field(vm, c, &ff, depth, out)) return -1;
    }
    return 0;
nomem:
    vm_nomem(vm);
    return -1;
}

static Value m_format(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    FmtCtx c = {argv + 1, argc - 1, kw, v_null(), 0, 0};
    SBuf b = SBUF_INIT;
    if (fmt_render(vm, &c, SELF->s, SELF->len, 2, &b)) {
        sb_free(&b);
        return ERRV;
    }
    return finish(vm, &b);
}

static Value m_format_map(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "str", "format_map", argc - 1, 1, 1, kw)) return ERRV;
    FmtCtx c = {NULL, 0, NULL, argv[1], 0, 0};
    SBuf b = SBUF_INIT;
    if (fmt_render(vm, &c, SELF->s, SELF->len, 2, &b)) {
        sb_free(&b);
        return ERRV;
    }
    return finish(vm, &b);
}

/* ------------------------------------------------------------------------------------------ */
/* fmt % args                                                                                 */

typedef struct PctCtx {
    Value args;
    int64_t argidx, arglen; /* arglen -1: a single non-tuple argument */
    Value dict;             /* mapping for %(name)s, T_NULL otherwise */
} PctCtx;

static Value pct_next(VM *vm, PctCtx *c) {
    if (c->argidx < c->arglen) {
        int64_t i = c->argidx++;
        return c->arglen < 0 ? c->args : AS(TupleObj, c->args)->items[i];
    }
    return vm_raise(vm, vm->E.TypeError, "not enough arguments for format string");
}

/* The int for %d %i %u %o %x %X: ints as they are, floats truncated for the decimal ones. */
static Value pct_int_value(VM *vm, Value v, uint32_t conv) {
    int decimal = conv == 'd' || conv == 'i' || conv == 'u';
    if (is_int(v)) return vref(v);
    if (decimal && v.tag == T_FLOAT) return int_from_double(vm, v.u.f);
    if (IS_KIND(v, K_NATIVE)) {
        if (decimal) return obj_call(vm, v_obj(vm->t_int), 1, &v, NULL);
        int64_t x;
        if (obj_index(vm, v, &x, "%%x format: an integer is required, not %s")) return ERRV;
        return v_int(x);
    }
    if (decimal)
        return vm_raise(vm, vm->E.TypeError, "%%%c format: a real number is required, not %s",
                        (char)conv, type_name(vm, v));
    return vm_raise(vm, vm->E.TypeError, "%%%c format: an integer is required, not %s",
                    (char)conv, type_name(vm, v));
}

static int pct_int(VM *vm, Value v, const NumfmtPercent *p, SBuf *out) {
    Value iv = pct_int_value(vm, v, p->conv);
    if (IS_ERR(iv)) return -1;
    int r;
    if (iv.tag != T_OBJ) {
        r = numfmt_percent_int64(out, p, iv.u.i);
    } else {
        SBuf digits = SBUF_INIT;
        if (int_sb(vm, iv, numfmt_percent_int_base(p), &digits)) {
            sb_free(&digits);
            decref(iv);
            return -1;
        }
        int neg = digits.len > 0 && digits.s[0] == '-';
        r = numfmt_percent_int_digits(out, p, neg, digits.s + neg, digits.len - (size_t)neg);
        sb_free(&digits);
    }
    decref(iv);
    if (r) vm_nomem(vm);
    return r ? -1 : 0;
}

static int pct_float(VM *vm, Value v, const NumfmtPercent *p, SBuf *out) {
    double d;
    if (v.tag == T_FLOAT) d = v.u.f;
    else if (is_int(v) || IS_KIND(v, K_NATIVE)) {
        if (obj_to_double(vm, v, &d)) return -1;
    } else {
        vm_raise(vm, vm->E.TypeError, "must be real number, not %s", type_name(vm, v));
        return -1;
    }
    if (numfmt_percent_double(out, p, d)) {
        vm_nomem(vm);
        return -1;
    }
    return 0;
}

/* %s %r %a and %c: the text of the argument, then width and precision. */
static int pct_text(VM *vm, Value v, const NumfmtPercent *p, SBuf *out) {
    Value s;
    if (p->conv == 'c') {
        if (is_str(v) && AS(StrObj, v)->nchars == 1) {
            s = vref(v);
        } else if (v.tag == T_INT || v.tag == T_BOOL || IS_KIND(v, K_BIGINT)) {
            if (v.tag == T_OBJ || v.u.i < 0 || v.u.i > 0x10FFFF) {
                vm_raise(vm, vm->E.OverflowError, "%%c arg not in range(0x110000)");
                return -1;
            }
            SBuf ch = SBUF_INIT;
            if (sb_putcp(&ch, (uint32_t)v.u.i)) {
                nomem(vm, &ch);
                return -1;
            }
            s = finish(vm, &ch);
        } else {
            vm_raise(vm, vm->E.TypeError, "%%c requires int or char");
            return -1;
        }
    } else {
        s = p->conv == 's' ? obj_str(vm, v) : p->conv == 'a' ? obj_ascii(vm, v)
                                                         : obj_repr(vm, v);
    }
    if (IS_ERR(s)) return -1;
    int r = numfmt_percent_str(out, p, AS(StrObj, s)->s, AS(StrObj, s)->len);
    decref(s);
    if (r) vm_nomem(vm);
    return r ? -1 : 0;
}

/* A '*' width or precision from the arguments. */
static int pct_star(VM *vm, PctCtx *c, NumfmtPercent *p) {
    Value v = pct_next(vm, c);
    if (IS_ERR(v)) return -1;
    if (v.tag != T_INT && v.tag != T_BOOL) {
        vm_raise(vm, vm->E.TypeError, "* wants int");
        return -1;
    }
    numfmt_percent_set_star(p, v.u.i);
    return 0;
}

/* One conversion starting after '%' at s[*i]; appends it to out. */
static int pct_one(VM *vm, PctCtx *c, const char *s, size_t n, size_t *i, SBuf *out) {
    NumfmtPercent p;
    char err[160];
    if (numfmt_percent_parse(s, n, i, &p, err, sizeof err)) {
        vm_raise(vm, vm->E.ValueError, "%s", err);
        return -1;
    }
    if (numfmt_percent_kind(&p) == NUMFMT_PK_PERCENT) {
        if (!sb_putc(out, '%')) return 0;
        vm_nomem(vm);
        return -1;
    }
    Value v = v_null();
    if (p.key_len > 0) {
        if (IS_NULL(c->dict)) {
            vm_raise(vm, vm->E.TypeError, "format requires a mapping");
            return -1;
        }
        Value key = str_value(vm, s + p.key_start, p.key_len);
        if (IS_ERR(key)) return -1;
        v = obj_getitem(vm, c->dict, key);
        decref(key);
        if (IS_ERR(v)) return -1;
        c->arglen = -1;
        c->argidx = -2;
    }
    int r = -1;
    if ((p.width_star && pct_star(vm, c, &p)) || (p.prec_star && pct_star(vm, c, &p)))
        goto done;
    if (IS_NULL(v)) {
        v = pct_next(vm, c);
        if (IS_ERR(v)) goto done;
        incref(v);
    }
    switch (numfmt_percent_kind(&p)) {
    case NUMFMT_PK_INT: r = pct_int(vm, v, &p, out); break;
    case NUMFMT_PK_FLOAT: r = pct_float(vm, v, &p, out); break;
    case NUMFMT_PK_STR:
    case NUMFMT_PK_CHAR: r = pct_text(vm, v, &p, out); break;
    default:
        numfmt_percent_unsupported(&p, err, sizeof err);
        vm_raise(vm, vm->E.ValueError, "%s", err);
        break;
    }
done:
    decref(v);
    return r;
}

Value str_percent(VM *vm, StrObj *fmt, Value args) {
    PctCtx c;
    c.args = args;
    c.dict = v_null();
    if (IS_KIND(args, K_TUPLE)) {
        c.arglen = (int64_t)AS(TupleObj, args)->len;
        c.argidx = 0;
    } else {
        c.arglen = -1;
        c.argidx = -2;
    }
    if (!IS_KIND(args, K_TUPLE) && !is_str(args) &&
        (IS_KIND(args, K_DICT) || IS_KIND(args, K_LIST) || IS_KIND(args, K_RANGE)))
        c.dict = args;
    SBuf b = SBUF_INIT;
    const char *s = fmt->s;
    size_t n = fmt->len, i = 0;
    while (i < n) {
        if (s[i] != '%') {
            size_t j = i;
            while (j < n && s[j] != '%') j++;
            if (sb_putn(&b, s + i, j - i)) return nomem(vm, &b);
            i = j;
            continue;
        }
        i++;
        if (pct_one(vm, &c, s, n, &i, &b)) {
            sb_free(&b);
            return ERRV;
        }
    }
    if (c.argidx < c.arglen && IS_NULL(c.dict)) {
        sb_free(&b);
        return vm_raise(vm, vm->E.TypeError,
                        "not all arguments converted during string formatting");
    }
    return finish(vm, &b);
}

/* ------------------------------------------------------------------------------------------ */

static const BuiltinDef str_methods[] = {
    {"capitalize", m_capitalize, "()", "Return a capitalized version of the string."},
    {"casefold", m_casefold, "()", "Return a version of the string suitable for caseless "
     "comparisons."},
    {"center", m_center, "(width, fillchar=' ', /)", "Return a centered string of length width."},
    {"count", m_count, "(sub[, start[, end]])", "Return the number of non-overlapping "
     "occurrences of substring sub in string S[start:end]."},
    {"encode", m_encode, "(encoding='utf-8', errors='strict')", "Encode the string (bytes are "
     "not supported)."},
    {"endswith", m_endswith, "(suffix[, start[, end]])", "Return True if S ends with the "
     "specified suffix, False otherwise."},
    {"expandtabs", m_expandtabs, "(tabsize=8)", "Return a copy where all tab characters are "
     "expanded using spaces."},
    {"find", m_find, "(sub[, start[, end]])", "Return the lowest index in S where substring sub "
     "is found; -1 on failure."},
    {"format", m_format, "(*args, **kwargs)", "Return a formatted version of S, using "
     "substitutions from args and kwargs."},
    {"format_map", m_format_map, "(mapping)", "Return a formatted version of S, using "
     "substitutions from mapping."},
    {"index", m_index, "(sub[, start[, end]])", "Like find() but raise ValueError when the "
     "substring is not found."},
    {"isalnum", m_isalnum, "()", "Return True if the string is an alpha-numeric string."},
    {"isalpha", m_isalpha, "()", "Return True if the string is an alphabetic string."},
    {"isascii", m_isascii, "()", "Return True if all characters in the string are ASCII."},
    {"isdecimal", m_isdecimal, "()", "Return True if the string is a decimal string."},
    {"isdigit", m_isdigit, "()", "Return True if the string is a digit string."},
    {"isidentifier", m_isidentifier, "()", "Return True if the string is a valid Python "
     "identifier."},
    {"islower", m_islower, "()", "Return True if the string is a lowercase string."},
    {"isnumeric", m_isnumeric, "()", "Return True if the string is a numeric string."},
    {"isprintable", m_isprintable, "()", "Return True if the string is printable."},
    {"isspace", m_isspace, "()", "Return True if the string is a whitespace string."},
    {"istitle", m_istitle, "()", "Return True if the string is a title-cased string."},
    {"isupper", m_isupper, "()", "Return True if the string is an uppercase string."},
    {"join", m_join, "(iterable, /)", "Concatenate any number of strings."},
    {"ljust", m_ljust, "(width, fillchar=' ', /)", "Return a left-justified string of length "
     "width."},
    {"lower", m_lower, "()", "Return a copy of the string converted to lowercase."},
    {"lstrip", m_lstrip, "(chars=None, /)", "Return a copy of the string with leading "
     "whitespace removed."},
    {"partition", m_partition, "(sep, /)", "Partition the string into three parts using the "
     "given separator."},
    {"removeprefix", m_removeprefix, "(prefix, /)", "Return a str with the given prefix "
     "string removed if present."},
    {"removesuffix", m_removesuffix, "(suffix, /)", "Return a str with the given suffix "
     "string removed if present."},
    {"replace", m_replace, "(old, new, count=-1, /)", "Return a copy with all occurrences of "
     "substring old replaced by new."},
    {"rfind", m_rfind, "(sub[, start[, end]])", "Return the highest index in S where "
     "substring sub is found; -1 on failure."},
    {"rindex", m_rindex, "(sub[, start[, end]])", "Like rfind() but raise ValueError when the "
     "substring is not found."},
    {"rjust", m_rjust, "(width, fillchar=' ', /)", "Return a right-justified string of length "
     "width."},
    {"rpartition", m_rpartition, "(sep, /)", "Partition the string into three parts using the "
     "given separator, searching from the end."},
    {"rsplit", m_rsplit, "(sep=None, maxsplit=-1)", "Return a list of the substrings in the "
     "string, splitting from the right."},
    {"rstrip", m_rstrip, "(chars=None, /)", "Return a copy of the string with trailing "
     "whitespace removed."},
    {"split", m_split, "(sep=None, maxsplit=-1)", "Return a list of the substrings in the "
     "string, using sep as the separator string."},
    {"splitlines", m_splitlines, "(keepends=False)", "Return a list of the lines in the "
     "string, breaking at line boundaries."},
    {"startswith", m_startswith, "(prefix[, start[, end]])", "Return True if S starts with "
     "the specified prefix, False otherwise."},
    {"strip", m_strip, "(chars=None, /)", "Return a copy of the string with leading and "
     "trailing whitespace removed."},
    {"swapcase", m_swapcase, "()", "Convert uppercase characters to lowercase and lowercase "
     "characters to uppercase."},
    {"title", m_title, "()", "Return a version of the string where each word is titlecased."},
    {"upper", m_upper, "()", "Return a copy of the string converted to uppercase."},
    {"zfill", m_zfill, "(width, /)", "Pad a numeric string with zeros on the left, to fill a "
     "field of the given width."},
    {NULL, NULL, NULL, NULL},
};

int str_methods_init(VM *vm) { return type_add_methods(vm, vm->types[K_STR], str_methods); }
