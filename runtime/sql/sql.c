/* sql.c: the SQL layer's entry points (connections and magics arrive with issue 8). */
#include "sql.h"

int sql_init(VM *vm) {
    (void)vm;
    return 0;
}

void sql_free(VM *vm) { (void)vm; }
