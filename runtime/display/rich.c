/* rich.c: IPython.display's names for Abacus cells. The display objects keep their payload
 * (text, or PNG bytes for images) and give it as their mime bundle; display() publishes
 * bundles through the sink after flushing stdout, keeping the order of outputs. */
#include "rich.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "display.h"
#include "image.h"

/* The kinds of display object: the class name and the mime type of its payload. */
typedef struct RichKind {
    const char *name, *mime;
} RichKind;
static const RichKind KINDS[] = {
    {"HTML", "text/html"},    {"Markdown", "text/markdown"}, {"Latex", "text/latex"},
    {"SVG", "image/svg+xml"}, {"JSON", "application/json"},  {"Image", "image/png"},
};
enum { KIND_IMAGE = 5, NKINDS = 6 };

typedef struct RichObj {
    NativeObj h;
    int kind;
    const char *mime; /* KINDS[kind].mime, or image/jpeg... for Image files */
    char *data;       /* payload (text: NUL-terminated), malloc'd */
    size_t len;
    int width, height; /* Image display size, 0 when not given */
} RichObj;

typedef struct HandleObj {
    NativeObj h;
    char id[64];
} HandleObj;

static void rich_free(VM *vm, Obj *o) {
    (void)vm;
    free(((RichObj *)o)->data);
}

static int rich_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    return sb_printf(out, "<IPython.core.display.%s object>", KINDS[AS(RichObj, self)->kind].name);
}

static int rich_bundle(VM *vm, Value self, ab_bundle *out) {
    RichObj *r = AS(RichObj, self);
    SBuf s = SBUF_INIT;
    rich_repr(vm, self, &s, 0);
    int e = ab_bundle_add(out, "text/plain", s.s, s.len)
            || ab_bundle_add(out, r->mime, r->data, r->len);
    sb_free(&s);
    if (e) return vm_nomem(vm), -1;
    out->width = r->width;
    out->height = r->height;
    return 0;
}

static Value rich_getattr(VM *vm, Value self, StrObj *name) {
    RichObj *r = AS(RichObj, self);
    if (!strcmp(name->s, "data"))
        return r->kind == KIND_IMAGE ? v_none() : str_value(vm, r->data, r->len);
    if (!strcmp(name->s, "width") || !strcmp(name->s, "height")) {
        int v = name->s[0] == 'w' ? r->width : r->height;
        return v ? v_int(v) : v_none();
    }
    return v_null();
}

static const NativeOps RICH_OPS = {
    .free = rich_free,
    .repr = rich_repr,
    .getattr = rich_getattr,
    .bundle = rich_bundle,
};

static RichObj *rich_new(VM *vm, TypeObj *t, int kind) {
    RichObj *r = calloc(1, sizeof *r);
    if (!r) return vm_nomem(vm), NULL;
    r->h.h.rc = 1;
    r->h.h.k = K_NATIVE;
    r->h.type = t;
    incref(v_obj(t));
    r->kind = kind;
    r->mime = KINDS[kind].mime;
    return r;
}

/* Reads a whole file into r's payload. OSError like open() when it cannot. */
static int read_file(VM *vm, RichObj *r, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        vm_raise(vm, vm->E.OSError, "[Errno 2] No such file or directory: '%s'", path);
        return -1;
    }
    SBuf b = SBUF_INIT;
    char buf[65536];
    size_t n;
    int err = 0;
    while (!err && (n = fread(buf, 1, sizeof buf, f)) > 0) err = sb_putn(&b, buf, n);
    fclose(f);
    if (err) return sb_free(&b), vm_nomem(vm), -1;
    r->len = b.len;
    r->data = sb_take(&b);
    return 0;
}

static int set_text(VM *vm, RichObj *r, Value data, Value filename) {
    if (!IS_NULL(filename) && filename.tag != T_NONE) {
        if (!IS_KIND(filename, K_STR))
            return vm_raise(vm, vm->E.TypeError, "filename must be a str"), -1;
        return read_file(vm, r, AS(StrObj, filename)->s);
    }
    SBuf b = SBUF_INIT;
    if (!IS_NULL(data) && data.tag != T_NONE) {
        int e = IS_KIND(data, K_STR) ? sb_putn(&b, AS(StrObj, data)->s, AS(StrObj, data)->len)
                                     : obj_str_sb(vm, data, &b);
        if (e) return sb_free(&b), -1;
    }
    r->len = b.len;
    r->data = sb_take(&b);
    return r->data ? 0 : (vm_nomem(vm), -1);
}

/* HTML(data=None, url=None, filename=None, metadata=None) and the other text kinds. */
static Value text_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    TypeObj *t = AS(TypeObj, argv[0]);
    int kind = 0;
    while (kind < NKINDS - 1 && strcmp(KINDS[kind].name, t->name)) kind++;
    Value a[5];
    if (arg_parse(vm, t->name, "cls|data,url,filename,metadata", argc, argv, kw, a)) return ERRV;
    RichObj *r = rich_new(vm, t, kind);
    if (!r) return ERRV;
    if (set_text(vm, r, a[1], a[3])) return decref(v_obj(r)), ERRV;
    return v_obj(r);
}

static const char *image_mime(const char *p, size_t n) {
    if (n >= 8 && !memcmp(p, "\x89PNG", 4)) return "image/png";
    if (n >= 3 && !memcmp(p, "\xff\xd8\xff", 3)) return "image/jpeg";
    if (n >= 6 && !memcmp(p, "GIF8", 4)) return "image/gif";
    return memmem(p, n < 1024 ? n : 1024, "<svg", 4) ? "image/svg+xml" : NULL;
}

/* The pixel size of a PNG file (from IHDR), 0 when unknown. */
static void png_size(const RichObj *r, int *w, int *h) {
    const unsigned char *p = (const unsigned char *)r->data;
    if (strcmp(r->mime, "image/png") || r->len < 24) return;
    *w = (int)((uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19]);
    *h = (int)((uint32_t)p[20] << 24 | (uint32_t)p[21] << 16 | (uint32_t)p[22] << 8 | p[23]);
}

static int image_data(VM *vm, RichObj *r, Value data, Value filename) {
    if (IS_NULL(filename) || filename.tag == T_NONE)
        filename = IS_KIND(data, K_STR) ? data : filename;
    if (IS_KIND(filename, K_STR)) {
        if (read_file(vm, r, AS(StrObj, filename)->s)) return -1;
        if (!(r->mime = image_mime(r->data, r->len)))
            return vm_raise(vm, vm->E.ValueError,
                            "Cannot infer image type from '%s': not PNG, "
                            "JPEG, GIF or SVG",
                            AS(StrObj, filename)->s),
                   -1;
        return 0;
    }
    if (IS_NULL(data) || data.tag == T_NONE)
        return vm_raise(vm, vm->E.ValueError,
                        "No image data found. Expecting an array, or "
                        "filename"),
               -1;
    ImgOpts o = {NULL, NAN, NAN, 1};
    ImgPixels px;
    if (img_from_value(vm, data, &o, &px)) return -1;
    SBuf b = SBUF_INIT;
    int e = img_png(vm, &px, &b);
    img_free(&px);
    if (e) return sb_free(&b), -1;
    r->len = b.len;
    r->data = sb_take(&b);
    return 0;
}

static int opt_int(VM *vm, Value v, int *out, const char *what) {
    if (IS_NULL(v) || v.tag == T_NONE) return 0;
    int64_t i;
    if (obj_index(vm, v, &i, what)) return -1;
    if (i < 0 || i > 100000) return vm_raise(vm, vm->E.ValueError, "%s out of range", what), -1;
    *out = (int)i;
    return 0;
}

/* Image(data=None, url=None, filename=None, format=None, embed=None, width=None,
 * height=None, ...): data is an array (h, w), (h, w, 3) or (h, w, 4) or a file name. The
 * frontend needs both sizes in the metadata: one given alone gets the other from the aspect. */
static Value image_ctor(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[11];
    if (arg_parse(vm, "Image",
                  "cls|data,url,filename,format,embed,width,height,retina,"
                  "unconfined,metadata",
                  argc, argv, kw, a))
        return ERRV;
    RichObj *r = rich_new(vm, AS(TypeObj, argv[0]), KIND_IMAGE);
    if (!r) return ERRV;
    int w = 0, h = 0, pw = 0, ph = 0;
    if (image_data(vm, r, a[1], a[3]) || opt_int(vm, a[6], &w, "width")
        || opt_int(vm, a[7], &h, "height"))
        return decref(v_obj(r)), ERRV;
    png_size(r, &pw, &ph);
    if (w && !h && pw) h = (int)((int64_t)w * ph / pw);
    if (h && !w && ph) w = (int)((int64_t)h * pw / ph);
    r->width = w;
    r->height = h;
    return v_obj(r);
}

/* ---------------------------------------------------------------- display handles */

static int handle_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    return sb_printf(out, "<DisplayHandle display_id=%s>", AS(HandleObj, self)->id);
}

static Value handle_getattr(VM *vm, Value self, StrObj *name) {
    if (!strcmp(name->s, "display_id")) return str_cstr(vm, AS(HandleObj, self)->id);
    return v_null();
}

static const NativeOps HANDLE_OPS = {.repr = handle_repr, .getattr = handle_getattr};

static Value handle_new(VM *vm, const char *id) {
    Value t = dict_get_str(vm->builtins, str_intern(vm, "DisplayHandle", 13));
    if (!IS_KIND(t, K_TYPE)) return vm_raise(vm, vm->E.RuntimeError, "DisplayHandle is gone");
    HandleObj *h = calloc(1, sizeof *h);
    if (!h) return vm_nomem(vm);
    h->h.h.rc = 1;
    h->h.h.k = K_NATIVE;
    h->h.type = AS(TypeObj, t);
    incref(t);
    snprintf(h->id, sizeof h->id, "%s", id);
    return v_obj(h);
}

/* A fresh id like IPython's uuid4().hex. */
static void new_display_id(char id[33]) {
    unsigned char r[16] = {0};
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        memcpy(r, &t, sizeof t < sizeof r ? sizeof t : sizeof r);
    }
    r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);
    r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
    for (int i = 0; i < 16; i++) snprintf(id + 2 * i, 3, "%02x", r[i]);
}

static Value handle_display(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "display", "self,obj", argc, argv, kw, a)) return ERRV;
    return rich_display_value(vm, a[1], AS(HandleObj, a[0])->id, 0) ? ERRV : v_none();
}

static Value handle_update(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "update", "self,obj", argc, argv, kw, a)) return ERRV;
    return rich_display_value(vm, a[1], AS(HandleObj, a[0])->id, 1) ? ERRV : v_none();
}

static const BuiltinDef HANDLE_METHODS[] = {
    {"display", handle_display, "(obj)", "Shows obj as a new output carrying this display id."},
    {"update", handle_update, "(obj)", "Replaces every output with this display id by obj."},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- functions */

int rich_display_value(VM *vm, Value v, const char *display_id, int update) {
    ab_bundle b = {0};
    if (disp_bundle(vm, v, &b)) {
        ab_bundle_clear(&b);
        return -1;
    }
    disp_publish(vm, &b, display_id, update);
    ab_bundle_clear(&b);
    return 0;
}

/* The display id a display_id= argument names: a str, True (a new id) or None/absent. */
static int display_id_of(VM *vm, Value v, char id[64], int *given) {
    *given = 0;
    if (IS_NULL(v) || v.tag == T_NONE || (v.tag == T_BOOL && !v.u.i)) return 0;
    *given = 1;
    if (v.tag == T_BOOL) {
        new_display_id(id);
        return 0;
    }
    SBuf s = SBUF_INIT;
    if (IS_KIND(v, K_STR) ? sb_puts(&s, AS(StrObj, v)->s) : obj_str_sb(vm, v, &s))
        return sb_free(&s), -1;
    snprintf(id, 64, "%s", s.s ? s.s : "");
    sb_free(&s);
    return 0;
}

static Value kw_find(const KwArgs *kw, const char *name) {
    for (int k = 0; kw && k < kw->n; k++)
        if (!strcmp(AS(StrObj, kw->names[k])->s, name)) return kw->values[k];
    return v_null();
}

static int check_kw(VM *vm, const char *fname, const KwArgs *kw, const char *const *allowed) {
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = AS(StrObj, kw->names[k])->s;
        const char *const *p = allowed;
        while (*p && strcmp(*p, name)) p++;
        if (!*p) {
            vm_raise(vm, vm->E.TypeError, "%s() got an unexpected keyword argument '%s'", fname,
                     name);
            return -1;
        }
    }
    return 0;
}

/* display(*objs, include=None, exclude=None, metadata=None, transient=None, display_id=None,
 * raw=False, clear=False, update=False): IPython's; returns a DisplayHandle when a display
 * id is given, None otherwise. */
static Value bi_display(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *const ALLOWED[]
        = {"include", "exclude", "metadata", "transient", "display_id",
           "raw",     "clear",   "update",   NULL};
    if (check_kw(vm, "display", kw, ALLOWED)) return ERRV;
    char id[64] = "";
    int given, update = 0, clear = 0;
    if (display_id_of(vm, kw_find(kw, "display_id"), id, &given)) return ERRV;
    Value u = kw_find(kw, "update"), c = kw_find(kw, "clear");
    if ((!IS_NULL(u) && (update = obj_truth(vm, u)) < 0)
        || (!IS_NULL(c) && (clear = obj_truth(vm, c)) < 0))
        return ERRV;
    if (update && !given)
        return vm_raise(vm, vm->E.TypeError, "display_id required for update_display");
    if (clear) {
        vm_flush(vm);
        if (vm->sink && vm->sink->clear_output) vm->sink->clear_output(vm->sink->ctx, 1);
    }
    for (int i = 0; i < argc; i++)
        if (rich_display_value(vm, argv[i], given ? id : NULL, update)) return ERRV;
    return given && !update ? handle_new(vm, id) : v_none();
}

/* update_display(obj, *, display_id, **kwargs) */
static Value bi_update_display(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[2];
    if (arg_parse(vm, "update_display", "obj|$display_id", argc, argv, kw, a)) return ERRV;
    if (IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError,
                        "update_display() missing 1 required keyword-only "
                        "argument: 'display_id'");
    char id[64] = "";
    int given;
    if (display_id_of(vm, a[1], id, &given)) return ERRV;
    return rich_display_value(vm, a[0], given ? id : NULL, given) ? ERRV : v_none();
}

/* clear_output(wait=False) */
static Value bi_clear_output(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "clear_output", "|wait", argc, argv, kw, a)) return ERRV;
    int wait = IS_NULL(a[0]) ? 0 : obj_truth(vm, a[0]);
    if (wait < 0) return ERRV;
    vm_flush(vm);
    if (vm->sink && vm->sink->clear_output) vm->sink->clear_output(vm->sink->ctx, wait);
    return v_none();
}

static int opt_double(VM *vm, Value v, double *out) {
    if (IS_NULL(v) || v.tag == T_NONE) return 0;
    return obj_to_double(vm, v, out);
}

/* imshow(X, cmap=None, vmin=None, vmax=None): shows an array as a PNG image at its own size
 * (one pixel per element) right away; matplotlib's colour mapping and scaling rules. */
static Value bi_imshow(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (arg_parse(vm, "imshow", "X|cmap,vmin,vmax", argc, argv, kw, a)) return ERRV;
    ImgOpts o = {NULL, NAN, NAN, 0};
    if (!IS_NULL(a[1]) && a[1].tag != T_NONE) {
        if (!IS_KIND(a[1], K_STR)) return vm_raise(vm, vm->E.TypeError, "cmap must be a str");
        o.cmap = AS(StrObj, a[1])->s;
    }
    if (opt_double(vm, a[2], &o.vmin) || opt_double(vm, a[3], &o.vmax)) return ERRV;
    ImgPixels px;
    if (img_from_value(vm, a[0], &o, &px)) return ERRV;
    SBuf png = SBUF_INIT;
    int e = img_png(vm, &px, &png);
    ab_bundle b = {0};
    if (!e
        && (ab_bundle_add(&b, "image/png", png.s, png.len)
            || ab_bundle_add(&b, "text/plain", "<IPython.core.display.Image object>", 35)))
        e = -1, vm_nomem(vm);
    b.width = px.w;
    b.height = px.h;
    img_free(&px);
    sb_free(&png);
    if (!e) disp_publish(vm, &b, NULL, 0);
    ab_bundle_clear(&b);
    return e ? ERRV : v_none();
}

static const BuiltinDef FUNCS[] = {
    {"display", bi_display, "(*objs, display_id=None, clear=False, update=False)",
     "Shows each object as rich output (display_data); with display_id, returns a handle."},
    {"update_display", bi_update_display, "(obj, *, display_id)",
     "Replaces the outputs shown with display_id by obj."},
    {"clear_output", bi_clear_output, "(wait=False)",
     "Clears the cell's output (wait: when the next output arrives)."},
    {"imshow", bi_imshow, "(X, cmap=None, vmin=None, vmax=None)",
     "Shows a (h, w), (h, w, 3) or (h, w, 4) array as a PNG image."},
    {NULL, NULL, NULL, NULL},
};

static int add_type(VM *vm, const char *name, const NativeOps *ops, const char *doc,
                    Value (*ctor)(VM *, int, const Value *, const KwArgs *), TypeObj **out) {
    TypeObj *t = type_new(vm, name, vm->t_object, K_NATIVE);
    if (!t) return -1;
    t->module = "IPython.core.display";
    t->ops = ops;
    t->doc = doc;
    t->ctor = ctor;
    int r = dict_set_str(vm, vm->builtins, name, v_obj(t));
    if (out) *out = t;
    decref(v_obj(t));
    return r;
}

int rich_init(VM *vm) {
    for (const BuiltinDef *d = FUNCS; d->name; d++) {
        Value f = builtin_new(vm, d, v_null(), "builtins");
        if (IS_ERR(f) || dict_set_str(vm, vm->builtins, d->name, f)) return -1;
        decref(f);
    }
    for (int k = 0; k < NKINDS; k++)
        if (add_type(vm, KINDS[k].name, &RICH_OPS, "A value shown as its mime type.",
                     k == KIND_IMAGE ? image_ctor : text_ctor, NULL))
            return -1;
    TypeObj *h;
    if (add_type(vm, "DisplayHandle", &HANDLE_OPS, "A handle on a display id.", NULL, &h))
        return -1;
    return type_add_methods(vm, h, HANDLE_METHODS);
}
