/* lex.h: the tokenizer for Abacus cells. It turns UTF-8 Python source into Python 3.11's
 * tokens (INDENT/DEDENT, implicit joining inside brackets, every number and string form) one
 * at a time for the parser, and decodes string literal bodies. Nothing here allocates. */
#ifndef LEX_H
#define LEX_H

#include <stddef.h>

#include "ast.h"

#define LEX_MAX_INDENT 100 /* CPython's MAXINDENT */
#define LEX_MAX_DEPTH 200  /* CPython's MAXLEVEL: brackets nested deeper are an error */

typedef enum LexKind {
    TK_EOF, TK_NEWLINE, TK_INDENT, TK_DEDENT, TK_NAME, TK_INT, TK_FLOAT, TK_IMAG, TK_STRING,
    TK_OP
} LexKind;

/* Operator tokens, longest spellings first so the lexer can match in table order. */
#define LEX_OPS(X)                                                                            \
    X(T_POWEQ, "**=") X(T_FLOORDIVEQ, "//=") X(T_RSHIFTEQ, ">>=") X(T_LSHIFTEQ, "<<=")        \
    X(T_ELLIPSIS, "...") X(T_POW, "**") X(T_FLOORDIV, "//") X(T_RSHIFT, ">>")                 \
    X(T_LSHIFT, "<<") X(T_LE, "<=") X(T_GE, ">=") X(T_EQ, "==") X(T_NE, "!=")                 \
    X(T_ARROW, "->") X(T_PLUSEQ, "+=") X(T_MINUSEQ, "-=") X(T_STAREQ, "*=")                   \
    X(T_SLASHEQ, "/=") X(T_PERCENTEQ, "%=") X(T_AMPEQ, "&=") X(T_PIPEEQ, "|=")               \
    X(T_CARETEQ, "^=") X(T_ATEQ, "@=") X(T_WALRUS, ":=") X(T_LPAR, "(") X(T_RPAR, ")")       \
    X(T_LSQB, "[") X(T_RSQB, "]") X(T_LBRACE, "{") X(T_RBRACE, "}") X(T_COLON, ":")          \
    X(T_COMMA, ",") X(T_SEMI, ";") X(T_PLUS, "+") X(T_MINUS, "-") X(T_STAR, "*")             \
    X(T_SLASH, "/") X(T_PIPE, "|") X(T_AMP, "&") X(T_LT, "<") X(T_GT, ">") X(T_ASSIGN, "=")  \
    X(T_DOT, ".") X(T_PERCENT, "%") X(T_TILDE, "~") X(T_CARET, "^") X(T_AT, "@")             \
    X(T_BANG, "!")

#define LEX_KEYWORDS(X)                                                                       \
    X(K_FALSE, "False") X(K_NONE, "None") X(K_TRUE, "True") X(K_AND, "and") X(K_AS, "as")    \
    X(K_ASSERT, "assert") X(K_ASYNC, "async") X(K_AWAIT, "await") X(K_BREAK, "break")        \
    X(K_CLASS, "class") X(K_CONTINUE, "continue") X(K_DEF, "def") X(K_DEL, "del")            \
    X(K_ELIF, "elif") X(K_ELSE, "else") X(K_EXCEPT, "except") X(K_FINALLY, "finally")        \
    X(K_FOR, "for") X(K_FROM, "from") X(K_GLOBAL, "global") X(K_IF, "if")                    \
    X(K_IMPORT, "import") X(K_IN, "in") X(K_IS, "is") X(K_LAMBDA, "lambda")                  \
    X(K_NONLOCAL, "nonlocal") X(K_NOT, "not") X(K_OR, "or") X(K_PASS, "pass")                \
    X(K_RAISE, "raise") X(K_RETURN, "return") X(K_TRY, "try") X(K_WHILE, "while")            \
    X(K_WITH, "with") X(K_YIELD, "yield")

#define LEX_ENUM(k, s) k,
typedef enum LexOp { T__NONE, LEX_OPS(LEX_ENUM) T__COUNT } LexOp;
typedef enum LexKeyword { K__NONE, LEX_KEYWORDS(LEX_ENUM) K__COUNT } LexKeyword;
#undef LEX_ENUM

/* String prefix flags. */
#define LEX_RAW 1
#define LEX_FSTR 2

/* One token. p/n is its source text; positions follow ast.h (end_col one past the end). */
typedef struct LexToken {
    LexKind kind;
    int op; /* TK_OP: a LexOp; TK_NAME: a LexKeyword, K__NONE for identifiers */
    const char *p;
    size_t n;
    int line, col, end_line, end_col;
    /* TK_STRING only: */
    int flags;        /* LEX_RAW | LEX_FSTR */
    const char *body; /* between the quotes */
    size_t body_n;
    int body_line, body_col; /* where body starts */
} LexToken;

/* Tokenizer state; plain data, no cleanup needed. */
typedef struct Lexer {
    const char *src;
    size_t len, pos;
    int line;          /* current line, 1-based */
    size_t line_start; /* offset of the current line's first byte */
    int first_line, col_base; /* col_base is added to columns on first_line */
    int indent[LEX_MAX_INDENT + 1], alt[LEX_MAX_INDENT + 1]; /* alt: tabs count as one */
    int nindent;
    int dedents;       /* DEDENT tokens still owed */
    int bol;           /* at the beginning of a logical line */
    int line_has_tok;  /* the current logical line produced a token */
    int flat;          /* inside an f-string replacement field: newlines are spaces */
    int depth;         /* open brackets */
    char bracket[LEX_MAX_DEPTH];
    int bline[LEX_MAX_DEPTH], bcol[LEX_MAX_DEPTH];
    int eof_done;      /* the final NEWLINE has been produced */
    ParseError *err;
} Lexer;

/* Prepares lx to tokenize src[0..len) whose first byte sits at line/col. flat: tokenize an
 * f-string replacement field (no NEWLINE/INDENT tokens). */
void lex_init(Lexer *lx, const char *src, size_t len, int line, int col, int flat,
              ParseError *err);

/* Produces the next token in *t. Returns 0, or -1 with lx->err filled (a SyntaxError,
 * IndentationError or TabError); after an error the lexer must not be used again. */
int lex_next(Lexer *lx, LexToken *t);

/* Decodes the escapes of a non-raw string body s[0..n) into out (which needs n + 1 bytes;
 * the result is never longer than the input) and NUL-terminates it. Returns the decoded
 * length, or -1 with msg (msgcap bytes) holding CPython's message. */
long lex_decode(const char *s, size_t n, char *out, char *msg, size_t msgcap);

/* The spelling of an operator ("**=") or keyword ("lambda"). */
const char *lex_op_str(int op);
const char *lex_keyword_str(int kw);

/* Fills err with a located error (type "SyntaxError" unless given). Returns -1. */
int lex_error(ParseError *err, const char *type, int line, int col, int end_line, int end_col,
              const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
