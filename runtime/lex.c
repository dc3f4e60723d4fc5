/* lex.c: Python 3.11 tokenization for Abacus (see lex.h). Indentation follows CPython's
 * tokenizer: tabs advance to multiples of 8, and a second measure counting a tab as one
 * column detects inconsistent mixes (TabError). String bodies are decoded by lex_decode. */
#include "lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LEX_STR(k, s) s,
static const char *const op_strs[] = {"", LEX_OPS(LEX_STR)};
static const char *const kw_strs[] = {"", LEX_KEYWORDS(LEX_STR)};
#undef LEX_STR

const char *lex_op_str(int op) {
    return op > 0 && op < T__COUNT ? op_strs[op] : "";
}

const char *lex_keyword_str(int kw) {
    return kw > 0 && kw < K__COUNT ? kw_strs[kw] : "";
}

int lex_error(ParseError *err, const char *type, int line, int col, int end_line, int end_col,
              const char *fmt, ...) {
    va_list ap;
    err->type = type ? type : "SyntaxError";
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->line = line;
    err->col = col;
    err->end_line = end_line;
    err->end_col = end_col;
    return -1;
}

void lex_init(Lexer *lx, const char *src, size_t len, int line, int col, int flat,
              ParseError *err) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->len = len;
    lx->line = lx->first_line = line;
    lx->col_base = col;
    lx->flat = flat;
    lx->bol = !flat;
    lx->err = err;
}

/* ---- character helpers ---- */

static int peekc(const Lexer *lx, size_t k) {
    return lx->pos + k < lx->len ? (unsigned char)lx->src[lx->pos + k] : -1;
}

static int col_of(const Lexer *lx, size_t pos) {
    int c = (int)(pos - lx->line_start);
    return lx->line == lx->first_line ? c + lx->col_base : c;
}

static int is_id_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_id_char(int c) {
    return is_id_start(c) || (c >= '0' && c <= '9');
}

/* Consumes a line break ("\n", "\r\n" or "\r") at pos. */
static void eat_newline(Lexer *lx) {
    if (peekc(lx, 0) == '\r' && peekc(lx, 1) == '\n') lx->pos++;
    lx->pos++;
    lx->line++;
    lx->line_start = lx->pos;
}

static int err_at(Lexer *lx, const char *type, size_t pos, const char *msg) {
    int col = col_of(lx, pos);
    return lex_error(lx->err, type, lx->line, col, lx->line, col + 1, "%s", msg);
}

static void tok_begin(const Lexer *lx, LexToken *t, LexKind k) {
    memset(t, 0, sizeof *t);
    t->kind = k;
    t->p = lx->src + lx->pos;
    t->line = t->end_line = lx->line;
    t->col = t->end_col = col_of(lx, lx->pos);
}

static void tok_end(const Lexer *lx, LexToken *t) {
    t->n = (size_t)(lx->src + lx->pos - t->p);
    t->end_line = lx->line;
    t->end_col = col_of(lx, lx->pos);
}

/* ---- indentation ---- */

/* Measures the indentation at pos, skipping blank and comment-only lines. Returns 1 at a line
 * holding a token, 0 at end of input. */
static int measure_indent(Lexer *lx, int *col, int *alt) {
    for (;;) {
        *col = *alt = 0;
        int c;
        while ((c = peekc(lx, 0)) == ' ' || c == '\t' || c == '\f') {
            if (c == ' ') (*col)++, (*alt)++;
            else if (c == '\t') *col = (*col / 8 + 1) * 8, (*alt)++;
            else *col = *alt = 0;
            lx->pos++;
        }
        if (c == '#')
            while ((c = peekc(lx, 0)) != -1 && c != '\n' && c != '\r') lx->pos++;
        if (c == -1) return 0;
        if (c != '\n' && c != '\r') return 1;
        eat_newline(lx);
    }
}

static int tab_error(Lexer *lx) {
    return lex_error(lx->err, "TabError", lx->line, 0, lx->line, 0,
                     "inconsistent use of tabs and spaces in indentation");
}

/* Compares a new line's indentation with the stack; may emit INDENT or owe DEDENTs. */
static int indentation(Lexer *lx, LexToken *t, int *emitted) {
    int col, alt, top = lx->nindent;
    *emitted = 0;
    if (!measure_indent(lx, &col, &alt)) return 0;
    lx->bol = 0;
    if (col == lx->indent[top]) return alt == lx->alt[top] ? 0 : tab_error(lx);
    if (col > lx->indent[top]) {
        if (top + 1 > LEX_MAX_INDENT)
            return err_at(lx, "IndentationError", lx->pos, "too many levels of indentation");
        if (alt <= lx->alt[top]) return tab_error(lx);
        lx->nindent++;
        lx->indent[lx->nindent] = col;
        lx->alt[lx->nindent] = alt;
        tok_begin(lx, t, TK_INDENT);
        if (t->col > 0) t->col--;
        *emitted = 1;
        return 0;
    }
    while (lx->nindent > 0 && col < lx->indent[lx->nindent]) {
        lx->nindent--;
        lx->dedents++;
    }
    if (col != lx->indent[lx->nindent]) {
        size_t e = lx->pos;
        while (e < lx->len && lx->src[e] != '\n' && lx->src[e] != '\r') e++;
        int c = col_of(lx, e);
        return lex_error(lx->err, "IndentationError", lx->line, c, lx->line, c,
                         "unindent does not match any outer indentation level");
    }
    return alt == lx->alt[lx->nindent] ? 0 : tab_error(lx);
}

/* ---- numbers ---- */

static int number_error(Lexer *lx, LexToken *t, size_t pos, const char *msg) {
    (void)t;
    return err_at(lx, "SyntaxError", pos, msg);
}

/* Reads digits accepted by ok() with single '_' separators between them. Returns how many
 * digits were read, or -1 when an underscore is misplaced. */
static int read_digits(Lexer *lx, int (*ok)(int)) {
    int count = 0;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == '_') {
            if (!count || peekc(lx, 1) < 0 || !ok(peekc(lx, 1))) return -1;
            lx->pos++;
            continue;
        }
        if (c < 0 || !ok(c)) return count;
        lx->pos++;
        count++;
    }
}

static int is_dec(int c) { return c >= '0' && c <= '9'; }
static int is_hex(int c) { return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int is_oct(int c) { return c >= '0' && c <= '7'; }
static int is_bin(int c) { return c == '0' || c == '1'; }

/* 0x / 0o / 0b literals. */
static int lex_radix(Lexer *lx, LexToken *t) {
    int r = peekc(lx, 1) | 0x20;
    int (*ok)(int) = r == 'x' ? is_hex : r == 'o' ? is_oct : is_bin;
    const char *name = r == 'x' ? "hexadecimal" : r == 'o' ? "octal" : "binary";
    char msg[64];
    lx->pos += 2;
    if (peekc(lx, 0) == '_') lx->pos++;
    int n = read_digits(lx, ok);
    int c = peekc(lx, 0);
    if (n >= 0 && c >= 0 && is_dec(c) && r != 'x') {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, name);
        return number_error(lx, t, lx->pos, msg);
    }
    if (n <= 0 || (c >= 0 && is_id_char(c))) {
        snprintf(msg, sizeof msg, "invalid %s literal", name);
        return number_error(lx, t, n <= 0 ? lx->pos - 1 : (size_t)(t->p - lx->src), msg);
    }
    t->kind = TK_INT;
    return 0;
}

/* Fraction and exponent after the integer part; sets *is_float. */
static int lex_fraction(Lexer *lx, LexToken *t, int *is_float) {
    if (peekc(lx, 0) == '.') {
        lx->pos++;
        *is_float = 1;
        if (peekc(lx, 0) >= 0 && is_dec(peekc(lx, 0)) && read_digits(lx, is_dec) < 0)
            return number_error(lx, t, lx->pos, "invalid decimal literal");
    }
    int c = peekc(lx, 0);
    if (c == 'e' || c == 'E') {
        int k = (peekc(lx, 1) == '+' || peekc(lx, 1) == '-') ? 2 : 1;
        if (peekc(lx, k) < 0 || !is_dec(peekc(lx, k)))
            return number_error(lx, t, t->p - lx->src, "invalid decimal literal");
        lx->pos += (size_t)k;
        *is_float = 1;
        if (read_digits(lx, is_dec) < 0)
            return number_error(lx, t, lx->pos, "invalid decimal literal");
    }
    return 0;
}

static int lex_number(Lexer *lx, LexToken *t) {
    int c1 = peekc(lx, 1) | 0x20;
    if (peekc(lx, 0) == '0' && (c1 == 'x' || c1 == 'o' || c1 == 'b')) return lex_radix(lx, t);
    size_t start = lx->pos;
    int is_float = 0, nonzero = 0;
    if (peekc(lx, 0) != '.' && read_digits(lx, is_dec) < 0)
        return number_error(lx, t, lx->pos, "invalid decimal literal");
    for (size_t i = start; i < lx->pos; i++)
        if (lx->src[i] != '0' && lx->src[i] != '_') nonzero = 1;
    if (lex_fraction(lx, t, &is_float) < 0) return -1;
    int c = peekc(lx, 0);
    t->kind = is_float ? TK_FLOAT : TK_INT;
    if (c == 'j' || c == 'J') {
        lx->pos++;
        t->kind = TK_IMAG;
        c = peekc(lx, 0);
    }
    if (c >= 0 && is_id_char(c)) return number_error(lx, t, start, "invalid decimal literal");
    if (t->kind == TK_INT && lx->src[start] == '0' && nonzero) {
        lex_error(lx->err, "SyntaxError", lx->line, col_of(lx, start), lx->line,
                  col_of(lx, lx->pos),
                  "leading zeros in decimal integer literals are not permitted; "
                  "use an 0o prefix for octal integers");
        return -1;
    }
    return 0;
}

/* ---- strings ---- */

/* Length of a string prefix at pos followed by a quote (0 when there is none); sets *flags. */
static int string_prefix(const Lexer *lx, int *flags, int *bytes) {
    int n = 0;
    *flags = *bytes = 0;
    for (; n < 3; n++) {
        int c = peekc(lx, (size_t)n);
        if (c == '\'' || c == '"') return n;
        c |= 0x20;
        if (c == 'r' && !(*flags & LEX_RAW)) *flags |= LEX_RAW;
        else if (c == 'f' && !(*flags & LEX_FSTR) && !*bytes) *flags |= LEX_FSTR;
        else if (c == 'b' && !*bytes && !(*flags & LEX_FSTR)) *bytes = 1;
        else if (c == 'u' && n == 0 && (peekc(lx, 1) == '\'' || peekc(lx, 1) == '"')) continue;
        else break;
    }
    *flags = *bytes = 0;
    return 0;
}

static int unterminated(Lexer *lx, LexToken *t, int triple) {
    lex_error(lx->err, "SyntaxError", t->line, t->col, t->line, t->col,
              "unterminated %sstring literal (detected at line %d)",
              triple ? "triple-quoted " : "", lx->line);
    if (triple) lx->err->incomplete = 1;
    return -1;
}

static int lex_string(Lexer *lx, LexToken *t, int prefix_len) {
    lx->pos += (size_t)prefix_len;
    int q = peekc(lx, 0);
    int triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    size_t ql = triple ? 3 : 1;
    lx->pos += ql;
    t->body = lx->src + lx->pos;
    t->body_line = lx->line;
    t->body_col = col_of(lx, lx->pos);
    for (;;) {
        int c = peekc(lx, 0);
        if (c < 0) return unterminated(lx, t, triple);
        if (c == q && (!triple || (peekc(lx, 1) == q && peekc(lx, 2) == q))) break;
        if (c == '\\') {
            lx->pos++;
            c = peekc(lx, 0);
            if (c < 0) return unterminated(lx, t, triple);
        }
        if (c == '\n' || c == '\r') {
            if (!triple && lx->src[lx->pos - 1] != '\\') return unterminated(lx, t, 0);
            eat_newline(lx);
        } else {
            lx->pos++;
        }
    }
    t->body_n = (size_t)(lx->src + lx->pos - t->body);
    lx->pos += ql;
    t->kind = TK_STRING;
    return 0;
}

/* Appends code point cp to out as UTF-8; returns the bytes written. */
static size_t put_utf8(char *out, unsigned long cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes \x, \u, \U: ndig hex digits at s[i]. Returns the code point or -1. */
static long hex_escape(const char *s, size_t n, size_t i, int ndig) {
    long v = 0;
    for (int k = 0; k < ndig; k++) {
        if (i + (size_t)k >= n || hexval((unsigned char)s[i + k]) < 0) return -1;
        v = v * 16 + hexval((unsigned char)s[i + k]);
    }
    return v;
}

static const char simple_escapes[] = "\\\\''\"\"a\ab\bf\fn\nr\rt\tv\v";

/* Decodes one escape at s[i] (just after the backslash). Returns bytes consumed or -1. */
static long decode_escape(const char *s, size_t n, size_t i, char *out, size_t *o, char *msg,
                          size_t msgcap) {
    int c = (unsigned char)s[i];
    for (const char *e = simple_escapes; *e; e += 2)
        if (*e == c) {
            out[(*o)++] = e[1];
            return 1;
        }
    if (c == '\n') return 1;
    if (c == '\r') return (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
    if (c >= '0' && c <= '7') {
        int v = 0, k = 0;
        while (k < 3 && i + (size_t)k < n && s[i + k] >= '0' && s[i + k] <= '7')
            v = v * 8 + (s[i + k++] - '0');
        *o += put_utf8(out + *o, (unsigned long)v);
        return k;
    }
    int ndig = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (ndig) {
        long v = hex_escape(s, n, i + 1, ndig);
        if (v < 0 || v > 0x10FFFF) {
            if (v < 0)
                snprintf(msg, msgcap, "(unicode error) 'unicodeescape' codec can't decode "
                         "bytes: truncated \\%s escape",
                         c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
            else
                snprintf(msg, msgcap, "(unicode error) 'unicodeescape' codec can't decode "
                         "bytes: illegal Unicode character");
            return -1;
        }
        *o += put_utf8(out + *o, (unsigned long)v);
        return ndig + 1;
    }
    if (c == 'N') {
        snprintf(msg, msgcap, "\\N{...} escapes are not supported");
        return -1;
    }
    out[(*o)++] = '\\';
    return 0;
}

long lex_decode(const char *s, size_t n, char *out, char *msg, size_t msgcap) {
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '\\' || i + 1 >= n) {
            out[o++] = s[i++];
            continue;
        }
        long k = decode_escape(s, n, i + 1, out, &o, msg, msgcap);
        if (k < 0) return -1;
        i += 1 + (size_t)k;
    }
    out[o] = '\0';
    return (long)o;
}

/* ---- operators and brackets ---- */

static int open_bracket(Lexer *lx, LexToken *t, char c) {
    if (lx->depth >= LEX_MAX_DEPTH)
        return err_at(lx, "SyntaxError", lx->pos - 1, "too many nested parentheses");
    lx->bracket[lx->depth] = c;
    lx->bline[lx->depth] = t->line;
    lx->bcol[lx->depth] = t->col;
    lx->depth++;
    return 0;
}

static int close_bracket(Lexer *lx, LexToken *t, char c) {
    char open = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (lx->depth == 0) {
        lex_error(lx->err, "SyntaxError", t->line, t->col, t->line, t->col + 1,
                  "unmatched '%c'", c);
        return -1;
    }
    lx->depth--;
    char have = lx->bracket[lx->depth];
    if (have == open) return 0;
    if (lx->bline[lx->depth] != t->line)
        lex_error(lx->err, "SyntaxError", t->line, t->col, t->line, t->col + 1,
                  "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                  c, have, lx->bline[lx->depth]);
    else
        lex_error(lx->err, "SyntaxError", t->line, t->col, t->line, t->col + 1,
                  "closing parenthesis '%c' does not match opening parenthesis '%c'", c, have);
    return -1;
}

static int lex_op(Lexer *lx, LexToken *t) {
    char first = lx->src[lx->pos];
    for (int op = 1; op < T__COUNT; op++) {
        if (op_strs[op][0] != first) continue;
        size_t n = strlen(op_strs[op]);
        if (lx->pos + n > lx->len || memcmp(lx->src + lx->pos, op_strs[op], n) != 0) continue;
        lx->pos += n;
        t->kind = TK_OP;
        t->op = op;
        char c = op_strs[op][0];
        if (n == 1 && (c == '(' || c == '[' || c == '{')) return open_bracket(lx, t, c);
        if (n == 1 && (c == ')' || c == ']' || c == '}')) return close_bracket(lx, t, c);
        if (op == T_BANG && !lx->flat) break;
        return 0;
    }
    int c = peekc(lx, 0);
    if (c >= 0x80) return err_at(lx, "SyntaxError", lx->pos, "invalid non-printable character");
    return err_at(lx, "SyntaxError", t->p - lx->src, "invalid syntax");
}

/* ---- names ---- */

static void lex_name(Lexer *lx, LexToken *t) {
    while (peekc(lx, 0) >= 0 && is_id_char(peekc(lx, 0))) lx->pos++;
    t->kind = TK_NAME;
    size_t n = (size_t)(lx->src + lx->pos - t->p);
    for (int k = 1; k < K__COUNT; k++)
        if (kw_strs[k][0] == t->p[0] && strlen(kw_strs[k]) == n && memcmp(kw_strs[k], t->p, n) == 0)
            t->op = k;
}

/* ---- the main loop ---- */

/* Skips spaces, comments, continuations and (inside brackets) newlines. Returns 1 when a
 * NEWLINE token is due, 0 to read a token, -1 on error. */
static int skip_space(Lexer *lx) {
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->pos++;
        } else if (c == '#') {
            while ((c = peekc(lx, 0)) != -1 && c != '\n' && c != '\r') lx->pos++;
        } else if (c == '\\') {
            int d = peekc(lx, 1);
            if (d == -1) {
                err_at(lx, "SyntaxError", lx->pos + 1, "unexpected EOF while parsing");
                lx->err->incomplete = 1;
                return -1;
            }
            if (d != '\n' && d != '\r')
                return err_at(lx, "SyntaxError", lx->pos + 1,
                              "unexpected character after line continuation character");
            lx->pos++;
            eat_newline(lx);
        } else if (c == '\n' || c == '\r') {
            if (!lx->flat && lx->depth == 0 && lx->line_has_tok) return 1;
            eat_newline(lx);
        } else {
            return 0;
        }
    }
}

static int never_closed(Lexer *lx) {
    int d = lx->depth - 1;
    lex_error(lx->err, "SyntaxError", lx->bline[d], lx->bcol[d], lx->bline[d], lx->bcol[d] + 1,
              "'%c' was never closed", lx->bracket[d]);
    lx->err->incomplete = 1;
    return -1;
}

/* End of input: a closing NEWLINE, the owed DEDENTs, then EOF forever. */
static int lex_eof(Lexer *lx, LexToken *t) {
    if (lx->depth > 0 && !lx->flat) return never_closed(lx);
    if (!lx->eof_done && !lx->flat && lx->line_has_tok) {
        lx->eof_done = 1;
        lx->line_has_tok = 0;
        tok_begin(lx, t, TK_NEWLINE);
        return 0;
    }
    lx->eof_done = 1;
    if (lx->nindent > 0 && !lx->flat) {
        lx->nindent--;
        tok_begin(lx, t, TK_DEDENT);
        return 0;
    }
    tok_begin(lx, t, TK_EOF);
    return 0;
}

static int lex_token(Lexer *lx, LexToken *t) {
    int c = peekc(lx, 0), flags, bytes;
    tok_begin(lx, t, TK_OP);
    lx->line_has_tok = 1;
    if (is_dec(c) || (c == '.' && peekc(lx, 1) >= 0 && is_dec(peekc(lx, 1)))) {
        if (lex_number(lx, t) < 0) return -1;
    } else if (c == '\'' || c == '"' || is_id_start(c)) {
        int plen = string_prefix(lx, &flags, &bytes);
        if (bytes)
            return err_at(lx, "SyntaxError", lx->pos, "bytes literals are not supported");
        if (plen || c == '\'' || c == '"') {
            t->flags = flags;
            if (lex_string(lx, t, plen) < 0) return -1;
        } else {
            lex_name(lx, t);
        }
    } else if (lex_op(lx, t) < 0) {
        return -1;
    }
    tok_end(lx, t);
    return 0;
}

int lex_next(Lexer *lx, LexToken *t) {
    if (lx->dedents > 0) {
        lx->dedents--;
        tok_begin(lx, t, TK_DEDENT);
        return 0;
    }
    if (lx->bol && lx->depth == 0 && !lx->flat) {
        int emitted;
        if (indentation(lx, t, &emitted) < 0) return -1;
        if (emitted) return 0;
        if (lx->dedents > 0) return lex_next(lx, t);
    }
    int r = skip_space(lx);
    if (r < 0) return -1;
    if (r == 1) {
        tok_begin(lx, t, TK_NEWLINE);
        eat_newline(lx);
        t->n = 1;
        t->end_col = t->col + 1;
        lx->bol = 1;
        lx->line_has_tok = 0;
        return 0;
    }
    if (lx->pos >= lx->len) return lex_eof(lx, t);
    return lex_token(lx, t);
}
