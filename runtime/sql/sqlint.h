/* sqlint.h: what the files of runtime/sql share (not public API; sql.h is the module's face).
 * sql.c: magics and their options; sqlconn.c: URLs, connections, cancelling; sqllex.c:
 * statements and :name placeholders; sqlexec.c: running one statement; sqlresult.c: result
 * sets as values. Ownership follows value.h: borrow arguments, return new references. */
#ifndef SQLINT_H
#define SQLINT_H

#include <mysql.h>
#include <pthread.h>
#include <stdint.h>

#include "../magic.h"
#include "sql.h"

#define SQL_DEFAULT_DISPLAYLIMIT 10

/* ---------------------------------------------------------------- connections (sqlconn.c) */

/* mysql://user[:password]@host[:port][/db][?socket=...&charset=...&read_default_file=...
 * &read_default_group=...&password_env=VAR]. Every string is owned (NULL when absent). */
typedef struct SqlUrl {
    char *user, *password, *host, *db;
    char *socket, *charset, *default_file, *default_group, *password_env;
    unsigned port;
    char *masked; /* the URL as shown anywhere: the password replaced by *** */
} SqlUrl;

typedef struct SqlConn {
    char *alias;  /* --alias name, or NULL */
    SqlUrl url;
    MYSQL *my;    /* NULL while disconnected (after the server went away): reconnect on use */
    int in_trans; /* a transaction was open after the last statement */
} SqlConn;

/* Cancels the statement running on the main thread when vm->interrupt is set: a helper
 * thread, woken while a statement runs, sends KILL QUERY through a second connection (and
 * shuts the socket down if that fails, so the main thread never stays blocked). */
typedef struct SqlWatch {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int started, quit;
    VM *vm;
    const SqlConn *conn;     /* the statement's connection while active, else NULL */
    unsigned long thread_id; /* its server thread */
    int fd;                  /* its socket */
    int killing, killed;     /* a KILL is under way / was sent for the current statement */
} SqlWatch;

typedef struct SqlState {
    SqlConn **conns;
    int nconns, cap;
    SqlConn *cur;     /* the connection statements go to, or NULL */
    int displaylimit; /* rows shown by a result's table; 0: all */
    TypeObj *t_result;
    SqlWatch watch;
    int stmt_index, nstmts; /* the statement running, of how many (for error messages) */
} SqlState;

#define SQLST(vm) ((SqlState *)(vm)->sql)

/* Parses text into u (zeroed first). 0, or -1 with ValueError raised (the message never
 * holds the password). */
int sql_url_parse(VM *vm, const char *text, SqlUrl *u);
void sql_url_free(SqlUrl *u);
/* Connects c (closing any previous handle). 0, or -1 with SQLError raised naming the masked
 * URL. */
int sql_connect(VM *vm, SqlConn *c);
/* Makes c usable for a statement: connects when disconnected; when the server went away
 * since the last use it reconnects, unless a transaction was open (SQLError then, the
 * connection closed so that the next use reconnects). 0 or -1 raised. */
int sql_ensure(VM *vm, SqlConn *c);
void sql_disconnect(SqlConn *c);
/* Raises SQLError for the last error on c (or on stmt when not NULL, which it closes) while
 * running statement (may be NULL). A lost server closes c and names its masked URL. Returns
 * ERRV. */
Value sql_raise_conn(VM *vm, SqlConn *c, MYSQL_STMT *stmt, const char *statement, size_t n);
/* Raises KeyboardInterrupt (a statement was cancelled). Returns ERRV. */
Value sql_interrupted(VM *vm);
/* 1 when errno means the connection is gone. */
int sql_errno_lost(unsigned err);

int sql_watch_init(VM *vm, SqlWatch *w);
void sql_watch_free(SqlWatch *w);
/* Brackets a blocking call on c. sql_watch_end returns 1 when the statement was killed
 * because of an interrupt (the caller raises KeyboardInterrupt), 0 otherwise. */
void sql_watch_begin(SqlWatch *w, const SqlConn *c);
int sql_watch_end(SqlWatch *w);

/* ---------------------------------------------------------------- lexing (sqllex.c) */

typedef struct SqlSpan {
    size_t start, end; /* byte offsets */
} SqlSpan;

/* Splits text into statements at the semicolons outside strings, quoted identifiers and
 * comments; statements holding nothing but blanks and comments are dropped. *out is
 * malloc'd (the caller frees it), *count may be 0. 0, or -1 out of memory. */
int sql_split(const char *text, size_t n, SqlSpan **out, size_t *count);
/* Finds the :name placeholders of one statement (not inside strings, quoted identifiers or
 * comments, not `::`, not after an identifier character) and writes the statement with each
 * replaced by `?` to sql. names[] (malloc'd, *nnames entries) give the spans of the names,
 * without the colon, in the original text. 0, or -1 out of memory. */
int sql_placeholders(const char *text, size_t n, SBuf *sql, SqlSpan **names, int *nnames);
/* The first keyword of a statement, upper-cased into buf (skipping blanks, comments and
 * parentheses). */
void sql_first_word(const char *text, size_t n, char *buf, size_t size);

/* ---------------------------------------------------------------- results (sqlresult.c) */

enum { SQL_COL_INT, SQL_COL_FLOAT, SQL_COL_STR };

/* A column while rows stream in, then as kept by a result set. */
typedef struct SqlCol {
    StrObj *name;
    int kind;        /* SQL_COL_* */
    int decimals;    /* DECIMAL: digits shown after the point; -1 otherwise */
    int datetime;    /* DATETIME/TIMESTAMP: the space becomes ISO's T */
    int bits;        /* BIT: bytes to a big-endian integer */
    int is_unsigned;
    /* while building */
    char *buf;       /* int64 or double values */
    uint8_t *nulls;  /* int columns: 1 where NULL (allocated at the first NULL) */
    ListObj *strs;   /* str columns */
    /* once built */
    Value data;      /* int64/float64 ndarray, or list of str/None */
    Value mask;      /* int columns with NULLs: bool ndarray, True where NULL; else T_NULL */
} SqlCol;

typedef struct SqlBuild {
    SqlCol *cols;
    int ncols;
    int64_t nrows, cap;
} SqlBuild;

int sql_result_init(VM *vm, SqlState *st);
/* Sets up columns from MySQL's field descriptions. 0 or -1 raised. */
int sql_build_start(VM *vm, SqlBuild *b, const MYSQL_FIELD *f, int ncols);
/* Makes room for one more row; returns its index or -1 raised. */
int64_t sql_build_row(VM *vm, SqlBuild *b);
/* Stores column i of the current row from text (NULL pointer: SQL NULL). 0 or -1 raised. */
int sql_build_text(VM *vm, SqlBuild *b, int i, const char *s, size_t len);
void sql_build_int(SqlBuild *b, int i, int64_t v);
void sql_build_float(SqlBuild *b, int i, double v);
void sql_build_null(SqlBuild *b, int i);
void sql_build_free(VM *vm, SqlBuild *b);
/* A result set from the rows built (b is emptied, also on failure). */
Value sql_result_rows(VM *vm, SqlBuild *b, double elapsed);
/* The outcome of a statement without rows: "3 rows affected". */
Value sql_result_status(VM *vm, int64_t affected, uint64_t insert_id, double elapsed);

/* ---------------------------------------------------------------- statements (sqlexec.c) */

/* Runs one statement on c: :name placeholders bound from the user's variables through a
 * prepared statement (arrays and lists: one row per element, in bulk), otherwise the text
 * protocol. Returns a result set or status, or ERRV (SQLError, KeyboardInterrupt...). */
Value sql_exec_statement(VM *vm, SqlConn *c, const char *text, size_t n);

double sql_now(void);

#endif
