/* figure.h: the data of pyplot figures, shared by the pyplot API (plot.c) and the SVG renderer
 * (svg.c). A Figure owns its Axes (references in a list); an Axes owns its artists (plain C). */
#ifndef FIGURE_H
#define FIGURE_H

#include "../object.h"

typedef struct Rgba {
    unsigned char r, g, b;
    double a; /* 0..1 */
} Rgba;

enum ArtistKind { AR_LINE, AR_SCATTER, AR_BAR, AR_FILL, AR_HLINE, AR_VLINE, AR_TEXT, AR_IMAGE };
enum LineStyle { LS_SOLID, LS_DASHED, LS_DOTTED, LS_DASHDOT, LS_NONE };

typedef struct Artist {
    int kind;
    int n;             /* points, bars */
    double *x, *y;     /* n values (NaN: skipped / a break in the line) */
    double *y2;        /* fill: lower curve; bar: bottoms; line: y errors (may be NULL) */
    double *xerr;      /* line: x errors (may be NULL) */
    double *w;         /* bar: widths (along x, or along y for barh) */
    double *s;         /* scatter: marker areas in pt² (NULL: size) */
    double *c;         /* scatter: values mapped through cmap (NULL: colour) */
    int horizontal;    /* barh */
    Rgba colour, edge; /* edge.a == 0: no edge */
    int ls;            /* LineStyle */
    char marker;       /* 0, 'o', 's', '^', 'v', '<', '>', 'D', 'd', 'x', '+', '.', '*', 'p', 'h' */
    double lw, ms, size, capsize;
    char *label; /* NULL or a legend label */
    char *text;  /* AR_TEXT: the text; AR_IMAGE: base64 PNG */
    double fontsize;
    char ha, va; /* text alignment: 'l' 'c' 'r' / 't' 'c' 'b' 'B'(baseline) */
    char cmap[24];
    double vmin, vmax; /* NaN: from the data */
    int img_w, img_h;  /* AR_IMAGE: pixels */
    double ax, ay;     /* annotate: arrow target (NaN: no arrow) */
} Artist;

typedef struct AxesObj {
    NativeObj h;
    double box[4]; /* left, bottom, width, height as fractions of the figure */
    Artist *art;
    int nart, cap;
    char *title, *xlabel, *ylabel;
    double xlim[2], ylim[2]; /* NaN: automatic */
    int xlog, ylog, grid, legend, legend_loc, image, cycle;
    char **xcats; /* categorical x tick labels (bar of strings), ncats */
    int ncats;
    char **ycats;
    int nycats;
} AxesObj;

typedef struct FigureObj {
    NativeObj h;
    double width, height; /* inches */
    int num;
    ListObj *axes; /* AxesObj values */
    int cur_ax;    /* index of the current axes (gca) */
    char *suptitle;
} FigureObj;

/* Appends the SVG of fig to out: a file with its XML declaration when standalone, else the
 * bare <svg> element (what notebooks embed, as IPython's SVG does). 0, or -1 (raised). */
int svg_render(VM *vm, const FigureObj *fig, int standalone, SBuf *out);
/* Default colour number i of the cycle (tab10). */
Rgba fig_cycle_colour(int i);
/* The view limits the renderer will use (data units). */
void svg_limits(const AxesObj *ax, double xl[2], double yl[2]);

/* ---- axes.c: the Axes type and its plotting methods ---- */
/* Creates the Axes type (methods included). NULL: raised. */
TypeObj *axes_type_new(VM *vm);
/* A new empty Axes at box (fractions of the figure: left, bottom, width, height). */
AxesObj *axes_new(VM *vm, TypeObj *t, const double box[4]);
/* A new object whose repr is text (what pyplot calls return: Line2D, Text, ...). */
Value fig_repr_obj(VM *vm, const char *text);
/* Reads any array-like as n doubles (malloc'd, flattened). 0 or -1 (raised). */
int fig_doubles(VM *vm, Value v, double **out, int *n);
/* Parses a matplotlib colour: names, 'C0'.., '#rrggbb', 'r', '0.5', (r, g, b[, a]). */
int fig_colour(VM *vm, Value v, Rgba *out);

#endif
