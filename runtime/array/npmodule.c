/* npmodule.c: the numpy module's entry point. The array runtime registers its types and
 * functions here. */
#include "../object.h"

int np_module_init(VM *vm, ModuleObj *m) {
    Value pi = v_float(3.141592653589793), e = v_float(2.718281828459045);
    return module_add(vm, m, "pi", pi) || module_add(vm, m, "e", e) ? -1 : 0;
}

void np_free(VM *vm) { (void)vm; }
