/* plot.h: the matplotlib.pyplot subset (figures, axes, lines, bars, ...) rendered to SVG. */
#ifndef PLOT_H
#define PLOT_H

#include "../object.h"

/* plot_mpl_init and plot_module_init, the modules' init functions, are declared in display.h
 * (builtins.c registers them). */
/* Shows and closes the figures left open by the cell (see disp_cell_end). */
void plot_cell_end(VM *vm);

#endif
