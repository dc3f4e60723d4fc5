/* format.c: format(value, spec) for the built-in types (the __format__ protocol), on top of
 * numfmt's implementation of the format-spec mini-language. */
#include <string.h>

#include "numfmt.h"
#include "object.h"

static Value fmt_result(VM *vm, int rc, SBuf *b, const char *err) {
    if (rc == 0) return str_from_sbuf(vm, b);
    sb_free(b);
    if (rc == NUMFMT_NOMEM) return vm_nomem(vm);
    return vm_raise(vm, rc == NUMFMT_OVERFLOW ? vm->E.OverflowError : vm->E.ValueError, "%s", err);
}

static int format_bigint(VM *vm, SBuf *b, const NumfmtSpec *spec, Value v, char *err, size_t n) {
    int base = numfmt_spec_int_base(spec);
    SBuf digits = SBUF_INIT;
    if (int_sb(vm, v, base, &digits)) return -100;
    int neg = digits.s[0] == '-';
    int rc = numfmt_format_int_digits(b, spec, neg, digits.s + neg, digits.len - (size_t)neg, "int",
                                      err, n);
    sb_free(&digits);
    return rc;
}

Value obj_format(VM *vm, Value v, StrObj *spec) {
    NumfmtSpec s;
    char err[256] = "";
    SBuf b = SBUF_INIT;
    int rc = numfmt_parse_spec(spec->s, spec->len, &s, err, sizeof err);
    if (rc) return fmt_result(vm, rc, &b, err);
    if (v.tag == T_BOOL && spec->len == 0) return obj_str(vm, v);
    if (v.tag == T_INT || v.tag == T_BOOL) {
        rc = numfmt_format_int64(&b, &s, v.u.i, "int", err, sizeof err);
    } else if (IS_KIND(v, K_BIGINT)) {
        rc = format_bigint(vm, &b, &s, v, err, sizeof err);
        if (rc == -100) {
            sb_free(&b);
            return ERRV;
        }
    } else if (v.tag == T_FLOAT) {
        rc = numfmt_format_double(&b, &s, v.u.f, "float", err, sizeof err);
    } else if (IS_KIND(v, K_STR)) {
        rc = numfmt_format_str(&b, &s, AS(StrObj, v)->s, AS(StrObj, v)->len, "str", err, sizeof err);
    } else if (IS_KIND(v, K_COMPLEX)) {
        rc = numfmt_format_complex(&b, &s, AS(ComplexObj, v)->re, AS(ComplexObj, v)->im, "complex",
                                   err, sizeof err);
    } else if (IS_KIND(v, K_NATIVE) && AS(NativeObj, v)->type->ops
               && AS(NativeObj, v)->type->ops->unop) {
        /* NumPy scalars format as their Python counterparts */
        Value py = AS(NativeObj, v)->type->ops->unop(vm, 1006 /* as python scalar */, v);
        if (IS_ERR(py)) return ERRV;
        if (!IS_NULL(py)) {
            Value r = obj_format(vm, py, spec);
            decref(py);
            return r;
        }
        goto generic;
    } else {
    generic:
        if (spec->len)
            return vm_raise(vm, vm->E.TypeError, "unsupported format string passed to %s.__format__",
                            type_name(vm, v));
        return obj_str(vm, v);
    }
    return fmt_result(vm, rc, &b, err);
}
