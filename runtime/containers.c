/* containers.c: methods of list, tuple, dict, set and frozenset, and the dict view types.
 * Algorithms follow CPython's where the observable result depends on them: list.sort is a
 * stable natural-run merge sort whose short runs use CPython's binary insertion (so the same
 * pair of elements meets first and a TypeError names the same types), and set operations
 * build their results in CPython's order so that sets print the same. */
#include "containers.h"

#include <stdlib.h>
#include <string.h>

/* ast.h and vm.h both define OP_NOT, OP_IS and OP_IN (AST operators and opcodes); only the
 * AST comparison operators are needed here, so the clashing names are renamed away. */
#define OP_NOT AST_OP_NOT_
#define OP_IS AST_OP_IS_
#define OP_IN AST_OP_IN_
#include "ast.h"
#undef OP_NOT
#undef OP_IS
#undef OP_IN

#include "bigint.h"
#include "object.h"
#include "strmethods.h"

static int exc_is(VM *vm, TypeObj *cls) {
    return IS_KIND(vm->exc, K_EXC) && AS(ExcObj, vm->exc)->cls == cls;
}

/* a == b with CPython's identity shortcut: 1/0/-1. */
static int same_or_eq(VM *vm, Value a, Value b) {
    if (a.tag == b.tag && a.tag == T_OBJ && a.u.o == b.u.o) return 1;
    if (a.tag == b.tag && a.tag == T_FLOAT && memcmp(&a.u.f, &b.u.f, sizeof(double)) == 0)
        return 1;
    return obj_eq(vm, a, b);
}

/* Index bounds for list.index/tuple.index: ints (or __index__), negatives from the end. */
static int index_bound(VM *vm, Value v, int64_t len, int64_t *out) {
    if (IS_NULL(v)) return 0;
    int64_t x;
    if (v.tag == T_INT || v.tag == T_BOOL) x = v.u.i;
    else if (IS_KIND(v, K_BIGINT))
        x = AS(BigIntObj, v)->b->sign < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    else if (IS_KIND(v, K_NATIVE)) {
        if (obj_index(vm, v, &x, "slice indices must be integers or have an __index__ "
                                  "method%.0s"))
            return -1;
    } else {
        vm_raise(vm, vm->E.TypeError,
                 "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (x < 0) {
        x += len;
        if (x < 0) x = 0;
    }
    *out = x;
    return 0;
}

/* Shared by list.index and tuple.index: position of x in items[start:stop], -1, or -2. */
static int64_t seq_index(VM *vm, const ListObj *l, int argc, const Value *argv) {
    int64_t start = 0, stop = INT64_MAX;
    if (index_bound(vm, argc > 2 ? argv[2] : v_null(), (int64_t)l->len, &start) ||
        index_bound(vm, argc > 3 ? argv[3] : v_null(), (int64_t)l->len, &stop))
        return -2;
    for (int64_t i = start; i < stop && i < (int64_t)l->len; i++) {
        int r = same_or_eq(vm, l->items[i], argv[1]);
        if (r < 0) return -2;
        if (r) return i;
    }
    return -1;
}

static Value seq_count(VM *vm, const ListObj *l, Value x) {
    int64_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        int r = same_or_eq(vm, l->items[i], x);
        if (r < 0) return ERRV;
        n += r;
    }
    return v_int(n);
}

/* ------------------------------------------------------------------------------------------ */
/* list                                                                                       */

#define LSELF AS(ListObj, argv[0])

static Value l_append(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "list", "append", argc - 1, 1, 1, kw)) return ERRV;
    return list_append(vm, LSELF, argv[1]) ? ERRV : v_none();
}

static Value l_extend(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "list", "extend", argc - 1, 1, 1, kw)) return ERRV;
    ListObj *l = LSELF;
    Value src = argv[1];
    if (IS_KIND(src, K_LIST) || IS_KIND(src, K_TUPLE)) {
        const ListObj *o = AS(ListObj, src);
        size_t n = o->len; /* l.extend(l) doubles once */
        for (size_t i = 0; i < n; i++)
            if (list_append(vm, l, o->items[i])) return ERRV;
        return v_none();
    }
    Value it = obj_iter(vm, src);
    if (IS_ERR(it)) return it;
    Value x;
    while (!IS_NULL(x = obj_next(vm, it))) {
        if (IS_ERR(x) || list_append(vm, l, x)) {
            decref(x);
            decref(it);
            return ERRV;
        }
        decref(x);
    }
    decref(it);
    return v_none();
}

static Value l_insert(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "list", "insert", argc - 1, 2, 2, kw)) return ERRV;
    ListObj *l = LSELF;
    int64_t i;
    if (meth_ssize(vm, argv[1], &i)) return ERRV;
    int64_t n = (int64_t)l->len;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (list_append(vm, l, argv[2])) return ERRV;
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(Value));
    l->items[i] = argv[2];
    return v_none();
}

/* Removes items[i] and returns the reference the list held. */
static Value list_take(ListObj *l, size_t i) {
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(Value));
    l->len--;
    return v;
}

static Value l_pop(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "list", "pop", argc - 1, 0, 1, kw)) return ERRV;
    ListObj *l = LSELF;
    int64_t i = -1;
    if (argc > 1 && meth_ssize(vm, argv[1], &i)) return ERRV;
    if (l->len == 0) return vm_raise(vm, vm->E.IndexError, "pop from empty list");
    if (i < 0) i += (int64_t)l->len;
    if (i < 0 || i >= (int64_t)l->len)
        return vm_raise(vm, vm->E.IndexError, "pop index out of range");
    return list_take(l, (size_t)i);
}

static Value l_remove(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "list", "remove", argc - 1, 1, 1, kw)) return ERRV;
    ListObj *l = LSELF;
    for (size_t i = 0; i < l->len; i++) {
        int r = same_or_eq(vm, l->items[i], argv[1]);
        if (r < 0) return ERRV;
        if (r && i < l->len) {
            decref(list_take(l, i));
            return v_none();
        }
    }
    return vm_raise(vm, vm->E.ValueError, "list.remove(x): x not in list");
}

static Value l_clear(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "list", "clear", argc - 1, 0, 0, kw)) return ERRV;
    ListObj *l = LSELF;
    while (l->len > 0) decref(l->items[--l->len]);
    return v_none();
}

static Value l_index(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "list", "index", argc - 1, 1, 3, kw)) return ERRV;
    int64_t r = seq_index(vm, LSELF, argc, argv);
    if (r == -2) return ERRV;
    if (r >= 0) return v_int(r);
    SBuf b = SBUF_INIT;
    if (obj_repr_sb(vm, argv[1], &b)) {
        sb_free(&b);
        return ERRV;
    }
    vm_raise(vm, vm->E.ValueError, "%s is not in list", b.s ? b.s : "");
    sb_free(&b);
    return ERRV;
}

static Value l_count(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "list", "count", argc - 1, 1, 1, kw)) return ERRV;
    return seq_count(vm, LSELF, argv[1]);
}

static void reverse_values(Value *v, size_t n) {
    for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
        Value t = v[i];
        v[i] = v[j - 1];
        v[j - 1] = t;
    }
}

static Value l_reverse(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "list", "reverse", argc - 1, 0, 0, kw)) return ERRV;
    reverse_values(LSELF->items, LSELF->len);
    return v_none();
}

static Value l_copy(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "list", "copy", argc - 1, 0, 0, kw)) return ERRV;
    const ListObj *l = LSELF;
    ListObj *r = list_new(vm, l->len);
    if (!r) return ERRV;
    for (size_t i = 0; i < l->len; i++) r->items[i] = vref(l->items[i]);
    return v_obj(r);
}

/* ---- sorting ---- */

typedef struct SortItem {
    Value k, v;
} SortItem;

/* k(a) < k(b): 1/0/-1. */
static int sort_lt(VM *vm, Value a, Value b) {
    if (a.tag == T_INT && b.tag == T_INT) return a.u.i < b.u.i;
    if (a.tag == T_FLOAT && b.tag == T_FLOAT) return a.u.f < b.u.f;
    if (IS_KIND(a, K_STR) && IS_KIND(b, K_STR)) {
        const StrObj *x = AS(StrObj, a), *y = AS(StrObj, b);
        int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
        return c < 0 || (c == 0 && x->len < y->len);
    }
    Value r = obj_compare(vm, OP_LT, a, b);
    if (IS_ERR(r)) return -1;
    int t = r.tag == T_BOOL ? (int)r.u.i : obj_truth(vm, r);
    decref(r);
    return t;
}

/* CPython's binarysort: a[lo:start) is sorted; inserts a[start:hi) one by one. */
static int binsort(VM *vm, SortItem *a, size_t lo, size_t hi, size_t start) {
    if (lo == start) start++;
    for (; start < hi; start++) {
        size_t l = lo, r = start;
        SortItem pivot = a[r];
        do {
            size_t p = l + ((r - l) >> 1);
            int c = sort_lt(vm, pivot.k, a[p].k);
            if (c < 0) return -1;
            if (c) r = p;
            else l = p + 1;
        } while (l < r);
        memmove(a + l + 1, a + l, (start - l) * sizeof(SortItem));
        a[l] = pivot;
    }
    return 0;
}

/* Length of the run starting at lo (strictly descending runs are reversed). -1 raised. */
static int64_t count_run(VM *vm, SortItem *a, size_t lo, size_t hi) {
    if (lo + 1 >= hi) return 1;
    size_t n = 2;
    int c = sort_lt(vm, a[lo + 1].k, a[lo].k);
    if (c < 0) return -1;
    int desc = c;
    for (size_t i = lo + 2; i < hi; i++, n++) {
        c = sort_lt(vm, a[i].k, a[i - 1].k);
        if (c < 0) return -1;
        if (c != desc) break;
    }
    if (desc)
        for (size_t i = lo, j = lo + n; i + 1 < j; i++, j--) {
            SortItem t = a[i];
            a[i] = a[j - 1];
            a[j - 1] = t;
        }
    return (int64_t)n;
}

static size_t min_run(size_t n) {
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Stable merge of a[lo:mid) and a[mid:hi) through tmp. */
static int merge_runs(VM *vm, SortItem *a, size_t lo, size_t mid, size_t hi, SortItem *tmp) {
    memcpy(tmp, a + lo, (mid - lo) * sizeof(SortItem));
    size_t i = 0, n = mid - lo, j = mid, k = lo;
    while (i < n && j < hi) {
        int c = sort_lt(vm, a[j].k, tmp[i].k);
        if (c < 0) { /* put everything back so no item is lost */
            memcpy(a + k, tmp + i, (n - i) * sizeof(SortItem));
            return -1;
        }
        a[k++] = c ? a[j++] : tmp[i++];
    }
    memcpy(a + k, tmp + i, (n - i) * sizeof(SortItem));
    return 0;
}

static int sort_items(VM *vm, SortItem *a, size_t n) {
    if (n < 2) return 0;
    size_t mr = min_run(n), nruns = 0;
    size_t *runs = malloc((n + 1) * sizeof(size_t));
    SortItem *tmp = malloc(n * sizeof(SortItem));
    int rc = -1;
    if (!runs || !tmp) {
        vm_nomem(vm);
        goto done;
    }
    for (size_t i = 0; i < n;) {
        int64_t run = count_run(vm, a, i, n);
        if (run < 0) goto done;
        if ((size_t)run < mr) {
            size_t force = n - i < mr ? n - i : mr;
            if (binsort(vm, a, i, i + force, i + (size_t)run)) goto done;
            run = (int64_t)force;
        }
        runs[nruns++] = i;
        i += (size_t)run;
    }
    runs[nruns] = n;
    while (nruns > 1) { /* merge neighbours pairwise until one run is left */
        size_t k = 0;
        for (size_t r = 0; r < nruns; r += 2) {
            if (r + 1 < nruns && merge_runs(vm, a, runs[r], runs[r + 1], runs[r + 2], tmp))
                goto done;
            runs[k++] = runs[r];
        }
        runs[k] = n;
        nruns = k;
    }
    rc = 0;
done:
    free(runs);
    free(tmp);
    return rc;
}

/* Computes keys for items[0..n) into a. -1 raised (the keys made so far are released). */
static int sort_keys(VM *vm, SortItem *a, const Value *items, size_t n, Value key) {
    for (size_t i = 0; i < n; i++) {
        a[i].v = items[i];
        if (IS_NULL(key)) {
            a[i].k = items[i];
            continue;
        }
        a[i].k = obj_call(vm, key, 1, &items[i], NULL);
        if (IS_ERR(a[i].k)) {
            for (size_t j = 0; j < i; j++) decref(a[j].k);
            return -1;
        }
    }
    return 0;
}

int list_sort(VM *vm, ListObj *l, Value key, int reverse) {
    if (key.tag == T_NONE) key = v_null();
    /* Empty the list while sorting, as CPython does, to detect changes made by key or __lt__. */
    Value *items = l->items;
    size_t n = l->len, cap = l->cap;
    l->items = NULL;
    l->len = l->cap = 0;
    SortItem *a = malloc((n ? n : 1) * sizeof(SortItem));
    int rc = -1;
    if (!a) vm_nomem(vm);
    else if (!sort_keys(vm, a, items, n, key)) {
        if (reverse) {
            for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
                SortItem t = a[i];
                a[i] = a[j - 1];
                a[j - 1] = t;
            }
        }
        rc = sort_items(vm, a, n);
        for (size_t i = 0; i < n; i++) {
            items[reverse ? n - 1 - i : i] = a[i].v;
            if (!IS_NULL(key)) decref(a[i].k);
        }
    }
    free(a);
    Value *extra = l->items;
    size_t nextra = l->len;
    l->items = items;
    l->len = n;
    l->cap = cap;
    if (extra || nextra) {
        for (size_t i = 0; i < nextra; i++) decref(extra[i]);
        free(extra);
        if (rc == 0) vm_raise(vm, vm->E.ValueError, "list modified during sort");
        rc = -1;
    }
    return rc;
}

static Value l_sort(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const names[] = {"key", "reverse"};
    Value a[2];
    if (meth_bind(vm, "sort", argc - 1, argv + 1, kw, names, 2, 0, a)) return ERRV;
    int reverse = 0;
    if (!IS_NULL(a[1])) {
        if (a[1].tag == T_FLOAT)
            return vm_raise(vm, vm->E.TypeError, "'float' object cannot be interpreted as an "
                            "integer");
        reverse = obj_truth(vm, a[1]);
        if (reverse < 0) return ERRV;
    }
    return list_sort(vm, LSELF, a[0], reverse) ? ERRV : v_none();
}

static const BuiltinDef list_methods[] = {
    {"append", l_append, "(object, /)", "Append object to the end of the list."},
    {"clear", l_clear, "()", "Remove all items from list."},
    {"copy", l_copy, "()", "Return a shallow copy of the list."},
    {"count", l_count, "(value, /)", "Return number of occurrences of value."},
    {"extend", l_extend, "(iterable, /)", "Extend list by appending elements from the "
     "iterable."},
    {"index", l_index, "(value, start=0, stop=sys.maxsize, /)", "Return first index of "
     "value."},
    {"insert", l_insert, "(index, object, /)", "Insert object before index."},
    {"pop", l_pop, "(index=-1, /)", "Remove and return item at index (default last)."},
    {"remove", l_remove, "(value, /)", "Remove first occurrence of value."},
    {"reverse", l_reverse, "()", "Reverse *IN PLACE*."},
    {"sort", l_sort, "(*, key=None, reverse=False)", "Sort the list in ascending order and "
     "return None."},
    {NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* tuple                                                                                      */

static Value t_count(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "tuple", "count", argc - 1, 1, 1, kw)) return ERRV;
    return seq_count(vm, LSELF, argv[1]);
}

static Value t_index(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "tuple", "index", argc - 1, 1, 3, kw)) return ERRV;
    int64_t r = seq_index(vm, LSELF, argc, argv);
    if (r == -2) return ERRV;
    if (r < 0) return vm_raise(vm, vm->E.ValueError, "tuple.index(x): x not in tuple");
    return v_int(r);
}

static const BuiltinDef tuple_methods[] = {
    {"count", t_count, "(value, /)", "Return number of occurrences of value."},
    {"index", t_index, "(value, start=0, stop=sys.maxsize, /)", "Return first index of "
     "value."},
    {NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* dict views                                                                                 */

typedef struct DictView {
    NativeObj h;
    DictObj *d;
    int which; /* 0 keys, 1 values, 2 items */
} DictView;

static const char *const view_names[] = {"dict_keys", "dict_values", "dict_items"};
#define VIEWS_KEY " dict_views" /* where the view types live in vm->modules (not importable) */

/* A snapshot of what the view shows: keys, values or (key, value) tuples. */
static ListObj *view_list(VM *vm, const DictObj *d, int which) {
    ListObj *l = list_new(vm, 0);
    if (!l) return NULL;
    for (size_t i = 0; i < d->nentries; i++) {
        const DictEntry *e = &d->entries[i];
        if (IS_NULL(e->key)) continue;
        Value x = which == 0 ? vref(e->key) : which == 1 ? vref(e->value)
                                                          : tuple_pack(vm, 2, e->key, e->value);
        if (IS_ERR(x) || list_append(vm, l, x)) {
            decref(x);
            decref(v_obj(l));
            return NULL;
        }
        decref(x);
    }
    return l;
}

/* obj_free releases the type reference and the memory itself. */
static void view_free(VM *vm, Obj *o) { decref(v_obj(((DictView *)o)->d)); }

static int view_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)str;
    const DictView *v = AS(DictView, self);
    ListObj *l = view_list(vm, v->d, v->which);
    if (!l) return -1;
    int r = -1;
    if (sb_puts(out, view_names[v->which]) || sb_putc(out, '(')) vm_nomem(vm);
    else if (!obj_repr_sb(vm, v_obj(l), out)) {
        r = sb_putc(out, ')');
        if (r) vm_nomem(vm);
    }
    decref(v_obj(l));
    return r;
}

static Value view_iter(VM *vm, Value self) {
    const DictView *v = AS(DictView, self);
    if (v->which == 0) return obj_iter(vm, v_obj(v->d));
    ListObj *l = view_list(vm, v->d, v->which);
    if (!l) return ERRV;
    Value it = obj_iter(vm, v_obj(l));
    decref(v_obj(l));
    return it;
}

static Value view_len(VM *vm, Value self) {
    (void)vm;
    return v_int((int64_t)AS(DictView, self)->d->used);
}

static int view_truth(VM *vm, Value self) {
    (void)vm;
    return AS(DictView, self)->d->used != 0;
}

static const NativeOps view_ops = {
    .free = view_free, .repr = view_repr, .iter = view_iter, .len = view_len,
    .truth = view_truth,
};

Value dict_view_new(VM *vm, DictObj *d, int which) {
    StrObj *key = str_intern(vm, VIEWS_KEY, strlen(VIEWS_KEY));
    if (!key) return ERRV;
    Value types = dict_get_str(vm->modules, key);
    if (!IS_KIND(types, K_TUPLE))
        return vm_raise(vm, vm->E.RuntimeError, "dict views are not initialised");
    DictView *v = malloc(sizeof(DictView));
    if (!v) return vm_nomem(vm);
    v->h.h.rc = 1;
    v->h.h.k = K_NATIVE;
    v->h.h.flags = 0;
    v->h.type = AS(TypeObj, AS(TupleObj, types)->items[which]);
    incref(v_obj(v->h.type));
    v->d = d;
    incref(v_obj(d));
    v->which = which;
    return v_obj(v);
}

static int views_init(VM *vm) {
    ListObj *t = tuple_new(vm, 3);
    if (!t) return -1;
    for (int i = 0; i < 3; i++) {
        TypeObj *ty = type_new(vm, view_names[i], vm->t_object, K_NATIVE);
        if (!ty) {
            decref(v_obj(t));
            return -1;
        }
        ty->ops = &view_ops;
        t->items[i] = v_obj(ty);
    }
    int r = dict_set_str(vm, vm->modules, VIEWS_KEY, v_obj(t));
    decref(v_obj(t));
    return r;
}

/* ------------------------------------------------------------------------------------------ */
/* dict                                                                                       */

#define DSELF AS(DictObj, argv[0])

static Value view_method(VM *vm, int argc, const Value *argv, const KwArgs *kw, int which) {
    static const char *const names[] = {"keys", "values", "items"};
    if (meth_check(vm, MA_NOARGS, "dict", names[which], argc - 1, 0, 0, kw)) return ERRV;
    return dict_view_new(vm, DSELF, which);
}
static Value d_keys(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return view_method(vm, argc, argv, kw, 0);
}
static Value d_values(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return view_method(vm, argc, argv, kw, 1);
}
static Value d_items(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return view_method(vm, argc, argv, kw, 2);
}

static Value d_get(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "dict", "get", argc - 1, 1, 2, kw)) return ERRV;
    Value v = dict_get(vm, DSELF, argv[1]);
    if (IS_ERR(v)) return v;
    if (IS_NULL(v)) return argc > 2 ? vref(argv[2]) : v_none();
    return vref(v);
}

static Value d_setdefault(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "dict", "setdefault", argc - 1, 1, 2, kw)) return ERRV;
    Value v = dict_get(vm, DSELF, argv[1]);
    if (IS_ERR(v)) return v;
    if (!IS_NULL(v)) return vref(v);
    Value def = argc > 2 ? argv[2] : v_none();
    return dict_set(vm, DSELF, argv[1], def) ? ERRV : vref(def);
}

static Value d_pop(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "dict", "pop", argc - 1, 1, 2, kw)) return ERRV;
    /* CPython does not hash the key of an empty dict: {}.pop([1]) is a KeyError. */
    Value v = DSELF->used == 0 ? v_null() : dict_get(vm, DSELF, argv[1]);
    if (IS_ERR(v)) return v;
    if (IS_NULL(v)) return argc > 2 ? vref(argv[2]) : meth_key_error(vm, argv[1]);
    incref(v);
    if (dict_del(vm, DSELF, argv[1]) < 0) {
        decref(v);
        return ERRV;
    }
    return v;
}

static Value d_popitem(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "dict", "popitem", argc - 1, 0, 0, kw)) return ERRV;
    DictObj *d = DSELF;
    size_t i = d->nentries;
    while (i > 0 && IS_NULL(d->entries[i - 1].key)) i--;
    if (i == 0) return vm_raise(vm, vm->E.KeyError, "popitem(): dictionary is empty");
    Value k = vref(d->entries[i - 1].key);
    Value r = tuple_pack(vm, 2, k, d->entries[i - 1].value);
    if (!IS_ERR(r) && dict_del(vm, d, k) < 0) {
        decref(r);
        r = ERRV;
    }
    decref(k);
    return r;
}

static Value d_clear(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "dict", "clear", argc - 1, 0, 0, kw)) return ERRV;
    dict_clear(vm, DSELF);
    return v_none();
}

static DictObj *dict_copy(VM *vm, const DictObj *d) {
    DictObj *r = dict_new(vm);
    if (!r) return NULL;
    for (size_t i = 0; i < d->nentries; i++) {
        const DictEntry *e = &d->entries[i];
        if (!IS_NULL(e->key) && dict_set(vm, r, e->key, e->value)) {
            decref(v_obj(r));
            return NULL;
        }
    }
    return r;
}

static Value d_copy(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "dict", "copy", argc - 1, 0, 0, kw)) return ERRV;
    DictObj *r = dict_copy(vm, DSELF);
    return r ? v_obj(r) : ERRV;
}

/* d.update(pairs): each item must be a 2-sequence. */
static int update_pairs(VM *vm, DictObj *d, Value src) {
    Value it = obj_iter(vm, src);
    if (IS_ERR(it)) return -1;
    Value x;
    int64_t n = 0;
    int rc = 0;
    while (!rc && !IS_NULL(x = obj_next(vm, it))) {
        if (IS_ERR(x)) {
            rc = -1;
            break;
        }
        ListObj *p = NULL;
        if (IS_KIND(x, K_LIST) || IS_KIND(x, K_TUPLE)) {
            p = AS(ListObj, x);
            incref(x);
        } else {
            Value pit = obj_iter(vm, x);
            if (IS_ERR(pit)) {
                if (exc_is(vm, vm->E.TypeError)) {
                    decref(vm_take_exc(vm));
                    vm_raise(vm, vm->E.TypeError, "cannot convert dictionary update sequence "
                             "element #%lld to a sequence", (long long)n);
                }
            } else {
                p = obj_to_list(vm, pit);
                decref(pit);
            }
        }
        if (!p) rc = -1;
        else if (p->len != 2) {
            vm_raise(vm, vm->E.ValueError, "dictionary update sequence element #%lld has length "
                     "%zu; 2 is required", (long long)n, p->len);
            rc = -1;
        } else {
            rc = dict_set(vm, d, p->items[0], p->items[1]);
        }
        if (p) decref(v_obj(p));
        decref(x);
        n++;
    }
    decref(it);
    return rc;
}

/* d.update(m) for a mapping m with keys() that is not a dict. */
static int update_mapping(VM *vm, DictObj *d, Value m, Value keys_fn) {
    Value keys = obj_call(vm, keys_fn, 0, NULL, NULL);
    if (IS_ERR(keys)) return -1;
    ListObj *ks = obj_to_list(vm, keys);
    decref(keys);
    if (!ks) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < ks->len; i++) {
        Value v = obj_getitem(vm, m, ks->items[i]);
        rc = IS_ERR(v) ? -1 : dict_set(vm, d, ks->items[i], v);
        decref(v);
    }
    decref(v_obj(ks));
    return rc;
}

static int dict_merge_arg(VM *vm, DictObj *d, Value src) {
    if (IS_KIND(src, K_DICT)) {
        const DictObj *o = AS(DictObj, src);
        for (size_t i = 0; i < o->nentries; i++) {
            const DictEntry *e = &o->entries[i];
            if (!IS_NULL(e->key) && dict_set(vm, d, e->key, e->value)) return -1;
        }
        return 0;
    }
    StrObj *kname = str_intern(vm, "keys", 4);
    if (!kname) return -1;
    Value keys_fn = IS_OBJ(src) && !IS_KIND(src, K_LIST) && !IS_KIND(src, K_TUPLE)
                        ? obj_getattr(vm, src, kname) : v_null();
    if (IS_ERR(keys_fn)) {
        if (!exc_is(vm, vm->E.AttributeError)) return -1;
        decref(vm_take_exc(vm));
        keys_fn = v_null();
    }
    int rc = IS_NULL(keys_fn) ? update_pairs(vm, d, src) : update_mapping(vm, d, src, keys_fn);
    decref(keys_fn);
    return rc;
}

static Value d_update(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (argc - 1 > 1)
        return vm_raise(vm, vm->E.TypeError, "update expected at most 1 argument, got %d",
                        argc - 1);
    DictObj *d = DSELF;
    if (argc > 1 && dict_merge_arg(vm, d, argv[1])) return ERRV;
    for (int i = 0; kw && i < kw->n; i++)
        if (dict_set(vm, d, kw->names[i], kw->values[i])) return ERRV;
    return v_none();
}

/* dict.fromkeys(iterable, value=None): argv[0] is the dict type (or an instance). */
static Value d_fromkeys(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_CLINIC, "dict", "fromkeys", argc - 1, 1, 2, kw)) return ERRV;
    Value val = argc > 2 ? argv[2] : v_none();
    DictObj *d = dict_new(vm);
    if (!d) return ERRV;
    Value it = obj_iter(vm, argv[1]);
    if (IS_ERR(it)) {
        decref(v_obj(d));
        return it;
    }
    Value x;
    while (!IS_NULL(x = obj_next(vm, it))) {
        if (IS_ERR(x) || dict_set(vm, d, x, val)) {
            decref(x);
            decref(it);
            decref(v_obj(d));
            return ERRV;
        }
        decref(x);
    }
    decref(it);
    return v_obj(d);
}

static const BuiltinDef dict_methods[] = {
    {"clear", d_clear, "()", "Remove all items from the dict."},
    {"copy", d_copy, "()", "Return a shallow copy of the dict."},
    {"fromkeys", d_fromkeys, "(iterable, value=None, /)", "Create a new dictionary with keys "
     "from iterable and values set to value."},
    {"get", d_get, "(key, default=None, /)", "Return the value for key if key is in the "
     "dictionary, else default."},
    {"items", d_items, "()", "Return a set-like object providing a view on the dict's items."},
    {"keys", d_keys, "()", "Return a set-like object providing a view on the dict's keys."},
    {"pop", d_pop, "(key[, default])", "Remove specified key and return the corresponding "
     "value."},
    {"popitem", d_popitem, "()", "Remove and return a (key, value) pair as a 2-tuple."},
    {"setdefault", d_setdefault, "(key, default=None, /)", "Insert key with a value of default "
     "if key is not in the dictionary."},
    {"update", d_update, "([E, ]**F)", "Update the dict from mapping/iterable E and F."},
    {"values", d_values, "()", "Return an object providing a view on the dict's values."},
    {NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* set and frozenset                                                                          */

#define SSELF AS(SetObj, argv[0])

static int is_anyset(Value v) { return IS_KIND(v, K_SET) || IS_KIND(v, K_FROZENSET); }
static int live(const SetEntry *e) { return e->key.tag != T_NULL && e->key.tag != T_ERR; }
static const char *set_tname(Value self) { return IS_KIND(self, K_SET) ? "set" : "frozenset"; }

/* Adds every element of iterable to s. */
static int set_update_from(VM *vm, SetObj *s, Value src) {
    if (is_anyset(src)) {
        const SetObj *o = AS(SetObj, src);
        if (o == s) return 0;
        for (size_t i = 0; i <= o->mask && o->table; i++)
            if (live(&o->table[i]) && set_add(vm, s, o->table[i].key)) return -1;
        return 0;
    }
    if (IS_KIND(src, K_DICT)) {
        const DictObj *d = AS(DictObj, src);
        for (size_t i = 0; i < d->nentries; i++)
            if (!IS_NULL(d->entries[i].key) && set_add(vm, s, d->entries[i].key)) return -1;
        return 0;
    }
    Value it = obj_iter(vm, src);
    if (IS_ERR(it)) return -1;
    Value x;
    while (!IS_NULL(x = obj_next(vm, it))) {
        if (IS_ERR(x) || set_add(vm, s, x)) {
            decref(x);
            decref(it);
            return -1;
        }
        decref(x);
    }
    decref(it);
    return 0;
}

static SetObj *set_from(VM *vm, Value src, int frozen) {
    SetObj *s = set_new(vm, frozen);
    if (!s) return NULL;
    if (!IS_NULL(src) && set_update_from(vm, s, src)) {
        decref(v_obj(s));
        return NULL;
    }
    return s;
}

static SetObj *set_copy_of(VM *vm, Value self) {
    return set_from(vm, self, IS_KIND(self, K_FROZENSET));
}

static Value s_add(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "set", "add", argc - 1, 1, 1, kw)) return ERRV;
    return set_add(vm, SSELF, argv[1]) ? ERRV : v_none();
}

/* set_discard, but an (unhashable) set key is looked up as the equal frozenset, as CPython's
 * set.remove/discard do. 1 removed, 0 absent, -1 raised. */
static int discard_key(VM *vm, SetObj *s, Value key) {
    int r = set_discard(vm, s, key);
    if (r >= 0 || !IS_KIND(key, K_SET) || !IS_KIND(vm->exc, K_EXC) ||
        AS(ExcObj, vm->exc)->cls != vm->E.TypeError)
        return r;
    decref(vm_take_exc(vm));
    SetObj *f = set_from(vm, key, 1);
    if (!f) return -1;
    r = set_discard(vm, s, v_obj(f));
    decref(v_obj(f));
    return r;
}

static Value s_discard(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "set", "discard", argc - 1, 1, 1, kw)) return ERRV;
    return discard_key(vm, SSELF, argv[1]) < 0 ? ERRV : v_none();
}

static Value s_remove(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, "set", "remove", argc - 1, 1, 1, kw)) return ERRV;
    int r = discard_key(vm, SSELF, argv[1]);
    if (r < 0) return ERRV;
    return r ? v_none() : meth_key_error(vm, argv[1]);
}

/* CPython's set_pop: scan from the finger, leave a dummy behind. */
static Value s_pop(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "set", "pop", argc - 1, 0, 0, kw)) return ERRV;
    SetObj *s = SSELF;
    if (s->used == 0) return vm_raise(vm, vm->E.KeyError, "pop from an empty set");
    size_t i = s->finger & s->mask;
    while (!live(&s->table[i])) i = (i + 1) & s->mask;
    Value key = s->table[i].key;
    s->table[i].key = v_err();
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

static Value s_clear(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, "set", "clear", argc - 1, 0, 0, kw)) return ERRV;
    set_clear(vm, SSELF);
    return v_none();
}

static Value s_copy(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_NOARGS, set_tname(argv[0]), "copy", argc - 1, 0, 0, kw)) return ERRV;
    if (IS_KIND(argv[0], K_FROZENSET)) return vref(argv[0]);
    SetObj *r = set_copy_of(vm, argv[0]);
    return r ? v_obj(r) : ERRV;
}

static int no_kw(VM *vm, Value self, const char *name, const KwArgs *kw) {
    if (!kw || kw->n == 0) return 0;
    vm_raise(vm, vm->E.TypeError, "%s.%s() takes no keyword arguments", set_tname(self), name);
    return -1;
}

static Value s_update(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "update", kw)) return ERRV;
    for (int i = 1; i < argc; i++)
        if (set_update_from(vm, SSELF, argv[i])) return ERRV;
    return v_none();
}

static Value s_union(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "union", kw)) return ERRV;
    SetObj *r = set_copy_of(vm, argv[0]);
    if (!r) return ERRV;
    for (int i = 1; i < argc; i++) {
        if (IS_OBJ(argv[i]) && argv[i].u.o == argv[0].u.o) continue;
        if (set_update_from(vm, r, argv[i])) {
            decref(v_obj(r));
            return ERRV;
        }
    }
    return v_obj(r);
}

/* CPython's set_intersection: iterate the smaller set, or the iterable. */
static SetObj *intersect(VM *vm, Value self, Value other) {
    SetObj *r = set_new(vm, IS_KIND(self, K_FROZENSET));
    if (!r) return NULL;
    if (is_anyset(other)) {
        const SetObj *a = AS(SetObj, self), *b = AS(SetObj, other);
        if (b->used > a->used) {
            const SetObj *t = a;
            a = b;
            b = t;
        }
        for (size_t i = 0; i <= b->mask && b->table; i++) {
            if (!live(&b->table[i])) continue;
            int c = set_contains(vm, (SetObj *)a, b->table[i].key);
            if (c < 0 || (c && set_add(vm, r, b->table[i].key))) goto fail;
        }
        return r;
    }
    Value it = obj_iter(vm, other);
    if (IS_ERR(it)) goto fail;
    Value x;
    while (!IS_NULL(x = obj_next(vm, it))) {
        int c = IS_ERR(x) ? -1 : set_contains(vm, AS(SetObj, self), x);
        if (c < 0 || (c && set_add(vm, r, x))) {
            decref(x);
            decref(it);
            goto fail;
        }
        decref(x);
    }
    decref(it);
    return r;
fail:
    decref(v_obj(r));
    return NULL;
}

static SetObj *intersect_multi(VM *vm, int argc, const Value *argv) {
    SetObj *r = set_copy_of(vm, argv[0]);
    for (int i = 1; r && i < argc; i++) {
        SetObj *n = intersect(vm, v_obj(r), argv[i]);
        decref(v_obj(r));
        r = n;
    }
    return r;
}

static Value s_intersection(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "intersection", kw)) return ERRV;
    SetObj *r = intersect_multi(vm, argc, argv);
    return r ? v_obj(r) : ERRV;
}

/* Moves b's table into a (and a's into b, which the caller then releases). */
static void set_swap_bodies(SetObj *a, SetObj *b) {
    SetObj t = *a;
    a->used = b->used;
    a->fill = b->fill;
    a->mask = b->mask;
    a->table = b->table;
    a->finger = b->finger;
    b->used = t.used;
    b->fill = t.fill;
    b->mask = t.mask;
    b->table = t.table;
    b->finger = t.finger;
}

static Value s_intersection_update(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "intersection_update", kw)) return ERRV;
    SetObj *r = intersect_multi(vm, argc, argv);
    if (!r) return ERRV;
    set_swap_bodies(SSELF, r);
    decref(v_obj(r));
    return v_none();
}

/* Removes from s every element of other. */
static int set_subtract(VM *vm, SetObj *s, Value other) {
    if (IS_OBJ(other) && other.u.o == &s->h) {
        set_clear(vm, s);
        return 0;
    }
    SetObj *o = is_anyset(other) ? AS(SetObj, other) : set_from(vm, other, 0);
    if (!o) return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i <= o->mask && o->table; i++)
        if (live(&o->table[i]) && set_discard(vm, s, o->table[i].key) < 0) rc = -1;
    if (!is_anyset(other)) decref(v_obj(o));
    return rc;
}

/* CPython's set_difference for one argument. */
static SetObj *difference(VM *vm, Value self, Value other) {
    const SetObj *s = AS(SetObj, self);
    int64_t osize = is_anyset(other) ? (int64_t)AS(SetObj, other)->used
                    : IS_KIND(other, K_DICT) ? (int64_t)AS(DictObj, other)->used : -1;
    if (osize < 0 || (int64_t)(s->used >> 2) > osize) {
        SetObj *r = set_copy_of(vm, self);
        if (r && set_subtract(vm, r, other)) {
            decref(v_obj(r));
            return NULL;
        }
        return r;
    }
    SetObj *r = set_new(vm, IS_KIND(self, K_FROZENSET));
    if (!r) return NULL;
    for (size_t i = 0; i <= s->mask && s->table; i++) {
        if (!live(&s->table[i])) continue;
        Value k = s->table[i].key;
        int c = is_anyset(other) ? set_contains(vm, AS(SetObj, other), k)
                                 : !IS_NULL(dict_get(vm, AS(DictObj, other), k));
        if (c < 0 || (!c && set_add(vm, r, k))) {
            decref(v_obj(r));
            return NULL;
        }
    }
    return r;
}

static Value s_difference(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "difference", kw)) return ERRV;
    SetObj *r = argc > 1 ? difference(vm, argv[0], argv[1]) : set_copy_of(vm, argv[0]);
    for (int i = 2; r && i < argc; i++)
        if (set_subtract(vm, r, argv[i])) {
            decref(v_obj(r));
            r = NULL;
        }
    return r ? v_obj(r) : ERRV;
}

static Value s_difference_update(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (no_kw(vm, argv[0], "difference_update", kw)) return ERRV;
    for (int i = 1; i < argc; i++)
        if (set_subtract(vm, SSELF, argv[i])) return ERRV;
    return v_none();
}

/* Toggles membership in s of every element of the set o. */
static int sym_update(VM *vm, SetObj *s, const SetObj *o) {
    for (size_t i = 0; i <= o->mask && o->table; i++) {
        if (!live(&o->table[i])) continue;
        Value k = o->table[i].key;
        int r = set_discard(vm, s, k);
        if (r < 0 || (r == 0 && set_add(vm, s, k))) return -1;
    }
    return 0;
}

static Value s_symmetric_difference(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, set_tname(argv[0]), "symmetric_difference", argc - 1, 1, 1, kw))
        return ERRV;
    SetObj *r = set_from(vm, argv[1], IS_KIND(argv[0], K_FROZENSET));
    if (!r) return ERRV;
    if (sym_update(vm, r, SSELF)) {
        decref(v_obj(r));
        return ERRV;
    }
    return v_obj(r);
}

static Value s_symmetric_difference_update(VM *vm, int argc, const Value *argv,
                                           const KwArgs *kw) {
    if (meth_check(vm, MA_O, "set", "symmetric_difference_update", argc - 1, 1, 1, kw))
        return ERRV;
    if (IS_OBJ(argv[1]) && argv[1].u.o == argv[0].u.o) return s_clear(vm, 1, argv, NULL);
    SetObj *o = is_anyset(argv[1]) ? AS(SetObj, argv[1]) : set_from(vm, argv[1], 0);
    if (!o) return ERRV;
    int rc = sym_update(vm, SSELF, o);
    if (!is_anyset(argv[1])) decref(v_obj(o));
    return rc ? ERRV : v_none();
}

/* Every element of a is in b (b a set). 1/0/-1. */
static int subset_of(VM *vm, const SetObj *a, SetObj *b) {
    if (a->used > b->used) return 0;
    for (size_t i = 0; i <= a->mask && a->table; i++) {
        if (!live(&a->table[i])) continue;
        int c = set_contains(vm, b, a->table[i].key);
        if (c <= 0) return c;
    }
    return 1;
}

static Value set_relation(VM *vm, int argc, const Value *argv, const KwArgs *kw,
                          const char *name, int super) {
    if (meth_check(vm, MA_O, set_tname(argv[0]), name, argc - 1, 1, 1, kw)) return ERRV;
    SetObj *o = is_anyset(argv[1]) ? AS(SetObj, argv[1]) : set_from(vm, argv[1], 0);
    if (!o) return ERRV;
    int r = super ? subset_of(vm, o, SSELF) : subset_of(vm, SSELF, o);
    if (!is_anyset(argv[1])) decref(v_obj(o));
    return r < 0 ? ERRV : v_bool(r);
}

static Value s_issubset(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_relation(vm, argc, argv, kw, "issubset", 0);
}
static Value s_issuperset(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_relation(vm, argc, argv, kw, "issuperset", 1);
}

static Value s_isdisjoint(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (meth_check(vm, MA_O, set_tname(argv[0]), "isdisjoint", argc - 1, 1, 1, kw))
        return ERRV;
    SetObj *o = is_anyset(argv[1]) ? AS(SetObj, argv[1]) : set_from(vm, argv[1], 0);
    if (!o) return ERRV;
    const SetObj *small = o->used < SSELF->used ? o : SSELF;
    SetObj *big = small == o ? SSELF : o;
    int r = 1;
    for (size_t i = 0; r == 1 && i <= small->mask && small->table; i++) {
        if (!live(&small->table[i])) continue;
        int c = set_contains(vm, big, small->table[i].key);
        r = c < 0 ? -1 : !c;
    }
    if (!is_anyset(argv[1])) decref(v_obj(o));
    return r < 0 ? ERRV : v_bool(r);
}

#define SET_COMMON                                                                             \
    {"copy", s_copy, "()", "Return a shallow copy of a set."},                                 \
    {"difference", s_difference, "(*others)", "Return the difference of two or more sets as a " \
     "new set."},                                                                               \
    {"intersection", s_intersection, "(*others)", "Return the intersection of two sets as a "  \
     "new set."},                                                                               \
    {"isdisjoint", s_isdisjoint, "(other, /)", "Return True if two sets have a null "          \
     "intersection."},                                                                          \
    {"issubset", s_issubset, "(other, /)", "Report whether another set contains this set."},   \
    {"issuperset", s_issuperset, "(other, /)", "Report whether this set contains another "     \
     "set."},                                                                                   \
    {"symmetric_difference", s_symmetric_difference, "(other, /)", "Return the symmetric "     \
     "difference of two sets as a new set."},                                                  \
    {"union", s_union, "(*others)", "Return the union of sets as a new set."}

static const BuiltinDef set_methods[] = {
    SET_COMMON,
    {"add", s_add, "(elem, /)", "Add an element to a set."},
    {"clear", s_clear, "()", "Remove all elements from this set."},
    {"difference_update", s_difference_update, "(*others)", "Remove all elements of another "
     "set from this set."},
    {"discard", s_discard, "(elem, /)", "Remove an element from a set if it is a member."},
    {"intersection_update", s_intersection_update, "(*others)", "Update a set with the "
     "intersection of itself and another."},
    {"pop", s_pop, "()", "Remove and return an arbitrary set element."},
    {"remove", s_remove, "(elem, /)", "Remove an element from a set; it must be a member."},
    {"symmetric_difference_update", s_symmetric_difference_update, "(other, /)", "Update a "
     "set with the symmetric difference of itself and another."},
    {"update", s_update, "(*others)", "Update a set with the union of itself and others."},
    {NULL, NULL, NULL, NULL},
};

static const BuiltinDef frozenset_methods[] = {
    SET_COMMON,
    {NULL, NULL, NULL, NULL},
};

int container_methods_init(VM *vm) {
    if (type_add_methods(vm, vm->types[K_LIST], list_methods) ||
        type_add_methods(vm, vm->types[K_TUPLE], tuple_methods) ||
        type_add_methods(vm, vm->types[K_DICT], dict_methods) ||
        type_add_methods(vm, vm->types[K_SET], set_methods) ||
        type_add_methods(vm, vm->types[K_FROZENSET], frozenset_methods))
        return -1;
    return views_init(vm);
}
