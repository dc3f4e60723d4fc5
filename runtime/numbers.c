/* numbers.c: the methods of int, float, complex and range (bit_length, is_integer,
 * as_integer_ratio, conjugate, index, count...), registered on their types at start-up. */
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "object.h"

static int no_args(VM *vm, const char *t, const char *name, int argc, const KwArgs *kw) {
    if (argc == 1 && !(kw && kw->n)) return 0;
    vm_raise(vm, vm->E.TypeError, "%s.%s() takes no arguments (%d given)", t, name, argc - 1);
    return -1;
}

static Value int_bit_length_m(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, "int", "bit_length", argc, kw)) return ERRV;
    int64_t n;
    if (int_bit_length(vm, argv[0], &n)) return ERRV;
    return v_int(n);
}

static Value int_bit_count_m(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, "int", "bit_count", argc, kw)) return ERRV;
    if (!IS_KIND(argv[0], K_BIGINT)) {
        int64_t v = argv[0].u.i;
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        return v_int(__builtin_popcountll(m));
    }
    SBuf b = SBUF_INIT;
    if (int_sb(vm, argv[0], 2, &b)) return ERRV;
    int64_t n = 0;
    for (size_t i = 0; i < b.len; i++) n += b.s[i] == '1';
    sb_free(&b);
    return v_int(n);
}

static Value num_conjugate(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, type_name(vm, argv[0]), "conjugate", argc, kw)) return ERRV;
    Value x = argv[0];
    if (IS_KIND(x, K_COMPLEX)) return complex_new(vm, AS(ComplexObj, x)->re, -AS(ComplexObj, x)->im);
    if (x.tag == T_BOOL) return v_int(x.u.i);
    return vref(x);
}

static Value int_ratio(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, "int", "as_integer_ratio", argc, kw)) return ERRV;
    Value x = argv[0].tag == T_BOOL ? v_int(argv[0].u.i) : argv[0];
    return tuple_pack(vm, 2, x, v_int(1));
}

static Value float_is_integer(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, "float", "is_integer", argc, kw)) return ERRV;
    double d = argv[0].u.f;
    return v_bool(isfinite(d) && floor(d) == d);
}

static Value float_ratio(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_args(vm, "float", "as_integer_ratio", argc, kw)) return ERRV;
    double d = argv[0].u.f;
    if (isinf(d)) return vm_raise(vm, vm->E.OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(d)) return vm_raise(vm, vm->E.ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    Value num = int_from_double(vm, m);
    if (IS_ERR(num)) return ERRV;
    Value den = v_int(1);
    Value shift = v_int(e < 0 ? -e : e);
    Value r;
    if (e >= 0) {
        Value n2 = int_binop(vm, OP_LSHIFT, num, shift);
        decref(num);
        if (IS_ERR(n2)) return ERRV;
        num = n2;
    } else {
        den = int_binop(vm, OP_LSHIFT, v_int(1), shift);
        if (IS_ERR(den)) {
            decref(num);
            return ERRV;
        }
    }
    r = tuple_pack(vm, 2, num, den);
    decref(num);
    decref(den);
    return r;
}

static Value range_count(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if ((kw && kw->n) || argc != 2)
        return vm_raise(vm, vm->E.TypeError, "range.count() takes exactly one argument (%d given)", argc - 1);
    int r = obj_contains(vm, argv[0], argv[1]);
    return r < 0 ? ERRV : v_int(r);
}

static Value range_index(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if ((kw && kw->n) || argc != 2)
        return vm_raise(vm, vm->E.TypeError, "range.index() takes exactly one argument (%d given)", argc - 1);
    RangeObj *rg = AS(RangeObj, argv[0]);
    int r = obj_contains(vm, argv[0], argv[1]);
    if (r < 0) return ERRV;
    if (!r || !is_int(argv[1])) {
        SBuf b = SBUF_INIT;
        if (obj_repr_sb(vm, argv[1], &b)) return ERRV;
        vm_raise(vm, vm->E.ValueError, "%s is not in range", b.s);
        sb_free(&b);
        return ERRV;
    }
    return v_int((argv[1].u.i - rg->start) / rg->step);
}

static const BuiltinDef INT_METHODS[] = {
    {"bit_length", int_bit_length_m, "()", "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count_m, "()", "Number of ones in the binary representation of the absolute value of self."},
    {"conjugate", num_conjugate, "()", "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", int_ratio, "()", "Return integer ratio."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef FLOAT_METHODS[] = {
    {"is_integer", float_is_integer, "()", "Return True if the float is an integer."},
    {"as_integer_ratio", float_ratio, "()", "Return integer ratio."},
    {"conjugate", num_conjugate, "()", "Return self, the complex conjugate of any float."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef COMPLEX_METHODS[] = {
    {"conjugate", num_conjugate, "()", "Return the complex conjugate of its argument."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef RANGE_METHODS[] = {
    {"count", range_count, "(value, /)", "rangeobject.count(value) -> integer"},
    {"index", range_index, "(value, /)", "rangeobject.index(value) -> integer"},
    {NULL, NULL, NULL, NULL},
};

int number_methods_init(VM *vm) {
    if (type_add_methods(vm, vm->t_int, INT_METHODS) || type_add_methods(vm, vm->t_float, FLOAT_METHODS)
        || type_add_methods(vm, vm->types[K_COMPLEX], COMPLEX_METHODS)
        || type_add_methods(vm, vm->types[K_RANGE], RANGE_METHODS))
        return -1;
    /* dict.fromkeys is a classmethod: bound to the type even when looked up on an instance */
    StrObj *name = str_intern(vm, "fromkeys", 8);
    Value f = name ? dict_get_str(vm->types[K_DICT]->dict, name) : v_null();
    if (IS_KIND(f, K_BUILTIN)) f.u.o->flags |= 2;
    return 0;
}
