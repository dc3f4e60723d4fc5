/* image.c: array → 8-bit pixels following matplotlib's imshow rules (Normalize, colour map
 * lookup with under/over/bad colours, RGB clipping) and PNG encoding of the result. */
#include "image.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../array/array.h"
#include "cmap.h"
#include "png.h"

int img_need_numpy(VM *vm) {
    if (vm->np) return 0;
    Value m = vm_import(vm, "numpy");
    if (IS_ERR(m)) return -1;
    decref(m);
    return 0;
}

void img_free(ImgPixels *px) {
    free(px->px);
    px->px = NULL;
}

static void shape_text(const ArrObj *a, SBuf *b) {
    sb_putc(b, '(');
    for (int i = 0; i < a->ndim; i++) sb_printf(b, i ? ", %lld" : "%lld", (long long)a->shape[i]);
    sb_puts(b, a->ndim == 1 ? ",)" : ")");
}

static int check_shape(VM *vm, const ArrObj *a) {
    int ok = a->ndim == 2 || (a->ndim == 3 && (a->shape[2] == 3 || a->shape[2] == 4));
    if (ok && arr_dtypes[a->dtype].kind != 'c') return 0;
    SBuf s = SBUF_INIT;
    shape_text(a, &s);
    if (ok)
        vm_raise(vm, vm->E.TypeError, "Image data of dtype %s cannot be converted to float",
                 arr_dtypes[a->dtype].name);
    else
        vm_raise(vm, vm->E.TypeError, "Invalid shape %s for image data", s.s);
    sb_free(&s);
    return -1;
}

static int check_size(VM *vm, const ArrObj *a) {
    int64_t h = a->shape[0], w = a->shape[1];
    if (h == 0 || w == 0) {
        SBuf s = SBUF_INIT;
        shape_text(a, &s);
        vm_raise(vm, vm->E.ValueError, "cannot show an empty image of shape %s", s.s);
        sb_free(&s);
        return -1;
    }
    if (h > PNG_MAX_PIXELS / w) {
        vm_raise(vm, vm->E.ValueError,
                 "image of %lldx%lld pixels is too large: the limit is %d pixels (50 megapixels)",
                 (long long)w, (long long)h, PNG_MAX_PIXELS);
        return -1;
    }
    return 0;
}

static inline const char *at(const ArrObj *a, int64_t y, int64_t x, int64_t c) {
    return a->data + y * a->strides[0] + x * a->strides[1] + (a->ndim == 3 ? c * a->strides[2] : 0);
}

/* A float in [0, 1] to a byte the way matplotlib does for RGB data: (x * 255).astype(uint8)
 * after clipping. */
static inline unsigned char unit_byte(double x) {
    if (!(x > 0)) return 0;
    return x >= 1 ? 255 : (unsigned char)(x * 255);
}

static inline unsigned char int_byte(double x) {
    return x <= 0 ? 0 : x >= 255 ? 255 : (unsigned char)x;
}

/* (h, w, 3|4) data, or 2-D data shown raw: copied per channel. */
static void direct_pixels(const ArrObj *a, ImgPixels *o) {
    int isfloat = arr_dtypes[a->dtype].kind == 'f', u8 = a->dtype == DT_UINT8;
    unsigned char *p = o->px;
    for (int64_t y = 0; y < o->h; y++)
        for (int64_t x = 0; x < o->w; x++)
            for (int c = 0; c < o->ch; c++) {
                const char *q = at(a, y, x, c);
                double d = u8 ? 0 : dt_to_double(a->dtype, q);
                *p++ = u8 ? *(const unsigned char *)q : isfloat ? unit_byte(d) : int_byte(d);
            }
}

/* The finite minimum and maximum of 2-D data, for vmin/vmax left unset. */
static void data_range(const ArrObj *a, double *lo, double *hi) {
    double mn = INFINITY, mx = -INFINITY;
    for (int64_t y = 0; y < a->shape[0]; y++)
        for (int64_t x = 0; x < a->shape[1]; x++) {
            double d = dt_to_double(a->dtype, at(a, y, x, 0));
            if (isfinite(d)) {
                if (d < mn) mn = d;
                if (d > mx) mx = d;
            }
        }
    if (mn > mx) mn = mx = 0;
    if (isnan(*lo)) *lo = mn;
    if (isnan(*hi)) *hi = mx;
}

/* Does the 2-D data hold a NaN (drawn transparent, matplotlib's "bad" colour)? */
static int has_nan(const ArrObj *a) {
    if (arr_dtypes[a->dtype].kind != 'f') return 0;
    for (int64_t y = 0; y < a->shape[0]; y++)
        for (int64_t x = 0; x < a->shape[1]; x++)
            if (isnan(dt_to_double(a->dtype, at(a, y, x, 0)))) return 1;
    return 0;
}

/* Normalize(vmin, vmax) then the colour map's lookup: index floor(x * 256), x == 1 → 255,
 * below 0 → the first colour, above 1 → the last, NaN → transparent. */
static void mapped_pixels(const ArrObj *a, double lo, double hi, unsigned char lut[256][3],
                          ImgPixels *o) {
    unsigned char *p = o->px;
    double scale = hi > lo ? 1.0 / (hi - lo) : 0;
    for (int64_t y = 0; y < o->h; y++)
        for (int64_t x = 0; x < o->w; x++) {
            double d = dt_to_double(a->dtype, at(a, y, x, 0));
            double t = (d - lo) * scale * 256;
            int k = isnan(d) ? -1 : t < 0 ? 0 : t >= 255 ? 255 : (int)t;
            if (o->ch == 1) {
                *p++ = lut[k][0];
                continue;
            }
            for (int c = 0; c < 3; c++) *p++ = k < 0 ? 0 : lut[k][c];
            if (o->ch == 4) *p++ = k < 0 ? 0 : 255;
        }
}

static int colour_mapped(VM *vm, const ArrObj *a, const ImgOpts *opt, ImgPixels *o) {
    unsigned char lut[256][3];
    const char *name = opt->cmap ? opt->cmap : "viridis";
    if (cmap_get(name, lut)) {
        vm_raise(vm, vm->E.ValueError,
                 "'%s' is not a valid value for cmap; supported values "
                 "are %s (and their reversed '_r' forms)",
                 name, cmap_names());
        return -1;
    }
    double lo = opt->vmin, hi = opt->vmax;
    if (isnan(lo) || isnan(hi)) data_range(a, &lo, &hi);
    int gray = !strcmp(name, "gray") || !strcmp(name, "Greys_r");
    o->ch = has_nan(a) ? 4 : gray ? 1 : 3;
    if (!(o->px = malloc((size_t)o->w * (size_t)o->h * (size_t)o->ch))) return vm_nomem(vm), -1;
    mapped_pixels(a, lo, hi, lut, o);
    return 0;
}

int img_from_value(VM *vm, Value v, const ImgOpts *opt, ImgPixels *out) {
    memset(out, 0, sizeof *out);
    if (img_need_numpy(vm)) return -1;
    ArrObj *a = arr_from_any(vm, v, -1);
    if (!a) return -1;
    int r = -1;
    if (check_shape(vm, a) || check_size(vm, a)) goto done;
    out->h = (int)a->shape[0];
    out->w = (int)a->shape[1];
    if (a->ndim == 2 && !opt->raw) {
        r = colour_mapped(vm, a, opt, out);
        goto done;
    }
    out->ch = a->ndim == 2 ? 1 : (int)a->shape[2];
    if (!(out->px = malloc((size_t)out->w * (size_t)out->h * (size_t)out->ch))) {
        vm_nomem(vm);
        goto done;
    }
    direct_pixels(a, out);
    r = 0;
done:
    decref(v_obj(a));
    if (r) img_free(out);
    return r;
}

int img_png(VM *vm, const ImgPixels *px, SBuf *out) {
    int r = png_encode(px->px, px->w, px->h, px->ch, (size_t)px->w * (size_t)px->ch, out);
    if (r == -2) {
        vm_raise(vm, vm->E.ValueError, "cannot encode an image of %dx%d pixels", px->w, px->h);
        return -1;
    }
    if (r) vm_nomem(vm);
    return r;
}
