/* api.c: the public runtime API of abacus.h: running cells, turning exceptions into
 * tracebacks (IPython-style with colours for the kernel, CPython-style for abacus run),
 * is_complete, completion and inspection. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "abacus.h"
#include "array/array.h"
#include "ast.h"
#include "display/display.h"
#include "magic.h"
#include "object.h"

struct ab_runtime {
    VM *vm;
};

/* ---------------------------------------------------------------- bundles and outcomes */

int ab_bundle_add(ab_bundle *b, const char *type, const char *data, size_t len) {
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 4;
        ab_mime *items = realloc(b->items, (size_t)cap * sizeof(ab_mime));
        if (!items) return -1;
        b->items = items;
        b->cap = cap;
    }
    char *t = strdup(type), *d = malloc(len + 1);
    if (!t || !d) {
        free(t);
        free(d);
        return -1;
    }
    memcpy(d, data, len);
    d[len] = 0;
    b->items[b->n++] = (ab_mime){t, d, len};
    return 0;
}

const ab_mime *ab_bundle_get(const ab_bundle *b, const char *type) {
    for (int i = 0; i < b->n; i++)
        if (!strcmp(b->items[i].type, type)) return &b->items[i];
    return NULL;
}

void ab_bundle_clear(ab_bundle *b) {
    for (int i = 0; i < b->n; i++) {
        free(b->items[i].type);
        free(b->items[i].data);
    }
    free(b->items);
    memset(b, 0, sizeof *b);
}

void ab_outcome_clear(ab_outcome *o) {
    ab_bundle_clear(&o->result);
    free(o->ename);
    free(o->evalue);
    for (int i = 0; i < o->ntraceback; i++) free(o->traceback[i]);
    free(o->traceback);
    memset(o, 0, sizeof *o);
}

void ab_matches_clear(ab_matches *m) {
    for (int i = 0; i < m->n; i++) free(m->items[i]);
    free(m->items);
    memset(m, 0, sizeof *m);
}

/* ---------------------------------------------------------------- life cycle */

ab_runtime *ab_new(void) {
    ab_runtime *rt = calloc(1, sizeof(ab_runtime));
    if (!rt) return NULL;
    rt->vm = vm_new();
    if (!rt->vm) {
        free(rt);
        return NULL;
    }
    rt->vm->rt = rt;
    return rt;
}

void ab_free(ab_runtime *rt) {
    if (!rt) return;
    vm_free(rt->vm);
    free(rt);
}

void ab_set_colour(ab_runtime *rt, int colour) { rt->vm->colour = colour; }

void ab_interrupt(ab_runtime *rt) { rt->vm->interrupt = 1; }

/* ---------------------------------------------------------------- tracebacks */

#define C_RED "\033[0;31m"
#define C_GREEN "\033[0;32m"
#define C_CYAN "\033[0;36m"
#define C_BOLD_RED "\033[1;31m"
#define C_RESET "\033[0m"

typedef struct Lines {
    char **items;
    int n, cap;
} Lines;

static void lines_push(Lines *l, SBuf *b) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        char **items = realloc(l->items, (size_t)cap * sizeof(char *));
        if (!items) {
            sb_free(b);
            return;
        }
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = sb_take(b);
}

/* The text of line `line` (1-based) of src, without indentation; len in *n. */
static const char *source_line(const Source *src, int line, size_t *n, int *indent) {
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol) eol = end;
    const char *s = p;
    while (s < eol && (*s == ' ' || *s == '\t')) s++;
    *indent = (int)(s - p);
    *n = (size_t)(eol - s);
    while (*n && (s[*n - 1] == '\r' || s[*n - 1] == ' ')) (*n)--;
    return s;
}

static const char *frame_name(const TbEntry *t) {
    return t->code->flags & CO_MODULE ? "<module>" : t->code->name->s;
}

static void exc_message(VM *vm, Value exc, SBuf *out, int colour) {
    ExcObj *e = AS(ExcObj, exc);
    SBuf msg = SBUF_INIT;
    if (obj_str_sb(vm, exc, &msg)) {
        decref(vm_take_exc(vm));
        sb_puts(&msg, "<exception str() failed>");
    }
    const char *mod = e->cls->module;
    if (colour) sb_puts(out, C_RED);
    if (mod) sb_printf(out, "%s.", mod);
    sb_puts(out, e->cls->name);
    if (colour) sb_puts(out, C_RESET);
    if (msg.len) {
        sb_puts(out, ": ");
        sb_putn(out, msg.s, msg.len);
    }
    sb_free(&msg);
}

static Value exc_attr(ExcObj *e, const char *name) {
    if (!e->attrs) return v_null();
    size_t n = strlen(name);
    size_t pos = 0;
    Value k, v;
    while (dict_next(e->attrs, &pos, &k, &v))
        if (AS(StrObj, k)->len == n && !memcmp(AS(StrObj, k)->s, name, n)) return v;
    return v_null();
}

/* CPython's layout of a SyntaxError: the file and line, the source, a caret. */
static void syntax_error_lines(VM *vm, Value exc, Lines *out, int colour) {
    ExcObj *e = AS(ExcObj, exc);
    Value file = exc_attr(e, "filename"), line = exc_attr(e, "lineno"), text = exc_attr(e, "text"),
          off = exc_attr(e, "offset"), msg = exc_attr(e, "msg");
    SBuf b = SBUF_INIT;
    if (IS_KIND(file, K_STR)) {
        if (colour) sb_printf(&b, "  " C_CYAN "%s" C_RESET ", line %lld\n", AS(StrObj, file)->s,
                              (long long)line.u.i);
        else sb_printf(&b, "  File \"%s\", line %lld\n", AS(StrObj, file)->s, (long long)line.u.i);
    }
    if (IS_KIND(text, K_STR)) {
        const char *t = AS(StrObj, text)->s;
        size_t skip = 0;
        while (t[skip] == ' ' || t[skip] == '\t') skip++;
        sb_printf(&b, "    %s\n", t + skip);
        int64_t col = off.tag == T_INT ? off.u.i - 1 - (int64_t)skip : 0;
        if (col < 0) col = 0;
        sb_fill(&b, ' ', (size_t)col + 4);
        sb_puts(&b, "^\n");
    }
    if (colour) sb_puts(&b, C_RED);
    sb_puts(&b, e->cls->name);
    if (colour) sb_puts(&b, C_RESET);
    sb_puts(&b, ": ");
    if (IS_KIND(msg, K_STR)) sb_puts(&b, AS(StrObj, msg)->s);
    (void)vm;
    lines_push(out, &b);
}

/* CPython's plain traceback (abacus run). */
static void plain_frames(VM *vm, ExcObj *e, SBuf *b) {
    (void)vm;
    sb_puts(b, "Traceback (most recent call last):\n");
    for (int i = e->ntb - 1; i >= 0; i--) {
        const TbEntry *t = &e->tb[i];
        sb_printf(b, "  File \"%s\", line %d, in %s\n", t->code->src->name, t->line, frame_name(t));
        size_t n;
        int indent;
        const char *s = source_line(t->code->src, t->line, &n, &indent);
        if (!n) continue;
        sb_printf(b, "    %.*s\n", (int)n, s);
        int from = t->col - indent, to = t->end_line == t->line ? t->end_col - indent : (int)n;
        if (from < 0) from = 0;
        if (to > (int)n) to = (int)n;
        if (to > from && !(from == 0 && to == (int)n)) {
            sb_fill(b, ' ', (size_t)from + 4);
            sb_fill(b, '^', (size_t)(to - from));
            sb_putc(b, '\n');
        }
    }
}

/* IPython's layout: a rule, the exception name, one block per frame with an arrow. */
static void ipython_frames(VM *vm, ExcObj *e, Lines *out, int colour) {
    (void)vm;
    SBuf b = SBUF_INIT;
    if (colour) sb_puts(&b, C_RED);
    sb_fill(&b, '-', 75);
    if (colour) sb_puts(&b, C_RESET);
    lines_push(out, &b);
    if (colour) sb_puts(&b, C_RED);
    sb_printf(&b, "%-42s", e->cls->name);
    if (colour) sb_puts(&b, C_RESET);
    sb_puts(&b, "Traceback (most recent call last)");
    lines_push(out, &b);
    for (int i = e->ntb - 1; i >= 0; i--) {
        const TbEntry *t = &e->tb[i];
        if (colour) sb_printf(&b, C_CYAN "%s" C_RESET ", line %d", t->code->src->name, t->line);
        else sb_printf(&b, "%s, line %d", t->code->src->name, t->line);
        if (!(t->code->flags & CO_MODULE)) sb_printf(&b, ", in %s()", frame_name(t));
        sb_putc(&b, '\n');
        for (int l = t->line - 2; l <= t->line + 2; l++) {
            if (l < 1) continue;
            size_t n;
            int indent;
            const char *s = source_line(t->code->src, l, &n, &indent);
            if (l > t->line && s >= t->code->src->text + t->code->src->len) break;
            if (l == t->line) {
                if (colour) sb_printf(&b, C_GREEN "----> %d" C_RESET " ", l);
                else sb_printf(&b, "----> %d ", l);
            } else {
                sb_printf(&b, "      %d ", l);
            }
            sb_fill(&b, ' ', (size_t)indent);
            sb_printf(&b, "%.*s\n", (int)n, s);
        }
        lines_push(out, &b);
    }
}

static void traceback_chain(VM *vm, Value exc, Lines *out, int plain, int colour, int depth) {
    ExcObj *e = AS(ExcObj, exc);
    if (depth < 8) {
        Value prev = e->cause.tag != T_NONE ? e->cause : (e->suppress_context ? v_none() : e->context);
        if (IS_KIND(prev, K_EXC)) {
            traceback_chain(vm, prev, out, plain, colour, depth + 1);
            SBuf b = SBUF_INIT;
            sb_puts(&b, e->cause.tag != T_NONE
                            ? "\nThe above exception was the direct cause of the following exception:\n"
                            : "\nDuring handling of the above exception, another exception occurred:\n");
            lines_push(out, &b);
        }
    }
    if (type_subclass(e->cls, vm->E.SyntaxError) && e->attrs) {
        if (e->ntb && plain) {
            SBuf b = SBUF_INIT;
            plain_frames(vm, e, &b);
            b.len && b.s[b.len - 1] == '\n' ? (void)(b.s[--b.len] = 0) : (void)0;
            lines_push(out, &b);
        }
        syntax_error_lines(vm, exc, out, colour);
        return;
    }
    SBuf b = SBUF_INIT;
    if (plain) {
        plain_frames(vm, e, &b);
        exc_message(vm, exc, &b, 0);
        lines_push(out, &b);
        return;
    }
    ipython_frames(vm, e, out, colour);
    exc_message(vm, exc, &b, colour);
    lines_push(out, &b);
}

static void fill_error(VM *vm, Value exc, ab_outcome *out, int plain) {
    ExcObj *e = AS(ExcObj, exc);
    SBuf name = SBUF_INIT, value = SBUF_INIT;
    sb_puts(&name, e->cls->name);
    if (obj_str_sb(vm, exc, &value)) decref(vm_take_exc(vm));
    out->ok = 0;
    out->ename = sb_take(&name);
    out->evalue = sb_take(&value);
    Lines l = {0};
    traceback_chain(vm, exc, &l, plain, vm->colour && !plain, 0);
    out->traceback = l.items;
    out->ntraceback = l.n;
}

/* ---------------------------------------------------------------- running cells */

static int result_bundle(VM *vm, Value v, ab_bundle *b) { return disp_bundle(vm, v, b); }

/* IPython shows nothing when the cell's last line ends with ';' (comments aside). */
static int ends_with_semicolon(const char *code) {
    size_t n = strlen(code);
    for (;;) {
        while (n && (code[n - 1] == '\n' || code[n - 1] == ' ' || code[n - 1] == '\t'
                     || code[n - 1] == '\r'))
            n--;
        size_t start = n;
        while (start && code[start - 1] != '\n') start--;
        const char *hash = memchr(code + start, '#', n - start);
        if (hash && hash == code + start + strspn(code + start, " \t")) { /* a comment line */
            if (!start) return 0;
            n = start;
            continue;
        }
        if (hash) n = (size_t)(hash - code);
        while (n > start && (code[n - 1] == ' ' || code[n - 1] == '\t')) n--;
        return n > start && code[n - 1] == ';';
    }
}

static int run(ab_runtime *rt, CodeObj *code, const ab_sink *sink, int interactive, ab_outcome *out) {
    VM *vm = rt->vm;
    decref(vm->result);
    vm->result = v_none();
    Value r = vm_run_code(vm, code, vm->globals);
    decref(v_obj(code));
    vm_flush(vm);
    disp_cell_end(vm); /* figures drawn by the cell, shown once as IPython's inline backend */
    if (IS_ERR(r)) {
        Value exc = vm_take_exc(vm);
        fill_error(vm, exc, out, !vm->colour);
        decref(exc);
        decref(vm->handling);
        vm->handling = v_null();
        return 0;
    }
    decref(r);
    out->ok = 1;
    Value res = vm->result;
    vm->result = v_none();
    if (interactive && res.tag != T_NONE) {
        dict_set_str(vm, vm->globals, "_", res);
        if (result_bundle(vm, res, &out->result)) {
            Value exc = vm_take_exc(vm);
            if (IS_KIND(exc, K_EXC)) fill_error(vm, exc, out, !vm->colour);
            decref(exc);
        }
    }
    decref(res);
    (void)sink;
    gc_maybe_collect(vm);
    arr_cache_release();
    return out->ok;
}

int ab_exec(ab_runtime *rt, const char *code, const char *cell_name, int interactive,
            const ab_sink *sink, ab_outcome *out) {
    VM *vm = rt->vm;
    memset(out, 0, sizeof *out);
    vm->sink = sink;
    vm->interrupt = 0;
    int quiet = ends_with_semicolon(code);
    SBuf rewritten = SBUF_INIT;
    int changed = 0;
    const char *src = code;
    if (magic_rewrite(code, strlen(code), &rewritten, &changed) == 0 && changed) src = rewritten.s;
    CodeObj *co = compile_module_shown(vm, src, strlen(src), code, strlen(code),
                                       cell_name ? cell_name : "<cell>", interactive);
    sb_free(&rewritten);
    if (!co) {
        Value exc = vm_take_exc(vm);
        fill_error(vm, exc, out, !vm->colour);
        decref(exc);
        vm->sink = NULL;
        return 0;
    }
    int ok = run(rt, co, sink, interactive && !quiet, out);
    vm->sink = NULL;
    return ok;
}

int ab_eval(ab_runtime *rt, const char *expr, ab_outcome *out) {
    VM *vm = rt->vm;
    memset(out, 0, sizeof *out);
    CodeObj *co = compile_eval(vm, expr, strlen(expr), "<expr>");
    if (!co) {
        Value exc = vm_take_exc(vm);
        fill_error(vm, exc, out, 1);
        decref(exc);
        return 0;
    }
    Value r = vm_run_code(vm, co, vm->globals);
    decref(v_obj(co));
    if (IS_ERR(r)) {
        Value exc = vm_take_exc(vm);
        fill_error(vm, exc, out, 1);
        decref(exc);
        return 0;
    }
    out->ok = 1;
    if (result_bundle(vm, r, &out->result)) {
        Value exc = vm_take_exc(vm);
        if (IS_KIND(exc, K_EXC)) fill_error(vm, exc, out, 1);
        decref(exc);
    }
    decref(r);
    return out->ok;
}

/* ---------------------------------------------------------------- is_complete */

const char *ab_is_complete(ab_runtime *rt, const char *code, char *indent, size_t n) {
    (void)rt;
    if (n) indent[0] = 0;
    Arena *a = ast_arena_new();
    if (!a) return "unknown";
    ParseError err;
    memset(&err, 0, sizeof err);
    size_t len = strlen(code);
    Node *tree = parse_module(a, code, len, &err);
    ast_arena_free(a);
    /* the indentation of the last non-blank line */
    const char *last = code + len;
    while (last > code && (last[-1] == '\n' || last[-1] == ' ' || last[-1] == '\r')) last--;
    const char *ls = last;
    while (ls > code && ls[-1] != '\n') ls--;
    size_t ind = 0;
    while (ls + ind < last && ls[ind] == ' ') ind++;
    int ends_block = last > code && last[-1] == ':';
    if (!tree) {
        if (!err.incomplete) return "invalid";
        size_t want = ind + (ends_block ? 4 : 0);
        if (want >= n) want = n ? n - 1 : 0;
        memset(indent, ' ', want);
        if (n) indent[want] = 0;
        return "incomplete";
    }
    /* inside an indented block the user ends it with an empty line, as IPython does */
    int ends_blank = len >= 1 && code[len - 1] == '\n' && (len < 2 || code[len - 2] == '\n');
    if (ind > 0 && !ends_blank && memchr(code, '\n', len)) {
        if (ind >= n) ind = n ? n - 1 : 0;
        memset(indent, ' ', ind);
        if (n) indent[ind] = 0;
        return "incomplete";
    }
    return "complete";
}

/* ---------------------------------------------------------------- completion, inspection */

static const char *const KEYWORDS[] = {
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    NULL};

static int is_ident(char c) { return isalnum((unsigned char)c) || c == '_' || (c & 0x80); }

/* The dotted name ending at cursor: start of the whole chain and of the last part. */
static size_t chain_start(const char *code, size_t cursor, size_t *last) {
    size_t s = cursor;
    while (s > 0 && is_ident(code[s - 1])) s--;
    *last = s;
    while (s > 0 && code[s - 1] == '.') {
        size_t t = s - 1;
        while (t > 0 && is_ident(code[t - 1])) t--;
        if (t == s - 1) break;
        s = t;
    }
    return s;
}

static int add_match(ab_matches *m, const char *s, size_t n, const char *prefix, size_t plen) {
    if (n < plen || memcmp(s, prefix, plen)) return 0;
    if (plen == 0 && s[0] == '_') return 0;
    for (int i = 0; i < m->n; i++)
        if (strlen(m->items[i]) == n && !memcmp(m->items[i], s, n)) return 0;
    char **items = realloc(m->items, (size_t)(m->n + 1) * sizeof(char *));
    if (!items) return -1;
    m->items = items;
    m->items[m->n] = strndup(s, n);
    if (!m->items[m->n]) return -1;
    m->n++;
    return 0;
}

static void add_dict_keys(ab_matches *m, DictObj *d, const char *prefix, size_t plen) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (IS_KIND(k, K_STR)) add_match(m, AS(StrObj, k)->s, AS(StrObj, k)->len, prefix, plen);
}

/* Evaluates a dotted name (no calls) quietly; T_NULL when it does not resolve. */
static Value resolve_chain(VM *vm, const char *s, size_t n) {
    char *src = strndup(s, n);
    if (!src) return v_null();
    for (size_t i = 0; i < n; i++)
        if (!is_ident(src[i]) && src[i] != '.') {
            free(src);
            return v_null();
        }
    CodeObj *co = compile_eval(vm, src, n, "<complete>");
    free(src);
    if (!co) {
        decref(vm_take_exc(vm));
        return v_null();
    }
    Value r = vm_run_code(vm, co, vm->globals);
    decref(v_obj(co));
    if (IS_ERR(r)) {
        decref(vm_take_exc(vm));
        return v_null();
    }
    return r;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* d['pre| : the keys of dict d that start with pre (the match replaces pre). 1 if it applied. */
static int complete_dict_key(VM *vm, const char *code, size_t cursor, ab_matches *out) {
    size_t q = cursor;
    while (q > 0 && code[q - 1] != '\'' && code[q - 1] != '"' && code[q - 1] != '\n') q--;
    if (q < 2 || (code[q - 1] != '\'' && code[q - 1] != '"') || code[q - 2] != '[') return 0;
    size_t last, start = chain_start(code, q - 2, &last);
    if (start == q - 2) return 0;
    Value d = resolve_chain(vm, code + start, q - 2 - start);
    if (!IS_KIND(d, K_DICT)) {
        decref(d);
        return 0;
    }
    out->start = q;
    out->end = cursor;
    size_t pos = 0;
    Value k, v;
    while (dict_next(AS(DictObj, d), &pos, &k, &v))
        if (IS_KIND(k, K_STR) && AS(StrObj, k)->len >= cursor - q
            && !memcmp(AS(StrObj, k)->s, code + q, cursor - q))
            add_match(out, AS(StrObj, k)->s, AS(StrObj, k)->len, "", 0);
    decref(d);
    return 1;
}

int ab_complete(ab_runtime *rt, const char *code, size_t cursor, ab_matches *out) {
    VM *vm = rt->vm;
    memset(out, 0, sizeof *out);
    size_t len = strlen(code);
    if (cursor > len) cursor = len;
    if (complete_dict_key(vm, code, cursor, out)) return 0;
    size_t last, start = chain_start(code, cursor, &last);
    const char *prefix = code + last;
    size_t plen = cursor - last;
    out->start = last;
    out->end = cursor;
    if (start < last) {
        Value o = resolve_chain(vm, code + start, last - 1 - start);
        if (IS_NULL(o)) return 0;
        if (IS_KIND(o, K_MODULE)) add_dict_keys(out, AS(ModuleObj, o)->dict, prefix, plen);
        TypeObj *t = IS_KIND(o, K_TYPE) ? AS(TypeObj, o) : obj_type(vm, o);
        for (; t; t = t->base)
            if (t->dict) add_dict_keys(out, t->dict, prefix, plen);
        if (IS_KIND(o, K_NATIVE)) {
            TypeObj *nt = AS(NativeObj, o)->type;
            static const char *const attrs[] = {"shape", "dtype", "ndim", "size", "T", NULL};
            if (nt->ops && nt->ops->getattr)
                for (int i = 0; attrs[i]; i++) {
                    StrObj *nm = str_intern(vm, attrs[i], strlen(attrs[i]));
                    Value a = nm ? nt->ops->getattr(vm, o, nm) : v_null();
                    if (IS_ERR(a)) decref(vm_take_exc(vm));
                    else if (!IS_NULL(a)) {
                        add_match(out, attrs[i], strlen(attrs[i]), prefix, plen);
                        decref(a);
                    }
                }
        }
        decref(o);
    } else {
        add_dict_keys(out, vm->globals, prefix, plen);
        add_dict_keys(out, vm->builtins, prefix, plen);
        for (int i = 0; KEYWORDS[i]; i++) add_match(out, KEYWORDS[i], strlen(KEYWORDS[i]), prefix, plen);
    }
    if (out->n > 1) qsort(out->items, (size_t)out->n, sizeof(char *), cmp_str);
    return 0;
}

static void describe(VM *vm, Value v, const char *name, int detail, SBuf *b) {
    (void)detail;
    if (IS_KIND(v, K_FUNC)) {
        FuncObj *f = AS(FuncObj, v);
        CodeObj *c = f->code;
        sb_printf(b, "Signature: %s(", name);
        int nd = f->defaults ? (int)f->defaults->len : 0;
        for (int i = 0; i < c->nparams; i++) {
            if (i) sb_puts(b, ", ");
            sb_puts(b, c->varnames[i]->s);
            if (i >= c->nparams - nd) {
                sb_putc(b, '=');
                obj_repr_sb(vm, f->defaults->items[i - (c->nparams - nd)], b);
            }
        }
        int k = c->nparams + c->nkwonly;
        if (c->flags & CO_VARARGS) sb_printf(b, "%s*%s", c->nparams ? ", " : "", c->varnames[k++]->s);
        else if (c->nkwonly) sb_printf(b, "%s*", c->nparams ? ", " : "");
        for (int i = c->nparams; i < c->nparams + c->nkwonly; i++) {
            sb_printf(b, ", %s", c->varnames[i]->s);
            Value d = f->kwdefaults ? dict_get_str(f->kwdefaults, c->varnames[i]) : v_null();
            if (!IS_NULL(d)) {
                sb_putc(b, '=');
                obj_repr_sb(vm, d, b);
            }
        }
        if (c->flags & CO_VARKW) sb_printf(b, ", **%s", c->varnames[k]->s);
        sb_puts(b, ")\n");
        if (IS_KIND(f->doc, K_STR)) sb_printf(b, "Docstring: %s\n", AS(StrObj, f->doc)->s);
        else sb_puts(b, "Docstring: <no docstring>\n");
        sb_puts(b, "Type:      function");
        return;
    }
    if (IS_KIND(v, K_BUILTIN)) {
        const BuiltinDef *d = AS(BuiltinObj, v)->def;
        sb_printf(b, "Signature: %s%s\n", name, d->sig ? d->sig : "(...)");
        sb_printf(b, "Docstring: %s\n", d->doc ? d->doc : "<no docstring>");
        sb_puts(b, IS_NULL(AS(BuiltinObj, v)->self) ? "Type:      builtin_function_or_method"
                                                    : "Type:      builtin_function_or_method");
        return;
    }
    if (IS_KIND(v, K_TYPE)) {
        TypeObj *t = AS(TypeObj, v);
        sb_printf(b, "Init signature: %s(...)\n", name);
        sb_printf(b, "Docstring:      %s\n", t->doc ? t->doc : "<no docstring>");
        sb_puts(b, "Type:           type");
        return;
    }
    sb_printf(b, "Type:        %s\nString form: ", type_name(vm, v));
    SBuf s = SBUF_INIT;
    if (obj_str_sb(vm, v, &s)) decref(vm_take_exc(vm));
    if (s.len > 400) {
        s.len = 400;
        s.s[400] = 0;
        sb_puts(&s, "...");
    }
    sb_puts(b, s.s ? s.s : "");
    sb_free(&s);
    Value n = obj_len(vm, v);
    if (IS_ERR(n)) decref(vm_take_exc(vm));
    else sb_printf(b, "\nLength:      %lld", (long long)n.u.i);
    if (IS_KIND(v, K_MODULE)) sb_printf(b, "\nDocstring:   module %s", AS(ModuleObj, v)->name->s);
}

int ab_inspect(ab_runtime *rt, const char *code, size_t cursor, int detail, ab_bundle *out) {
    VM *vm = rt->vm;
    size_t len = strlen(code);
    if (cursor > len) cursor = len;
    size_t end = cursor;
    while (end < len && is_ident(code[end])) end++;
    if (end == cursor && cursor > 0 && code[cursor - 1] == '(') { /* f(| shows f */
        end = cursor - 1;
    }
    size_t last, start = chain_start(code, end, &last);
    if (start == end) return 0;
    Value v = resolve_chain(vm, code + start, end - start);
    if (IS_NULL(v)) return 0;
    char *name = strndup(code + start, end - start);
    SBuf b = SBUF_INIT;
    describe(vm, v, name ? name : "", detail, &b);
    free(name);
    decref(v);
    int r = ab_bundle_add(out, "text/plain", b.s ? b.s : "", b.len);
    sb_free(&b);
    return r == 0;
}
