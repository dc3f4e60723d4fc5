/* cmap.h: colour maps as 256-entry RGB tables (generated into cmaps.c by gen_cmaps.py from
 * matplotlib's published definitions). */
#ifndef CMAP_H
#define CMAP_H

/* Copies the table of the map called name ("viridis", "gray", ..., or any with "_r" for the
 * reversed map) to out. Returns 0, or -1 when no map has that name. */
int cmap_get(const char *name, unsigned char out[256][3]);
/* The known names, comma separated, for error messages (static). */
const char *cmap_names(void);

#endif
