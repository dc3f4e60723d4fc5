/* value.h: the object model of the interpreter: tagged values, refcounted heap objects, and the
 * calling convention every built-in follows.
 *
 * Ownership (one rule, as in CPython): functions BORROW their Value arguments and RETURN NEW
 * references. A function that fails raises (vm_raise*) and returns ERRV (tag T_ERR); callers
 * test IS_ERR(v) and propagate. A NULL pointer result from an allocation means MemoryError has
 * been raised already (see the *_new helpers). */
#ifndef VALUE_H
#define VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"

typedef struct VM VM;
typedef struct Obj Obj;

typedef enum VTag {
    T_NULL = 0, /* no value: unbound local, absent argument, end of iteration */
    T_ERR,      /* an exception is pending in vm->exc */
    T_NONE,
    T_BOOL,
    T_INT,   /* int64 fast path; larger ints are K_BIGINT objects */
    T_FLOAT,
    T_OBJ
} VTag;

typedef struct Value {
    VTag tag;
    union {
        int64_t i;
        double f;
        Obj *o;
    } u;
} Value;

/* Layouts of heap objects. A user-visible type is a TypeObj; k tells the C layout. */
typedef enum ObjKind {
    K_STR, K_BIGINT, K_COMPLEX, K_LIST, K_TUPLE, K_DICT, K_SET, K_FROZENSET, K_RANGE, K_SLICE,
    K_FUNC, K_BUILTIN, K_BOUND, K_CODE, K_CELL, K_MODULE, K_TYPE, K_EXC, K_ITER, K_GEN,
    K_NATIVE, /* an object of a C extension module (arrays, SQL results...): see NativeObj */
    K__COUNT
} ObjKind;

struct Obj {
    uint32_t rc;
    uint16_t k;     /* ObjKind */
    uint16_t flags;
};

/* Containers that can be part of reference cycles carry a GcLink right after their Obj header
 * (see gc.c): the list of tracked objects and the collector's scratch count. */
typedef struct GcLink {
    struct GcLink *prev, *next;
    int64_t refs;
} GcLink;

/* ---- constructors and tests of immediate values ---- */
static inline Value v_none(void) { Value v; v.tag = T_NONE; v.u.i = 0; return v; }
static inline Value v_null(void) { Value v; v.tag = T_NULL; v.u.i = 0; return v; }
static inline Value v_err(void) { Value v; v.tag = T_ERR; v.u.i = 0; return v; }
static inline Value v_bool(int b) { Value v; v.tag = T_BOOL; v.u.i = b != 0; return v; }
static inline Value v_int(int64_t i) { Value v; v.tag = T_INT; v.u.i = i; return v; }
static inline Value v_float(double f) { Value v; v.tag = T_FLOAT; v.u.f = f; return v; }
static inline Value v_obj(void *o) { Value v; v.tag = T_OBJ; v.u.o = (Obj *)o; return v; }
#define ERRV v_err()
#define IS_ERR(v) ((v).tag == T_ERR)
#define IS_NULL(v) ((v).tag == T_NULL)
#define IS_OBJ(v) ((v).tag == T_OBJ)
#define IS_KIND(v, kind) ((v).tag == T_OBJ && (v).u.o->k == (kind))
#define AS(type, v) ((type *)(v).u.o)

static inline void incref(Value v) { if (v.tag == T_OBJ) v.u.o->rc++; }
void obj_free(VM *vm, Obj *o); /* called when rc drops to 0 */
static inline void decref_vm(VM *vm, Value v) {
    if (v.tag == T_OBJ && --v.u.o->rc == 0) obj_free(vm, v.u.o);
}
#define decref(v) decref_vm(vm, (v)) /* every function that drops references has `VM *vm` */
static inline Value vref(Value v) { incref(v); return v; }

/* ---- heap object layouts ---- */
typedef struct StrObj {
    Obj h;
    size_t len;    /* bytes, excluding the NUL */
    size_t nchars; /* code points; == len for ASCII */
    int64_t hash;  /* -1 until computed */
    char s[];      /* UTF-8, NUL-terminated */
} StrObj;

typedef struct BigIntObj {
    Obj h;
    struct BigInt *b; /* owned; see bigint.h. Never fits int64 (normalised on creation) */
} BigIntObj;

typedef struct ComplexObj {
    Obj h;
    double re, im;
} ComplexObj;

typedef struct ListObj { /* list and tuple */
    Obj h;
    GcLink gc;
    size_t len, cap; /* tuples: cap == len */
    Value *items;
} ListObj;
typedef ListObj TupleObj;

typedef struct DictEntry {
    int64_t hash;
    Value key, value; /* key T_NULL: deleted */
} DictEntry;
typedef struct DictObj { /* insertion ordered, like CPython's compact dict */
    Obj h;
    GcLink gc;
    size_t used, nentries, cap; /* entries */
    DictEntry *entries;
    int32_t *index; /* open addressing table of entry indices; -1 empty, -2 deleted */
    size_t mask;
    uint64_t version; /* bumped when keys are added or removed (entry indices change) */
} DictObj;

typedef struct SetEntry {
    int64_t hash;
    Value key; /* T_NULL: empty; T_ERR used internally as a dummy (deleted) marker */
} SetEntry;
typedef struct SetObj { /* set and frozenset; CPython's probing so iteration order matches */
    Obj h;
    GcLink gc;
    size_t used, fill, mask;
    SetEntry *table;
    size_t finger;
} SetObj;

typedef struct RangeObj {
    Obj h;
    int64_t start, stop, step, len;
} RangeObj;

typedef struct SliceObj {
    Obj h;
    Value start, stop, step;
} SliceObj;

struct KwArgs;
typedef struct TypeObj {
    Obj h;
    const char *name;     /* "int", "ValueError", "ndarray" */
    const char *module;   /* NULL for builtins; "numpy" for ndarray */
    struct TypeObj *base; /* NULL for object */
    ObjKind kind;         /* layout of its instances (K_EXC for every exception class) */
    int tag;              /* for immediates: T_INT etc; 0 otherwise */
    struct DictObj *dict; /* methods and class attributes */
    const char *doc;
    /* Hooks for native kinds (arrays, SQL results): NULL falls back to the generic path. */
    const struct NativeOps *ops;
    /* Constructor: called for t(...) with argv[0] the type itself. NULL: not callable. */
    Value (*ctor)(VM *vm, int argc, const Value *argv, const struct KwArgs *kw);
} TypeObj;

/* A built-in function: fn gets the positional arguments in argv and keyword arguments in kw.
 * For methods, argv[0] is self. */
typedef struct KwArgs {
    int n;
    const Value *names; /* StrObj values */
    const Value *values;
} KwArgs;
typedef Value (*CFunc)(VM *vm, int argc, const Value *argv, const KwArgs *kw);
typedef struct BuiltinDef {
    const char *name;
    CFunc fn;
    const char *sig; /* "(iterable, /, start=0)" shown by help() */
    const char *doc;
} BuiltinDef;
typedef struct BuiltinObj {
    Obj h;
    const BuiltinDef *def;
    Value self;        /* bound receiver (T_NULL for plain functions) */
    const char *owner; /* type name for methods ("str") or module name, for repr */
} BuiltinObj;

typedef struct BoundObj { /* a Python function bound to self (used later by classes) */
    Obj h;
    Value func, self;
} BoundObj;

typedef struct CellObj {
    Obj h;
    GcLink gc;
    Value v; /* T_NULL when empty */
} CellObj;

typedef struct ModuleObj {
    Obj h;
    GcLink gc;
    StrObj *name;
    DictObj *dict;
} ModuleObj;

typedef struct ExcObj {
    Obj h;
    GcLink gc;
    TypeObj *cls;
    Value args;       /* a tuple */
    Value context;    /* ExcObj or none */
    Value cause;      /* ExcObj or none */
    int suppress_context;
    struct TbEntry *tb; /* innermost last */
    int ntb, captb;
    DictObj *attrs;     /* extra attributes (SQLError.errno...), may be NULL */
} ExcObj;
typedef struct TbEntry {
    struct CodeObj *code;
    int line, col, end_line, end_col;
} TbEntry;

/* Native objects (arrays, result sets, ...): a type with hooks. */
typedef struct NativeObj {
    Obj h;
    TypeObj *type;
} NativeObj;
typedef struct NativeOps {
    void (*free)(VM *vm, Obj *o);
    int (*repr)(VM *vm, Value self, SBuf *out, int str); /* 0 ok, -1 raised */
    Value (*getattr)(VM *vm, Value self, StrObj *name);  /* T_NULL: not found (no raise) */
    int (*setattr)(VM *vm, Value self, StrObj *name, Value v);
    Value (*binop)(VM *vm, int op, Value a, Value b);  /* op: AstOp; T_NULL: not handled */
    Value (*unop)(VM *vm, int op, Value a);
    Value (*getitem)(VM *vm, Value self, Value key);
    int (*setitem)(VM *vm, Value self, Value key, Value v);
    Value (*iter)(VM *vm, Value self);
    Value (*len)(VM *vm, Value self);                  /* T_INT */
    int (*truth)(VM *vm, Value self);                  /* 0/1, -1 raised */
    Value (*call)(VM *vm, Value self, int argc, const Value *argv, const KwArgs *kw);
    int (*bundle)(VM *vm, Value self, struct ab_bundle *out); /* rich display */
} NativeOps;

/* Iterators over built-in containers share one layout. */
typedef struct IterObj {
    Obj h;
    GcLink gc;
    int sub;       /* which iterator (see object.c) */
    Value src;     /* what is iterated */
    Value aux;     /* second source (zip, map function...) */
    int64_t i, n, step;
} IterObj;

/* ---- strings ---- */
/* A new str holding a copy of n bytes of UTF-8; NULL (MemoryError raised) on failure. */
StrObj *str_new(VM *vm, const char *s, size_t n);
Value str_value(VM *vm, const char *s, size_t n); /* same, as a Value (ERRV on failure) */
Value str_cstr(VM *vm, const char *s);
/* Interned string for identifiers: the same pointer for the same text within one VM. */
StrObj *str_intern(VM *vm, const char *s, size_t n);
Value str_from_sbuf(VM *vm, SBuf *b); /* consumes the buffer */
int64_t str_hash(StrObj *s);
int str_eq(const StrObj *a, const StrObj *b);
size_t utf8_count(const char *s, size_t n);
/* Byte offset of code point index i (0 <= i <= nchars). */
size_t str_offset(const StrObj *s, size_t i);

/* ---- containers ---- */
ListObj *list_new(VM *vm, size_t len);     /* len items set to None... callers fill them */
int list_append(VM *vm, ListObj *l, Value v); /* increfs v; 0 or -1 (raised) */
ListObj *tuple_new(VM *vm, size_t len);
Value tuple_pack(VM *vm, int n, ...);      /* steals nothing: increfs each Value */
DictObj *dict_new(VM *vm);
Value dict_get(VM *vm, DictObj *d, Value key);  /* BORROWED, T_NULL when absent, ERRV */
Value dict_get_str(DictObj *d, StrObj *key);    /* BORROWED, T_NULL when absent (no raise) */
int dict_set(VM *vm, DictObj *d, Value key, Value v); /* increfs both; 0 or -1 */
int dict_set_str(VM *vm, DictObj *d, const char *key, Value v);
int dict_del(VM *vm, DictObj *d, Value key); /* 1 deleted, 0 absent (no raise), -1 error */
SetObj *set_new(VM *vm, int frozen);
int set_add(VM *vm, SetObj *s, Value key);      /* 0 or -1 */
int set_contains(VM *vm, SetObj *s, Value key); /* 1/0, -1 */
int set_discard(VM *vm, SetObj *s, Value key);  /* 1 removed, 0 absent, -1 */

/* ---- generic protocol (vm.c / object.c) ---- */
Value obj_repr(VM *vm, Value v);   /* new str */
Value obj_str(VM *vm, Value v);    /* new str */
int obj_repr_sb(VM *vm, Value v, SBuf *out); /* 0 or -1 (raised) */
int obj_str_sb(VM *vm, Value v, SBuf *out);
int obj_truth(VM *vm, Value v);    /* 1/0 or -1 (raised) */
int obj_eq(VM *vm, Value a, Value b); /* 1/0 or -1 (raised) */
Value obj_compare(VM *vm, int op, Value a, Value b);
int obj_hash(VM *vm, Value v, int64_t *out); /* 0 or -1 (TypeError: unhashable type) */
Value obj_binop(VM *vm, int op, Value a, Value b);
Value obj_inplace(VM *vm, int op, Value a, Value b);
Value obj_unop(VM *vm, int op, Value a);
Value obj_getattr(VM *vm, Value o, StrObj *name);
int obj_setattr(VM *vm, Value o, StrObj *name, Value v);
Value obj_getitem(VM *vm, Value o, Value key);
int obj_setitem(VM *vm, Value o, Value key, Value v);
int obj_delitem(VM *vm, Value o, Value key);
Value obj_iter(VM *vm, Value o);
Value obj_next(VM *vm, Value it); /* T_NULL at the end (no StopIteration raised) */
Value obj_len(VM *vm, Value o);   /* T_INT */
int obj_contains(VM *vm, Value container, Value item); /* 1/0/-1 */
Value obj_call(VM *vm, Value f, int argc, const Value *argv, const KwArgs *kw);
TypeObj *obj_type(VM *vm, Value v);
const char *type_name(VM *vm, Value v); /* "int", "list", ... */
int obj_isinstance(VM *vm, Value v, TypeObj *t);
int type_subclass(const TypeObj *t, const TypeObj *base);
/* Collects any iterable into a new list. */
ListObj *obj_to_list(VM *vm, Value iterable);
/* Integer conversion for indices: raises TypeError naming what when v is not an int. */
int obj_index(VM *vm, Value v, int64_t *out, const char *what);
/* Float conversion for math: int, bool, float, bigint. -1 raised. */
int obj_to_double(VM *vm, Value v, double *out);

/* ---- exceptions ---- */
/* Raise cls(message formatted printf-style). Always returns ERRV for convenience. */
Value vm_raise(VM *vm, TypeObj *cls, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
Value vm_raise_value(VM *vm, Value exc); /* raise an exception instance (increfs) */
Value vm_nomem(VM *vm);                  /* MemoryError from a preallocated instance */

/* Binding helper for built-ins: spec lists parameter names, "|" separates optional ones,
 * "$" starts keyword-only, "/" ends positional-only: e.g. "x|base" or "*|sep,end". Fills
 * out[] (borrowed, T_NULL when absent). Returns 0 or -1 (TypeError raised). */
int arg_parse(VM *vm, const char *fname, const char *spec, int argc, const Value *argv,
              const KwArgs *kw, Value *out);

#endif
