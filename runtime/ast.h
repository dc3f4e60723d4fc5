/* ast.h: the syntax tree the parser builds and the compiler walks.
 * Every node carries its source span: line (1-based) and col (0-based byte offset in the line),
 * end_line/end_col (end_col one past the last byte), as CPython's ast does. All nodes and the
 * strings they point to live in one Arena and are freed together with ast_arena_free. */
#ifndef AST_H
#define AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct Arena Arena;

/* One list of child nodes. */
typedef struct NodeList {
    struct Node **items;
    int n, cap;
} NodeList;

/* Node kinds. Fields used by each kind are listed; unused fields are NULL/0.
 * Expressions */
#define AST_EXPR_KINDS(X)                                                                     \
    X(N_NAME)          /* str: identifier */                                                  \
    X(N_INT)           /* str: the literal without '_' ("123", "0x1f", "0o17", "0b101") */   \
    X(N_FLOAT)         /* fval */                                                             \
    X(N_IMAG)          /* fval: imaginary part of 2.5j */                                     \
    X(N_STR)           /* str, slen: the decoded string (UTF-8, may hold NULs); adjacent     \
                          plain literals are concatenated into one node */                    \
    X(N_FSTRING)       /* list: parts, each N_STR or N_FORMATTED (adjacent literals, plain    \
                          or f, are merged into one N_FSTRING) */                              \
    X(N_FORMATTED)     /* a: expression; ival: conversion 0, 'r', 's' or 'a'; b: spec as an   \
                          N_FSTRING or NULL. f"{x=}" becomes N_STR "x=" + N_FORMATTED with    \
                          conversion 'r' (unless a spec or conversion is given, as CPython) */\
    X(N_NONE) X(N_TRUE) X(N_FALSE) X(N_ELLIPSIS)                                              \
    X(N_BINOP)         /* op: OP_ADD..OP_BITAND; a, b */                                      \
    X(N_UNARY)         /* op: OP_NEG, OP_POS, OP_INVERT, OP_NOT; a */                         \
    X(N_BOOLOP)        /* op: OP_AND or OP_OR; list: two or more operands */                  \
    X(N_COMPARE)       /* a: left; list: comparators; ops[i]: OP_LT.. for list.items[i] */    \
    X(N_IFEXP)         /* a: test, b: body, c: orelse */                                      \
    X(N_LAMBDA)        /* a: N_ARGUMENTS; b: body expression */                               \
    X(N_CALL)          /* a: callee; list: positional args (N_STARRED for *x);                \
                          list2: N_KEYWORD nodes */                                           \
    X(N_KEYWORD)       /* str: name, or NULL for **a; a: value */                             \
    X(N_ATTR)          /* a: object; str: attribute name */                                   \
    X(N_SUBSCRIPT)     /* a: object; b: index (an N_SLICE, or N_TUPLE holding slices for     \
                          a[1:2, ::3], or any expression) */                                  \
    X(N_SLICE)         /* a: lower, b: upper, c: step; each may be NULL */                    \
    X(N_STARRED)       /* a: the starred expression (in calls, literals, targets) */          \
    X(N_LIST) X(N_TUPLE) X(N_SET) /* list: elements */                                        \
    X(N_DICT)          /* list: keys (NULL item for **m), list2: values */                    \
    X(N_LISTCOMP) X(N_SETCOMP) X(N_GENEXP) /* a: element; list: N_COMPREHENSION nodes */       \
    X(N_DICTCOMP)      /* a: key, b: value; list: N_COMPREHENSION nodes */                    \
    X(N_COMPREHENSION) /* a: target, b: iterable, list: if conditions */                      \
    X(N_YIELD)         /* a: value or NULL */                                                 \
    X(N_YIELD_FROM)    /* a */                                                                \
    X(N_NAMEDEXPR)     /* a: N_NAME target, b: value (walrus) */

/* Statements */
#define AST_STMT_KINDS(X)                                                                     \
    X(N_MODULE)        /* list: body */                                                       \
    X(N_EXPR_STMT)     /* a */                                                                \
    X(N_ASSIGN)        /* list: targets (a = b = v gives two), a: value */                    \
    X(N_AUGASSIGN)     /* a: target, op, b: value */                                          \
    X(N_ANNASSIGN)     /* a: target, b: annotation, c: value or NULL */                       \
    X(N_IF)            /* a: test, list: body, list2: orelse (elif is an N_IF alone there) */ \
    X(N_WHILE)         /* a: test, list: body, list2: orelse */                               \
    X(N_FOR)           /* a: target, b: iterable, list: body, list2: orelse */                \
    X(N_BREAK) X(N_CONTINUE) X(N_PASS)                                                        \
    X(N_RETURN)        /* a: value or NULL */                                                 \
    X(N_FUNCDEF)       /* str: name; a: N_ARGUMENTS; list: body; list2: decorators;          \
                          b: return annotation or NULL */                                     \
    X(N_ARGUMENTS)     /* list: positional N_ARGs (ival of this node = how many of them are \
                          positional-only); a: *args N_ARG or NULL; list2: keyword-only     \
                          N_ARGs; b: **kwargs N_ARG or NULL. Defaults sit on each N_ARG. */   \
    X(N_ARG)           /* str: name; a: default or NULL; b: annotation or NULL */             \
    X(N_CLASSDEF)      /* str: name; list: bases; list2: body; list3: keywords;              \
                          list4: decorators */                                                \
    X(N_TRY)           /* list: body; list2: N_EXCEPT handlers; list3: orelse; list4: final */\
    X(N_EXCEPT)        /* a: type expression or NULL; str: name or NULL; list: body */        \
    X(N_RAISE)         /* a: exception or NULL; b: cause or NULL */                           \
    X(N_ASSERT)        /* a: test; b: message or NULL */                                      \
    X(N_DEL)           /* list: targets */                                                    \
    X(N_GLOBAL) X(N_NONLOCAL) /* list: N_NAME nodes */                                        \
    X(N_IMPORT)        /* list: N_ALIAS nodes */                                              \
    X(N_IMPORTFROM)    /* str: module ("numpy.linalg"; NULL for "from . import x");          \
                          ival: level (dots); list: N_ALIAS nodes (str "*" for import *) */   \
    X(N_ALIAS)         /* str: dotted name; str2: as-name or NULL */                          \
    X(N_WITH)          /* list: N_WITHITEM nodes; list2: body */                              \
    X(N_WITHITEM)      /* a: context expression; b: target or NULL */

#define AST_ENUM(k) k,
typedef enum NodeKind { AST_EXPR_KINDS(AST_ENUM) AST_STMT_KINDS(AST_ENUM) N__COUNT } NodeKind;
#undef AST_ENUM

/* Operators (N_BINOP, N_AUGASSIGN, N_UNARY, N_BOOLOP, N_COMPARE). */
typedef enum AstOp {
    OP_NONE = 0,
    OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND,
    OP_NEG, OP_POS, OP_INVERT, OP_NOT,
    OP_AND, OP_OR,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IS, OP_ISNOT, OP_IN, OP_NOTIN
} AstOp;

typedef struct Node {
    NodeKind kind;
    int line, col, end_line, end_col;
    AstOp op;
    struct Node *a, *b, *c;
    NodeList list, list2, list3, list4;
    AstOp *ops;  /* N_COMPARE: one per comparator */
    char *str;   /* NUL-terminated */
    size_t slen; /* N_STR: byte length of str */
    char *str2;
    double fval;
    int64_t ival;
} Node;

/* Arena: bump allocation, freed at once. ast_alloc returns zeroed memory or NULL. */
Arena *ast_arena_new(void);
void *ast_alloc(Arena *a, size_t n);
char *ast_strndup(Arena *a, const char *s, size_t n);
void ast_arena_free(Arena *a);
/* A new node of kind k with the given start position; NULL when out of memory. */
Node *ast_node(Arena *a, NodeKind k, int line, int col);
/* Appends n to the list; returns 0 or -1 when out of memory. */
int ast_list_push(Arena *a, NodeList *l, Node *n);
/* "N_BINOP" etc. */
const char *ast_kind_name(NodeKind k);

/* What went wrong when parsing failed. */
typedef struct ParseError {
    const char *type;   /* "SyntaxError", "IndentationError" or "TabError" */
    char msg[256];      /* CPython 3.11's message: "invalid syntax", "expected ':'", ... */
    int line, col;      /* 1-based line; 0-based byte column where the caret goes */
    int end_line, end_col;
    int incomplete;     /* 1 when the input ended inside a construct that more lines could
                           complete: open bracket, block header without a body, trailing
                           backslash, unterminated triple-quoted string (for is_complete) */
    int oom;            /* 1 when memory ran out (then msg is empty) */
} ParseError;

/* Parses a whole module (a cell or a file). Returns the N_MODULE node allocated in arena, or
 * NULL with *err filled. The source is UTF-8, len bytes, need not be NUL-terminated. */
Node *parse_module(Arena *arena, const char *src, size_t len, ParseError *err);

/* Parses a single expression (for eval and user_expressions); NULL with *err on failure. */
Node *parse_expression(Arena *arena, const char *src, size_t len, ParseError *err);

/* Debug: writes an S-expression of the tree to a malloc'd string (tests use it). */
char *ast_dump(const Node *n);

#endif
