/* array.h: the n-dimensional array behind `import numpy` (arr_*), its dtypes, NumPy scalars,
 * elementwise kernels (ufunc_*), reductions (red_*) and printing (aprint_*).
 *
 * Ownership follows value.h: functions borrow their arguments and return new references.
 * An ArrObj either owns its memory (base == NULL, mem allocated) or is a VIEW: data points into
 * the memory of base, the array that owns it, which the view keeps alive with a reference.
 * NumPy scalars (np.float64(1.5), a[0]) are 0-d ArrObj whose type is the scalar type, so one
 * set of kernels serves both. */
#ifndef ARRAY_H
#define ARRAY_H

#include <stdint.h>

#include "../object.h"

#define ARR_MAXDIM 32

/* Hot loops are compiled twice, for AVX2 and for the x86-64 baseline, and the loader picks one
 * for the CPU (GCC's function multiversioning). Only the vectors get wider: AVX2 does not
 * bring FMA, so no multiply-add is contracted and every result stays NumPy's. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) \
    && !defined(__SANITIZE_ADDRESS__)
#define VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define VECTOR_CLONES
#endif

/* dtypes, in the order NumPy numbers them within each kind; float16 and complex64 came later
 * and are appended, so tables written for the first twelve keep their layout (code that walks
 * dtypes in NumPy's order must place them itself: float16 before float32, complex64 before
 * complex128). */
typedef enum DType {
    DT_BOOL, DT_INT8, DT_INT16, DT_INT32, DT_INT64, DT_UINT8, DT_UINT16, DT_UINT32, DT_UINT64,
    DT_FLOAT32, DT_FLOAT64, DT_COMPLEX128, DT_FLOAT16, DT_COMPLEX64, DT__COUNT
} DType;

typedef struct ArrDType {
    const char *name;   /* "float64": dtype str and repr */
    const char *scalar; /* scalar type name: "float64", "bool_" */
    char kind;          /* 'b' 'i' 'u' 'f' 'c' */
    char chr;           /* type character: '?', 'b', 'l', 'd', ... */
    int size;           /* itemsize in bytes */
} ArrDType;
extern const ArrDType arr_dtypes[DT__COUNT];

typedef struct Complex { double re, im; } Complex;
typedef struct Complex64 { float re, im; } Complex64; /* a complex64 element */

enum { ARR_WRITEABLE = 1 };

typedef struct ArrObj {
    NativeObj h;          /* h.type: ndarray, or a scalar type for NumPy scalars */
    int dtype;            /* DType */
    int ndim;
    int flags;            /* ARR_WRITEABLE */
    int64_t size;         /* product of shape */
    char *data;           /* first element */
    struct ArrObj *base;  /* owner of the memory for views (a reference), NULL if owner */
    char *mem;            /* owned allocation (NULL for views and inline storage) */
    int64_t *shape;       /* ndim entries, in dims */
    int64_t *strides;     /* ndim entries in bytes, in dims */
    Complex inl;          /* storage for scalars and arrays of at most 16 bytes */
    int64_t dims[];       /* shape, then strides */
} ArrObj;

/* Print options (np.set_printoptions). */
typedef struct PrintOpts {
    int precision, linewidth, edgeitems, suppress;
    int64_t threshold;
} PrintOpts;

/* Per-VM state, in vm->np. */
typedef struct NpState {
    TypeObj *t_ndarray;
    TypeObj *t_scalar[DT__COUNT]; /* np.float64 ... (the types of scalars) */
    TypeObj *t_dtype;
    TypeObj *e_axis;              /* numpy.AxisError (a ValueError) */
    TypeObj *e_casting;           /* _UFuncOutputCastingError (a TypeError) */
    TypeObj *e_noloop;            /* UFuncTypeError: no loop for the input dtypes */
    Value dtypes[DT__COUNT];      /* the dtype objects */
    PrintOpts po;
} NpState;

#define NP(vm) ((NpState *)(vm)->np)

/* Frees the array runtime's per-VM state (vm->np); call from vm_free. Safe when unset. */
void np_free(VM *vm);
/* Gives the large buffers kept for reuse back to the system (at the end of each cell). */
void arr_cache_release(void);

/* ---- arrays (array.c) ---- */
int arr_check(VM *vm, Value v); /* 1 if v is an ndarray or NumPy scalar */
/* A new C-contiguous array, uninitialised (zeroed when zero is set). NULL: raised. */
ArrObj *arr_new(VM *vm, int dtype, int ndim, const int64_t *shape, int zero);
/* A view of base's memory with the given geometry (base may itself be a view). */
ArrObj *arr_view(VM *vm, ArrObj *base, int dtype, int ndim, const int64_t *shape,
                 const int64_t *strides, char *data);
/* a's elements under a new geometry addressing the same bytes (keepdims' length-1 axes):
 * consumes a; when a is an owner nobody else holds, the result owns the memory instead of
 * viewing it. NULL: raised. */
ArrObj *arr_regeom(VM *vm, ArrObj *a, int ndim, const int64_t *shape, const int64_t *strides);
/* A new NumPy scalar of dtype read from p. */
Value arr_scalar(VM *vm, int dtype, const char *p);
/* a returned as a Value: 0-d results become NumPy scalars (consumes the reference). */
Value arr_result(VM *vm, ArrObj *a);
Value arr_value(ArrObj *a); /* consumes a, wraps it (NULL gives ERRV) */
/* Converts any array-like (array, scalar, nested lists, Python number) to an array; dtype -1
 * infers. Returns a new reference (the same array when no conversion is needed). */
ArrObj *arr_from_any(VM *vm, Value v, int dtype);
ArrObj *arr_copy(VM *vm, const ArrObj *a, int dtype); /* C-contiguous copy, cast */
int arr_is_c_contig(const ArrObj *a);
int arr_is_f_contig(const ArrObj *a);
ArrObj *arr_reshape(VM *vm, ArrObj *a, int ndim, const int64_t *shape); /* view or copy */
/* Memory order. An order is a letter: 'C', 'F', 'A' (F if a is Fortran-contiguous and not
 * C-contiguous, else C) or 'K' (keep a's layout). perm lists axes slowest first. */
/* Parses an order= argument (absent or None: dflt) as NumPy does. Returns the upper-case
 * letter, or 0 with TypeError/ValueError raised. */
int arr_order_arg(VM *vm, Value v, int dflt);
/* A new array whose memory runs through the axes in perm's order (perm[ndim - 1] fastest);
 * NULL perm is C order. NULL: raised. */
ArrObj *arr_new_perm(VM *vm, int dtype, int ndim, const int64_t *shape, const int *perm,
                     int zero);
/* The axis order of NumPy's new arrays like a (PyArray_NewLikeArray) in the given order. */
void arr_like_perm(const ArrObj *a, int order, int *perm);
/* The axis order NumPy's ufuncs give their new outputs (order='K'): the layout of the nop
 * inputs broadcast to (ndim, shape), C order where they disagree. */
void arr_out_perm(int nop, ArrObj *const *ops, int ndim, const int64_t *shape, int *perm);
/* NumPy's iterator axis ordering (order='K') for the nop operands broadcast to (ndim, shape),
 * as reductions allocate their results in. */
void arr_iter_perm(int nop, ArrObj *const *ops, int ndim, const int64_t *shape, int *perm);
/* A copy of a laid out in order (like_perm), cast to dtype (-1 keeps). NULL: raised. */
ArrObj *arr_copy_order(VM *vm, const ArrObj *a, int dtype, int order);
/* arr_reshape with order 'C', 'F' or 'A' (the index order elements are read and placed in). */
ArrObj *arr_reshape_order(VM *vm, ArrObj *a, int ndim, const int64_t *shape, int order);
/* a.ravel(order): a 1-D view when possible, else a.flatten(order) (a new array). */
ArrObj *arr_ravel(VM *vm, ArrObj *a, int order);
ArrObj *arr_flatten(VM *vm, const ArrObj *a, int order);
/* The array behind Value v when it is one (borrowed), else NULL. */
ArrObj *arr_of(VM *vm, Value v);
/* Creates ndarray, the scalar types and the abstract scalar hierarchy (np.generic...). */
int arr_types_init(VM *vm, NpState *st, ModuleObj *m);
int arr_type_is_scalar(VM *vm, const TypeObj *t);

/* ---- dtypes and conversions (dtype.c) ---- */
/* Parses a dtype argument (dtype object, scalar type, str 'float32'/'i8', Python type).
 * Returns the DType or -1 (TypeError raised). */
int dt_parse(VM *vm, Value v);
int dt_promote(int a, int b);   /* np.promote_types */
int dt_of_pyscalar(Value v);    /* dtype a Python scalar gets by itself; -1 if not one */
/* NumPy 1.24 result_type of operands: arrays, and scalar-like ones (Python numbers, 0-d
 * arrays) given as arrays with is_scalar set, which count by value. */
int dt_result(VM *vm, int n, ArrObj *const *ops, const int *is_scalar);
int dt_can_cast_safe(int from, int to); /* np.can_cast(from, to, 'safe') */
/* NumPy's linear search for a ufunc loop: the first of loops[] (dtypes in NumPy's order)
 * every operand casts to safely (scalars by value when they count by value); -1: none. */
int dt_linear_search(int n, ArrObj *const *ops, const int *is_scalar, const int *loops, int nloops);
/* Copies src into dst (same shape, or broadcastable to dst), converting between dtypes. */
int dt_cast_into(VM *vm, ArrObj *dst, const ArrObj *src);
/* Element access as Python values. */
Value dt_get(VM *vm, int dtype, const char *p);
int dt_set(VM *vm, int dtype, char *p, Value v); /* converts a Python value; -1 raised */
double dt_to_double(int dtype, const char *p);
/* IEEE half precision (float16 elements): exact widening, and narrowing rounded to nearest even
 * with subnormals, infinities and NaN (a finite value rounding past the largest half becomes
 * inf and raises FE_OVERFLOW, as NumPy's npy_double_to_half sets its overflow flag). */
double dt_half_to_double(uint16_t h);
uint16_t dt_half_from_double(double d);
void dt_from_complex(int dtype, char *p, Complex z); /* real dtypes take z.re; bool: z != 0 */
/* A half widened to float (exact), inline for the float16 loops. */
static inline float dt_h2f(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, e = (h >> 10) & 0x1f, m = h & 0x3ff;
    if (e == 0) {
        float f = (float)m * 0x1p-24f;
        return sign ? -f : f;
    }
    union { uint32_t u; float f; } b = {sign | (e == 31 ? 0x7f800000u : (e + 112) << 23) | (m << 13)};
    return b.f;
}
Complex dt_to_complex(int dtype, const char *p);
int64_t dt_to_int64(int dtype, const char *p);
void dt_from_double(int dtype, char *p, double d);
void dt_from_int64(int dtype, char *p, int64_t v);
Value dt_object(VM *vm, int dtype); /* the dtype object (new reference) */
int dt_init(VM *vm, NpState *st, ModuleObj *m);

/* ---- iteration ---- */
/* Broadcasts shapes; -1 with ValueError (NumPy's message) raised. */
int arr_broadcast_shape(VM *vm, int n, ArrObj *const *ops, int *ndim, int64_t *shape);
/* Strides of a broadcast to (ndim, shape): 0 along broadcast axes. */
void arr_bcast_strides(const ArrObj *a, int ndim, const int64_t *shape, int64_t *strides);
/* Inner loop: n elements, p[k] pointers, s[k] byte strides for each operand. */
typedef void (*ArrLoop)(char **p, const int64_t *s, int64_t n, void *ctx);
/* Runs loop over nop operands of a common shape with the given strides (outer loops in C
 * order, dimensions merged where possible). Returns -1 when interrupted (raised). */
int arr_iterate(VM *vm, int nop, char **data, int64_t *const *strides, int ndim,
                const int64_t *shape, ArrLoop loop, void *ctx);
/* arr_iterate with the axes in operand 0's memory order (by decreasing |stride|), for loops
 * whose result does not depend on the order elements are visited in. */
int arr_iterate_mem(VM *vm, int nop, char **data, int64_t *const *strides, int ndim,
                    const int64_t *shape, ArrLoop loop, void *ctx);

/* ---- ufuncs (ufunc.c) ---- */
/* a op b with broadcasting and promotion; op is an AstOp. out (may be NULL) receives the
 * result in place. Returns a new array or scalar, or ERRV. */
Value ufunc_binary(VM *vm, int op, Value a, Value b, ArrObj *out);
Value ufunc_binop_hook(VM *vm, int op, Value a, Value b); /* the NativeOps binop */
Value ufunc_unop_hook(VM *vm, int op, Value a);
/* np.maximum(a, b) (want_max) or np.minimum(a, b). */
Value ufunc_extreme(VM *vm, int want_max, Value a, Value b);
/* a @ b (npfuncs.c). */
Value npf_matmul(VM *vm, Value a, Value b);
int ufunc_init(VM *vm, ModuleObj *m);
/* Prints "RuntimeWarning: <what> encountered in <name>" on stderr. */
void ufunc_warn(VM *vm, const char *what, const char *name);

/* ---- planning fused expressions (ufunc.c, used by fuse.c) ---- */
/* One elementwise operation as fuse.c runs it: loop reads nin inputs given in dtype ct
 * (in_dt) and writes dtype ot, exactly as the eager ufunc does for the same operands. */
typedef struct UfStep {
    ArrLoop loop;
    int nin, ct, ot;
    int in_dt[2];
    int quiet; /* NumPy never warns for it: an invalid flag it raises (NaN compares) is cleared */
} UfStep;
/* Converts n elements from a (byte stride as) to d (byte stride ds). */
typedef void (*ArrCast)(char *d, int64_t ds, const char *a, int64_t as, int64_t n);
/* The step for ufunc `name` ("add", "sqrt", "absolute"...) over operands ops (dtype read;
 * values read only for scalars, which count by value when scal[k]); oper: called as an
 * operator (a ** 2 takes NumPy's fast paths). -1 (maybe with an exception set, which the
 * caller clears): not fusable, let the eager path run (and raise). */
int ufunc_plan(VM *vm, const char *name, int oper, int nin, ArrObj *const *ops, const int *scal,
               UfStep *st);
/* The conversion from dtype `from` to `to` (NULL when equal or not fusable). */
ArrCast ufunc_cast(int from, int to);
/* The loop dt_cast_into (and so astype) converts real dtype `from` to `to` with: p[0] the
 * destination, p[1] the source. NULL for complex and half dtypes. */
ArrLoop dt_conv_loop(int from, int to);
/* 1 for the dtypes fused code computes in (bool, integers, float32, float64). */
int ufunc_fusable_dt(int dt);
/* NumPy's pairwise sum of n contiguous doubles (reduce.c). */
double red_pairwise_f64(const double *p, int64_t n);

/* ---- indexing (arrindex.c) ---- */
Value idx_getitem(VM *vm, Value self, Value key);
int idx_setitem(VM *vm, Value self, Value key, Value v);

/* ---- reductions (reduce.c) ---- */
int red_init(VM *vm, ModuleObj *m, TypeObj *t);

/* ---- ndarray.view (views.c) ---- */
int view_init(VM *vm, NpState *st);

/* ---- printing (arrprint.c) ---- */
int aprint_array(VM *vm, const ArrObj *a, SBuf *out, int repr);
int aprint_scalar(VM *vm, const ArrObj *a, SBuf *out, int repr);
int aprint_init(VM *vm, ModuleObj *m);

/* ---- module functions (npfuncs.c) ---- */
int npf_init(VM *vm, ModuleObj *m);
/* Shared argument helpers. */
int npf_axis(VM *vm, Value v, int ndim, int *axis); /* normalises a negative axis */
/* An axis argument (an int or a tuple of them) as flags[ndim]; duplicates raise (reduce.c). */
int npf_axes(VM *vm, Value axis, int ndim, int *flags);
int npf_shape(VM *vm, Value v, int *ndim, int64_t *shape);

/* ---- more module functions (npfuncs2.c) ---- */
/* Registers logspace, diag, tri, meshgrid, median, percentile, histogram, split, vectorize...
 * and the ndarray methods repeat and searchsorted. */
int npf2_init(VM *vm, ModuleObj *m);
/* a.flat (a numpy.flatiter writing through to a) or a.flags (name "flags"); new reference. */
Value npf2_attr(VM *vm, ArrObj *a, const char *name);
/* a.flat = v: fills a in C order with v's elements, cycled. -1: raised. */
int npf2_set_flat(VM *vm, ArrObj *a, Value v);

#endif
