/* sort.h: the sorting kernels behind np.sort, np.argsort and ndarray.sort (sort_*). They follow
 * NumPy's default "quicksort" (an introsort) decision for decision, so that argsort reports
 * equal keys in the same order NumPy does. */
#ifndef SORT_H
#define SORT_H

#include <stdint.h>

#include "array.h"

/* Sorts the n contiguous elements at data, of dtype `dtype` (any DType; bool sorts as uint8),
 * in place and ascending in NumPy's order: NaNs after all numbers; complex by real part, then
 * imaginary part. Long inputs whose sorted form is the same for every algorithm are radix
 * sorted; if the scratch buffer for that cannot be allocated, the introsort runs instead, so
 * this cannot fail. */
void sort_values(int dtype, void *data, int64_t n);

/* Permutes idx[0..n) in place so that keys[idx[0]], keys[idx[1]], ... ascend in the order
 * sort_values uses; idx arrives holding indices into keys (np.argsort passes 0..n-1) and equal
 * keys end up in the order NumPy's argsort gives them. key_dtype is DT_INT64, DT_UINT64,
 * DT_FLOAT64 or DT_COMPLEX128 (other values are read as complex128). keys is borrowed and not
 * modified. Cannot fail. */
void sort_indices(int key_dtype, const void *keys, int64_t *idx, int64_t n);

/* As sort_indices, but stable: equal keys keep the order they have in idx, as with NumPy's
 * argsort(kind='stable') or kind='mergesort' (NaNs tie with each other, -0.0 with 0.0).
 * Returns 0, or -1 with idx unchanged when scratch memory cannot be allocated (the caller
 * raises MemoryError). */
int sort_indices_stable(int key_dtype, const void *keys, int64_t *idx, int64_t n);

#endif
