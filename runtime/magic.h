/* magic.h: IPython's magics (%time, %%sql...) and help (x?) for the cell language. */
#ifndef MAGIC_H
#define MAGIC_H

#include "object.h"

/* A magic: line is called for %name args (body NULL), cell for %%name args + body. Either may
 * be NULL. Returns the magic's value (None when it has none) or ERRV. */
typedef Value (*MagicFn)(VM *vm, const char *args, const char *body);
typedef struct MagicDef {
    const char *name;
    MagicFn line;
    MagicFn cell;
} MagicDef;

/* Rewrites IPython syntax in src into calls of __magic__/__cellmagic__/__help__, line for line.
 * Appends to out; *changed tells whether anything was rewritten. 0, or -1 out of memory. */
int magic_rewrite(const char *src, size_t len, SBuf *out, int *changed);
/* Adds a table of magics (ending with a {NULL} row) that lives as long as the VM. 0 or -1. */
int magic_register(VM *vm, const MagicDef *table);
/* Runs src in the user namespace: as an expression when want_value and it is one (returning
 * its value), else as statements (returning None). */
Value magic_run_source(VM *vm, const char *src, size_t len, int want_value);
int magic_init(VM *vm);

#endif
