/* abacus.h: the only public header of the Abacus runtime.
 * The kernel (kernel/) and the batch runner talk to the interpreter through this API alone;
 * the runtime knows nothing of ZeroMQ or JSON. Ownership rules are stated per function. */
#ifndef ABACUS_H
#define ABACUS_H

#include <stddef.h>

#define ABACUS_VERSION "0.1.0"

typedef struct ab_runtime ab_runtime; /* opaque: one per kernel */

/* A mime bundle: (mime type, bytes) pairs plus image metadata. The runtime fills it; the
 * consumer frees it with ab_bundle_clear. Binary types (image/png) carry raw bytes; the kernel
 * base64-encodes them. Text types are UTF-8 and NUL-terminated (len excludes the NUL). */
typedef struct ab_mime {
    char *type; /* "text/plain", "text/html", "image/png", ... */
    char *data;
    size_t len;
} ab_mime;

typedef struct ab_bundle {
    ab_mime *items;
    int n, cap;
    int width, height; /* image metadata, 0 when absent */
} ab_bundle;

/* Appends a copy of data (len bytes) under type. Returns 0, or -1 when out of memory. */
int ab_bundle_add(ab_bundle *b, const char *type, const char *data, size_t len);
/* The data for type, or NULL. */
const ab_mime *ab_bundle_get(const ab_bundle *b, const char *type);
/* Frees everything the bundle holds and resets it to empty. */
void ab_bundle_clear(ab_bundle *b);

/* How the runtime talks to the outside while a cell runs. Any callback may be NULL. */
typedef struct ab_sink {
    void *ctx;
    /* name is "stdout" or "stderr"; text is UTF-8, len bytes. */
    void (*stream)(void *ctx, const char *name, const char *text, size_t len);
    /* display_id may be NULL; update is 1 for update_display. */
    void (*display)(void *ctx, const ab_bundle *b, const char *display_id, int update);
    void (*clear_output)(void *ctx, int wait);
    /* Returns a malloc'd line without the newline that the runtime frees, or NULL when input
     * is not available (allow_stdin false) or was interrupted: *why says which
     * (0 = unavailable, 1 = interrupted). */
    char *(*input)(void *ctx, const char *prompt, int password, int *why);
} ab_sink;

/* The outcome of ab_exec. ok == 1: result holds the cell's value bundle (possibly empty, n==0).
 * ok == 0: ename/evalue/traceback describe the error. Free with ab_outcome_clear. */
typedef struct ab_outcome {
    int ok;
    ab_bundle result;
    char *ename;
    char *evalue;
    char **traceback; /* ntraceback lines; formatted with ANSI colours when colour is on */
    int ntraceback;
} ab_outcome;
void ab_outcome_clear(ab_outcome *o);

typedef struct ab_matches {
    char **items;
    int n;
    size_t start, end; /* byte offsets of the text the matches replace */
} ab_matches;
void ab_matches_clear(ab_matches *m);

/* A new interpreter with empty globals. NULL when out of memory. */
ab_runtime *ab_new(void);
void ab_free(ab_runtime *rt);

/* Options. colour: tracebacks with ANSI colours (kernel) or plain (abacus run). */
void ab_set_colour(ab_runtime *rt, int colour);

/* Runs one cell. cell_name names the source in tracebacks ("Cell In[3]" for the kernel,
 * a file name for abacus run). When interactive is 1 the last expression statement becomes
 * out->result (IPython style); when 0 nothing is displayed. Returns out->ok. The outcome is
 * owned by the caller (ab_outcome_clear). */
int ab_exec(ab_runtime *rt, const char *code, const char *cell_name, int interactive,
            const ab_sink *sink, ab_outcome *out);

/* Evaluates an expression for user_expressions: fills out like ab_exec with the value's bundle.*/
int ab_eval(ab_runtime *rt, const char *expr, ab_outcome *out);

/* Completion at byte offset cursor. Returns 0 (matches may be empty). */
int ab_complete(ab_runtime *rt, const char *code, size_t cursor, ab_matches *out);

/* Inspection at cursor: fills out with text/plain (and nothing else yet). Returns 1 when
 * something was found, 0 otherwise. detail is 0 or 1 (x? vs x??). */
int ab_inspect(ab_runtime *rt, const char *code, size_t cursor, int detail, ab_bundle *out);

/* "complete", "incomplete" (indent filled with the text to continue with) or "invalid".
 * The returned string is static. */
const char *ab_is_complete(ab_runtime *rt, const char *code, char *indent, size_t n);

/* Async-signal-safe: sets a flag that the running cell turns into KeyboardInterrupt. */
void ab_interrupt(ab_runtime *rt);

#endif
