/* sort.c: in-place introsort over values (np.sort) and over index arrays (np.argsort); radix
 * sorts where the result is unique.
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
 * Value sorts use the same code: for them ties are invisible, but sharing it costs nothing.
 * Long value sorts whose result every algorithm agrees on take a radix sort instead, and so do
 * stable index sorts (np.argsort(kind='stable')), whose result is unique too; both are below. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

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

/* ------------------------------------------------------------------- radix sorts
 *
 * Where the answer is unique the algorithm is free, and a least-significant-digit radix sort
 * beats any comparison sort on long inputs. It is unique for a value sort of integers (equal
 * keys are identical elements), for a value sort of floats without two distinct bit patterns
 * that compare equal (not both -0.0 and 0.0, at most one NaN pattern), and for a stable index
 * sort. Keys are mapped to unsigned integers that order the same way, less their minimum so
 * that the high digits a narrow range never uses are skipped, and distributed 8 bits at a time
 * between the data and a scratch buffer. A digit every key shares is skipped too. */

/* Shorter inputs go to the introsort... */
#define RADIX_MIN 512
/* ... and so do those shorter than this times the square of the number of digits: both sorts
 * cost about the same per element and pass (digit or partition level), and as ranges shrink
 * into the cache the introsort's passes get cheaper faster. Measured: with 8 digits the radix
 * sort is 0.6x the introsort at n = 3000 and 2x at n = 10000; with 4, 1.3x at 3000; with 2,
 * 1.3x at 512. */
#define RADIX_PER_DIGIT2 128
#define RADIX_DIGIT 256

/* Order-preserving maps from an element's bits to an unsigned key: unsigned integers are their
 * own keys, signed ones flip the sign bit; floats flip the sign bit of a positive number and
 * every bit of a negative one, and NaN, whatever its sign and payload, takes the largest key. */
#define KEY_U(b) (b)
#define KEY_I16(b) ((uint16_t)((b) ^ 0x8000u))
#define KEY_I32(b) ((b) ^ 0x80000000u)
#define KEY_I64(b) ((b) ^ 0x8000000000000000u)

static inline uint32_t key_f32(uint32_t b) {
    uint32_t flip = 0x80000000u | (0u - (b >> 31));
    return (b & 0x7fffffffu) > 0x7f800000u ? UINT32_MAX : b ^ flip;
}

static inline uint64_t key_f64(uint64_t b) {
    uint64_t flip = 0x8000000000000000u | (0u - (b >> 63));
    return (b & 0x7fffffffffffffffu) > 0x7ff0000000000000u ? UINT64_MAX : b ^ flip;
}

/* How many 8-bit digits it takes to write x. */
static int radix_digits(uint64_t x) {
    int d = 0;
    for (; x; x >>= 8) d++;
    return d;
}

/* Turns the counts of one digit into the position where each digit's first element goes.
 * Returns 0, leaving count as it was, when one digit value holds all n keys: that pass would
 * move nothing. */
static int radix_offsets(int64_t *count, int64_t n) {
    int64_t sum = 0;
    for (int x = 0; x < RADIX_DIGIT; x++) {
        if (count[x] == n) return 0;
        int64_t c = count[x];
        count[x] = sum;
        sum += c;
    }
    return 1;
}

/* Defines NAME_sort_if_fast(v, n), which radix-sorts n elements stored as the unsigned
 * integers UINT by KEY(bits) if that is faster than the introsort and UNIQUE(v, n) says the
 * result is the introsort's. Keys count less lo, the least, and have ndig digits. */
#define DEFINE_RADIX(NAME, UINT, KEY, UNIQUE)                                                      \
    static inline int NAME##_digit(UINT b, UINT lo, int d) {                                       \
        return (int)(((UINT)(KEY(b) - lo) >> (8 * d)) & 0xff);                                     \
    }                                                                                              \
                                                                                                   \
    static void NAME##_range(const UINT *v, int64_t n, UINT *lo, UINT *hi) {                       \
        UINT a = KEY(v[0]), b = a;                                                                 \
        for (int64_t i = 1; i < n; i++) {                                                          \
            UINT k = KEY(v[i]);                                                                    \
            a = k < a ? k : a;                                                                     \
            b = k > b ? k : b;                                                                     \
        }                                                                                          \
        *lo = a;                                                                                   \
        *hi = b;                                                                                   \
    }                                                                                              \
                                                                                                   \
    /* One stable distribution pass by digit d; pos comes from radix_offsets. */                   \
    static void NAME##_scatter(const UINT *src, UINT *dst, int64_t n, UINT lo, int d,              \
                               int64_t *pos) {                                                     \
        for (int64_t i = 0; i < n; i++) {                                                          \
            UINT b = src[i];                                                                       \
            dst[pos[NAME##_digit(b, lo, d)]++] = b;                                                \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    /* Counts every digit in one read, then makes one pass per digit the keys do not all share,    \
     * between v and a scratch buffer. Returns -1, v untouched, when there is no memory for it. */ \
    static int NAME##_radix(UINT *v, int64_t n, UINT lo, int ndig) {                               \
        int64_t count[sizeof(UINT)][RADIX_DIGIT];                                                  \
        memset(count, 0, sizeof(count[0]) * (size_t)ndig);                                         \
        for (int64_t i = 0; i < n; i++)                                                            \
            for (int d = 0; d < ndig; d++) count[d][NAME##_digit(v[i], lo, d)]++;                  \
        UINT *buf = malloc(sizeof(UINT) * (size_t)n), *src = v, *dst = buf;                        \
        if (!buf) return -1;                                                                       \
        for (int d = 0; d < ndig; d++) {                                                           \
            if (!radix_offsets(count[d], n)) continue;                                             \
            NAME##_scatter(src, dst, n, lo, d, count[d]);                                          \
            dst = src;                                                                             \
            src = src == v ? buf : v;                                                              \
        }                                                                                          \
        if (src != v) memcpy(v, src, sizeof(UINT) * (size_t)n);                                    \
        free(buf);                                                                                 \
        return 0;                                                                                  \
    }                                                                                              \
                                                                                                   \
    /* Returns 0 when v is sorted, -1 when the introsort must do it. */                            \
    static int NAME##_sort_if_fast(UINT *v, int64_t n) {                                           \
        UINT lo, hi;                                                                               \
        NAME##_range(v, n, &lo, &hi);                                                              \
        int ndig = radix_digits((uint64_t)(hi - lo));                                              \
        if (n < RADIX_PER_DIGIT2 * ndig * ndig || !UNIQUE(v, n)) return -1;                        \
        return ndig ? NAME##_radix(v, n, lo, ndig) : 0;                                            \
    }

/* Whether every float sort gives n floats with bits v the same result: not both zeros (-0.0
 * == 0.0, so their order is the algorithm's), and all NaNs one bit pattern (NaNs tie). Patterns
 * are all equal when the bits set in one of them are set in all of them. */
#define DEFINE_FLOAT_UNIQUE(NAME, UINT, SIGN, INF, ONES)                                           \
    static int NAME##_unique(const UINT *v, int64_t n) {                                           \
        int pos0 = 0, neg0 = 0;                                                                    \
        UINT nan_any = 0, nan_all = (ONES);                                                        \
        for (int64_t i = 0; i < n; i++) {                                                          \
            UINT b = v[i];                                                                         \
            int nan = (UINT)(b & ~(UINT)(SIGN)) > (UINT)(INF);                                     \
            pos0 |= b == 0;                                                                        \
            neg0 |= b == (UINT)(SIGN);                                                             \
            nan_any |= nan ? b : 0;                                                                \
            nan_all &= nan ? b : (ONES);                                                           \
        }                                                                                          \
        return !(pos0 && neg0) && (nan_any & ~nan_all) == 0;                                       \
    }

DEFINE_FLOAT_UNIQUE(rs_f32, uint32_t, 0x80000000u, 0x7f800000u, UINT32_MAX)
DEFINE_FLOAT_UNIQUE(rs_f64, uint64_t, 0x8000000000000000u, 0x7ff0000000000000u,
                    UINT64_MAX)

/* Integer sorts have one answer. */
#define ANY_ORDER_UNIQUE(v, n) ((void)(v), (void)(n), 1)

DEFINE_RADIX(rs_u16, uint16_t, KEY_U, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_u32, uint32_t, KEY_U, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_u64, uint64_t, KEY_U, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_i16, uint16_t, KEY_I16, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_i32, uint32_t, KEY_I32, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_i64, uint64_t, KEY_I64, ANY_ORDER_UNIQUE)
DEFINE_RADIX(rs_f32, uint32_t, key_f32, rs_f32_unique)
DEFINE_RADIX(rs_f64, uint64_t, key_f64, rs_f64_unique)

/* Counting sort of bytes: the counts are the answer. key_offset (0x80 for int8) maps a byte to
 * its rank. */
static void counting_sort_u8(uint8_t *v, int64_t n, uint8_t key_offset) {
    int64_t count[RADIX_DIGIT] = {0};
    for (int64_t i = 0; i < n; i++) count[(uint8_t)(v[i] ^ key_offset)]++;
    for (int x = 0; x < RADIX_DIGIT; x++) {
        memset(v, (uint8_t)(x ^ key_offset), (size_t)count[x]);
        v += count[x];
    }
}

/* Radix-sorts values when that gives the one possible answer; returns 0 if it did, -1 if the
 * caller must use the introsort instead (input too short, a float input whose answer depends
 * on the algorithm, no memory for the scratch buffer). */
static int radix_values(int dtype, void *data, int64_t n) {
    if (n < RADIX_MIN) return -1;
    switch (dtype) {
    case DT_BOOL:
    case DT_UINT8: counting_sort_u8(data, n, 0); return 0;
    case DT_INT8: counting_sort_u8(data, n, 0x80); return 0;
    case DT_INT16: return rs_i16_sort_if_fast(data, n);
    case DT_INT32: return rs_i32_sort_if_fast(data, n);
    case DT_INT64: return rs_i64_sort_if_fast(data, n);
    case DT_UINT16: return rs_u16_sort_if_fast(data, n);
    case DT_UINT32: return rs_u32_sort_if_fast(data, n);
    case DT_UINT64: return rs_u64_sort_if_fast(data, n);
    case DT_FLOAT32: return rs_f32_sort_if_fast(data, n);
    case DT_FLOAT64: return rs_f64_sort_if_fast(data, n);
    default: return -1;
    }
}

/* ------------------------------------------------------------------- stable index sorts
 *
 * A stable sort has one answer, so np.argsort(kind='stable') may use any: a radix sort of
 * (key, index) pairs for long inputs of real keys, else a merge sort. NumPy's stable order ties
 * -0.0 with 0.0 and NaN with NaN, so those share a key here. */

/* Top-down merge sort of idx by keys[idx[i]], taking from the left run on ties; tmp holds at
 * least n / 2 + 1 entries. */
#define DEFINE_MERGESORT(NAME, KEY, LESS)                                                          \
    static void NAME##_msort(const KEY *keys, int64_t *idx, int64_t n, int64_t *tmp) {             \
        if (n <= SORT_SHORT) {                                                                     \
            NAME##_insertion(keys, idx, idx + n - 1);                                              \
            return;                                                                                \
        }                                                                                          \
        int64_t h = n / 2, i = 0, j = h, k = 0;                                                    \
        NAME##_msort(keys, idx, h, tmp);                                                           \
        NAME##_msort(keys, idx + h, n - h, tmp);                                                   \
        if (!LESS(keys[idx[h]], keys[idx[h - 1]])) return;                                         \
        memcpy(tmp, idx, sizeof(int64_t) * (size_t)h);                                             \
        while (i < h && j < n) idx[k++] = LESS(keys[idx[j]], keys[tmp[i]]) ? idx[j++] : tmp[i++];  \
        while (i < h) idx[k++] = tmp[i++];                                                         \
    }

DEFINE_MERGESORT(is_i64, int64_t, LESS_NUM)
DEFINE_MERGESORT(is_u64, uint64_t, LESS_NUM)
DEFINE_MERGESORT(is_f64, double, LESS_FLT)
DEFINE_MERGESORT(is_c128, Complex, LESS_CPX)

/* k[i] = the radix key of keys[idx[i]] (key_dtype DT_INT64, DT_UINT64 or DT_FLOAT64). */
static void stable_keys(int key_dtype, const void *keys, const int64_t *idx, int64_t n,
                        uint64_t *k) {
    const uint64_t *bits = keys;
    const double *x = keys;
    if (key_dtype == DT_INT64) {
        for (int64_t i = 0; i < n; i++) k[i] = KEY_I64(bits[idx[i]]);
    } else if (key_dtype == DT_UINT64) {
        for (int64_t i = 0; i < n; i++) k[i] = bits[idx[i]];
    } else {
        for (int64_t i = 0; i < n; i++) {
            double v = x[idx[i]] + 0.0; /* -0.0 becomes 0.0 */
            uint64_t b;
            memcpy(&b, &v, sizeof(b));
            k[i] = key_f64(b);
        }
    }
}

/* One stable distribution pass of (key, index) pairs by digit d of the key. */
static void pair_scatter(const uint64_t *ks, const int64_t *is, uint64_t *kd, int64_t *id,
                         int64_t n, int d, int64_t *pos) {
    for (int64_t i = 0; i < n; i++) {
        int64_t p = pos[(ks[i] >> (8 * d)) & 0xff]++;
        kd[p] = ks[i];
        id[p] = is[i];
    }
}

/* LSD passes over k[0..n) (keys already less their least, ndig digits) carrying idx along;
 * kbuf and ibuf are scratch of n entries each. */
static void pair_radix(uint64_t *k, int64_t *idx, int64_t n, int ndig, uint64_t *kbuf,
                       int64_t *ibuf) {
    int64_t count[8][RADIX_DIGIT];
    memset(count, 0, sizeof(count[0]) * (size_t)ndig);
    for (int64_t i = 0; i < n; i++)
        for (int d = 0; d < ndig; d++) count[d][(k[i] >> (8 * d)) & 0xff]++;
    int64_t *is = idx, *id = ibuf;
    for (int d = 0; d < ndig; d++) {
        if (!radix_offsets(count[d], n)) continue;
        pair_scatter(k, is, kbuf, id, n, d, count[d]);
        uint64_t *kt = k;
        k = kbuf;
        kbuf = kt;
        id = is;
        is = is == idx ? ibuf : idx;
    }
    if (is != idx) memcpy(idx, is, sizeof(int64_t) * (size_t)n);
}

/* The radix sort for a stable index sort of real keys: 0 when done, 1 when the merge sort is
 * faster for this n and key range, -1 when out of memory. */
static int stable_radix(int key_dtype, const void *keys, int64_t *idx, int64_t n) {
    uint64_t *k = malloc(sizeof(uint64_t) * 3 * (size_t)n);
    if (!k) return -1;
    stable_keys(key_dtype, keys, idx, n, k);
    uint64_t lo = k[0], hi = k[0];
    for (int64_t i = 1; i < n; i++) {
        lo = k[i] < lo ? k[i] : lo;
        hi = k[i] > hi ? k[i] : hi;
    }
    int ndig = radix_digits(hi - lo), r = 1;
    if (n >= RADIX_PER_DIGIT2 * ndig * ndig) {
        for (int64_t i = 0; i < n; i++) k[i] -= lo;
        pair_radix(k, idx, n, ndig, k + n, (int64_t *)(k + 2 * n));
        r = 0;
    }
    free(k);
    return r;
}

/* ------------------------------------------------------------------- entry points */

void sort_values(int dtype, void *data, int64_t n) {
    if (radix_values(dtype, data, n) == 0) return;
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

int sort_indices_stable(int key_dtype, const void *keys, int64_t *idx, int64_t n) {
    if (n < 2) return 0;
    if (n >= RADIX_MIN && key_dtype != DT_COMPLEX128) {
        int r = stable_radix(key_dtype, keys, idx, n);
        if (r <= 0) return r;
    }
    int64_t *tmp = malloc(sizeof(int64_t) * (size_t)(n / 2 + 1));
    if (!tmp) return -1;
    switch (key_dtype) {
    case DT_INT64: is_i64_msort(keys, idx, n, tmp); break;
    case DT_UINT64: is_u64_msort(keys, idx, n, tmp); break;
    case DT_FLOAT64: is_f64_msort(keys, idx, n, tmp); break;
    default: is_c128_msort(keys, idx, n, tmp); break;
    }
    free(tmp);
    return 0;
}
