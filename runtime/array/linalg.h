/* linalg.h: products (dot, matmul with stacking and broadcasting) and numpy.linalg on OpenBLAS
 * and LAPACK (la_*). Same ownership rule as array.h: arguments borrowed, results new. */
#ifndef LINALG_H
#define LINALG_H

#include "array.h"

/* np.matmul(a, b) / a @ b for array-likes of any dimension (NumPy's gufunc rules: stacks of
 * matrices broadcast, 1-D operands promoted and their axis removed). Returns ERRV raised. */
Value la_matmul(VM *vm, Value a, Value b);
/* np.dot(a, b): scalars multiply, <= 2-D as matrix products, N-D as a sum over the last axis
 * of a and the second-to-last of b. Returns ERRV raised. */
Value la_dot(VM *vm, Value a, Value b);
/* Called from np_module_init with the module being initialised. For "numpy" it adds vdot,
 * inner, outer, cross, trace and the attribute linalg (importing "numpy.linalg") and returns
 * 0; for "numpy.linalg" (a row of the MODULES table that points at np_module_init) it fills
 * that module and returns 1, meaning the numpy part must be skipped. -1: raised. */
int la_init(VM *vm, ModuleObj *m);

#endif
