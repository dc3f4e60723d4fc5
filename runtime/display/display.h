/* display.h: turning values into mime bundles and publishing them (rich output). Only this
 * module decides how a value looks in a notebook. */
#ifndef DISPLAY_H
#define DISPLAY_H

#include "../object.h"

/* The bundle for v (text/plain always; more for arrays, images, tables...). 0 or -1 raised. */
int disp_bundle(VM *vm, Value v, ab_bundle *out);
/* Sends a bundle to the frontend as display_data (update: update_display_data), after
 * flushing pending stdout so that order is kept. */
void disp_publish(VM *vm, const ab_bundle *b, const char *display_id, int update);
/* Registers display(), HTML(), Image(), imshow()... in the builtins. 0 or -1. */
int disp_init(VM *vm);
/* Called after every cell has run (whether it failed or not), before the result is sent:
 * shows the pyplot figures the cell drew and did not show, once, as IPython's inline backend
 * does, then closes them. Never raises (an error while rendering is printed on stderr). */
void disp_cell_end(VM *vm);

/* Init functions of the modules "matplotlib" and "matplotlib.pyplot" (rows of the MODULES
 * table in builtins.c); implemented in plot.c. 0 or -1 (raised). */
int plot_mpl_init(VM *vm, ModuleObj *m);
int plot_module_init(VM *vm, ModuleObj *m);

#endif
