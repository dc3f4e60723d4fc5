/* npmodule.c: the numpy module's entry point (np_module_init, called on `import numpy`):
 * creates the array runtime's per-VM state and registers its types, functions and constants;
 * np_free releases the state when the VM goes away. */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "array.h"
#include "linalg.h"
#include "random.h"

static TypeObj *exc_type(VM *vm, ModuleObj *m, const char *name, const char *module,
                         TypeObj *base, int export) {
    TypeObj *t = type_new(vm, name, base, K_EXC);
    if (!t) return NULL;
    t->module = module;
    if (export && module_add(vm, m, name, v_obj(t))) {
        decref(v_obj(t));
        return NULL;
    }
    return t;
}

static int add_str(VM *vm, ModuleObj *m, const char *name, const char *text) {
    Value v = str_cstr(vm, text);
    if (IS_ERR(v)) return -1;
    int r = module_add(vm, m, name, v);
    decref(v);
    return r;
}

/* NumPy scalars have the array methods too (np.float64(2).sum(), .mean(), .clip(...)): the
 * methods of ndarray that scalars' base type np.generic lacks are shared with it, except the
 * ones that write into the array, which would change an immutable scalar. */
static int share_methods(VM *vm, NpState *st) {
    static const char *const writers[] = {"fill", "sort", "put", "resize", "itemset",
                                          "partition", "setflags", NULL};
    DictObj *from = st->t_ndarray->dict, *to = st->t_scalar[DT_BOOL]->base->dict;
    for (size_t i = 0; i < from->nentries; i++) {
        Value k = from->entries[i].key;
        if (!IS_KIND(k, K_STR) || !IS_KIND(from->entries[i].value, K_BUILTIN)) continue;
        const char *name = AS(StrObj, k)->s;
        int skip = name[0] == '_' || !IS_NULL(dict_get_str(to, AS(StrObj, k)));
        for (int w = 0; writers[w] && !skip; w++) skip = !strcmp(writers[w], name);
        if (!skip && dict_set(vm, to, k, from->entries[i].value)) return -1;
    }
    return 0;
}

int np_module_init(VM *vm, ModuleObj *m) {
    if (!vm->np) {
        NpState *st = calloc(1, sizeof(NpState));
        if (!st) return vm_nomem(vm), -1;
        vm->np = st;
    }
    NpState *st = NP(vm);
    int la = la_init(vm, m); /* 1: m was numpy.linalg, filled by la_init */
    if (la) return la < 0 ? -1 : 0;
    if (arr_types_init(vm, st, m) || dt_init(vm, st, m) || aprint_init(vm, m)) return -1;
    if (!(st->e_axis = exc_type(vm, m, "AxisError", "numpy", vm->E.ValueError, 1))) return -1;
    if (!(st->e_casting = exc_type(vm, m, "_UFuncOutputCastingError", "numpy.core._exceptions",
                                   vm->E.TypeError, 0)))
        return -1;
    if (!(st->e_noloop = exc_type(vm, m, "UFuncTypeError", "numpy.core._exceptions",
                                  vm->E.TypeError, 0)))
        return -1;
    if (ufunc_init(vm, m) || red_init(vm, m, st->t_ndarray) || npf_init(vm, m)) return -1;
    if (rnd_init(vm, m)) return -1;
    if (npf2_init(vm, m) || view_init(vm, st) || share_methods(vm, st)) return -1;
    return module_add(vm, m, "pi", v_float(M_PI)) || module_add(vm, m, "e", v_float(M_E))
                   || module_add(vm, m, "inf", v_float(INFINITY))
                   || module_add(vm, m, "Inf", v_float(INFINITY))
                   || module_add(vm, m, "nan", v_float(NAN))
                   || module_add(vm, m, "NaN", v_float(NAN))
                   || module_add(vm, m, "newaxis", v_none())
                   || add_str(vm, m, "__version__", "1.24.2")
               ? -1
               : 0;
}

void np_free(VM *vm) {
    NpState *st = vm->np;
    if (!st) return;
    arr_cache_release();
    for (int i = 0; i < DT__COUNT; i++) {
        decref(st->dtypes[i]);
        if (st->t_scalar[i]) decref(v_obj(st->t_scalar[i]));
    }
    if (st->t_dtype) decref(v_obj(st->t_dtype));
    if (st->t_ndarray) decref(v_obj(st->t_ndarray));
    if (st->e_axis) decref(v_obj(st->e_axis));
    if (st->e_casting) decref(v_obj(st->e_casting));
    if (st->e_noloop) decref(v_obj(st->e_noloop));
    free(st);
    vm->np = NULL;
}
