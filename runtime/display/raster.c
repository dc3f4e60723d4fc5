/* raster.c: renders the SVG of a figure (svg.c's output, nothing more general) into RGBA
 * pixels. Shapes become polygons; a polygon is scan-converted into a coverage accumulation
 * buffer (signed area per pixel, summed along each row: exact anti-aliasing, non-zero winding
 * by absolute value) and blended over the canvas in its colour. Strokes are unions of one quad
 * per segment and a disc per joint (round joins), all wound the same way so that overlaps add
 * up instead of cancelling; square caps extend the ends; dashes cut the polyline first. Text is
 * drawn from the bitmap font of font.c (DejaVu Sans, supersampled when scaled), embedded
 * images (imshow in axes) are decoded from their PNG and drawn nearest-neighbour, as the SVG's
 * image-rendering:pixelated asks. Clip paths are svg.c's rectangles. */
#include "raster.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "font.h"
#include "png.h"

/* ---------------------------------------------------------------- canvas and polygons */

typedef struct Colour {
    double r, g, b, a; /* 0..255 for r, g, b; 0..1 for a */
} Colour;

typedef struct Clip {
    int x0, y0, x1, y1; /* pixels, half-open */
} Clip;

typedef struct Canvas {
    unsigned char *px;
    int w, h;
    double scale, ox, oy; /* pixel = (svg - o) * scale */
    Clip clip;
    int nomem;
} Canvas;

typedef struct Pt {
    double x, y;
} Pt;

/* Contours of one shape (pixel coordinates). */
typedef struct Poly {
    Pt *p;
    int n, cap;
    int *start; /* first point of each contour */
    int ns, scap;
    int nomem;
} Poly;

static void poly_free(Poly *P) {
    free(P->p);
    free(P->start);
    memset(P, 0, sizeof *P);
}

static void poly_begin(Poly *P) {
    if (P->ns == P->scap) {
        int c = P->scap ? 2 * P->scap : 16;
        int *s = realloc(P->start, c * sizeof *s);
        if (!s) {
            P->nomem = 1;
            return;
        }
        P->start = s, P->scap = c;
    }
    P->start[P->ns++] = P->n;
}

static void poly_add(Poly *P, double x, double y) {
    if (!P->ns) poly_begin(P);
    if (P->n == P->cap) {
        int c = P->cap ? 2 * P->cap : 64;
        Pt *p = realloc(P->p, c * sizeof *p);
        if (!p) {
            P->nomem = 1;
            return;
        }
        P->p = p, P->cap = c;
    }
    P->p[P->n++] = (Pt){x, y};
}

/* Makes the last contour wind positively (strokes: overlapping pieces must add up). */
static void poly_orient_last(Poly *P) {
    if (!P->ns) return;
    int a = P->start[P->ns - 1], b = P->n;
    double area = 0;
    for (int i = a; i < b; i++) {
        const Pt *p = &P->p[i], *q = &P->p[i + 1 < b ? i + 1 : a];
        area += p->x * q->y - q->x * p->y;
    }
    if (area >= 0) return;
    for (int i = a, j = b - 1; i < j; i++, j--) {
        Pt t = P->p[i];
        P->p[i] = P->p[j];
        P->p[j] = t;
    }
}

/* Adds the edge (x0, y0) -> (x1, y1) to the accumulation buffer a of w x h pixels (row stride
 * w + 2), x clamped into [0, w]: the signed area each pixel gains (after font-rs). */
static void acc_line(float *a, int w, int h, double x0, double y0, double x1, double y1) {
    if (!(fabs(y1 - y0) > 1e-12) || !isfinite(x0 + y0 + x1 + y1)) return;
    double dir = 1;
    if (y0 > y1) {
        double t = x0;
        x0 = x1, x1 = t, t = y0, y0 = y1, y1 = t, dir = -1;
    }
    if (y1 <= 0 || y0 >= h) return;
    double dxdy = (x1 - x0) / (y1 - y0);
    int ys = y0 < 0 ? 0 : (int)y0, ye = y1 > h ? h : (int)ceil(y1);
    for (int y = ys; y < ye; y++) {
        double ya = fmax(y, y0), yb = fmin(y + 1, y1), dy = yb - ya;
        if (dy <= 0) continue;
        double xa = x0 + (ya - y0) * dxdy, xb = x0 + (yb - y0) * dxdy;
        xa = xa < 0 ? 0 : xa > w ? w : xa;
        xb = xb < 0 ? 0 : xb > w ? w : xb;
        float *row = a + (size_t)y * (w + 2);
        double d = dy * dir, lo = fmin(xa, xb), hi = fmax(xa, xb);
        int loi = (int)floor(lo), hii = (int)ceil(hi);
        if (hii <= loi + 1) {
            double xmf = 0.5 * (xa + xb) - loi;
            row[loi] += (float)(d * (1 - xmf));
            row[loi + 1] += (float)(d * xmf);
            continue;
        }
        double s = 1 / (hi - lo), x0f = lo - loi, x1f = hi - hii + 1;
        double a0 = 0.5 * s * (1 - x0f) * (1 - x0f), am = 0.5 * s * x1f * x1f;
        row[loi] += (float)(d * a0);
        if (hii == loi + 2) {
            row[loi + 1] += (float)(d * (1 - a0 - am));
        } else {
            double a1 = s * (1.5 - x0f);
            row[loi + 1] += (float)(d * (a1 - a0));
            for (int xi = loi + 2; xi < hii - 1; xi++) row[xi] += (float)(d * s);
            double a2 = a1 + (hii - loi - 3) * s;
            row[hii - 1] += (float)(d * (1 - a2 - am));
        }
        row[hii] += (float)(d * am);
    }
}

static void blend(unsigned char *d, const Colour *c, double cov) {
    double a = cov * c->a;
    if (a <= 0) return;
    if (a > 1) a = 1;
    double da = d[3] / 255.0, oa = a + da * (1 - a);
    const double src[3] = {c->r, c->g, c->b};
    for (int k = 0; k < 3; k++)
        d[k] = (unsigned char)lrint((src[k] * a + d[k] * da * (1 - a)) / oa);
    d[3] = (unsigned char)lrint(oa * 255);
}

/* Fills the contours of P (non-zero winding) within the canvas's clip. */
static void fill_poly(Canvas *cv, const Poly *P, const Colour *c) {
    if (cv->nomem || P->nomem) {
        cv->nomem = 1;
        return;
    }
    if (P->n < 3 || c->a <= 0) return;
    double bx0 = INFINITY, by0 = INFINITY, bx1 = -INFINITY, by1 = -INFINITY;
    for (int i = 0; i < P->n; i++) {
        if (!isfinite(P->p[i].x) || !isfinite(P->p[i].y)) continue;
        bx0 = fmin(bx0, P->p[i].x), bx1 = fmax(bx1, P->p[i].x);
        by0 = fmin(by0, P->p[i].y), by1 = fmax(by1, P->p[i].y);
    }
    if (!(bx0 <= bx1)) return;
    int x0 = (int)fmax(floor(bx0), cv->clip.x0), x1 = (int)fmin(ceil(bx1) + 1, cv->clip.x1);
    int y0 = (int)fmax(floor(by0), cv->clip.y0), y1 = (int)fmin(ceil(by1) + 1, cv->clip.y1);
    if (x0 >= x1 || y0 >= y1) return;
    int w = x1 - x0, h = y1 - y0;
    float *acc = calloc((size_t)(w + 2) * h, sizeof *acc);
    if (!acc) {
        cv->nomem = 1;
        return;
    }
    for (int s = 0; s < P->ns; s++) {
        int a = P->start[s], b = s + 1 < P->ns ? P->start[s + 1] : P->n;
        for (int i = a; i < b; i++) {
            const Pt *p = &P->p[i], *q = &P->p[i + 1 < b ? i + 1 : a];
            acc_line(acc, w, h, p->x - x0, p->y - y0, q->x - x0, q->y - y0);
        }
    }
    for (int y = 0; y < h; y++) {
        const float *row = acc + (size_t)y * (w + 2);
        unsigned char *d = cv->px + ((size_t)(y + y0) * cv->w + x0) * 4;
        double sum = 0;
        for (int x = 0; x < w; x++, d += 4) {
            sum += row[x];
            double cov = fabs(sum);
            if (cov > 1e-3) blend(d, c, cov > 1 ? 1 : cov);
        }
    }
    free(acc);
}

/* ---------------------------------------------------------------- strokes */

enum { CAP_BUTT, CAP_SQUARE, CAP_ROUND };

static void add_disc(Poly *P, double cx, double cy, double r) {
    int k = (int)ceil(2 * M_PI * r / 1.5);
    k = k < 8 ? 8 : k > 96 ? 96 : k;
    poly_begin(P);
    for (int i = 0; i < k; i++)
        poly_add(P, cx + r * cos(2 * M_PI * i / k), cy + r * sin(2 * M_PI * i / k));
    poly_orient_last(P);
}

/* The outline of a polyline of n points stroked hw on each side. */
static void stroke_polyline(Poly *P, const Pt *in, int n, int closed, double hw, int cap) {
    if (n < 1 || hw <= 0) return;
    /* repeated points would put joins (discs) where the line starts or ends */
    Pt *p = malloc((size_t)n * sizeof *p);
    if (!p) {
        P->nomem = 1;
        return;
    }
    int m = 0;
    for (int i = 0; i < n; i++)
        if (!m || fabs(in[i].x - p[m - 1].x) > 1e-9 || fabs(in[i].y - p[m - 1].y) > 1e-9)
            p[m++] = in[i];
    n = m;
    int segs = closed ? n : n - 1;
    for (int i = 0; i < segs; i++) {
        Pt a = p[i], b = p[(i + 1) % n];
        double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
        if (len < 1e-9) continue;
        double ux = dx / len, uy = dy / len, nx = -uy * hw, ny = ux * hw;
        if (!closed && cap == CAP_SQUARE) {
            if (i == 0) a.x -= ux * hw, a.y -= uy * hw;
            if (i == segs - 1) b.x += ux * hw, b.y += uy * hw;
        }
        poly_begin(P);
        poly_add(P, a.x + nx, a.y + ny);
        poly_add(P, b.x + nx, b.y + ny);
        poly_add(P, b.x - nx, b.y - ny);
        poly_add(P, a.x - nx, a.y - ny);
        poly_orient_last(P);
    }
    /* round joins at the inner points (every point of a closed path); a lone point with round or
     * square caps still shows */
    for (int i = 0; i < n; i++) {
        int inner = closed || (i > 0 && i < n - 1);
        if (inner || (cap == CAP_ROUND && (i == 0 || i == n - 1))) add_disc(P, p[i].x, p[i].y, hw);
    }
    if (n == 1 && cap == CAP_SQUARE) {
        poly_begin(P);
        poly_add(P, p[0].x - hw, p[0].y - hw);
        poly_add(P, p[0].x + hw, p[0].y - hw);
        poly_add(P, p[0].x + hw, p[0].y + hw);
        poly_add(P, p[0].x - hw, p[0].y + hw);
        poly_orient_last(P);
    }
    free(p);
}

/* Strokes with a dash pattern (lengths in pixels, on/off pairs): the dashes are open pieces. */
static void stroke_dashed(Poly *P, const Pt *p, int n, int closed, double hw, int cap,
                          const double *dash, int nd) {
    double total = 0;
    for (int i = 0; i < nd; i++) total += dash[i];
    if (nd < 2 || !(total > 0.5)) {
        stroke_polyline(P, p, n, closed, hw, cap);
        return;
    }
    Pt *piece = malloc((size_t)(n + 2) * sizeof *piece);
    if (!piece) {
        P->nomem = 1;
        return;
    }
    int k = 0, di = 0, on = 1, segs = closed ? n : n - 1;
    double left = dash[0];
    piece[k++] = p[0];
    for (int i = 0; i < segs; i++) {
        Pt a = p[i], b = p[(i + 1) % n];
        double len = hypot(b.x - a.x, b.y - a.y), pos = 0;
        while (len - pos > left) {
            pos += left;
            Pt m = {a.x + (b.x - a.x) * pos / len, a.y + (b.y - a.y) * pos / len};
            if (on) {
                piece[k++] = m;
                stroke_polyline(P, piece, k, 0, hw, cap);
            }
            k = 0;
            on = !on;
            di = (di + 1) % nd;
            left = dash[di];
            if (on) piece[k++] = m;
        }
        left -= len - pos;
        if (on) piece[k++] = b;
        if (on && k >= n + 1) { /* keep the buffer bounded: flush a long dash */
            stroke_polyline(P, piece, k, 0, hw, cap);
            piece[0] = piece[k - 1];
            k = 1;
        }
    }
    if (on && k >= 2) stroke_polyline(P, piece, k, 0, hw, cap);
    free(piece);
}

/* ---------------------------------------------------------------- the SVG subset */

typedef struct Style {
    Colour fill, stroke;
    double sw;
    int cap;
    double dash[8];
    int nd;
} Style;

static int hexv(int c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* "#rgb", "#rrggbb" or "none" at s (length n); a stays as given. 0 when it is none. */
static int parse_colour(const char *s, size_t n, Colour *c) {
    if (n >= 7 && s[0] == '#' && hexv(s[1]) >= 0 && hexv(s[6]) >= 0 && (n == 7 || s[7] == ';')) {
        c->r = hexv(s[1]) * 16 + hexv(s[2]);
        c->g = hexv(s[3]) * 16 + hexv(s[4]);
        c->b = hexv(s[5]) * 16 + hexv(s[6]);
        return 1;
    }
    if (n >= 4 && s[0] == '#' && hexv(s[1]) >= 0 && hexv(s[3]) >= 0) {
        c->r = hexv(s[1]) * 17, c->g = hexv(s[2]) * 17, c->b = hexv(s[3]) * 17;
        return 1;
    }
    return 0;
}

/* The value of attribute name in the tag [s, e): pointer and length, or NULL. */
static const char *attr(const char *s, const char *e, const char *name, size_t *len) {
    size_t k = strlen(name);
    for (const char *p = s; p + k + 3 < e; p++) {
        if ((p[0] == ' ' || p[0] == '\n') && !memcmp(p + 1, name, k) && p[k + 1] == '=' &&
            p[k + 2] == '"') {
            const char *v = p + k + 3, *q = memchr(v, '"', (size_t)(e - v));
            if (!q) return NULL;
            *len = (size_t)(q - v);
            return v;
        }
    }
    return NULL;
}

static double attr_num(const char *s, const char *e, const char *name, double dflt) {
    size_t n;
    const char *v = attr(s, e, name, &n);
    return v ? strtod(v, NULL) : dflt;
}

/* The value of property name in a style attribute (up to ';'), or NULL. */
static const char *prop(const char *st, size_t n, const char *name, size_t *len) {
    size_t k = strlen(name);
    for (const char *p = st; p + k < st + n; p++) {
        if ((p == st || p[-1] == ';') && !memcmp(p, name, k) && p[k] == ':') {
            const char *v = p + k + 1, *q = memchr(v, ';', (size_t)(st + n - v));
            *len = q ? (size_t)(q - v) : (size_t)(st + n - v);
            return v;
        }
    }
    return NULL;
}

/* SVG defaults: fill black, no stroke, stroke-width 1, butt caps. */
static void parse_style(const char *s, const char *e, Style *st) {
    *st = (Style){{0, 0, 0, 1}, {0, 0, 0, 0}, 1, CAP_BUTT, {0}, 0};
    size_t n, k;
    const char *v = attr(s, e, "style", &n), *p;
    if (!v) return;
    if ((p = prop(v, n, "fill", &k))) {
        if (!parse_colour(p, k, &st->fill)) st->fill.a = 0;
    }
    if ((p = prop(v, n, "fill-opacity", &k))) st->fill.a *= strtod(p, NULL);
    if ((p = prop(v, n, "stroke", &k)) && parse_colour(p, k, &st->stroke)) st->stroke.a = 1;
    if ((p = prop(v, n, "stroke-opacity", &k))) st->stroke.a *= strtod(p, NULL);
    if ((p = prop(v, n, "stroke-width", &k))) st->sw = strtod(p, NULL);
    if ((p = prop(v, n, "stroke-linecap", &k)))
        st->cap = !strncmp(p, "square", 6)  ? CAP_SQUARE
                  : !strncmp(p, "round", 5) ? CAP_ROUND
                                            : CAP_BUTT;
    if ((p = prop(v, n, "stroke-dasharray", &k))) {
        const char *q = p, *end = p + k;
        while (q < end && st->nd < 8) {
            char *next;
            double d = strtod(q, &next);
            if (next == q) break;
            st->dash[st->nd++] = d;
            q = next;
            while (q < end && (*q == ',' || *q == ' ')) q++;
        }
        if (st->nd % 2 && st->nd < 8) /* an odd list repeats */
            for (int i = 0, m = st->nd; i < m && st->nd < 8; i++) st->dash[st->nd++] = st->dash[i];
    }
}

/* Subpaths of a path's d attribute, in pixels: a list of points with a closed flag each. */
typedef struct Sub {
    int a, b, closed; /* points [a, b) of the shared array */
} Sub;

typedef struct PathPts {
    Pt *p;
    int n, cap;
    Sub *s;
    int ns, scap;
    int nomem;
} PathPts;

static void pp_point(PathPts *pp, double x, double y) {
    if (pp->n == pp->cap) {
        int c = pp->cap ? 2 * pp->cap : 64;
        Pt *p = realloc(pp->p, c * sizeof *p);
        if (!p) {
            pp->nomem = 1;
            return;
        }
        pp->p = p, pp->cap = c;
    }
    pp->p[pp->n++] = (Pt){x, y};
    if (pp->ns) pp->s[pp->ns - 1].b = pp->n;
}

static void pp_move(PathPts *pp, double x, double y) {
    if (pp->ns == pp->scap) {
        int c = pp->scap ? 2 * pp->scap : 8;
        Sub *s = realloc(pp->s, c * sizeof *s);
        if (!s) {
            pp->nomem = 1;
            return;
        }
        pp->s = s, pp->scap = c;
    }
    pp->s[pp->ns++] = (Sub){pp->n, pp->n, 0};
    pp_point(pp, x, y);
}

static int read_num(const char **q, const char *end, double *v) {
    const char *p = *q;
    while (p < end && (*p == ' ' || *p == ',' || *p == '\n')) p++;
    if (p >= end) return 0;
    char *next;
    *v = strtod(p, &next);
    if (next == p || next > end) return 0;
    *q = next;
    return 1;
}

/* Parses d (svg.c's commands: M L H V h v a z) into pixel points. */
static void parse_path(const Canvas *cv, const char *d, size_t n, PathPts *pp) {
    const char *q = d, *end = d + n;
    double cx = 0, cy = 0, sx = 0, sy = 0; /* current and subpath start, in SVG units */
    char cmd = 0;
    double s = cv->scale;
#define PX(X) (((X)-cv->ox) * s)
#define PY(Y) (((Y)-cv->oy) * s)
    while (q < end && !pp->nomem) {
        while (q < end && (*q == ' ' || *q == ',' || *q == '\n')) q++;
        if (q >= end) break;
        if ((*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')) cmd = *q++;
        double v[7];
        switch (cmd) {
        case 'M':
        case 'L':
            if (!read_num(&q, end, &v[0]) || !read_num(&q, end, &v[1])) return;
            cx = v[0], cy = v[1];
            if (cmd == 'M' || !pp->ns)
                pp_move(pp, PX(cx), PY(cy)), sx = cx, sy = cy;
            else
                pp_point(pp, PX(cx), PY(cy));
            if (cmd == 'M') cmd = 'L';
            break;
        case 'H':
        case 'h':
        case 'V':
        case 'v':
            if (!read_num(&q, end, &v[0])) return;
            if (cmd == 'H') cx = v[0];
            if (cmd == 'h') cx += v[0];
            if (cmd == 'V') cy = v[0];
            if (cmd == 'v') cy += v[0];
            if (!pp->ns) pp_move(pp, PX(sx), PY(sy));
            pp_point(pp, PX(cx), PY(cy));
            break;
        case 'a': { /* svg.c's arcs are half circles: the centre is the chord's middle */
            for (int i = 0; i < 7; i++)
                if (!read_num(&q, end, &v[i])) return;
            double ex = cx + v[5], ey = cy + v[6], mx = (cx + ex) / 2, my = (cy + ey) / 2;
            double r = hypot(v[5], v[6]) / 2, a0 = atan2(cy - my, cx - mx);
            double sweep = v[4] != 0 ? 1 : -1;
            int k = (int)ceil(M_PI * r * s / 1.5);
            k = k < 6 ? 6 : k > 64 ? 64 : k;
            if (!pp->ns) pp_move(pp, PX(cx), PY(cy));
            for (int i = 1; i <= k; i++) {
                double t = a0 + sweep * M_PI * i / k;
                pp_point(pp, PX(mx + r * cos(t)), PY(my + r * sin(t)));
            }
            cx = ex, cy = ey;
            break;
        }
        case 'z':
        case 'Z':
            if (pp->ns) pp->s[pp->ns - 1].closed = 1;
            cx = sx, cy = sy;
            cmd = 0;
            break;
        default: return; /* not svg.c's */
        }
    }
#undef PX
#undef PY
}

/* Crisp axis-parallel strokes (spines, ticks, grid lines), as matplotlib snaps them: when every
 * segment is horizontal or vertical, points move to pixel centres (odd widths in whole pixels)
 * or pixel edges (even widths). */
static void snap_rectilinear(PathPts *pp, double hw) {
    for (int i = 0; i < pp->ns; i++)
        for (int j = pp->s[i].a + 1; j < pp->s[i].b; j++)
            if (fabs(pp->p[j].x - pp->p[j - 1].x) > 1e-6 &&
                fabs(pp->p[j].y - pp->p[j - 1].y) > 1e-6)
                return;
    double off = (long)fmax(1, round(2 * hw)) % 2 ? 0.5 : 0;
    for (int j = 0; j < pp->n; j++) {
        pp->p[j].x = floor(pp->p[j].x) + off;
        pp->p[j].y = floor(pp->p[j].y) + off;
    }
}

static void draw_path(Canvas *cv, const char *s, const char *e) {
    size_t n;
    const char *d = attr(s, e, "d", &n);
    if (!d) return;
    Style st;
    parse_style(s, e, &st);
    PathPts pp = {0};
    parse_path(cv, d, n, &pp);
    Poly P = {0};
    if (st.fill.a > 0) {
        for (int i = 0; i < pp.ns; i++) {
            poly_begin(&P);
            for (int j = pp.s[i].a; j < pp.s[i].b; j++) poly_add(&P, pp.p[j].x, pp.p[j].y);
        }
        P.nomem |= pp.nomem;
        fill_poly(cv, &P, &st.fill);
        poly_free(&P);
    }
    if (st.stroke.a > 0 && st.sw > 0) {
        double hw = st.sw * cv->scale / 2, dash[8];
        snap_rectilinear(&pp, hw);
        for (int i = 0; i < st.nd; i++) dash[i] = st.dash[i] * cv->scale;
        for (int i = 0; i < pp.ns; i++)
            stroke_dashed(&P, pp.p + pp.s[i].a, pp.s[i].b - pp.s[i].a, pp.s[i].closed, hw, st.cap,
                          dash, st.nd);
        P.nomem |= pp.nomem;
        fill_poly(cv, &P, &st.stroke);
        poly_free(&P);
    }
    if (pp.nomem) cv->nomem = 1;
    free(pp.p);
    free(pp.s);
}

static void rect_poly(Poly *P, double x0, double y0, double x1, double y1) {
    poly_begin(P);
    poly_add(P, x0, y0);
    poly_add(P, x1, y0);
    poly_add(P, x1, y1);
    poly_add(P, x0, y1);
}

static void draw_rect(Canvas *cv, const char *s, const char *e) {
    double x = attr_num(s, e, "x", 0), y = attr_num(s, e, "y", 0);
    double w = attr_num(s, e, "width", 0), h = attr_num(s, e, "height", 0);
    if (!(w > 0 && h > 0)) return;
    Style st;
    parse_style(s, e, &st);
    double k = cv->scale, x0 = (x - cv->ox) * k, y0 = (y - cv->oy) * k, x1 = x0 + w * k,
           y1 = y0 + h * k;
    Poly P = {0};
    if (st.fill.a > 0) {
        rect_poly(&P, x0, y0, x1, y1);
        fill_poly(cv, &P, &st.fill);
        poly_free(&P);
    }
    if (st.stroke.a > 0 && st.sw > 0) {
        Pt pts[4] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
        stroke_polyline(&P, pts, 4, 1, st.sw * k / 2, CAP_BUTT);
        fill_poly(cv, &P, &st.stroke);
        poly_free(&P);
    }
}

/* ---------------------------------------------------------------- text */

const FontGlyph *font_glyph(int cp) {
    int lo = 0, hi = FONT_NGLYPHS - 1;
    while (lo <= hi) { /* the table is sorted by code point */
        int m = (lo + hi) / 2;
        if (FONT_GLYPHS[m].cp == cp) return &FONT_GLYPHS[m];
        if (FONT_GLYPHS[m].cp < cp)
            lo = m + 1;
        else
            hi = m - 1;
    }
    return cp == '?' ? NULL : font_glyph('?');
}

static int glyph_at(const FontGlyph *g, int x, int y) {
    if (x < 0 || y < 0 || x >= g->w || y >= g->h) return 0;
    int i = y * g->w + x;
    unsigned char b = FONT_BITS[g->off + i / 2];
    return i % 2 ? b & 15 : b >> 4;
}

/* Coverage of glyph g at source point (u, v) (bitmap pixels, bilinear), 0..1. */
static double glyph_sample(const FontGlyph *g, double u, double v) {
    u -= 0.5, v -= 0.5;
    int x = (int)floor(u), y = (int)floor(v);
    double fx = u - x, fy = v - y;
    double c = glyph_at(g, x, y) * (1 - fx) * (1 - fy) + glyph_at(g, x + 1, y) * fx * (1 - fy) +
               glyph_at(g, x, y + 1) * (1 - fx) * fy + glyph_at(g, x + 1, y + 1) * fx * fy;
    return c / 15;
}

/* Decodes one UTF-8 character of s (advancing it); HTML entities as svg.c escapes them. */
static int next_char(const char **s, const char *end) {
    const unsigned char *p = (const unsigned char *)*s;
    if (*p == '&') {
        static const struct {
            const char *name;
            int cp;
        } ENT[] = {{"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
                   {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
        for (size_t i = 0; i < sizeof ENT / sizeof ENT[0]; i++) {
            size_t k = strlen(ENT[i].name);
            if ((size_t)(end - *s) >= k && !memcmp(*s, ENT[i].name, k)) {
                *s += k;
                return ENT[i].cp;
            }
        }
    }
    int cp = *p, k = cp < 0x80 ? 1 : cp < 0xe0 ? 2 : cp < 0xf0 ? 3 : 4;
    if (k > end - *s) k = 1;
    if (k > 1) cp &= 0x3f >> (k - 1);
    for (int i = 1; i < k; i++) cp = (cp << 6) | (p[i] & 0x3f);
    *s += k;
    return cp;
}

typedef struct Run {
    const char *s, *e; /* escaped text */
    double size, dy;   /* pixels */
} Run;

static double run_width(const Run *r) {
    double w = 0;
    for (const char *p = r->s; p < r->e;) {
        const FontGlyph *g = font_glyph(next_char(&p, r->e));
        if (g) w += g->adv16 / 16.0;
    }
    return w * r->size / FONT_EM;
}

/* Draws the run with its pen at (u, v) in text space (u along the baseline), mapped to pixels
 * by the origin (ox, oy) and the rotation (c, s). Returns the advance. */
static double draw_run(Canvas *cv, const Run *r, double u, double v, double ox, double oy, double c,
                       double s, const Colour *col) {
    double k = r->size / FONT_EM;
    v += r->dy;
    for (const char *p = r->s; p < r->e;) {
        const FontGlyph *g = font_glyph(next_char(&p, r->e));
        if (!g) continue;
        if (g->w && g->h) {
            /* the glyph's box in text space, then its pixel box after rotation */
            double gu0 = u + g->left * k, gv0 = v + g->top * k, gu1 = gu0 + g->w * k,
                   gv1 = gv0 + g->h * k;
            double X[4] = {gu0, gu1, gu0, gu1}, Y[4] = {gv0, gv0, gv1, gv1};
            double px0 = INFINITY, py0 = INFINITY, px1 = -INFINITY, py1 = -INFINITY;
            for (int i = 0; i < 4; i++) {
                double x = ox + X[i] * c - Y[i] * s, y = oy + X[i] * s + Y[i] * c;
                px0 = fmin(px0, x), px1 = fmax(px1, x), py0 = fmin(py0, y), py1 = fmax(py1, y);
            }
            int x0 = (int)fmax(floor(px0), cv->clip.x0), x1 = (int)fmin(ceil(px1), cv->clip.x1);
            int y0 = (int)fmax(floor(py0), cv->clip.y0), y1 = (int)fmin(ceil(py1), cv->clip.y1);
            const int S = 3; /* samples per pixel and axis */
            for (int y = y0; y < y1; y++)
                for (int x = x0; x < x1; x++) {
                    double cov = 0;
                    for (int sy = 0; sy < S; sy++)
                        for (int sx = 0; sx < S; sx++) {
                            double X0 = x + (sx + 0.5) / S - ox, Y0 = y + (sy + 0.5) / S - oy;
                            double tu = X0 * c + Y0 * s, tv = -X0 * s + Y0 * c; /* inverse */
                            cov += glyph_sample(g, (tu - gu0) / k, (tv - gv0) / k);
                        }
                    cov /= S * S;
                    if (cov > 0.004) blend(cv->px + ((size_t)y * cv->w + x) * 4, col, cov);
                }
        }
        u += g->adv16 / 16.0 * k;
    }
    return u;
}

static void draw_text(Canvas *cv, const char *s, const char *e, const char *body,
                      const char *bend) {
    double k = cv->scale, size = attr_num(s, e, "font-size", 10) * k;
    double x = (attr_num(s, e, "x", 0) - cv->ox) * k, y = (attr_num(s, e, "y", 0) - cv->oy) * k;
    size_t n;
    const char *anchor = attr(s, e, "text-anchor", &n), *tr = attr(s, e, "transform", &n);
    double rot = tr && !strncmp(tr, "rotate(", 7) ? strtod(tr + 7, NULL) * M_PI / 180 : 0;
    Style st;
    parse_style(s, e, &st); /* fill: black unless given */
    Run runs[4];
    int nr = 0;
    double dy = 0;
    for (const char *p = body; p < bend && nr < 4;) {
        const char *lt = memchr(p, '<', (size_t)(bend - p));
        if (!lt) lt = bend;
        if (lt > p) runs[nr++] = (Run){p, lt, size, dy};
        if (lt >= bend || nr >= 4) break;
        const char *gt = memchr(lt, '>', (size_t)(bend - lt));
        if (!gt) break;
        if (!strncmp(lt, "<tspan", 6)) { /* the exponent of 10^k: raised, smaller */
            dy += attr_num(lt, gt, "dy", 0) * k;
            const char *close = strstr(gt, "</tspan>");
            if (!close || close > bend) break;
            runs[nr++] = (Run){gt + 1, close, attr_num(lt, gt, "font-size", size / k) * k, dy};
            p = close + 8;
        } else {
            p = gt + 1;
        }
    }
    double w = 0;
    for (int i = 0; i < nr; i++) w += run_width(&runs[i]);
    double u = anchor && !strncmp(anchor, "middle", 6) ? -w / 2
               : anchor && !strncmp(anchor, "end", 3)  ? -w
                                                       : 0;
    for (int i = 0; i < nr; i++)
        u = draw_run(cv, &runs[i], u, 0, x, y, cos(rot), sin(rot), &st.fill);
}

/* ---------------------------------------------------------------- embedded PNG images */

static int b64v(int c) {
    return c >= 'A' && c <= 'Z'   ? c - 'A'
           : c >= 'a' && c <= 'z' ? c - 'a' + 26
           : c >= '0' && c <= '9' ? c - '0' + 52
           : c == '+'             ? 62
           : c == '/'             ? 63
                                  : -1;
}

static unsigned char *b64_decode(const char *s, size_t n, size_t *out_n) {
    unsigned char *o = malloc(n / 4 * 3 + 3);
    if (!o) return NULL;
    size_t k = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        int v = b64v((unsigned char)s[i]);
        if (v < 0) continue;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) o[k++] = (unsigned char)(acc >> (bits -= 8));
    }
    *out_n = k;
    return o;
}

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Decodes an 8-bit, non-interlaced gray / gray+alpha / RGB / RGBA PNG (what png.c writes) to
 * RGBA. NULL when it is anything else or memory ran out. */
static unsigned char *png_decode_rgba(const unsigned char *d, size_t n, int *w, int *h) {
    if (n < 33 || memcmp(d, "\x89PNG\r\n\x1a\n", 8)) return NULL;
    int ch = 0;
    unsigned char *idat = NULL, *raw = NULL, *out = NULL;
    size_t ni = 0;
    for (size_t pos = 8; pos + 12 <= n;) {
        uint32_t len = be32(d + pos);
        if (len > n - pos - 12) break;
        const unsigned char *body = d + pos + 8;
        if (!memcmp(d + pos + 4, "IHDR", 4) && len >= 13) {
            *w = (int)be32(body), *h = (int)be32(body + 4);
            int depth = body[8], ct = body[9];
            ch = ct == 0 ? 1 : ct == 4 ? 2 : ct == 2 ? 3 : ct == 6 ? 4 : 0;
            if (depth != 8 || body[12] || *w < 1 || *h < 1 || (double)*w * *h > PNG_MAX_PIXELS)
                ch = 0;
        } else if (!memcmp(d + pos + 4, "IDAT", 4)) {
            unsigned char *t = realloc(idat, ni + len + 1);
            if (!t) goto fail;
            idat = t;
            memcpy(idat + ni, body, len);
            ni += len;
        }
        pos += 12 + len;
    }
    if (!ch || !idat) goto fail;
    size_t stride = (size_t)*w * ch;
    uLongf rn = (uLongf)((stride + 1) * *h);
    raw = malloc(rn);
    out = malloc((size_t)*w * *h * 4);
    if (!raw || !out || uncompress(raw, &rn, idat, ni) != Z_OK || rn != (stride + 1) * *h)
        goto fail;
    for (int y = 0; y < *h; y++) {
        unsigned char *line = raw + y * (stride + 1) + 1, f = line[-1];
        const unsigned char *prev = y ? raw + (y - 1) * (stride + 1) + 1 : NULL;
        for (size_t i = 0; i < stride; i++) {
            int a = i >= (size_t)ch ? line[i - ch] : 0, b = prev ? prev[i] : 0;
            int c = prev && i >= (size_t)ch ? prev[i - ch] : 0, p, pa, pb, pc;
            switch (f) {
            case 1: line[i] += a; break;
            case 2: line[i] += b; break;
            case 3: line[i] += (a + b) / 2; break;
            case 4:
                p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
                line[i] += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                break;
            default: break;
            }
        }
        for (int x = 0; x < *w; x++) {
            const unsigned char *s = line + (size_t)x * ch;
            unsigned char *o = out + ((size_t)y * *w + x) * 4;
            o[0] = s[0];
            o[1] = ch >= 3 ? s[1] : s[0];
            o[2] = ch >= 3 ? s[2] : s[0];
            o[3] = ch == 2 ? s[1] : ch == 4 ? s[3] : 255;
        }
    }
    free(idat);
    free(raw);
    return out;
fail:
    free(idat);
    free(raw);
    free(out);
    return NULL;
}

static void draw_image(Canvas *cv, const char *s, const char *e) {
    size_t n;
    const char *href = attr(s, e, "xlink:href", &n);
    static const char PFX[] = "data:image/png;base64,";
    if (!href || n < sizeof PFX || memcmp(href, PFX, sizeof PFX - 1)) return;
    size_t bn;
    unsigned char *bytes = b64_decode(href + sizeof PFX - 1, n - (sizeof PFX - 1), &bn);
    if (!bytes) {
        cv->nomem = 1;
        return;
    }
    int iw = 0, ih = 0;
    unsigned char *img = png_decode_rgba(bytes, bn, &iw, &ih);
    free(bytes);
    if (!img) return;
    double k = cv->scale, x = (attr_num(s, e, "x", 0) - cv->ox) * k,
           y = (attr_num(s, e, "y", 0) - cv->oy) * k;
    double w = attr_num(s, e, "width", 0) * k, h = attr_num(s, e, "height", 0) * k;
    int x0 = (int)fmax(floor(x), cv->clip.x0), x1 = (int)fmin(ceil(x + w), cv->clip.x1);
    int y0 = (int)fmax(floor(y), cv->clip.y0), y1 = (int)fmin(ceil(y + h), cv->clip.y1);
    for (int py = y0; py < y1 && w > 0 && h > 0; py++) {
        double fy = (py + 0.5 - y) / h;
        if (fy < 0 || fy >= 1) continue;
        int sy = (int)(fy * ih);
        for (int px = x0; px < x1; px++) {
            double fx = (px + 0.5 - x) / w;
            if (fx < 0 || fx >= 1) continue;
            const unsigned char *p = img + ((size_t)sy * iw + (int)(fx * iw)) * 4;
            Colour c = {p[0], p[1], p[2], p[3] / 255.0};
            blend(cv->px + ((size_t)py * cv->w + px) * 4, &c, 1);
        }
    }
    free(img);
}

/* ---------------------------------------------------------------- the document */

typedef struct ClipDef {
    char id[32];
    Clip c;
} ClipDef;

static Clip clip_of(const Canvas *cv, const char *s, const char *e) {
    double k = cv->scale, x = (attr_num(s, e, "x", 0) - cv->ox) * k,
           y = (attr_num(s, e, "y", 0) - cv->oy) * k;
    double w = attr_num(s, e, "width", 0) * k, h = attr_num(s, e, "height", 0) * k;
    Clip c = {(int)floor(x), (int)floor(y), (int)ceil(x + w), (int)ceil(y + h)};
    c.x0 = c.x0 < 0 ? 0 : c.x0, c.y0 = c.y0 < 0 ? 0 : c.y0;
    c.x1 = c.x1 > cv->w ? cv->w : c.x1, c.y1 = c.y1 > cv->h ? cv->h : c.y1;
    return c;
}

static int starts(const char *p, const char *end, const char *word) {
    size_t k = strlen(word);
    return (size_t)(end - p) > k && !memcmp(p, word, k) &&
           (p[k] == ' ' || p[k] == '>' || p[k] == '/' || p[k] == '\n');
}

int raster_svg(const char *svg, size_t n, double scale, RasterImage *out) {
    memset(out, 0, sizeof *out);
    const char *end = svg + n, *root = svg;
    while ((root = memchr(root, '<', (size_t)(end - root))) && !starts(root, end, "<svg")) root++;
    if (!root || !(scale > 0) || !isfinite(scale)) return -2;
    const char *rend = memchr(root, '>', (size_t)(end - root));
    size_t vn;
    const char *vb = rend ? attr(root, rend, "viewBox", &vn) : NULL;
    double v[4];
    const char *q = vb;
    for (int i = 0; i < 4; i++)
        if (!vb || !read_num(&q, vb + vn, &v[i])) return -2;
    double W = round(v[2] * scale), H = round(v[3] * scale);
    if (!(W >= 1 && H >= 1) || W * H > PNG_MAX_PIXELS) return -2;
    Canvas cv = {NULL, (int)W, (int)H, scale, v[0], v[1], {0, 0, (int)W, (int)H}, 0};
    cv.px = calloc((size_t)cv.w * cv.h, 4); /* transparent until the background is drawn */
    if (!cv.px) return -1;
    Clip stack[64];
    int depth = 0, in_clip = 0;
    ClipDef defs[32];
    int ndefs = 0;
    char clip_id[32] = "";
    for (const char *p = rend + 1; p < end && !cv.nomem;) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        const char *gt = memchr(lt, '>', (size_t)(end - lt));
        if (!gt) break;
        p = gt + 1;
        if (starts(lt, end, "<g")) {
            if (depth < 64) stack[depth] = cv.clip;
            depth++;
            size_t cn;
            const char *cp = attr(lt, gt, "clip-path", &cn);
            if (cp && cn > 6 && !memcmp(cp, "url(#", 5))
                for (int i = 0; i < ndefs; i++)
                    if (strlen(defs[i].id) == cn - 6 && !memcmp(defs[i].id, cp + 5, cn - 6)) {
                        Clip c = defs[i].c, o = cv.clip;
                        cv.clip = (Clip){c.x0 > o.x0 ? c.x0 : o.x0, c.y0 > o.y0 ? c.y0 : o.y0,
                                         c.x1 < o.x1 ? c.x1 : o.x1, c.y1 < o.y1 ? c.y1 : o.y1};
                    }
        } else if (starts(lt, end, "</g")) {
            if (depth > 0 && --depth < 64) cv.clip = stack[depth];
        } else if (starts(lt, end, "<clipPath")) {
            size_t in;
            const char *id = attr(lt, gt, "id", &in);
            in_clip = 1;
            snprintf(clip_id, sizeof clip_id, "%.*s", id ? (int)(in < 31 ? in : 31) : 0,
                     id ? id : "");
        } else if (starts(lt, end, "</clipPath")) {
            in_clip = 0;
        } else if (starts(lt, end, "<rect")) {
            if (in_clip && ndefs < 32) {
                snprintf(defs[ndefs].id, sizeof defs[ndefs].id, "%s", clip_id);
                defs[ndefs++].c = clip_of(&cv, lt, gt);
            } else if (!in_clip) {
                draw_rect(&cv, lt, gt);
            }
        } else if (starts(lt, end, "<path")) {
            draw_path(&cv, lt, gt);
        } else if (starts(lt, end, "<image")) {
            draw_image(&cv, lt, gt);
        } else if (starts(lt, end, "<text")) {
            const char *close = strstr(gt, "</text>"); /* svg.c never nests text */
            if (!close) break;
            draw_text(&cv, lt, gt, gt + 1, close);
            p = close + 7;
        }
    }
    if (cv.nomem) {
        free(cv.px);
        return -1;
    }
    out->px = cv.px;
    out->w = cv.w;
    out->h = cv.h;
    return 0;
}

int raster_svg_png(const char *svg, size_t n, double scale, SBuf *png, int *w, int *h) {
    RasterImage img;
    int e = raster_svg(svg, n, scale, &img);
    if (e) return e;
    e = png_encode(img.px, img.w, img.h, 4, (size_t)img.w * 4, png);
    if (w) *w = img.w;
    if (h) *h = img.h;
    free(img.px);
    return e == -2 ? -2 : e ? -1 : 0;
}
