/* atab.c: tables and matrices of arrays. The cells come from NumPy's repr text: it already has
 * NumPy's shared precision and padding per array and its summarisation, which a table must match.
 * The repr is split on brackets and commas into rows of cells; "..." marks skipped rows/columns. */
#include "atab.h"

#include <stdlib.h>
#include <string.h>

/* The cells of a 1-D or 2-D repr: rows of trimmed cell texts; NULL rows are "..." rows. */
typedef struct Grid {
    char ***rows; /* rows[r][c], NULL for an ellipsis row */
    int *ncols;
    int nrows, cap;
    int skip_row, skip_col; /* index of the ellipsis row / column, -1 when none */
} Grid;

static void grid_free(Grid *g) {
    for (int r = 0; r < g->nrows; r++) {
        for (int c = 0; g->rows[r] && c < g->ncols[r]; c++) free(g->rows[r][c]);
        free(g->rows[r]);
    }
    free(g->rows);
    free(g->ncols);
}

static int grid_row(Grid *g, int empty) {
    if (g->nrows == g->cap) {
        int cap = g->cap ? g->cap * 2 : 16;
        char ***rows = realloc(g->rows, (size_t)cap * sizeof *rows);
        int *nc = rows ? realloc(g->ncols, (size_t)cap * sizeof *nc) : NULL;
        if (rows) g->rows = rows;
        if (!nc) return -1;
        g->ncols = nc;
        g->cap = cap;
    }
    g->rows[g->nrows] = NULL;
    g->ncols[g->nrows] = 0;
    if (!empty && !(g->rows[g->nrows] = calloc(1, sizeof(char *)))) return -1;
    g->nrows++;
    return 0;
}

static int grid_cell(Grid *g, const char *s, size_t n) {
    while (n && (*s == ' ' || *s == '\n')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
    if (!n) return 0;
    int r = g->nrows - 1, c = g->ncols[r];
    if (n == 3 && !memcmp(s, "...", 3) && g->skip_col < 0) g->skip_col = c;
    char **row = realloc(g->rows[r], (size_t)(c + 1) * sizeof *row);
    if (!row) return -1;
    g->rows[r] = row;
    if (!(row[c] = strndup(s, n))) return -1;
    g->ncols[r]++;
    return 0;
}

/* Splits the bracketed part of repr for an ndim-dimensional array (ndim 1 or 2). */
static int grid_parse(const char *repr, int ndim, Grid *g) {
    memset(g, 0, sizeof *g);
    g->skip_row = g->skip_col = -1;
    const char *p = strchr(repr, '['), *tok = NULL;
    if (!p) return -1;
    int depth = 0;
    if (ndim == 1 && grid_row(g, 0)) return -1;
    for (; *p; p++) {
        if (*p == '[') {
            if (++depth == ndim) {
                if (ndim == 2 && grid_row(g, 0)) return -1;
                tok = p + 1;
            }
        } else if (*p == ']' || *p == ',') {
            if (depth == ndim && grid_cell(g, tok, (size_t)(p - tok))) return -1;
            if (depth == ndim) tok = p + 1;
            if (*p == ']' && --depth == 0) break;
        } else if (*p == '.' && depth == ndim - 1 && ndim == 2 && !strncmp(p, "...", 3)) {
            g->skip_row = g->nrows;
            if (grid_row(g, 1)) return -1;
            p += 2;
        }
    }
    return 0;
}

int atab_escape(SBuf *out, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const char *e = s[i] == '&'    ? "&amp;"
                        : s[i] == '<'  ? "&lt;"
                        : s[i] == '>'  ? "&gt;"
                        : s[i] == '"'  ? "&quot;"
                        : s[i] == '\'' ? "&#39;"
                                       : NULL;
        if (e ? sb_puts(out, e) : sb_putc(out, s[i])) return -1;
    }
    return 0;
}

static void shape_caption(const ArrObj *a, SBuf *b) {
    sb_puts(b, "<caption>ndarray, shape (");
    for (int i = 0; i < a->ndim; i++) sb_printf(b, i ? ", %lld" : "%lld", (long long)a->shape[i]);
    sb_printf(b, "%s), dtype %s</caption>\n", a->ndim == 1 ? "," : "", arr_dtypes[a->dtype].name);
}

/* The index shown for cell k of n shown cells when the ellipsis is at skip (or -1) and the axis
 * has len entries: the first ones count from 0, those after the ellipsis from the end. */
static long long index_of(int k, int n, int skip, int64_t len) {
    return skip < 0 || k < skip ? k : (long long)len - (n - k);
}

static const char *STYLE = "<style>.abacus-array td,.abacus-array th{text-align:right;"
                           "font-family:monospace}.abacus-array caption{caption-side:top;"
                           "text-align:left;white-space:nowrap}</style>\n";

static void html_header(const Grid *g, int ncols, int64_t len, SBuf *b) {
    sb_puts(b, "<thead><tr><th></th>");
    for (int c = 0; c < ncols; c++) {
        if (c == g->skip_col)
            sb_puts(b, "<th>…</th>");
        else
            sb_printf(b, "<th>%lld</th>", index_of(c, ncols, g->skip_col, len));
    }
    sb_puts(b, "</tr></thead>\n");
}

static void html_rows(const Grid *g, int ncols, const ArrObj *a, SBuf *b) {
    sb_puts(b, "<tbody>\n");
    for (int r = 0; r < g->nrows; r++) {
        if (!g->rows[r]) {
            sb_puts(b, "<tr><th>⋮</th>");
            for (int c = 0; c < ncols; c++)
                sb_puts(b, c == g->skip_col ? "<td>⋱</td>" : "<td>⋮</td>");
            sb_puts(b, "</tr>\n");
            continue;
        }
        long long ri = a->ndim == 1 ? 0 : index_of(r, g->nrows, g->skip_row, a->shape[0]);
        sb_printf(b, "<tr><th>%lld</th>", ri);
        for (int c = 0; c < g->ncols[r]; c++) {
            const char *cell = g->rows[r][c];
            sb_puts(b, "<td>");
            if (!strcmp(cell, "..."))
                sb_puts(b, "…");
            else
                atab_escape(b, cell, strlen(cell));
            sb_puts(b, "</td>");
        }
        sb_puts(b, "</tr>\n");
    }
    sb_puts(b, "</tbody>\n");
}

static int html_of(const ArrObj *a, const Grid *g, const char *repr, SBuf *b) {
    sb_puts(b, STYLE);
    sb_puts(b, "<table class=\"abacus-array\">\n");
    shape_caption(a, b);
    if (a->ndim > 2 || !g) {
        sb_puts(b, "<tbody><tr><td style=\"text-align:left\"><pre>");
        atab_escape(b, repr, strlen(repr));
        sb_puts(b, "</pre></td></tr></tbody>\n");
    } else if (a->size > 0) {
        int ncols = g->ncols[g->nrows && g->rows[0] ? 0 : g->nrows - 1];
        html_header(g, ncols, a->shape[a->ndim - 1], b);
        html_rows(g, ncols, a, b);
    }
    return sb_puts(b, "</table>");
}

/* One number of NumPy's text as LaTeX: 1.5e-07 → 1.5\times10^{-7}, inf → \infty,
 * complex j → \mathrm{j}. */
static void latex_number(const char *s, SBuf *b) {
    for (const char *p = s; *p; p++) {
        if (!strncmp(p, "inf", 3)) {
            sb_puts(b, "\\infty");
            p += 2;
        } else if (!strncmp(p, "nan", 3)) {
            sb_puts(b, "\\mathrm{nan}");
            p += 2;
        } else if (*p == 'j') {
            sb_puts(b, "\\mathrm{j}");
        } else if (*p == 'e' && (p[1] == '+' || p[1] == '-')) {
            const char *q = p + 2;
            while (*q == '0' && q[1] >= '0' && q[1] <= '9') q++;
            sb_printf(b, "\\times10^{%s", p[1] == '-' ? "-" : "");
            while (*q >= '0' && *q <= '9') sb_putc(b, *q++);
            sb_putc(b, '}');
            p = q - 1;
        } else {
            sb_putc(b, *p);
        }
    }
}

static void latex_of(const Grid *g, SBuf *b) {
    sb_puts(b, "$$\\begin{bmatrix}");
    for (int r = 0; r < g->nrows; r++) {
        for (int c = 0; c < g->ncols[r]; c++) {
            if (c) sb_puts(b, " & ");
            latex_number(g->rows[r][c], b);
        }
        if (r + 1 < g->nrows) sb_puts(b, "\\\\");
    }
    sb_puts(b, "\\end{bmatrix}$$");
}

static int wants_latex(const ArrObj *a, const Grid *g) {
    char k = arr_dtypes[a->dtype].kind;
    return g && a->size > 0 && a->size <= ATAB_LATEX_MAX
           && (k == 'i' || k == 'u' || k == 'f' || k == 'c') && g->skip_row < 0 && g->skip_col < 0;
}

int atab_bundle(VM *vm, const ArrObj *a, const char *repr, ab_bundle *out) {
    if (a->ndim == 0) return 0;
    Grid grid, *g = NULL;
    if (a->ndim <= 2 && a->size > 0) {
        if (grid_parse(repr, a->ndim, &grid)) return grid_free(&grid), vm_nomem(vm), -1;
        g = &grid;
    }
    SBuf html = SBUF_INIT, tex = SBUF_INIT;
    int e = html_of(a, g, repr, &html) || ab_bundle_add(out, "text/html", html.s, html.len);
    if (!e && wants_latex(a, g)) {
        latex_of(g, &tex);
        e = !tex.s || ab_bundle_add(out, "text/latex", tex.s, tex.len);
    }
    sb_free(&html);
    sb_free(&tex);
    if (g) grid_free(g);
    return e ? (vm_nomem(vm), -1) : 0;
}
