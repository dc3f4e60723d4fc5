/* sqllex.c: just enough of MySQL's lexical rules to split a cell into statements and to find
 * :name placeholders: strings ('...' "..." with backslash escapes and doubled quotes), quoted
 * identifiers (`...`), comments (-- to the end of the line, # likewise, and block comments).
 * Everything else is passed to the server untouched. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sqlint.h"

static int is_ident(char c) { return isalnum((unsigned char)c) || c == '_' || c == '$'; }

/* `-- ` starts a comment only when a blank or control character (or the end) follows. */
static int dash_comment(const char *s, size_t i, size_t n) {
    return i + 1 < n && s[i] == '-' && s[i + 1] == '-'
           && (i + 2 == n || (unsigned char)s[i + 2] <= ' ');
}

/* When a string, quoted identifier or comment starts at i, the offset just past it (the end
 * of the text when unterminated); otherwise i. *comment tells which it was. */
static size_t skip_token(const char *s, size_t i, size_t n, int *comment) {
    char c = s[i];
    *comment = 0;
    if (c == '\'' || c == '"' || c == '`') {
        for (size_t j = i + 1; j < n; j++) {
            if (s[j] == '\\' && c != '`') j++;
            else if (s[j] == c) {
                if (j + 1 < n && s[j + 1] == c) j++; /* doubled quote */
                else return j + 1;
            }
        }
        return n;
    }
    if (c == '#' || dash_comment(s, i, n)) {
        *comment = 1;
        const char *nl = memchr(s + i, '\n', n - i);
        return nl ? (size_t)(nl - s) : n;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '*') {
        *comment = 1;
        for (size_t j = i + 2; j + 1 < n; j++)
            if (s[j] == '*' && s[j + 1] == '/') return j + 2;
        return n;
    }
    return i;
}

/* 1 when [a, b) holds something other than blanks and comments. */
static int has_code(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b;) {
        int comment;
        size_t j = skip_token(s, i, b, &comment);
        if (j > i && comment) {
            i = j;
            continue;
        }
        if (!isspace((unsigned char)s[i])) return 1;
        i++;
    }
    return 0;
}

static int push_span(SqlSpan **out, size_t *count, size_t *cap, size_t a, size_t b) {
    if (*count == *cap) {
        size_t nc = *cap ? *cap * 2 : 8;
        SqlSpan *p = realloc(*out, nc * sizeof *p);
        if (!p) return -1;
        *out = p;
        *cap = nc;
    }
    (*out)[(*count)++] = (SqlSpan){a, b};
    return 0;
}

static void trim(const char *s, size_t *a, size_t *b) {
    while (*a < *b && isspace((unsigned char)s[*a])) (*a)++;
    while (*b > *a && isspace((unsigned char)s[*b - 1])) (*b)--;
}

int sql_split(const char *text, size_t n, SqlSpan **out, size_t *count) {
    size_t cap = 0, start = 0;
    *out = NULL;
    *count = 0;
    for (size_t i = 0; i <= n;) {
        if (i == n || text[i] == ';') {
            size_t a = start, b = i;
            trim(text, &a, &b);
            if (has_code(text, a, b) && push_span(out, count, &cap, a, b)) goto fail;
            start = ++i;
            continue;
        }
        int comment;
        size_t j = skip_token(text, i, n, &comment);
        i = j > i ? j : i + 1;
    }
    return 0;
fail:
    free(*out);
    *out = NULL;
    *count = 0;
    return -1;
}

/* A placeholder at i: `:` then a name start, not `::`, not right after an identifier or a
 * colon (labels such as `lbl:LOOP`, times, casts). Returns the name's length or 0. */
static size_t placeholder_at(const char *s, size_t i, size_t n) {
    if (s[i] != ':' || i + 1 >= n) return 0;
    if (i > 0 && (is_ident(s[i - 1]) || s[i - 1] == ':')) return 0;
    char c = s[i + 1];
    if (!(isalpha((unsigned char)c) || c == '_')) return 0;
    size_t j = i + 1;
    while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_')) j++;
    return j - i - 1;
}

int sql_placeholders(const char *text, size_t n, SBuf *sql, SqlSpan **names, int *nnames) {
    size_t cap = 0, count = 0, copied = 0;
    *names = NULL;
    for (size_t i = 0; i < n;) {
        int comment;
        size_t j = skip_token(text, i, n, &comment);
        if (j > i) {
            i = j;
            continue;
        }
        size_t len = placeholder_at(text, i, n);
        if (!len) {
            i += text[i] == ':' && i + 1 < n && text[i + 1] == ':' ? 2 : 1;
            continue;
        }
        if (sb_putn(sql, text + copied, i - copied) || sb_putc(sql, '?')
            || push_span(names, &count, &cap, i + 1, i + 1 + len))
            goto fail;
        i += 1 + len;
        copied = i;
    }
    if (sb_putn(sql, text + copied, n - copied)) goto fail;
    *nnames = (int)count;
    return 0;
fail:
    free(*names);
    *names = NULL;
    return -1;
}

void sql_first_word(const char *text, size_t n, char *buf, size_t size) {
    size_t i = 0, k = 0;
    while (i < n) {
        int comment;
        size_t j = skip_token(text, i, n, &comment);
        if (j > i && comment) i = j;
        else if (isspace((unsigned char)text[i]) || text[i] == '(') i++;
        else break;
    }
    while (i < n && isalpha((unsigned char)text[i]) && k + 1 < size)
        buf[k++] = (char)toupper((unsigned char)text[i++]);
    buf[k] = 0;
}
