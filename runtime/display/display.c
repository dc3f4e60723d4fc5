/* display.c: the mime bundle of a value and its publication through the sink. Arrays get
 * tables (atab.c), display objects and figures bring their own bundle hook. */
#include "display.h"

#include "../array/array.h"
#include "atab.h"
#include "plot.h"
#include "rich.h"

static int array_bundle(VM *vm, const ArrObj *a, ab_bundle *out) {
    SBuf s = SBUF_INIT;
    if (aprint_array(vm, a, &s, 1)) return sb_free(&s), -1;
    int r = ab_bundle_add(out, "text/plain", s.s ? s.s : "", s.len);
    if (r)
        vm_nomem(vm);
    else
        r = atab_bundle(vm, a, s.s ? s.s : "", out);
    sb_free(&s);
    return r;
}

int disp_bundle(VM *vm, Value v, ab_bundle *out) {
    ArrObj *a = arr_of(vm, v);
    if (a && a->ndim > 0) return array_bundle(vm, a, out);
    if (IS_KIND(v, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->bundle) return t->ops->bundle(vm, v, out);
    }
    SBuf s = SBUF_INIT;
    if (obj_repr_sb(vm, v, &s)) return sb_free(&s), -1;
    int r = ab_bundle_add(out, "text/plain", s.s ? s.s : "", s.len);
    sb_free(&s);
    if (r) vm_nomem(vm);
    return r;
}

void disp_publish(VM *vm, const ab_bundle *b, const char *display_id, int update) {
    vm_flush(vm);
    if (vm->sink && vm->sink->display) vm->sink->display(vm->sink->ctx, b, display_id, update);
}

int disp_init(VM *vm) { return rich_init(vm); }

void disp_cell_end(VM *vm) { plot_cell_end(vm); }
