/* vm.c: the bytecode interpreter: frames, argument binding, the dispatch loop, exception
 * unwinding through try blocks, generators, and the exception/traceback helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuse.h"
#include "object.h"
#include "sql/sql.h"

/* ---------------------------------------------------------------- exceptions */

Value exc_new(VM *vm, TypeObj *cls, Value args) {
    ExcObj *e = calloc(1, sizeof(ExcObj));
    if (!e) return vm_nomem(vm);
    e->h.rc = 1;
    e->h.k = K_EXC;
    e->cls = cls;
    cls->h.rc++;
    if (IS_NULL(args) || args.tag == T_NONE) {
        e->args = v_obj(tuple_new(vm, 0));
    } else {
        e->args = vref(args);
    }
    e->context = v_none();
    e->cause = v_none();
    gc_track(vm, &e->h);
    return v_obj(e);
}

static void set_pending(VM *vm, Value exc) {
    Value old = vm->exc;
    vm->exc = exc;
    vm->reraise = 0;
    decref(old);
    ExcObj *e = AS(ExcObj, exc);
    if (!IS_NULL(vm->handling) && vm->handling.u.o != exc.u.o && e->context.tag == T_NONE) {
        e->context = vref(vm->handling);
    }
}

Value vm_raise(VM *vm, TypeObj *cls, const char *fmt, ...) {
    SBuf b = SBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    int r = sb_vprintf(&b, fmt, ap);
    va_end(ap);
    if (r) {
        sb_free(&b);
        return vm_nomem(vm);
    }
    Value msg = str_from_sbuf(vm, &b);
    if (IS_ERR(msg)) return ERRV;
    Value args = tuple_pack(vm, 1, msg);
    decref(msg);
    if (IS_ERR(args)) return ERRV;
    Value e = exc_new(vm, cls, args);
    decref(args);
    if (IS_ERR(e)) return ERRV;
    set_pending(vm, e);
    return ERRV;
}

Value vm_raise_value(VM *vm, Value exc) {
    set_pending(vm, vref(exc));
    return ERRV;
}

Value vm_nomem(VM *vm) {
    ExcObj *e = AS(ExcObj, vm->memerr);
    for (int i = 0; i < e->ntb; i++) decref(v_obj(e->tb[i].code));
    e->ntb = 0;
    Value old = vm->exc;
    vm->exc = vref(vm->memerr);
    decref(old);
    return ERRV;
}

Value vm_take_exc(VM *vm) {
    Value e = vm->exc;
    vm->exc = v_null();
    return e;
}

int exc_matches(VM *vm, Value exc, Value spec) {
    TypeObj *t = obj_type(vm, exc);
    if (IS_KIND(spec, K_TUPLE)) {
        ListObj *l = AS(ListObj, spec);
        for (size_t i = 0; i < l->len; i++) {
            int r = exc_matches(vm, exc, l->items[i]);
            if (r) return r;
        }
        return 0;
    }
    if (!IS_KIND(spec, K_TYPE) || !type_subclass(AS(TypeObj, spec), vm->E.BaseException)) {
        vm_raise(vm, vm->E.TypeError,
                 "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return type_subclass(t, AS(TypeObj, spec));
}

void vm_add_traceback(VM *vm, CodeObj *code, const Pos *pos) {
    if (!IS_KIND(vm->exc, K_EXC) || vm->exc.u.o == vm->memerr.u.o) return;
    ExcObj *e = AS(ExcObj, vm->exc);
    if (e->ntb == e->captb) {
        int cap = e->captb ? e->captb * 2 : 4;
        TbEntry *tb = realloc(e->tb, (size_t)cap * sizeof(TbEntry));
        if (!tb) return;
        e->tb = tb;
        e->captb = cap;
    }
    TbEntry *t = &e->tb[e->ntb++];
    t->code = code;
    code->h.rc++;
    t->line = pos->line;
    t->col = pos->col;
    t->end_line = pos->end_line;
    t->end_col = pos->end_col;
}

int vm_check_interrupt(VM *vm) {
    if (!vm->interrupt) return 0;
    vm->interrupt = 0;
    Value e = exc_new(vm, vm->E.KeyboardInterrupt, v_null());
    if (IS_ERR(e)) return -1;
    set_pending(vm, e);
    return -1;
}

/* ---------------------------------------------------------------- output */

void vm_flush(VM *vm) {
    if (!vm->out.len) return;
    if (vm->sink && vm->sink->stream) vm->sink->stream(vm->sink->ctx, "stdout", vm->out.s, vm->out.len);
    vm->out.len = 0;
    if (vm->out.s) vm->out.s[0] = 0;
}

void vm_write(VM *vm, const char *stream, const char *s, size_t n) {
    if (!strcmp(stream, "stdout")) {
        if (sb_putn(&vm->out, s, n)) {
            vm_flush(vm);
            if (vm->sink && vm->sink->stream) vm->sink->stream(vm->sink->ctx, stream, s, n);
            return;
        }
        if (vm->out.len >= 8192) vm_flush(vm);
        return;
    }
    vm_flush(vm);
    if (vm->sink && vm->sink->stream) vm->sink->stream(vm->sink->ctx, stream, s, n);
}

/* ---------------------------------------------------------------- frames */

static Frame *frame_new(VM *vm, CodeObj *code, FuncObj *func, DictObj *globals) {
    int nslots = code->nlocals + code->ncells + code->nfree + code->stacksize;
    Frame *f = NULL;
    if (vm->free_frames && vm->free_frames->nslots >= nslots) {
        f = vm->free_frames;
        vm->free_frames = f->back;
        vm->nfree_frames--;
        nslots = f->nslots;
    } else {
        f = malloc(sizeof(Frame) + (size_t)nslots * sizeof(Value));
        if (!f) {
            vm_nomem(vm);
            return NULL;
        }
        f->nslots = nslots;
    }
    f->code = code;
    f->func = func;
    f->globals = globals;
    f->locals = f->slots;
    f->stack = f->slots + code->nlocals + code->ncells + code->nfree;
    f->sp = 0;
    f->ip = 0;
    f->nblocks = 0;
    f->back = NULL;
    f->yielded = 0;
    memset(f->slots, 0, (size_t)(code->nlocals + code->ncells + code->nfree) * sizeof(Value));
    code->h.rc++;
    return f;
}

static void frame_free(VM *vm, Frame *f) {
    int n = f->code->nlocals + f->code->ncells + f->code->nfree;
    for (int i = 0; i < n; i++) decref(f->locals[i]);
    for (int i = 0; i < f->sp; i++) decref(f->stack[i]);
    decref(v_obj(f->code));
    if (vm->nfree_frames < 16) {
        f->back = vm->free_frames;
        vm->free_frames = f;
        vm->nfree_frames++;
    } else {
        free(f);
    }
}

/* ---------------------------------------------------------------- argument binding */

static Value arg_error(VM *vm, CodeObj *c, const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return vm_raise(vm, vm->E.TypeError, "%s() %s", c->name->s, msg);
}

static void missing_list(SBuf *b, StrObj **names, const int *idx, int n) {
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(b, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        sb_printf(b, "'%s'", names[idx[i]]->s);
    }
}

static int report_missing(VM *vm, CodeObj *c, Value *locals, int from, int to, const char *kind) {
    int idx[64], n = 0;
    for (int i = from; i < to && n < 64; i++)
        if (IS_NULL(locals[i])) idx[n++] = i;
    if (!n) return 0;
    SBuf b = SBUF_INIT;
    missing_list(&b, c->varnames, idx, n);
    arg_error(vm, c, "missing %d required %s argument%s: %s", n, kind, n > 1 ? "s" : "",
              b.s ? b.s : "");
    sb_free(&b);
    return -1;
}

static int too_many_positional(VM *vm, CodeObj *c, FuncObj *f, int argc) {
    int ndef = f->defaults ? (int)f->defaults->len : 0, np = c->nparams;
    char given[64];
    snprintf(given, sizeof given, "%d %s given", argc, argc == 1 ? "was" : "were");
    if (ndef)
        arg_error(vm, c, "takes from %d to %d positional arguments but %s", np - ndef, np, given);
    else
        arg_error(vm, c, "takes %d positional argument%s but %s", np, np == 1 ? "" : "s", given);
    return -1;
}

static int bind_keywords(VM *vm, CodeObj *c, Value *locals, const KwArgs *kw, DictObj *kwdict) {
    int nnamed = c->nparams + c->nkwonly;
    for (int k = 0; k < kw->n; k++) {
        StrObj *name = AS(StrObj, kw->names[k]);
        int slot = -1;
        for (int i = c->nposonly; i < nnamed; i++)
            if (c->varnames[i] == name || str_eq(c->varnames[i], name)) {
                slot = i;
                break;
            }
        if (slot < 0) {
            if (kwdict) {
                if (dict_set(vm, kwdict, kw->names[k], kw->values[k])) return -1;
                continue;
            }
            arg_error(vm, c, "got an unexpected keyword argument '%s'", name->s);
            return -1;
        }
        if (!IS_NULL(locals[slot])) {
            arg_error(vm, c, "got multiple values for argument '%s'", name->s);
            return -1;
        }
        locals[slot] = vref(kw->values[k]);
    }
    return 0;
}

static int bind_args(VM *vm, FuncObj *f, Frame *fr, int argc, const Value *argv, const KwArgs *kw) {
    CodeObj *c = f->code;
    Value *locals = fr->locals;
    int np = c->nparams, slot = np + c->nkwonly;
    if (argc == np && !(kw && kw->n) && !(c->flags & (CO_VARARGS | CO_VARKW)) && !c->nkwonly) {
        for (int i = 0; i < argc; i++) locals[i] = vref(argv[i]);
        return 0;
    }
    if (argc > np && !(c->flags & CO_VARARGS)) return too_many_positional(vm, c, f, argc);
    int n = argc < np ? argc : np;
    for (int i = 0; i < n; i++) locals[i] = vref(argv[i]);
    if (c->flags & CO_VARARGS) {
        ListObj *rest = tuple_new(vm, argc > np ? (size_t)(argc - np) : 0);
        if (!rest) return -1;
        for (int i = np; i < argc; i++) rest->items[i - np] = vref(argv[i]);
        locals[slot++] = v_obj(rest);
    }
    DictObj *kwdict = NULL;
    if (c->flags & CO_VARKW) {
        if (!(kwdict = dict_new(vm))) return -1;
        locals[slot] = v_obj(kwdict);
    }
    if (kw && kw->n && bind_keywords(vm, c, locals, kw, kwdict)) return -1;
    int ndef = f->defaults ? (int)f->defaults->len : 0;
    for (int i = np - ndef; i < np; i++)
        if (IS_NULL(locals[i])) locals[i] = vref(f->defaults->items[i - (np - ndef)]);
    if (report_missing(vm, c, locals, 0, np, "positional")) return -1;
    for (int i = np; i < np + c->nkwonly; i++) {
        if (!IS_NULL(locals[i]) || !f->kwdefaults) continue;
        Value d = dict_get_str(f->kwdefaults, c->varnames[i]);
        if (!IS_NULL(d)) locals[i] = vref(d);
    }
    return report_missing(vm, c, locals, np, np + c->nkwonly, "keyword-only");
}

static int init_cells(VM *vm, FuncObj *f, Frame *fr) {
    CodeObj *c = f->code;
    for (int i = 0; i < c->ncells; i++) {
        int p = c->cell_param[i];
        CellObj *cell = cell_new(vm, p >= 0 ? fr->locals[p] : v_null());
        if (!cell) return -1;
        fr->locals[c->nlocals + i] = v_obj(cell);
    }
    for (int i = 0; i < c->nfree; i++)
        fr->locals[c->nlocals + c->ncells + i] = vref(f->closure->items[i]);
    return 0;
}

static Value run_frame(VM *vm, Frame *f);

static Value gen_make(VM *vm, FuncObj *fn, Frame *fr) {
    GenObj *g = calloc(1, sizeof(GenObj));
    if (!g) {
        frame_free(vm, fr);
        return vm_nomem(vm);
    }
    g->h.rc = 1;
    g->h.k = K_GEN;
    g->frame = fr;
    g->name = fn->name;
    g->name->h.rc++;
    g->handling = v_null();
    fn->h.rc++; /* the frame keeps the function (and its globals) alive */
    gc_track(vm, &g->h);
    return v_obj(g);
}

Value vm_call_function(VM *vm, FuncObj *fn, int argc, const Value *argv, const KwArgs *kw) {
    if (vm->depth >= vm->maxdepth)
        return vm_raise(vm, vm->E.RecursionError, "maximum recursion depth exceeded");
    Frame *f = frame_new(vm, fn->code, fn, fn->globals);
    if (!f) return ERRV;
    if (bind_args(vm, fn, f, argc, argv, kw) || (fn->code->ncells + fn->code->nfree && init_cells(vm, fn, f))) {
        frame_free(vm, f);
        return ERRV;
    }
    if (fn->code->flags & CO_GENERATOR) return gen_make(vm, fn, f);
    vm->depth++;
    Value r = run_frame(vm, f);
    vm->depth--;
    frame_free(vm, f);
    return r;
}

Value vm_run_code(VM *vm, CodeObj *code, DictObj *globals) {
    Frame *f = frame_new(vm, code, NULL, globals);
    if (!f) return ERRV;
    vm->depth++;
    Value r = run_frame(vm, f);
    vm->depth--;
    frame_free(vm, f);
    return r;
}

/* ---------------------------------------------------------------- generators */

Value gen_send(VM *vm, GenObj *g, Value v) {
    if (!g->frame) return v_null();
    if (g->running) return vm_raise(vm, vm->E.ValueError, "generator already executing");
    if (vm->depth >= vm->maxdepth)
        return vm_raise(vm, vm->E.RecursionError, "maximum recursion depth exceeded");
    Frame *f = g->frame;
    if (f->ip > 0) f->stack[f->sp++] = vref(v);
    g->running = 1;
    vm->depth++;
    Value r = run_frame(vm, f);
    vm->depth--;
    g->running = 0;
    if (f->yielded) return r;
    FuncObj *fn = f->func;
    g->frame = NULL;
    frame_free(vm, f);
    decref(v_obj(fn));
    if (IS_ERR(r)) {
        if (AS(ExcObj, vm->exc)->cls == vm->E.StopIteration)
            return vm_raise(vm, vm->E.RuntimeError, "generator raised StopIteration");
        return r;
    }
    decref(r);
    return v_null();
}

void gen_free(VM *vm, GenObj *g) {
    if (g->frame) {
        FuncObj *fn = g->frame->func;
        frame_free(vm, g->frame);
        decref(v_obj(fn));
    }
    decref(v_obj(g->name));
    decref(g->handling);
}

/* ---------------------------------------------------------------- helpers of the loop */

/* Entry index of name in d, or -1. */
static int32_t dict_index_str(const DictObj *d, StrObj *name) {
    if (!d->index) return -1;
    int64_t hash = str_hash(name);
    size_t mask = d->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1) return -1;
        if (ix >= 0 && d->entries[ix].hash == hash && IS_KIND(d->entries[ix].key, K_STR)
            && str_eq(AS(StrObj, d->entries[ix].key), name))
            return ix;
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Remembers where names[arg] lives for the next LOAD_GLOBAL/STORE_GLOBAL of this code. */
static void global_cache_fill(VM *vm, Frame *f, CodeObj *co, int arg) {
    if (!co->gcache && !(co->gcache = calloc((size_t)co->nnames, sizeof(GlobalCache)))) return;
    GlobalCache *gc = &co->gcache[arg];
    int32_t ix = dict_index_str(f->globals, co->names[arg]);
    int builtin = 0;
    if (ix < 0) {
        ix = dict_index_str(vm->builtins, co->names[arg]);
        builtin = 1;
    }
    if (ix < 0) {
        gc->globals = NULL;
        return;
    }
    *gc = (GlobalCache){f->globals, f->globals->version, vm->builtins->version, ix, builtin};
}

static Value load_global(VM *vm, Frame *f, StrObj *name) {
    Value v = dict_get_str(f->globals, name);
    if (IS_NULL(v)) v = dict_get_str(vm->builtins, name);
    if (IS_NULL(v)) return vm_raise(vm, vm->E.NameError, "name '%s' is not defined", name->s);
    return vref(v);
}

static int unpack(VM *vm, Value seq, int n, Value *out) {
    if (IS_KIND(seq, K_TUPLE) || IS_KIND(seq, K_LIST)) {
        ListObj *l = AS(ListObj, seq);
        if ((int)l->len != n) {
            if ((int)l->len > n)
                vm_raise(vm, vm->E.ValueError, "too many values to unpack (expected %d)", n);
            else
                vm_raise(vm, vm->E.ValueError, "not enough values to unpack (expected %d, got %zu)",
                         n, l->len);
            return -1;
        }
        for (int i = 0; i < n; i++) out[i] = vref(l->items[i]);
        return 0;
    }
    Value it = obj_iter(vm, seq);
    if (IS_ERR(it)) {
        if (AS(ExcObj, vm->exc)->cls == vm->E.TypeError) {
            decref(vm->exc);
            vm->exc = v_null();
            vm_raise(vm, vm->E.TypeError, "cannot unpack non-iterable %s object", type_name(vm, seq));
        }
        return -1;
    }
    int i = 0;
    for (; i <= n; i++) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) goto fail;
        if (IS_NULL(x)) break;
        if (i == n) {
            decref(x);
            vm_raise(vm, vm->E.ValueError, "too many values to unpack (expected %d)", n);
            goto fail;
        }
        out[i] = x;
    }
    decref(it);
    if (i < n) {
        vm_raise(vm, vm->E.ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
        for (int j = 0; j < i; j++) decref(out[j]);
        return -1;
    }
    return 0;
fail:
    decref(it);
    for (int j = 0; j < i && j < n; j++) decref(out[j]);
    return -1;
}

/* a, *b, c = seq: before targets, a list, after targets. */
static int unpack_ex(VM *vm, Value seq, int before, int after, Value *out) {
    ListObj *l = obj_to_list(vm, seq);
    if (!l) return -1;
    int n = (int)l->len;
    if (n < before + after) {
        vm_raise(vm, vm->E.ValueError, "not enough values to unpack (expected at least %d, got %d)",
                 before + after, n);
        decref(v_obj(l));
        return -1;
    }
    ListObj *mid = list_new(vm, (size_t)(n - before - after));
    if (!mid) {
        decref(v_obj(l));
        return -1;
    }
    for (int i = 0; i < before; i++) out[i] = vref(l->items[i]);
    for (int i = 0; i < n - before - after; i++) mid->items[i] = vref(l->items[before + i]);
    out[before] = v_obj(mid);
    for (int i = 0; i < after; i++) out[before + 1 + i] = vref(l->items[n - after + i]);
    decref(v_obj(l));
    return 0;
}

/* Unpacks seq onto the stack at top (first item last, so it is popped first). The temporary
 * array lives here, not in run_frame, to keep the interpreter's C frames small: deep Python
 * recursion must not exhaust the C stack. Returns the number of values pushed or -1. */
static __attribute__((noinline)) int unpack_onto(VM *vm, Value seq, int ex, int arg, Value *top) {
    int before = arg & 0xff, after = arg >> 8, n = ex ? before + after + 1 : arg;
    Value *out = malloc((size_t)(n ? n : 1) * sizeof(Value));
    if (!out) {
        vm_nomem(vm);
        return -1;
    }
    int r = ex ? unpack_ex(vm, seq, before, after, out) : unpack(vm, seq, n, out);
    if (!r)
        for (int i = 0; i < n; i++) top[i] = out[n - 1 - i];
    free(out);
    return r ? -1 : n;
}

static Value make_function(VM *vm, Frame *f, int flags) {
    CodeObj *code = AS(CodeObj, f->stack[--f->sp]);
    FuncObj *fn = calloc(1, sizeof(FuncObj));
    if (!fn) {
        decref(v_obj(code));
        return vm_nomem(vm);
    }
    fn->h.rc = 1;
    fn->h.k = K_FUNC;
    fn->code = code; /* takes the stack's reference */
    fn->globals = f->globals;
    f->globals->h.rc++;
    fn->name = code->name;
    code->name->h.rc++;
    fn->doc = vref(code->doc);
    gc_track(vm, &fn->h);
    if (flags & 4) fn->closure = AS(TupleObj, f->stack[--f->sp]);
    if (flags & 2) fn->kwdefaults = AS(DictObj, f->stack[--f->sp]);
    if (flags & 1) fn->defaults = AS(TupleObj, f->stack[--f->sp]);
    return v_obj(fn);
}

static Value do_raise(VM *vm, Value exc, Value cause) {
    if (IS_NULL(exc)) {
        if (IS_NULL(vm->handling))
            return vm_raise(vm, vm->E.RuntimeError, "No active exception to reraise");
        vm_raise_value(vm, vm->handling);
        vm->reraise = 0;
        return ERRV;
    }
    Value inst = exc;
    if (IS_KIND(exc, K_TYPE) && type_subclass(AS(TypeObj, exc), vm->E.BaseException)) {
        inst = obj_call(vm, exc, 0, NULL, NULL);
        if (IS_ERR(inst)) return ERRV;
    } else if (!IS_KIND(exc, K_EXC)) {
        return vm_raise(vm, vm->E.TypeError, "exceptions must derive from BaseException");
    } else {
        incref(inst);
    }
    if (!IS_NULL(cause)) {
        ExcObj *e = AS(ExcObj, inst);
        Value c = cause;
        if (IS_KIND(cause, K_TYPE)) {
            c = obj_call(vm, cause, 0, NULL, NULL);
            if (IS_ERR(c)) {
                decref(inst);
                return ERRV;
            }
        } else if (cause.tag != T_NONE && !IS_KIND(cause, K_EXC)) {
            decref(inst);
            return vm_raise(vm, vm->E.TypeError, "exception causes must derive from BaseException");
        } else {
            incref(c);
        }
        decref(e->cause);
        e->cause = c;
        e->suppress_context = 1;
    }
    set_pending(vm, inst);
    return ERRV;
}

static int kw_from_dict(VM *vm, DictObj *d, Value **names, Value **values, int *n) {
    *n = (int)d->used;
    *names = malloc((d->used + 1) * sizeof(Value));
    *values = malloc((d->used + 1) * sizeof(Value));
    if (!*names || !*values) {
        vm_nomem(vm);
        return -1;
    }
    size_t pos = 0;
    int i = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (!IS_KIND(k, K_STR)) {
            vm_raise(vm, vm->E.TypeError, "keywords must be strings");
            return -1;
        }
        (*names)[i] = k;
        (*values)[i++] = v;
    }
    return 0;
}

static Value call_ex(VM *vm, Value func, Value args, Value kwargs) {
    KwArgs kw = {0, NULL, NULL};
    Value *names = NULL, *values = NULL;
    Value r = ERRV;
    if (!IS_NULL(kwargs)) {
        if (!IS_KIND(kwargs, K_DICT)) {
            vm_raise(vm, vm->E.TypeError, "argument after ** must be a mapping, not %s",
                     type_name(vm, kwargs));
            goto done;
        }
        if (kw_from_dict(vm, AS(DictObj, kwargs), &names, &values, &kw.n)) goto done;
        kw.names = names;
        kw.values = values;
    }
    ListObj *a = AS(ListObj, args);
    r = obj_call(vm, func, (int)a->len, a->items, kw.n ? &kw : NULL);
done:
    free(names);
    free(values);
    return r;
}

static Value format_value(VM *vm, Value v, int conv, Value spec) {
    Value s = v_null();
    if (conv == 1) s = obj_str(vm, v);
    else if (conv == 2) s = obj_repr(vm, v);
    else if (conv == 3) s = obj_ascii(vm, v);
    if (IS_ERR(s)) return ERRV;
    Value x = IS_NULL(s) ? v : s;
    Value r;
    if (IS_NULL(spec) && IS_KIND(x, K_STR)) r = vref(x);
    else if (IS_NULL(spec)) r = obj_str(vm, x);
    else r = obj_format(vm, x, AS(StrObj, spec));
    decref(s);
    return r;
}

static Value build_string(VM *vm, Value *items, int n) {
    SBuf b = SBUF_INIT;
    for (int i = 0; i < n; i++) {
        StrObj *s = AS(StrObj, items[i]);
        if (sb_putn(&b, s->s, s->len)) {
            sb_free(&b);
            return vm_nomem(vm);
        }
    }
    return str_from_sbuf(vm, &b);
}

static Value import_from(VM *vm, Value mod, StrObj *name) {
    if (IS_KIND(mod, K_MODULE)) {
        ModuleObj *m = AS(ModuleObj, mod);
        Value v = dict_get_str(m->dict, name);
        if (!IS_NULL(v)) return vref(v);
        char full[256];
        snprintf(full, sizeof full, "%s.%s", m->name->s, name->s);
        Value sub = vm_import(vm, full);
        if (!IS_ERR(sub)) return sub;
        decref(vm->exc);
        vm->exc = v_null();
        return vm_raise(vm, vm->E.ImportError, "cannot import name '%s' from '%s' (unknown location)",
                        name->s, m->name->s);
    }
    return obj_getattr(vm, mod, name);
}

/* import a.b.c: imports the whole path; binds the top package unless leaf is wanted. */
static __attribute__((noinline)) Value import_name(VM *vm, const char *name, int top_package) {
    if (!top_package) return vm_import(vm, name);
    Value full = vm_import(vm, name);
    if (IS_ERR(full)) return ERRV;
    decref(full);
    char top[256];
    size_t n = strcspn(name, ".");
    if (n >= sizeof top) n = sizeof top - 1;
    memcpy(top, name, n);
    top[n] = 0;
    return vm_import(vm, top);
}

static int import_star(VM *vm, Frame *f, Value mod) {
    if (!IS_KIND(mod, K_MODULE)) return 0;
    DictObj *d = AS(ModuleObj, mod)->dict;
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
        if (IS_KIND(k, K_STR) && AS(StrObj, k)->s[0] == '_') continue;
        if (dict_set(vm, f->globals, k, v)) return -1;
    }
    return 0;
}

static Value unbound_local(VM *vm, StrObj *name) {
    return vm_raise(vm, vm->E.UnboundLocalError,
                    "cannot access local variable '%s' where it is not associated with a value",
                    name->s);
}

static Value free_var_error(VM *vm, StrObj *name) {
    return vm_raise(vm, vm->E.NameError,
                    "cannot access free variable '%s' where it is not associated with a value in "
                    "enclosing scope", name->s);
}

/* Where does the exception go? Returns the handler ip, or -1 to leave the frame. */
static int unwind(VM *vm, Frame *f) {
    while (f->nblocks > 0) {
        Block b = f->blocks[--f->nblocks];
        if (b.type == BLOCK_HANDLER) {
            /* leaving an except body by an exception: restore the previously handled one */
            while (f->sp > b.sp + 1) decref(f->stack[--f->sp]);
            Value prev = f->stack[--f->sp];
            Value cur = vm->handling;
            vm->handling = prev;
            decref(cur);
            continue;
        }
        while (f->sp > b.sp) decref(f->stack[--f->sp]);
        Value exc = vm_take_exc(vm);
        f->stack[f->sp++] = vm->handling; /* moved: restored by POP_EXCEPT / RERAISE */
        vm->handling = vref(exc);
        f->stack[f->sp++] = exc;
        f->blocks[f->nblocks++] = (Block){BLOCK_HANDLER, 0, b.sp};
        return b.handler;
    }
    return -1;
}

/* s += t where s is only held by the stack and the variable the next instruction stores to:
 * drop the variable's reference and grow the string in place, as CPython does. */
static int str_append_inplace(VM *vm, Frame *f, uint32_t next, Value *top, Value b) {
    Value *slot = NULL;
    if (INSTR_OP(next) == OP_STORE_FAST) {
        slot = &f->locals[INSTR_ARG(next)];
    } else if (INSTR_OP(next) == OP_STORE_GLOBAL) {
        StrObj *name = f->code->names[INSTR_ARG(next)];
        DictObj *g = f->globals;
        if (!g->index) return 0;
        int64_t hash = str_hash(name);
        size_t mask = g->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
        for (;;) {
            int32_t ix = g->index[i];
            if (ix == -1) return 0;
            if (ix >= 0 && g->entries[ix].hash == hash && IS_KIND(g->entries[ix].key, K_STR)
                && str_eq(AS(StrObj, g->entries[ix].key), name)) {
                slot = &g->entries[ix].value;
                break;
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    if (!slot || slot->tag != T_OBJ || slot->u.o != top->u.o) return 0;
    StrObj *s = AS(StrObj, *top), *t = AS(StrObj, b);
    StrObj *n = realloc(s, sizeof(StrObj) + s->len + t->len + 1);
    if (!n) return 0;
    *slot = v_none(); /* the store that follows puts the grown string back */
    n->h.rc = 1;
    memcpy(n->s + n->len, t->s, t->len + 1);
    n->len += t->len;
    n->nchars += t->nchars;
    n->hash = -1;
    top->u.o = (Obj *)n;
    (void)vm;
    return 1;
}

/* ---------------------------------------------------------------- the dispatch loop */

/* Threaded dispatch: each instruction jumps straight to the next one's label, which gives the
 * branch predictor one indirect jump per opcode instead of one shared by all. */
#define TARGET(name) case OP_##name: L_##name
#define DISPATCH()                                                                             \
    do {                                                                                       \
        w = code[ip++];                                                                        \
        arg = (int)INSTR_ARG(w);                                                               \
        goto *dispatch_table[INSTR_OP(w)];                                                     \
    } while (0)
#define PUSH(v) (stack[sp++] = (v))
#define POP() (stack[--sp])
#define TOP() (stack[sp - 1])
#define PEEK(n) (stack[sp - (n)])
#define SYNC() (f->sp = sp)
#define CHECK(v)                                                                               \
    do {                                                                                       \
        if (IS_ERR(v)) goto error;                                                             \
    } while (0)

static Value run_frame(VM *vm, Frame *f) {
    CodeObj *co = f->code;
    const uint32_t *code = co->code;
    Value *stack = f->stack, *locals = f->locals, *consts = co->consts;
    int sp = f->sp, ip = f->ip;
    f->back = vm->frame;
    vm->frame = f;
    f->yielded = 0;
    if (vm->interrupt && vm_check_interrupt(vm)) goto error;

    static void *const dispatch_table[OP__COUNT] = {
#define OP_LABEL(name) &&L_##name,
        OPCODES(OP_LABEL)
#undef OP_LABEL
    };
    uint32_t w;
    int arg;
    for (;;) {
        DISPATCH();
        switch ((Opcode)INSTR_OP(w)) {
        TARGET(NOP): DISPATCH();
        TARGET(POP): {
            Value v = POP();
            decref(v);
            DISPATCH();
        }
        TARGET(DUP): {
            Value v = TOP();
            PUSH(vref(v));
            DISPATCH();
        }
        TARGET(DUP2): {
            Value a = PEEK(2), b = PEEK(1);
            PUSH(vref(a));
            PUSH(vref(b));
            DISPATCH();
        }
        TARGET(ROT2): {
            Value t = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = t;
            DISPATCH();
        }
        TARGET(ROT3): { /* a b c -> c a b */
            Value c = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = c;
            DISPATCH();
        }
        TARGET(ROT4): {
            Value d = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = PEEK(4);
            PEEK(4) = d;
            DISPATCH();
        }
        TARGET(LOAD_CONST): PUSH(vref(consts[arg])); DISPATCH();
        TARGET(LOAD_NONE): PUSH(v_none()); DISPATCH();
        TARGET(LOAD_SMALLINT): PUSH(v_int(arg - (1 << 23))); DISPATCH();
        TARGET(LOAD_FAST): {
            Value v = locals[arg];
            if (IS_NULL(v)) {
                SYNC();
                unbound_local(vm, co->varnames[arg]);
                goto error;
            }
            PUSH(vref(v));
            DISPATCH();
        }
        TARGET(STORE_FAST): {
            Value old = locals[arg];
            locals[arg] = POP();
            decref(old);
            DISPATCH();
        }
        TARGET(DEL_FAST): {
            Value old = locals[arg];
            if (IS_NULL(old)) {
                SYNC();
                unbound_local(vm, co->varnames[arg]);
                goto error;
            }
            locals[arg] = v_null();
            decref(old);
            DISPATCH();
        }
        TARGET(LOAD_DEREF): {
            CellObj *c = AS(CellObj, locals[co->nlocals + arg]);
            if (IS_NULL(c->v)) {
                SYNC();
                StrObj *name = arg < co->ncells ? co->cellnames[arg] : co->freenames[arg - co->ncells];
                if (arg < co->ncells) unbound_local(vm, name);
                else free_var_error(vm, name);
                goto error;
            }
            PUSH(vref(c->v));
            DISPATCH();
        }
        TARGET(STORE_DEREF): {
            CellObj *c = AS(CellObj, locals[co->nlocals + arg]);
            Value old = c->v;
            c->v = POP();
            decref(old);
            DISPATCH();
        }
        TARGET(DEL_DEREF): {
            CellObj *c = AS(CellObj, locals[co->nlocals + arg]);
            Value old = c->v;
            c->v = v_null();
            decref(old);
            DISPATCH();
        }
        TARGET(LOAD_CLOSURE): PUSH(vref(locals[co->nlocals + arg])); DISPATCH();
        TARGET(LOAD_GLOBAL): {
            GlobalCache *gc = co->gcache ? &co->gcache[arg] : NULL;
            if (gc && gc->globals == f->globals && gc->gver == f->globals->version
                && gc->bver == vm->builtins->version) {
                DictObj *d = gc->builtin ? vm->builtins : f->globals;
                PUSH(vref(d->entries[gc->ix].value));
                DISPATCH();
            }
            SYNC();
            Value v = load_global(vm, f, co->names[arg]);
            CHECK(v);
            PUSH(v);
            global_cache_fill(vm, f, co, arg);
            DISPATCH();
        }
        TARGET(STORE_GLOBAL): {
            Value v = POP();
            GlobalCache *gc = co->gcache ? &co->gcache[arg] : NULL;
            if (gc && !gc->builtin && gc->globals == f->globals && gc->gver == f->globals->version
                && gc->bver == vm->builtins->version) {
                Value *slot = &f->globals->entries[gc->ix].value;
                Value old = *slot;
                *slot = v;
                decref(old);
                DISPATCH();
            }
            SYNC();
            int r = dict_set(vm, f->globals, v_obj(co->names[arg]), v);
            decref(v);
            if (r) goto error;
            global_cache_fill(vm, f, co, arg);
            DISPATCH();
        }
        TARGET(DEL_GLOBAL): {
            SYNC();
            int r = dict_del(vm, f->globals, v_obj(co->names[arg]));
            if (r < 0) goto error;
            if (r == 0) {
                vm_raise(vm, vm->E.NameError, "name '%s' is not defined", co->names[arg]->s);
                goto error;
            }
            DISPATCH();
        }
        TARGET(LOAD_NAME_CLASS): goto not_supported;
        TARGET(LOAD_ATTR): {
            Value o = TOP();
            SYNC();
            Value v = obj_getattr(vm, o, co->names[arg]);
            CHECK(v);
            TOP() = v;
            decref(o);
            DISPATCH();
        }
        TARGET(STORE_ATTR): {
            Value o = POP(), v = POP();
            SYNC();
            int r = obj_setattr(vm, o, co->names[arg], v);
            decref(o);
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(DEL_ATTR): {
            Value o = POP();
            SYNC();
            vm_raise(vm, vm->E.AttributeError, "cannot delete attribute '%s' of '%s' object",
                     co->names[arg]->s, type_name(vm, o));
            decref(o);
            goto error;
        }
        TARGET(LOAD_METHOD): {
            Value o = TOP();
            TypeObj *t = obj_type(vm, o);
            if (o.tag != T_OBJ || (o.u.o->k != K_MODULE && o.u.o->k != K_TYPE && o.u.o->k != K_NATIVE)) {
                Value m = v_null();
                for (TypeObj *u = t; u && IS_NULL(m); u = u->base)
                    if (u->dict) m = dict_get_str(u->dict, co->names[arg]);
                if (IS_KIND(m, K_BUILTIN) && IS_NULL(AS(BuiltinObj, m)->self) && !(m.u.o->flags & 3)) {
                    TOP() = vref(m);
                    PUSH(o);
                    break;
                }
            }
            SYNC();
            Value v = obj_getattr(vm, o, co->names[arg]);
            CHECK(v);
            TOP() = v;
            decref(o);
            PUSH(v_null());
            DISPATCH();
        }
        TARGET(CALL_METHOD): {
            Value *args = &stack[sp - arg];
            Value self = PEEK(arg + 1), fn = PEEK(arg + 2);
            SYNC();
            Value r;
            if (IS_NULL(self)) {
                r = obj_call(vm, fn, arg, args, NULL);
            } else {
                r = AS(BuiltinObj, fn)->def->fn(vm, arg + 1, args - 1, NULL);
            }
            for (int i = 0; i < arg + 2; i++) decref(POP());
            SYNC();
            CHECK(r);
            PUSH(r);
            DISPATCH();
        }
        TARGET(SUBSCR): {
            Value k = POP(), o = TOP();
            SYNC();
            Value v;
            if (IS_KIND(o, K_LIST) && k.tag == T_INT && k.u.i >= 0
                && (size_t)k.u.i < AS(ListObj, o)->len)
                v = vref(AS(ListObj, o)->items[k.u.i]);
            else
                v = obj_getitem(vm, o, k);
            decref(k);
            if (IS_ERR(v)) {
                sp--;
                decref(o);
                SYNC();
                goto error;
            }
            TOP() = v;
            decref(o);
            DISPATCH();
        }
        TARGET(STORE_SUBSCR): {
            Value k = POP(), o = POP(), v = POP();
            SYNC();
            int r = obj_setitem(vm, o, k, v);
            decref(k);
            decref(o);
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(DEL_SUBSCR): {
            Value k = POP(), o = POP();
            SYNC();
            int r = obj_delitem(vm, o, k);
            decref(k);
            decref(o);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(BUILD_SLICE): {
            Value step = arg == 3 ? POP() : v_none();
            Value stop = POP(), start = POP();
            SYNC();
            Value s = slice_new(vm, start, stop, step);
            decref(start);
            decref(stop);
            decref(step);
            CHECK(s);
            PUSH(s);
            DISPATCH();
        }
        TARGET(BINARY):
        TARGET(INPLACE): {
            Value b = POP(), a = TOP(), r;
            if (a.tag == T_INT && b.tag == T_INT) {
                int64_t x = a.u.i, y = b.u.i, z;
                if (arg == OP_ADD && !__builtin_add_overflow(x, y, &z)) {
                    TOP() = v_int(z);
                    break;
                }
                if (arg == OP_SUB && !__builtin_sub_overflow(x, y, &z)) {
                    TOP() = v_int(z);
                    break;
                }
                if (arg == OP_MUL && !__builtin_mul_overflow(x, y, &z)) {
                    TOP() = v_int(z);
                    break;
                }
            } else if (a.tag == T_FLOAT && b.tag == T_FLOAT) {
                if (arg == OP_ADD) {
                    TOP() = v_float(a.u.f + b.u.f);
                    break;
                }
                if (arg == OP_SUB) {
                    TOP() = v_float(a.u.f - b.u.f);
                    break;
                }
                if (arg == OP_MUL) {
                    TOP() = v_float(a.u.f * b.u.f);
                    break;
                }
            }
            if (INSTR_OP(w) == OP_INPLACE && arg == OP_ADD && IS_KIND(a, K_STR) && IS_KIND(b, K_STR)
                && a.u.o->rc == 2 && str_append_inplace(vm, f, code[ip], &TOP(), b)) {
                decref(b);
                break;
            }
            SYNC();
            r = INSTR_OP(w) == OP_BINARY ? obj_binop(vm, arg, a, b) : obj_inplace(vm, arg, a, b);
            decref(b);
            if (IS_ERR(r)) goto error;
            TOP() = r;
            decref(a);
            DISPATCH();
        }
        TARGET(UNARY): {
            Value a = TOP();
            SYNC();
            Value r = obj_unop(vm, arg, a);
            CHECK(r);
            TOP() = r;
            decref(a);
            DISPATCH();
        }
        TARGET(COMPARE): {
            Value b = POP(), a = TOP(), r;
            if (a.tag == T_INT && b.tag == T_INT) {
                int64_t x = a.u.i, y = b.u.i;
                int c;
                switch (arg) {
                case OP_LT: c = x < y; break;
                case OP_LE: c = x <= y; break;
                case OP_GT: c = x > y; break;
                case OP_GE: c = x >= y; break;
                case OP_EQ: c = x == y; break;
                default: c = x != y; break;
                }
                TOP() = v_bool(c);
                break;
            }
            SYNC();
            r = obj_compare(vm, arg, a, b);
            decref(b);
            if (IS_ERR(r)) goto error;
            TOP() = r;
            decref(a);
            DISPATCH();
        }
        TARGET(IS_OP): {
            Value b = POP(), a = TOP();
            int same = a.tag == b.tag && (a.tag == T_NONE || a.u.i == b.u.i);
            if (a.tag == T_FLOAT && b.tag == T_FLOAT) same = 0;
            TOP() = v_bool(arg ? !same : same);
            decref(a);
            decref(b);
            DISPATCH();
        }
        TARGET(IN_OP): {
            Value c = POP(), x = TOP();
            SYNC();
            int r = obj_contains(vm, c, x);
            decref(c);
            if (r < 0) goto error;
            TOP() = v_bool(arg ? !r : r);
            decref(x);
            DISPATCH();
        }
        TARGET(NOT_OP): {
            Value a = TOP();
            SYNC();
            int t = a.tag == T_BOOL ? (int)a.u.i : obj_truth(vm, a);
            if (t < 0) goto error;
            TOP() = v_bool(!t);
            decref(a);
            DISPATCH();
        }
        TARGET(JUMP): ip = arg; DISPATCH();
        TARGET(JUMP_BACK):
            ip = arg;
            if (vm->interrupt) {
                SYNC();
                if (vm_check_interrupt(vm)) goto error;
            }
            DISPATCH();
        TARGET(JUMP_IF_FALSE):
        TARGET(JUMP_IF_TRUE): {
            Value v = POP();
            int t;
            if (v.tag == T_BOOL) {
                t = (int)v.u.i;
            } else {
                SYNC();
                t = obj_truth(vm, v);
                decref(v);
                if (t < 0) goto error;
            }
            if (t == (INSTR_OP(w) == OP_JUMP_IF_TRUE)) ip = arg;
            DISPATCH();
        }
        TARGET(JUMP_IF_FALSE_OR_POP):
        TARGET(JUMP_IF_TRUE_OR_POP): {
            Value v = TOP();
            SYNC();
            int t = obj_truth(vm, v);
            if (t < 0) goto error;
            if (t == (INSTR_OP(w) == OP_JUMP_IF_TRUE_OR_POP)) {
                ip = arg;
            } else {
                sp--;
                decref(v);
            }
            DISPATCH();
        }
        TARGET(GET_ITER): {
            Value o = TOP();
            SYNC();
            Value it = obj_iter(vm, o);
            CHECK(it);
            TOP() = it;
            decref(o);
            DISPATCH();
        }
        TARGET(FOR_ITER): {
            Value it = TOP();
            if (IS_KIND(it, K_ITER) && AS(IterObj, it)->sub == IT_RANGE) {
                IterObj *r = AS(IterObj, it);
                if (r->n > 0) {
                    r->n--;
                    PUSH(v_int(r->i));
                    r->i += r->step;
                    break;
                }
                sp--;
                decref(it);
                ip = arg;
                break;
            }
            SYNC();
            Value x = obj_next(vm, it);
            CHECK(x);
            if (IS_NULL(x)) {
                sp--;
                decref(it);
                ip = arg;
            } else {
                PUSH(x);
            }
            DISPATCH();
        }
        TARGET(FOR_RANGE): goto not_supported;
        TARGET(BUILD_LIST):
        TARGET(BUILD_TUPLE): {
            SYNC();
            ListObj *l = INSTR_OP(w) == OP_BUILD_LIST ? list_new(vm, (size_t)arg)
                                                      : tuple_new(vm, (size_t)arg);
            if (!l) goto error;
            sp -= arg;
            if (arg) memcpy(l->items, &stack[sp], (size_t)arg * sizeof(Value));
            PUSH(v_obj(l));
            DISPATCH();
        }
        TARGET(BUILD_SET): {
            SYNC();
            SetObj *s = set_new(vm, 0);
            if (!s) goto error;
            int err = 0;
            for (int i = arg; i > 0; i--)
                if (!err && set_add(vm, s, PEEK(i))) err = 1;
            for (int i = 0; i < arg; i++) decref(POP());
            PUSH(v_obj(s));
            if (err) goto error;
            DISPATCH();
        }
        TARGET(BUILD_MAP): {
            SYNC();
            DictObj *d = dict_new(vm);
            if (!d) goto error;
            int err = 0;
            for (int i = 2 * arg; i > 0; i -= 2)
                if (!err && dict_set(vm, d, PEEK(i), PEEK(i - 1))) err = 1;
            for (int i = 0; i < 2 * arg; i++) decref(POP());
            PUSH(v_obj(d));
            if (err) goto error;
            DISPATCH();
        }
        TARGET(BUILD_STRING): {
            SYNC();
            Value s = build_string(vm, &stack[sp - arg], arg);
            for (int i = 0; i < arg; i++) decref(POP());
            SYNC();
            CHECK(s);
            PUSH(s);
            DISPATCH();
        }
        TARGET(LIST_APPEND): {
            Value v = POP();
            SYNC();
            int r = list_append(vm, AS(ListObj, PEEK(arg)), v);
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(SET_ADD): {
            Value v = POP();
            SYNC();
            int r = set_add(vm, AS(SetObj, PEEK(arg)), v);
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(MAP_ADD): {
            Value v = POP(), k = POP();
            SYNC();
            int r = dict_set(vm, AS(DictObj, PEEK(arg)), k, v);
            decref(k);
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(LIST_EXTEND): {
            Value v = POP();
            SYNC();
            int r = list_extend(vm, AS(ListObj, PEEK(arg)), v);
            if (r && AS(ExcObj, vm->exc)->cls == vm->E.TypeError && !IS_KIND(v, K_ITER)) {
                decref(vm->exc);
                vm->exc = v_null();
                vm_raise(vm, vm->E.TypeError, "Value after * must be an iterable, not %s",
                         type_name(vm, v));
            }
            decref(v);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(SET_UPDATE): {
            Value v = POP();
            SYNC();
            if (IS_KIND(v, K_SET) || IS_KIND(v, K_FROZENSET)) {
                int r = set_merge(vm, AS(SetObj, PEEK(arg)), AS(SetObj, v));
                decref(v);
                if (r) goto error;
                break;
            }
            Value it = obj_iter(vm, v);
            decref(v);
            CHECK(it);
            int err = 0;
            for (;;) {
                Value x = obj_next(vm, it);
                if (IS_ERR(x)) {
                    err = 1;
                    break;
                }
                if (IS_NULL(x)) break;
                err = set_add(vm, AS(SetObj, PEEK(arg)), x);
                decref(x);
                if (err) break;
            }
            decref(it);
            if (err) goto error;
            DISPATCH();
        }
        TARGET(DICT_UPDATE): {
            Value v = POP();
            SYNC();
            if (!IS_KIND(v, K_DICT)) {
                vm_raise(vm, vm->E.TypeError, "'%s' object is not a mapping", type_name(vm, v));
                decref(v);
                goto error;
            }
            size_t pos = 0;
            Value k, x;
            int err = 0;
            while (!err && dict_next(AS(DictObj, v), &pos, &k, &x))
                err = dict_set(vm, AS(DictObj, PEEK(arg)), k, x);
            decref(v);
            if (err) goto error;
            DISPATCH();
        }
        TARGET(LIST_TO_TUPLE): {
            ListObj *l = AS(ListObj, TOP());
            SYNC();
            ListObj *t = tuple_new(vm, l->len);
            if (!t) goto error;
            for (size_t i = 0; i < l->len; i++) t->items[i] = vref(l->items[i]);
            decref(TOP());
            TOP() = v_obj(t);
            DISPATCH();
        }
        TARGET(UNPACK):
        TARGET(UNPACK_EX): {
            Value seq = POP();
            SYNC();
            int r = unpack_onto(vm, seq, INSTR_OP(w) == OP_UNPACK_EX, arg, &stack[sp]);
            decref(seq);
            if (r < 0) goto error;
            sp += r;
            DISPATCH();
        }
        TARGET(FORMAT): {
            Value spec = (arg & 4) ? POP() : v_null();
            Value v = TOP();
            SYNC();
            Value r = format_value(vm, v, arg & 3, spec);
            decref(spec);
            CHECK(r);
            TOP() = r;
            decref(v);
            DISPATCH();
        }
        TARGET(CALL):
        TARGET(CALL_KW): {
            KwArgs kw = {0, NULL, NULL}, *kwp = NULL;
            Value names = v_null();
            int n = arg;
            if (INSTR_OP(w) == OP_CALL_KW) {
                names = POP();
                kw.n = (int)AS(ListObj, names)->len;
                kw.names = AS(ListObj, names)->items;
                kw.values = &stack[sp - kw.n];
                kwp = &kw;
                n -= kw.n;
            }
            Value fn = PEEK(arg + 1);
            SYNC();
            Value r;
            if (IS_KIND(fn, K_FUNC) && !kwp) r = vm_call_function(vm, AS(FuncObj, fn), n, &stack[sp - arg], NULL);
            else r = obj_call(vm, fn, n, &stack[sp - arg], kwp);
            for (int i = 0; i < arg + 1; i++) decref(POP());
            decref(names);
            SYNC();
            CHECK(r);
            PUSH(r);
            DISPATCH();
        }
        TARGET(CALL_EX): {
            Value kwargs = (arg & 1) ? POP() : v_null();
            Value args = POP(), fn = POP();
            SYNC();
            Value r = call_ex(vm, fn, args, kwargs);
            decref(kwargs);
            decref(args);
            decref(fn);
            CHECK(r);
            PUSH(r);
            DISPATCH();
        }
        TARGET(MAKE_FUNCTION): {
            SYNC();
            Value fn = make_function(vm, f, arg);
            sp = f->sp;
            CHECK(fn);
            PUSH(fn);
            DISPATCH();
        }
        TARGET(RETURN): {
            Value r = POP();
            SYNC();
            f->ip = ip;
            vm->frame = f->back;
            return r;
        }
        TARGET(GEN_START): DISPATCH();
        TARGET(FUSE): { /* fused: push the value, then the JUMP past the ordinary code */
            SYNC();
            Value v = fuse_eval(vm, f, consts[arg]);
            if (IS_NULL(v)) {
                ip++; /* not fused: run the ordinary code */
                DISPATCH();
            }
            CHECK(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(YIELD): {
            Value r = POP();
            SYNC();
            f->ip = ip;
            f->yielded = 1;
            vm->frame = f->back;
            return r;
        }
        TARGET(YIELD_FROM): goto not_supported;
        TARGET(SETUP_TRY):
            if (f->nblocks == MAX_BLOCKS) {
                SYNC();
                vm_raise(vm, vm->E.SyntaxError, "too many statically nested blocks");
                goto error;
            }
            f->blocks[f->nblocks++] = (Block){BLOCK_TRY, arg, sp};
            DISPATCH();
        TARGET(POP_BLOCK): f->nblocks--; DISPATCH();
        TARGET(POP_EXCEPT): {
            f->nblocks--; /* the BLOCK_HANDLER */
            Value prev = POP();
            Value cur = vm->handling;
            vm->handling = prev;
            decref(cur);
            DISPATCH();
        }
        TARGET(RERAISE): {
            Value exc = POP();
            f->nblocks--;
            Value prev = POP();
            Value cur = vm->handling;
            vm->handling = prev;
            decref(cur);
            SYNC();
            Value old = vm->exc;
            vm->exc = exc;
            decref(old);
            vm->reraise = 1;
            goto error;
        }
        TARGET(RAISE): {
            Value cause = arg == 2 ? POP() : v_null();
            Value exc = arg >= 1 ? POP() : v_null();
            SYNC();
            do_raise(vm, exc, cause);
            decref(exc);
            decref(cause);
            goto error;
        }
        TARGET(EXC_MATCH): {
            Value spec = POP();
            SYNC();
            int r = exc_matches(vm, TOP(), spec);
            decref(spec);
            if (r < 0) goto error;
            PUSH(v_bool(r));
            DISPATCH();
        }
        TARGET(IMPORT): {
            SYNC();
            Value m = import_name(vm, co->names[arg & 0x7fffff]->s, !(arg & 0x800000));
            CHECK(m);
            PUSH(m);
            DISPATCH();
        }
        TARGET(IMPORT_FROM): {
            SYNC();
            Value v = import_from(vm, TOP(), co->names[arg]);
            CHECK(v);
            PUSH(v);
            DISPATCH();
        }
        TARGET(IMPORT_STAR): {
            Value m = POP();
            SYNC();
            int r = import_star(vm, f, m);
            decref(m);
            if (r) goto error;
            DISPATCH();
        }
        TARGET(PRINT_EXPR): {
            Value v = POP();
            decref(vm->result);
            vm->result = v;
            DISPATCH();
        }
        TARGET(ASSERT_FAIL): {
            Value msg = arg ? POP() : v_null();
            SYNC();
            Value args = IS_NULL(msg) ? v_null() : tuple_pack(vm, 1, msg);
            decref(msg);
            CHECK(args);
            Value e = exc_new(vm, vm->E.AssertionError, args);
            decref(args);
            CHECK(e);
            set_pending(vm, e);
            goto error;
        }
        TARGET(LOAD_BUILD_CLASS): {
            Value msg = POP();
            SYNC();
            vm_raise(vm, vm->E.NotImplementedError, "%s", AS(StrObj, msg)->s);
            decref(msg);
            goto error;
        }
        default:
        not_supported:
            SYNC();
            vm_raise(vm, vm->E.NotImplementedError, "opcode %d is not supported", INSTR_OP(w));
            goto error;
        }
        continue;

    error:
        sp = f->sp;
        if (!vm->reraise) vm_add_traceback(vm, co, &co->pos[ip > 0 ? ip - 1 : 0]);
        vm->reraise = 0;
        {
            int h = unwind(vm, f);
            sp = f->sp;
            if (h >= 0) {
                ip = h;
                continue;
            }
        }
        f->ip = ip;
        vm->frame = f->back;
        return ERRV;
    }
}

/* ---------------------------------------------------------------- the VM's life */

VM *vm_new(void) {
    VM *vm = calloc(1, sizeof(VM));
    if (!vm) return NULL;
    vm->exc = v_null();
    vm->handling = v_null();
    vm->result = v_none();
    vm->memerr = v_null();
    vm->ellipsis = v_null();
    vm->maxdepth = 1000;
    if (builtins_init(vm)) {
        vm_free(vm);
        return NULL;
    }
    Value name = str_cstr(vm, "__main__");
    int r = IS_ERR(name) || dict_set_str(vm, vm->globals, "__name__", name);
    decref(name);
    if (r) {
        vm_free(vm);
        return NULL;
    }
    return vm;
}

static void release_dict(VM *vm, DictObj *d) {
    if (!d) return;
    dict_clear(vm, d);
    decref(v_obj(d));
}

void vm_free(VM *vm) {
    if (!vm) return;
    sql_free(vm);
    decref(vm->exc);
    decref(vm->handling);
    decref(vm->result);
    vm->exc = vm->handling = vm->result = v_null();
    release_dict(vm, vm->globals);
    release_dict(vm, vm->modules);
    gc_collect(vm);
    np_free(vm);
    release_dict(vm, vm->builtins);
    if (vm->interned) {
        /* interned strings are their own keys and values: clear without re-entering */
        release_dict(vm, vm->interned);
    }
    for (int i = 0; i < K__COUNT; i++)
        if (vm->types[i]) decref(v_obj(vm->types[i]));
    TypeObj *basic[] = {vm->t_none, vm->t_bool, vm->t_int, vm->t_float, vm->t_object};
    for (size_t i = 0; i < sizeof basic / sizeof basic[0]; i++)
        if (basic[i]) {
            if (basic[i]->dict) release_dict(vm, basic[i]->dict), basic[i]->dict = NULL;
            decref(v_obj(basic[i]));
        }
    TypeObj **exc = (TypeObj **)&vm->E;
    for (size_t i = 0; i < sizeof(ExcTable) / sizeof(TypeObj *); i++)
        if (exc[i]) decref(v_obj(exc[i]));
    decref(vm->memerr);
    decref(vm->ellipsis);
    if (vm->empty_tuple) {
        ListObj *t = vm->empty_tuple;
        vm->empty_tuple = NULL;
        decref(v_obj(t));
    }
    while (vm->free_frames) {
        Frame *f = vm->free_frames;
        vm->free_frames = f->back;
        free(f);
    }
    sb_free(&vm->out);
    free(vm);
}
