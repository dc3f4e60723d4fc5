/* fuse.h: fused evaluation of elementwise array expressions.
 *
 * NumPy evaluates `x**2 + 2*x + 1` one operator at a time, each pass over memory writing a
 * temporary. The compiler recognises expression trees that might be elementwise array
 * expressions (operators, comparisons, calls of NumPy's elementwise functions and np.where,
 * .astype(dtype), over names and numeric constants, optionally ending in .sum()/.mean()) and
 * puts a FUSE instruction in front of their ordinary code:
 *
 *     FUSE plan        ; fused: pushes the value and goes on to the JUMP; else skips it
 *     JUMP end
 *     <the ordinary code of the expression>
 *   end:
 *
 * At run time fuse_eval reads the leaves without side effects (names, constants, module
 * attributes). When they are arrays of one shape and every step has a loop, it computes the
 * whole tree in one blocked pass with the eager kernels, so the result is bit for bit what the
 * ordinary code computes. In every other case (Python numbers, other shapes, a floating-point
 * warning or an error to report) it declines and the ordinary code runs.
 *
 * A plan is a tuple of ints, pairs (FZ_* code, argument), in postfix order. */
#ifndef FUSE_H
#define FUSE_H

#include "vm.h"

enum {
    FZ_FAST,   /* leaf: local slot */
    FZ_DEREF,  /* leaf: cell or free variable index */
    FZ_GLOBAL, /* leaf: global or builtin, names[arg] */
    FZ_CONST,  /* leaf: consts[arg], a Python int, float or bool */
    FZ_ATTR,   /* the module on top is replaced by its attribute names[arg] (callees only) */
    FZ_BINOP,  /* arg: AstOp of an operator or a single comparison */
    FZ_UNARY,  /* arg: OP_NEG or OP_INVERT */
    FZ_CALL,   /* arg: number of arguments, which follow the callee */
    FZ_METHOD, /* arg: names[arg], "sum" or "mean", called without arguments */
    FZ_ASTYPE, /* .astype(dtype): the dtype (a leaf) is on top, the array below it */
    FZ_MAXPLAN = 160 /* ints in a plan at most */
};

/* The value of the planned expression (a new reference), T_NULL when the plan does not apply
 * (run the ordinary code), or ERRV (KeyboardInterrupt, MemoryError). */
Value fuse_eval(VM *vm, Frame *f, Value plan);

#endif
