/* svg.c: renders a pyplot figure as an SVG document, in points (72 per inch) like matplotlib's
 * SVG backend: white figure, axes with spines, outward ticks at MaxNLocator's "nice" positions
 * (steps 1, 2, 2.5, 5, 10), tick labels, axis labels, title, grid, legend and the artists. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "atab.h"
#include "cmap.h"
#include "figure.h"
#include "font.h"

#define FONT "DejaVu Sans, Bitstream Vera Sans, Arial, Helvetica, sans-serif"
#define TICK_LEN 3.5
#define TICK_PAD 3.5
#define MAX_TICKS 64

Rgba fig_cycle_colour(int i) {
    static const unsigned char TAB10[10][3]
        = {{0x1f, 0x77, 0xb4}, {0xff, 0x7f, 0x0e}, {0x2c, 0xa0, 0x2c}, {0xd6, 0x27, 0x28},
           {0x94, 0x67, 0xbd}, {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0x7f, 0x7f, 0x7f},
           {0xbc, 0xbd, 0x22}, {0x17, 0xbe, 0xcf}};
    const unsigned char *c = TAB10[((i % 10) + 10) % 10];
    return (Rgba){c[0], c[1], c[2], 1};
}

/* An axis: data limits (in log10 units for log axes) mapped onto pixels p0 (lo) .. p1 (hi). */
typedef struct Scale {
    double lo, hi, p0, p1;
    int log;
} Scale;

static double to_px(const Scale *s, double v) {
    double t = s->log ? (v > 0 ? log10(v) : NAN) : v;
    return s->p0 + (t - s->lo) * (s->p1 - s->p0) / (s->hi - s->lo);
}

/* Data limits collected from the artists; sticky edges (bar bases) stop the margins. */
typedef struct Lim {
    double lo, hi, sticky;
    int any, has_sticky, log;
} Lim;

static void lim_add(Lim *l, double v) {
    if (!isfinite(v) || (l->log && v <= 0)) return;
    double t = l->log ? log10(v) : v;
    if (!l->any || t < l->lo) l->lo = t;
    if (!l->any || t > l->hi) l->hi = t;
    l->any = 1;
}

static void lim_sticky(Lim *l, double v) {
    if (l->log || !isfinite(v)) return;
    l->sticky = v;
    l->has_sticky = 1;
}

static void artist_limits(const Artist *a, Lim *lx, Lim *ly) {
    if (a->kind == AR_IMAGE) { /* pixel centres at integers: the edges are half a pixel out */
        lim_add(lx, -0.5), lim_add(lx, a->img_w - 0.5);
        lim_add(ly, -0.5), lim_add(ly, a->img_h - 0.5);
        return;
    }
    for (int i = 0; i < a->n; i++) {
        double x = a->x ? a->x[i] : NAN, y = a->y ? a->y[i] : NAN;
        switch (a->kind) {
        case AR_BAR: {
            double b = a->y2 ? a->y2[i] : 0, w = a->w ? a->w[i] : 0.8;
            Lim *lpos = a->horizontal ? ly : lx, *lval = a->horizontal ? lx : ly;
            lim_add(lpos, x - w / 2);
            lim_add(lpos, x + w / 2);
            lim_add(lval, b);
            lim_add(lval, b + y);
            if (b == 0) lim_sticky(lval, 0);
            break;
        }
        case AR_HLINE: lim_add(ly, y); break;
        case AR_VLINE: lim_add(lx, x); break;
        case AR_TEXT: break;
        case AR_FILL:
            lim_add(lx, x);
            lim_add(ly, y);
            lim_add(ly, a->y2[i]);
            break;
        default:
            if (!isfinite(x) || !isfinite(y)) break; /* matplotlib drops NaN points entirely */
            lim_add(lx, x);
            lim_add(ly, y);
            if (a->y2) lim_add(ly, y - a->y2[i]), lim_add(ly, y + a->y2[i]);
            if (a->xerr) lim_add(lx, x - a->xerr[i]), lim_add(lx, x + a->xerr[i]);
        }
    }
}

/* View limits: the data's with 5% margins (not past sticky edges), made non-singular; set
 * limits win. Results are in scale units (log10 for log axes). */
static void view_limits(const Lim *l, const double set[2], double margin, double *lo, double *hi) {
    double a = l->any ? l->lo : 0, b = l->any ? l->hi : 1;
    double d = (b - a) * margin;
    double na = a - d, nb = b + d;
    if (l->has_sticky && na < l->sticky && l->sticky <= a) na = l->sticky;
    if (l->has_sticky && nb > l->sticky && l->sticky >= b) nb = l->sticky;
    if (na == nb) {
        double e = na == 0 ? (l->log ? 1 : 0.05) : fabs(na) * 0.05;
        na -= e;
        nb += e;
    }
    *lo = isnan(set[0]) ? na : l->log ? log10(set[0]) : set[0];
    *hi = isnan(set[1]) ? nb : l->log ? log10(set[1]) : set[1];
    if (*lo == *hi) *hi = *lo + 1;
}

/* MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10]): the smallest nice step at least
 * (hi - lo) / nbins that still leaves two ticks in range. */
static int nice_ticks(double lo, double hi, int nbins, double *t, double *stepp) {
    static const double STEPS[] = {1, 2, 2.5, 5, 10};
    if (lo > hi) {
        double x = lo;
        lo = hi;
        hi = x;
    }
    double raw = (hi - lo) / nbins, scale = pow(10, floor(log10(raw)));
    int i = 0;
    while (i < 4 && STEPS[i] * scale < raw * (1 - 1e-9)) i++;
    int n = 0;
    for (; i >= 0; i--) {
        double step = STEPS[i] * scale, base = floor(lo / step) * step;
        n = 0;
        for (double k = ceil((lo - base) / step - 1e-9); n < MAX_TICKS; k++) {
            double v = base + k * step;
            if (v > hi + step * 1e-9) break;
            t[n++] = fabs(v) < step * 1e-9 ? 0 : v;
        }
        *stepp = step;
        if (n >= 2) break;
    }
    return n;
}

/* Log axes: one tick per decade in range (every k-th when there are many). */
static int log_ticks(double lo, double hi, double *t) {
    if (lo > hi) {
        double x = lo;
        lo = hi;
        hi = x;
    }
    int a = (int)ceil(lo - 1e-9), b = (int)floor(hi + 1e-9), every = 1;
    while ((b - a) / every + 1 > 10) every++;
    int n = 0;
    for (int k = a; k <= b && n < MAX_TICKS; k++)
        if ((k - a) % every == 0) t[n++] = k;
    return n;
}

typedef struct Ticks {
    double v[MAX_TICKS]; /* positions in scale units */
    char lab[MAX_TICKS][40];
    int n;
    char offset[32]; /* "1e6" when labels are scaled, else "" */
    double maxw;     /* widest label, in pt (estimated) */
} Ticks;

/* The width of s at size in the renderer's font (DejaVu Sans, the first face the SVG asks for:
 * font.c's advances), 0.6 em for characters it lacks. */
static double text_width(const char *s, double size) {
    double w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int cp = *p, k = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
        if (k > 1) cp &= 0x3f >> (k - 1);
        for (int i = 1; i < k && p[i]; i++) cp = (cp << 6) | (p[i] & 0x3f);
        for (int i = 0; i < k && *p; i++) p++;
        const FontGlyph *g = font_glyph(cp);
        w += g && g->cp == cp ? g->adv16 / 16.0 / FONT_EM : 0.6;
    }
    return w * size;
}

/* The number as ScalarFormatter writes it: decimals enough for the step, a real minus sign. */
static void format_tick(double v, int dec, char *out, size_t n) {
    char buf[40];
    snprintf(buf, sizeof buf, "%.*f", dec, v);
    if (!strcmp(buf, "-0") || (buf[0] == '-' && strspn(buf + 1, "0.") == strlen(buf + 1)))
        memmove(buf, buf + 1, strlen(buf));
    if (buf[0] == '-')
        snprintf(out, n, "\xe2\x88\x92%s", buf + 1);
    else
        snprintf(out, n, "%s", buf);
}

static int decimals_for(double step) {
    for (int d = 0; d < 12; d++) {
        double s = step * pow(10, d);
        if (fabs(s - round(s)) < 1e-6 * s) return d;
    }
    return 12;
}

static void make_ticks(const Scale *s, double length, int is_x, char **cats, int ncats, Ticks *t) {
    memset(t, 0, sizeof *t);
    if (cats) {
        for (int i = 0; i < ncats && t->n < MAX_TICKS; i++) {
            t->v[t->n] = i;
            snprintf(t->lab[t->n++], sizeof t->lab[0], "%s", cats[i]);
        }
    } else if (s->log && log_ticks(s->lo, s->hi, t->v) >= 2) {
        t->n = log_ticks(s->lo, s->hi, t->v);
        for (int i = 0; i < t->n; i++) snprintf(t->lab[i], sizeof t->lab[0], "10^%d", (int)t->v[i]);
    } else if (s->log) { /* less than two decades: plain numbers at nice positions */
        double step = 1, v[MAX_TICKS];
        int n = nice_ticks(pow(10, s->lo), pow(10, s->hi), 5, v, &step);
        for (int i = 0; i < n; i++) {
            if (!(v[i] > 0)) continue;
            t->v[t->n] = log10(v[i]);
            format_tick(v[i], decimals_for(step), t->lab[t->n], sizeof t->lab[0]);
            t->n++;
        }
    } else {
        int nbins = (int)floor(length / (is_x ? 30.0 : 20.0));
        nbins = nbins < 1 ? 1 : nbins > 9 ? 9 : nbins;
        double step = 1, maxabs = 0;
        t->n = nice_ticks(s->lo, s->hi, nbins, t->v, &step);
        for (int i = 0; i < t->n; i++) maxabs = fmax(maxabs, fabs(t->v[i]));
        int ex = maxabs > 0 ? (int)floor(log10(maxabs)) : 0;
        double scale = 1;
        if (ex >= 6 || ex <= -5) {
            scale = pow(10, -ex);
            snprintf(t->offset, sizeof t->offset, "1e%d", ex);
        }
        int dec = decimals_for(step * scale);
        for (int i = 0; i < t->n; i++)
            format_tick(t->v[i] * scale, dec, t->lab[i], sizeof t->lab[0]);
    }
    for (int i = 0; i < t->n; i++) t->maxw = fmax(t->maxw, text_width(t->lab[i], 10));
}

/* ---------------------------------------------------------------- SVG output helpers */

static void colour_attr(SBuf *b, const char *what, Rgba c) {
    sb_printf(b, "%s:#%02x%02x%02x;", what, c.r, c.g, c.b);
    if (c.a < 1) sb_printf(b, "%s-opacity:%.3g;", what, c.a);
}

/* The extent of the labels drawn outside the axes (estimated like text_width), collected while
 * a figure renders so that the figure can grow to show them all: IPython's inline backend saves
 * with bbox_inches='tight' for the same reason (an xlabel under a short figure stays visible). */
typedef struct Extent {
    double x0, y0, x1, y1;
} Extent;
static _Thread_local Extent *cur_extent;

static void extent_add(double x, double y, double size, const char *anchor, double rot,
                       const char *s) {
    if (!cur_extent) return;
    double w = text_width(s, size), a = anchor[0] == 'm' ? 0.5 : anchor[0] == 'e' ? 1 : 0;
    double lo = -a * w, hi = (1 - a) * w, up = 0.8 * size, down = 0.25 * size;
    double x0 = x + lo, x1 = x + hi, y0 = y - up, y1 = y + down;
    if (rot != 0) /* +-90: the run goes along y */
        x0 = x - up, x1 = x + down, y0 = y - hi, y1 = y - lo;
    Extent *e = cur_extent;
    e->x0 = fmin(e->x0, x0), e->y0 = fmin(e->y0, y0);
    e->x1 = fmax(e->x1, x1), e->y1 = fmax(e->y1, y1);
}

static void put_text(SBuf *b, double x, double y, double size, const char *anchor, double rot,
                     const char *cls, const char *s) {
    extent_add(x, y, size, anchor, rot, s);
    sb_printf(b, "<text class=\"%s\" x=\"%.2f\" y=\"%.2f\" font-size=\"%g\" text-anchor=\"%s\"",
              cls, x, y, size, anchor);
    if (rot != 0) sb_printf(b, " transform=\"rotate(%g %.2f %.2f)\"", rot, x, y);
    sb_puts(b, ">");
    /* 10^k tick labels get a superscript. */
    if (!strncmp(s, "10^", 3)) {
        sb_printf(b, "10<tspan dy=\"-%.1f\" font-size=\"%.1f\">", size * 0.4, size * 0.7);
        char e[40];
        format_tick(atof(s + 3), 0, e, sizeof e);
        sb_puts(b, e);
        sb_puts(b, "</tspan>");
    } else {
        atab_escape(b, s, strlen(s));
    }
    sb_puts(b, "</text>\n");
}

static const char *dash_of(int ls, double lw) {
    (void)lw;
    switch (ls) {
    case LS_DASHED: return "5.55,2.4";
    case LS_DOTTED: return "1.5,2.475";
    case LS_DASHDOT: return "9.6,2.4,1.5,2.4";
    default: return NULL;
    }
}

/* One marker centred on (x, y), size d (pt, the marker's width). */
static void put_marker(SBuf *b, char m, double x, double y, double d, Rgba fill, double lw) {
    double r = d / 2;
    sb_puts(b, "<path d=\"");
    switch (m) {
    case 's': sb_printf(b, "M%.2f %.2fh%.2fv%.2fh%.2fz", x - r, y - r, d, d, -d); break;
    case '^':
    case 'v': {
        double k = m == '^' ? -1 : 1;
        sb_printf(b, "M%.2f %.2fL%.2f %.2fL%.2f %.2fz", x, y + k * r, x - r, y - k * r, x + r,
                  y - k * r);
        break;
    }
    case '<':
    case '>': {
        double k = m == '<' ? -1 : 1;
        sb_printf(b, "M%.2f %.2fL%.2f %.2fL%.2f %.2fz", x + k * r, y, x - k * r, y - r, x - k * r,
                  y + r);
        break;
    }
    case 'D':
    case 'd': {
        double rx = m == 'd' ? r * 0.6 : r;
        sb_printf(b, "M%.2f %.2fL%.2f %.2fL%.2f %.2fL%.2f %.2fz", x, y - r, x + rx, y, x, y + r,
                  x - rx, y);
        break;
    }
    case 'x':
        sb_printf(b, "M%.2f %.2fL%.2f %.2fM%.2f %.2fL%.2f %.2f", x - r, y - r, x + r, y + r, x - r,
                  y + r, x + r, y - r);
        break;
    case '+':
        sb_printf(b, "M%.2f %.2fL%.2f %.2fM%.2f %.2fL%.2f %.2f", x - r, y, x + r, y, x, y - r, x,
                  y + r);
        break;
    case '*':
    case 'p':
    case 'h': {
        int k = m == '*' ? 10 : m == 'p' ? 5 : 6;
        for (int i = 0; i < k; i++) {
            double ang = -M_PI / 2 + i * 2 * M_PI / k, rr = m == '*' && i % 2 ? r * 0.4 : r;
            sb_printf(b, "%c%.2f %.2f", i ? 'L' : 'M', x + rr * cos(ang), y + rr * sin(ang));
        }
        sb_puts(b, "z");
        break;
    }
    default: { /* 'o' and '.' */
        double rr = m == '.' ? r * 0.5 : r;
        sb_printf(b, "M%.2f %.2fa%.2f %.2f 0 1 0 %.2f 0a%.2f %.2f 0 1 0 %.2f 0z", x - rr, y, rr, rr,
                  2 * rr, rr, rr, -2 * rr);
    }
    }
    sb_puts(b, "\" style=\"");
    if (m == 'x' || m == '+') {
        sb_puts(b, "fill:none;");
        colour_attr(b, "stroke", fill);
        sb_printf(b, "stroke-width:%.2f", lw > 0 ? lw : 1);
    } else {
        colour_attr(b, "fill", fill);
        colour_attr(b, "stroke", fill);
        sb_puts(b, "stroke-width:1");
    }
    sb_puts(b, "\"/>\n");
}

typedef struct Panel {
    Scale x, y;
    double left, top, width, height;
    char clip[24];
} Panel;

static double px_x(const Panel *f, double v) { return to_px(&f->x, v); }
static double px_y(const Panel *f, double v) { return to_px(&f->y, v); }

static void line_path(SBuf *b, const Panel *f, const Artist *a) {
    sb_puts(b, "<path d=\"");
    int pen = 0;
    for (int i = 0; i < a->n; i++) {
        double x = px_x(f, a->x[i]), y = px_y(f, a->y[i]);
        if (!isfinite(x) || !isfinite(y)) {
            pen = 0;
            continue;
        }
        sb_printf(b, "%c%.2f %.2f", pen ? 'L' : 'M', x, y);
        pen = 1;
    }
    sb_puts(b, "\" style=\"fill:none;");
    colour_attr(b, "stroke", a->colour);
    sb_printf(b, "stroke-width:%.2f;stroke-linecap:%s;stroke-linejoin:round;", a->lw,
              a->ls == LS_SOLID ? "square" : "butt");
    const char *dash = dash_of(a->ls, a->lw);
    if (dash) sb_printf(b, "stroke-dasharray:%s;", dash);
    sb_puts(b, "\"/>\n");
}

static void error_bars(SBuf *b, const Panel *f, const Artist *a) {
    for (int i = 0; i < a->n; i++) {
        double x = a->x[i], y = a->y[i];
        if (!isfinite(x) || !isfinite(y)) continue;
        for (int dir = 0; dir < 2; dir++) {
            const double *e = dir ? a->xerr : a->y2;
            if (!e || !isfinite(e[i])) continue;
            double x0 = px_x(f, dir ? x - e[i] : x), x1 = px_x(f, dir ? x + e[i] : x);
            double y0 = px_y(f, dir ? y : y - e[i]), y1 = px_y(f, dir ? y : y + e[i]);
            sb_printf(b, "<path d=\"M%.2f %.2fL%.2f %.2f", x0, y0, x1, y1);
            double c = a->capsize;
            if (c > 0 && !dir)
                sb_printf(b, "M%.2f %.2fh%.2fM%.2f %.2fh%.2f", x0 - c, y0, 2 * c, x1 - c, y1,
                          2 * c);
            if (c > 0 && dir)
                sb_printf(b, "M%.2f %.2fv%.2fM%.2f %.2fv%.2f", x0, y0 - c, 2 * c, x1, y1 - c,
                          2 * c);
            sb_puts(b, "\" style=\"fill:none;");
            colour_attr(b, "stroke", a->colour);
            sb_printf(b, "stroke-width:%.2f\"/>\n", a->lw);
        }
    }
}

static void draw_line(SBuf *b, const Panel *f, const Artist *a) {
    if (a->ls != LS_NONE) line_path(b, f, a);
    error_bars(b, f, a);
    if (!a->marker) return;
    for (int i = 0; i < a->n; i++) {
        double x = px_x(f, a->x[i]), y = px_y(f, a->y[i]);
        if (isfinite(x) && isfinite(y)) put_marker(b, a->marker, x, y, a->ms, a->colour, a->lw);
    }
}

static void draw_scatter(SBuf *b, const Panel *f, const Artist *a) {
    unsigned char lut[256][3];
    double lo = a->vmin, hi = a->vmax;
    if (a->c) {
        if (cmap_get(a->cmap[0] ? a->cmap : "viridis", lut)) cmap_get("viridis", lut);
        double mn = INFINITY, mx = -INFINITY;
        for (int i = 0; i < a->n; i++)
            if (isfinite(a->c[i])) mn = fmin(mn, a->c[i]), mx = fmax(mx, a->c[i]);
        if (isnan(lo)) lo = mn;
        if (isnan(hi)) hi = mx;
    }
    for (int i = 0; i < a->n; i++) {
        double x = px_x(f, a->x[i]), y = px_y(f, a->y[i]);
        if (!isfinite(x) || !isfinite(y)) continue;
        Rgba c = a->colour;
        if (a->c) {
            if (!isfinite(a->c[i])) continue;
            double t = hi > lo ? (a->c[i] - lo) / (hi - lo) * 256 : 0;
            int k = t < 0 ? 0 : t >= 255 ? 255 : (int)t;
            c = (Rgba){lut[k][0], lut[k][1], lut[k][2], a->colour.a};
        }
        double s = a->s ? a->s[i] : a->size;
        if (!(s > 0)) continue;
        put_marker(b, a->marker ? a->marker : 'o', x, y, sqrt(s), c, 1.5);
    }
}

static void draw_bars(SBuf *b, const Panel *f, const Artist *a) {
    for (int i = 0; i < a->n; i++) {
        double pos = a->x[i], w = a->w ? a->w[i] : 0.8, base = a->y2 ? a->y2[i] : 0;
        double v0 = base, v1 = base + a->y[i], q0 = pos - w / 2, q1 = pos + w / 2;
        double x0 = a->horizontal ? px_x(f, v0) : px_x(f, q0),
               x1 = a->horizontal ? px_x(f, v1) : px_x(f, q1);
        double y0 = a->horizontal ? px_y(f, q0) : px_y(f, v0),
               y1 = a->horizontal ? px_y(f, q1) : px_y(f, v1);
        if (!isfinite(x0) || !isfinite(x1) || !isfinite(y0) || !isfinite(y1)) continue;
        sb_printf(b, "<path class=\"bar\" d=\"M%.2f %.2fH%.2fV%.2fH%.2fz\" style=\"", fmin(x0, x1),
                  fmin(y0, y1), fmax(x0, x1), fmax(y0, y1), fmin(x0, x1));
        colour_attr(b, "fill", a->colour);
        if (a->edge.a > 0) {
            colour_attr(b, "stroke", a->edge);
            sb_printf(b, "stroke-width:%.2f;stroke-linejoin:miter", a->lw > 0 ? a->lw : 1);
        }
        sb_puts(b, "\"/>\n");
    }
}

static void draw_fill(SBuf *b, const Panel *f, const Artist *a) {
    sb_puts(b, "<path d=\"");
    int first = 1;
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < a->n; k++) {
            int i = pass ? a->n - 1 - k : k;
            double x = px_x(f, a->x[i]), y = px_y(f, pass ? a->y2[i] : a->y[i]);
            if (!isfinite(x) || !isfinite(y)) continue;
            sb_printf(b, "%c%.2f %.2f", first ? 'M' : 'L', x, y);
            first = 0;
        }
    sb_puts(b, "z\" style=\"");
    colour_attr(b, "fill", a->colour);
    sb_puts(b, "stroke:none\"/>\n");
}

static void draw_refline(SBuf *b, const Panel *f, const Artist *a) {
    for (int i = 0; i < a->n; i++) {
        double x0, x1, y0, y1;
        if (a->kind == AR_HLINE) {
            y0 = y1 = px_y(f, a->y[i]);
            x0 = f->left + f->width * a->x[0];
            x1 = f->left + f->width * a->w[0];
        } else {
            x0 = x1 = px_x(f, a->x[i]);
            y0 = f->top + f->height * (1 - a->y[0]);
            y1 = f->top + f->height * (1 - a->w[0]);
            i = a->n; /* one vertical line per artist */
        }
        if (!isfinite(x0 + x1 + y0 + y1)) continue;
        sb_printf(b, "<path d=\"M%.2f %.2fL%.2f %.2f\" style=\"fill:none;", x0, y0, x1, y1);
        colour_attr(b, "stroke", a->colour);
        sb_printf(b, "stroke-width:%.2f;", a->lw);
        const char *dash = dash_of(a->ls, a->lw);
        if (dash) sb_printf(b, "stroke-dasharray:%s;", dash);
        sb_puts(b, "\"/>\n");
    }
}

static void draw_text(SBuf *b, const Panel *f, const Artist *a) {
    double x = px_x(f, a->x[0]), y = px_y(f, a->y[0]);
    if (!isfinite(x) || !isfinite(y)) return;
    if (isfinite(a->ax) && isfinite(a->ay)) {
        double tx = px_x(f, a->ax), ty = px_y(f, a->ay);
        double dx = tx - x, dy = ty - y, len = sqrt(dx * dx + dy * dy);
        if (len > 1) {
            double ux = dx / len, uy = dy / len, hx = tx - 8 * ux, hy = ty - 8 * uy;
            sb_printf(b,
                      "<path d=\"M%.2f %.2fL%.2f %.2f\" "
                      "style=\"fill:none;stroke:#000;stroke-width:1\"/>\n",
                      x, y, hx, hy);
            sb_printf(b, "<path d=\"M%.2f %.2fL%.2f %.2fL%.2f %.2fz\" style=\"fill:#000\"/>\n", tx,
                      ty, hx - 3 * uy, hy + 3 * ux, hx + 3 * uy, hy - 3 * ux);
        }
    }
    const char *anchor = a->ha == 'c' ? "middle" : a->ha == 'r' ? "end" : "start";
    double dy = a->va == 't' ? a->fontsize * 0.8 : a->va == 'c' ? a->fontsize * 0.35 : 0;
    sb_printf(
        b,
        "<text class=\"text\" x=\"%.2f\" y=\"%.2f\" font-size=\"%g\" text-anchor=\"%s\" style=\"",
        x, y + dy, a->fontsize, anchor);
    colour_attr(b, "fill", a->colour);
    sb_puts(b, "\">");
    atab_escape(b, a->text, strlen(a->text));
    sb_puts(b, "</text>\n");
}

static void draw_image(SBuf *b, const Panel *f, const Artist *a) {
    double x0 = px_x(f, -0.5), x1 = px_x(f, a->img_w - 0.5);
    double y0 = px_y(f, -0.5), y1 = px_y(f, a->img_h - 0.5);
    sb_printf(b,
              "<image x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
              "preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" "
              "xlink:href=\"data:image/png;base64,%s\"/>\n",
              fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0), fabs(y1 - y0), a->text);
}

static void draw_artist(SBuf *b, const Panel *f, const Artist *a) {
    switch (a->kind) {
    case AR_LINE: draw_line(b, f, a); break;
    case AR_SCATTER: draw_scatter(b, f, a); break;
    case AR_BAR: draw_bars(b, f, a); break;
    case AR_FILL: draw_fill(b, f, a); break;
    case AR_HLINE:
    case AR_VLINE: draw_refline(b, f, a); break;
    case AR_TEXT: draw_text(b, f, a); break;
    case AR_IMAGE: draw_image(b, f, a); break;
    }
}

/* ---------------------------------------------------------------- ticks, grid, labels */

static void draw_ticks(SBuf *b, const Panel *f, const Ticks *t, int is_x, int grid) {
    int ntick = 0;
    double bottom = f->top + f->height;
    sb_printf(b, "<g id=\"matplotlib.axis_%d\" class=\"%saxis\">\n", is_x ? 1 : 2,
              is_x ? "x" : "y");
    for (int i = 0; i < t->n; i++) {
        const Scale *s = is_x ? &f->x : &f->y;
        double p = s->p0 + (t->v[i] - s->lo) * (s->p1 - s->p0) / (s->hi - s->lo);
        if (!isfinite(p)) continue;
        sb_printf(b, "<g id=\"%stick_%d\" class=\"tick\">\n", is_x ? "x" : "y", ++ntick);
        if (grid && is_x)
            sb_printf(
                b,
                "<path class=\"grid\" d=\"M%.2f %.2fV%.2f\" "
                "style=\"fill:none;stroke:#b0b0b0;stroke-width:0.8;stroke-linecap:square\"/>\n",
                p, f->top, bottom);
        if (grid && !is_x)
            sb_printf(
                b,
                "<path class=\"grid\" d=\"M%.2f %.2fH%.2f\" "
                "style=\"fill:none;stroke:#b0b0b0;stroke-width:0.8;stroke-linecap:square\"/>\n",
                f->left, p, f->left + f->width);
        if (is_x) {
            sb_printf(b, "<path d=\"M%.2f %.2fv%.1f\" style=\"stroke:#000;stroke-width:0.8\"/>\n",
                      p, bottom, TICK_LEN);
            put_text(b, p, bottom + TICK_LEN + TICK_PAD + 7.6, 10, "middle", 0, "ticklabel",
                     t->lab[i]);
        } else {
            sb_printf(b, "<path d=\"M%.2f %.2fh%.1f\" style=\"stroke:#000;stroke-width:0.8\"/>\n",
                      f->left, p, -TICK_LEN);
            put_text(b, f->left - TICK_LEN - TICK_PAD, p + 3.6, 10, "end", 0, "ticklabel",
                     t->lab[i]);
        }
        sb_puts(b, "</g>\n");
    }
    if (t->offset[0] && is_x)
        put_text(b, f->left + f->width, bottom + 32, 10, "end", 0, "offset", t->offset);
    if (t->offset[0] && !is_x)
        put_text(b, f->left, f->top - 4, 10, "start", 0, "offset", t->offset);
    sb_puts(b, "</g>\n");
}

/* ---------------------------------------------------------------- legend */

typedef struct Entry {
    const Artist *a;
} Entry;

static int legend_entries(const AxesObj *ax, Entry *e, int max) {
    int n = 0;
    for (int i = 0; i < ax->nart && n < max; i++) {
        const Artist *a = &ax->art[i];
        if (a->label && a->label[0] && a->label[0] != '_' && a->kind != AR_TEXT
            && a->kind != AR_IMAGE)
            e[n++].a = a;
    }
    return n;
}

/* How many data points fall into the box (x, y, w, h): 'best' picks the emptiest place. */
static int points_inside(const AxesObj *ax, const Panel *f, double x, double y, double w,
                         double h) {
    int k = 0;
    for (int i = 0; i < ax->nart; i++) {
        const Artist *a = &ax->art[i];
        for (int j = 0; j < a->n && a->x && a->y; j++) {
            double px = px_x(f, a->kind == AR_BAR && a->horizontal ? a->y[j] : a->x[j]);
            double py = px_y(f, a->kind == AR_BAR && a->horizontal ? a->x[j] : a->y[j]);
            if (a->kind == AR_HLINE) px = x + w / 2;
            if (a->kind == AR_VLINE) py = y + h / 2;
            k += px >= x && px <= x + w && py >= y && py <= y + h;
            if (a->kind == AR_LINE && a->ls != LS_NONE && j + 1 < a->n) /* along the segment */
                for (int q = 1; q < 8; q++) {
                    double sx = px + (px_x(f, a->x[j + 1]) - px) * q / 8;
                    double sy = py + (px_y(f, a->y[j + 1]) - py) * q / 8;
                    k += sx >= x && sx <= x + w && sy >= y && sy <= y + h;
                }
            if (a->kind == AR_BAR && !a->horizontal)
                k += px >= x && px <= x + w && fmin(py, px_y(f, 0)) <= y + h
                     && fmax(py, px_y(f, 0)) >= y;
        }
    }
    return k;
}

static void legend_place(const AxesObj *ax, const Panel *f, double w, double h, double *x,
                         double *y) {
    /* matplotlib's codes: 1 upper right, 2 upper left, 3 lower left, 4 lower right, 5 right,
     * 6 center left, 7 center right, 8 lower center, 9 upper center, 10 center. */
    static const double FX[11] = {0, 1, 0, 0, 1, 1, 0, 1, 0.5, 0.5, 0.5};
    static const double FY[11] = {0, 0, 0, 1, 1, 0.5, 0.5, 0.5, 1, 0, 0.5};
    int loc = ax->legend_loc, best = 1, bestn = -1;
    double pad = 5;
    for (int c = 1; c <= 10; c++) {
        if (loc && c != loc) continue;
        double cx = f->left + pad + FX[c] * (f->width - w - 2 * pad);
        double cy = f->top + pad + FY[c] * (f->height - h - 2 * pad);
        int n = loc ? 0 : points_inside(ax, f, cx, cy, w, h);
        if (bestn < 0 || n < bestn) best = c, bestn = n, *x = cx, *y = cy;
    }
    (void)best;
}

static void draw_legend(SBuf *b, const AxesObj *ax, const Panel *f) {
    Entry e[32];
    int n = legend_entries(ax, e, 32);
    if (!n) return;
    double tw = 0, row = 14, w, h, x = 0, y = 0;
    for (int i = 0; i < n; i++) tw = fmax(tw, text_width(e[i].a->label, 10));
    w = 8 + 20 + 8 + tw + 8;
    h = 6 + n * row + 2;
    legend_place(ax, f, w, h, &x, &y);
    sb_printf(
        b,
        "<g class=\"legend\">\n<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"2\" "
        "style=\"fill:#fff;fill-opacity:0.8;stroke:#ccc;stroke-width:1\"/>\n",
        x, y, w, h);
    for (int i = 0; i < n; i++) {
        const Artist *a = e[i].a;
        double cy = y + 4 + row * i + row / 2, hx = x + 8;
        if (a->kind == AR_BAR || a->kind == AR_FILL) {
            sb_printf(b, "<rect x=\"%.2f\" y=\"%.2f\" width=\"20\" height=\"7\" style=\"", hx,
                      cy - 3.5);
            colour_attr(b, "fill", a->colour);
            sb_puts(b, "\"/>\n");
        } else {
            if ((a->kind == AR_LINE && a->ls != LS_NONE) || a->kind == AR_HLINE
                || a->kind == AR_VLINE) {
                sb_printf(b, "<path d=\"M%.2f %.2fh20\" style=\"fill:none;", hx, cy);
                colour_attr(b, "stroke", a->colour);
                sb_printf(b, "stroke-width:%.2f;", a->lw);
                const char *dash = dash_of(a->ls, a->lw);
                if (dash) sb_printf(b, "stroke-dasharray:%s;", dash);
                sb_puts(b, "\"/>\n");
            }
            if (a->kind == AR_SCATTER || a->marker) {
                Rgba c = a->colour;
                if (a->kind == AR_SCATTER && a->c) c = fig_cycle_colour(0);
                double d = a->kind == AR_SCATTER ? sqrt(a->s ? a->s[0] : a->size) : a->ms;
                put_marker(b, a->marker ? a->marker : 'o', hx + 10, cy, fmin(d, 12), c, a->lw);
            }
        }
        put_text(b, hx + 28, cy + 3.6, 10, "start", 0, "legendtext", a->label);
    }
    sb_puts(b, "</g>\n");
}

/* ---------------------------------------------------------------- axes */

static void axes_frame(const AxesObj *ax, double W, double H, Panel *f) {
    Lim lx = {0}, ly = {0};
    lx.log = ax->xlog;
    ly.log = ax->ylog;
    for (int i = 0; i < ax->nart; i++) artist_limits(&ax->art[i], &lx, &ly);
    double margin = ax->image ? 0 : 0.05;
    view_limits(&lx, ax->xlim, margin, &f->x.lo, &f->x.hi);
    view_limits(&ly, ax->ylim, margin, &f->y.lo, &f->y.hi);
    if (ax->image && isnan(ax->ylim[0])) { /* images: row 0 at the top */
        double t = f->y.lo;
        f->y.lo = f->y.hi;
        f->y.hi = t;
    }
    f->x.log = ax->xlog;
    f->y.log = ax->ylog;
    f->left = ax->box[0] * W;
    f->width = ax->box[2] * W;
    f->height = ax->box[3] * H;
    f->top = (1 - ax->box[1] - ax->box[3]) * H;
    if (ax->image) { /* aspect 'equal': square pixels, the box shrunk about its centre */
        double dx = fabs(f->x.hi - f->x.lo), dy = fabs(f->y.hi - f->y.lo);
        double k = fmin(f->width / dx, f->height / dy), nw = dx * k, nh = dy * k;
        f->left += (f->width - nw) / 2;
        f->top += (f->height - nh) / 2;
        f->width = nw;
        f->height = nh;
    }
    f->x.p0 = f->left;
    f->x.p1 = f->left + f->width;
    f->y.p0 = f->top + f->height;
    f->y.p1 = f->top;
}

void svg_limits(const AxesObj *ax, double xl[2], double yl[2]) {
    Panel f;
    axes_frame(ax, 100, 100, &f);
    xl[0] = ax->xlog ? pow(10, f.x.lo) : f.x.lo;
    xl[1] = ax->xlog ? pow(10, f.x.hi) : f.x.hi;
    yl[0] = ax->ylog ? pow(10, f.y.lo) : f.y.lo;
    yl[1] = ax->ylog ? pow(10, f.y.hi) : f.y.hi;
}

static void draw_axes(SBuf *b, const AxesObj *ax, double W, double H, int idx, const char *uid) {
    Panel f;
    axes_frame(ax, W, H, &f);
    snprintf(f.clip, sizeof f.clip, "c%s_%d", uid, idx);
    sb_printf(b, "<g id=\"axes_%d\" class=\"axes\">\n", idx);
    sb_printf(b,
              "<defs><clipPath id=\"%s\"><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
              "height=\"%.2f\"/></clipPath></defs>\n",
              f.clip, f.left, f.top, f.width, f.height);
    sb_printf(b,
              "<rect class=\"background\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
              "style=\"fill:#fff\"/>\n",
              f.left, f.top, f.width, f.height);
    Ticks tx, ty;
    make_ticks(&f.x, f.width, 1, ax->xcats, ax->ncats, &tx);
    make_ticks(&f.y, f.height, 0, ax->ycats, ax->nycats, &ty);
    if (ax->grid) { /* grid lines under the data: drawn with the ticks first */
        draw_ticks(b, &f, &tx, 1, 1);
        draw_ticks(b, &f, &ty, 0, 1);
    }
    sb_printf(b, "<g class=\"data\" clip-path=\"url(#%s)\">\n", f.clip);
    for (int i = 0; i < ax->nart; i++) draw_artist(b, &f, &ax->art[i]);
    sb_puts(b, "</g>\n");
    sb_printf(b,
              "<path class=\"spines\" d=\"M%.2f %.2fV%.2fH%.2fV%.2fz\" "
              "style=\"fill:none;stroke:#000;stroke-width:0.8;stroke-linejoin:miter;stroke-linecap:"
              "square\"/>\n",
              f.left, f.top, f.top + f.height, f.left + f.width, f.top);
    if (!ax->grid) {
        draw_ticks(b, &f, &tx, 1, 0);
        draw_ticks(b, &f, &ty, 0, 0);
    }
    if (ax->xlabel)
        put_text(b, f.left + f.width / 2, f.top + f.height + TICK_LEN + TICK_PAD + 10 + 16, 10,
                 "middle", 0, "xlabel", ax->xlabel);
    if (ax->ylabel)
        put_text(b, f.left - TICK_LEN - TICK_PAD - ty.maxw - 6, f.top + f.height / 2, 10, "middle",
                 -90, "ylabel", ax->ylabel);
    if (ax->title)
        put_text(b, f.left + f.width / 2, f.top - 6, 12, "middle", 0, "title", ax->title);
    if (ax->legend) draw_legend(b, ax, &f);
    sb_puts(b, "</g>\n");
}

int svg_render(VM *vm, const FigureObj *fig, int standalone, SBuf *out) {
    double W = fig->width * 72, H = fig->height * 72;
    unsigned char r[4] = {0};
    if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r) memcpy(r, &fig, sizeof r);
    char uid[16];
    snprintf(uid, sizeof uid, "%02x%02x%02x%02x", r[0], r[1], r[2], r[3]);
    SBuf body = SBUF_INIT, b = SBUF_INIT;
    Extent ext = {0, 0, W, H};
    cur_extent = &ext;
    for (size_t i = 0; i < fig->axes->len; i++)
        draw_axes(&body, AS(AxesObj, fig->axes->items[i]), W, H, (int)i + 1, uid);
    if (fig->suptitle)
        put_text(&body, W / 2, 0.02 * H + 12, 12, "middle", 0, "suptitle", fig->suptitle);
    cur_extent = NULL;
    /* Labels past the figure's edges widen the canvas (by whole points, with a small pad). */
    double pad = 4, x0 = 0, y0 = 0;
    if (ext.x0 < 0) x0 = -ceil(pad - ext.x0);
    if (ext.y0 < 0) y0 = -ceil(pad - ext.y0);
    double x1 = ext.x1 > W ? W + ceil(ext.x1 - W + pad) : W;
    double y1 = ext.y1 > H ? H + ceil(ext.y1 - H + pad) : H;
    if (standalone) sb_puts(&b, "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n");
    sb_printf(
        &b,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "width=\"%.1fpt\" height=\"%.1fpt\" viewBox=\"%.1f %.1f %.1f %.1f\" version=\"1.1\">\n"
        "<g id=\"figure_1\" style=\"font-family:%s\">\n"
        "<rect class=\"figure-background\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
        "style=\"fill:#fff\"/>\n",
        x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0, FONT, x0, y0, x1 - x0, y1 - y0);
    int e = (body.len && sb_putn(&b, body.s, body.len)) || sb_puts(&b, "</g>\n</svg>\n") ||
            sb_putn(out, b.s, b.len);
    sb_free(&body);
    sb_free(&b);
    if (e) vm_nomem(vm);
    return e ? -1 : 0;
}
