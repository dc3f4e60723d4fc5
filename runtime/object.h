/* object.h: internals of the object model shared between runtime modules (not public API).
 * Same ownership rule as value.h: borrow arguments, return new references, ERRV on error. */
#ifndef OBJECT_H
#define OBJECT_H

#include "vm.h"

/* Iterator kinds of IterObj.sub. */
enum {
    IT_SEQ,      /* list or tuple by index */
    IT_STR,      /* code points of a str */
    IT_RANGE,    /* i = current, n = stop, step */
    IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS,
    IT_SET,
    IT_ENUMERATE, /* src: iterator, i: count */
    IT_ZIP,       /* src: tuple of iterators; n: strict */
    IT_MAP,       /* src: tuple of iterators, aux: function */
    IT_FILTER,    /* src: iterator, aux: function or None */
    IT_REVERSED,  /* src: list/tuple/str, i: next index (counts down) */
    IT_GETITEM,   /* src: object with __getitem__ on ints until IndexError */
    IT_NATIVE,    /* src: object, aux: state held by the native type */
};

int list_reserve(VM *vm, ListObj *l, size_t extra);
int list_extend(VM *vm, ListObj *l, Value iterable); /* 0 or -1 */
int dict_update_from(VM *vm, DictObj *d, Value src); /* dict or iterable of pairs */
int dict_next(DictObj *d, size_t *pos, Value *key, Value *value); /* borrowed */
void dict_clear(VM *vm, DictObj *d);
int set_next(SetObj *s, size_t *pos, Value *key); /* borrowed */
int set_merge(VM *vm, SetObj *so, const SetObj *other); /* CPython's layout rules */
SetObj *set_copy(VM *vm, const SetObj *s, int frozen);
void set_clear(VM *vm, SetObj *s);
Value slice_new(VM *vm, Value start, Value stop, Value step);
Value range_new(VM *vm, int64_t start, int64_t stop, int64_t step);
Value iter_new(VM *vm, int sub, Value src, Value aux, int64_t n);
Value complex_new(VM *vm, double re, double im);
CellObj *cell_new(VM *vm, Value v);
void source_release(Source *s);
void gen_free(VM *vm, GenObj *g);

/* Slice resolution against a sequence of length len (Python's PySlice_GetIndicesEx). */
int slice_indices(VM *vm, const SliceObj *s, int64_t len, int64_t *start, int64_t *stop,
                  int64_t *step, int64_t *count);

/* ---- integers (intobj.c): T_INT fast path, K_BIGINT beyond int64 ---- */
int is_int(Value v); /* T_INT, T_BOOL or K_BIGINT */
Value int_binop(VM *vm, int op, Value a, Value b); /* both is_int; ERRV on error */
Value int_neg(VM *vm, Value a);
Value int_invert(VM *vm, Value a);
Value int_abs(VM *vm, Value a);
int int_cmp(VM *vm, Value a, Value b); /* -1/0/1 */
int int_sb(VM *vm, Value a, int base, SBuf *out); /* digits with sign, no prefix */
int64_t int_hash(Value a);
int int_to_double(VM *vm, Value a, double *out); /* OverflowError when too large */
Value int_from_double(VM *vm, double d);         /* ValueError/OverflowError for nan/inf */
/* Parses int() text in base (0 = literal with prefix). ValueError on bad text. */
Value int_from_str(VM *vm, const char *s, size_t n, int base);
Value int_pow_mod(VM *vm, Value a, Value b, Value m);
int int_sign(Value a);
int int_bit_length(VM *vm, Value a, int64_t *out);
/* Compare an int with a double exactly (for 2**63 == 9.223372036854776e18 etc.). */
int int_cmp_double(VM *vm, Value a, double d);
void bigint_obj_free(BigIntObj *o);

/* ---- numbers and hashing (ops.c) ---- */
int64_t hash_double(double d);
Value float_floordiv_mod(VM *vm, int op, double a, double b);
int float_repr_sb(double d, SBuf *out);
int str_repr_sb(const StrObj *s, SBuf *out, int ascii_only);
Value obj_ascii(VM *vm, Value v); /* ascii(v) */

/* ---- formatting (builtins.c) ---- */
Value obj_format(VM *vm, Value v, StrObj *spec);

#endif
