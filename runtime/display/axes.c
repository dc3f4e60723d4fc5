/* axes.c: matplotlib's Axes for Abacus: plot, scatter, bar, barh, hist, errorbar, fill_between,
 * axhline/axvline, text, annotate, imshow, labels, limits, scales, legend and grid. Methods
 * parse matplotlib's arguments into Artists (figure.h) that svg.c draws. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../array/array.h"
#include "figure.h"
#include "image.h"
#include "png.h"

/* ---------------------------------------------------------------- helpers */

typedef struct ReprObj {
    NativeObj h;
    char *text;
} ReprObj;

static void repr_free(VM *vm, Obj *o) {
    (void)vm;
    free(((ReprObj *)o)->text);
}

static int repr_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)vm, (void)str;
    return sb_puts(out, AS(ReprObj, self)->text);
}

static const NativeOps REPR_OPS = {.free = repr_free, .repr = repr_repr};

Value fig_repr_obj(VM *vm, const char *text) {
    Value t = dict_get_str(vm->builtins, str_intern(vm, "__plot_artist_type", 18));
    if (!IS_KIND(t, K_TYPE)) {
        TypeObj *nt = type_new(vm, "Artist", vm->t_object, K_NATIVE);
        if (!nt) return ERRV;
        nt->module = "matplotlib.artist";
        nt->ops = &REPR_OPS;
        int e = dict_set_str(vm, vm->builtins, "__plot_artist_type", v_obj(nt));
        decref(v_obj(nt));
        if (e) return ERRV;
        t = v_obj(nt);
    }
    ReprObj *r = calloc(1, sizeof *r);
    if (!r || !(r->text = strdup(text))) return free(r), vm_nomem(vm);
    r->h.h.rc = 1;
    r->h.h.k = K_NATIVE;
    r->h.type = AS(TypeObj, t);
    incref(t);
    return v_obj(r);
}

/* "<matplotlib.lines.Line2D at 0x7f...>" style reprs. */
static Value at_repr(VM *vm, const char *cls, const void *p) {
    char buf[128];
    snprintf(buf, sizeof buf, "<%s at %p>", cls, p);
    return fig_repr_obj(vm, buf);
}

static Value text_repr(VM *vm, const char *pos, const char *s) {
    SBuf b = SBUF_INIT;
    StrObj *so = str_new(vm, s, strlen(s));
    if (!so) return ERRV;
    sb_printf(&b, "Text(%s, ", pos);
    str_repr_sb(so, &b, 0);
    decref(v_obj(so));
    sb_putc(&b, ')');
    Value r = fig_repr_obj(vm, b.s ? b.s : "");
    sb_free(&b);
    return r;
}

int fig_doubles(VM *vm, Value v, double **out, int *n) {
    *out = NULL;
    *n = 0;
    if (img_need_numpy(vm)) return -1;
    ArrObj *a = arr_from_any(vm, v, DT_FLOAT64);
    if (!a) return -1;
    ArrObj *c = arr_copy(vm, a, DT_FLOAT64);
    decref(v_obj(a));
    if (!c) return -1;
    if (c->size > 100000000) {
        decref(v_obj(c));
        return vm_raise(vm, vm->E.ValueError, "too many points to plot"), -1;
    }
    *n = (int)c->size;
    *out = malloc(sizeof(double) * (size_t)(c->size ? c->size : 1));
    if (*out && c->size) memcpy(*out, c->data, sizeof(double) * (size_t)c->size);
    decref(v_obj(c));
    if (!*out) return vm_nomem(vm), -1;
    return 0;
}

static int is_none(Value v) { return IS_NULL(v) || v.tag == T_NONE; }

static Value kwv(const KwArgs *kw, const char *a, const char *b) {
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = AS(StrObj, kw->names[k])->s;
        if (!strcmp(name, a) || (b && !strcmp(name, b))) return kw->values[k];
    }
    return v_null();
}

/* Raises matplotlib's AttributeError for a keyword argument no list knows. */
static int check_kw(VM *vm, const char *owner, const KwArgs *kw, const char *known) {
    static const char *IGNORED = ",zorder,markerfacecolor,markeredgecolor,mfc,mec,markeredgewidth,"
                                 "mew,antialiased,drawstyle,clip_on,rasterized,solid_capstyle,"
                                 "interpolation,aspect,origin,picker,fontweight,weight,family,";
    for (int k = 0; kw && k < kw->n; k++) {
        const char *name = AS(StrObj, kw->names[k])->s;
        char pat[64];
        snprintf(pat, sizeof pat, ",%s,", name);
        if (strstr(known, pat) || strstr(IGNORED, pat)) continue;
        vm_raise(vm, vm->E.AttributeError, "%s.set() got an unexpected keyword argument '%s'",
                 owner, name);
        return -1;
    }
    return 0;
}

static int opt_num(VM *vm, Value v, double *out) {
    if (is_none(v)) return 0;
    return obj_to_double(vm, v, out);
}

static char *opt_str(VM *vm, Value v) {
    if (is_none(v)) return NULL;
    SBuf b = SBUF_INIT;
    if (IS_KIND(v, K_STR) ? sb_puts(&b, AS(StrObj, v)->s) : obj_str_sb(vm, v, &b)) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}

/* ---------------------------------------------------------------- colours */

typedef struct Named {
    const char *name;
    unsigned rgb;
} Named;
static const Named COLOURS[] = {
    {"b", 0x0000ff},          {"g", 0x008000},          {"r", 0xff0000},
    {"c", 0x00bfbf},          {"m", 0xbf00bf},          {"y", 0xbfbf00},
    {"k", 0x000000},          {"w", 0xffffff},          {"black", 0x000000},
    {"white", 0xffffff},      {"red", 0xff0000},        {"green", 0x008000},
    {"blue", 0x0000ff},       {"cyan", 0x00ffff},       {"magenta", 0xff00ff},
    {"yellow", 0xffff00},     {"orange", 0xffa500},     {"purple", 0x800080},
    {"brown", 0xa52a2a},      {"pink", 0xffc0cb},       {"gray", 0x808080},
    {"grey", 0x808080},       {"olive", 0x808000},      {"navy", 0x000080},
    {"teal", 0x008080},       {"lime", 0x00ff00},       {"maroon", 0x800000},
    {"gold", 0xffd700},       {"silver", 0xc0c0c0},     {"skyblue", 0x87ceeb},
    {"steelblue", 0x4682b4},  {"darkblue", 0x00008b},   {"darkred", 0x8b0000},
    {"darkgreen", 0x006400},  {"lightblue", 0xadd8e6},  {"lightgreen", 0x90ee90},
    {"lightgray", 0xd3d3d3},  {"lightgrey", 0xd3d3d3},  {"darkgray", 0xa9a9a9},
    {"darkgrey", 0xa9a9a9},   {"salmon", 0xfa8072},     {"tomato", 0xff6347},
    {"coral", 0xff7f50},      {"orchid", 0xda70d6},     {"violet", 0xee82ee},
    {"indigo", 0x4b0082},     {"crimson", 0xdc143c},    {"turquoise", 0x40e0d0},
    {"tan", 0xd2b48c},        {"khaki", 0xf0e68c},      {"beige", 0xf5f5dc},
    {"chocolate", 0xd2691e},  {"firebrick", 0xb22222},  {"forestgreen", 0x228b22},
    {"royalblue", 0x4169e1},  {"seagreen", 0x2e8b57},   {"slategray", 0x708090},
    {"dodgerblue", 0x1e90ff}, {"darkorange", 0xff8c00}, {"deepskyblue", 0x00bfff},
    {"hotpink", 0xff69b4},    {"tab:blue", 0x1f77b4},   {"tab:orange", 0xff7f0e},
    {"tab:green", 0x2ca02c},  {"tab:red", 0xd62728},    {"tab:purple", 0x9467bd},
    {"tab:brown", 0x8c564b},  {"tab:pink", 0xe377c2},   {"tab:gray", 0x7f7f7f},
    {"tab:grey", 0x7f7f7f},   {"tab:olive", 0xbcbd22},  {"tab:cyan", 0x17becf},
};

static int hexval(const char *s, int n, unsigned *out) {
    *out = 0;
    for (int i = 0; i < n; i++) {
        if (!isxdigit((unsigned char)s[i])) return -1;
        *out = *out * 16
               + (unsigned)(isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower(s[i]) - 'a' + 10));
    }
    return 0;
}

static int colour_str(const char *s, Rgba *out) {
    size_t n = strlen(s);
    unsigned v;
    out->a = 1;
    if (s[0] == '#' && (n == 7 || n == 9) && !hexval(s + 1, 6, &v)) {
        unsigned al = 255;
        if (n == 9 && hexval(s + 7, 2, &al)) return -1;
        *out = (Rgba){(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v,
                      al / 255.0};
        return 0;
    }
    if (s[0] == '#' && n == 4 && !hexval(s + 1, 3, &v)) {
        *out = (Rgba){(unsigned char)((v >> 8) * 17), (unsigned char)(((v >> 4) & 15) * 17),
                      (unsigned char)((v & 15) * 17), 1};
        return 0;
    }
    if (s[0] == 'C' && n == 2 && isdigit((unsigned char)s[1])) {
        *out = fig_cycle_colour(s[1] - '0');
        return 0;
    }
    char *end;
    double g = strtod(s, &end);
    if (n && !*end && g >= 0 && g <= 1) {
        unsigned char k = (unsigned char)lround(g * 255);
        *out = (Rgba){k, k, k, 1};
        return 0;
    }
    for (size_t i = 0; i < sizeof COLOURS / sizeof COLOURS[0]; i++)
        if (!strcasecmp(COLOURS[i].name, s) || (n == 1 && !strcmp(COLOURS[i].name, s))) {
            v = COLOURS[i].rgb;
            *out = (Rgba){(unsigned char)(v >> 16), (unsigned char)(v >> 8), (unsigned char)v, 1};
            return 0;
        }
    return -1;
}

int fig_colour(VM *vm, Value v, Rgba *out) {
    if (IS_KIND(v, K_STR)) {
        if (!colour_str(AS(StrObj, v)->s, out)) return 0;
        return vm_raise(vm, vm->E.ValueError, "'%s' is not a valid color value.", AS(StrObj, v)->s),
               -1;
    }
    if (IS_KIND(v, K_TUPLE) || IS_KIND(v, K_LIST)) {
        ListObj *l = AS(ListObj, v);
        double c[4] = {0, 0, 0, 1};
        if (l->len != 3 && l->len != 4)
            return vm_raise(vm, vm->E.ValueError, "RGBA sequence should have length 3 or 4"), -1;
        for (size_t i = 0; i < l->len; i++) {
            if (obj_to_double(vm, l->items[i], &c[i])) return -1;
            if (c[i] < 0 || c[i] > 1)
                return vm_raise(vm, vm->E.ValueError, "RGBA values should be within 0-1 range"), -1;
        }
        *out = (Rgba){(unsigned char)lround(c[0] * 255), (unsigned char)lround(c[1] * 255),
                      (unsigned char)lround(c[2] * 255), c[3]};
        return 0;
    }
    return vm_raise(vm, vm->E.ValueError, "Invalid RGBA argument: %s", type_name(vm, v)), -1;
}

/* ---------------------------------------------------------------- the Axes object */

static void artist_free(Artist *a) {
    free(a->x);
    free(a->y);
    free(a->y2);
    free(a->xerr);
    free(a->w);
    free(a->s);
    free(a->c);
    free(a->label);
    free(a->text);
}

static void free_strs(char **s, int n) {
    for (int i = 0; i < n; i++) free(s[i]);
    free(s);
}

static void axes_free(VM *vm, Obj *o) {
    (void)vm;
    AxesObj *ax = (AxesObj *)o;
    for (int i = 0; i < ax->nart; i++) artist_free(&ax->art[i]);
    free(ax->art);
    free(ax->title);
    free(ax->xlabel);
    free(ax->ylabel);
    free_strs(ax->xcats, ax->ncats);
    free_strs(ax->ycats, ax->nycats);
}

/* matplotlib 3.6's "<AxesSubplot: title={'center': 'T'}, xlabel='x', ylabel='y'>". */
static int axes_repr(VM *vm, Value self, SBuf *out, int str) {
    (void)str;
    const AxesObj *ax = AS(AxesObj, self);
    const char *parts[3] = {ax->title, ax->xlabel, ax->ylabel};
    const char *fmt[3] = {"title={'center': ", "xlabel=", "ylabel="};
    int n = 0;
    sb_puts(out, "<AxesSubplot: ");
    for (int i = 0; i < 3; i++) {
        if (!parts[i] || !parts[i][0]) continue;
        StrObj *s = str_new(vm, parts[i], strlen(parts[i]));
        if (!s) return -1;
        sb_printf(out, "%s%s", n++ ? ", " : "", fmt[i]);
        str_repr_sb(s, out, 0);
        if (i == 0) sb_putc(out, '}');
        decref(v_obj(s));
    }
    return sb_putc(out, '>');
}

static const NativeOps AXES_OPS = {.free = axes_free, .repr = axes_repr};

AxesObj *axes_new(VM *vm, TypeObj *t, const double box[4]) {
    AxesObj *ax = calloc(1, sizeof *ax);
    if (!ax) return vm_nomem(vm), NULL;
    ax->h.h.rc = 1;
    ax->h.h.k = K_NATIVE;
    ax->h.type = t;
    incref(v_obj(t));
    memcpy(ax->box, box, sizeof ax->box);
    ax->xlim[0] = ax->xlim[1] = ax->ylim[0] = ax->ylim[1] = NAN;
    return ax;
}

/* A new zeroed artist at the end of ax's list (NULL: raised). */
static Artist *add_artist(VM *vm, AxesObj *ax, int kind) {
    if (ax->nart == ax->cap) {
        int cap = ax->cap ? ax->cap * 2 : 8;
        Artist *a = realloc(ax->art, (size_t)cap * sizeof *a);
        if (!a) return vm_nomem(vm), NULL;
        ax->art = a;
        ax->cap = cap;
    }
    Artist *a = &ax->art[ax->nart++];
    memset(a, 0, sizeof *a);
    a->kind = kind;
    a->lw = 1.5;
    a->ms = 6;
    a->size = 36;
    a->fontsize = 10;
    a->vmin = a->vmax = a->ax = a->ay = NAN;
    a->ha = 'l';
    a->va = 'B';
    return a;
}

static void drop_last(AxesObj *ax) { artist_free(&ax->art[--ax->nart]); }

static Rgba next_colour(AxesObj *ax) { return fig_cycle_colour(ax->cycle++); }

/* The common style keywords: color/c, alpha, label, linestyle/ls, linewidth/lw, marker,
 * markersize/ms, edgecolor. */
static int style_kw(VM *vm, const KwArgs *kw, Artist *a, int colour_from_c) {
    Value c = kwv(kw, "color", colour_from_c ? "c" : NULL), al = kwv(kw, "alpha", NULL);
    Value lab = kwv(kw, "label", NULL), ls = kwv(kw, "linestyle", "ls");
    Value lw = kwv(kw, "linewidth", "lw"), mk = kwv(kw, "marker", NULL),
          ms = kwv(kw, "markersize", "ms");
    Value ec = kwv(kw, "edgecolor", "ec");
    if (!is_none(c) && fig_colour(vm, c, &a->colour)) return -1;
    if (!is_none(ec) && fig_colour(vm, ec, &a->edge)) return -1;
    double alpha = NAN;
    if (opt_num(vm, al, &alpha) || opt_num(vm, lw, &a->lw) || opt_num(vm, ms, &a->ms)) return -1;
    if (!isnan(alpha)) a->colour.a = alpha;
    if (!is_none(lab) && !(a->label = opt_str(vm, lab))) return -1;
    if (IS_KIND(ls, K_STR)) {
        const char *s = AS(StrObj, ls)->s;
        a->ls = !strcmp(s, "--") || !strcmp(s, "dashed")    ? LS_DASHED
                : !strcmp(s, ":") || !strcmp(s, "dotted")   ? LS_DOTTED
                : !strcmp(s, "-.") || !strcmp(s, "dashdot") ? LS_DASHDOT
                : !strcmp(s, "") || !strcmp(s, "None") || !strcmp(s, " ") || !strcmp(s, "none")
                    ? LS_NONE
                    : LS_SOLID;
    }
    if (IS_KIND(mk, K_STR)) a->marker = AS(StrObj, mk)->s[0] == 'N' ? 0 : AS(StrObj, mk)->s[0];
    return 0;
}

/* A format string like 'ro--': colour, marker, line style. */
static int parse_fmt(VM *vm, const char *fmt, Artist *a, int *has_colour) {
    static const char *MARKERS = ".,ov^<>sDdpxh+*1234|_";
    int ls = -1;
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '-' && p[1] == '-')
            ls = LS_DASHED, p++;
        else if (p[0] == '-' && p[1] == '.')
            ls = LS_DASHDOT, p++;
        else if (*p == '-')
            ls = LS_SOLID;
        else if (*p == ':')
            ls = LS_DOTTED;
        else if (*p == 'C' && isdigit((unsigned char)p[1]))
            a->colour = fig_cycle_colour(p[1] - '0'), *has_colour = 1, p++;
        else if (strchr("bgrcmykw", *p)) {
            char s[2] = {*p, 0};
            colour_str(s, &a->colour);
            *has_colour = 1;
        } else if (strchr(MARKERS, *p))
            a->marker = *p == ',' ? '.' : *p;
        else
            return vm_raise(vm, vm->E.ValueError,
                            "'%s' is not a valid format string "
                            "(unrecognized character '%c')",
                            fmt, *p),
                   -1;
    }
    a->ls = ls >= 0 ? ls : a->marker ? LS_NONE : LS_SOLID;
    return 0;
}

static Value self_axes_check(VM *vm, Value v) {
    if (!IS_KIND(v, K_NATIVE) || AS(NativeObj, v)->type->ops != &AXES_OPS)
        return vm_raise(vm, vm->E.TypeError, "descriptor requires an 'Axes' object");
    return v;
}
#define AXES(v) AS(AxesObj, v)

/* ---------------------------------------------------------------- plot */

static int range_doubles(VM *vm, int n, double **out) {
    *out = malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!*out) return vm_nomem(vm), -1;
    for (int i = 0; i < n; i++) (*out)[i] = i;
    return 0;
}

/* One x, y[, fmt] group of plot(). */
static int plot_group(VM *vm, AxesObj *ax, Value xv, Value yv, const char *fmt, const KwArgs *kw,
                      ListObj *lines) {
    Artist *a = add_artist(vm, ax, AR_LINE);
    if (!a) return -1;
    int nx, has_colour = 0;
    if (fig_doubles(vm, yv, &a->y, &a->n)) return drop_last(ax), -1;
    if (IS_NULL(xv) ? range_doubles(vm, a->n, &a->x) : fig_doubles(vm, xv, &a->x, &nx))
        return drop_last(ax), -1;
    if (!IS_NULL(xv) && nx != a->n) {
        drop_last(ax);
        return vm_raise(vm, vm->E.ValueError,
                        "x and y must have same first dimension, but have "
                        "shapes (%d,) and (%d,)",
                        nx, a->n),
               -1;
    }
    if (fmt && parse_fmt(vm, fmt, a, &has_colour)) return drop_last(ax), -1;
    Rgba keep = a->colour;
    if (style_kw(vm, kw, a, 1)) return drop_last(ax), -1;
    int kw_colour = !is_none(kwv(kw, "color", "c"));
    if (!kw_colour && !has_colour) a->colour = next_colour(ax), a->colour.a = keep.a ? keep.a : 1;
    if (!is_none(kwv(kw, "alpha", NULL))) {
        double al = 1;
        opt_num(vm, kwv(kw, "alpha", NULL), &al);
        a->colour.a = al;
    }
    if (!is_none(kwv(kw, "marker", NULL)) && !fmt && is_none(kwv(kw, "linestyle", "ls")))
        a->ls = LS_SOLID;
    Value l = at_repr(vm, "matplotlib.lines.Line2D", a);
    if (IS_ERR(l)) return -1;
    int e = list_append(vm, lines, l);
    decref(l);
    return e;
}

static const char *PLOT_KW = ",color,c,alpha,label,linestyle,ls,linewidth,lw,marker,markersize,ms,";

static Value ax_plot(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Line2D", kw, PLOT_KW)) return ERRV;
    AxesObj *ax = AXES(argv[0]);
    ListObj *lines = list_new(vm, 0);
    if (!lines) return ERRV;
    for (int i = 1; i < argc;) {
        Value x = v_null(), y = argv[i];
        if (IS_KIND(y, K_STR))
            return decref(v_obj(lines)),
                   vm_raise(vm, vm->E.ValueError, "third arg must be a format string");
        if (i + 1 < argc && !IS_KIND(argv[i + 1], K_STR)) x = y, y = argv[++i];
        i++;
        const char *fmt = i < argc && IS_KIND(argv[i], K_STR) ? AS(StrObj, argv[i++])->s : NULL;
        if (plot_group(vm, ax, x, y, fmt, kw, lines)) return decref(v_obj(lines)), ERRV;
    }
    return v_obj(lines);
}

/* errorbar(x, y, yerr=None, xerr=None, fmt='', ecolor, capsize, ...) */
static int err_values(VM *vm, Value v, int n, double **out) {
    if (is_none(v)) return 0;
    int m;
    if (fig_doubles(vm, v, out, &m)) return -1;
    if (m == 1 && n > 1) {
        double e = (*out)[0];
        free(*out);
        if (!(*out = malloc(sizeof(double) * (size_t)n))) return vm_nomem(vm), -1;
        for (int i = 0; i < n; i++) (*out)[i] = e;
    } else if (m != n) {
        return vm_raise(vm, vm->E.ValueError,
                        "The lengths of the data (%d) and the error %d do "
                        "not match",
                        n, m),
               -1;
    }
    return 0;
}

static Value ax_errorbar(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",x,y,yerr,xerr,fmt,ecolor,capsize,elinewidth,color,c,alpha,label,"
                            "linestyle,ls,linewidth,lw,marker,markersize,ms,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Line2D", kw, KW)) return ERRV;
    Value a[5] = {v_null(), v_null(), v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 5; i++) a[i - 1] = argv[i];
    if (IS_NULL(a[0])) a[0] = kwv(kw, "x", NULL);
    if (IS_NULL(a[1])) a[1] = kwv(kw, "y", NULL);
    if (IS_NULL(a[2])) a[2] = kwv(kw, "yerr", NULL);
    if (IS_NULL(a[3])) a[3] = kwv(kw, "xerr", NULL);
    if (IS_NULL(a[4])) a[4] = kwv(kw, "fmt", NULL);
    if (IS_NULL(a[0]) || IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError, "errorbar() missing required arguments: 'x' and 'y'");
    ListObj *lines = list_new(vm, 0);
    if (!lines) return ERRV;
    const char *fmt = IS_KIND(a[4], K_STR) && AS(StrObj, a[4])->len ? AS(StrObj, a[4])->s : NULL;
    AxesObj *ax = AXES(argv[0]);
    if (plot_group(vm, ax, a[0], a[1], fmt, kw, lines)) return decref(v_obj(lines)), ERRV;
    decref(v_obj(lines));
    Artist *ar = &ax->art[ax->nart - 1];
    double cap = 0;
    if (err_values(vm, a[2], ar->n, &ar->y2) || err_values(vm, a[3], ar->n, &ar->xerr)
        || opt_num(vm, kwv(kw, "capsize", NULL), &cap))
        return drop_last(ax), ERRV;
    ar->capsize = cap;
    char buf[64];
    snprintf(buf, sizeof buf, "<ErrorbarContainer object of 3 artists>");
    return fig_repr_obj(vm, buf);
}

/* scatter(x, y, s=None, c=None, marker='o', cmap=None, vmin=None, vmax=None, alpha, label) */
static Value ax_scatter(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",x,y,s,c,marker,cmap,vmin,vmax,alpha,label,color,edgecolors,"
                            "linewidths,norm,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "PathCollection", kw, KW)) return ERRV;
    Value a[4] = {v_null(), v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 4; i++) a[i - 1] = argv[i];
    const char *names[4] = {"x", "y", "s", "c"};
    for (int i = 0; i < 4; i++)
        if (IS_NULL(a[i])) a[i] = kwv(kw, names[i], NULL);
    if (IS_NULL(a[0]) || IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError,
                        "scatter() missing 2 required positional arguments: 'x' and 'y'");
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = add_artist(vm, ax, AR_SCATTER);
    if (!ar) return ERRV;
    int nx, ns, nc;
    if (fig_doubles(vm, a[0], &ar->x, &nx) || fig_doubles(vm, a[1], &ar->y, &ar->n)) goto fail;
    if (nx != ar->n) {
        vm_raise(vm, vm->E.ValueError, "x and y must be the same size");
        goto fail;
    }
    ar->marker = 'o';
    ar->colour = next_colour(ax);
    if (style_kw(vm, kw, ar, 0)) goto fail;
    if (!is_none(a[2])) {
        if (fig_doubles(vm, a[2], &ar->s, &ns)) goto fail;
        if (ns == 1)
            ar->size = ar->s[0], free(ar->s), ar->s = NULL;
        else if (ns != ar->n) {
            vm_raise(vm, vm->E.ValueError,
                     "s must be a scalar, or float array-like with the same size as x and y");
            goto fail;
        }
    }
    if (IS_KIND(a[3], K_STR) || IS_KIND(a[3], K_TUPLE)) {
        if (fig_colour(vm, a[3], &ar->colour)) goto fail;
    } else if (!is_none(a[3])) {
        if (fig_doubles(vm, a[3], &ar->c, &nc)) goto fail;
        if (nc != ar->n) {
            vm_raise(vm, vm->E.ValueError,
                     "'c' argument has %d elements, which is inconsistent with 'x' and 'y' with "
                     "size %d.",
                     nc, ar->n);
            goto fail;
        }
    }
    Value cm = kwv(kw, "cmap", NULL);
    if (IS_KIND(cm, K_STR)) snprintf(ar->cmap, sizeof ar->cmap, "%s", AS(StrObj, cm)->s);
    if (opt_num(vm, kwv(kw, "vmin", NULL), &ar->vmin)
        || opt_num(vm, kwv(kw, "vmax", NULL), &ar->vmax))
        goto fail;
    return at_repr(vm, "matplotlib.collections.PathCollection", ar);
fail:
    drop_last(ax);
    return ERRV;
}

/* ---------------------------------------------------------------- bars and histograms */

/* Bar positions: numbers, or strings (categories at 0, 1, ... with the strings as ticks). */
static int positions(VM *vm, AxesObj *ax, Value v, int horizontal, double **out, int *n) {
    if ((IS_KIND(v, K_LIST) || IS_KIND(v, K_TUPLE)) && AS(ListObj, v)->len
        && IS_KIND(AS(ListObj, v)->items[0], K_STR)) {
        ListObj *l = AS(ListObj, v);
        char ***cats = horizontal ? &ax->ycats : &ax->xcats;
        int *ncats = horizontal ? &ax->nycats : &ax->ncats;
        *n = (int)l->len;
        if (!(*out = malloc(sizeof(double) * l->len))) return vm_nomem(vm), -1;
        for (size_t i = 0; i < l->len; i++) {
            char *s = opt_str(vm, l->items[i]);
            if (!s) return -1;
            int k = 0;
            while (k < *ncats && strcmp((*cats)[k], s)) k++;
            if (k == *ncats) {
                char **nc = realloc(*cats, sizeof(char *) * (size_t)(*ncats + 1));
                if (!nc) return free(s), vm_nomem(vm), -1;
                *cats = nc;
                nc[(*ncats)++] = s;
            } else {
                free(s);
            }
            (*out)[i] = k;
        }
        return 0;
    }
    return fig_doubles(vm, v, out, n);
}

/* A per-bar array from a scalar or a sequence of n (NULL → dflt). */
static int per_bar(VM *vm, Value v, int n, double dflt, double **out) {
    int m = 1;
    double *d = NULL;
    if (!is_none(v) && fig_doubles(vm, v, &d, &m)) return -1;
    if (!is_none(v) && m != 1 && m != n) {
        free(d);
        return vm_raise(vm, vm->E.ValueError,
                        "shape mismatch: objects cannot be broadcast to a single shape"),
               -1;
    }
    *out = malloc(sizeof(double) * (size_t)(n ? n : 1));
    if (!*out) return free(d), vm_nomem(vm), -1;
    for (int i = 0; i < n; i++) (*out)[i] = d ? d[m == 1 ? 0 : i] : dflt;
    free(d);
    return 0;
}

static Value bars(VM *vm, AxesObj *ax, Value pos, Value val, Value width, Value base,
                  int horizontal, const KwArgs *kw) {
    Artist *ar = add_artist(vm, ax, AR_BAR);
    if (!ar) return ERRV;
    ar->horizontal = horizontal;
    int np;
    if (positions(vm, ax, pos, horizontal, &ar->x, &np) || fig_doubles(vm, val, &ar->y, &ar->n))
        goto fail;
    if (ar->n == 1 && np > 1) { /* a scalar height for every bar */
        double h = ar->y[0], *v = realloc(ar->y, sizeof(double) * (size_t)np);
        if (!v) {
            vm_nomem(vm);
            goto fail;
        }
        for (int i = 0; i < np; i++) v[i] = h;
        ar->y = v;
        ar->n = np;
    }
    if (np != ar->n) {
        vm_raise(vm, vm->E.ValueError,
                 "shape mismatch: objects cannot be broadcast to a single shape. "
                 "Mismatch is between arg 0 with shape (%d,) and arg 1 with shape (%d,).",
                 np, ar->n);
        goto fail;
    }
    if (per_bar(vm, width, ar->n, 0.8, &ar->w) || per_bar(vm, base, ar->n, 0, &ar->y2)) goto fail;
    Value align = kwv(kw, "align", NULL);
    if (IS_KIND(align, K_STR) && !strcmp(AS(StrObj, align)->s, "edge"))
        for (int i = 0; i < ar->n; i++) ar->x[i] += ar->w[i] / 2;
    ar->colour = next_colour(ax);
    ar->lw = 0;
    if (style_kw(vm, kw, ar, 0)) goto fail;
    Value tl = kwv(kw, "tick_label", NULL);
    if (!is_none(tl)) {
        double *dummy = NULL;
        int nd;
        if (positions(vm, ax, tl, horizontal, &dummy, &nd)) return free(dummy), drop_last(ax), ERRV;
        free(dummy);
    }
    char buf[64];
    snprintf(buf, sizeof buf, "<BarContainer object of %d artists>", ar->n);
    return fig_repr_obj(vm, buf);
fail:
    drop_last(ax);
    return ERRV;
}

static const char *BAR_KW = ",x,height,width,bottom,y,left,align,color,edgecolor,ec,linewidth,lw,"
                            "alpha,label,tick_label,";

/* bar(x, height, width=0.8, bottom=None, *, align='center', ...) */
static Value ax_bar(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Rectangle", kw, BAR_KW)) return ERRV;
    Value a[4] = {v_null(), v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 4; i++) a[i - 1] = argv[i];
    const char *names[4] = {"x", "height", "width", "bottom"};
    for (int i = 0; i < 4; i++)
        if (IS_NULL(a[i])) a[i] = kwv(kw, names[i], NULL);
    if (IS_NULL(a[0]) || IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError,
                        "bar() missing 2 required positional arguments: 'x' and 'height'");
    return bars(vm, AXES(argv[0]), a[0], a[1], a[2], a[3], 0, kw);
}

/* barh(y, width, height=0.8, left=None, ...) */
static Value ax_barh(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Rectangle", kw, BAR_KW)) return ERRV;
    Value a[4] = {v_null(), v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 4; i++) a[i - 1] = argv[i];
    const char *names[4] = {"y", "width", "height", "left"};
    for (int i = 0; i < 4; i++)
        if (IS_NULL(a[i])) a[i] = kwv(kw, names[i], NULL);
    if (IS_NULL(a[0]) || IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError,
                        "barh() missing 2 required positional arguments: 'y' and 'width'");
    return bars(vm, AXES(argv[0]), a[0], a[1], a[2], a[3], 1, kw);
}

static Value new_array(VM *vm, const double *d, int n) {
    int64_t shape[1] = {n};
    ArrObj *a = arr_new(vm, DT_FLOAT64, 1, shape, 0);
    if (!a) return ERRV;
    memcpy(a->data, d, sizeof(double) * (size_t)n);
    return v_obj(a);
}

/* Bin edges: bins equal-width bins over range (or the data's finite range), or given edges. */
static int hist_edges(VM *vm, Value bins, Value range, const double *x, int n, double **edges,
                      int *nb) {
    if (!is_none(bins) && !is_int(bins)) {
        if (fig_doubles(vm, bins, edges, nb)) return -1;
        if (*nb < 2) return vm_raise(vm, vm->E.ValueError, "`bins` must have at least 2 edges"), -1;
        (*nb)--;
        return 0;
    }
    int64_t k = 10;
    if (!is_none(bins) && obj_index(vm, bins, &k, "bins")) return -1;
    if (k < 1 || k > 1000000)
        return vm_raise(vm, vm->E.ValueError, "`bins` must be positive, when an integer"), -1;
    double lo = INFINITY, hi = -INFINITY;
    if (!is_none(range)) {
        double *r;
        int nr;
        if (fig_doubles(vm, range, &r, &nr)) return -1;
        if (nr == 2) lo = r[0], hi = r[1];
        free(r);
        if (nr != 2) return vm_raise(vm, vm->E.ValueError, "range must be a pair (min, max)"), -1;
    } else {
        for (int i = 0; i < n; i++)
            if (isfinite(x[i])) lo = fmin(lo, x[i]), hi = fmax(hi, x[i]);
        if (lo > hi) lo = 0, hi = 1;
    }
    if (lo == hi) lo -= 0.5, hi += 0.5;
    *nb = (int)k;
    if (!(*edges = malloc(sizeof(double) * (size_t)(k + 1)))) return vm_nomem(vm), -1;
    for (int64_t i = 0; i <= k; i++) (*edges)[i] = lo + (hi - lo) * (double)i / (double)k;
    return 0;
}

/* np.histogram's counting: [e_i, e_i+1) with the last bin closed; NaN and outside skipped. */
static void hist_count(const double *x, int n, const double *e, int nb, double *cnt) {
    for (int i = 0; i < nb; i++) cnt[i] = 0;
    for (int i = 0; i < n; i++) {
        double v = x[i];
        if (!(v >= e[0] && v <= e[nb])) continue;
        int lo = 0, hi = nb; /* the last edge <= v */
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (e[mid] <= v)
                lo = mid;
            else
                hi = mid;
        }
        cnt[lo < nb ? lo : nb - 1]++;
    }
}

/* hist(x, bins=10, range=None, density=False, ...) → (counts, edges, BarContainer) */
static Value ax_hist(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",x,bins,range,density,color,edgecolor,ec,linewidth,lw,alpha,label,"
                            "histtype,rwidth,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Rectangle", kw, KW)) return ERRV;
    Value a[4] = {v_null(), v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 4; i++) a[i - 1] = argv[i];
    const char *names[4] = {"x", "bins", "range", "density"};
    for (int i = 0; i < 4; i++)
        if (IS_NULL(a[i])) a[i] = kwv(kw, names[i], NULL);
    if (IS_NULL(a[0]))
        return vm_raise(vm, vm->E.TypeError, "hist() missing 1 required positional argument: 'x'");
    AxesObj *ax = AXES(argv[0]);
    double *x = NULL, *edges = NULL, *cnt = NULL;
    int n, nb, density = is_none(a[3]) ? 0 : obj_truth(vm, a[3]);
    Value res = ERRV;
    if (density < 0 || fig_doubles(vm, a[0], &x, &n)
        || hist_edges(vm, a[1], a[2], x, n, &edges, &nb))
        goto done;
    if (!(cnt = malloc(sizeof(double) * (size_t)nb))) {
        vm_nomem(vm);
        goto done;
    }
    hist_count(x, n, edges, nb, cnt);
    double total = 0;
    for (int i = 0; i < nb; i++) total += cnt[i];
    for (int i = 0; density && total > 0 && i < nb; i++)
        cnt[i] /= total * (edges[i + 1] - edges[i]);
    Artist *ar = add_artist(vm, ax, AR_BAR);
    if (!ar) goto done;
    ar->n = nb;
    ar->x = malloc(sizeof(double) * (size_t)nb);
    ar->y = malloc(sizeof(double) * (size_t)nb);
    ar->w = malloc(sizeof(double) * (size_t)nb);
    if (!ar->x || !ar->y || !ar->w) {
        drop_last(ax);
        vm_nomem(vm);
        goto done;
    }
    for (int i = 0; i < nb; i++) {
        ar->x[i] = (edges[i] + edges[i + 1]) / 2;
        ar->w[i] = edges[i + 1] - edges[i];
        ar->y[i] = cnt[i];
    }
    ar->colour = next_colour(ax);
    ar->lw = 0;
    if (style_kw(vm, kw, ar, 0)) {
        drop_last(ax);
        goto done;
    }
    Value c = new_array(vm, cnt, nb), e = IS_ERR(c) ? ERRV : new_array(vm, edges, nb + 1);
    char buf[64];
    snprintf(buf, sizeof buf, "<BarContainer object of %d artists>", nb);
    Value bc = IS_ERR(e) ? ERRV : fig_repr_obj(vm, buf);
    if (!IS_ERR(bc)) res = tuple_pack(vm, 3, c, e, bc);
    decref(c);
    decref(e);
    decref(bc);
done:
    free(x);
    free(edges);
    free(cnt);
    return res;
}

/* ---------------------------------------------------------------- fills, lines, text */

/* fill_between(x, y1, y2=0, ...) */
static Value ax_fill_between(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",x,y1,y2,color,facecolor,alpha,label,linewidth,lw,edgecolor,ec,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "PolyCollection", kw, KW)) return ERRV;
    Value a[3] = {v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 3; i++) a[i - 1] = argv[i];
    const char *names[3] = {"x", "y1", "y2"};
    for (int i = 0; i < 3; i++)
        if (IS_NULL(a[i])) a[i] = kwv(kw, names[i], NULL);
    if (IS_NULL(a[0]) || IS_NULL(a[1]))
        return vm_raise(vm, vm->E.TypeError,
                        "fill_between() missing required arguments: 'x' and 'y1'");
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = add_artist(vm, ax, AR_FILL);
    if (!ar) return ERRV;
    int nx;
    if (fig_doubles(vm, a[0], &ar->x, &nx) || per_bar(vm, a[1], nx, 0, &ar->y)
        || per_bar(vm, a[2], nx, 0, &ar->y2))
        return drop_last(ax), ERRV;
    ar->n = nx;
    ar->colour = next_colour(ax);
    Value fc = kwv(kw, "facecolor", NULL);
    if (style_kw(vm, kw, ar, 0) || (!is_none(fc) && fig_colour(vm, fc, &ar->colour)))
        return drop_last(ax), ERRV;
    if (is_none(kwv(kw, "alpha", NULL)) && is_none(kwv(kw, "color", NULL)) && is_none(fc))
        ar->colour.a = 1;
    return at_repr(vm, "matplotlib.collections.PolyCollection", ar);
}

/* axhline(y=0, xmin=0, xmax=1, ...) and axvline(x=0, ymin=0, ymax=1, ...) */
static Value refline(VM *vm, int argc, const Value *argv, const KwArgs *kw, int vertical) {
    static const char *KW
        = ",x,y,xmin,xmax,ymin,ymax,color,c,alpha,label,linestyle,ls,linewidth,lw,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Line2D", kw, KW)) return ERRV;
    double v = 0, lo = 0, hi = 1;
    Value a[3] = {v_null(), v_null(), v_null()};
    for (int i = 1; i < argc && i <= 3; i++) a[i - 1] = argv[i];
    if (IS_NULL(a[0])) a[0] = kwv(kw, vertical ? "x" : "y", NULL);
    if (IS_NULL(a[1])) a[1] = kwv(kw, vertical ? "ymin" : "xmin", NULL);
    if (IS_NULL(a[2])) a[2] = kwv(kw, vertical ? "ymax" : "xmax", NULL);
    if (opt_num(vm, a[0], &v) || opt_num(vm, a[1], &lo) || opt_num(vm, a[2], &hi)) return ERRV;
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = add_artist(vm, ax, vertical ? AR_VLINE : AR_HLINE);
    if (!ar) return ERRV;
    ar->n = 1;
    ar->x = malloc(sizeof(double));
    ar->y = malloc(sizeof(double));
    ar->w = malloc(sizeof(double));
    if (!ar->x || !ar->y || !ar->w) return drop_last(ax), vm_nomem(vm);
    /* vertical: x = position, y = ymin, w = ymax; horizontal: y = position, x = xmin, w = xmax */
    ar->x[0] = vertical ? v : lo;
    ar->y[0] = vertical ? lo : v;
    ar->w[0] = hi;
    ar->colour = next_colour(ax);
    if (style_kw(vm, kw, ar, 1)) return drop_last(ax), ERRV;
    return at_repr(vm, "matplotlib.lines.Line2D", ar);
}

static Value ax_axhline(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return refline(vm, argc, argv, kw, 0);
}
static Value ax_axvline(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return refline(vm, argc, argv, kw, 1);
}

static int text_style(VM *vm, const KwArgs *kw, Artist *ar) {
    Value fs = kwv(kw, "fontsize", "size"), c = kwv(kw, "color", "c");
    Value ha = kwv(kw, "ha", "horizontalalignment"), va = kwv(kw, "va", "verticalalignment");
    ar->colour = (Rgba){0, 0, 0, 1};
    if (opt_num(vm, fs, &ar->fontsize) || (!is_none(c) && fig_colour(vm, c, &ar->colour)))
        return -1;
    if (IS_KIND(ha, K_STR))
        ar->ha = AS(StrObj, ha)->s[0] == 'c' ? 'c' : AS(StrObj, ha)->s[0] == 'r' ? 'r' : 'l';
    if (IS_KIND(va, K_STR)) {
        const char *s = AS(StrObj, va)->s;
        ar->va = !strcmp(s, "top")      ? 't'
                 : !strcmp(s, "center") ? 'c'
                 : !strcmp(s, "bottom") ? 'b'
                                        : 'B';
    }
    return 0;
}

static int point(VM *vm, Value x, Value y, Artist *ar) {
    ar->n = 1;
    ar->x = malloc(sizeof(double));
    ar->y = malloc(sizeof(double));
    if (!ar->x || !ar->y) return vm_nomem(vm), -1;
    return obj_to_double(vm, x, ar->x) || obj_to_double(vm, y, ar->y) ? -1 : 0;
}

static const char *TEXT_KW = ",x,y,s,text,xy,xytext,arrowprops,fontsize,size,color,c,ha,va,"
                             "horizontalalignment,verticalalignment,textcoords,xycoords,";

/* text(x, y, s, fontsize=None, color=None, ha='left', va='baseline') */
static Value ax_text(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    Value a[4];
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Text", kw, TEXT_KW)) return ERRV;
    if (argc < 4)
        return vm_raise(vm, vm->E.TypeError,
                        "text() missing required positional arguments: 'x', 'y' and 's'");
    for (int i = 0; i < 4; i++) a[i] = argv[i];
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = add_artist(vm, ax, AR_TEXT);
    if (!ar) return ERRV;
    if (point(vm, a[1], a[2], ar) || !(ar->text = opt_str(vm, a[3])) || text_style(vm, kw, ar))
        return drop_last(ax), ERRV;
    char buf[64];
    snprintf(buf, sizeof buf, "%g, %g", ar->x[0], ar->y[0]);
    return text_repr(vm, buf, ar->text);
}

static int pair_of(VM *vm, Value v, Value *x, Value *y) {
    if (!(IS_KIND(v, K_TUPLE) || IS_KIND(v, K_LIST)) || AS(ListObj, v)->len != 2)
        return vm_raise(vm, vm->E.TypeError, "xy must be a pair (x, y)"), -1;
    *x = AS(ListObj, v)->items[0];
    *y = AS(ListObj, v)->items[1];
    return 0;
}

/* annotate(text, xy, xytext=None, arrowprops=None, ...): text at xytext (or xy), an arrow to xy
 * when arrowprops is given. */
static Value ax_annotate(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Annotation", kw, TEXT_KW))
        return ERRV;
    Value s = argc > 1 ? argv[1] : kwv(kw, "text", "s"),
          xy = argc > 2 ? argv[2] : kwv(kw, "xy", NULL);
    Value xyt = argc > 3 ? argv[3] : kwv(kw, "xytext", NULL), arrow = kwv(kw, "arrowprops", NULL);
    if (IS_NULL(s) || IS_NULL(xy))
        return vm_raise(vm, vm->E.TypeError,
                        "annotate() missing required arguments: 'text' and 'xy'");
    Value x, y, tx, ty;
    if (pair_of(vm, xy, &x, &y) || (!is_none(xyt) && pair_of(vm, xyt, &tx, &ty))) return ERRV;
    if (is_none(xyt)) tx = x, ty = y;
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = add_artist(vm, ax, AR_TEXT);
    if (!ar) return ERRV;
    if (point(vm, tx, ty, ar) || !(ar->text = opt_str(vm, s)) || text_style(vm, kw, ar))
        return drop_last(ax), ERRV;
    if (!is_none(arrow) && (obj_to_double(vm, x, &ar->ax) || obj_to_double(vm, y, &ar->ay)))
        return drop_last(ax), ERRV;
    char buf[64];
    snprintf(buf, sizeof buf, "%g, %g", ar->x[0], ar->y[0]);
    Value r = text_repr(vm, buf, ar->text);
    if (IS_ERR(r)) return r;
    SBuf b = SBUF_INIT;
    sb_printf(&b, "Annotation%s", AS(ReprObj, r)->text + 4);
    free(AS(ReprObj, r)->text);
    AS(ReprObj, r)->text = sb_take(&b);
    return r;
}

/* imshow(X, cmap=None, vmin=None, vmax=None): the image in data coordinates, pixel centres at
 * integers, row 0 at the top, square pixels. */
static Value ax_imshow(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",X,cmap,vmin,vmax,alpha,extent,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "AxesImage", kw, KW)) return ERRV;
    Value x = argc > 1 ? argv[1] : kwv(kw, "X", NULL), cm = kwv(kw, "cmap", NULL);
    if (IS_NULL(x))
        return vm_raise(vm, vm->E.TypeError,
                        "imshow() missing 1 required positional argument: 'X'");
    ImgOpts o = {IS_KIND(cm, K_STR) ? AS(StrObj, cm)->s : NULL, NAN, NAN, 0};
    if (opt_num(vm, kwv(kw, "vmin", NULL), &o.vmin) || opt_num(vm, kwv(kw, "vmax", NULL), &o.vmax))
        return ERRV;
    ImgPixels px;
    if (img_from_value(vm, x, &o, &px)) return ERRV;
    SBuf png = SBUF_INIT, b64 = SBUF_INIT;
    int e = img_png(vm, &px, &png);
    if (!e && png_base64((unsigned char *)png.s, png.len, &b64)) e = -1, vm_nomem(vm);
    sb_free(&png);
    AxesObj *ax = AXES(argv[0]);
    Artist *ar = e ? NULL : add_artist(vm, ax, AR_IMAGE);
    if (!ar) return img_free(&px), sb_free(&b64), ERRV;
    ar->img_w = px.w;
    ar->img_h = px.h;
    ar->text = sb_take(&b64);
    img_free(&px);
    ax->image = 1;
    return at_repr(vm, "matplotlib.image.AxesImage", ar);
}

/* ---------------------------------------------------------------- labels, limits, legend */

static Value set_label(VM *vm, int argc, const Value *argv, const KwArgs *kw, char **slot,
                       const char *fname, const char *pos) {
    static const char *KW = ",label,fontsize,size,loc,pad,labelpad,color,fontdict,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Text", kw, KW)) return ERRV;
    Value lab = argc > 1 ? argv[1] : kwv(kw, "label", NULL);
    if (IS_NULL(lab))
        return vm_raise(vm, vm->E.TypeError, "%s() missing 1 required positional argument: 'label'",
                        fname);
    char *s = opt_str(vm, lab);
    if (!s && !is_none(lab)) return ERRV;
    free(*slot);
    *slot = s;
    return text_repr(vm, pos, s ? s : "");
}

static Value ax_set_title(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_label(vm, argc, argv, kw, &AXES(argv[0])->title, "set_title", "0.5, 1.0");
}
static Value ax_set_xlabel(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_label(vm, argc, argv, kw, &AXES(argv[0])->xlabel, "set_xlabel", "0.5, 0");
}
static Value ax_set_ylabel(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_label(vm, argc, argv, kw, &AXES(argv[0])->ylabel, "set_ylabel", "0, 0.5");
}

static Value limits_tuple(VM *vm, const AxesObj *ax, int y) {
    double xl[2], yl[2];
    svg_limits(ax, xl, yl);
    const double *l = y ? yl : xl;
    Value a = v_float(l[0]), b = v_float(l[1]);
    return tuple_pack(vm, 2, a, b);
}

/* set_xlim(left=None, right=None) / xlim(): also accepts one (left, right) pair; with no
 * arguments returns the current limits. */
static Value set_lim(VM *vm, int argc, const Value *argv, const KwArgs *kw, int y) {
    static const char *KW = ",left,right,bottom,top,xmin,xmax,ymin,ymax,emit,auto,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Axes", kw, KW)) return ERRV;
    AxesObj *ax = AXES(argv[0]);
    double *lim = y ? ax->ylim : ax->xlim;
    Value lo = argc > 1 ? argv[1] : kwv(kw, y ? "bottom" : "left", y ? "ymin" : "xmin");
    Value hi = argc > 2 ? argv[2] : kwv(kw, y ? "top" : "right", y ? "ymax" : "xmax");
    if (IS_NULL(lo) && IS_NULL(hi)) return limits_tuple(vm, ax, y);
    if ((IS_KIND(lo, K_TUPLE) || IS_KIND(lo, K_LIST)) && pair_of(vm, lo, &lo, &hi)) return ERRV;
    double a = lim[0], b = lim[1];
    if (opt_num(vm, lo, &a) || opt_num(vm, hi, &b)) return ERRV;
    if ((!isnan(a) && !isfinite(a)) || (!isnan(b) && !isfinite(b)))
        return vm_raise(vm, vm->E.ValueError, "Axis limits cannot be NaN or Inf");
    lim[0] = a;
    lim[1] = b;
    return limits_tuple(vm, ax, y);
}

static Value ax_set_xlim(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_lim(vm, argc, argv, kw, 0);
}
static Value ax_set_ylim(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_lim(vm, argc, argv, kw, 1);
}
static Value ax_get_xlim(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    return limits_tuple(vm, AXES(argv[0]), 0);
}
static Value ax_get_ylim(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    (void)argc, (void)kw;
    return limits_tuple(vm, AXES(argv[0]), 1);
}

static Value set_scale(VM *vm, int argc, const Value *argv, const KwArgs *kw, int y) {
    Value a[3];
    if (arg_parse(vm, y ? "set_yscale" : "set_xscale", "self,value|base", argc, argv, kw, a))
        return ERRV;
    if (IS_ERR(self_axes_check(vm, a[0]))) return ERRV;
    const char *s = IS_KIND(a[1], K_STR) ? AS(StrObj, a[1])->s : "";
    if (strcmp(s, "log") && strcmp(s, "linear"))
        return vm_raise(vm, vm->E.ValueError,
                        "'%s' is not a valid value for scale; supported values are 'linear', 'log'",
                        s);
    *(y ? &AXES(a[0])->ylog : &AXES(a[0])->xlog) = !strcmp(s, "log");
    return v_none();
}

static Value ax_set_xscale(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_scale(vm, argc, argv, kw, 0);
}
static Value ax_set_yscale(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    return set_scale(vm, argc, argv, kw, 1);
}

static int legend_loc(VM *vm, Value v, int *out) {
    static const char *NAMES[]
        = {"best",        "upper right",  "upper left",   "lower left",   "lower right", "right",
           "center left", "center right", "lower center", "upper center", "center"};
    if (is_none(v)) return 0;
    if (v.tag == T_INT && v.u.i >= 0 && v.u.i <= 10) return *out = (int)v.u.i, 0;
    for (int i = 0; IS_KIND(v, K_STR) && i <= 10; i++)
        if (!strcmp(AS(StrObj, v)->s, NAMES[i])) return *out = i, 0;
    return vm_raise(vm, vm->E.ValueError, "%s is not a valid value for loc",
                    IS_KIND(v, K_STR) ? AS(StrObj, v)->s : "this"),
           -1;
}

/* legend(labels=None, loc='best', ...): labels given in order name the artists in order. */
static Value ax_legend(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",labels,loc,fontsize,frameon,title,ncol,ncols,framealpha,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Legend", kw, KW)) return ERRV;
    AxesObj *ax = AXES(argv[0]);
    Value labels = argc > 1 ? argv[1] : kwv(kw, "labels", NULL);
    if (legend_loc(vm, kwv(kw, "loc", NULL), &ax->legend_loc)) return ERRV;
    if (!is_none(labels)) {
        ListObj *l = obj_to_list(vm, labels);
        if (!l) return ERRV;
        size_t k = 0;
        for (int i = 0; i < ax->nart && k < l->len; i++) {
            if (ax->art[i].kind == AR_TEXT || ax->art[i].kind == AR_IMAGE) continue;
            char *s = opt_str(vm, l->items[k++]);
            if (!s) return decref(v_obj(l)), ERRV;
            free(ax->art[i].label);
            ax->art[i].label = s;
        }
        decref(v_obj(l));
    }
    ax->legend = 1;
    return at_repr(vm, "matplotlib.legend.Legend", ax);
}

/* grid(visible=None, ...): toggles without arguments, like matplotlib. */
static Value ax_grid(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",visible,b,which,axis,color,linestyle,ls,linewidth,lw,alpha,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Line2D", kw, KW)) return ERRV;
    AxesObj *ax = AXES(argv[0]);
    Value v = argc > 1 ? argv[1] : kwv(kw, "visible", "b");
    if (is_none(v)) {
        ax->grid = kw && kw->n ? 1 : !ax->grid;
        return v_none();
    }
    int t = obj_truth(vm, v);
    if (t < 0) return ERRV;
    ax->grid = t;
    return v_none();
}

/* set(title=, xlabel=, ylabel=, xlim=, ylim=, xscale=, yscale=) */
static Value ax_set(VM *vm, int argc, const Value *argv, const KwArgs *kw) {
    static const char *KW = ",title,xlabel,ylabel,xlim,ylim,xscale,yscale,";
    if (IS_ERR(self_axes_check(vm, argv[0])) || check_kw(vm, "Axes", kw, KW)) return ERRV;
    (void)argc;
    static const struct {
        const char *name;
        CFunc fn;
    } SETTERS[] = {{"title", ax_set_title},  {"xlabel", ax_set_xlabel}, {"ylabel", ax_set_ylabel},
                   {"xlim", ax_set_xlim},    {"ylim", ax_set_ylim},     {"xscale", ax_set_xscale},
                   {"yscale", ax_set_yscale}};
    for (size_t i = 0; i < sizeof SETTERS / sizeof SETTERS[0]; i++) {
        Value v = kwv(kw, SETTERS[i].name, NULL);
        if (IS_NULL(v)) continue;
        Value args[2] = {argv[0], v};
        Value r = SETTERS[i].fn(vm, 2, args, NULL);
        if (IS_ERR(r)) return r;
        decref(r);
    }
    return v_none();
}

static const BuiltinDef AXES_METHODS[] = {
    {"plot", ax_plot, "(*args, **kwargs)", "Lines and/or markers: plot([x], y, [fmt], ...)."},
    {"scatter", ax_scatter, "(x, y, s=None, c=None, marker='o', cmap=None, ...)",
     "A scatter plot."},
    {"bar", ax_bar, "(x, height, width=0.8, bottom=None, ...)", "A bar chart."},
    {"barh", ax_barh, "(y, width, height=0.8, left=None, ...)", "A horizontal bar chart."},
    {"hist", ax_hist, "(x, bins=10, range=None, density=False, ...)", "A histogram."},
    {"errorbar", ax_errorbar, "(x, y, yerr=None, xerr=None, fmt='', ...)",
     "Lines with error bars."},
    {"fill_between", ax_fill_between, "(x, y1, y2=0, ...)", "Fills between two curves."},
    {"axhline", ax_axhline, "(y=0, xmin=0, xmax=1, ...)", "A horizontal line across the axes."},
    {"axvline", ax_axvline, "(x=0, ymin=0, ymax=1, ...)", "A vertical line across the axes."},
    {"text", ax_text, "(x, y, s, fontsize=None, ...)", "Text at data coordinates."},
    {"annotate", ax_annotate, "(text, xy, xytext=None, arrowprops=None, ...)",
     "Annotates a point."},
    {"imshow", ax_imshow, "(X, cmap=None, vmin=None, vmax=None)", "An image in the axes."},
    {"set_title", ax_set_title, "(label)", "Sets the title."},
    {"set_xlabel", ax_set_xlabel, "(xlabel)", "Sets the x-axis label."},
    {"set_ylabel", ax_set_ylabel, "(ylabel)", "Sets the y-axis label."},
    {"set_xlim", ax_set_xlim, "(left=None, right=None)", "Sets the x limits."},
    {"set_ylim", ax_set_ylim, "(bottom=None, top=None)", "Sets the y limits."},
    {"get_xlim", ax_get_xlim, "()", "The x limits."},
    {"get_ylim", ax_get_ylim, "()", "The y limits."},
    {"set_xscale", ax_set_xscale, "(value)", "'linear' or 'log'."},
    {"set_yscale", ax_set_yscale, "(value)", "'linear' or 'log'."},
    {"legend", ax_legend, "(labels=None, loc='best')", "Shows a legend of the labelled artists."},
    {"grid", ax_grid, "(visible=None)", "Shows or hides grid lines."},
    {"set", ax_set, "(**kwargs)", "Sets title, xlabel, ylabel, xlim, ylim, xscale, yscale."},
    {NULL, NULL, NULL, NULL},
};

TypeObj *axes_type_new(VM *vm) {
    TypeObj *t = type_new(vm, "Axes", vm->t_object, K_NATIVE);
    if (!t) return NULL;
    t->module = "matplotlib.axes";
    t->ops = &AXES_OPS;
    t->doc = "A plotting area with its own axes, ticks, labels and artists.";
    if (type_add_methods(vm, t, AXES_METHODS)) {
        decref(v_obj(t));
        return NULL;
    }
    return t;
}
