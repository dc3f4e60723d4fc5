/* magic.c: IPython's syntax on top of the language: `%line` and `%%cell` magics and `x?` help.
 * A cell is rewritten line for line (so line numbers in tracebacks stay right) into calls of
 * the built-ins __magic__, __cellmagic__ and __help__, which dispatch through a table of magics
 * (%time, %timeit, %who, %whos, %reset, %lsmagic; other modules such as SQL add theirs). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "containers.h"
#include "magic.h"
#include "object.h"

/* ---------------------------------------------------------------- the rewrite */

static int put_pystr(SBuf *out, const char *s, size_t n) {
    StrObj *tmp = malloc(sizeof(StrObj) + n + 1);
    if (!tmp) return -1;
    memcpy(tmp->s, s, n);
    tmp->s[n] = 0;
    tmp->len = n;
    tmp->nchars = utf8_count(s, n);
    int r = str_repr_sb(tmp, out, 0);
    free(tmp);
    return r;
}

static int is_name_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.'; }

/* `name = %magic args` : the length of the `name = ` prefix, or 0. */
static size_t assign_prefix(const char *p, size_t n) {
    size_t i = 0;
    while (i < n && (is_name_char(p[i]) || p[i] == ',' || p[i] == ' ')) i++;
    if (i == 0 || i + 1 >= n || p[i] != '=' || p[i + 1] == '=') return 0;
    i++;
    while (i < n && p[i] == ' ') i++;
    return i < n && p[i] == '%' ? i : 0;
}

static int rewrite_magic(SBuf *out, const char *p, size_t n, int cell, const char *rest,
                         size_t rest_n) {
    size_t k = 0;
    while (k < n && !isspace((unsigned char)p[k])) k++;
    size_t a = k;
    while (a < n && isspace((unsigned char)p[a])) a++;
    size_t e = n;
    while (e > a && isspace((unsigned char)p[e - 1])) e--;
    int r = sb_puts(out, cell ? "__cellmagic__(" : "__magic__(") || put_pystr(out, p, k)
            || sb_puts(out, ", ") || put_pystr(out, p + a, e - a);
    if (cell) r = r || sb_puts(out, ", ") || put_pystr(out, rest, rest_n);
    return r || sb_putc(out, ')');
}

/* `x?`, `x??`, `?x`: the name and the detail level, when the line is a help request. */
static int help_request(const char *p, size_t n, size_t *s, size_t *e, int *detail) {
    while (n && isspace((unsigned char)p[n - 1])) n--;
    if (n >= 2 && p[0] == '?') {
        *detail = n >= 3 && p[1] == '?';
        *s = (size_t)(*detail + 1);
        *e = n;
    } else if (n >= 2 && p[n - 1] == '?') {
        *detail = n >= 3 && p[n - 2] == '?';
        *s = 0;
        *e = n - 1 - (size_t)*detail;
    } else {
        return 0;
    }
    for (size_t i = *s; i < *e; i++)
        if (!is_name_char(p[i]) && p[i] != '(' && p[i] != ')') return 0;
    return *e > *s;
}

static int rewrite_line(SBuf *out, const char *line, size_t n) {
    size_t ind = 0;
    while (ind < n && (line[ind] == ' ' || line[ind] == '\t')) ind++;
    const char *p = line + ind;
    size_t m = n - ind;
    if (sb_putn(out, line, ind)) return -1;
    if (m && p[0] == '%' && !(m > 1 && p[1] == '%')) return rewrite_magic(out, p + 1, m - 1, 0, NULL, 0);
    if (m && p[0] == '!') return rewrite_magic(out, "system", 6, 0, NULL, 0) ;
    size_t pre = assign_prefix(p, m);
    if (pre) return sb_putn(out, p, pre) || rewrite_magic(out, p + pre + 1, m - pre - 1, 0, NULL, 0);
    size_t s, e;
    int detail;
    if (p[0] != '#' && help_request(p, m, &s, &e, &detail))
        return sb_puts(out, "__help__(") || put_pystr(out, p + s, e - s)
               || sb_printf(out, ", %d)", detail);
    return sb_putn(out, p, m);
}

/* Lines inside brackets or triple-quoted strings are left alone: a cheap scan that tracks
 * string literals, comments and bracket depth up to the start of each line. */
typedef struct Scan {
    int depth;
    char quote; /* 0, or the quote character of an open triple-quoted string */
} Scan;

static void scan_line(Scan *sc, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (sc->quote) {
            if (c == '\\') i++;
            else if (c == sc->quote && i + 2 < n && p[i + 1] == c && p[i + 2] == c) {
                sc->quote = 0;
                i += 2;
            }
            continue;
        }
        if (c == '#') return;
        if (c == '"' || c == '\'') {
            if (i + 2 < n && p[i + 1] == c && p[i + 2] == c) {
                sc->quote = c;
                i += 2;
                continue;
            }
            for (i++; i < n && p[i] != c; i++)
                if (p[i] == '\\') i++;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') sc->depth++;
        else if ((c == ')' || c == ']' || c == '}') && sc->depth > 0) sc->depth--;
    }
}

int magic_rewrite(const char *src, size_t len, SBuf *out, int *changed) {
    *changed = 0;
    const char *p = src, *end = src + len;
    while (p < end && (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r')) p++;
    if (end - p > 2 && p[0] == '%' && p[1] == '%') { /* a cell magic takes the whole cell */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *body = nl ? nl + 1 : end;
        *changed = 1;
        return rewrite_magic(out, p + 2, (size_t)((nl ? nl : end) - p - 2), 1, body,
                             (size_t)(end - body)) || sb_putc(out, '\n');
    }
    Scan sc = {0, 0};
    for (p = src; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        size_t before = out->len;
        int r = (sc.depth || sc.quote) ? sb_putn(out, p, n) : rewrite_line(out, p, n);
        if (r) return -1;
        if (out->len - before != n || memcmp(out->s + before, p, n)) *changed = 1;
        scan_line(&sc, p, n);
        if (nl && sb_putc(out, '\n')) return -1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* ---------------------------------------------------------------- running source */

Value magic_run_source(VM *vm, const char *src, size_t len, int want_value) {
    CodeObj *co = want_value ? compile_eval(vm, src, len, "<magic>") : NULL;
    if (!co && want_value) decref(vm_take_exc(vm)); /* not an expression: run as statements */
    if (!co) co = compile_module(vm, src, len, "<magic>", 0);
    if (!co) return ERRV;
    DictObj *g = vm->frame ? vm->frame->globals : vm->globals;
    Value r = vm_run_code(vm, co, g);
    decref(v_obj(co));
    return r;
}

/* ---------------------------------------------------------------- %time and %timeit */

static double wall_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void cpu_now(double *user, double *sys) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6;
    *sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* IPython's _format_time: "1min 5s" beyond a minute, else 3 significant digits in s, ms, µs
 * or ns. */
static void fmt_time(double t, char *buf, size_t n) {
    static const char *const units[] = {"s", "ms", "\xc2\xb5s", "ns"};
    static const double scale[] = {1, 1e3, 1e6, 1e9};
    if (t >= 60.0) {
        static const char *const suffix[] = {"d", "h", "min", "s"};
        static const double length[] = {86400, 3600, 60, 1};
        size_t used = 0;
        buf[0] = 0;
        double left = t;
        for (int i = 0; i < 4 && used < n; i++) {
            long v = (long)(left / length[i]);
            if (v > 0) {
                left = fmod(left, length[i]);
                used += (size_t)snprintf(buf + used, n - used, "%s%ld%s", used ? " " : "", v, suffix[i]);
            }
            if (left < 1) break;
        }
        return;
    }
    int order = 3;
    if (t > 0.0) {
        double fl = floor(log10(t));
        order = -(int)floor(fl / 3.0);
        if (order > 3) order = 3;
        if (order < 0) order = 0;
    }
    snprintf(buf, n, "%.3g %s", t * scale[order], units[order]);
}

static Value time_source(VM *vm, const char *src, size_t len, int want_value) {
    double u0, s0, u1, s1, w0 = wall_now();
    cpu_now(&u0, &s0);
    Value r = magic_run_source(vm, src, len, want_value);
    cpu_now(&u1, &s1);
    double wall = wall_now() - w0;
    if (IS_ERR(r)) return r;
    char a[32], b[32], c[32], d[32];
    fmt_time(u1 - u0, a, sizeof a);
    fmt_time(s1 - s0, b, sizeof b);
    fmt_time(u1 - u0 + s1 - s0, c, sizeof c);
    fmt_time(wall, d, sizeof d);
    SBuf o = SBUF_INIT;
    sb_printf(&o, "CPU times: user %s, sys: %s, total: %s\nWall time: %s\n", a, b, c, d);
    vm_write(vm, "stdout", o.s, o.len);
    sb_free(&o);
    return r;
}

static Value timeit_source(VM *vm, const char *src, size_t len, int64_t fixed_number, int repeat) {
    CodeObj *co = compile_module(vm, src, len, "<timeit>", 0);
    if (!co) return ERRV;
    DictObj *g = vm->frame ? vm->frame->globals : vm->globals;
    int64_t number = fixed_number > 0 ? fixed_number : 1;
    double t = 0;
    for (;;) { /* auto-range: grow the loop count until one run takes 0.2 s */
        double w0 = wall_now();
        for (int64_t i = 0; i < number; i++) {
            Value r = vm_run_code(vm, co, g);
            if (IS_ERR(r)) {
                decref(v_obj(co));
                return ERRV;
            }
            decref(r);
        }
        t = wall_now() - w0;
        if (fixed_number > 0 || t >= 0.2 || number >= 1000000000) break;
        number *= 10;
    }
    double runs[100], sum = 0;
    runs[0] = t / (double)number;
    for (int k = 1; k < repeat; k++) {
        double w0 = wall_now();
        for (int64_t i = 0; i < number; i++) {
            Value r = vm_run_code(vm, co, g);
            if (IS_ERR(r)) {
                decref(v_obj(co));
                return ERRV;
            }
            decref(r);
        }
        runs[k] = (wall_now() - w0) / (double)number;
    }
    decref(v_obj(co));
    for (int k = 0; k < repeat; k++) sum += runs[k];
    double mean = sum / repeat, var = 0;
    for (int k = 0; k < repeat; k++) var += (runs[k] - mean) * (runs[k] - mean);
    char a[32], b[32];
    fmt_time(mean, a, sizeof a);
    fmt_time(sqrt(var / repeat), b, sizeof b);
    SBuf o = SBUF_INIT;
    sb_printf(&o, "%s \xc2\xb1 %s per loop (mean \xc2\xb1 std. dev. of %d run%s, %lld loop%s each)\n",
              a, b, repeat, repeat == 1 ? "" : "s", (long long)number, number == 1 ? "" : "s");
    vm_write(vm, "stdout", o.s, o.len);
    sb_free(&o);
    return v_none();
}

/* ---------------------------------------------------------------- the other magics */

static int user_name(Value k, Value v) {
    if (!IS_KIND(k, K_STR)) return 0;
    const char *s = AS(StrObj, k)->s;
    return s[0] != '_' && !IS_KIND(v, K_MODULE);
}

static Value magic_who(VM *vm, int detailed) {
    DictObj *g = vm->globals;
    ListObj *names = list_new(vm, 0);
    if (!names) return ERRV;
    size_t pos = 0;
    Value k, v;
    while (dict_next(g, &pos, &k, &v))
        if (user_name(k, v) && list_append(vm, names, k)) goto fail;
    if (list_sort(vm, names, v_null(), 0)) goto fail;
    SBuf o = SBUF_INIT;
    if (names->len == 0) {
        sb_puts(&o, "Interactive namespace is empty.\n");
    } else if (!detailed) {
        for (size_t i = 0; i < names->len; i++) sb_printf(&o, "%s\t ", AS(StrObj, names->items[i])->s);
        sb_putc(&o, '\n');
    } else {
        sb_printf(&o, "%-12s %-12s %s\n", "Variable", "Type", "Data/Info");
        sb_puts(&o, "--------------------------------\n");
        for (size_t i = 0; i < names->len; i++) {
            Value val = dict_get_str(g, AS(StrObj, names->items[i]));
            SBuf r = SBUF_INIT;
            if (obj_str_sb(vm, val, &r)) decref(vm_take_exc(vm));
            for (size_t j = 0; j < r.len; j++)
                if (r.s[j] == '\n') r.s[j] = ' ';
            if (r.len > 50) {
                r.len = 50;
                r.s[50] = 0;
                sb_puts(&r, "...");
            }
            sb_printf(&o, "%-12s %-12s %s\n", AS(StrObj, names->items[i])->s, type_name(vm, val),
                      r.s ? r.s : "");
            sb_free(&r);
        }
    }
    vm_write(vm, "stdout", o.s, o.len);
    sb_free(&o);
    decref(v_obj(names));
    return v_none();
fail:
    decref(v_obj(names));
    return ERRV;
}

static Value magic_reset(VM *vm, const char *args) {
    if (!strstr(args, "-f")) {
        vm_write(vm, "stdout", "Once deleted, variables cannot be recovered. Use %reset -f to "
                 "reset without asking.\n", 86);
        return v_none();
    }
    DictObj *g = vm->globals;
    ListObj *keys = list_new(vm, 0);
    if (!keys) return ERRV;
    size_t pos = 0;
    Value k, v;
    while (dict_next(g, &pos, &k, &v))
        if (IS_KIND(k, K_STR) && strcmp(AS(StrObj, k)->s, "__name__") && list_append(vm, keys, k)) {
            decref(v_obj(keys));
            return ERRV;
        }
    for (size_t i = 0; i < keys->len; i++) dict_del(vm, g, keys->items[i]);
    decref(v_obj(keys));
    return v_none();
}

static Value magic_lsmagic(VM *vm) {
    SBuf o = SBUF_INIT;
    sb_puts(&o, "Available line magics:\n");
    for (int t = 0; t < vm->nmagic_tables; t++)
        for (const MagicDef *m = vm->magic_tables[t]; m->name; m++)
            if (m->line && strcmp(m->name, "system")) sb_printf(&o, "%%%s  ", m->name);
    sb_puts(&o, "\n\nAvailable cell magics:\n");
    for (int t = 0; t < vm->nmagic_tables; t++)
        for (const MagicDef *m = vm->magic_tables[t]; m->name; m++)
            if (m->cell) sb_printf(&o, "%%%%%s  ", m->name);
    sb_putc(&o, '\n');
    vm_write(vm, "stdout", o.s, o.len);
    sb_free(&o);
    return v_none();
}

static Value line_time(VM *vm, const char *args, const char *body) {
    (void)body;
    return time_source(vm, args, strlen(args), 1);
}
/* %timeit [-n N] [-r R] stmt */
static Value timeit_args(VM *vm, const char *args, const char *body) {
    int64_t number = 0;
    int repeat = 7;
    const char *p = args;
    while (*p == '-' && (p[1] == 'n' || p[1] == 'r')) {
        char opt = p[1];
        char *end;
        long v = strtol(p + 2, &end, 10);
        if (end == p + 2 || v <= 0) return vm_raise(vm, vm->E.ValueError, "timeit: bad -%c option", opt);
        if (opt == 'n') number = v;
        else repeat = v > 100 ? 100 : (int)v;
        p = end;
        while (*p == ' ') p++;
    }
    const char *src = body ? body : p;
    return timeit_source(vm, src, strlen(src), number, repeat);
}

static Value line_timeit(VM *vm, const char *args, const char *body) {
    (void)body;
    return timeit_args(vm, args, NULL);
}
static Value cell_time(VM *vm, const char *args, const char *body) {
    (void)args;
    Value r = time_source(vm, body, strlen(body), 0);
    if (!IS_ERR(r)) decref(r);
    return IS_ERR(r) ? r : v_none();
}
static Value cell_timeit(VM *vm, const char *args, const char *body) {
    return timeit_args(vm, args, body);
}
static Value line_who(VM *vm, const char *a, const char *b) { (void)a, (void)b; return magic_who(vm, 0); }
static Value line_whos(VM *vm, const char *a, const char *b) { (void)a, (void)b; return magic_who(vm, 1); }
static Value line_reset(VM *vm, const char *a, const char *b) { (void)b; return magic_reset(vm, a); }
static Value line_lsmagic(VM *vm, const char *a, const char *b) { (void)a, (void)b; return magic_lsmagic(vm); }
static Value line_system(VM *vm, const char *a, const char *b) {
    (void)a, (void)b;
    return vm_raise(vm, vm->E.NotImplementedError, "shell commands (!cmd) are not supported");
}

static const MagicDef BUILTIN_MAGICS[] = {
    {"time", line_time, cell_time},
    {"timeit", line_timeit, cell_timeit},
    {"who", line_who, NULL},
    {"whos", line_whos, NULL},
    {"reset", line_reset, NULL},
    {"lsmagic", line_lsmagic, NULL},
    {"system", line_system, NULL},
    {NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- dispatch */

static const MagicDef *find_magic(VM *vm, const char *name) {
    for (int t = 0; t < vm->nmagic_tables; t++)
        for (const MagicDef *m = vm->magic_tables[t]; m->name; m++)
            if (!strcmp(m->name, name)) return m;
    return NULL;
}

static Value call_magic(VM *vm, int argc, const Value *argv, const KwArgs *kw, int cell) {
    if ((kw && kw->n) || argc != 2 + cell)
        return vm_raise(vm, vm->E.TypeError, "magic called with the wrong arguments");
    for (int i = 0; i < argc; i++)
        if (!IS_KIND(argv[i], K_STR)) return vm_raise(vm, vm->E.TypeError, "magic arguments must be str");
    const char *name = AS(StrObj, argv[0])->s;
    const MagicDef *m = find_magic(vm, name);
    MagicFn fn = m ? (cell ? m->cell : m->line) : NULL;
    if (!fn)
        return vm_raise(vm, vm->E.NameError, "%s magic function `%s%s` not found.",
                        cell ? "Cell" : "Line", cell ? "%%" : "%", name);
    return fn(vm, AS(StrObj, argv[1])->s, cell ? AS(StrObj, argv[2])->s : NULL);
}

static Value bi_magic(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return call_magic(vm, argc, argv, kw, 0);
}
static Value bi_cellmagic(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return call_magic(vm, argc, argv, kw, 1);
}

static Value bi_help(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if ((kw && kw->n) || argc < 1) return vm_raise(vm, vm->E.TypeError, "help() takes one argument");
    SBuf o = SBUF_INIT;
    if (IS_KIND(argv[0], K_STR) && argc == 2) { /* x? : the name as text */
        StrObj *s = AS(StrObj, argv[0]);
        ab_bundle b = {0};
        int found = ab_inspect(vm->rt, s->s, s->len, argv[1].tag == T_INT ? (int)argv[1].u.i : 0, &b);
        if (found && b.n) sb_puts(&o, b.items[0].data);
        else sb_printf(&o, "Object `%s` not found.", s->s);
        ab_bundle_clear(&b);
    } else { /* help(obj) */
        Value g = v_obj(vm->globals);
        StrObj *tmp = str_intern(vm, "__help_target__", 15);
        if (!tmp || dict_set(vm, AS(DictObj, g), v_obj(tmp), argv[0])) return ERRV;
        ab_bundle b = {0};
        if (ab_inspect(vm->rt, "__help_target__", 15, 1, &b) && b.n) sb_puts(&o, b.items[0].data);
        ab_bundle_clear(&b);
        dict_del(vm, vm->globals, v_obj(tmp));
    }
    sb_putc(&o, '\n');
    vm_write(vm, "stdout", o.s, o.len);
    sb_free(&o);
    return v_none();
}

static const BuiltinDef MAGIC_BUILTINS[] = {
    {"__magic__", bi_magic, "(name, args)", "Runs a line magic."},
    {"__cellmagic__", bi_cellmagic, "(name, args, body)", "Runs a cell magic."},
    {"__help__", bi_help, "(name, detail)", "Shows help for a name (x?)."},
    {"help", bi_help, "(obj)", "Shows the signature and documentation of an object."},
    {NULL, NULL, NULL, NULL},
};

int magic_register(VM *vm, const MagicDef *table) {
    if (vm->nmagic_tables == MAX_MAGIC_TABLES) return -1;
    vm->magic_tables[vm->nmagic_tables++] = table;
    return 0;
}

int magic_init(VM *vm) {
    if (magic_register(vm, BUILTIN_MAGICS)) return -1;
    for (const BuiltinDef *d = MAGIC_BUILTINS; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), "builtins");
        if (IS_ERR(f) || dict_set_str(vm, vm->builtins, d->name, f)) return -1;
        decref(f);
    }
    return 0;
}
