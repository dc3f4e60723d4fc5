/* object.c: the built-in containers (str, list, tuple, dict, set, range, slice) and the
 * freeing of every heap object. Dict keeps insertion order (compact layout); set probes as
 * CPython's setobject.c does so that iteration order of numbers matches CPython's. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"
#include "object.h"

/* Sizes no machine can hold are refused before asking malloc (which sanitizers abort on). */
#define MAX_ITEMS ((size_t)1 << 34)
#define MAX_BYTES ((size_t)1 << 38)

/* ---------------------------------------------------------------- strings */

size_t utf8_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

size_t str_offset(const StrObj *s, size_t i) {
    if (s->len == s->nchars) return i;
    size_t off = 0;
    while (i > 0 && off < s->len) {
        off++;
        while (off < s->len && ((unsigned char)s->s[off] & 0xC0) == 0x80) off++;
        i--;
    }
    return off;
}

StrObj *str_new(VM *vm, const char *s, size_t n) {
    StrObj *o = n > MAX_BYTES ? NULL : malloc(sizeof(StrObj) + n + 1);
    if (!o) {
        vm_nomem(vm);
        return NULL;
    }
    o->h.rc = 1;
    o->h.k = K_STR;
    o->h.flags = 0;
    o->len = n;
    if (n) memcpy(o->s, s, n);
    o->s[n] = 0;
    o->nchars = utf8_count(o->s, n);
    o->hash = -1;
    return o;
}

Value str_value(VM *vm, const char *s, size_t n) {
    StrObj *o = str_new(vm, s, n);
    return o ? v_obj(o) : ERRV;
}

Value str_cstr(VM *vm, const char *s) { return str_value(vm, s, strlen(s)); }

Value str_from_sbuf(VM *vm, SBuf *b) {
    Value v = str_value(vm, b->s ? b->s : "", b->len);
    sb_free(b);
    return v;
}

int64_t str_hash(StrObj *s) {
    if (s->hash != -1) return s->hash;
    uint64_t h = 1469598103934665603ULL; /* FNV-1a; CPython's str hash is randomised anyway */
    for (size_t i = 0; i < s->len; i++) h = (h ^ (unsigned char)s->s[i]) * 1099511628211ULL;
    int64_t r = (int64_t)(h >> 1);
    if (r == -1) r = -2;
    s->hash = r;
    return r;
}

int str_eq(const StrObj *a, const StrObj *b) {
    return a == b || (a->len == b->len && memcmp(a->s, b->s, a->len) == 0);
}

StrObj *str_intern(VM *vm, const char *s, size_t n) {
    StrObj *key = str_new(vm, s, n);
    if (!key) return NULL;
    Value found = dict_get_str(vm->interned, key);
    if (!IS_NULL(found)) {
        decref(v_obj(key));
        return AS(StrObj, found);
    }
    if (dict_set(vm, vm->interned, v_obj(key), v_obj(key))) {
        decref(v_obj(key));
        return NULL;
    }
    decref(v_obj(key)); /* the dict holds it */
    return key;
}

/* ---------------------------------------------------------------- lists and tuples */

static ListObj *seq_alloc(VM *vm, ObjKind k, size_t len) {
    if (len > MAX_ITEMS) {
        vm_nomem(vm);
        return NULL;
    }
    ListObj *l = malloc(sizeof(ListObj));
    Value *items = len ? malloc(len * sizeof(Value)) : NULL;
    if (!l || (len && !items)) {
        free(l);
        free(items);
        vm_nomem(vm);
        return NULL;
    }
    l->h.rc = 1;
    l->h.k = (uint16_t)k;
    l->h.flags = 0;
    l->len = l->cap = len;
    l->items = items;
    gc_track(vm, &l->h);
    for (size_t i = 0; i < len; i++) l->items[i] = v_none();
    return l;
}

ListObj *list_new(VM *vm, size_t len) { return seq_alloc(vm, K_LIST, len); }

ListObj *tuple_new(VM *vm, size_t len) {
    if (len == 0 && vm->empty_tuple) {
        vm->empty_tuple->h.rc++;
        return vm->empty_tuple;
    }
    return seq_alloc(vm, K_TUPLE, len);
}

int list_reserve(VM *vm, ListObj *l, size_t extra) {
    if (l->len + extra <= l->cap) return 0;
    size_t cap = l->cap ? l->cap : 4;
    while (cap < l->len + extra) cap = cap + cap / 2 + 4;
    Value *items = realloc(l->items, cap * sizeof(Value));
    if (!items) {
        vm_nomem(vm);
        return -1;
    }
    l->items = items;
    l->cap = cap;
    return 0;
}

int list_append(VM *vm, ListObj *l, Value v) {
    if (l->len == l->cap && list_reserve(vm, l, 1)) return -1;
    incref(v);
    l->items[l->len++] = v;
    return 0;
}

Value tuple_pack(VM *vm, int n, ...) {
    ListObj *t = tuple_new(vm, (size_t)n);
    if (!t) return ERRV;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) t->items[i] = vref(va_arg(ap, Value));
    va_end(ap);
    return v_obj(t);
}

/* ---------------------------------------------------------------- dict */

DictObj *dict_new(VM *vm) {
    DictObj *d = calloc(1, sizeof(DictObj));
    if (!d) {
        vm_nomem(vm);
        return NULL;
    }
    d->h.rc = 1;
    d->h.k = K_DICT;
    gc_track(vm, &d->h);
    return d;
}

/* Index slot for key: the slot holding it, or (when absent) -1 and *free_slot set. */
static long dict_lookup(VM *vm, DictObj *d, Value key, int64_t hash, size_t *slot, int *err) {
    *err = 0;
    if (!d->index) return -1;
    size_t mask = d->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    long first_free = -1;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1) {
            *slot = first_free >= 0 ? (size_t)first_free : i;
            return -1;
        }
        if (ix == -2) {
            if (first_free < 0) first_free = (long)i;
        } else {
            DictEntry *e = &d->entries[ix];
            if (e->hash == hash) {
                Value k = e->key;
                if (k.tag == key.tag && k.u.i == key.u.i) {
                    *slot = i;
                    return ix;
                }
                int eq = obj_eq(vm, k, key);
                if (eq < 0) {
                    *err = 1;
                    return -1;
                }
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static int dict_resize(VM *vm, DictObj *d, size_t minsize) {
    size_t size = 8;
    while (size < minsize * 3 / 2 + 1) size <<= 1;
    int32_t *index = malloc(size * sizeof(int32_t));
    size_t cap = size * 2 / 3 + 1;
    DictEntry *entries = malloc(cap * sizeof(DictEntry));
    if (!index || !entries) {
        free(index);
        free(entries);
        vm_nomem(vm);
        return -1;
    }
    memset(index, 0xff, size * sizeof(int32_t));
    size_t n = 0;
    for (size_t j = 0; j < d->nentries; j++) {
        if (IS_NULL(d->entries[j].key)) continue;
        entries[n] = d->entries[j];
        size_t i = (size_t)entries[n].hash & (size - 1), perturb = (size_t)entries[n].hash;
        while (index[i] != -1) {
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & (size - 1);
        }
        index[i] = (int32_t)n++;
    }
    free(d->index);
    free(d->entries);
    d->index = index;
    d->entries = entries;
    d->mask = size - 1;
    d->cap = cap;
    d->nentries = n;
    return 0;
}

Value dict_get(VM *vm, DictObj *d, Value key) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return ERRV;
    size_t slot;
    int err;
    long ix = dict_lookup(vm, d, key, h, &slot, &err);
    if (err) return ERRV;
    return ix < 0 ? v_null() : d->entries[ix].value;
}

Value dict_get_str(DictObj *d, StrObj *key) {
    if (!d->index) return v_null();
    int64_t hash = str_hash(key);
    size_t mask = d->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1) return v_null();
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->hash == hash && IS_KIND(e->key, K_STR) && str_eq(AS(StrObj, e->key), key))
                return e->value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int dict_set(VM *vm, DictObj *d, Value key, Value v) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return -1;
    size_t slot;
    int err;
    long ix = dict_lookup(vm, d, key, h, &slot, &err);
    if (err) return -1;
    if (ix >= 0) {
        Value old = d->entries[ix].value;
        d->entries[ix].value = vref(v);
        decref(old);
        return 0;
    }
    if (!d->index || d->nentries + 1 >= d->cap) {
        if (dict_resize(vm, d, d->used + 1)) return -1;
        ix = dict_lookup(vm, d, key, h, &slot, &err);
    }
    DictEntry *e = &d->entries[d->nentries];
    e->hash = h;
    e->key = vref(key);
    e->value = vref(v);
    d->index[slot] = (int32_t)d->nentries++;
    d->used++;
    d->version++;
    return 0;
}

int dict_set_str(VM *vm, DictObj *d, const char *key, Value v) {
    StrObj *k = str_intern(vm, key, strlen(key));
    return k ? dict_set(vm, d, v_obj(k), v) : -1;
}

int dict_del(VM *vm, DictObj *d, Value key) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return -1;
    size_t slot;
    int err;
    long ix = dict_lookup(vm, d, key, h, &slot, &err);
    if (err) return -1;
    if (ix < 0) return 0;
    DictEntry *e = &d->entries[ix];
    Value k = e->key, v = e->value;
    e->key = v_null();
    e->value = v_null();
    d->index[slot] = -2;
    d->used--;
    d->version++;
    decref(k);
    decref(v);
    return 1;
}

void dict_clear(VM *vm, DictObj *d) {
    DictEntry *entries = d->entries;
    size_t n = d->nentries;
    free(d->index);
    d->index = NULL;
    d->entries = NULL;
    d->used = d->nentries = d->cap = d->mask = 0;
    d->version++;
    for (size_t i = 0; i < n; i++) {
        decref(entries[i].key);
        decref(entries[i].value);
    }
    free(entries);
}

/* Iteration: the next live entry at or after *pos; 0 at the end. */
int dict_next(DictObj *d, size_t *pos, Value *key, Value *value) {
    while (*pos < d->nentries) {
        DictEntry *e = &d->entries[(*pos)++];
        if (!IS_NULL(e->key)) {
            if (key) *key = e->key;
            if (value) *value = e->value;
            return 1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- set (CPython's probing) */

#define SET_LINEAR_PROBES 9

SetObj *set_new(VM *vm, int frozen) {
    SetObj *s = calloc(1, sizeof(SetObj));
    SetEntry *t = calloc(8, sizeof(SetEntry));
    if (!s || !t) {
        free(s);
        free(t);
        vm_nomem(vm);
        return NULL;
    }
    s->h.rc = 1;
    s->h.k = frozen ? K_FROZENSET : K_SET;
    s->table = t;
    s->mask = 7;
    gc_track(vm, &s->h);
    return s;
}

static int set_is_dummy(const SetEntry *e) { return e->key.tag == T_ERR; }

/* Finds key: returns the entry holding it, or NULL (then *freeslot is where to insert). */
static SetEntry *set_find(VM *vm, SetObj *s, Value key, int64_t hash, SetEntry **freeslot,
                          int *err) {
    size_t mask = s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *dummy = NULL;
    *err = 0;
    for (;;) {
        SetEntry *e = &s->table[i];
        size_t probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        for (size_t j = 0;; j++) {
            if (IS_NULL(e->key)) {
                *freeslot = dummy ? dummy : e;
                return NULL;
            }
            if (set_is_dummy(e)) {
                if (!dummy) dummy = e;
            } else if (e->hash == hash) {
                if (e->key.tag == key.tag && e->key.u.i == key.u.i) return e;
                int eq = obj_eq(vm, e->key, key);
                if (eq < 0) {
                    *err = 1;
                    return NULL;
                }
                if (eq) return e;
            }
            if (j >= probes) break;
            e++;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_insert_clean(SetEntry *table, size_t mask, Value key, int64_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        size_t probes = (i + SET_LINEAR_PROBES <= mask) ? SET_LINEAR_PROBES : 0;
        for (size_t j = 0;; j++) {
            if (IS_NULL(e->key)) {
                e->key = key;
                e->hash = hash;
                return;
            }
            if (j >= probes) break;
            e++;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_resize(VM *vm, SetObj *s, size_t minused) {
    size_t newsize = 8;
    while (newsize <= minused) newsize <<= 1;
    SetEntry *t = calloc(newsize, sizeof(SetEntry));
    if (!t) {
        vm_nomem(vm);
        return -1;
    }
    for (size_t i = 0; i <= s->mask; i++) {
        SetEntry *e = &s->table[i];
        if (!IS_NULL(e->key) && !set_is_dummy(e)) set_insert_clean(t, newsize - 1, e->key, e->hash);
    }
    free(s->table);
    s->table = t;
    s->mask = newsize - 1;
    s->fill = s->used;
    return 0;
}

int set_add(VM *vm, SetObj *s, Value key) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return -1;
    SetEntry *slot;
    int err;
    if (set_find(vm, s, key, h, &slot, &err)) return 0;
    if (err) return -1;
    if (IS_NULL(slot->key)) s->fill++;
    slot->key = vref(key);
    slot->hash = h;
    s->used++;
    if (s->fill * 5 < s->mask * 3) return 0;
    return set_resize(vm, s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

int set_contains(VM *vm, SetObj *s, Value key) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return -1;
    SetEntry *slot;
    int err;
    SetEntry *e = set_find(vm, s, key, h, &slot, &err);
    return err ? -1 : e != NULL;
}

int set_discard(VM *vm, SetObj *s, Value key) {
    int64_t h;
    if (obj_hash(vm, key, &h)) return -1;
    SetEntry *slot;
    int err;
    SetEntry *e = set_find(vm, s, key, h, &slot, &err);
    if (err) return -1;
    if (!e) return 0;
    Value old = e->key;
    e->key = ERRV; /* dummy */
    s->used--;
    decref(old);
    return 1;
}

int set_next(SetObj *s, size_t *pos, Value *key) {
    while (*pos <= s->mask) {
        SetEntry *e = &s->table[(*pos)++];
        if (!IS_NULL(e->key) && !set_is_dummy(e)) {
            *key = e->key;
            return 1;
        }
    }
    return 0;
}

void set_clear(VM *vm, SetObj *s) {
    SetEntry *t = s->table;
    size_t n = s->mask + 1;
    SetEntry *fresh = calloc(8, sizeof(SetEntry));
    if (!fresh) return; /* keep the old table: clearing then fails silently only on OOM */
    s->table = fresh;
    s->mask = 7;
    s->used = s->fill = 0;
    for (size_t i = 0; i < n; i++)
        if (!IS_NULL(t[i].key) && !set_is_dummy(&t[i])) decref(t[i].key);
    free(t);
}

/* ---------------------------------------------------------------- freeing */

static void free_values(VM *vm, Value *v, size_t n) {
    for (size_t i = 0; i < n; i++) decref(v[i]);
}

static void free_exc(VM *vm, ExcObj *e) {
    decref(e->args);
    decref(e->context);
    decref(e->cause);
    for (int i = 0; i < e->ntb; i++) decref(v_obj(e->tb[i].code));
    free(e->tb);
    if (e->attrs) decref(v_obj(e->attrs));
    decref(v_obj(e->cls));
}

static void free_code(VM *vm, CodeObj *c) {
    free(c->gcache);
    free(c->code);
    free(c->pos);
    free_values(vm, c->consts, (size_t)c->nconsts);
    free(c->consts);
    for (int i = 0; i < c->nnames; i++) decref(v_obj(c->names[i]));
    for (int i = 0; i < c->nlocals; i++) decref(v_obj(c->varnames[i]));
    for (int i = 0; i < c->ncells; i++) decref(v_obj(c->cellnames[i]));
    for (int i = 0; i < c->nfree; i++) decref(v_obj(c->freenames[i]));
    free(c->names);
    free(c->varnames);
    free(c->cellnames);
    free(c->freenames);
    free(c->cell_param);
    if (c->name) decref(v_obj(c->name));
    if (c->qualname) decref(v_obj(c->qualname));
    decref(c->doc);
    source_release(c->src);
}

static void free_func(VM *vm, FuncObj *f) {
    decref(v_obj(f->code));
    decref(v_obj(f->globals));
    if (f->defaults) decref(v_obj(f->defaults));
    if (f->kwdefaults) decref(v_obj(f->kwdefaults));
    if (f->closure) decref(v_obj(f->closure));
    if (f->name) decref(v_obj(f->name));
    decref(f->doc);
}

static void free_type(VM *vm, TypeObj *t) {
    if (t->dict) decref(v_obj(t->dict));
    if (t->base) decref(v_obj(t->base));
    if (t->h.flags & 1) { /* heap names */
        free((char *)t->name);
    }
}

void obj_free(VM *vm, Obj *o) {
    if (gc_tracked_kind(o->k)) gc_untrack(vm, o);
    switch ((ObjKind)o->k) {
    case K_LIST:
    case K_TUPLE: {
        ListObj *l = (ListObj *)o;
        free_values(vm, l->items, l->len);
        free(l->items);
        break;
    }
    case K_DICT:
        dict_clear(vm, (DictObj *)o);
        break;
    case K_SET:
    case K_FROZENSET: {
        SetObj *s = (SetObj *)o;
        for (size_t i = 0; i <= s->mask; i++)
            if (!IS_NULL(s->table[i].key) && !set_is_dummy(&s->table[i])) decref(s->table[i].key);
        free(s->table);
        break;
    }
    case K_SLICE: {
        SliceObj *s = (SliceObj *)o;
        decref(s->start);
        decref(s->stop);
        decref(s->step);
        break;
    }
    case K_BIGINT:
        bigint_obj_free((BigIntObj *)o);
        break;
    case K_FUNC:
        free_func(vm, (FuncObj *)o);
        break;
    case K_BUILTIN:
        decref(((BuiltinObj *)o)->self);
        break;
    case K_BOUND:
        decref(((BoundObj *)o)->func);
        decref(((BoundObj *)o)->self);
        break;
    case K_CODE:
        free_code(vm, (CodeObj *)o);
        break;
    case K_CELL:
        decref(((CellObj *)o)->v);
        break;
    case K_MODULE:
        decref(v_obj(((ModuleObj *)o)->name));
        decref(v_obj(((ModuleObj *)o)->dict));
        break;
    case K_TYPE:
        free_type(vm, (TypeObj *)o);
        break;
    case K_EXC:
        free_exc(vm, (ExcObj *)o);
        break;
    case K_ITER:
        decref(((IterObj *)o)->src);
        decref(((IterObj *)o)->aux);
        break;
    case K_GEN:
        gen_free(vm, (GenObj *)o);
        break;
    case K_NATIVE: {
        NativeObj *n = (NativeObj *)o;
        TypeObj *t = n->type;
        if (t->ops && t->ops->free) t->ops->free(vm, o);
        decref(v_obj(t));
        break;
    }
    default:
        break;
    }
    free(o);
}

void source_release(Source *s) {
    if (!s || --s->rc > 0) return;
    free(s->name);
    free(s->text);
    free(s);
}

/* ---------------------------------------------------------------- misc constructors */

Value slice_new(VM *vm, Value start, Value stop, Value step) {
    SliceObj *s = malloc(sizeof(SliceObj));
    if (!s) return vm_nomem(vm);
    s->h.rc = 1;
    s->h.k = K_SLICE;
    s->h.flags = 0;
    s->start = vref(start);
    s->stop = vref(stop);
    s->step = vref(step);
    return v_obj(s);
}

Value range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
    RangeObj *r = malloc(sizeof(RangeObj));
    if (!r) return vm_nomem(vm);
    r->h.rc = 1;
    r->h.k = K_RANGE;
    r->h.flags = 0;
    r->start = start;
    r->stop = stop;
    r->step = step;
    int64_t n = 0;
    if (step > 0 && start < stop) n = (int64_t)(((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1);
    else if (step < 0 && start > stop)
        n = (int64_t)(((uint64_t)start - (uint64_t)stop - 1) / (uint64_t)(-(step + 1) + 1) + 1);
    r->len = n;
    return v_obj(r);
}

Value iter_new(VM *vm, int sub, Value src, Value aux, int64_t n) {
    IterObj *it = malloc(sizeof(IterObj));
    if (!it) return vm_nomem(vm);
    it->h.rc = 1;
    it->h.k = K_ITER;
    it->h.flags = 0;
    it->sub = sub;
    it->src = vref(src);
    it->aux = vref(aux);
    it->i = 0;
    it->n = n;
    it->step = 1;
    gc_track(vm, &it->h);
    return v_obj(it);
}

Value complex_new(VM *vm, double re, double im) {
    ComplexObj *c = malloc(sizeof(ComplexObj));
    if (!c) return vm_nomem(vm);
    c->h.rc = 1;
    c->h.k = K_COMPLEX;
    c->h.flags = 0;
    c->re = re;
    c->im = im;
    return v_obj(c);
}

CellObj *cell_new(VM *vm, Value v) {
    CellObj *c = malloc(sizeof(CellObj));
    if (!c) {
        vm_nomem(vm);
        return NULL;
    }
    c->h.rc = 1;
    c->h.k = K_CELL;
    c->h.flags = 0;
    c->v = vref(v);
    gc_track(vm, &c->h);
    return c;
}

/* CPython's set_merge: one resize up front, layout copied when the target is empty and of the
 * same size, otherwise entries inserted in the source's slot order. */
int set_merge(VM *vm, SetObj *so, const SetObj *other) {
    if (other == so || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3
        && set_resize(vm, so, (so->used + other->used) * 2))
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++) {
            if (IS_NULL(other->table[i].key)) continue;
            so->table[i].key = vref(other->table[i].key);
            so->table[i].hash = other->table[i].hash;
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        for (size_t i = 0; i <= other->mask; i++) {
            const SetEntry *e = &other->table[i];
            if (IS_NULL(e->key) || set_is_dummy(e)) continue;
            set_insert_clean(so->table, so->mask, vref(e->key), e->hash);
        }
        so->fill = so->used = other->used;
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        const SetEntry *e = &other->table[i];
        if (IS_NULL(e->key) || set_is_dummy(e)) continue;
        if (set_add(vm, so, e->key)) return -1;
    }
    return 0;
}

SetObj *set_copy(VM *vm, const SetObj *s, int frozen) {
    SetObj *r = set_new(vm, frozen);
    if (r && set_merge(vm, r, s)) {
        decref(v_obj(r));
        return NULL;
    }
    return r;
}
