/* gc.c: the cycle collector. Reference counting frees everything but cycles (a recursive inner
 * function holds its own cell, a list may contain itself); CPython's algorithm finds them: for
 * every tracked container, subtract the references other tracked containers hold; what keeps a
 * positive count is referenced from outside (variables, the stack, the VM), and everything
 * reachable from those lives. The rest is garbage: its references are cleared, which frees it. */
#include <stddef.h>
#include <stdlib.h>

#include "object.h"

_Static_assert(offsetof(ListObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(DictObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(SetObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(ModuleObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(ExcObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(CellObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(IterObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(FuncObj, gc) == sizeof(Obj), "GcLink follows Obj");
_Static_assert(offsetof(GenObj, gc) == sizeof(Obj), "GcLink follows Obj");

#define GC_THRESHOLD 20000 /* container allocations between automatic collections */

static GcLink *link_of(Obj *o) { return (GcLink *)((char *)o + sizeof(Obj)); }
static Obj *obj_of(GcLink *l) { return (Obj *)((char *)l - sizeof(Obj)); }

int gc_tracked_kind(int k) {
    switch (k) {
    case K_LIST: case K_TUPLE: case K_DICT: case K_SET: case K_FROZENSET: case K_MODULE:
    case K_EXC: case K_CELL: case K_ITER: case K_FUNC: case K_GEN: return 1;
    default: return 0;
    }
}

void gc_track(VM *vm, Obj *o) {
    GcLink *h = &vm->gc_head, *l = link_of(o);
    if (!h->next) h->next = h->prev = h;
    l->next = h;
    l->prev = h->prev;
    h->prev->next = l;
    h->prev = l;
    l->refs = 0;
    vm->gc_tracked++;
    vm->gc_allocs++;
}

void gc_untrack(VM *vm, Obj *o) {
    GcLink *l = link_of(o);
    if (!l->next) return;
    l->prev->next = l->next;
    l->next->prev = l->prev;
    l->next = l->prev = NULL;
    vm->gc_tracked--;
}

/* ---------------------------------------------------------------- traversal */

typedef void (*Visit)(Obj *child, void *ctx);

static void visit_value(Value v, Visit fn, void *ctx) {
    if (v.tag == T_OBJ && gc_tracked_kind(v.u.o->k) && link_of(v.u.o)->next) fn(v.u.o, ctx);
}

static void visit_obj(void *o, Visit fn, void *ctx) {
    if (o) visit_value(v_obj(o), fn, ctx);
}

static void traverse_frame(const Frame *f, Visit fn, void *ctx) {
    int n = f->code->nlocals + f->code->ncells + f->code->nfree;
    for (int i = 0; i < n; i++) visit_value(f->locals[i], fn, ctx);
    for (int i = 0; i < f->sp; i++) visit_value(f->stack[i], fn, ctx);
}

static void traverse(Obj *o, Visit fn, void *ctx) {
    switch ((ObjKind)o->k) {
    case K_LIST:
    case K_TUPLE: {
        ListObj *l = (ListObj *)o;
        for (size_t i = 0; i < l->len; i++) visit_value(l->items[i], fn, ctx);
        break;
    }
    case K_DICT: {
        DictObj *d = (DictObj *)o;
        for (size_t i = 0; i < d->nentries; i++) {
            visit_value(d->entries[i].key, fn, ctx);
            visit_value(d->entries[i].value, fn, ctx);
        }
        break;
    }
    case K_SET:
    case K_FROZENSET: {
        SetObj *s = (SetObj *)o;
        for (size_t i = 0; i <= s->mask; i++) visit_value(s->table[i].key, fn, ctx);
        break;
    }
    case K_MODULE: visit_obj(((ModuleObj *)o)->dict, fn, ctx); break;
    case K_EXC: {
        ExcObj *e = (ExcObj *)o;
        visit_value(e->args, fn, ctx);
        visit_value(e->context, fn, ctx);
        visit_value(e->cause, fn, ctx);
        visit_obj(e->attrs, fn, ctx);
        break;
    }
    case K_CELL: visit_value(((CellObj *)o)->v, fn, ctx); break;
    case K_ITER:
        visit_value(((IterObj *)o)->src, fn, ctx);
        visit_value(((IterObj *)o)->aux, fn, ctx);
        break;
    case K_FUNC: {
        FuncObj *f = (FuncObj *)o;
        visit_obj(f->globals, fn, ctx);
        visit_obj(f->defaults, fn, ctx);
        visit_obj(f->kwdefaults, fn, ctx);
        visit_obj(f->closure, fn, ctx);
        visit_value(f->doc, fn, ctx);
        break;
    }
    case K_GEN: {
        GenObj *g = (GenObj *)o;
        if (g->frame) {
            traverse_frame(g->frame, fn, ctx);
            visit_obj(g->frame->func, fn, ctx);
        }
        visit_value(g->handling, fn, ctx);
        break;
    }
    default: break;
    }
}

/* ---------------------------------------------------------------- clearing garbage */

static void clear_value(VM *vm, Value *v, Value with) {
    Value old = *v;
    *v = with;
    decref(old);
}

static void clear_obj(VM *vm, Obj *o) {
    switch ((ObjKind)o->k) {
    case K_LIST:
    case K_TUPLE: {
        ListObj *l = (ListObj *)o;
        size_t n = l->len;
        l->len = 0;
        for (size_t i = 0; i < n; i++) decref(l->items[i]);
        break;
    }
    case K_DICT: dict_clear(vm, (DictObj *)o); break;
    case K_SET:
    case K_FROZENSET: set_clear(vm, (SetObj *)o); break;
    case K_MODULE: dict_clear(vm, ((ModuleObj *)o)->dict); break;
    case K_EXC: {
        ExcObj *e = (ExcObj *)o;
        clear_value(vm, &e->context, v_none());
        clear_value(vm, &e->cause, v_none());
        if (e->attrs) dict_clear(vm, e->attrs);
        break; /* args is a tuple: when it is garbage too, it is cleared on its own */
    }
    case K_CELL: clear_value(vm, &((CellObj *)o)->v, v_null()); break;
    case K_ITER:
        clear_value(vm, &((IterObj *)o)->src, v_null());
        clear_value(vm, &((IterObj *)o)->aux, v_null());
        break;
    case K_FUNC: {
        FuncObj *f = (FuncObj *)o;
        void *parts[3] = {f->defaults, f->kwdefaults, f->closure};
        f->defaults = NULL;
        f->kwdefaults = NULL;
        f->closure = NULL;
        for (int i = 0; i < 3; i++)
            if (parts[i]) decref(v_obj(parts[i]));
        clear_value(vm, &f->doc, v_none());
        break;
    }
    case K_GEN: {
        GenObj *g = (GenObj *)o;
        if (g->frame && !g->running) {
            Frame *fr = g->frame;
            g->frame = NULL;
            FuncObj *fn = fr->func;
            int n = fr->code->nlocals + fr->code->ncells + fr->code->nfree;
            for (int i = 0; i < n; i++) clear_value(vm, &fr->locals[i], v_null());
            for (int i = 0; i < fr->sp; i++) decref(fr->stack[i]);
            fr->sp = 0;
            decref(v_obj(fr->code));
            free(fr);
            decref(v_obj(fn));
        }
        break;
    }
    default: break;
    }
}

/* ---------------------------------------------------------------- the collection */

static void subtract_ref(Obj *child, void *ctx) {
    (void)ctx;
    link_of(child)->refs--;
}

typedef struct Work {
    Obj **items;
    size_t n;
} Work;

static void mark_reachable(Obj *child, void *ctx) {
    Work *w = ctx;
    GcLink *l = link_of(child);
    if (l->refs < 0) return; /* already marked */
    l->refs = -1;
    w->items[w->n++] = child;
}

size_t gc_collect(VM *vm) {
    GcLink *h = &vm->gc_head;
    vm->gc_allocs = 0;
    if (!h->next || h->next == h) return 0;
    size_t n = vm->gc_tracked;
    Obj **all = malloc(n * sizeof(Obj *));
    if (!all) return 0;
    size_t k = 0;
    for (GcLink *l = h->next; l != h && k < n; l = l->next) {
        l->refs = obj_of(l)->rc;
        all[k++] = obj_of(l);
    }
    n = k;
    for (size_t i = 0; i < n; i++) traverse(all[i], subtract_ref, NULL);
    Work w = {malloc((n + 1) * sizeof(Obj *)), 0};
    if (!w.items) {
        free(all);
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        GcLink *l = link_of(all[i]);
        if (l->refs > 0) {
            l->refs = -1;
            w.items[w.n++] = all[i];
        }
    }
    while (w.n) traverse(w.items[--w.n], mark_reachable, &w);
    size_t garbage = 0;
    for (size_t i = 0; i < n; i++)
        if (link_of(all[i])->refs >= 0) all[garbage++] = all[i];
    for (size_t i = 0; i < garbage; i++) all[i]->rc++; /* keep them while clearing */
    for (size_t i = 0; i < garbage; i++) clear_obj(vm, all[i]);
    for (size_t i = 0; i < garbage; i++) decref(v_obj(all[i]));
    free(w.items);
    free(all);
    return garbage;
}

void gc_maybe_collect(VM *vm) {
    if (vm->gc_allocs >= GC_THRESHOLD) gc_collect(vm);
}
