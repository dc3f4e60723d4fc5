/* views.c: ndarray.view(dtype): the same memory read as another dtype, as NumPy 1.24 does it.
 * When the itemsize changes, the last axis must be contiguous and its length in bytes is
 * shared out again (float64 (2, 3) viewed as uint8 is (2, 24)). */
#include "array.h"

static Value m_view(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "view", "self|dtype,type", argc, argv, kw, a)) return ERRV;
    ArrObj *x = arr_of(vm, a[0]);
    if (!x) return vm_raise(vm, vm->E.TypeError, "view() needs an array");
    int dt = x->dtype;
    Value want = a[1];
    if (!IS_NULL(want) && want.tag != T_NONE
        && !(IS_OBJ(want) && want.u.o == (Obj *)NP(vm)->t_ndarray)) {
        if ((dt = dt_parse(vm, want)) < 0) return ERRV;
    }
    int nd = x->ndim;
    int64_t shape[ARR_MAXDIM], strides[ARR_MAXDIM];
    for (int d = 0; d < nd; d++) shape[d] = x->shape[d], strides[d] = x->strides[d];
    int64_t from = arr_dtypes[x->dtype].size, to = arr_dtypes[dt].size;
    if (from != to) {
        if (nd == 0)
            return vm_raise(vm, vm->E.ValueError, "Changing the dtype of a 0d array is only "
                            "supported if the itemsize is unchanged");
        int64_t n = shape[nd - 1];
        if (n != 1 && strides[nd - 1] != from && x->size != 0)
            return vm_raise(vm, vm->E.ValueError, "To change to a dtype of a different size, the "
                            "last axis must be contiguous");
        if (to < from && from % to)
            return vm_raise(vm, vm->E.ValueError, "When changing to a smaller dtype, its size "
                            "must be a divisor of the size of original dtype");
        if (to > from && (n * from) % to)
            return vm_raise(vm, vm->E.ValueError, "When changing to a larger dtype, its size "
                            "must be a divisor of the total size in bytes of the last axis of "
                            "the array.");
        shape[nd - 1] = n * from / to;
        strides[nd - 1] = to;
    }
    if (x->h.type != NP(vm)->t_ndarray) return arr_scalar(vm, dt, x->data); /* scalars stay so */
    return arr_value(arr_view(vm, x, dt, nd, shape, strides, x->data));
}

static const BuiltinDef VIEW_METHODS[] = {
    {"view", m_view, "(dtype=None, type=None)", "The same memory as another dtype."},
    {NULL, NULL, NULL, NULL},
};

int view_init(VM *vm, NpState *st) { return type_add_methods(vm, st->t_ndarray, VIEW_METHODS); }
