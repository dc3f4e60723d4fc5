/* display.c: the mime bundle of a value and its publication through the sink. */
#include "display.h"

int disp_bundle(VM *vm, Value v, ab_bundle *out) {
    if (IS_KIND(v, K_NATIVE)) {
        TypeObj *t = AS(NativeObj, v)->type;
        if (t->ops && t->ops->bundle) return t->ops->bundle(vm, v, out);
    }
    SBuf s = SBUF_INIT;
    if (obj_repr_sb(vm, v, &s)) return -1;
    int r = ab_bundle_add(out, "text/plain", s.s ? s.s : "", s.len);
    sb_free(&s);
    if (r) vm_nomem(vm);
    return r;
}

void disp_publish(VM *vm, const ab_bundle *b, const char *display_id, int update) {
    vm_flush(vm);
    if (vm->sink && vm->sink->display) vm->sink->display(vm->sink->ctx, b, display_id, update);
}

int disp_init(VM *vm) {
    (void)vm;
    return 0;
}
