/* sql.h: SQL magics on MySQL/MariaDB (libmysqlclient): connections, %sql / %%sql, :name
 * parameters bound through prepared statements, result sets as values. Only this module turns
 * MySQL rows into values.
 *
 *   %sql mysql://user[:password]@host[:port]/db[?socket=...&charset=...]   connect (or switch)
 *   %sql --alias NAME URL | %sql NAME | %sql --connections | %sql --close [NAME]
 *   %sql $VAR        the URL held by environment variable VAR; with no connection open,
 *                    statements go to $ABACUS_SQL_URL when it is set
 *   %sql --displaylimit N                  rows a result's table shows (default 10, 0: all)
 *   %sql SELECT ... WHERE x > :limit       :limit binds the variable limit, never as text
 *   x = %sql ...  /  %%sql x <<  + statements separated by ';'
 * A password never needs to be in the notebook: without one in the URL it comes from
 * ?password_env=VAR, $MYSQL_PWD, or the option files (~/.my.cnf, ?read_default_file=...). The
 * internals are in sqlint.h. */
#ifndef SQL_H
#define SQL_H

#include "../object.h"

/* Registers the %sql and %%sql magics and the result set type. 0 or -1. */
int sql_init(VM *vm);
/* Closes every connection, stops the watcher thread and frees the SQL state (vm->sql). Safe
 * when unset. Result sets still alive stay valid (they hold no connection). */
void sql_free(VM *vm);

#endif
