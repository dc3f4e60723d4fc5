/* builtins.c: the interpreter's start-up (types, exception classes, the builtins module) and
 * the built-in functions and type constructors, as tables of BuiltinDef rows. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "array/random.h"
#include "display/display.h"
#include "magic.h"
#include "sql/sql.h"
#include "object.h"
#include "strmethods.h"

/* ---------------------------------------------------------------- argument parsing */

static int spec_names(const char *spec, char names[][32], int *nreq, int *kwonly_from) {
    int n = 0, optional = 0;
    *nreq = -1;
    *kwonly_from = 1 << 20;
    const char *p = spec;
    while (*p && n < 16) {
        if (*p == '|') {
            optional = 1;
            if (*nreq < 0) *nreq = n;
            p++;
            continue;
        }
        if (*p == '$') {
            *kwonly_from = n;
            if (*nreq < 0) *nreq = n;
            p++;
            continue;
        }
        if (*p == ',') {
            p++;
            continue;
        }
        size_t len = strcspn(p, ",|$");
        if (len > 31) len = 31;
        memcpy(names[n], p, len);
        names[n][len] = 0;
        n++;
        p += len;
    }
    if (*nreq < 0) *nreq = optional ? 0 : n;
    return n;
}

int arg_parse(VM *vm, const char *fname, const char *spec, int argc, const Value *argv,
              const KwArgs *kw, Value *out) {
    char names[16][32];
    int nreq, kwonly;
    int n = spec_names(spec, names, &nreq, &kwonly);
    int npos = n < kwonly ? n : kwonly;
    for (int i = 0; i < n; i++) out[i] = v_null();
    if (argc > npos) {
        if (npos == nreq)
            vm_raise(vm, vm->E.TypeError, "%s() takes exactly %d argument%s (%d given)", fname, npos,
                     npos == 1 ? "" : "s", argc);
        else
            vm_raise(vm, vm->E.TypeError, "%s() takes at most %d argument%s (%d given)", fname, npos,
                     npos == 1 ? "" : "s", argc);
        return -1;
    }
    for (int i = 0; i < argc; i++) out[i] = argv[i];
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = AS(StrObj, kw->names[k])->s;
        int slot = -1;
        for (int i = 0; i < n; i++)
            if (!strcmp(names[i], name)) slot = i;
        if (slot < 0) {
            vm_raise(vm, vm->E.TypeError, "%s() got an unexpected keyword argument '%s'", fname, name);
            return -1;
        }
        if (!IS_NULL(out[slot])) {
            vm_raise(vm, vm->E.TypeError, "argument for %s() given by name ('%s') and position (%d)",
                     fname, name, slot + 1);
            return -1;
        }
        out[slot] = kw->values[k];
    }
    for (int i = 0; i < nreq; i++)
        if (IS_NULL(out[i])) {
            if (i < npos)
                vm_raise(vm, vm->E.TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                         names[i], i + 1);
            else
                vm_raise(vm, vm->E.TypeError, "%s() missing required keyword argument '%s'", fname,
                         names[i]);
            return -1;
        }
    return 0;
}

static int no_kw(VM *vm, const char *fname, const KwArgs *kw) {
    if (kw && kw->n) {
        vm_raise(vm, vm->E.TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

static int nargs(VM *vm, const char *fname, int argc, int lo, int hi) {
    if (argc >= lo && argc <= hi) return 0;
    if (lo == hi)
        vm_raise(vm, vm->E.TypeError, "%s() takes exactly %s (%d given)", fname,
                 lo == 1 ? "one argument" : lo == 0 ? "no arguments" : "2 arguments", argc);
    else if (argc < lo)
        vm_raise(vm, vm->E.TypeError, "%s expected at least %d argument%s, got %d", fname, lo,
                 lo == 1 ? "" : "s", argc);
    else
        vm_raise(vm, vm->E.TypeError, "%s expected at most %d argument%s, got %d", fname, hi,
                 hi == 1 ? "" : "s", argc);
    return -1;
}

/* ---------------------------------------------------------------- objects of the runtime */

Value builtin_new(VM *vm, const BuiltinDef *def, Value self, const char *owner) {
    BuiltinObj *b = malloc(sizeof(BuiltinObj));
    if (!b) return vm_nomem(vm);
    b->h.rc = 1;
    b->h.k = K_BUILTIN;
    b->h.flags = 0;
    b->def = def;
    b->self = vref(self);
    b->owner = owner;
    return v_obj(b);
}

TypeObj *type_new(VM *vm, const char *name, TypeObj *base, ObjKind kind) {
    TypeObj *t = calloc(1, sizeof(TypeObj));
    if (!t) {
        vm_nomem(vm);
        return NULL;
    }
    t->h.rc = 1;
    t->h.k = K_TYPE;
    t->name = name;
    t->base = base;
    if (base) base->h.rc++;
    t->kind = kind;
    t->dict = dict_new(vm);
    if (!t->dict) {
        free(t);
        return NULL;
    }
    return t;
}

int type_add_methods(VM *vm, TypeObj *t, const BuiltinDef *defs) {
    for (const BuiltinDef *d = defs; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), t->name);
        if (IS_ERR(f)) return -1;
        int r = dict_set_str(vm, t->dict, d->name, f);
        decref(f);
        if (r) return -1;
    }
    return 0;
}

ModuleObj *module_new(VM *vm, const char *name) {
    ModuleObj *m = malloc(sizeof(ModuleObj));
    if (!m) {
        vm_nomem(vm);
        return NULL;
    }
    m->h.rc = 1;
    m->h.k = K_MODULE;
    m->h.flags = 0;
    m->name = str_new(vm, name, strlen(name));
    m->dict = dict_new(vm);
    if (!m->name || !m->dict) {
        if (m->name) decref(v_obj(m->name));
        if (m->dict) decref(v_obj(m->dict));
        free(m);
        return NULL;
    }
    gc_track(vm, &m->h);
    return m;
}

int module_add(VM *vm, ModuleObj *m, const char *name, Value v) {
    return dict_set_str(vm, m->dict, name, v);
}

int module_add_funcs(VM *vm, ModuleObj *m, const BuiltinDef *defs) {
    for (const BuiltinDef *d = defs; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), m->name->s);
        if (IS_ERR(f)) return -1;
        int r = module_add(vm, m, d->name, f);
        decref(f);
        if (r) return -1;
    }
    return 0;
}

Value vm_import(VM *vm, const char *name) {
    Value m = dict_get_str(vm->modules, str_intern(vm, name, strlen(name)));
    if (!IS_NULL(m)) return vref(m);
    for (int i = 0; i < vm->nmoddefs; i++) {
        if (strcmp(vm->moddefs[i].name, name)) continue;
        ModuleObj *mod = module_new(vm, name);
        if (!mod) return ERRV;
        if (dict_set_str(vm, vm->modules, name, v_obj(mod)) || vm->moddefs[i].init(vm, mod)) {
            decref(v_obj(mod));
            return ERRV;
        }
        return v_obj(mod);
    }
    return vm_raise(vm, vm->E.ModuleNotFoundError, "No module named '%s'", name);
}

/* ---------------------------------------------------------------- builtin functions */

static Value bi_print(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "print", "$sep,end,file,flush", 0, NULL, kw, a)) return ERRV;
    const char *stream = "stdout";
    if (!IS_NULL(a[2]) && a[2].tag != T_NONE) {
        if (IS_KIND(a[2], K_NATIVE) && !strcmp(AS(NativeObj, a[2])->type->name, "stderr"))
            stream = "stderr";
    }
    for (int i = 0; i < 2; i++)
        if (!IS_NULL(a[i]) && a[i].tag != T_NONE && !IS_KIND(a[i], K_STR))
            return vm_raise(vm, vm->E.TypeError, "%s must be None or a string, not %s",
                            i ? "end" : "sep", type_name(vm, a[i]));
    SBuf b = SBUF_INIT;
    for (int i = 0; i < argc; i++) {
        if (i) {
            if (IS_KIND(a[0], K_STR)) sb_putn(&b, AS(StrObj, a[0])->s, AS(StrObj, a[0])->len);
            else sb_putc(&b, ' ');
        }
        if (obj_str_sb(vm, argv[i], &b)) {
            sb_free(&b);
            return ERRV;
        }
    }
    if (IS_KIND(a[1], K_STR)) sb_putn(&b, AS(StrObj, a[1])->s, AS(StrObj, a[1])->len);
    else sb_putc(&b, '\n');
    vm_write(vm, stream, b.s ? b.s : "", b.len);
    sb_free(&b);
    return v_none();
}

static Value bi_input(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "input", kw) || nargs(vm, "input", argc, 0, 1)) return ERRV;
    SBuf prompt = SBUF_INIT;
    if (argc && obj_str_sb(vm, argv[0], &prompt)) return ERRV;
    vm_flush(vm);
    int why = 0;
    char *line = NULL;
    if (vm->sink && vm->sink->input) line = vm->sink->input(vm->sink->ctx, prompt.s ? prompt.s : "", 0, &why);
    sb_free(&prompt);
    if (!line) {
        if (why == 1 || vm->interrupt) {
            vm->interrupt = 0;
            Value e = exc_new(vm, vm->E.KeyboardInterrupt, v_null());
            if (IS_ERR(e)) return ERRV;
            vm_raise_value(vm, e);
            decref(e);
            return ERRV;
        }
        if (why == 2) return vm_raise(vm, vm->E.OSError, "EOF when reading a line");
        return vm_raise(vm, vm->E.RuntimeError, "input(): the frontend does not support input requests");
    }
    Value r = str_cstr(vm, line);
    free(line);
    return r;
}

static Value bi_len(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "len", kw) || nargs(vm, "len", argc, 1, 1)) return ERRV;
    return obj_len(vm, argv[0]);
}

static Value bi_repr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "repr", kw) || nargs(vm, "repr", argc, 1, 1)) return ERRV;
    return obj_repr(vm, argv[0]);
}

static Value bi_ascii(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "ascii", kw) || nargs(vm, "ascii", argc, 1, 1)) return ERRV;
    return obj_ascii(vm, argv[0]);
}

static Value bi_iter(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "iter", kw) || nargs(vm, "iter", argc, 1, 1)) return ERRV;
    return obj_iter(vm, argv[0]);
}

static Value bi_next(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "next", kw) || nargs(vm, "next", argc, 1, 2)) return ERRV;
    if (!IS_KIND(argv[0], K_ITER) && !IS_KIND(argv[0], K_GEN) && !IS_KIND(argv[0], K_NATIVE))
        return vm_raise(vm, vm->E.TypeError, "'%s' object is not an iterator", type_name(vm, argv[0]));
    Value r = obj_next(vm, argv[0]);
    if (!IS_NULL(r)) return r;
    if (argc == 2) return vref(argv[1]);
    Value e = exc_new(vm, vm->E.StopIteration, v_null());
    if (IS_ERR(e)) return ERRV;
    vm_raise_value(vm, e);
    decref(e);
    return ERRV;
}

static Value bi_enumerate(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "enumerate", "iterable|start", argc, argv, kw, a)) return ERRV;
    int64_t start = 0;
    if (!IS_NULL(a[1]) && obj_index(vm, a[1], &start, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    Value it = obj_iter(vm, a[0]);
    if (IS_ERR(it)) return ERRV;
    Value e = iter_new(vm, IT_ENUMERATE, it, v_null(), 0);
    decref(it);
    if (!IS_ERR(e)) AS(IterObj, e)->i = start;
    return e;
}

static Value iter_tuple(VM *vm, int argc, const Value *argv) {
    ListObj *its = tuple_new(vm, (size_t)argc);
    if (!its) return ERRV;
    for (int i = 0; i < argc; i++) {
        Value it = obj_iter(vm, argv[i]);
        if (IS_ERR(it)) {
            its->len = (size_t)i;
            decref(v_obj(its));
            return ERRV;
        }
        its->items[i] = it;
    }
    return v_obj(its);
}

static Value bi_zip(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "zip", "|$strict", 0, NULL, kw, a)) return ERRV;
    Value its = iter_tuple(vm, argc, argv);
    if (IS_ERR(its)) return ERRV;
    int strict = !IS_NULL(a[0]) && obj_truth(vm, a[0]) > 0;
    Value z = iter_new(vm, IT_ZIP, its, v_null(), strict);
    decref(its);
    if (!IS_ERR(z) && argc == 0) {
        decref(AS(IterObj, z)->src);
        AS(IterObj, z)->sub = IT_SEQ, AS(IterObj, z)->src = v_null();
    }
    return z;
}

static Value bi_map(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "map", kw)) return ERRV;
    if (argc < 2) return vm_raise(vm, vm->E.TypeError, "map() must have at least two arguments.");
    Value its = iter_tuple(vm, argc - 1, argv + 1);
    if (IS_ERR(its)) return ERRV;
    Value m = iter_new(vm, IT_MAP, its, argv[0], 0);
    decref(its);
    return m;
}

static Value bi_filter(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "filter", kw) || nargs(vm, "filter", argc, 2, 2)) return ERRV;
    Value it = obj_iter(vm, argv[1]);
    if (IS_ERR(it)) return ERRV;
    Value f = iter_new(vm, IT_FILTER, it, argv[0], 0);
    decref(it);
    return f;
}

static Value bi_reversed(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "reversed", kw) || nargs(vm, "reversed", argc, 1, 1)) return ERRV;
    Value s = argv[0];
    if (IS_KIND(s, K_LIST) || IS_KIND(s, K_TUPLE) || IS_KIND(s, K_STR) || IS_KIND(s, K_RANGE)
        || IS_KIND(s, K_NATIVE)) {
        Value n = obj_len(vm, s);
        if (IS_ERR(n)) return ERRV;
        Value it = iter_new(vm, IT_REVERSED, s, v_null(), 0);
        if (!IS_ERR(it)) AS(IterObj, it)->i = n.u.i - 1;
        return it;
    }
    if (IS_KIND(s, K_DICT)) {
        ListObj *keys = obj_to_list(vm, s);
        if (!keys) return ERRV;
        Value it = iter_new(vm, IT_REVERSED, v_obj(keys), v_null(), 0);
        if (!IS_ERR(it)) AS(IterObj, it)->i = (int64_t)keys->len - 1;
        decref(v_obj(keys));
        return it;
    }
    return vm_raise(vm, vm->E.TypeError, "'%s' object is not reversible", type_name(vm, s));
}

static Value call_method(VM *vm, Value self, const char *name, int argc, const Value *argv,
                         const KwArgs *kw) {
    StrObj *n = str_intern(vm, name, strlen(name));
    if (!n) return ERRV;
    Value m = obj_getattr(vm, self, n);
    if (IS_ERR(m)) return ERRV;
    Value r = obj_call(vm, m, argc, argv, kw);
    decref(m);
    return r;
}

static Value bi_sorted(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (argc != 1) {
        if (argc == 0) return vm_raise(vm, vm->E.TypeError, "sorted expected 1 argument, got 0");
        return vm_raise(vm, vm->E.TypeError, "sorted expected 1 argument, got %d", argc);
    }
    ListObj *l = obj_to_list(vm, argv[0]);
    if (!l) return ERRV;
    Value r = call_method(vm, v_obj(l), "sort", 0, NULL, kw);
    if (IS_ERR(r)) {
        decref(v_obj(l));
        return ERRV;
    }
    decref(r);
    return v_obj(l);
}

static Value minmax(VM *vm, int argc, const Value *argv, const KwArgs *kw, int op, const char *name) {
    Value a[2];
    if (arg_parse(vm, name, "|$key,default", 0, NULL, kw, a)) return ERRV;
    if (argc == 0)
        return vm_raise(vm, vm->E.TypeError, "%s expected at least 1 argument, got 0", name);
    Value src;
    if (argc == 1) {
        src = vref(argv[0]);
    } else {
        if (!IS_NULL(a[1]))
            return vm_raise(vm, vm->E.TypeError, "Cannot specify a default for %s() with multiple "
                            "positional arguments", name);
        ListObj *t = tuple_new(vm, (size_t)argc);
        if (!t) return ERRV;
        for (int i = 0; i < argc; i++) t->items[i] = vref(argv[i]);
        src = v_obj(t);
    }
    Value it = obj_iter(vm, src);
    decref(src);
    if (IS_ERR(it)) return ERRV;
    Value best = v_null(), bestkey = v_null();
    int key = !IS_NULL(a[0]) && a[0].tag != T_NONE;
    for (;;) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) goto fail;
        if (IS_NULL(x)) break;
        Value k = key ? obj_call(vm, a[0], 1, &x, NULL) : vref(x);
        if (IS_ERR(k)) {
            decref(x);
            goto fail;
        }
        if (IS_NULL(best)) {
            best = x;
            bestkey = k;
            continue;
        }
        Value c = obj_compare(vm, op, k, bestkey);
        int t = IS_ERR(c) ? -1 : obj_truth(vm, c);
        decref(c);
        if (t < 0) {
            decref(x);
            decref(k);
            goto fail;
        }
        if (t) {
            decref(best);
            decref(bestkey);
            best = x;
            bestkey = k;
        } else {
            decref(x);
            decref(k);
        }
    }
    decref(it);
    decref(bestkey);
    if (IS_NULL(best)) {
        if (!IS_NULL(a[1])) return vref(a[1]);
        return vm_raise(vm, vm->E.ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    decref(it);
    decref(best);
    decref(bestkey);
    return ERRV;
}

static Value bi_min(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return minmax(vm, argc, argv, kw, OP_LT, "min");
}
static Value bi_max(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return minmax(vm, argc, argv, kw, OP_GT, "max");
}

static Value bi_sum(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "sum", "iterable|start", argc, argv, kw, a)) return ERRV;
    Value acc = IS_NULL(a[1]) ? v_int(0) : vref(a[1]);
    if (IS_KIND(acc, K_STR))
        return vm_raise(vm, vm->E.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = obj_iter(vm, a[0]);
    if (IS_ERR(it)) {
        decref(acc);
        return ERRV;
    }
    /* floats are added with plain double arithmetic like CPython's fast path */
    for (;;) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) {
            decref(acc);
            acc = ERRV;
            break;
        }
        if (IS_NULL(x)) break;
        Value r = obj_binop(vm, OP_ADD, acc, x);
        decref(x);
        decref(acc);
        acc = r;
        if (IS_ERR(r)) break;
    }
    decref(it);
    return acc;
}

static Value bi_abs(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "abs", kw) || nargs(vm, "abs", argc, 1, 1)) return ERRV;
    Value x = argv[0];
    if (x.tag == T_FLOAT) return v_float(fabs(x.u.f));
    if (is_int(x)) return int_abs(vm, x);
    if (IS_KIND(x, K_COMPLEX)) return v_float(hypot(AS(ComplexObj, x)->re, AS(ComplexObj, x)->im));
    if (IS_KIND(x, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, x)->type;
        if (t->ops && t->ops->unop) {
            Value r = t->ops->unop(vm, 1004 /* abs */, x);
            if (!IS_NULL(r)) return r;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "bad operand type for abs(): '%s'", type_name(vm, x));
}

static Value round_int(VM *vm, Value x, int64_t nd) {
    if (nd >= 0) return vref(x);
    /* round half to even at 10**-nd */
    Value p = int_binop(vm, OP_POW, v_int(10), v_int(-nd));
    if (IS_ERR(p)) return ERRV;
    Value q = int_binop(vm, OP_FLOORDIV, x, p), r = int_binop(vm, OP_MOD, x, p);
    Value twice = IS_ERR(r) ? ERRV : int_binop(vm, OP_MUL, r, v_int(2));
    Value out = ERRV;
    if (!IS_ERR(q) && !IS_ERR(twice)) {
        int c = int_cmp(vm, twice, p);
        int odd = 0;
        if (c == 0) {
            Value m = int_binop(vm, OP_MOD, q, v_int(2));
            odd = !IS_ERR(m) && int_sign(m) != 0;
            decref(m);
        }
        Value q2 = (c > 0 || (c == 0 && odd)) ? int_binop(vm, OP_ADD, q, v_int(1)) : vref(q);
        if (!IS_ERR(q2)) out = int_binop(vm, OP_MUL, q2, p);
        decref(q2);
    }
    decref(p);
    decref(q);
    decref(r);
    decref(twice);
    return out;
}

static Value bi_round(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "round", "number|ndigits", argc, argv, kw, a)) return ERRV;
    Value x = a[0];
    int has_nd = !IS_NULL(a[1]) && a[1].tag != T_NONE;
    int64_t nd = 0;
    if (has_nd && obj_index(vm, a[1], &nd, "'%s' object cannot be interpreted as an integer"))
        return ERRV;
    if (is_int(x)) return round_int(vm, x.tag == T_BOOL ? v_int(x.u.i) : x, has_nd ? nd : 0);
    if (x.tag == T_FLOAT) {
        if (!has_nd) {
            double r = nearbyint(x.u.f); /* ties to even in the default rounding mode */
            return int_from_double(vm, r);
        }
        int overflow = 0;
        double r = numfmt_round_double(x.u.f, nd > 400 ? 400 : nd < -400 ? -400 : (int)nd, &overflow);
        if (overflow) return vm_raise(vm, vm->E.OverflowError, "rounded value too large to represent");
        return v_float(r);
    }
    if (IS_KIND(x, K_NATIVE)) {
        Value m = call_method(vm, x, "round", has_nd ? 1 : 0, has_nd ? &a[1] : NULL, NULL);
        return m;
    }
    return vm_raise(vm, vm->E.TypeError, "type %s doesn't define __round__ method", type_name(vm, x));
}

static Value bi_any_all(VM *vm, Value iterable, int want) {
    Value it = obj_iter(vm, iterable);
    if (IS_ERR(it)) return ERRV;
    int result = !want;
    for (;;) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) {
            decref(it);
            return ERRV;
        }
        if (IS_NULL(x)) break;
        int t = obj_truth(vm, x);
        decref(x);
        if (t < 0) {
            decref(it);
            return ERRV;
        }
        if (t == want) {
            result = want;
            break;
        }
    }
    decref(it);
    return v_bool(result);
}

static Value bi_any(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "any", kw) || nargs(vm, "any", argc, 1, 1)) return ERRV;
    return bi_any_all(vm, argv[0], 1);
}

static Value bi_all(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "all", kw) || nargs(vm, "all", argc, 1, 1)) return ERRV;
    return bi_any_all(vm, argv[0], 0);
}

static int check_classinfo(VM *vm, Value spec, const char *fname) {
    if (IS_KIND(spec, K_TYPE)) return 0;
    if (IS_KIND(spec, K_TUPLE)) {
        ListObj *l = AS(ListObj, spec);
        for (size_t i = 0; i < l->len; i++)
            if (check_classinfo(vm, l->items[i], fname)) return -1;
        return 0;
    }
    vm_raise(vm, vm->E.TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fname);
    return -1;
}

static int isinstance_of(VM *vm, Value x, Value spec) {
    if (IS_KIND(spec, K_TUPLE)) {
        ListObj *l = AS(ListObj, spec);
        for (size_t i = 0; i < l->len; i++)
            if (isinstance_of(vm, x, l->items[i])) return 1;
        return 0;
    }
    return obj_isinstance(vm, x, AS(TypeObj, spec));
}

static Value bi_isinstance(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "isinstance", kw) || nargs(vm, "isinstance", argc, 2, 2)) return ERRV;
    if (check_classinfo(vm, argv[1], "isinstance")) return ERRV;
    return v_bool(isinstance_of(vm, argv[0], argv[1]));
}

static Value bi_issubclass(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "issubclass", kw) || nargs(vm, "issubclass", argc, 2, 2)) return ERRV;
    if (!IS_KIND(argv[0], K_TYPE)) return vm_raise(vm, vm->E.TypeError, "issubclass() arg 1 must be a class");
    if (check_classinfo(vm, argv[1], "issubclass")) return ERRV;
    if (IS_KIND(argv[1], K_TUPLE)) {
        ListObj *l = AS(ListObj, argv[1]);
        for (size_t i = 0; i < l->len; i++)
            if (type_subclass(AS(TypeObj, argv[0]), AS(TypeObj, l->items[i]))) return v_bool(1);
        return v_bool(0);
    }
    return v_bool(AS(TypeObj, argv[1]) == vm->t_object
                  || type_subclass(AS(TypeObj, argv[0]), AS(TypeObj, argv[1])));
}

static Value bi_format(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "format", kw) || nargs(vm, "format", argc, 1, 2)) return ERRV;
    if (argc == 2 && !IS_KIND(argv[1], K_STR))
        return vm_raise(vm, vm->E.TypeError, "format() argument 2 must be str, not %s",
                        type_name(vm, argv[1]));
    if (argc == 1) return obj_str(vm, argv[0]);
    return obj_format(vm, argv[0], AS(StrObj, argv[1]));
}

static Value bi_hash(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "hash", kw) || nargs(vm, "hash", argc, 1, 1)) return ERRV;
    int64_t h;
    if (obj_hash(vm, argv[0], &h)) return ERRV;
    return v_int(h);
}

static Value bi_id(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "id", kw) || nargs(vm, "id", argc, 1, 1)) return ERRV;
    Value x = argv[0];
    if (x.tag == T_OBJ) return v_int((int64_t)(uintptr_t)x.u.o);
    return v_int((int64_t)(x.tag * 1000003) ^ x.u.i);
}

static Value bi_divmod(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "divmod", kw) || nargs(vm, "divmod", argc, 2, 2)) return ERRV;
    Value a = argv[0], b = argv[1];
    if ((a.tag == T_FLOAT || b.tag == T_FLOAT) && (is_int(a) || a.tag == T_FLOAT)
        && (is_int(b) || b.tag == T_FLOAT)) {
        double x, y;
        if (obj_to_double(vm, a, &x) || obj_to_double(vm, b, &y)) return ERRV;
        return float_floordiv_mod(vm, 0, x, y);
    }
    if (!is_int(a) || !is_int(b))
        return vm_raise(vm, vm->E.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        type_name(vm, a), type_name(vm, b));
    Value q = int_binop(vm, OP_FLOORDIV, a, b);
    if (IS_ERR(q)) return ERRV;
    Value r = int_binop(vm, OP_MOD, a, b);
    if (IS_ERR(r)) {
        decref(q);
        return ERRV;
    }
    Value t = tuple_pack(vm, 2, q, r);
    decref(q);
    decref(r);
    return t;
}

static Value bi_pow(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "pow", "base,exp|mod", argc, argv, kw, a)) return ERRV;
    if (IS_NULL(a[2]) || a[2].tag == T_NONE) return obj_binop(vm, OP_POW, a[0], a[1]);
    if (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]))
        return vm_raise(vm, vm->E.TypeError, "pow() 3rd argument not allowed unless all arguments "
                        "are integers");
    return int_pow_mod(vm, a[0], a[1], a[2]);
}

static Value bi_chr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "chr", kw) || nargs(vm, "chr", argc, 1, 1)) return ERRV;
    int64_t c;
    if (obj_index(vm, argv[0], &c, "'%s' object cannot be interpreted as an integer")) return ERRV;
    if (c < 0 || c > 0x10ffff) return vm_raise(vm, vm->E.ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    size_t n;
    if (c < 0x80) buf[0] = (char)c, n = 1;
    else if (c < 0x800) buf[0] = (char)(0xC0 | (c >> 6)), buf[1] = (char)(0x80 | (c & 0x3F)), n = 2;
    else if (c < 0x10000)
        buf[0] = (char)(0xE0 | (c >> 12)), buf[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
        buf[2] = (char)(0x80 | (c & 0x3F)), n = 3;
    else
        buf[0] = (char)(0xF0 | (c >> 18)), buf[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F)), buf[3] = (char)(0x80 | (c & 0x3F)), n = 4;
    return str_value(vm, buf, n);
}

static Value bi_ord(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "ord", kw) || nargs(vm, "ord", argc, 1, 1)) return ERRV;
    if (!IS_KIND(argv[0], K_STR))
        return vm_raise(vm, vm->E.TypeError, "ord() expected string of length 1, but %s found",
                        type_name(vm, argv[0]));
    StrObj *s = AS(StrObj, argv[0]);
    if (s->nchars != 1)
        return vm_raise(vm, vm->E.TypeError, "ord() expected a character, but string of length %zu found",
                        s->nchars);
    const unsigned char *p = (const unsigned char *)s->s;
    int64_t c;
    if (p[0] < 0x80) c = p[0];
    else if (p[0] < 0xE0) c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (p[0] < 0xF0) c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return v_int(c);
}

static Value int_base_str(VM *vm, Value x, int base, const char *prefix) {
    if (!is_int(x)) {
        int64_t dummy;
        if (obj_index(vm, x, &dummy, "'%s' object cannot be interpreted as an integer")) return ERRV;
        x = v_int(dummy);
    }
    SBuf b = SBUF_INIT, digits = SBUF_INIT;
    if (int_sb(vm, x.tag == T_BOOL ? v_int(x.u.i) : x, base, &digits)) return ERRV;
    const char *d = digits.s;
    if (*d == '-') {
        sb_putc(&b, '-');
        d++;
    }
    sb_puts(&b, prefix);
    sb_puts(&b, d);
    sb_free(&digits);
    return str_from_sbuf(vm, &b);
}

static Value bi_hex(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "hex", kw) || nargs(vm, "hex", argc, 1, 1)) return ERRV;
    return int_base_str(vm, argv[0], 16, "0x");
}
static Value bi_bin(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "bin", kw) || nargs(vm, "bin", argc, 1, 1)) return ERRV;
    return int_base_str(vm, argv[0], 2, "0b");
}
static Value bi_oct(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "oct", kw) || nargs(vm, "oct", argc, 1, 1)) return ERRV;
    return int_base_str(vm, argv[0], 8, "0o");
}

static Value bi_getattr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "getattr", kw) || nargs(vm, "getattr", argc, 2, 3)) return ERRV;
    if (!IS_KIND(argv[1], K_STR))
        return vm_raise(vm, vm->E.TypeError, "attribute name must be string, not '%s'",
                        type_name(vm, argv[1]));
    Value r = obj_getattr(vm, argv[0], AS(StrObj, argv[1]));
    if (IS_ERR(r) && argc == 3 && AS(ExcObj, vm->exc)->cls == vm->E.AttributeError) {
        decref(vm_take_exc(vm));
        return vref(argv[2]);
    }
    return r;
}

static Value bi_setattr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "setattr", kw) || nargs(vm, "setattr", argc, 3, 3)) return ERRV;
    if (!IS_KIND(argv[1], K_STR))
        return vm_raise(vm, vm->E.TypeError, "attribute name must be string, not '%s'",
                        type_name(vm, argv[1]));
    if (obj_setattr(vm, argv[0], AS(StrObj, argv[1]), argv[2])) return ERRV;
    return v_none();
}

static Value bi_hasattr(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "hasattr", kw) || nargs(vm, "hasattr", argc, 2, 2)) return ERRV;
    if (!IS_KIND(argv[1], K_STR))
        return vm_raise(vm, vm->E.TypeError, "attribute name must be string, not '%s'",
                        type_name(vm, argv[1]));
    Value r = obj_getattr(vm, argv[0], AS(StrObj, argv[1]));
    if (IS_ERR(r)) {
        if (AS(ExcObj, vm->exc)->cls != vm->E.AttributeError) return ERRV;
        decref(vm_take_exc(vm));
        return v_bool(0);
    }
    decref(r);
    return v_bool(1);
}

static Value bi_callable(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "callable", kw) || nargs(vm, "callable", argc, 1, 1)) return ERRV;
    Value x = argv[0];
    int c = IS_KIND(x, K_FUNC) || IS_KIND(x, K_BUILTIN) || IS_KIND(x, K_BOUND)
            || (IS_KIND(x, K_TYPE) && AS(TypeObj, x)->ctor)
            || (IS_KIND(x, K_NATIVE) && AS(NativeObj, x)->type->ops && AS(NativeObj, x)->type->ops->call);
    return v_bool(c);
}

static int dir_add_dict(VM *vm, ListObj *l, DictObj *d) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (list_append(vm, l, k)) return -1;
    return 0;
}

static Value bi_dir(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "dir", kw) || nargs(vm, "dir", argc, 0, 1)) return ERRV;
    ListObj *l = list_new(vm, 0);
    if (!l) return ERRV;
    int r;
    if (argc == 0) {
        r = dir_add_dict(vm, l, vm->frame ? vm->frame->globals : vm->globals);
    } else if (IS_KIND(argv[0], K_MODULE)) {
        r = dir_add_dict(vm, l, AS(ModuleObj, argv[0])->dict);
    } else {
        r = 0;
        TypeObj *t = IS_KIND(argv[0], K_TYPE) ? AS(TypeObj, argv[0]) : obj_type(vm, argv[0]);
        for (; t && !r; t = t->base)
            if (t->dict) r = dir_add_dict(vm, l, t->dict);
    }
    Value sorted = r ? ERRV : call_method(vm, v_obj(l), "sort", 0, NULL, NULL);
    if (IS_ERR(sorted)) {
        decref(v_obj(l));
        return ERRV;
    }
    decref(sorted);
    return v_obj(l);
}

static Value bi_globals(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argv;
    if (no_kw(vm, "globals", kw) || nargs(vm, "globals", argc, 0, 0)) return ERRV;
    DictObj *g = vm->frame ? vm->frame->globals : vm->globals;
    return vref(v_obj(g));
}

static Value bi_vars(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "vars", kw) || nargs(vm, "vars", argc, 0, 1)) return ERRV;
    if (argc == 0) return bi_globals(vm, 0, NULL, NULL);
    if (IS_KIND(argv[0], K_MODULE)) return vref(v_obj(AS(ModuleObj, argv[0])->dict));
    return vm_raise(vm, vm->E.TypeError, "vars() argument must have __dict__ attribute");
}

/* ---------------------------------------------------------------- constructors */

static Value ctor_type(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "type", kw)) return ERRV;
    if (argc != 2) return vm_raise(vm, vm->E.TypeError, "type() takes 1 or 3 arguments");
    return vref(v_obj(obj_type(vm, argv[1])));
}

static int skip_space(const char **p, const char *end) {
    while (*p < end && isspace((unsigned char)**p)) (*p)++;
    return *p < end;
}

static Value float_from_str(VM *vm, StrObj *s) {
    const char *p = s->s, *end = s->s + s->len;
    char buf[512];
    size_t n = 0;
    skip_space(&p, end);
    while (end > p && isspace((unsigned char)end[-1])) end--;
    for (const char *q = p; q < end && n < sizeof buf - 1; q++) {
        if (*q == '_') {
            if (q == p || q + 1 >= end || !isdigit((unsigned char)q[-1]) || !isdigit((unsigned char)q[1]))
                goto bad;
            continue;
        }
        buf[n++] = *q;
    }
    buf[n] = 0;
    if (n == 0) goto bad;
    {
        const char *b = buf + (buf[0] == '+' || buf[0] == '-');
        if (!strcasecmp(b, "inf") || !strcasecmp(b, "infinity"))
            return v_float(buf[0] == '-' ? -INFINITY : INFINITY);
        if (!strcasecmp(b, "nan")) return v_float(buf[0] == '-' ? -NAN : NAN);
        for (const char *q = b; *q; q++)
            if (!isdigit((unsigned char)*q) && !strchr(".eE+-", *q)) goto bad;
        char *stop;
        errno = 0;
        double d = strtod(buf, &stop);
        if (*stop || stop == buf) goto bad;
        return v_float(d);
    }
bad:;
    SBuf q = SBUF_INIT;
    obj_repr_sb(vm, v_obj(s), &q);
    vm_raise(vm, vm->E.ValueError, "could not convert string to float: %s", q.s ? q.s : "''");
    sb_free(&q);
    return ERRV;
}

static Value ctor_float(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "float", kw) || nargs(vm, "float", argc - 1, 0, 1)) return ERRV;
    if (argc == 1) return v_float(0.0);
    Value x = argv[1];
    if (x.tag == T_FLOAT) return x;
    if (IS_KIND(x, K_STR)) return float_from_str(vm, AS(StrObj, x));
    if (is_int(x) || IS_KIND(x, K_NATIVE)) {
        double d;
        if (obj_to_double(vm, x, &d)) {
            if (IS_KIND(x, K_NATIVE) && AS(ExcObj, vm->exc)->cls == vm->E.TypeError) {
                decref(vm_take_exc(vm));
                goto bad;
            }
            return ERRV;
        }
        return v_float(d);
    }
bad:
    return vm_raise(vm, vm->E.TypeError, "float() argument must be a string or a real number, not '%s'",
                    type_name(vm, x));
}

static Value ctor_int(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "int", "|x,base", argc - 1, argv + 1, kw, a)) return ERRV;
    if (IS_NULL(a[0])) {
        if (!IS_NULL(a[1])) return vm_raise(vm, vm->E.TypeError, "int() missing string argument");
        return v_int(0);
    }
    Value x = a[0];
    if (!IS_NULL(a[1])) {
        int64_t base;
        if (obj_index(vm, a[1], &base, "'%s' object cannot be interpreted as an integer")) return ERRV;
        if (!IS_KIND(x, K_STR))
            return vm_raise(vm, vm->E.TypeError, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return vm_raise(vm, vm->E.ValueError, "int() base must be >= 2 and <= 36, or 0");
        return int_from_str(vm, AS(StrObj, x)->s, AS(StrObj, x)->len, (int)base);
    }
    if (x.tag == T_BOOL) return v_int(x.u.i);
    if (is_int(x)) return vref(x);
    if (x.tag == T_FLOAT) return int_from_double(vm, trunc(x.u.f));
    if (IS_KIND(x, K_STR)) return int_from_str(vm, AS(StrObj, x)->s, AS(StrObj, x)->len, 10);
    if (IS_KIND(x, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, x)->type;
        if (t->ops && t->ops->unop) {
            Value r = t->ops->unop(vm, 1005 /* int() */, x);
            if (!IS_NULL(r)) return r;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "int() argument must be a string, a bytes-like object or a "
                    "real number, not '%s'", type_name(vm, x));
}

/* A NumPy complex scalar as its Python complex (its __complex__), else v itself, borrowed in
 * *tmp's reference: *tmp is set when a new value was made. */
static Value as_python_complex(VM *vm, Value v, Value *tmp) {
    *tmp = v_null();
    if (!IS_KIND(v, K_NATIVE)) return v;
    TypeObj *t = AS(NativeObj, v)->type;
    if (!t->ops || !t->ops->unop) return v;
    Value r = t->ops->unop(vm, 1006 /* a NumPy scalar as a Python one */, v);
    if (IS_ERR(r)) {
        decref(vm_take_exc(vm));
        return v;
    }
    if (!IS_KIND(r, K_COMPLEX)) {
        decref(r);
        return v;
    }
    return *tmp = r;
}

static Value ctor_complex(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2], t0, t1;
    if (arg_parse(vm, "complex", "|real,imag", argc - 1, argv + 1, kw, a)) return ERRV;
    double re = 0, im = 0, r2 = 0, i2 = 0;
    int bad = 1; /* the argument a TypeError from obj_to_double is about */
    a[0] = as_python_complex(vm, a[0], &t0);
    a[1] = as_python_complex(vm, a[1], &t1);
    Value r;
    int c0 = IS_KIND(a[0], K_COMPLEX), c1 = IS_KIND(a[1], K_COMPLEX);
    if (!IS_NULL(a[0])) {
        if (c0) re = AS(ComplexObj, a[0])->re, im = AS(ComplexObj, a[0])->im;
        else if (IS_KIND(a[0], K_STR)) {
            if (!IS_NULL(a[1])) {
                decref(t1);
                return vm_raise(vm, vm->E.TypeError, "complex() can't take second arg if first is a string");
            }
            int rc = str_to_complex(AS(StrObj, a[0]), &re, &im);
            if (rc == -3) return vm_nomem(vm);
            if (rc == -1) return vm_raise(vm, vm->E.ValueError, "complex() arg is a malformed string");
            if (rc == -2) {
                Value r = obj_repr(vm, a[0]);
                if (IS_ERR(r)) return r;
                vm_raise(vm, vm->E.ValueError, "could not convert string to complex: %s", AS(StrObj, r)->s);
                decref(r);
                return ERRV;
            }
            return complex_new(vm, re, im);
        }
        else if (obj_to_double(vm, a[0], &re)) goto bad_arg;
    }
    if (!IS_NULL(a[1])) {
        if (IS_KIND(a[1], K_STR)) {
            decref(t0);
            return vm_raise(vm, vm->E.TypeError, "complex() second arg can't be a string");
        }
        if (c1) r2 = AS(ComplexObj, a[1])->re, i2 = AS(ComplexObj, a[1])->im;
        else if (obj_to_double(vm, a[1], &r2) && (bad = 2)) goto bad_arg;
        /* as CPython: the imaginary part is imag's real part, plus real's imaginary part
         * only when real is complex (so complex(2.5, -0.0) keeps the sign of the zero) */
        im = c0 ? r2 + im : r2;
    }
    r = complex_new(vm, c1 ? re - i2 : re, im);
    decref(t0);
    decref(t1);
    return r;
bad_arg:
    decref(t0);
    decref(t1);
    if (AS(ExcObj, vm->exc)->cls != vm->E.TypeError) return ERRV;
    decref(vm_take_exc(vm));
    if (bad == 2)
        return vm_raise(vm, vm->E.TypeError, "complex() second argument must be a number, not '%s'",
                        type_name(vm, a[1]));
    return vm_raise(vm, vm->E.TypeError, "complex() first argument must be a string or a number, not '%s'",
                    type_name(vm, a[0]));
}

static Value ctor_str(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "str", "|object,encoding,errors", argc - 1, argv + 1, kw, a)) return ERRV;
    if (IS_NULL(a[0])) return str_value(vm, "", 0);
    return obj_str(vm, a[0]);
}

static Value ctor_bool(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "bool", kw) || nargs(vm, "bool", argc - 1, 0, 1)) return ERRV;
    if (argc == 1) return v_bool(0);
    int t = obj_truth(vm, argv[1]);
    return t < 0 ? ERRV : v_bool(t);
}

static Value ctor_list(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "list", kw) || nargs(vm, "list", argc - 1, 0, 1)) return ERRV;
    if (argc == 1) {
        ListObj *l = list_new(vm, 0);
        return l ? v_obj(l) : ERRV;
    }
    ListObj *l = obj_to_list(vm, argv[1]);
    return l ? v_obj(l) : ERRV;
}

static Value ctor_tuple(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "tuple", kw) || nargs(vm, "tuple", argc - 1, 0, 1)) return ERRV;
    if (argc == 1) return v_obj(tuple_new(vm, 0));
    if (IS_KIND(argv[1], K_TUPLE)) return vref(argv[1]);
    ListObj *l = obj_to_list(vm, argv[1]);
    if (!l) return ERRV;
    ListObj *t = tuple_new(vm, l->len);
    if (t) {
        for (size_t i = 0; i < l->len; i++) t->items[i] = vref(l->items[i]);
    }
    decref(v_obj(l));
    return t ? v_obj(t) : ERRV;
}

int dict_update_from(VM *vm, DictObj *d, Value src) {
    if (IS_KIND(src, K_DICT)) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(AS(DictObj, src), &pos, &k, &v))
            if (dict_set(vm, d, k, v)) return -1;
        return 0;
    }
    Value it = obj_iter(vm, src);
    if (IS_ERR(it)) return -1;
    for (int64_t i = 0;; i++) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) goto fail;
        if (IS_NULL(x)) break;
        Value kv[2];
        if (!(IS_KIND(x, K_TUPLE) || IS_KIND(x, K_LIST)) || AS(ListObj, x)->len != 2) {
            if (IS_KIND(x, K_TUPLE) || IS_KIND(x, K_LIST))
                vm_raise(vm, vm->E.ValueError, "dictionary update sequence element #%lld has length "
                         "%zu; 2 is required", (long long)i, AS(ListObj, x)->len);
            else
                vm_raise(vm, vm->E.TypeError, "cannot convert dictionary update sequence element "
                         "#%lld to a sequence", (long long)i);
            decref(x);
            goto fail;
        }
        kv[0] = AS(ListObj, x)->items[0];
        kv[1] = AS(ListObj, x)->items[1];
        int r = dict_set(vm, d, kv[0], kv[1]);
        decref(x);
        if (r) goto fail;
    }
    decref(it);
    return 0;
fail:
    decref(it);
    return -1;
}

static Value ctor_dict(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (nargs(vm, "dict", argc - 1, 0, 1)) return ERRV;
    DictObj *d = dict_new(vm);
    if (!d) return ERRV;
    if (argc == 2 && dict_update_from(vm, d, argv[1])) goto fail;
    for (int i = 0; kw && i < kw->n; i++)
        if (dict_set(vm, d, kw->names[i], kw->values[i])) goto fail;
    return v_obj(d);
fail:
    decref(v_obj(d));
    return ERRV;
}

static Value make_set(VM *vm, int argc, const Value *argv, const KwArgs *kw, int frozen) {
    const char *name = frozen ? "frozenset" : "set";
    if (no_kw(vm, name, kw) || nargs(vm, name, argc - 1, 0, 1)) return ERRV;
    SetObj *s = set_new(vm, frozen);
    if (!s || argc == 1) return s ? v_obj(s) : ERRV;
    Value it = obj_iter(vm, argv[1]);
    if (IS_ERR(it)) goto fail;
    for (;;) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) {
            decref(it);
            goto fail;
        }
        if (IS_NULL(x)) break;
        int r = set_add(vm, s, x);
        decref(x);
        if (r) {
            decref(it);
            goto fail;
        }
    }
    decref(it);
    return v_obj(s);
fail:
    decref(v_obj(s));
    return ERRV;
}

static Value ctor_set(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_set(vm, argc, argv, kw, 0);
}
static Value ctor_frozenset(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return make_set(vm, argc, argv, kw, 1);
}

static Value ctor_range(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "range", kw)) return ERRV;
    if (argc < 2) return vm_raise(vm, vm->E.TypeError, "range expected at least 1 argument, got 0");
    if (argc > 4) return vm_raise(vm, vm->E.TypeError, "range expected at most 3 arguments, got %d", argc - 1);
    int64_t v[3] = {0, 0, 1};
    for (int i = 1; i < argc; i++) {
        if (IS_KIND(argv[i], K_BIGINT))
            return vm_raise(vm, vm->E.OverflowError, "Python int too large to convert to C ssize_t");
        if (obj_index(vm, argv[i], &v[argc == 2 ? 1 : i - 1], "'%s' object cannot be interpreted as an integer"))
            return ERRV;
    }
    if (v[2] == 0) return vm_raise(vm, vm->E.ValueError, "range() arg 3 must not be zero");
    return range_new(vm, v[0], v[1], v[2]);
}

static Value ctor_slice(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, "slice", kw) || nargs(vm, "slice", argc - 1, 1, 3)) return ERRV;
    if (argc == 2) return slice_new(vm, v_none(), argv[1], v_none());
    return slice_new(vm, argv[1], argv[2], argc == 4 ? argv[3] : v_none());
}

static Value ctor_exc(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    TypeObj *cls = AS(TypeObj, argv[0]);
    if (kw && kw->n)
        return vm_raise(vm, vm->E.TypeError, "%s() takes no keyword arguments", cls->name);
    ListObj *args = tuple_new(vm, (size_t)(argc - 1));
    if (!args) return ERRV;
    for (int i = 1; i < argc; i++) args->items[i - 1] = vref(argv[i]);
    Value e = exc_new(vm, cls, v_obj(args));
    decref(v_obj(args));
    return e;
}

static Value ctor_object(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argv;
    if (no_kw(vm, "object", kw) || nargs(vm, "object", argc - 1, 0, 0)) return ERRV;
    return vm_raise(vm, vm->E.NotImplementedError, "object() instances are not supported yet");
}

/* ---------------------------------------------------------------- tables */

static const BuiltinDef BUILTINS[] = {
    {"print", bi_print, "(*values, sep=' ', end='\\n', file=None, flush=False)",
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", bi_input, "(prompt='', /)", "Read a string from standard input."},
    {"len", bi_len, "(obj, /)", "Return the number of items in a container."},
    {"repr", bi_repr, "(obj, /)", "Return the canonical string representation of the object."},
    {"iter", bi_iter, "(iterable, /)", "Get an iterator from an object."},
    {"ascii", bi_ascii, "(obj, /)", "Return an ASCII-only representation of an object."},
    {"next", bi_next, "(iterator, default=<unrepresentable>, /)",
     "Return the next item from the iterator."},
    {"sorted", bi_sorted, "(iterable, /, *, key=None, reverse=False)",
     "Return a new list containing all items from the iterable in ascending order."},
    {"min", bi_min, "(iterable, *[, default=obj, key=func])", "Return the smallest item."},
    {"max", bi_max, "(iterable, *[, default=obj, key=func])", "Return the largest item."},
    {"sum", bi_sum, "(iterable, /, start=0)",
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"abs", bi_abs, "(x, /)", "Return the absolute value of the argument."},
    {"round", bi_round, "(number, ndigits=None)",
     "Round a number to a given precision in decimal digits."},
    {"any", bi_any, "(iterable, /)", "Return True if bool(x) is True for any x in the iterable."},
    {"all", bi_all, "(iterable, /)", "Return True if bool(x) is True for all values x in the iterable."},
    {"isinstance", bi_isinstance, "(obj, class_or_tuple, /)",
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", bi_issubclass, "(cls, class_or_tuple, /)",
     "Return whether 'cls' is derived from another class or is the same class."},
    {"format", bi_format, "(value, format_spec='', /)", "Return value.__format__(format_spec)"},
    {"hash", bi_hash, "(obj, /)", "Return the hash value for the given object."},
    {"id", bi_id, "(obj, /)", "Return the identity of an object."},
    {"divmod", bi_divmod, "(x, y, /)", "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, "(base, exp, mod=None)", "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"chr", bi_chr, "(i, /)", "Return a Unicode string of one character with ordinal i."},
    {"ord", bi_ord, "(c, /)", "Return the Unicode code point for a one-character string."},
    {"hex", bi_hex, "(number, /)", "Return the hexadecimal representation of an integer."},
    {"bin", bi_bin, "(number, /)", "Return the binary representation of an integer."},
    {"oct", bi_oct, "(number, /)", "Return the octal representation of an integer."},
    {"getattr", bi_getattr, "(object, name[, default])", "Get a named attribute from an object."},
    {"setattr", bi_setattr, "(obj, name, value, /)", "Sets the named attribute on the given object."},
    {"hasattr", bi_hasattr, "(obj, name, /)", "Return whether the object has an attribute with the given name."},
    {"callable", bi_callable, "(obj, /)", "Return whether the object is callable."},
    {"dir", bi_dir, "([object])", "Show attributes of an object."},
    {"globals", bi_globals, "()", "Return the dictionary containing the current scope's global variables."},
    {"locals", bi_globals, "()", "Return a dictionary containing the current scope's variables."},
    {"vars", bi_vars, "([object])", "Show vars."},
    {NULL, NULL, NULL, NULL},
};

/* Classes that are callable builtins, with the iterator kinds behind them. */
static const BuiltinDef CLASS_FUNCS[] = {
    {"enumerate", bi_enumerate, "(iterable, start=0)", "Return an enumerate object."},
    {"zip", bi_zip, "(*iterables, strict=False)", "The zip object yields n-length tuples."},
    {"map", bi_map, "(func, *iterables)", "Make an iterator that computes the function using arguments from each of the iterables."},
    {"filter", bi_filter, "(function or None, iterable)", "Return an iterator yielding those items of iterable for which function(item) is true."},
    {"reversed", bi_reversed, "(sequence, /)", "Return a reverse iterator over the values of the given sequence."},
    {NULL, NULL, NULL, NULL},
};

typedef struct TypeRow {
    const char *name;
    ObjKind kind;
    Value (*ctor)(VM *, int, const Value *, const KwArgs *);
    const char *doc;
} TypeRow;

static const TypeRow TYPES[] = {
    {"str", K_STR, ctor_str, "str(object='') -> str"},
    {"int", K_BIGINT, ctor_int, "int([x]) -> integer\nint(x, base=10) -> integer"},
    {"complex", K_COMPLEX, ctor_complex, "Create a complex number from a real part and an optional imaginary part."},
    {"list", K_LIST, ctor_list, "Built-in mutable sequence."},
    {"tuple", K_TUPLE, ctor_tuple, "Built-in immutable sequence."},
    {"dict", K_DICT, ctor_dict, "dict() -> new empty dictionary"},
    {"set", K_SET, ctor_set, "set() -> new empty set object"},
    {"frozenset", K_FROZENSET, ctor_frozenset, "frozenset() -> empty frozenset object"},
    {"range", K_RANGE, ctor_range, "range(stop) -> range object\nrange(start, stop[, step]) -> range object"},
    {"slice", K_SLICE, ctor_slice, "slice(stop)\nslice(start, stop[, step])"},
    {"function", K_FUNC, NULL, NULL},
    {"builtin_function_or_method", K_BUILTIN, NULL, NULL},
    {"method", K_BOUND, NULL, NULL},
    {"code", K_CODE, NULL, NULL},
    {"cell", K_CELL, NULL, NULL},
    {"module", K_MODULE, NULL, NULL},
    {"type", K_TYPE, ctor_type, NULL},
    {"iterator", K_ITER, NULL, NULL},
    {"generator", K_GEN, NULL, NULL},
    {NULL, 0, NULL, NULL},
};

static int make_exceptions(VM *vm) {
    TypeObj **slots = (TypeObj **)&vm->E;
    static const char *const names[] = {
#define EXC_NAME(name, base) #name,
        EXC_CLASSES(EXC_NAME)
#undef EXC_NAME
    };
    static const char *const bases[] = {
#define EXC_BASE(name, base) #base,
        EXC_CLASSES(EXC_BASE)
#undef EXC_BASE
    };
    int n = (int)(sizeof names / sizeof names[0]);
    for (int i = 0; i < n; i++) {
        TypeObj *base = vm->t_object;
        for (int j = 0; j < i; j++)
            if (!strcmp(names[j], bases[i])) base = slots[j];
        TypeObj *t = type_new(vm, names[i], base, K_EXC);
        if (!t) return -1;
        t->ctor = ctor_exc;
        if (!strcmp(names[i], "LinAlgError")) t->module = "numpy.linalg";
        slots[i] = t;
        if (dict_set_str(vm, vm->builtins, names[i], v_obj(t))) return -1;
    }
    return dict_set_str(vm, vm->builtins, "EnvironmentError", v_obj(vm->E.OSError))
           || dict_set_str(vm, vm->builtins, "IOError", v_obj(vm->E.OSError));
}

static int ellipsis_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm;
    (void)str;
    const char *name = AS(NativeObj, self)->type->name;
    return sb_puts(out, !strcmp(name, "ellipsis") ? "Ellipsis" : "NotImplemented");
}
static const NativeOps SINGLETON_OPS = {.repr = ellipsis_repr};

static Value singleton(VM *vm, const char *type) {
    TypeObj *t = type_new(vm, type, vm->t_object, K_NATIVE);
    if (!t) return ERRV;
    t->ops = &SINGLETON_OPS;
    NativeObj *o = malloc(sizeof(NativeObj));
    if (!o) {
        decref(v_obj(t));
        return vm_nomem(vm);
    }
    o->h.rc = 1;
    o->h.k = K_NATIVE;
    o->h.flags = 0;
    o->type = t; /* takes the reference */
    return v_obj(o);
}

static int make_types(VM *vm) {
    if (!(vm->t_object = type_new(vm, "object", NULL, K_NATIVE))) return -1;
    vm->t_object->ctor = ctor_object;
    if (!(vm->t_int = type_new(vm, "int", vm->t_object, K_BIGINT))) return -1;
    vm->t_int->ctor = ctor_int;
    vm->t_int->doc = TYPES[1].doc;
    if (!(vm->t_bool = type_new(vm, "bool", vm->t_int, K_BIGINT))) return -1;
    vm->t_bool->ctor = ctor_bool;
    if (!(vm->t_float = type_new(vm, "float", vm->t_object, K_NATIVE))) return -1;
    vm->t_float->ctor = ctor_float;
    vm->t_float->doc = "Convert a string or number to a floating point number, if possible.";
    if (!(vm->t_none = type_new(vm, "NoneType", vm->t_object, K_NATIVE))) return -1;
    for (const TypeRow *r = TYPES; r->name; r++) {
        if (r->kind == K_BIGINT) {
            vm->types[K_BIGINT] = vm->t_int;
            vm->t_int->h.rc++;
            continue;
        }
        TypeObj *t = type_new(vm, r->name, vm->t_object, r->kind);
        if (!t) return -1;
        t->ctor = r->ctor;
        t->doc = r->doc;
        vm->types[r->kind] = t;
    }
    vm->types[K_EXC] = NULL;
    return 0;
}

static int register_builtins(VM *vm) {
    for (const TypeRow *r = TYPES; r->name; r++) {
        if (!r->ctor) continue;
        TypeObj *t = r->kind == K_BIGINT ? vm->t_int : vm->types[r->kind];
        if (dict_set_str(vm, vm->builtins, r->name, v_obj(t))) return -1;
    }
    if (dict_set_str(vm, vm->builtins, "bool", v_obj(vm->t_bool))
        || dict_set_str(vm, vm->builtins, "float", v_obj(vm->t_float))
        || dict_set_str(vm, vm->builtins, "object", v_obj(vm->t_object)))
        return -1;
    for (const BuiltinDef *d = BUILTINS; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), "builtins");
        if (IS_ERR(f) || dict_set_str(vm, vm->builtins, d->name, f)) return -1;
        decref(f);
    }
    for (const BuiltinDef *d = CLASS_FUNCS; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), "builtins");
        if (IS_ERR(f) || dict_set_str(vm, vm->builtins, d->name, f)) return -1;
        decref(f);
    }
    vm->ellipsis = singleton(vm, "ellipsis");
    Value ni = singleton(vm, "NotImplementedType");
    if (IS_ERR(vm->ellipsis) || IS_ERR(ni)) return -1;
    int r = dict_set_str(vm, vm->builtins, "Ellipsis", vm->ellipsis)
            || dict_set_str(vm, vm->builtins, "NotImplemented", ni)
            || dict_set_str(vm, vm->builtins, "None", v_none())
            || dict_set_str(vm, vm->builtins, "True", v_bool(1))
            || dict_set_str(vm, vm->builtins, "False", v_bool(0));
    decref(ni);
    return r ? -1 : 0;
}

/* Modules implemented in C, imported on first use. */
static const ModuleDef MODULES[] = {
    {"numpy", np_module_init},
    {"numpy.linalg", np_module_init}, /* np_module_init hands it to la_init */
    {"numpy.random", rnd_module_init},
    {"matplotlib", plot_mpl_init},
    {"matplotlib.pyplot", plot_module_init},
};

int builtins_init(VM *vm) {
    vm->moddefs = MODULES;
    vm->nmoddefs = (int)(sizeof MODULES / sizeof MODULES[0]);
    if (!(vm->interned = dict_new(vm)) || !(vm->builtins = dict_new(vm))
        || !(vm->modules = dict_new(vm)) || !(vm->globals = dict_new(vm)))
        return -1;
    if (!(vm->empty_tuple = tuple_new(vm, 0))) return -1;
    if (make_types(vm) || make_exceptions(vm)) return -1;
    vm->memerr = exc_new(vm, vm->E.MemoryError, v_null());
    if (IS_ERR(vm->memerr) || register_builtins(vm)) return -1;
    if (str_methods_init(vm) || container_methods_init(vm) || math_module_init(vm)
        || number_methods_init(vm) || gen_methods_init(vm) || magic_init(vm) || disp_init(vm)
        || sql_init(vm))
        return -1;
    return 0;
}
