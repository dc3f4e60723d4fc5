/* atab.h: arrays as text/html tables and text/latex matrices. Elements are formatted exactly as
 * NumPy's repr formats them (the array runtime's printer is the source), and summarised the same
 * way (edge items and an ellipsis beyond the print threshold). */
#ifndef ATAB_H
#define ATAB_H

#include "../array/array.h"

/* Adds text/html (every array of at least one dimension) and text/latex (real or complex 1-D
 * and 2-D arrays of at most ATAB_LATEX_MAX elements, not summarised) to out. repr is the
 * array's text/plain (NumPy's repr), already computed. 0 or -1 (raised). */
int atab_bundle(VM *vm, const ArrObj *a, const char *repr, ab_bundle *out);

#define ATAB_LATEX_MAX 400

/* Appends s (n bytes) with &, <, >, " and ' escaped for HTML. 0 or -1 (out of memory). */
int atab_escape(SBuf *out, const char *s, size_t n);

#endif
