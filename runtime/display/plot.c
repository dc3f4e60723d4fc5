/* plot.c: the modules matplotlib and matplotlib.pyplot. pyplot keeps the open figures in a state
 * object stored in its module dict; its drawing functions apply to the current axes (gca) and
 * open a figure when there is none. Figures show as image/svg+xml (image/png when
 * rcParams['figure.format'] is 'png', drawn by raster.c at rcParams['figure.dpi']): once at the
 * end of the cell (plot_cell_end), or at show(), which then closes them, as IPython's inline
 * backend does. */
#include "plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "figure.h"
#include "png.h"
#include "raster.h"

typedef struct PltState {
    NativeObj h;
    ListObj *figs; /* open FigureObj values, the current one last */
    int next_num;
    TypeObj *t_fig, *t_axes, *t_grid;
} PltState;

/* A grid of Axes from subplots(): 1-D or 2-D, indexable like NumPy's object arrays. */
typedef struct GridObj {
    NativeObj h;
    ListObj *axes; /* row-major */
    int nrows, ncols, ndim;
} GridObj;

static void state_free(VM *vm, Obj *o) {
    PltState *s = (PltState *)o;
    decref(v_obj(s->figs));
    decref(v_obj(s->t_fig));
    decref(v_obj(s->t_axes));
    decref(v_obj(s->t_grid));
}

static const NativeOps STATE_OPS = {.free = state_free};

/* The pyplot state, or NULL when pyplot was never imported (no raise). */
static PltState *state_of(VM *vm) {
    Value m = dict_get_str(vm->modules, str_intern(vm, "matplotlib.pyplot", 17));
    if (!IS_KIND(m, K_MODULE)) return NULL;
    Value s = dict_get_str(AS(ModuleObj, m)->dict, str_intern(vm, "_state", 6));
    return IS_KIND(s, K_NATIVE) && AS(NativeObj, s)->type->ops == &STATE_OPS ? AS(PltState, s)
                                                                             : NULL;
}

static PltState *need_state(VM *vm) {
    PltState *s = state_of(vm);
    if (!s) vm_raise(vm, vm->E.RuntimeError, "matplotlib.pyplot is not imported");
    return s;
}

/* ---------------------------------------------------------------- figures */

static void fig_free(VM *vm, Obj *o) {
    FigureObj *f = (FigureObj *)o;
    decref(v_obj(f->axes));
    free(f->suptitle);
}

static int fig_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    const FigureObj *f = AS(FigureObj, self);
    size_t n = f->axes->len;
    return sb_printf(out, "<Figure size %gx%g with %zu Axes>", round(f->width * 100),
                     round(f->height * 100), n);
}

/* matplotlib.rcParams[key] (borrowed), or T_NULL when it is not set. */
static Value rc_get(VM *vm, const char *key) {
    StrObj *mk = str_intern(vm, "matplotlib", 10), *rk = str_intern(vm, "rcParams", 8);
    StrObj *kk = str_intern(vm, key, strlen(key));
    if (!mk || !rk || !kk) return v_null();
    Value m = dict_get_str(vm->modules, mk);
    if (!IS_KIND(m, K_MODULE)) return v_null();
    Value rc = dict_get_str(AS(ModuleObj, m)->dict, rk);
    return IS_KIND(rc, K_DICT) ? dict_get_str(AS(DictObj, rc), kk) : v_null();
}

/* Figures show as PNG when rcParams['figure.format'] is 'png' (IPython's figure_format). */
static int rc_wants_png(VM *vm) {
    Value f = rc_get(vm, "figure.format");
    return IS_KIND(f, K_STR) && !strcmp(AS(StrObj, f)->s, "png");
}

/* The dots per inch of PNG output: v when given (not None), else rcParams['figure.dpi'] (100).
 * 0, or -1 (raised: not a positive number). */
static int fig_dpi(VM *vm, Value v, double *dpi) {
    *dpi = 100;
    if (IS_NULL(v) || v.tag == T_NONE) v = rc_get(vm, "figure.dpi");
    if (IS_NULL(v) || v.tag == T_NONE) return 0;
    if (obj_to_double(vm, v, dpi)) return -1;
    if (!(*dpi > 0) || !isfinite(*dpi))
        return vm_raise(vm, vm->E.ValueError, "dpi must be a positive number, not %g", *dpi), -1;
    return 0;
}

/* The PNG of a figure at dpi (appended to out); w, h its size in pixels. 0 or -1 (raised). */
static int fig_png(VM *vm, const FigureObj *f, double dpi, SBuf *out, int *w, int *h) {
    SBuf svg = SBUF_INIT;
    if (svg_render(vm, f, 0, &svg)) return sb_free(&svg), -1;
    int e = raster_svg_png(svg.s, svg.len, dpi / 72, out, w, h);
    sb_free(&svg);
    if (e == -2)
        return vm_raise(vm, vm->E.ValueError,
                        "a %gx%g in figure at dpi %g is outside PNG's range (1 to %d pixels)",
                        f->width, f->height, dpi, (int)PNG_MAX_PIXELS),
               -1;
    if (e) return vm_nomem(vm), -1;
    return 0;
}

static int fig_bundle(VM *vm, Value self, ab_bundle *out) {
    SBuf img = SBUF_INIT, txt = SBUF_INIT;
    int png = rc_wants_png(vm), w = 0, h = 0, e;
    double dpi = 100;
    if (png)
        e = fig_dpi(vm, v_null(), &dpi) || fig_png(vm, AS(FigureObj, self), dpi, &img, &w, &h);
    else
        e = svg_render(vm, AS(FigureObj, self), 0, &img);
    if (!e) fig_repr(vm, self, &txt, 0);
    if (!e && (ab_bundle_add(out, "text/plain", txt.s, txt.len) ||
               ab_bundle_add(out, png ? "image/png" : "image/svg+xml", img.s, img.len)))
        e = -1, vm_nomem(vm);
    if (!e && png) out->width = w, out->height = h;
    sb_free(&img);
    sb_free(&txt);
    return e;
}

static Value fig_getattr(VM *vm, Value self, StrObj *name) {
    FigureObj *f = AS(FigureObj, self);
    if (!strcmp(name->s, "axes")) {
        ListObj *l = list_new(vm, 0);
        if (!l || list_extend(vm, l, v_obj(f->axes))) return l ? (decref(v_obj(l)), ERRV) : ERRV;
        return v_obj(l);
    }
    if (!strcmp(name->s, "number")) return v_int(f->num);
    return v_null();
}

static const NativeOps FIG_OPS
    = {.free = fig_free, .repr = fig_repr, .getattr = fig_getattr, .bundle = fig_bundle};

static FigureObj *as_fig(VM *vm, Value v) {
    if (IS_KIND(v, K_NATIVE) && AS(NativeObj, v)->type->ops == &FIG_OPS) return AS(FigureObj, v);
    vm_raise(vm, vm->E.TypeError, "expected a Figure, not %s", type_name(vm, v));
    return NULL;
}

/* A new figure, made current (the state's list keeps it). Borrowed result; NULL raised. */
static FigureObj *fig_open(VM *vm, PltState *st, double w, double h) {
    FigureObj *f = calloc(1, sizeof *f);
    if (!f) return vm_nomem(vm), NULL;
    f->h.h.rc = 1;
    f->h.h.k = K_NATIVE;
    f->h.type = st->t_fig;
    incref(v_obj(st->t_fig));
    f->width = w;
    f->height = h;
    f->num = ++st->next_num;
    int e = !(f->axes = list_new(vm, 0)) || list_append(vm, st->figs, v_obj(f));
    decref(v_obj(f));
    return e ? NULL : f;
}

/* The current figure, opened when there is none (borrowed). */
static FigureObj *gcf(VM *vm, PltState *st) {
    if (st->figs->len) return AS(FigureObj, st->figs->items[st->figs->len - 1]);
    return fig_open(vm, st, 6.4, 4.8);
}

/* matplotlib's default subplot parameters, with a little more room between panels so that
 * titles and labels of neighbours do not collide. */
static void cell_box(int nrows, int ncols, int r, int c, double box[4]) {
    const double left = 0.125, right = 0.9, bottom = 0.11, top = 0.88;
    double ws = ncols > 1 ? 0.3 : 0, hs = nrows > 1 ? 0.45 : 0;
    double cw = (right - left) / (ncols + ws * (ncols - 1));
    double ch = (top - bottom) / (nrows + hs * (nrows - 1));
    box[0] = left + c * cw * (1 + ws);
    box[1] = top - (r + 1) * ch - r * ch * hs;
    box[2] = cw;
    box[3] = ch;
}

/* Adds an Axes at box to f (or returns the one already there), making it current. */
static AxesObj *fig_axes_at(VM *vm, PltState *st, FigureObj *f, const double box[4]) {
    for (size_t i = 0; i < f->axes->len; i++) {
        AxesObj *ax = AS(AxesObj, f->axes->items[i]);
        if (!memcmp(ax->box, box, sizeof ax->box)) {
            f->cur_ax = (int)i;
            return ax;
        }
    }
    AxesObj *ax = axes_new(vm, st->t_axes, box);
    if (!ax) return NULL;
    int e = list_append(vm, f->axes, v_obj(ax));
    decref(v_obj(ax));
    f->cur_ax = (int)f->axes->len - 1;
    return e ? NULL : ax;
}

static AxesObj *gca(VM *vm, PltState *st) {
    FigureObj *f = gcf(vm, st);
    if (!f) return NULL;
    if (f->axes->len) return AS(AxesObj, f->axes->items[f->cur_ax]);
    double box[4];
    cell_box(1, 1, 0, 0, box);
    return fig_axes_at(vm, st, f, box);
}

static int publish_fig(VM *vm, FigureObj *f) {
    if (!f->axes->len) return 0; /* an empty figure shows nothing, as in IPython */
    ab_bundle b = {0};
    int e = fig_bundle(vm, v_obj(f), &b);
    if (!e) disp_publish(vm, &b, NULL, 0);
    ab_bundle_clear(&b);
    return e;
}

/* Shows every open figure and closes them all. */
static int show_all(VM *vm, PltState *st) {
    ListObj *figs = st->figs;
    int e = 0;
    for (size_t i = 0; i < figs->len && !e; i++) e = publish_fig(vm, AS(FigureObj, figs->items[i]));
    while (figs->len) decref(figs->items[--figs->len]);
    return e;
}

void plot_cell_end(VM *vm) {
    PltState *st = state_of(vm);
    if (!st || !st->figs->len) return;
    if (show_all(vm, st)) {
        Value exc = vm_take_exc(vm);
        SBuf s = SBUF_INIT;
        sb_puts(&s, "error while showing a figure: ");
        if (obj_str_sb(vm, exc, &s)) decref(vm_take_exc(vm));
        sb_putc(&s, '\n');
        vm_write(vm, "stderr", s.s, s.len);
        vm_flush(vm);
        sb_free(&s);
        decref(exc);
    }
}

/* ---------------------------------------------------------------- axes grids */

static void grid_free(VM *vm, Obj *o) { decref(v_obj(((GridObj *)o)->axes)); }

static int grid_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)str;
    GridObj *g = AS(GridObj, self);
    sb_puts(out, "array([");
    for (size_t i = 0; i < g->axes->len; i++) {
        if (i) sb_puts(out, g->ndim == 2 && i % (size_t)g->ncols == 0 ? "],\n       [" : ", ");
        if (g->ndim == 2 && i == 0) sb_putc(out, '[');
        if (obj_repr_sb(vm, g->axes->items[i], out)) return -1;
    }
    return sb_puts(out, g->ndim == 2 ? "]], dtype=object)" : "], dtype=object)");
}

static Value grid_new(VM *vm, PltState *st, ListObj *axes, int nrows, int ncols, int ndim);

static Value grid_row(VM *vm, GridObj *g, int64_t r) {
    ListObj *l = list_new(vm, 0);
    if (!l) return ERRV;
    for (int c = 0; c < g->ncols; c++)
        if (list_append(vm, l, g->axes->items[r * g->ncols + c])) return decref(v_obj(l)), ERRV;
    PltState *st = need_state(vm);
    Value v = st ? grid_new(vm, st, l, 1, g->ncols, 1) : ERRV;
    decref(v_obj(l));
    return v;
}

static int grid_index(VM *vm, Value k, int64_t n, int64_t *out) {
    if (obj_index(vm, k, out, "only integers are valid indices")) return -1;
    if (*out < 0) *out += n;
    if (*out < 0 || *out >= n) {
        vm_raise(vm, vm->E.IndexError, "index %lld is out of bounds for axis 0 with size %lld",
                 (long long)*out, (long long)n);
        return -1;
    }
    return 0;
}

static Value grid_getitem(VM *vm, Value self, Value key) {
    GridObj *g = AS(GridObj, self);
    int64_t r, c;
    if (IS_KIND(key, K_TUPLE) && AS(ListObj, key)->len == 2 && g->ndim == 2) {
        if (grid_index(vm, AS(ListObj, key)->items[0], g->nrows, &r)
            || grid_index(vm, AS(ListObj, key)->items[1], g->ncols, &c))
            return ERRV;
        return vref(g->axes->items[r * g->ncols + c]);
    }
    if (grid_index(vm, key, g->ndim == 2 ? g->nrows : (int64_t)g->axes->len, &r)) return ERRV;
    return g->ndim == 2 ? grid_row(vm, g, r) : vref(g->axes->items[r]);
}

static Value grid_rows(VM *vm, GridObj *g) {
    if (g->ndim == 1) return vref(v_obj(g->axes));
    ListObj *l = list_new(vm, 0);
    for (int r = 0; l && r < g->nrows; r++) {
        Value row = grid_row(vm, g, r);
        if (IS_ERR(row) || list_append(vm, l, row)) return decref(v_obj(l)), ERRV;
        decref(row);
    }
    return l ? v_obj(l) : ERRV;
}

static Value grid_iter(VM *vm, Value self) {
    Value rows = grid_rows(vm, AS(GridObj, self));
    if (IS_ERR(rows)) return rows;
    Value it = obj_iter(vm, rows);
    decref(rows);
    return it;
}

static Value grid_len(VM *vm, Value self) {
    (void)vm;
    GridObj *g = AS(GridObj, self);
    return v_int(g->ndim == 2 ? g->nrows : (int64_t)g->axes->len);
}

static Value grid_flat(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    ListObj *l = list_new(vm, 0);
    if (!l || list_extend(vm, l, v_obj(AS(GridObj, argv[0])->axes)))
        return l ? (decref(v_obj(l)), ERRV) : ERRV;
    return v_obj(l);
}

static Value grid_getattr(VM *vm, Value self, StrObj *name) {
    GridObj *g = AS(GridObj, self);
    if (!strcmp(name->s, "flat")) return grid_flat(vm, 1, &self, NULL);
    if (!strcmp(name->s, "shape"))
        return g->ndim == 2 ? tuple_pack(vm, 2, v_int(g->nrows), v_int(g->ncols))
                            : tuple_pack(vm, 1, v_int((int64_t)g->axes->len));
    if (!strcmp(name->s, "size")) return v_int((int64_t)g->axes->len);
    if (!strcmp(name->s, "ndim")) return v_int(g->ndim);
    return v_null();
}

static const NativeOps GRID_OPS = {.free = grid_free,
                                   .repr = grid_repr,
                                   .getattr = grid_getattr,
                                   .getitem = grid_getitem,
                                   .iter = grid_iter,
                                   .len = grid_len};

static const BuiltinDef GRID_METHODS[] = {
    {"ravel", grid_flat, "()", "The axes as a flat list."},
    {"flatten", grid_flat, "()", "The axes as a flat list."},
    {NULL, NULL, NULL, NULL},
};

static Value grid_new(VM *vm, PltState *st, ListObj *axes, int nrows, int ncols, int ndim) {
    GridObj *g = calloc(1, sizeof *g);
    if (!g) return vm_nomem(vm);
    g->h.h.rc = 1;
    g->h.h.k = K_NATIVE;
    g->h.type = st->t_grid;
    incref(v_obj(st->t_grid));
    g->axes = axes;
    incref(v_obj(axes));
    g->nrows = nrows;
    g->ncols = ncols;
    g->ndim = ndim;
    return v_obj(g);
}

/* ---------------------------------------------------------------- pyplot functions */

static int figsize_of(VM *vm, Value v, double *w, double *h) {
    if (IS_NULL(v) || v.tag == T_NONE) return 0;
    if (!(IS_KIND(v, K_TUPLE) || IS_KIND(v, K_LIST)) || AS(ListObj, v)->len != 2)
        return vm_raise(vm, vm->E.ValueError, "figsize must be a pair (width, height) in inches"),
               -1;
    if (obj_to_double(vm, AS(ListObj, v)->items[0], w)
        || obj_to_double(vm, AS(ListObj, v)->items[1], h))
        return -1;
    if (!(*w > 0 && *h > 0 && *w <= 100 && *h <= 100))
        return vm_raise(vm, vm->E.ValueError,
                        "figure size must be positive finite (at most 100 "
                        "inches), not (%g, %g)",
                        *w, *h),
               -1;
    return 0;
}

/* figure(num=None, figsize=None, dpi=None, ...) */
static Value plt_figure(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "figure", "|num,figsize,dpi,facecolor,edgecolor,frameon", argc, argv, kw, a))
        return ERRV;
    PltState *st = need_state(vm);
    double w = 6.4, h = 4.8;
    if (!st || figsize_of(vm, a[1], &w, &h)) return ERRV;
    if (a[0].tag == T_INT)
        for (size_t i = 0; i < st->figs->len; i++) {
            FigureObj *f = AS(FigureObj, st->figs->items[i]);
            if (f->num != a[0].u.i) continue;
            Value v = vref(v_obj(f)); /* make it current: move it to the end */
            for (size_t j = i; j + 1 < st->figs->len; j++)
                st->figs->items[j] = st->figs->items[j + 1];
            st->figs->items[st->figs->len - 1] = v;
            return vref(v);
        }
    FigureObj *f = fig_open(vm, st, w, h);
    return f ? vref(v_obj(f)) : ERRV;
}

/* Fills a new figure with an nrows x ncols grid; returns (fig, axes) like matplotlib. */
static Value make_subplots(VM *vm, PltState *st, FigureObj *f, int64_t nr, int64_t nc,
                           int squeeze) {
    if (nr < 1 || nc < 1 || nr * nc > 100)
        return vm_raise(vm, vm->E.ValueError,
                        "Number of rows and columns must be positive "
                        "integers (at most 100 axes), not %lld and %lld",
                        (long long)nr, (long long)nc);
    ListObj *l = list_new(vm, 0);
    if (!l) return ERRV;
    for (int r = 0; r < nr; r++)
        for (int c = 0; c < nc; c++) {
            double box[4];
            cell_box((int)nr, (int)nc, r, c, box);
            AxesObj *ax = fig_axes_at(vm, st, f, box);
            if (!ax || list_append(vm, l, v_obj(ax))) return decref(v_obj(l)), ERRV;
        }
    Value axes = squeeze && nr * nc == 1 ? vref(l->items[0])
                                         : grid_new(vm, st, l, (int)nr, (int)nc,
                                                    squeeze && (nr == 1 || nc == 1) ? 1 : 2);
    decref(v_obj(l));
    if (IS_ERR(axes)) return axes;
    Value r = tuple_pack(vm, 2, v_obj(f), axes);
    decref(axes);
    return r;
}

static int64_t int_or(VM *vm, Value v, int64_t dflt, int *err) {
    int64_t i = dflt;
    if (!IS_NULL(v) && v.tag != T_NONE && obj_index(vm, v, &i, "nrows and ncols must be integers"))
        *err = 1;
    return i;
}

/* subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, figsize=None) */
static Value plt_subplots(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[7];
    if (arg_parse(vm, "subplots", "|nrows,ncols,$sharex,sharey,squeeze,figsize,dpi", argc, argv, kw,
                  a))
        return ERRV;
    PltState *st = need_state(vm);
    double w = 6.4, h = 4.8;
    int err = 0, squeeze = IS_NULL(a[4]) ? 1 : obj_truth(vm, a[4]);
    int64_t nr = int_or(vm, a[0], 1, &err), nc = int_or(vm, a[1], 1, &err);
    if (!st || err || squeeze < 0 || figsize_of(vm, a[5], &w, &h)) return ERRV;
    FigureObj *f = fig_open(vm, st, w, h);
    return f ? make_subplots(vm, st, f, nr, nc, squeeze) : ERRV;
}

/* subplot(nrows, ncols, index) or subplot(211) */
static Value add_subplot(VM *vm, PltState *st, FigureObj *f, int argc, const Value *argv) {
    int64_t nr, nc, idx;
    if (argc == 1) {
        int64_t code;
        if (obj_index(vm, argv[0], &code, "subplot code")) return ERRV;
        nr = code / 100, nc = code / 10 % 10, idx = code % 10;
    } else if (argc == 3) {
        if (obj_index(vm, argv[0], &nr, "nrows") || obj_index(vm, argv[1], &nc, "ncols")
            || obj_index(vm, argv[2], &idx, "index"))
            return ERRV;
    } else if (argc == 0) {
        nr = nc = idx = 1;
    } else {
        return vm_raise(vm, vm->E.TypeError,
                        "subplot() takes 1 or 3 positional arguments but %d were given", argc);
    }
    if (nr < 1 || nc < 1 || nr * nc > 100 || idx < 1 || idx > nr * nc)
        return vm_raise(vm, vm->E.ValueError,
                        "num must be an integer with 1 <= num <= %lld, not %lld",
                        (long long)(nr * nc > 0 ? nr * nc : 1), (long long)idx);
    double box[4];
    cell_box((int)nr, (int)nc, (int)((idx - 1) / nc), (int)((idx - 1) % nc), box);
    AxesObj *ax = fig_axes_at(vm, st, f, box);
    return ax ? vref(v_obj(ax)) : ERRV;
}

static Value plt_subplot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    PltState *st = need_state(vm);
    FigureObj *f = st ? gcf(vm, st) : NULL;
    return f ? add_subplot(vm, st, f, argc, argv) : ERRV;
}

static Value plt_gcf(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)argv, (void)kw;
    PltState *st = need_state(vm);
    FigureObj *f = st ? gcf(vm, st) : NULL;
    return f ? vref(v_obj(f)) : ERRV;
}

static Value plt_gca(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)argv, (void)kw;
    PltState *st = need_state(vm);
    AxesObj *ax = st ? gca(vm, st) : NULL;
    return ax ? vref(v_obj(ax)) : ERRV;
}

static Value plt_show(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)argv, (void)kw;
    PltState *st = need_state(vm);
    return !st || show_all(vm, st) ? ERRV : v_none();
}

/* close(fig=None): the current figure, a Figure, its number, or 'all'. */
static Value plt_close(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[1];
    if (arg_parse(vm, "close", "|fig", argc, argv, kw, a)) return ERRV;
    PltState *st = need_state(vm);
    if (!st) return ERRV;
    ListObj *figs = st->figs;
    int all = IS_KIND(a[0], K_STR) && !strcmp(AS(StrObj, a[0])->s, "all");
    for (size_t i = figs->len; i-- > 0;) {
        FigureObj *f = AS(FigureObj, figs->items[i]);
        int hit = all || ((IS_NULL(a[0]) || a[0].tag == T_NONE) && i == figs->len - 1)
                  || (a[0].tag == T_INT && a[0].u.i == f->num)
                  || (IS_OBJ(a[0]) && a[0].u.o == &f->h.h);
        if (!hit) continue;
        Value v = figs->items[i];
        for (size_t j = i; j + 1 < figs->len; j++) figs->items[j] = figs->items[j + 1];
        figs->len--;
        decref(v);
    }
    return v_none();
}

/* Writes the figure to the file fname as SVG or PNG (format, else the file's extension). */
static int save_fig(VM *vm, FigureObj *f, Value fname, Value format, Value dpiv) {
    if (!IS_KIND(fname, K_STR))
        return vm_raise(vm, vm->E.TypeError, "savefig() needs a file name (str)"), -1;
    const char *path = AS(StrObj, fname)->s, *dot = strrchr(path, '.');
    const char *fmt = IS_KIND(format, K_STR)     ? AS(StrObj, format)->s
                      : dot && !strchr(dot, '/') ? dot + 1
                                                 : "svg";
    int png = !strcmp(fmt, "png");
    if (strcmp(fmt, "svg") && !png)
        return vm_raise(vm, vm->E.ValueError,
                        "Format '%s' is not supported (supported formats: png, svg)", fmt),
               -1;
    SBuf out = SBUF_INIT;
    double dpi = 100;
    int e = png ? fig_dpi(vm, dpiv, &dpi) || fig_png(vm, f, dpi, &out, NULL, NULL)
                : svg_render(vm, f, 1, &out);
    if (e) return sb_free(&out), -1;
    FILE *fp = fopen(path, "wb");
    int ok = fp && fwrite(out.s, 1, out.len, fp) == out.len;
    if (fp && fclose(fp)) ok = 0;
    sb_free(&out);
    if (!ok) return vm_raise(vm, vm->E.OSError, "cannot write '%s'", path), -1;
    return 0;
}

static Value savefig_of(VM *vm, FigureObj *f, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "savefig", "fname|$format,dpi,bbox_inches,transparent,facecolor", argc, argv,
                  kw, a))
        return ERRV;
    return save_fig(vm, f, a[0], a[1], a[2]) ? ERRV : v_none();
}

/* savefig(fname, *, format=None, dpi=None): SVG or PNG (the format is taken from the
 * extension). */
static Value plt_savefig(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    PltState *st = need_state(vm);
    FigureObj *f = st ? gcf(vm, st) : NULL;
    return f ? savefig_of(vm, f, argc, argv, kw) : ERRV;
}

static Value suptitle_of(VM *vm, FigureObj *f, int argc, const Value *argv, const KwArgs *kw) {
    Value a[3];
    if (arg_parse(vm, "suptitle", "t|$fontsize,size", argc, argv, kw, a)) return ERRV;
    SBuf s = SBUF_INIT;
    if (obj_str_sb(vm, a[0], &s)) return sb_free(&s), ERRV;
    free(f->suptitle);
    f->suptitle = sb_take(&s);
    return str_cstr(vm, f->suptitle);
}

static Value plt_suptitle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    PltState *st = need_state(vm);
    FigureObj *f = st ? gcf(vm, st) : NULL;
    return f ? suptitle_of(vm, f, argc, argv, kw) : ERRV;
}

static Value plt_noop(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)vm, (void)argc, (void)argv, (void)kw;
    return v_none();
}

/* pyplot.NAME(*args, **kw) is gca().METHOD(*args, **kw). */
static Value on_gca(VM *vm, const char *method, int argc, const Value *argv, const KwArgs *kw) {
    PltState *st = need_state(vm);
    AxesObj *ax = st ? gca(vm, st) : NULL;
    if (!ax) return ERRV;
    Value m = obj_getattr(vm, v_obj(ax), str_intern(vm, method, strlen(method)));
    if (IS_ERR(m)) return m;
    Value r = obj_call(vm, m, argc, argv, kw);
    decref(m);
    return r;
}

#define ON_GCA(pyname, method)                                                                     \
    static Value plt_##pyname(VM *vm, int argc, const Value *argv, const KwArgs *kw) {             \
        return on_gca(vm, method, argc, argv, kw);                                                 \
    }
ON_GCA(plot, "plot")
ON_GCA(scatter, "scatter")
ON_GCA(bar, "bar")
ON_GCA(barh, "barh")
ON_GCA(hist, "hist")
ON_GCA(errorbar, "errorbar")
ON_GCA(fill_between, "fill_between")
ON_GCA(axhline, "axhline")
ON_GCA(axvline, "axvline")
ON_GCA(text, "text")
ON_GCA(annotate, "annotate")
ON_GCA(imshow, "imshow")
ON_GCA(title, "set_title")
ON_GCA(xlabel, "set_xlabel")
ON_GCA(ylabel, "set_ylabel")
ON_GCA(xlim, "set_xlim")
ON_GCA(ylim, "set_ylim")
ON_GCA(xscale, "set_xscale")
ON_GCA(yscale, "set_yscale")
ON_GCA(legend, "legend")
ON_GCA(grid, "grid")

static const BuiltinDef PLT_FUNCS[] = {
    {"figure", plt_figure, "(num=None, figsize=None)", "Opens a figure (figsize in inches)."},
    {"subplots", plt_subplots, "(nrows=1, ncols=1, figsize=None)", "A figure and a grid of axes."},
    {"subplot", plt_subplot, "(nrows, ncols, index)", "Adds or selects a subplot of the figure."},
    {"gcf", plt_gcf, "()", "The current figure."},
    {"gca", plt_gca, "()", "The current axes."},
    {"show", plt_show, "()", "Shows the open figures now and closes them."},
    {"close", plt_close, "(fig=None)", "Closes a figure ('all': every one)."},
    {"savefig", plt_savefig, "(fname, format=None, dpi=None)",
     "Writes the current figure as SVG or PNG."},
    {"suptitle", plt_suptitle, "(t)", "A title over the whole figure."},
    {"tight_layout", plt_noop, "()", "Accepted; the layout already leaves room for labels."},
    {"colorbar", plt_noop, "()", "Accepted; colour bars are not drawn yet."},
    {"plot", plt_plot, "(*args, **kwargs)", "Lines and/or markers on the current axes."},
    {"scatter", plt_scatter, "(x, y, s=None, c=None, ...)", "A scatter plot."},
    {"bar", plt_bar, "(x, height, width=0.8, bottom=None, ...)", "A bar chart."},
    {"barh", plt_barh, "(y, width, height=0.8, left=None, ...)", "A horizontal bar chart."},
    {"hist", plt_hist, "(x, bins=10, range=None, density=False, ...)", "A histogram."},
    {"errorbar", plt_errorbar, "(x, y, yerr=None, xerr=None, fmt='', ...)", "Error bars."},
    {"fill_between", plt_fill_between, "(x, y1, y2=0, ...)", "Fills between two curves."},
    {"axhline", plt_axhline, "(y=0, ...)", "A horizontal line across the axes."},
    {"axvline", plt_axvline, "(x=0, ...)", "A vertical line across the axes."},
    {"text", plt_text, "(x, y, s, ...)", "Text at data coordinates."},
    {"annotate", plt_annotate, "(text, xy, xytext=None, arrowprops=None)", "Annotates a point."},
    {"imshow", plt_imshow, "(X, cmap=None, vmin=None, vmax=None)", "An image in the axes."},
    {"title", plt_title, "(label)", "The title of the current axes."},
    {"xlabel", plt_xlabel, "(xlabel)", "The x-axis label."},
    {"ylabel", plt_ylabel, "(ylabel)", "The y-axis label."},
    {"xlim", plt_xlim, "(left=None, right=None)", "Gets or sets the x limits."},
    {"ylim", plt_ylim, "(bottom=None, top=None)", "Gets or sets the y limits."},
    {"xscale", plt_xscale, "(value)", "'linear' or 'log'."},
    {"yscale", plt_yscale, "(value)", "'linear' or 'log'."},
    {"legend", plt_legend, "(labels=None, loc='best')", "A legend of the labelled artists."},
    {"grid", plt_grid, "(visible=None)", "Shows or hides grid lines."},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- Figure methods */

static Value fm_add_subplot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    PltState *st = need_state(vm);
    FigureObj *f = st ? as_fig(vm, argv[0]) : NULL;
    return f ? add_subplot(vm, st, f, argc - 1, argv + 1) : ERRV;
}

static Value fm_subplots(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[6];
    if (arg_parse(vm, "subplots", "self|nrows,ncols,$sharex,sharey,squeeze", argc, argv, kw, a))
        return ERRV;
    PltState *st = need_state(vm);
    FigureObj *f = st ? as_fig(vm, a[0]) : NULL;
    int err = 0, squeeze = IS_NULL(a[5]) ? 1 : obj_truth(vm, a[5]);
    int64_t nr = int_or(vm, a[1], 1, &err), nc = int_or(vm, a[2], 1, &err);
    if (!f || err || squeeze < 0) return ERRV;
    Value t = make_subplots(vm, st, f, nr, nc, squeeze);
    if (IS_ERR(t)) return t;
    Value axes = vref(AS(ListObj, t)->items[1]);
    decref(t);
    return axes;
}

static Value fm_gca(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    PltState *st = need_state(vm);
    FigureObj *f = st ? as_fig(vm, argv[0]) : NULL;
    if (!f) return ERRV;
    if (f->axes->len) return vref(f->axes->items[f->cur_ax]);
    return add_subplot(vm, st, f, 0, NULL);
}

static Value fm_savefig(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    FigureObj *f = as_fig(vm, argv[0]);
    return f ? savefig_of(vm, f, argc - 1, argv + 1, kw) : ERRV;
}

static Value fm_suptitle(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    FigureObj *f = as_fig(vm, argv[0]);
    return f ? suptitle_of(vm, f, argc - 1, argv + 1, kw) : ERRV;
}

static Value fm_set_size_inches(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)kw;
    FigureObj *f = as_fig(vm, argv[0]);
    if (!f) return ERRV;
    double w = f->width, h = f->height;
    if (argc == 2) {
        if (figsize_of(vm, argv[1], &w, &h)) return ERRV;
    } else if (argc == 3) {
        Value pair = tuple_pack(vm, 2, argv[1], argv[2]);
        int e = IS_ERR(pair) || figsize_of(vm, pair, &w, &h);
        decref(pair);
        if (e) return ERRV;
    }
    f->width = w;
    f->height = h;
    return v_none();
}

static Value fm_show(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    FigureObj *f = as_fig(vm, argv[0]);
    return !f || publish_fig(vm, f) ? ERRV : v_none();
}

static const BuiltinDef FIG_METHODS[] = {
    {"add_subplot", fm_add_subplot, "(nrows, ncols, index)", "Adds a subplot."},
    {"subplots", fm_subplots, "(nrows=1, ncols=1)", "Adds a grid of subplots; returns the axes."},
    {"gca", fm_gca, "()", "The current axes of the figure."},
    {"savefig", fm_savefig, "(fname, format=None, dpi=None)", "Writes the figure as SVG or PNG."},
    {"suptitle", fm_suptitle, "(t)", "A title over the whole figure."},
    {"set_size_inches", fm_set_size_inches, "(w, h)", "Resizes the figure."},
    {"show", fm_show, "()", "Shows the figure now."},
    {"tight_layout", plt_noop, "()", "Accepted; the layout already leaves room for labels."},
    {NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- modules */

static TypeObj *new_type(VM *vm, const char *name, const char *module, const NativeOps *ops,
                         const BuiltinDef *methods) {
    TypeObj *t = type_new(vm, name, vm->t_object, K_NATIVE);
    if (!t) return NULL;
    t->module = module;
    t->ops = ops;
    if (methods && type_add_methods(vm, t, methods)) {
        decref(v_obj(t));
        return NULL;
    }
    return t;
}

static Value make_rcparams(VM *vm) {
    DictObj *d = dict_new(vm);
    if (!d) return ERRV;
    Value size = tuple_pack(vm, 2, v_float(6.4), v_float(4.8));
    Value fmt = str_cstr(vm, "svg");
    int e = IS_ERR(size) || IS_ERR(fmt) || dict_set_str(vm, d, "figure.figsize", size)
            || dict_set_str(vm, d, "figure.format", fmt)
            || dict_set_str(vm, d, "figure.dpi", v_float(100));
    decref(size);
    decref(fmt);
    if (e) return decref(v_obj(d)), ERRV;
    return v_obj(d);
}

static Value mpl_use(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)vm, (void)argc, (void)argv, (void)kw;
    return v_none();
}

static const BuiltinDef MPL_FUNCS[] = {
    {"use", mpl_use, "(backend)",
     "Accepted; figures always render inline (SVG, or PNG by rcParams['figure.format'])."},
    {NULL, NULL, NULL, NULL},
};

int plot_mpl_init(VM *vm, ModuleObj *m) {
    Value ver = str_cstr(vm, "3.6.3"), rc = make_rcparams(vm);
    int e = IS_ERR(ver) || IS_ERR(rc) || module_add(vm, m, "__version__", ver)
            || module_add(vm, m, "rcParams", rc) || module_add_funcs(vm, m, MPL_FUNCS);
    decref(ver);
    decref(rc);
    if (e) return -1;
    Value plt = vm_import(vm, "matplotlib.pyplot");
    if (IS_ERR(plt)) return -1;
    e = module_add(vm, m, "pyplot", plt);
    decref(plt);
    return e;
}

static PltState *state_new(VM *vm) {
    PltState *st = calloc(1, sizeof *st);
    TypeObj *t = st ? new_type(vm, "PyplotState", "matplotlib.pyplot", &STATE_OPS, NULL) : NULL;
    if (!t) return free(st), st ? NULL : (vm_nomem(vm), NULL);
    st->h.h.rc = 1;
    st->h.h.k = K_NATIVE;
    st->h.type = t;
    st->figs = list_new(vm, 0);
    st->t_fig = new_type(vm, "Figure", "matplotlib.figure", &FIG_OPS, FIG_METHODS);
    st->t_axes = axes_type_new(vm);
    st->t_grid = new_type(vm, "ndarray", "numpy", &GRID_OPS, GRID_METHODS);
    if (!st->figs || !st->t_fig || !st->t_axes || !st->t_grid) {
        decref(v_obj(st));
        return NULL;
    }
    return st;
}

int plot_module_init(VM *vm, ModuleObj *m) {
    PltState *st = state_new(vm);
    if (!st) return -1;
    int e = module_add(vm, m, "_state", v_obj(st)) || module_add_funcs(vm, m, PLT_FUNCS)
            || module_add(vm, m, "Figure", v_obj(st->t_fig))
            || module_add(vm, m, "Axes", v_obj(st->t_axes));
    decref(v_obj(st));
    if (e) return -1;
    Value mpl = vm_import(vm, "matplotlib");
    if (IS_ERR(mpl)) return -1;
    Value rc = dict_get_str(AS(ModuleObj, mpl)->dict, str_intern(vm, "rcParams", 8));
    e = module_add(vm, m, "rcParams", IS_NULL(rc) ? v_none() : rc)
        || module_add(vm, AS(ModuleObj, mpl), "pyplot", v_obj(m));
    decref(mpl);
    return e;
}
