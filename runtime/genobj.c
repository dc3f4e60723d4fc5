/* genobj.c: the methods of generator objects: send, throw, close (next() goes through
 * obj_next). The resumption itself is gen_send in vm.c. */
#include <stdlib.h>

#include "object.h"

static Value stop_iteration(VM *vm) {
    Value e = exc_new(vm, vm->E.StopIteration, v_null());
    if (IS_ERR(e)) return ERRV;
    vm_raise_value(vm, e);
    decref(e);
    return ERRV;
}

static Value g_send(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if ((kw && kw->n) || argc != 2)
        return vm_raise(vm, vm->E.TypeError, "generator.send() takes exactly one argument (%d given)",
                        argc - 1);
    GenObj *g = AS(GenObj, argv[0]);
    if (g->frame && g->frame->ip == 0 && argv[1].tag != T_NONE)
        return vm_raise(vm, vm->E.TypeError, "can't send non-None value to a just-started generator");
    Value r = gen_send(vm, g, argv[1]);
    return IS_NULL(r) ? stop_iteration(vm) : r;
}

static Value g_close(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if ((kw && kw->n) || argc != 1)
        return vm_raise(vm, vm->E.TypeError, "generator.close() takes no arguments (%d given)", argc - 1);
    GenObj *g = AS(GenObj, argv[0]);
    if (g->running) return vm_raise(vm, vm->E.ValueError, "generator already executing");
    if (g->frame) { /* finally blocks of a suspended generator are not run: documented limit */
        Frame *f = g->frame;
        FuncObj *fn = f->func;
        g->frame = NULL;
        int n = f->code->nlocals + f->code->ncells + f->code->nfree;
        for (int i = 0; i < n; i++) decref(f->locals[i]);
        for (int i = 0; i < f->sp; i++) decref(f->stack[i]);
        decref(v_obj(f->code));
        free(f);
        decref(v_obj(fn));
    }
    return v_none();
}

static const BuiltinDef GEN_METHODS[] = {
    {"send", g_send, "(value, /)", "send(arg) -> send 'arg' into generator, return next yielded value "
     "or raise StopIteration."},
    {"close", g_close, "()", "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, NULL, NULL},
};

int gen_methods_init(VM *vm) { return type_add_methods(vm, vm->types[K_GEN], GEN_METHODS); }
