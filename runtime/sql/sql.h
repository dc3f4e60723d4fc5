/* sql.h: SQL magics on MySQL/MariaDB (libmysqlclient): connections, %sql / %%sql, :name
 * parameters bound through prepared statements, result sets as values. Only this module turns
 * MySQL rows into values. */
#ifndef SQL_H
#define SQL_H

#include "../object.h"

/* Registers the %sql and %%sql magics and the SQLError plumbing. 0 or -1. */
int sql_init(VM *vm);
/* Closes every connection and frees the SQL state (vm->sql). Safe when unset. */
void sql_free(VM *vm);

#endif
