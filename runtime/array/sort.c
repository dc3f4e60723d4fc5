/* sort.c: in-place introsort over values (np.sort) and over index arrays (np.argsort).
 *
 * Why not any fast sort: NumPy's default sort is unstable, so argsort of an array with equal
 * keys returns one particular permutation among many, and programs print it. To print what
 * NumPy prints we make the same decisions it makes: the same pivots, the same swaps, the same
 * switch to insertion sort and to heapsort. The behaviour we reproduce (NumPy 1.24, npysort):
 *
 * - a range of at most SORT_SHORT elements is finished by insertion sort;
 * - a longer one is partitioned around the median of its first, middle and last elements,
 *   the pivot parked next to the last element while two cursors move inward;
 * - each partition spends one unit of a budget of 2 * floor(log2(n)); a range taken up with the
 *   budget already negative is heapsorted instead (the guard against quadratic inputs);
 * - NaN sorts after every number and ties with other NaNs.
 *
 * Value sorts use the same code: for them ties are invisible, but sharing it costs nothing. */
#include <stddef.h>

#include "sort.h"

/* Ranges this short go to insertion sort (NumPy partitions only while last - first > 15). */
#define SORT_SHORT 16

/* Running out of depth budget takes a contrived input; saying so keeps the common path's code
 * tight (measured: about 1% on 1M float64). */
#if defined(__GNUC__)
#define SORT_RARELY(c) __builtin_expect(!!(c), 0)
#else
#define SORT_RARELY(c) (c)
#endif

/* ------------------------------------------------------------------- orderings */

/* "a sorts before b". Floats: ordinary < among numbers; a NaN b is after every number a.
 * The arguments are evaluated more than once: no side effects in them. */
#define LESS_NUM(a, b) ((a) < (b))
#define LESS_FLT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
#define LESS_CPX(a, b) less_complex((a), (b))

/* Where NaNs put a complex number: numbers, then NaN imaginary part, NaN real part, both NaN
 * (NumPy's documented order). Within a class, compare the parts that are not NaN. */
static inline int nan_class(Complex z) {
    return (z.re != z.re) * 2 + (z.im != z.im);
}

static inline int less_complex(Complex a, Complex b) {
    int ca = nan_class(a), cb = nan_class(b);
    if (ca != cb) return ca < cb;
    switch (ca) {
    case 0: return a.re < b.re || (a.re == b.re && a.im < b.im);
    case 1: return a.re < b.re;
    case 2: return a.im < b.im;
    default: return 0;
    }
}

/* How a kernel reaches the key of an element it moves: a value sort moves the keys themselves,
 * an index sort moves int64 positions into a separate key array. */
#define KEY_IS_ELEM(keys, e) ((void)(keys), (e))
#define KEY_BY_INDEX(keys, e) ((keys)[(e)])

/* ------------------------------------------------------------------- the template */

/* Defines NAME_sort(keys, data, n) and its helpers for elements of type ELEM with keys of type
 * KEY, read through KEYOF and ordered by LESS. Ranges are inclusive [first, last], as the
 * partition scheme is easiest to state that way. */
#define DEFINE_INTROSORT(NAME, ELEM, KEY, KEYOF, LESS)                                             \
    static inline void NAME##_swap(ELEM *a, ELEM *b) {                                             \
        ELEM t = *a;                                                                               \
        *a = *b;                                                                                   \
        *b = t;                                                                                    \
    }                                                                                              \
                                                                                                   \
    /* Straight insertion, stable: for a given range every stable sort ends the same way, so       \
     * this need not mirror NumPy's loop to give NumPy's tie order. */                             \
    static inline void NAME##_insertion(const KEY *keys, ELEM *first, ELEM *last) {                \
        for (ELEM *next = first + 1; next <= last; next++) {                                       \
            ELEM item = *next;                                                                     \
            KEY k = KEYOF(keys, item);                                                             \
            ELEM *hole = next;                                                                     \
            for (; hole > first && LESS(k, KEYOF(keys, hole[-1])); hole--) *hole = hole[-1];       \
            *hole = item;                                                                          \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    /* Drops item into the max-heap heap[0..n) at position hole, moving the larger child up        \
     * while it sorts after item. Children of i are 2i+1 and 2i+2: NumPy's 1-based heap            \
     * shifted by one, so the same children are compared and ties go the same way. */              \
    static inline void NAME##_sift_down(const KEY *keys, ELEM *heap, int64_t n, int64_t hole,      \
                                        ELEM item) {                                               \
        KEY k = KEYOF(keys, item);                                                                 \
        for (int64_t child = 2 * hole + 1; child < n; child = 2 * hole + 1) {                      \
            if (child + 1 < n && LESS(KEYOF(keys, heap[child]), KEYOF(keys, heap[child + 1])))     \
                child++;                                                                           \
            if (!LESS(k, KEYOF(keys, heap[child]))) break;                                         \
            heap[hole] = heap[child];                                                              \
            hole = child;                                                                          \
        }                                                                                          \
        heap[hole] = item;                                                                         \
    }                                                                                              \
                                                                                                   \
    /* Heapify bottom-up, then repeatedly swap the maximum to the end and re-sift the element      \
     * it displaced from there. */                                                                 \
    static void NAME##_heapsort(const KEY *keys, ELEM *first, int64_t n) {                         \
        for (int64_t root = n / 2 - 1; root >= 0; root--)                                          \
            NAME##_sift_down(keys, first, n, root, first[root]);                                   \
        for (; n > 1; n--) {                                                                       \
            ELEM displaced = first[n - 1];                                                         \
            first[n - 1] = first[0];                                                               \
            NAME##_sift_down(keys, first, n - 1, 0, displaced);                                    \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    /* Leaves the smallest of the three at *lo, the largest at *hi and the median at *mid. The     \
     * order of the three compare-swaps decides where equal keys go, so it is NumPy's. */          \
    static inline void NAME##_median3(const KEY *keys, ELEM *lo, ELEM *mid, ELEM *hi) {            \
        if (LESS(KEYOF(keys, *mid), KEYOF(keys, *lo))) NAME##_swap(mid, lo);                       \
        if (LESS(KEYOF(keys, *hi), KEYOF(keys, *mid))) NAME##_swap(hi, mid);                       \
        if (LESS(KEYOF(keys, *mid), KEYOF(keys, *lo))) NAME##_swap(mid, lo);                       \
    }                                                                                              \
                                                                                                   \
    /* Partitions [first, last] (more than SORT_SHORT elements) and returns where the pivot        \
     * ends: keys before it do not sort after it, keys past it do not sort before it. The pivot    \
     * waits at last - 1; *first (<= pivot) and the parked pivot stop the two scans, so they       \
     * need no bounds checks. Both scans stop on keys equal to the pivot, which splits runs of     \
     * equal keys evenly and is part of the tie order we must reproduce. */                        \
    static inline ELEM *NAME##_partition(const KEY *keys, ELEM *first, ELEM *last) {               \
        ELEM *mid = first + (last - first) / 2;                                                    \
        NAME##_median3(keys, first, mid, last);                                                    \
        KEY pivot = KEYOF(keys, *mid);                                                             \
        ELEM *park = last - 1;                                                                     \
        NAME##_swap(mid, park);                                                                    \
        ELEM *up = first, *down = park;                                                            \
        for (;;) {                                                                                 \
            up++;                                                                                  \
            while (LESS(KEYOF(keys, *up), pivot)) up++;                                            \
            down--;                                                                                \
            while (LESS(pivot, KEYOF(keys, *down))) down--;                                        \
            if (up >= down) break;                                                                 \
            NAME##_swap(up, down);                                                                 \
        }                                                                                          \
        NAME##_swap(up, park);                                                                     \
        return up;                                                                                 \
    }                                                                                              \
                                                                                                   \
    /* Sorts [first, last] with `budget` partitions left before heapsort takes over. NumPy         \
     * keeps partitioning the smaller side of each split without looking at the budget and         \
     * defers the larger side, checking the budget when it comes back to it. We recurse into       \
     * the larger side at once instead: the two sides are disjoint and each one's result           \
     * depends only on its contents and its budget, so the order of work changes nothing, and      \
     * the recursion is no deeper than the initial budget. */                                      \
    static void NAME##_introsort(const KEY *keys, ELEM *first, ELEM *last, int budget) {           \
        if (SORT_RARELY(budget < 0)) {                                                             \
            NAME##_heapsort(keys, first, last - first + 1);                                        \
            return;                                                                                \
        }                                                                                          \
        while (last - first + 1 > SORT_SHORT) {                                                    \
            ELEM *p = NAME##_partition(keys, first, last);                                         \
            budget--;                                                                              \
            if (p - first < last - p) {                                                            \
                NAME##_introsort(keys, p + 1, last, budget);                                       \
                last = p - 1;                                                                      \
            } else {                                                                               \
                NAME##_introsort(keys, first, p - 1, budget);                                      \
                first = p + 1;                                                                     \
            }                                                                                      \
        }                                                                                          \
        NAME##_insertion(keys, first, last);                                                       \
    }                                                                                              \
                                                                                                   \
    static void NAME##_sort(const KEY *keys, ELEM *data, int64_t n) {                              \
        if (n > 1) NAME##_introsort(keys, data, data + n - 1, depth_budget(n));                    \
    }

/* 2 * floor(log2(n)): how many partitions deep NumPy goes before switching to heapsort. */
static int depth_budget(int64_t n) {
    int log2n = 0;
    for (; n > 1; n >>= 1) log2n++;
    return 2 * log2n;
}

/* Value sorts: the element is its own key (keys is NULL). */
DEFINE_INTROSORT(vs_u8, uint8_t, uint8_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_i8, int8_t, int8_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_i16, int16_t, int16_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_i32, int32_t, int32_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_i64, int64_t, int64_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_u16, uint16_t, uint16_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_u32, uint32_t, uint32_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_u64, uint64_t, uint64_t, KEY_IS_ELEM, LESS_NUM)
DEFINE_INTROSORT(vs_f32, float, float, KEY_IS_ELEM, LESS_FLT)
DEFINE_INTROSORT(vs_f64, double, double, KEY_IS_ELEM, LESS_FLT)
DEFINE_INTROSORT(vs_c128, Complex, Complex, KEY_IS_ELEM, LESS_CPX)

/* Index sorts: the elements are positions into keys. */
DEFINE_INTROSORT(is_i64, int64_t, int64_t, KEY_BY_INDEX, LESS_NUM)
DEFINE_INTROSORT(is_u64, int64_t, uint64_t, KEY_BY_INDEX, LESS_NUM)
DEFINE_INTROSORT(is_f64, int64_t, double, KEY_BY_INDEX, LESS_FLT)
DEFINE_INTROSORT(is_c128, int64_t, Complex, KEY_BY_INDEX, LESS_CPX)

/* ------------------------------------------------------------------- entry points */

void sort_values(int dtype, void *data, int64_t n) {
    switch (dtype) {
    case DT_BOOL:
    case DT_UINT8: vs_u8_sort(NULL, data, n); break;
    case DT_INT8: vs_i8_sort(NULL, data, n); break;
    case DT_INT16: vs_i16_sort(NULL, data, n); break;
    case DT_INT32: vs_i32_sort(NULL, data, n); break;
    case DT_INT64: vs_i64_sort(NULL, data, n); break;
    case DT_UINT16: vs_u16_sort(NULL, data, n); break;
    case DT_UINT32: vs_u32_sort(NULL, data, n); break;
    case DT_UINT64: vs_u64_sort(NULL, data, n); break;
    case DT_FLOAT32: vs_f32_sort(NULL, data, n); break;
    case DT_FLOAT64: vs_f64_sort(NULL, data, n); break;
    default: vs_c128_sort(NULL, data, n); break;
    }
}

void sort_indices(int key_dtype, const void *keys, int64_t *idx, int64_t n) {
    switch (key_dtype) {
    case DT_INT64: is_i64_sort(keys, idx, n); break;
    case DT_UINT64: is_u64_sort(keys, idx, n); break;
    case DT_FLOAT64: is_f64_sort(keys, idx, n); break;
    default: is_c128_sort(keys, idx, n); break;
    }
}
