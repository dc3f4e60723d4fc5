/* containers.h: the methods of list, tuple, dict, set and frozenset, and the dict views
 * (dict_keys, dict_values, dict_items). Registered by container_methods_init (vm.h). */
#ifndef CONTAINERS_H
#define CONTAINERS_H

#include "abacus.h" /* value.h mentions struct ab_bundle */
#include "value.h"

/* A new dict view over d: which is 0 keys, 1 values, 2 items. It holds a reference to d and
 * sees later changes. Returns ERRV (raised) on failure. Requires container_methods_init. */
Value dict_view_new(VM *vm, DictObj *d, int which);

/* Sorts l in place as list.sort does (stable; key may be T_NULL or None; reverse 0/1).
 * Comparisons go through obj_compare(OP_LT). Returns 0, or -1 with the exception raised
 * (the list then holds its items in some order, none lost). Also used by sorted(). */
int list_sort(VM *vm, ListObj *l, Value key, int reverse);

#endif
