/* rich.h: IPython's display API as built-ins: display(), update_display(), clear_output(),
 * the objects HTML, Markdown, Latex, SVG and Image (values whose bundle is their mime type),
 * DisplayHandle, and imshow() for arrays. */
#ifndef RICH_H
#define RICH_H

#include "../object.h"

/* Registers the built-ins and types above in vm->builtins. 0 or -1 (raised). */
int rich_init(VM *vm);
/* Publishes the bundle of v (display_data, or update_display_data when update is set).
 * 0 or -1 (raised). */
int rich_display_value(VM *vm, Value v, const char *display_id, int update);

#endif
