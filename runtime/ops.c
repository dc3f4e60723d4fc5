/* ops.c: the generic object protocol: repr/str, equality, ordering, hashing, operators,
 * attributes, subscripts, iteration, calls. Every message follows CPython 3.11's wording. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"
#include "object.h"
#include "strmethods.h"

static const char *const OP_SYMBOL[] = {
    [OP_ADD] = "+", [OP_SUB] = "-", [OP_MUL] = "*", [OP_MATMUL] = "@", [OP_DIV] = "/",
    [OP_FLOORDIV] = "//", [OP_MOD] = "%", [OP_POW] = "** or pow()", [OP_LSHIFT] = "<<",
    [OP_RSHIFT] = ">>", [OP_BITOR] = "|", [OP_BITXOR] = "^", [OP_BITAND] = "&",
    [OP_NEG] = "unary -", [OP_POS] = "unary +", [OP_INVERT] = "unary ~",
    [OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<", [OP_LE] = "<=", [OP_GT] = ">",
    [OP_GE] = ">=",
};

/* ---------------------------------------------------------------- types */

TypeObj *obj_type(VM *vm, Value v) {
    switch (v.tag) {
    case T_NONE: return vm->t_none;
    case T_BOOL: return vm->t_bool;
    case T_INT: return vm->t_int;
    case T_FLOAT: return vm->t_float;
    case T_OBJ:
        switch (v.u.o->k) {
        case K_EXC: return AS(ExcObj, v)->cls;
        case K_NATIVE: return AS(NativeObj, v)->type;
        case K_BIGINT: return vm->t_int;
        default: return vm->types[v.u.o->k];
        }
    default: return vm->t_object;
    }
}

const char *type_name(VM *vm, Value v) { return obj_type(vm, v)->name; }

int type_subclass(const TypeObj *t, const TypeObj *base) {
    for (; t; t = t->base)
        if (t == base) return 1;
    return 0;
}

int obj_isinstance(VM *vm, Value v, TypeObj *t) {
    return t == vm->t_object || type_subclass(obj_type(vm, v), t);
}

int is_int(Value v) { return v.tag == T_INT || v.tag == T_BOOL || IS_KIND(v, K_BIGINT); }

static int is_number(Value v) { return is_int(v) || v.tag == T_FLOAT; }

int obj_to_double(VM *vm, Value v, double *out) {
    if (v.tag == T_FLOAT) {
        *out = v.u.f;
        return 0;
    }
    if (v.tag == T_INT || v.tag == T_BOOL) {
        *out = (double)v.u.i;
        return 0;
    }
    if (IS_KIND(v, K_BIGINT)) return int_to_double(vm, v, out);
    if (IS_KIND(v, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->unop) {
            Value f = t->ops->unop(vm, 1000 /* float() */, v);
            if (IS_ERR(f)) return -1;
            if (f.tag == T_FLOAT) {
                *out = f.u.f;
                return 0;
            }
            decref(f);
        }
    }
    vm_raise(vm, vm->E.TypeError, "must be real number, not %s", type_name(vm, v));
    return -1;
}

int obj_index(VM *vm, Value v, int64_t *out, const char *what) {
    if (v.tag == T_INT || v.tag == T_BOOL) {
        *out = v.u.i;
        return 0;
    }
    if (IS_KIND(v, K_BIGINT)) {
        vm_raise(vm, vm->E.IndexError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (IS_KIND(v, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->unop) {
            Value i = t->ops->unop(vm, 1001 /* __index__ */, v);
            if (IS_ERR(i)) return -1;
            if (i.tag == T_INT) {
                *out = i.u.i;
                return 0;
            }
            decref(i);
        }
    }
    vm_raise(vm, vm->E.TypeError, what, type_name(vm, v));
    return -1;
}

/* ---------------------------------------------------------------- repr and str */

/* Decodes the UTF-8 code point at s[*i] and advances *i. */
static uint32_t utf8_next(const char *s, size_t n, size_t *i) {
    const unsigned char *p = (const unsigned char *)s + *i;
    uint32_t c = p[0];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + len > n) len = 1;
    if (len == 2) c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    else if (len == 3) c = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else if (len == 4) c = ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    *i += len;
    return c;
}

static int escape_cp(SBuf *out, uint32_t c) {
    if (c < 0x100) return sb_printf(out, "\\x%02x", c);
    if (c < 0x10000) return sb_printf(out, "\\u%04x", c);
    return sb_printf(out, "\\U%08x", c);
}

/* repr() of a str; ascii_only escapes every non-ASCII character (ascii()). */
int str_repr_sb(const StrObj *s, SBuf *out, int ascii_only) {
    int dq = memchr(s->s, '\'', s->len) && !memchr(s->s, '"', s->len);
    char q = dq ? '"' : '\'';
    if (sb_reserve(out, s->len + 2)) return -1;
    sb_putc(out, q);
    for (size_t i = 0; i < s->len;) {
        size_t start = i;
        uint32_t c = utf8_next(s->s, s->len, &i);
        int r;
        if (c == (uint32_t)q || c == '\\') r = sb_putc(out, '\\') || sb_putc(out, (char)c);
        else if (c == '\n') r = sb_puts(out, "\\n");
        else if (c == '\r') r = sb_puts(out, "\\r");
        else if (c == '\t') r = sb_puts(out, "\\t");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && (ascii_only || !str_cp_printable(c))))
            r = escape_cp(out, c);
        else r = sb_putn(out, s->s + start, i - start);
        if (r) return -1;
    }
    return sb_putc(out, q);
}

static int repr_str(const StrObj *s, SBuf *out) { return str_repr_sb(s, out, 0); }

int float_repr_sb(double d, SBuf *out) {
    char buf[40];
    int n = numfmt_repr_double(d, buf);
    return sb_putn(out, buf, (size_t)n);
}

static int repr_items(VM *vm, const Value *items, size_t n, SBuf *out) {
    for (size_t i = 0; i < n; i++) {
        if (i && sb_puts(out, ", ")) return -1;
        if (obj_repr_sb(vm, items[i], out)) return -1;
    }
    return 0;
}

static int repr_dict(VM *vm, DictObj *d, SBuf *out) {
    if (sb_putc(out, '{')) return -1;
    size_t pos = 0;
    Value k, v;
    int first = 1;
    while (dict_next(d, &pos, &k, &v)) {
        if (!first && sb_puts(out, ", ")) return -1;
        first = 0;
        if (obj_repr_sb(vm, k, out) || sb_puts(out, ": ") || obj_repr_sb(vm, v, out)) return -1;
    }
    return sb_putc(out, '}');
}

static int repr_set(VM *vm, SetObj *s, SBuf *out) {
    int frozen = s->h.k == K_FROZENSET;
    if (s->used == 0) return sb_puts(out, frozen ? "frozenset()" : "set()");
    if (frozen && sb_puts(out, "frozenset(")) return -1;
    if (sb_putc(out, '{')) return -1;
    size_t pos = 0;
    Value k;
    int first = 1;
    while (set_next(s, &pos, &k)) {
        if (!first && sb_puts(out, ", ")) return -1;
        first = 0;
        if (obj_repr_sb(vm, k, out)) return -1;
    }
    return sb_putc(out, '}') || (frozen && sb_putc(out, ')'));
}

static int repr_exc(VM *vm, ExcObj *e, SBuf *out) {
    if (sb_puts(out, e->cls->name)) return -1;
    TupleObj *args = AS(TupleObj, e->args);
    if (args->len == 1) {
        return sb_putc(out, '(') || obj_repr_sb(vm, args->items[0], out) || sb_putc(out, ')');
    }
    return obj_repr_sb(vm, e->args, out);
}

static int repr_container(VM *vm, Value v, SBuf *out);

static int repr_object(VM *vm, Value v, SBuf *out) {
    Obj *o = v.u.o;
    if (o->k == K_LIST || o->k == K_DICT) return repr_container(vm, v, out);
    switch ((ObjKind)o->k) {
    case K_STR: return repr_str((StrObj *)o, out);
    case K_BIGINT: return int_sb(vm, v, 10, out);
    case K_COMPLEX: {
        char buf[96];
        int n = numfmt_repr_complex(((ComplexObj *)o)->re, ((ComplexObj *)o)->im, buf);
        return sb_putn(out, buf, (size_t)n);
    }
    case K_LIST:
        return sb_putc(out, '[') || repr_items(vm, AS(ListObj, v)->items, AS(ListObj, v)->len, out)
               || sb_putc(out, ']');
    case K_TUPLE: {
        ListObj *t = AS(ListObj, v);
        if (sb_putc(out, '(') || repr_items(vm, t->items, t->len, out)) return -1;
        return (t->len == 1 && sb_putc(out, ',')) || sb_putc(out, ')');
    }
    case K_DICT: return repr_dict(vm, (DictObj *)o, out);
    case K_SET:
    case K_FROZENSET: return repr_set(vm, (SetObj *)o, out);
    case K_RANGE: {
        RangeObj *r = (RangeObj *)o;
        if (r->step == 1) return sb_printf(out, "range(%lld, %lld)", (long long)r->start,
                                           (long long)r->stop);
        return sb_printf(out, "range(%lld, %lld, %lld)", (long long)r->start,
                         (long long)r->stop, (long long)r->step);
    }
    case K_SLICE: {
        SliceObj *s = (SliceObj *)o;
        return sb_puts(out, "slice(") || obj_repr_sb(vm, s->start, out) || sb_puts(out, ", ")
               || obj_repr_sb(vm, s->stop, out) || sb_puts(out, ", ")
               || obj_repr_sb(vm, s->step, out) || sb_putc(out, ')');
    }
    case K_FUNC:
        return sb_printf(out, "<function %s at %p>", ((FuncObj *)o)->code->qualname->s, (void *)o);
    case K_BUILTIN: {
        BuiltinObj *b = (BuiltinObj *)o;
        if (!IS_NULL(b->self))
            return sb_printf(out, "<built-in method %s of %s object at %p>", b->def->name,
                             type_name(vm, b->self), (void *)b->self.u.o);
        return sb_printf(out, "<built-in function %s>", b->def->name);
    }
    case K_MODULE: return sb_printf(out, "<module '%s' (built-in)>", ((ModuleObj *)o)->name->s);
    case K_TYPE: {
        TypeObj *t = (TypeObj *)o;
        if (t->module) return sb_printf(out, "<class '%s.%s'>", t->module, t->name);
        return sb_printf(out, "<class '%s'>", t->name);
    }
    case K_EXC: return repr_exc(vm, (ExcObj *)o, out);
    case K_GEN:
        return sb_printf(out, "<generator object %s at %p>", ((GenObj *)o)->name->s, (void *)o);
    case K_CELL: return sb_printf(out, "<cell at %p>", (void *)o);
    case K_CODE: return sb_printf(out, "<code object %s>", ((CodeObj *)o)->name->s);
    case K_NATIVE: {
        TypeObj *t = ((NativeObj *)o)->type;
        if (t->ops && t->ops->repr) return t->ops->repr(vm, v, out, 0);
        break;
    }
    default: break;
    }
    return sb_printf(out, "<%s object at %p>", type_name(vm, v), (void *)o);
}

/* Lists and dicts that contain themselves print as [...] and {...}. */
static int repr_container(VM *vm, Value v, SBuf *out) {
    Obj *o = v.u.o;
    for (int i = 0; i < vm->nrepr; i++)
        if (vm->repr_stack[i] == o) return sb_puts(out, o->k == K_LIST ? "[...]" : "{...}");
    if (vm->nrepr < 64) vm->repr_stack[vm->nrepr++] = o;
    int r;
    if (o->k == K_LIST)
        r = sb_putc(out, '[') || repr_items(vm, AS(ListObj, v)->items, AS(ListObj, v)->len, out)
            || sb_putc(out, ']');
    else
        r = repr_dict(vm, (DictObj *)o, out);
    if (vm->nrepr && vm->repr_stack[vm->nrepr - 1] == o) vm->nrepr--;
    return r;
}

Value obj_ascii(VM *vm, Value v) {
    SBuf b = SBUF_INIT, r = SBUF_INIT;
    if (obj_repr_sb(vm, v, &b)) {
        sb_free(&b);
        return ERRV;
    }
    for (size_t i = 0; i < b.len;) {
        size_t start = i;
        uint32_t c = utf8_next(b.s, b.len, &i);
        if (c < 0x80 ? sb_putn(&r, b.s + start, i - start) : escape_cp(&r, c)) {
            sb_free(&b);
            sb_free(&r);
            return vm_nomem(vm);
        }
    }
    sb_free(&b);
    return str_from_sbuf(vm, &r);
}

int obj_repr_sb(VM *vm, Value v, SBuf *out) {
    int r;
    switch (v.tag) {
    case T_NONE: r = sb_puts(out, "None"); break;
    case T_BOOL: r = sb_puts(out, v.u.i ? "True" : "False"); break;
    case T_INT: r = sb_printf(out, "%lld", (long long)v.u.i); break;
    case T_FLOAT: r = float_repr_sb(v.u.f, out); break;
    case T_OBJ:
        if (++vm->depth > vm->maxdepth + 50) {
            vm->depth--;
            vm_raise(vm, vm->E.RecursionError, "maximum recursion depth exceeded while getting "
                                               "the repr of an object");
            return -1;
        }
        r = repr_object(vm, v, out);
        vm->depth--;
        if (r && IS_NULL(vm->exc)) vm_nomem(vm);
        return r;
    default: r = sb_puts(out, "<NULL>"); break;
    }
    if (r) vm_nomem(vm);
    return r;
}

int obj_str_sb(VM *vm, Value v, SBuf *out) {
    if (IS_KIND(v, K_STR)) {
        if (sb_putn(out, AS(StrObj, v)->s, AS(StrObj, v)->len)) {
            vm_nomem(vm);
            return -1;
        }
        return 0;
    }
    if (IS_KIND(v, K_EXC)) {
        ExcObj *e = AS(ExcObj, v);
        TupleObj *args = AS(TupleObj, e->args);
        if (args->len == 0) return 0;
        if (args->len == 1) {
            if (e->cls == vm->E.KeyError) return obj_repr_sb(vm, args->items[0], out);
            return obj_str_sb(vm, args->items[0], out);
        }
        return obj_repr_sb(vm, e->args, out);
    }
    if (IS_KIND(v, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->repr) return t->ops->repr(vm, v, out, 1);
    }
    return obj_repr_sb(vm, v, out);
}

Value obj_repr(VM *vm, Value v) {
    SBuf b = SBUF_INIT;
    if (obj_repr_sb(vm, v, &b)) {
        sb_free(&b);
        return ERRV;
    }
    return str_from_sbuf(vm, &b);
}

Value obj_str(VM *vm, Value v) {
    if (IS_KIND(v, K_STR)) return vref(v);
    SBuf b = SBUF_INIT;
    if (obj_str_sb(vm, v, &b)) {
        sb_free(&b);
        return ERRV;
    }
    return str_from_sbuf(vm, &b);
}

/* ---------------------------------------------------------------- truth, equality, order */

int obj_truth(VM *vm, Value v) {
    switch (v.tag) {
    case T_NONE: return 0;
    case T_BOOL:
    case T_INT: return v.u.i != 0;
    case T_FLOAT: return v.u.f != 0.0;
    case T_OBJ: break;
    default: return 0;
    }
    switch (v.u.o->k) {
    case K_STR: return AS(StrObj, v)->len != 0;
    case K_LIST:
    case K_TUPLE: return AS(ListObj, v)->len != 0;
    case K_DICT: return AS(DictObj, v)->used != 0;
    case K_SET:
    case K_FROZENSET: return AS(SetObj, v)->used != 0;
    case K_RANGE: return AS(RangeObj, v)->len != 0;
    case K_COMPLEX: return AS(ComplexObj, v)->re != 0 || AS(ComplexObj, v)->im != 0;
    case K_NATIVE: {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->truth) return t->ops->truth(vm, v);
        if (t->ops && t->ops->len) {
            Value n = t->ops->len(vm, v);
            if (IS_ERR(n)) return -1;
            return n.u.i != 0;
        }
        return 1;
    }
    default: return 1;
    }
}

static int seq_eq(VM *vm, const ListObj *a, const ListObj *b) {
    if (a->len != b->len) return 0;
    for (size_t i = 0; i < a->len; i++) {
        int r = obj_eq(vm, a->items[i], b->items[i]);
        if (r <= 0) return r;
    }
    return 1;
}

static int dict_eq(VM *vm, DictObj *a, DictObj *b) {
    if (a->used != b->used) return 0;
    size_t pos = 0;
    Value k, v;
    while (dict_next(a, &pos, &k, &v)) {
        Value w = dict_get(vm, b, k);
        if (IS_ERR(w)) return -1;
        if (IS_NULL(w)) return 0;
        int r = obj_eq(vm, v, w);
        if (r <= 0) return r;
    }
    return 1;
}

static int set_subset(VM *vm, SetObj *a, SetObj *b) {
    size_t pos = 0;
    Value k;
    while (set_next(a, &pos, &k)) {
        int r = set_contains(vm, b, k);
        if (r <= 0) return r;
    }
    return 1;
}

static int num_eq(VM *vm, Value a, Value b) {
    if (IS_KIND(a, K_COMPLEX) || IS_KIND(b, K_COMPLEX)) {
        double ar = 0, ai = 0, br = 0, bi = 0;
        if (IS_KIND(a, K_COMPLEX)) ar = AS(ComplexObj, a)->re, ai = AS(ComplexObj, a)->im;
        else if (obj_to_double(vm, a, &ar)) return -1;
        if (IS_KIND(b, K_COMPLEX)) br = AS(ComplexObj, b)->re, bi = AS(ComplexObj, b)->im;
        else if (obj_to_double(vm, b, &br)) return -1;
        return ar == br && ai == bi;
    }
    if (is_int(a) && is_int(b)) return int_cmp(vm, a, b) == 0;
    if (a.tag == T_FLOAT && b.tag == T_FLOAT) return a.u.f == b.u.f;
    if (a.tag == T_FLOAT) return int_cmp_double(vm, b, a.u.f) == 0;
    return int_cmp_double(vm, a, b.u.f) == 0;
}

static int is_numeric(Value v) { return is_number(v) || IS_KIND(v, K_COMPLEX); }

int obj_eq(VM *vm, Value a, Value b) {
    if (a.tag == T_OBJ && b.tag == T_OBJ && a.u.o == b.u.o && a.u.o->k != K_NATIVE) return 1;
    if (is_numeric(a) && is_numeric(b)) return num_eq(vm, a, b);
    if (a.tag != T_OBJ || b.tag != T_OBJ) {
        if (a.tag == T_NONE && b.tag == T_NONE) return 1;
        if (IS_KIND(a, K_NATIVE) || IS_KIND(b, K_NATIVE)) goto native;
        return 0;
    }
    int ka = a.u.o->k, kb = b.u.o->k;
    if (ka == K_STR && kb == K_STR) return str_eq(AS(StrObj, a), AS(StrObj, b));
    if (ka == kb && (ka == K_LIST || ka == K_TUPLE)) return seq_eq(vm, AS(ListObj, a), AS(ListObj, b));
    if (ka == K_DICT && kb == K_DICT) return dict_eq(vm, AS(DictObj, a), AS(DictObj, b));
    if ((ka == K_SET || ka == K_FROZENSET) && (kb == K_SET || kb == K_FROZENSET))
        return AS(SetObj, a)->used == AS(SetObj, b)->used
               && set_subset(vm, AS(SetObj, a), AS(SetObj, b));
    if (ka == K_RANGE && kb == K_RANGE) {
        RangeObj *x = AS(RangeObj, a), *y = AS(RangeObj, b);
        if (x->len != y->len) return 0;
        if (x->len == 0) return 1;
        if (x->start != y->start) return 0;
        return x->len == 1 || x->step == y->step;
    }
    if (ka == K_NATIVE || kb == K_NATIVE) goto native;
    return a.u.o == b.u.o;
native:;
    Value r = obj_compare(vm, OP_EQ, a, b);
    if (IS_ERR(r)) return -1;
    int t = obj_truth(vm, r);
    decref(r);
    return t;
}

static int cmp_result(int op, int c) {
    switch (op) {
    case OP_LT: return c < 0;
    case OP_LE: return c <= 0;
    case OP_GT: return c > 0;
    case OP_GE: return c >= 0;
    case OP_EQ: return c == 0;
    default: return c != 0;
    }
}

static Value seq_compare(VM *vm, int op, ListObj *a, ListObj *b) {
    size_t n = a->len < b->len ? a->len : b->len;
    for (size_t i = 0; i < n; i++) {
        int eq = obj_eq(vm, a->items[i], b->items[i]);
        if (eq < 0) return ERRV;
        if (!eq) {
            if (op == OP_EQ) return v_bool(0);
            if (op == OP_NE) return v_bool(1);
            return obj_compare(vm, op, a->items[i], b->items[i]);
        }
    }
    int c = a->len < b->len ? -1 : a->len > b->len;
    return v_bool(cmp_result(op, c));
}

static Value num_compare(VM *vm, int op, Value a, Value b) {
    if (a.tag == T_INT && b.tag == T_INT) return v_bool(cmp_result(op, (a.u.i > b.u.i) - (a.u.i < b.u.i)));
    if (a.tag == T_FLOAT && b.tag == T_FLOAT) {
        double x = a.u.f, y = b.u.f;
        switch (op) {
        case OP_LT: return v_bool(x < y);
        case OP_LE: return v_bool(x <= y);
        case OP_GT: return v_bool(x > y);
        case OP_GE: return v_bool(x >= y);
        case OP_EQ: return v_bool(x == y);
        default: return v_bool(x != y);
        }
    }
    if (is_int(a) && is_int(b)) return v_bool(cmp_result(op, int_cmp(vm, a, b)));
    double d = a.tag == T_FLOAT ? a.u.f : b.u.f;
    if (isnan(d)) return v_bool(op == OP_NE);
    int c = a.tag == T_FLOAT ? -int_cmp_double(vm, b, d) : int_cmp_double(vm, a, d);
    return v_bool(cmp_result(op, c));
}

static Value compare_error(VM *vm, int op, Value a, Value b) {
    return vm_raise(vm, vm->E.TypeError, "'%s' not supported between instances of '%s' and '%s'",
                    OP_SYMBOL[op], type_name(vm, a), type_name(vm, b));
}

static Value native_binop(VM *vm, int op, Value a, Value b) {
    if (IS_KIND(a, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, a)->type;
        if (t->ops && t->ops->binop) {
            Value r = t->ops->binop(vm, op, a, b);
            if (!IS_NULL(r)) return r;
        }
    }
    if (IS_KIND(b, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, b)->type;
        if (t->ops && t->ops->binop) return t->ops->binop(vm, op, a, b);
    }
    return v_null();
}

Value obj_compare(VM *vm, int op, Value a, Value b) {
    if (is_number(a) && is_number(b)) return num_compare(vm, op, a, b);
    if (IS_KIND(a, K_NATIVE) || IS_KIND(b, K_NATIVE)) {
        Value r = native_binop(vm, op, a, b);
        if (!IS_NULL(r)) return r;
    }
    if (op == OP_EQ || op == OP_NE) {
        int r = obj_eq(vm, a, b);
        if (r < 0) return ERRV;
        return v_bool(op == OP_EQ ? r : !r);
    }
    if (IS_KIND(a, K_STR) && IS_KIND(b, K_STR)) {
        StrObj *x = AS(StrObj, a), *y = AS(StrObj, b);
        size_t n = x->len < y->len ? x->len : y->len;
        int c = memcmp(x->s, y->s, n);
        if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
        return v_bool(cmp_result(op, c));
    }
    if (a.tag == T_OBJ && b.tag == T_OBJ && a.u.o->k == b.u.o->k
        && (a.u.o->k == K_LIST || a.u.o->k == K_TUPLE))
        return seq_compare(vm, op, AS(ListObj, a), AS(ListObj, b));
    if ((IS_KIND(a, K_SET) || IS_KIND(a, K_FROZENSET)) && (IS_KIND(b, K_SET) || IS_KIND(b, K_FROZENSET))) {
        SetObj *x = AS(SetObj, a), *y = AS(SetObj, b);
        int r;
        switch (op) {
        case OP_LE: r = set_subset(vm, x, y); break;
        case OP_LT: r = x->used < y->used ? set_subset(vm, x, y) : 0; break;
        case OP_GE: r = set_subset(vm, y, x); break;
        default: r = x->used > y->used ? set_subset(vm, y, x) : 0; break;
        }
        return r < 0 ? ERRV : v_bool(r);
    }
    return compare_error(vm, op, a, b);
}

/* ---------------------------------------------------------------- hashing */

#define HASH_MOD ((uint64_t)0x1FFFFFFFFFFFFFFF) /* 2**61 - 1, as CPython */

int64_t hash_double(double v) {
    if (!isfinite(v)) return isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & HASH_MOD) | x >> (61 - e);
    int64_t r = (int64_t)x * sign;
    return r == -1 ? -2 : r;
}

static int64_t hash_tuple(VM *vm, ListObj *t, int *err) {
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL,
                   P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (size_t i = 0; i < t->len; i++) {
        int64_t h;
        if (obj_hash(vm, t->items[i], &h)) {
            *err = 1;
            return 0;
        }
        acc += (uint64_t)h * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += t->len ^ (P5 ^ 3527539ULL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

int obj_hash(VM *vm, Value v, int64_t *out) {
    switch (v.tag) {
    case T_NONE: *out = 0x3b9aca07; return 0;
    case T_BOOL:
    case T_INT: *out = int_hash(v); return 0;
    case T_FLOAT: *out = hash_double(v.u.f); return 0;
    case T_OBJ: break;
    default: *out = 0; return 0;
    }
    switch (v.u.o->k) {
    case K_STR: *out = str_hash(AS(StrObj, v)); return 0;
    case K_BIGINT: *out = int_hash(v); return 0;
    case K_COMPLEX: {
        uint64_t h = (uint64_t)hash_double(AS(ComplexObj, v)->re)
                     + 1000003ULL * (uint64_t)hash_double(AS(ComplexObj, v)->im);
        *out = (int64_t)h == -1 ? -2 : (int64_t)h;
        return 0;
    }
    case K_TUPLE: {
        int err = 0;
        *out = hash_tuple(vm, AS(ListObj, v), &err);
        return err ? -1 : 0;
    }
    case K_FROZENSET: {
        uint64_t h = 1927868237ULL * (AS(SetObj, v)->used + 1);
        size_t pos = 0;
        Value k;
        while (set_next(AS(SetObj, v), &pos, &k)) {
            int64_t x;
            if (obj_hash(vm, k, &x)) return -1;
            h ^= ((uint64_t)x ^ 89869747ULL ^ ((uint64_t)x << 16)) * 3644798167ULL;
        }
        *out = (int64_t)(h * 69069U + 907133923UL);
        return 0;
    }
    case K_LIST:
    case K_DICT:
    case K_SET:
    case K_SLICE:
        vm_raise(vm, vm->E.TypeError, "unhashable type: '%s'", type_name(vm, v));
        return -1;
    case K_NATIVE: {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->unop) {
            Value h = t->ops->unop(vm, 1002 /* hash */, v);
            if (IS_ERR(h)) return -1;
            if (h.tag == T_INT) {
                *out = h.u.i;
                return 0;
            }
        }
        break;
    }
    default: break;
    }
    *out = (int64_t)((uintptr_t)v.u.o >> 4);
    return 0;
}

/* ---------------------------------------------------------------- operators */

static Value binop_error(VM *vm, int op, Value a, Value b) {
    if (op == OP_ADD && (IS_KIND(a, K_STR) || IS_KIND(a, K_LIST) || IS_KIND(a, K_TUPLE))
        && a.tag == T_OBJ)
        return vm_raise(vm, vm->E.TypeError, "can only concatenate %s (not \"%s\") to %s",
                        type_name(vm, a), type_name(vm, b), type_name(vm, a));
    if (op == OP_MUL && (IS_KIND(a, K_STR) || IS_KIND(a, K_LIST) || IS_KIND(a, K_TUPLE)
                         || IS_KIND(b, K_STR) || IS_KIND(b, K_LIST) || IS_KIND(b, K_TUPLE)))
        return vm_raise(vm, vm->E.TypeError, "can't multiply sequence by non-int of type '%s'",
                        type_name(vm, (IS_KIND(a, K_STR) || IS_KIND(a, K_LIST) || IS_KIND(a, K_TUPLE)) ? b : a));
    return vm_raise(vm, vm->E.TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    OP_SYMBOL[op], type_name(vm, a), type_name(vm, b));
}

Value float_floordiv_mod(VM *vm, int op, double a, double b) {
    if (b == 0.0) {
        return vm_raise(vm, vm->E.ZeroDivisionError, op == OP_MOD ? "float modulo"
                        : op == OP_FLOORDIV ? "float floor division by zero" : "float divmod()");
    }
    double mod = fmod(a, b);
    double div = (a - mod) / b;
    if (mod) {
        if ((b < 0) != (mod < 0)) {
            mod += b;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, b);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, a / b);
    }
    if (op == OP_MOD) return v_float(mod);
    if (op == OP_FLOORDIV) return v_float(floordiv);
    return tuple_pack(vm, 2, v_float(floordiv), v_float(mod));
}

static Value complex_binop(VM *vm, int op, Value a, Value b);

static Value float_binop(VM *vm, int op, double x, double y) {
    switch (op) {
    case OP_ADD: return v_float(x + y);
    case OP_SUB: return v_float(x - y);
    case OP_MUL: return v_float(x * y);
    case OP_DIV:
        if (y == 0.0) return vm_raise(vm, vm->E.ZeroDivisionError, "float division by zero");
        return v_float(x / y);
    case OP_FLOORDIV:
    case OP_MOD: return float_floordiv_mod(vm, op, x, y);
    case OP_POW:
        if (x == 0.0 && y < 0)
            return vm_raise(vm, vm->E.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (x < 0 && y != floor(y) && isfinite(y)) {
            Value cx = complex_new(vm, x, 0), cy = complex_new(vm, y, 0);
            Value r = IS_ERR(cx) || IS_ERR(cy) ? ERRV : complex_binop(vm, OP_POW, cx, cy);
            decref(cx);
            decref(cy);
            return r;
        }
        {
            double r = pow(x, y);
            if (isinf(r) && isfinite(x) && isfinite(y))
                return vm_raise(vm, vm->E.OverflowError, "(34, 'Numerical result out of range')");
            return v_float(r);
        }
    default: return v_null();
    }
}

static int complex_parts(VM *vm, Value v, double *re, double *im) {
    if (IS_KIND(v, K_COMPLEX)) {
        *re = AS(ComplexObj, v)->re;
        *im = AS(ComplexObj, v)->im;
        return 0;
    }
    *im = 0;
    return obj_to_double(vm, v, re);
}

static Value complex_pow(VM *vm, double ar, double ai, double br, double bi) {
    if (br == 0 && bi == 0) return complex_new(vm, 1, 0);
    if (ar == 0 && ai == 0) {
        if (bi != 0 || br < 0)
            return vm_raise(vm, vm->E.ZeroDivisionError, "0.0 to a negative or complex power");
        return complex_new(vm, 0, 0);
    }
    if (bi == 0 && br == floor(br) && fabs(br) <= 100) { /* CPython: repeated multiplication */
        long n = (long)br;
        double rr = 1, ri = 0, xr = ar, xi = ai;
        long m = n < 0 ? -n : n;
        while (m) {
            if (m & 1) {
                double t = rr * xr - ri * xi;
                ri = rr * xi + ri * xr;
                rr = t;
            }
            double t = xr * xr - xi * xi;
            xi = 2 * xr * xi;
            xr = t;
            m >>= 1;
        }
        if (n < 0) {
            double d = rr * rr + ri * ri;
            return complex_new(vm, rr / d, -ri / d);
        }
        return complex_new(vm, rr, ri);
    }
    double vabs = hypot(ar, ai), len = pow(vabs, br), at = atan2(ai, ar), phase = at * br;
    if (bi != 0) {
        len /= exp(at * bi);
        phase += bi * log(vabs);
    }
    return complex_new(vm, len * cos(phase), len * sin(phase));
}

static Value complex_div(VM *vm, double ar, double ai, double br, double bi) {
    if (br == 0 && bi == 0) return vm_raise(vm, vm->E.ZeroDivisionError, "complex division by zero");
    double abs_br = fabs(br), abs_bi = fabs(bi);
    if (abs_br >= abs_bi) {
        double ratio = bi / br, denom = br + bi * ratio;
        return complex_new(vm, (ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
    }
    double ratio = br / bi, denom = br * ratio + bi;
    return complex_new(vm, (ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
}

static Value complex_binop(VM *vm, int op, Value a, Value b) {
    double ar, ai, br, bi;
    if (complex_parts(vm, a, &ar, &ai) || complex_parts(vm, b, &br, &bi)) return ERRV;
    switch (op) {
    case OP_ADD: return complex_new(vm, ar + br, ai + bi);
    case OP_SUB: return complex_new(vm, ar - br, ai - bi);
    case OP_MUL: return complex_new(vm, ar * br - ai * bi, ar * bi + ai * br);
    case OP_DIV: return complex_div(vm, ar, ai, br, bi);
    case OP_POW: return complex_pow(vm, ar, ai, br, bi);
    default: return binop_error(vm, op, a, b);
    }
}

static Value seq_repeat(VM *vm, Value seq, Value count) {
    int64_t n;
    if (obj_index(vm, count, &n, "can't multiply sequence by non-int of type '%s'")) return ERRV;
    if (n < 0) n = 0;
    if (IS_KIND(seq, K_STR)) {
        StrObj *s = AS(StrObj, seq);
        if (s->len && (uint64_t)n > (uint64_t)(SIZE_MAX / 4) / s->len) return vm_nomem(vm);
        StrObj *r = str_new(vm, NULL, 0);
        if (!r) return ERRV;
        SBuf b = SBUF_INIT;
        decref(v_obj(r));
        if (sb_reserve(&b, s->len * (size_t)n)) return vm_nomem(vm);
        for (int64_t i = 0; i < n; i++) sb_putn(&b, s->s, s->len);
        return str_from_sbuf(vm, &b);
    }
    ListObj *l = AS(ListObj, seq);
    if (l->len && (uint64_t)n > (uint64_t)(SIZE_MAX / 64) / l->len) return vm_nomem(vm);
    ListObj *r = l->h.k == K_TUPLE ? tuple_new(vm, l->len * (size_t)n) : list_new(vm, l->len * (size_t)n);
    if (!r) return ERRV;
    for (size_t i = 0; i < r->len; i++) r->items[i] = vref(l->items[i % l->len]);
    return v_obj(r);
}

static Value seq_concat(VM *vm, Value a, Value b) {
    if (IS_KIND(a, K_STR)) {
        StrObj *x = AS(StrObj, a), *y = AS(StrObj, b);
        SBuf s = SBUF_INIT;
        if (sb_reserve(&s, x->len + y->len)) return vm_nomem(vm);
        sb_putn(&s, x->s, x->len);
        sb_putn(&s, y->s, y->len);
        return str_from_sbuf(vm, &s);
    }
    ListObj *x = AS(ListObj, a), *y = AS(ListObj, b);
    ListObj *r = x->h.k == K_TUPLE ? tuple_new(vm, x->len + y->len) : list_new(vm, x->len + y->len);
    if (!r) return ERRV;
    for (size_t i = 0; i < x->len; i++) r->items[i] = vref(x->items[i]);
    for (size_t i = 0; i < y->len; i++) r->items[x->len + i] = vref(y->items[i]);
    return v_obj(r);
}

static int set_like(Value v) { return IS_KIND(v, K_SET) || IS_KIND(v, K_FROZENSET); }

/* The set operators, building their results in CPython's order (setobject.c). */
static Value set_binop(VM *vm, int op, SetObj *a, SetObj *b) {
    int frozen = a->h.k == K_FROZENSET;
    SetObj *r;
    size_t pos = 0;
    Value k;
    int err = 0;
    if (op == OP_BITOR) {
        r = set_copy(vm, a, frozen);
        err = !r || set_merge(vm, r, b);
    } else if (op == OP_BITXOR) {
        r = set_copy(vm, b, frozen);
        while (r && !err && set_next(a, &pos, &k)) {
            int d = set_discard(vm, r, k);
            err = d < 0 || (d == 0 && set_add(vm, r, k));
        }
        err = err || !r;
    } else if (op == OP_SUB && (a->used >> 2) > b->used) {
        r = set_copy(vm, a, frozen);
        while (r && !err && set_next(b, &pos, &k)) err = set_discard(vm, r, k) < 0;
        err = err || !r;
    } else if (op == OP_SUB) {
        r = set_new(vm, frozen);
        while (r && !err && set_next(a, &pos, &k)) {
            int in = set_contains(vm, b, k);
            err = in < 0 || (!in && set_add(vm, r, k));
        }
        err = err || !r;
    } else { /* intersection iterates the smaller set */
        r = set_new(vm, frozen);
        SetObj *big = a, *small = b;
        if (b->used > a->used) big = b, small = a;
        while (r && !err && set_next(small, &pos, &k)) {
            int in = set_contains(vm, big, k);
            err = in < 0 || (in && set_add(vm, r, k));
        }
        err = err || !r;
    }
    if (err) {
        if (r) decref(v_obj(r));
        return ERRV;
    }
    return v_obj(r);
}

static Value dict_merge_op(VM *vm, DictObj *a, DictObj *b) {
    DictObj *r = dict_new(vm);
    if (!r) return ERRV;
    DictObj *src[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(src[i], &pos, &k, &v))
            if (dict_set(vm, r, k, v)) {
                decref(v_obj(r));
                return ERRV;
            }
    }
    return v_obj(r);
}

Value obj_binop(VM *vm, int op, Value a, Value b) {
    if (a.tag == T_FLOAT && b.tag == T_FLOAT) {
        Value r = float_binop(vm, op, a.u.f, b.u.f);
        if (!IS_NULL(r)) return r;
        return binop_error(vm, op, a, b);
    }
    if (a.tag == T_BOOL && b.tag == T_BOOL && (op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR))
        return v_bool(op == OP_BITAND ? (a.u.i & b.u.i) : op == OP_BITOR ? (a.u.i | b.u.i) : (a.u.i ^ b.u.i));
    if (is_int(a) && is_int(b)) return int_binop(vm, op, a, b);
    if (is_number(a) && is_number(b)) {
        double x, y;
        if (obj_to_double(vm, a, &x) || obj_to_double(vm, b, &y)) return ERRV;
        Value r = float_binop(vm, op, x, y);
        if (!IS_NULL(r)) return r;
        return binop_error(vm, op, a, b);
    }
    if (IS_KIND(a, K_NATIVE) || IS_KIND(b, K_NATIVE)) {
        Value r = native_binop(vm, op, a, b);
        if (!IS_NULL(r)) return r;
        return binop_error(vm, op, a, b);
    }
    if ((IS_KIND(a, K_COMPLEX) && is_numeric(b)) || (IS_KIND(b, K_COMPLEX) && is_numeric(a)))
        return complex_binop(vm, op, a, b);
    if (a.tag == T_OBJ) {
        int ka = a.u.o->k;
        if (op == OP_ADD && b.tag == T_OBJ && b.u.o->k == ka
            && (ka == K_STR || ka == K_LIST || ka == K_TUPLE))
            return seq_concat(vm, a, b);
        if (op == OP_MUL && (ka == K_STR || ka == K_LIST || ka == K_TUPLE) && is_int(b))
            return seq_repeat(vm, a, b);
        if (op == OP_MOD && ka == K_STR) return str_percent(vm, AS(StrObj, a), b);
        if (set_like(a) && set_like(b)
            && (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR))
            return set_binop(vm, op, AS(SetObj, a), AS(SetObj, b));
        if (op == OP_BITOR && ka == K_DICT && IS_KIND(b, K_DICT))
            return dict_merge_op(vm, AS(DictObj, a), AS(DictObj, b));
    }
    if (op == OP_MUL && is_int(a) && (IS_KIND(b, K_STR) || IS_KIND(b, K_LIST) || IS_KIND(b, K_TUPLE)))
        return seq_repeat(vm, b, a);
    return binop_error(vm, op, a, b);
}

int list_extend(VM *vm, ListObj *l, Value iterable) {
    if (IS_KIND(iterable, K_LIST) || IS_KIND(iterable, K_TUPLE)) {
        ListObj *src = AS(ListObj, iterable);
        size_t n = src->len;
        if (list_reserve(vm, l, n)) return -1;
        for (size_t i = 0; i < n; i++) l->items[l->len + i] = vref(src->items[i]);
        l->len += n;
        return 0;
    }
    Value it = obj_iter(vm, iterable);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value x = obj_next(vm, it);
        if (IS_ERR(x)) {
            decref(it);
            return -1;
        }
        if (IS_NULL(x)) break;
        int r = list_append(vm, l, x);
        decref(x);
        if (r) {
            decref(it);
            return -1;
        }
    }
    decref(it);
    return 0;
}

Value obj_inplace(VM *vm, int op, Value a, Value b) {
    if (IS_KIND(a, K_LIST)) {
        if (op == OP_ADD) {
            if (list_extend(vm, AS(ListObj, a), b)) return ERRV;
            return vref(a);
        }
    } else if (IS_KIND(a, K_SET) && set_like(b)
               && (op == OP_BITOR || op == OP_BITAND || op == OP_SUB || op == OP_BITXOR)) {
        Value r = set_binop(vm, op, AS(SetObj, a), AS(SetObj, b));
        if (IS_ERR(r)) return ERRV;
        SetObj *s = AS(SetObj, a), *n = AS(SetObj, r);
        SetObj tmp = *s; /* swap tables so that a keeps its identity */
        s->table = n->table, s->mask = n->mask, s->used = n->used, s->fill = n->fill;
        n->table = tmp.table, n->mask = tmp.mask, n->used = tmp.used, n->fill = tmp.fill;
        decref(r);
        return vref(a);
    } else if (IS_KIND(a, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, a)->type;
        if (t->ops && t->ops->binop) {
            Value r = t->ops->binop(vm, op + 100, a, b); /* in-place variant */
            if (!IS_NULL(r)) return r;
        }
    } else if (IS_KIND(a, K_DICT) && op == OP_BITOR && IS_KIND(b, K_DICT)) {
        size_t pos = 0;
        Value k, v;
        while (dict_next(AS(DictObj, b), &pos, &k, &v))
            if (dict_set(vm, AS(DictObj, a), k, v)) return ERRV;
        return vref(a);
    }
    return obj_binop(vm, op, a, b);
}

Value obj_unop(VM *vm, int op, Value a) {
    if (op == OP_NOT) {
        int t = obj_truth(vm, a);
        return t < 0 ? ERRV : v_bool(!t);
    }
    if (a.tag == T_FLOAT) {
        if (op == OP_NEG) return v_float(-a.u.f);
        if (op == OP_POS) return a;
    } else if (is_int(a)) {
        if (op == OP_NEG) return int_neg(vm, a);
        if (op == OP_POS) return a.tag == T_BOOL ? v_int(a.u.i) : vref(a);
        if (op == OP_INVERT) return int_invert(vm, a);
    } else if (IS_KIND(a, K_COMPLEX)) {
        if (op == OP_NEG) return complex_new(vm, -AS(ComplexObj, a)->re, -AS(ComplexObj, a)->im);
        if (op == OP_POS) return vref(a);
    } else if (IS_KIND(a, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, a)->type;
        if (t->ops && t->ops->unop) {
            Value r = t->ops->unop(vm, op, a);
            if (!IS_NULL(r)) return r;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "bad operand type for %s: '%s'", OP_SYMBOL[op],
                    type_name(vm, a));
}

/* ---------------------------------------------------------------- attributes */

static Value type_lookup(TypeObj *t, StrObj *name) {
    for (; t; t = t->base) {
        if (!t->dict) continue;
        Value v = dict_get_str(t->dict, name);
        if (!IS_NULL(v)) return v;
    }
    return v_null();
}

static Value bind_attr(VM *vm, Value attr, Value self, TypeObj *t) {
    if (IS_KIND(attr, K_BUILTIN) && (attr.u.o->flags & 2)) /* classmethod */
        return builtin_new(vm, AS(BuiltinObj, attr)->def, v_obj(t), t->name);
    if (IS_KIND(attr, K_BUILTIN) && IS_NULL(AS(BuiltinObj, attr)->self)
        && !(attr.u.o->flags & 1 /* static: not bound */))
        return builtin_new(vm, AS(BuiltinObj, attr)->def, self, t->name);
    return vref(attr);
}

static Value special_attr(VM *vm, Value o, StrObj *name) {
    const char *n = name->s;
    if (IS_KIND(o, K_FUNC)) {
        FuncObj *f = AS(FuncObj, o);
        if (!strcmp(n, "__name__")) return vref(v_obj(f->name));
        if (!strcmp(n, "__qualname__")) return vref(v_obj(f->code->qualname));
        if (!strcmp(n, "__doc__")) return vref(f->doc);
    } else if (IS_KIND(o, K_BUILTIN)) {
        BuiltinObj *b = AS(BuiltinObj, o);
        if (!strcmp(n, "__name__")) return str_cstr(vm, b->def->name);
        if (!strcmp(n, "__doc__")) return b->def->doc ? str_cstr(vm, b->def->doc) : v_none();
    } else if (IS_KIND(o, K_TYPE)) {
        TypeObj *t = AS(TypeObj, o);
        if (!strcmp(n, "__name__") || !strcmp(n, "__qualname__")) return str_cstr(vm, t->name);
        if (!strcmp(n, "__doc__")) return t->doc ? str_cstr(vm, t->doc) : v_none();
        Value v = type_lookup(t, name);
        if (IS_KIND(v, K_BUILTIN) && (v.u.o->flags & 2)) return bind_attr(vm, v, o, t);
        if (!IS_NULL(v)) return vref(v);
    } else if (IS_KIND(o, K_MODULE)) {
        ModuleObj *m = AS(ModuleObj, o);
        Value v = dict_get_str(m->dict, name);
        if (!IS_NULL(v)) return vref(v);
        if (!strcmp(n, "__name__")) return vref(v_obj(m->name));
        return vm_raise(vm, vm->E.AttributeError, "module '%s' has no attribute '%s'", m->name->s, n);
    } else if (IS_KIND(o, K_EXC)) {
        ExcObj *e = AS(ExcObj, o);
        if (!strcmp(n, "args")) return vref(e->args);
        if (!strcmp(n, "__cause__")) return vref(e->cause);
        if (!strcmp(n, "__context__")) return vref(e->context);
        if (!strcmp(n, "__suppress_context__")) return v_bool(e->suppress_context);
        if (e->attrs) {
            Value v = dict_get_str(e->attrs, name);
            if (!IS_NULL(v)) return vref(v);
        }
    } else if (IS_KIND(o, K_COMPLEX)) {
        if (!strcmp(n, "real")) return v_float(AS(ComplexObj, o)->re);
        if (!strcmp(n, "imag")) return v_float(AS(ComplexObj, o)->im);
    } else if (IS_KIND(o, K_RANGE)) {
        RangeObj *r = AS(RangeObj, o);
        if (!strcmp(n, "start")) return v_int(r->start);
        if (!strcmp(n, "stop")) return v_int(r->stop);
        if (!strcmp(n, "step")) return v_int(r->step);
    } else if (IS_KIND(o, K_SLICE)) {
        SliceObj *s = AS(SliceObj, o);
        if (!strcmp(n, "start")) return vref(s->start);
        if (!strcmp(n, "stop")) return vref(s->stop);
        if (!strcmp(n, "step")) return vref(s->step);
    } else if (is_number(o)) {
        if (!strcmp(n, "real")) return o.tag == T_BOOL ? v_int(o.u.i) : vref(o);
        if (!strcmp(n, "imag")) return o.tag == T_FLOAT ? v_float(0.0) : v_int(0);
    }
    if (!strcmp(n, "__class__")) return vref(v_obj(obj_type(vm, o)));
    return v_null();
}

Value obj_getattr(VM *vm, Value o, StrObj *name) {
    TypeObj *t = obj_type(vm, o);
    if (IS_KIND(o, K_NATIVE) && t->ops && t->ops->getattr) {
        Value v = t->ops->getattr(vm, o, name);
        if (!IS_NULL(v)) return v;
    }
    Value v = special_attr(vm, o, name);
    if (!IS_NULL(v)) return v;
    v = type_lookup(t, name);
    if (!IS_NULL(v)) return bind_attr(vm, v, o, t);
    if (IS_KIND(o, K_TYPE))
        return vm_raise(vm, vm->E.AttributeError, "type object '%s' has no attribute '%s'",
                        AS(TypeObj, o)->name, name->s);
    return vm_raise(vm, vm->E.AttributeError, "'%s' object has no attribute '%s'", t->name, name->s);
}

int obj_setattr(VM *vm, Value o, StrObj *name, Value v) {
    TypeObj *t = obj_type(vm, o);
    if (IS_KIND(o, K_NATIVE) && t->ops && t->ops->setattr) return t->ops->setattr(vm, o, name, v);
    if (IS_KIND(o, K_MODULE)) return dict_set(vm, AS(ModuleObj, o)->dict, v_obj(name), v);
    if (IS_KIND(o, K_EXC)) {
        ExcObj *e = AS(ExcObj, o);
        if (!e->attrs && !(e->attrs = dict_new(vm))) return -1;
        return dict_set(vm, e->attrs, v_obj(name), v);
    }
    if (IS_KIND(o, K_FUNC) && !strcmp(name->s, "__doc__")) {
        decref(AS(FuncObj, o)->doc);
        AS(FuncObj, o)->doc = vref(v);
        return 0;
    }
    if (!IS_NULL(type_lookup(t, name)))
        vm_raise(vm, vm->E.AttributeError, "'%s' object attribute '%s' is read-only", t->name, name->s);
    else
        vm_raise(vm, vm->E.AttributeError, "'%s' object has no attribute '%s'", t->name, name->s);
    return -1;
}

/* ---------------------------------------------------------------- subscripts */

int slice_indices(VM *vm, const SliceObj *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count) {
    const char *msg = "slice indices must be integers or None or have an __index__ method";
    *step = 1;
    if (s->step.tag != T_NONE) {
        if (IS_KIND(s->step, K_BIGINT)) *step = int_sign(s->step) > 0 ? INT64_MAX : -INT64_MAX;
        else if (obj_index(vm, s->step, step, msg)) return -1;
        if (*step == 0) {
            vm_raise(vm, vm->E.ValueError, "slice step cannot be zero");
            return -1;
        }
    }
    int64_t lo = *step < 0 ? -1 : 0, hi = *step < 0 ? len - 1 : len;
    Value bounds[2] = {s->start, s->stop};
    int64_t out[2] = {*step < 0 ? hi : lo, *step < 0 ? lo : hi};
    for (int i = 0; i < 2; i++) {
        if (bounds[i].tag == T_NONE) continue;
        int64_t x;
        if (IS_KIND(bounds[i], K_BIGINT)) x = int_sign(bounds[i]) > 0 ? INT64_MAX / 2 : -INT64_MAX / 2;
        else if (obj_index(vm, bounds[i], &x, msg)) return -1;
        if (x < 0) {
            x += len;
            if (x < lo) x = lo;
        } else if (x > hi) {
            x = hi;
        }
        out[i] = x;
    }
    *start = out[0];
    *stop = out[1];
    if (*step < 0) *count = *stop < *start ? (*start - *stop - 1) / (-*step) + 1 : 0;
    else *count = *start < *stop ? (*stop - *start - 1) / *step + 1 : 0;
    return 0;
}

static Value seq_slice(VM *vm, Value o, SliceObj *sl) {
    int64_t start, stop, step, n;
    if (IS_KIND(o, K_STR)) {
        StrObj *s = AS(StrObj, o);
        if (slice_indices(vm, sl, (int64_t)s->nchars, &start, &stop, &step, &n)) return ERRV;
        if (s->len == s->nchars) {
            if (step == 1) return str_value(vm, s->s + start, (size_t)n);
            SBuf b = SBUF_INIT;
            if (sb_reserve(&b, (size_t)n)) return vm_nomem(vm);
            for (int64_t i = 0; i < n; i++) sb_putc(&b, s->s[start + i * step]);
            return str_from_sbuf(vm, &b);
        }
        SBuf b = SBUF_INIT;
        for (int64_t i = 0; i < n; i++) {
            size_t off = str_offset(s, (size_t)(start + i * step)), end = off + 1;
            while (end < s->len && ((unsigned char)s->s[end] & 0xC0) == 0x80) end++;
            if (sb_putn(&b, s->s + off, end - off)) {
                sb_free(&b);
                return vm_nomem(vm);
            }
        }
        return str_from_sbuf(vm, &b);
    }
    if (IS_KIND(o, K_RANGE)) {
        RangeObj *r = AS(RangeObj, o);
        if (slice_indices(vm, sl, r->len, &start, &stop, &step, &n)) return ERRV;
        int64_t s0 = r->start + start * r->step, st = r->step * step;
        return range_new(vm, s0, s0 + n * st, st);
    }
    ListObj *l = AS(ListObj, o);
    if (slice_indices(vm, sl, (int64_t)l->len, &start, &stop, &step, &n)) return ERRV;
    ListObj *r = l->h.k == K_TUPLE ? tuple_new(vm, (size_t)n) : list_new(vm, (size_t)n);
    if (!r) return ERRV;
    for (int64_t i = 0; i < n; i++) r->items[i] = vref(l->items[start + i * step]);
    return v_obj(r);
}

static int norm_index(VM *vm, Value key, int64_t len, int64_t *i, const char *kind) {
    char msg[96];
    snprintf(msg, sizeof msg, "%s indices must be integers or slices, not %%s", kind);
    if (obj_index(vm, key, i, msg)) return -1;
    if (*i < 0) *i += len;
    if (*i < 0 || *i >= len) {
        vm_raise(vm, vm->E.IndexError, "%s index out of range", kind);
        return -1;
    }
    return 0;
}

static Value str_index(VM *vm, StrObj *s, Value key) {
    int64_t i;
    if (obj_index(vm, key, &i, "string indices must be integers, not '%s'")) return ERRV;
    if (i < 0) i += (int64_t)s->nchars;
    if (i < 0 || i >= (int64_t)s->nchars)
        return vm_raise(vm, vm->E.IndexError, "string index out of range");
    size_t off = str_offset(s, (size_t)i), end = off + 1;
    while (end < s->len && ((unsigned char)s->s[end] & 0xC0) == 0x80) end++;
    return str_value(vm, s->s + off, end - off);
}

Value obj_getitem(VM *vm, Value o, Value key) {
    if (o.tag == T_OBJ) {
        int k = o.u.o->k;
        if (k == K_LIST || k == K_TUPLE) {
            ListObj *l = AS(ListObj, o);
            if (key.tag == T_INT) {
                int64_t i = key.u.i < 0 ? key.u.i + (int64_t)l->len : key.u.i;
                if (i >= 0 && i < (int64_t)l->len) return vref(l->items[i]);
            }
            if (IS_KIND(key, K_SLICE)) return seq_slice(vm, o, AS(SliceObj, key));
            int64_t i;
            if (norm_index(vm, key, (int64_t)l->len, &i, k == K_LIST ? "list" : "tuple")) return ERRV;
            return vref(l->items[i]);
        }
        if (k == K_DICT) {
            Value v = dict_get(vm, AS(DictObj, o), key);
            if (IS_ERR(v)) return ERRV;
            if (IS_NULL(v)) {
                Value args = tuple_pack(vm, 1, key);
                if (IS_ERR(args)) return ERRV;
                Value e = exc_new(vm, vm->E.KeyError, args);
                decref(args);
                if (IS_ERR(e)) return ERRV;
                vm_raise_value(vm, e);
                decref(e);
                return ERRV;
            }
            return vref(v);
        }
        if (k == K_STR) {
            if (IS_KIND(key, K_SLICE)) return seq_slice(vm, o, AS(SliceObj, key));
            return str_index(vm, AS(StrObj, o), key);
        }
        if (k == K_RANGE) {
            if (IS_KIND(key, K_SLICE)) return seq_slice(vm, o, AS(SliceObj, key));
            RangeObj *r = AS(RangeObj, o);
            int64_t i;
            if (obj_index(vm, key, &i, "range indices must be integers or slices, not %s")) return ERRV;
            if (i < 0) i += r->len;
            if (i < 0 || i >= r->len)
                return vm_raise(vm, vm->E.IndexError, "range object index out of range");
            return v_int(r->start + i * r->step);
        }
        if (k == K_NATIVE) {
            TypeObj *t = AS(NativeObj, o)->type;
            if (t->ops && t->ops->getitem) return t->ops->getitem(vm, o, key);
        }
        if (k == K_TYPE) return vref(o); /* list[int] style annotations */
    }
    return vm_raise(vm, vm->E.TypeError, "'%s' object is not subscriptable", type_name(vm, o));
}

static int list_set_slice(VM *vm, ListObj *l, SliceObj *sl, Value v) {
    int64_t start, stop, step, n;
    if (slice_indices(vm, sl, (int64_t)l->len, &start, &stop, &step, &n)) return -1;
    ListObj *src = obj_to_list(vm, v);
    if (!src) {
        if (IS_NULL(vm->exc) == 0 && AS(ExcObj, vm->exc)->cls == vm->E.TypeError) {
            decref(vm->exc);
            vm->exc = v_null();
            vm_raise(vm, vm->E.TypeError, step == 1 ? "can only assign an iterable"
                                                    : "must assign iterable to extended slice");
        }
        return -1;
    }
    int rc = 0;
    if (step == 1) {
        if (stop < start) stop = start;
        size_t m = src->len, old = (size_t)(stop - start);
        if (m > old && list_reserve(vm, l, m - old)) {
            rc = -1;
            goto done;
        }
        Value *dropped = malloc((old ? old : 1) * sizeof(Value));
        if (!dropped) {
            rc = -1;
            vm_nomem(vm);
            goto done;
        }
        memcpy(dropped, l->items + start, old * sizeof(Value));
        memmove(l->items + start + m, l->items + stop, (l->len - (size_t)stop) * sizeof(Value));
        for (size_t i = 0; i < m; i++) l->items[start + (int64_t)i] = vref(src->items[i]);
        l->len = l->len - old + m;
        for (size_t i = 0; i < old; i++) decref(dropped[i]);
        free(dropped);
    } else {
        if ((int64_t)src->len != n) {
            vm_raise(vm, vm->E.ValueError,
                     "attempt to assign sequence of size %zu to extended slice of size %lld",
                     src->len, (long long)n);
            rc = -1;
            goto done;
        }
        for (int64_t i = 0; i < n; i++) {
            Value old = l->items[start + i * step];
            l->items[start + i * step] = vref(src->items[i]);
            decref(old);
        }
    }
done:
    decref(v_obj(src));
    return rc;
}

int obj_setitem(VM *vm, Value o, Value key, Value v) {
    if (IS_KIND(o, K_LIST)) {
        ListObj *l = AS(ListObj, o);
        if (IS_KIND(key, K_SLICE)) return list_set_slice(vm, l, AS(SliceObj, key), v);
        int64_t i;
        if (norm_index(vm, key, (int64_t)l->len, &i, "list")) {
            if (AS(ExcObj, vm->exc)->cls == vm->E.IndexError) {
                decref(vm->exc);
                vm->exc = v_null();
                vm_raise(vm, vm->E.IndexError, "list assignment index out of range");
            }
            return -1;
        }
        Value old = l->items[i];
        l->items[i] = vref(v);
        decref(old);
        return 0;
    }
    if (IS_KIND(o, K_DICT)) return dict_set(vm, AS(DictObj, o), key, v);
    if (IS_KIND(o, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, o)->type;
        if (t->ops && t->ops->setitem) return t->ops->setitem(vm, o, key, v);
    }
    vm_raise(vm, vm->E.TypeError, "'%s' object does not support item assignment", type_name(vm, o));
    return -1;
}

int obj_delitem(VM *vm, Value o, Value key) {
    if (IS_KIND(o, K_LIST)) {
        ListObj *l = AS(ListObj, o);
        if (IS_KIND(key, K_SLICE)) {
            int64_t start, stop, step, n;
            if (slice_indices(vm, AS(SliceObj, key), (int64_t)l->len, &start, &stop, &step, &n))
                return -1;
            if (step < 0) {
                start = start + (n - 1) * step;
                step = -step;
            }
            Value *dropped = malloc(((size_t)n + 1) * sizeof(Value));
            if (!dropped) {
                vm_nomem(vm);
                return -1;
            }
            size_t w = 0, d = 0;
            for (size_t r = 0; r < l->len; r++) {
                int64_t ri = (int64_t)r;
                if (d < (size_t)n && ri >= start && (ri - start) % step == 0 && ri < start + n * step)
                    dropped[d++] = l->items[r];
                else
                    l->items[w++] = l->items[r];
            }
            l->len = w;
            for (size_t i = 0; i < d; i++) decref(dropped[i]);
            free(dropped);
            return 0;
        }
        int64_t i;
        if (norm_index(vm, key, (int64_t)l->len, &i, "list")) {
            if (AS(ExcObj, vm->exc)->cls == vm->E.IndexError) {
                decref(vm->exc);
                vm->exc = v_null();
                vm_raise(vm, vm->E.IndexError, "list assignment index out of range");
            }
            return -1;
        }
        Value old = l->items[i];
        memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
        l->len--;
        decref(old);
        return 0;
    }
    if (IS_KIND(o, K_DICT)) {
        int r = dict_del(vm, AS(DictObj, o), key);
        if (r == 0) {
            Value args = tuple_pack(vm, 1, key);
            if (IS_ERR(args)) return -1;
            Value e = exc_new(vm, vm->E.KeyError, args);
            decref(args);
            if (!IS_ERR(e)) {
                vm_raise_value(vm, e);
                decref(e);
            }
            return -1;
        }
        return r < 0 ? -1 : 0;
    }
    if (IS_KIND(o, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, o)->type;
        if (t->ops && t->ops->setitem) return t->ops->setitem(vm, o, key, v_null());
    }
    vm_raise(vm, vm->E.TypeError, "'%s' object doesn't support item deletion", type_name(vm, o));
    return -1;
}

/* ---------------------------------------------------------------- iteration */

Value obj_iter(VM *vm, Value o) {
    if (o.tag == T_OBJ) {
        switch (o.u.o->k) {
        case K_LIST:
        case K_TUPLE: return iter_new(vm, IT_SEQ, o, v_null(), 0);
        case K_STR: return iter_new(vm, IT_STR, o, v_null(), 0);
        case K_RANGE: {
            RangeObj *r = AS(RangeObj, o);
            Value it = iter_new(vm, IT_RANGE, v_null(), v_null(), r->len);
            if (!IS_ERR(it)) {
                AS(IterObj, it)->i = r->start;
                AS(IterObj, it)->step = r->step;
            }
            return it;
        }
        case K_DICT: return iter_new(vm, IT_DICT_KEYS, o, v_null(), (int64_t)AS(DictObj, o)->used);
        case K_SET:
        case K_FROZENSET: return iter_new(vm, IT_SET, o, v_null(), (int64_t)AS(SetObj, o)->used);
        case K_ITER:
        case K_GEN: return vref(o);
        case K_NATIVE: {
            TypeObj *t = AS(NativeObj, o)->type;
            if (t->ops && t->ops->iter) return t->ops->iter(vm, o);
            if (t->ops && t->ops->getitem) return iter_new(vm, IT_GETITEM, o, v_null(), 0);
            break;
        }
        default: break;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "'%s' object is not iterable", type_name(vm, o));
}

static Value next_dict(VM *vm, IterObj *it) {
    DictObj *d = AS(DictObj, it->src);
    if ((int64_t)d->used != it->n) {
        it->n = -1;
        return vm_raise(vm, vm->E.RuntimeError, "dictionary changed size during iteration");
    }
    size_t pos = (size_t)it->i;
    Value k, v;
    if (!dict_next(d, &pos, &k, &v)) return v_null();
    it->i = (int64_t)pos;
    if (it->sub == IT_DICT_KEYS) return vref(k);
    if (it->sub == IT_DICT_VALUES) return vref(v);
    return tuple_pack(vm, 2, k, v);
}

static Value next_zip_map(VM *vm, IterObj *it) {
    ListObj *its = AS(ListObj, it->src);
    ListObj *t = tuple_new(vm, its->len);
    if (!t) return ERRV;
    for (size_t i = 0; i < its->len; i++) {
        Value x = obj_next(vm, its->items[i]);
        if (IS_ERR(x) || IS_NULL(x)) {
            t->len = i; /* only the filled part is released */
            decref(v_obj(t));
            if (IS_NULL(x) && it->n && i > 0)
                return vm_raise(vm, vm->E.ValueError, "zip() argument %zu is shorter than "
                                "argument%s%s", i + 1, i == 1 ? " " : "s 1-", i == 1 ? "1" : "");
            return x;
        }
        t->items[i] = x;
    }
    if (it->sub == IT_ZIP) return v_obj(t);
    Value r = obj_call(vm, it->aux, (int)t->len, t->items, NULL);
    decref(v_obj(t));
    return r;
}

Value obj_next(VM *vm, Value itv) {
    /* built-ins that drain iterators (sum, sorted, list...) stop within a few microseconds */
    if ((++vm->ticks & 0x3ff) == 0 && vm->interrupt && vm_check_interrupt(vm)) return ERRV;
    if (IS_KIND(itv, K_GEN)) return gen_send(vm, AS(GenObj, itv), v_none());
    if (!IS_KIND(itv, K_ITER)) {
        if (IS_KIND(itv, K_NATIVE)) {
            TypeObj *t = AS(NativeObj, itv)->type;
            if (t->ops && t->ops->unop) return t->ops->unop(vm, 1003 /* next */, itv);
        }
        return vm_raise(vm, vm->E.TypeError, "'%s' object is not an iterator", type_name(vm, itv));
    }
    IterObj *it = AS(IterObj, itv);
    switch (it->sub) {
    case IT_SEQ: {
        if (IS_NULL(it->src)) return v_null();
        ListObj *l = AS(ListObj, it->src);
        if ((size_t)it->i < l->len) return vref(l->items[it->i++]);
        return v_null();
    }
    case IT_RANGE:
        if (it->n <= 0) return v_null();
        it->n--;
        it->i += it->step;
        return v_int(it->i - it->step);
    case IT_STR: {
        StrObj *s = AS(StrObj, it->src);
        size_t off = (size_t)it->i;
        if (off >= s->len) return v_null();
        size_t end = off + 1;
        while (end < s->len && ((unsigned char)s->s[end] & 0xC0) == 0x80) end++;
        it->i = (int64_t)end;
        return str_value(vm, s->s + off, end - off);
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS: return next_dict(vm, it);
    case IT_SET: {
        SetObj *s = AS(SetObj, it->src);
        if ((int64_t)s->used != it->n)
            return vm_raise(vm, vm->E.RuntimeError, "Set changed size during iteration");
        size_t pos = (size_t)it->i;
        Value k;
        if (!set_next(s, &pos, &k)) return v_null();
        it->i = (int64_t)pos;
        return vref(k);
    }
    case IT_ENUMERATE: {
        Value x = obj_next(vm, it->src);
        if (IS_ERR(x) || IS_NULL(x)) return x;
        Value r = tuple_pack(vm, 2, v_int(it->i++), x);
        decref(x);
        return r;
    }
    case IT_ZIP:
    case IT_MAP: return next_zip_map(vm, it);
    case IT_FILTER:
        for (;;) {
            Value x = obj_next(vm, it->src);
            if (IS_ERR(x) || IS_NULL(x)) return x;
            int t;
            if (it->aux.tag == T_NONE) {
                t = obj_truth(vm, x);
            } else {
                Value r = obj_call(vm, it->aux, 1, &x, NULL);
                t = IS_ERR(r) ? -1 : obj_truth(vm, r);
                decref(r);
            }
            if (t < 0) {
                decref(x);
                return ERRV;
            }
            if (t) return x;
            decref(x);
        }
    case IT_REVERSED: {
        if (it->i < 0) return v_null();
        Value key = v_int(it->i--);
        return obj_getitem(vm, it->src, key);
    }
    case IT_GETITEM: {
        Value r = obj_getitem(vm, it->src, v_int(it->i++));
        if (IS_ERR(r) && AS(ExcObj, vm->exc)->cls == vm->E.IndexError) {
            decref(vm->exc);
            vm->exc = v_null();
            return v_null();
        }
        return r;
    }
    default: return v_null();
    }
}

ListObj *obj_to_list(VM *vm, Value iterable) {
    ListObj *l = list_new(vm, 0);
    if (!l) return NULL;
    if (list_extend(vm, l, iterable)) {
        decref(v_obj(l));
        return NULL;
    }
    return l;
}

Value obj_len(VM *vm, Value o) {
    if (o.tag == T_OBJ) {
        switch (o.u.o->k) {
        case K_STR: return v_int((int64_t)AS(StrObj, o)->nchars);
        case K_LIST:
        case K_TUPLE: return v_int((int64_t)AS(ListObj, o)->len);
        case K_DICT: return v_int((int64_t)AS(DictObj, o)->used);
        case K_SET:
        case K_FROZENSET: return v_int((int64_t)AS(SetObj, o)->used);
        case K_RANGE: return v_int(AS(RangeObj, o)->len);
        case K_NATIVE: {
            TypeObj *t = AS(NativeObj, o)->type;
            if (t->ops && t->ops->len) return t->ops->len(vm, o);
            break;
        }
        default: break;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "object of type '%s' has no len()", type_name(vm, o));
}

int obj_contains(VM *vm, Value c, Value x) {
    if (c.tag == T_OBJ) {
        switch (c.u.o->k) {
        case K_LIST:
        case K_TUPLE: {
            ListObj *l = AS(ListObj, c);
            for (size_t i = 0; i < l->len; i++) {
                int r = obj_eq(vm, l->items[i], x);
                if (r) return r;
            }
            return 0;
        }
        case K_STR: {
            if (!IS_KIND(x, K_STR)) {
                vm_raise(vm, vm->E.TypeError, "'in <string>' requires string as left operand, not %s",
                         type_name(vm, x));
                return -1;
            }
            StrObj *h = AS(StrObj, c), *n = AS(StrObj, x);
            return n->len == 0 || memmem(h->s, h->len, n->s, n->len) != NULL;
        }
        case K_DICT: {
            Value v = dict_get(vm, AS(DictObj, c), x);
            return IS_ERR(v) ? -1 : !IS_NULL(v);
        }
        case K_SET:
        case K_FROZENSET: return set_contains(vm, AS(SetObj, c), x);
        case K_RANGE: {
            RangeObj *r = AS(RangeObj, c);
            if (x.tag == T_INT || x.tag == T_BOOL) {
                int64_t v = x.u.i;
                if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
                    return 0;
                return (v - r->start) % r->step == 0;
            }
            break;
        }
        case K_NATIVE: {
            TypeObj *t = AS(NativeObj, c)->type;
            if (t->ops && t->ops->binop) {
                Value r = t->ops->binop(vm, OP_IN, x, c);
                if (IS_ERR(r)) return -1;
                if (!IS_NULL(r)) {
                    int b = obj_truth(vm, r);
                    decref(r);
                    return b;
                }
            }
            break;
        }
        default: break;
        }
    }
    if (c.tag != T_OBJ || c.u.o->k == K_TYPE || c.u.o->k == K_FUNC || c.u.o->k == K_BUILTIN) {
        vm_raise(vm, vm->E.TypeError, "argument of type '%s' is not iterable", type_name(vm, c));
        return -1;
    }
    Value it = obj_iter(vm, c);
    if (IS_ERR(it)) return -1;
    int found = 0;
    for (;;) {
        Value y = obj_next(vm, it);
        if (IS_ERR(y)) {
            found = -1;
            break;
        }
        if (IS_NULL(y)) break;
        found = obj_eq(vm, y, x);
        decref(y);
        if (found) break;
    }
    decref(it);
    return found;
}

/* ---------------------------------------------------------------- calls */

Value obj_call(VM *vm, Value f, int argc, const Value *argv, const KwArgs *kw) {
    if (f.tag == T_OBJ) {
        switch (f.u.o->k) {
        case K_FUNC: return vm_call_function(vm, AS(FuncObj, f), argc, argv, kw);
        case K_BUILTIN: {
            BuiltinObj *b = AS(BuiltinObj, f);
            if (IS_NULL(b->self)) return b->def->fn(vm, argc, argv, kw);
            Value small[8], *args = argc + 1 <= 8 ? small : malloc((size_t)(argc + 1) * sizeof(Value));
            if (!args) return vm_nomem(vm);
            args[0] = b->self;
            if (argc) memcpy(args + 1, argv, (size_t)argc * sizeof(Value));
            Value r = b->def->fn(vm, argc + 1, args, kw);
            if (args != small) free(args);
            return r;
        }
        case K_TYPE: {
            TypeObj *t = AS(TypeObj, f);
            if (!t->ctor)
                return vm_raise(vm, vm->E.TypeError, "cannot create '%s' instances", t->name);
            Value small[8], *args = argc + 1 <= 8 ? small : malloc((size_t)(argc + 1) * sizeof(Value));
            if (!args) return vm_nomem(vm);
            args[0] = f;
            if (argc) memcpy(args + 1, argv, (size_t)argc * sizeof(Value));
            Value r = t->ctor(vm, argc + 1, args, kw);
            if (args != small) free(args);
            return r;
        }
        case K_BOUND: {
            BoundObj *b = AS(BoundObj, f);
            Value small[8], *args = argc + 1 <= 8 ? small : malloc((size_t)(argc + 1) * sizeof(Value));
            if (!args) return vm_nomem(vm);
            args[0] = b->self;
            if (argc) memcpy(args + 1, argv, (size_t)argc * sizeof(Value));
            Value r = obj_call(vm, b->func, argc + 1, args, kw);
            if (args != small) free(args);
            return r;
        }
        case K_NATIVE: {
            TypeObj *t = AS(NativeObj, f)->type;
            if (t->ops && t->ops->call) return t->ops->call(vm, f, argc, argv, kw);
            break;
        }
        default: break;
        }
    }
    return vm_raise(vm, vm->E.TypeError, "'%s' object is not callable", type_name(vm, f));
}
