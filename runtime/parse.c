/* parse.c: recursive-descent parser from Python 3.11 source to the AST of ast.h, with
 * CPython's positions and its SyntaxError wording for the common mistakes. Errors longjmp to
 * the entry point; that is safe because every allocation lives in the caller's arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "lex.h"

#define MAX_DEPTH 400   /* nested expressions; deeper input is a SyntaxError */
#define MAX_FSTRING 8   /* nested f-strings */

typedef struct Parser {
    Arena *arena;
    Lexer lx;
    LexToken tok, nxt;
    int has_nxt;
    int prev_line, prev_col;        /* end of the last consumed token */
    int prev_start_line, prev_start_col; /* start of the last consumed token */
    ParseError *err;
    jmp_buf *jb;
    int depth;
    int fnest;   /* f-string nesting */
    int fstring; /* parsing a replacement field: messages get the "f-string: " prefix */
    int generic; /* a token error later in the source overrides the error (CPython scans the
                    whole source after a parser error, see rescan) */
    int lex_err; /* the pending error came from the lexer */
    int nl_line, nl_col; /* start of the last NEWLINE consumed */
} Parser;

typedef enum TargetCtx { CTX_ASSIGN, CTX_DEL, CTX_FOR } TargetCtx;

static Node *expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *named_expression(Parser *p);
static Node *bitwise_or(Parser *p);
static Node *star_named_expression(Parser *p);
static Node *parse_strings(Parser *p);
static void statement(Parser *p, NodeList *body);
static Node *yield_expr(Parser *p);
static Node *disjunction(Parser *p);
typedef struct Pos Pos;

/* ---- errors ---- */

static _Noreturn void fail_range(Parser *p, const char *type, int line, int col, int eline,
                                 int ecol, const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lex_error(p->err, type, line, col, eline, ecol, "%s%s", p->fstring ? "f-string: " : "",
              msg);
    longjmp(*p->jb, 1);
}

static _Noreturn void fail_node(Parser *p, const Node *n, const char *fmt, const char *arg) {
    fail_range(p, "SyntaxError", n->line, n->col, n->end_line, n->end_col, fmt, arg);
}

static _Noreturn void oom(Parser *p) {
    p->err->oom = 1;
    p->err->msg[0] = '\0';
    p->err->type = "MemoryError";
    longjmp(*p->jb, 1);
}

/* The pending error, one from the lexer, is a character that starts no token ("$", "?"). */
static int stray_char(const Parser *p) { return strcmp(p->err->msg, "invalid syntax") == 0; }

static _Noreturn void lex_failed(Parser *p) {
    p->lex_err = 1;
    longjmp(*p->jb, 1);
}

/* "invalid syntax" at the current token (or the indentation complaint it stands for). */
static _Noreturn void syntax_error(Parser *p) {
    const LexToken *t = &p->tok;
    if (t->kind == TK_INDENT)
        fail_range(p, "IndentationError", t->line, t->col, t->line, t->col, "unexpected indent");
    if (t->kind == TK_DEDENT)
        fail_range(p, "IndentationError", t->line, t->col, t->line, t->col,
                   "unexpected unindent");
    p->generic = 1;
    fail_range(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, "invalid syntax");
}

/* ---- tokens ---- */

static void advance(Parser *p) {
    p->prev_line = p->tok.end_line;
    p->prev_col = p->tok.end_col;
    p->prev_start_line = p->tok.line;
    p->prev_start_col = p->tok.col;
    if (p->tok.kind == TK_NEWLINE) {
        p->nl_line = p->tok.line;
        p->nl_col = p->tok.col;
    }
    if (p->has_nxt) {
        p->tok = p->nxt;
        p->has_nxt = 0;
    } else if (lex_next(&p->lx, &p->tok) < 0) {
        lex_failed(p);
    }
}

static const LexToken *peek(Parser *p) {
    if (!p->has_nxt) {
        if (lex_next(&p->lx, &p->nxt) < 0) lex_failed(p);
        p->has_nxt = 1;
    }
    return &p->nxt;
}

static int is_op(const Parser *p, int op) {
    return p->tok.kind == TK_OP && p->tok.op == op;
}

static int is_kw(const Parser *p, int kw) {
    return p->tok.kind == TK_NAME && p->tok.op == kw;
}

static int accept_op(Parser *p, int op) {
    if (!is_op(p, op)) return 0;
    advance(p);
    return 1;
}

static int accept_kw(Parser *p, int kw) {
    if (!is_kw(p, kw)) return 0;
    advance(p);
    return 1;
}

static void expect_op(Parser *p, int op) {
    if (!accept_op(p, op)) syntax_error(p);
}

/* ':' ending a block header; CPython points just after the previous token. */
static void expect_colon(Parser *p) {
    if (accept_op(p, T_COLON)) return;
    if (p->tok.kind == TK_NEWLINE || p->tok.kind == TK_EOF)
        fail_range(p, "SyntaxError", p->prev_line, p->prev_col, p->prev_line, p->prev_col,
                   "expected ':'");
    syntax_error(p);
}

static void enter(Parser *p) {
    if (++p->depth > MAX_DEPTH)
        fail_range(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.line, p->tok.col,
                   "too many nested parentheses");
}

/* ---- nodes ---- */

static Node *node_at(Parser *p, NodeKind k, int line, int col) {
    Node *n = ast_node(p->arena, k, line, col);
    if (!n) oom(p);
    return n;
}

/* A node starting at the current token. */
static Node *node_tok(Parser *p, NodeKind k) {
    return node_at(p, k, p->tok.line, p->tok.col);
}

/* Where a rule starts: its first token, which for "(a) + b" is the '(' and not a. */
typedef struct Pos {
    int line, col;
} Pos;

static Pos here(const Parser *p) {
    Pos r = {p->tok.line, p->tok.col};
    return r;
}

static Node *node_from(Parser *p, NodeKind k, Pos s) {
    return node_at(p, k, s.line, s.col);
}

/* Ends n at the last consumed token. */
static Node *finish(Parser *p, Node *n) {
    n->end_line = p->prev_line;
    n->end_col = p->prev_col;
    return n;
}

static void end_like(Node *n, const Node *last) {
    n->end_line = last->end_line;
    n->end_col = last->end_col;
}

static void push(Parser *p, NodeList *l, Node *n) {
    if (ast_list_push(p->arena, l, n) < 0) oom(p);
}

static char *tok_str(Parser *p, const LexToken *t) {
    char *s = ast_strndup(p->arena, t->p, t->n);
    if (!s) oom(p);
    return s;
}

static Node *name_node(Parser *p) {
    if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
    Node *n = node_tok(p, N_NAME);
    n->str = tok_str(p, &p->tok);
    advance(p);
    return finish(p, n);
}

/* ---- targets ---- */

/* What CPython calls an expression in "cannot assign to %s". */
static const char *expr_name(const Node *n) {
    switch (n->kind) {
    case N_CALL: return "function call";
    case N_BINOP: case N_UNARY: case N_BOOLOP: return "expression";
    case N_LAMBDA: return "lambda";
    case N_GENEXP: return "generator expression";
    case N_YIELD: case N_YIELD_FROM: return "yield expression";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_FSTRING: case N_FORMATTED: return "f-string expression";
    case N_NONE: return "None";
    case N_TRUE: return "True";
    case N_FALSE: return "False";
    case N_ELLIPSIS: return "ellipsis";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_NAMEDEXPR: return "named expression";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_NAME: return "name";
    case N_ATTR: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    default: return "literal";
    }
}

/* The first sub-expression that cannot be a target, or NULL when n is a valid one. */
static const Node *invalid_target(const Node *n, TargetCtx ctx) {
    switch (n->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT: return NULL;
    case N_STARRED: return ctx == CTX_DEL ? n : invalid_target(n->a, ctx);
    case N_LIST: case N_TUPLE:
        for (int i = 0; i < n->list.n; i++) {
            const Node *bad = invalid_target(n->list.items[i], ctx);
            if (bad) return bad;
        }
        return NULL;
    default: return n;
    }
}

static void check_target(Parser *p, const Node *n, TargetCtx ctx) {
    const Node *bad = invalid_target(n, ctx);
    if (bad) fail_node(p, bad, ctx == CTX_DEL ? "cannot delete %s" : "cannot assign to %s",
                       expr_name(bad));
    if (n->kind == N_STARRED && ctx != CTX_DEL)
        fail_node(p, n, "starred assignment target must be in a list or tuple%s", "");
}

/* ---- atoms ---- */

static Node *number(Parser *p) {
    NodeKind k = p->tok.kind == TK_INT ? N_INT : p->tok.kind == TK_FLOAT ? N_FLOAT : N_IMAG;
    Node *n = node_tok(p, k);
    char *s = tok_str(p, &p->tok), *o = s;
    for (const char *c = s; *c; c++)
        if (*c != '_' && *c != 'j' && *c != 'J') *o++ = *c;
    *o = '\0';
    if (k == N_INT) n->str = s;
    else n->fval = strtod(s, NULL);
    advance(p);
    return finish(p, n);
}

static Node *keyword_atom(Parser *p, NodeKind k) {
    Node *n = node_tok(p, k);
    advance(p);
    return finish(p, n);
}

/* for_if_clauses: ('for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static void for_if_clauses(Parser *p, NodeList *gens) {
    while (accept_kw(p, K_FOR)) {
        Node *c = node_at(p, N_COMPREHENSION, p->prev_start_line, p->prev_start_col);
        Pos s = here(p);
        Node *t = bitwise_or(p);
        if (is_op(p, T_COMMA)) {
            Node *tup = node_from(p, N_TUPLE, s);
            push(p, &tup->list, t);
            while (accept_op(p, T_COMMA) && !is_kw(p, K_IN)) push(p, &tup->list, bitwise_or(p));
            t = finish(p, tup);
        }
        check_target(p, t, CTX_FOR);
        c->a = t;
        if (!accept_kw(p, K_IN)) syntax_error(p);
        c->b = disjunction(p);
        while (accept_kw(p, K_IF)) push(p, &c->list, disjunction(p));
        push(p, gens, finish(p, c));
    }
}

static Node *comprehension(Parser *p, NodeKind k, const LexToken *open, Node *elt, int close) {
    Node *n = node_at(p, k, open->line, open->col);
    n->a = elt;
    for_if_clauses(p, &n->list);
    expect_op(p, close);
    return finish(p, n);
}

/* "Perhaps you forgot a comma?" when another expression follows one inside brackets. */
static int starts_expression(const LexToken *t) {
    if (t->kind == TK_NAME)
        return t->op == K__NONE || t->op == K_TRUE || t->op == K_FALSE || t->op == K_NONE ||
               t->op == K_LAMBDA;
    if (t->kind == TK_INT || t->kind == TK_FLOAT || t->kind == TK_IMAG || t->kind == TK_STRING)
        return 1;
    return t->kind == TK_OP && (t->op == T_LPAR || t->op == T_LSQB || t->op == T_LBRACE);
}

/* CPython's invalid_expression rule parses the expression that follows before it complains,
 * so a token error inside it (often the bracket never closed) is what the user sees. A parser
 * error there only ends the attempt. */
static void parse_next_expression(Parser *p) {
    jmp_buf jb, *outer = p->jb;
    int depth = p->depth, fnest = p->fnest, fstring = p->fstring;
    p->jb = &jb;
    if (!setjmp(jb)) expression(p);
    p->jb = outer;
    if (p->lex_err && !stray_char(p)) longjmp(*outer, 1);
    p->lex_err = 0;
    p->depth = depth;
    p->fnest = fnest;
    p->fstring = fstring;
    p->generic = 0;
}

static _Noreturn void bracket_error(Parser *p, const Node *last) {
    if (last && starts_expression(&p->tok) && !(p->tok.kind == TK_STRING && last->kind == N_NAME)) {
        LexToken t = p->tok;
        parse_next_expression(p);
        p->generic = 1;
        fail_range(p, "SyntaxError", last->line, last->col, t.end_line, t.end_col,
                   "invalid syntax. Perhaps you forgot a comma?");
    }
    syntax_error(p);
}

/* Elements after the first of a list/tuple/set display, up to the closing bracket. */
static void display_rest(Parser *p, Node *n, int close) {
    Node *last = n->list.n ? n->list.items[n->list.n - 1] : NULL;
    while (!is_op(p, close)) {
        if (!accept_op(p, T_COMMA)) bracket_error(p, last);
        if (is_op(p, close)) break;
        last = star_named_expression(p);
        push(p, &n->list, last);
    }
    advance(p);
    finish(p, n);
}

/* '(' ... ')': tuple, group, generator expression or parenthesized yield. */
static Node *paren_atom(Parser *p) {
    LexToken open = p->tok;
    advance(p);
    if (is_op(p, T_RPAR)) {
        Node *n = node_at(p, N_TUPLE, open.line, open.col);
        advance(p);
        return finish(p, n);
    }
    if (is_kw(p, K_YIELD)) {
        Node *y = yield_expr(p);
        expect_op(p, T_RPAR);
        return y;
    }
    Node *first = star_named_expression(p);
    if (is_kw(p, K_FOR)) return comprehension(p, N_GENEXP, &open, first, T_RPAR);
    if (accept_op(p, T_RPAR)) {
        if (first->kind == N_STARRED)
            fail_node(p, first, "cannot use starred expression here%s", "");
        return first;
    }
    if (!is_op(p, T_COMMA)) bracket_error(p, first);
    Node *n = node_at(p, N_TUPLE, open.line, open.col);
    push(p, &n->list, first);
    display_rest(p, n, T_RPAR);
    return n;
}

static Node *list_atom(Parser *p) {
    LexToken open = p->tok;
    advance(p);
    Node *n = node_at(p, N_LIST, open.line, open.col);
    if (accept_op(p, T_RSQB)) return finish(p, n);
    Node *first = star_named_expression(p);
    if (is_kw(p, K_FOR)) return comprehension(p, N_LISTCOMP, &open, first, T_RSQB);
    push(p, &n->list, first);
    display_rest(p, n, T_RSQB);
    return n;
}

/* The key: value pairs of a dict display after the first one. */
static Node *dict_rest(Parser *p, Node *n) {
    while (!is_op(p, T_RBRACE)) {
        const Node *last = n->list2.items[n->list2.n - 1];
        if (!accept_op(p, T_COMMA)) bracket_error(p, last);
        if (is_op(p, T_RBRACE)) break;
        if (accept_op(p, T_POW)) {
            push(p, &n->list, NULL);
            push(p, &n->list2, bitwise_or(p));
            continue;
        }
        push(p, &n->list, expression(p));
        expect_op(p, T_COLON);
        push(p, &n->list2, expression(p));
    }
    advance(p);
    return finish(p, n);
}

/* '{' ... '}': dict, set, and their comprehensions. */
static Node *brace_atom(Parser *p) {
    LexToken open = p->tok;
    advance(p);
    Node *n = node_at(p, N_DICT, open.line, open.col);
    if (accept_op(p, T_RBRACE)) return finish(p, n);
    if (accept_op(p, T_POW)) {
        push(p, &n->list, NULL);
        push(p, &n->list2, bitwise_or(p));
        return dict_rest(p, n);
    }
    Node *first = star_named_expression(p);
    if (accept_op(p, T_COLON)) {
        if (first->kind == N_STARRED) fail_node(p, first, "cannot use a starred expression in "
                                                          "a dictionary value%s", "");
        Node *v = expression(p);
        if (is_kw(p, K_FOR)) {
            Node *c = comprehension(p, N_DICTCOMP, &open, first, T_RBRACE);
            c->b = v;
            return c;
        }
        push(p, &n->list, first);
        push(p, &n->list2, v);
        return dict_rest(p, n);
    }
    if (is_kw(p, K_FOR)) return comprehension(p, N_SETCOMP, &open, first, T_RBRACE);
    n->kind = N_SET;
    push(p, &n->list, first);
    display_rest(p, n, T_RBRACE);
    return n;
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | tuple | group | genexp | list
 *     | listcomp | dict | set | dictcomp | setcomp | '...' */
static Node *atom(Parser *p) {
    const LexToken *t = &p->tok;
    switch (t->kind) {
    case TK_NAME:
        if (t->op == K_TRUE) return keyword_atom(p, N_TRUE);
        if (t->op == K_FALSE) return keyword_atom(p, N_FALSE);
        if (t->op == K_NONE) return keyword_atom(p, N_NONE);
        return name_node(p);
    case TK_INT: case TK_FLOAT: case TK_IMAG: return number(p);
    case TK_STRING: return parse_strings(p);
    case TK_OP:
        if (t->op == T_LPAR) return paren_atom(p);
        if (t->op == T_LSQB) return list_atom(p);
        if (t->op == T_LBRACE) return brace_atom(p);
        if (t->op == T_ELLIPSIS) return keyword_atom(p, N_ELLIPSIS);
        break;
    default: break;
    }
    syntax_error(p);
}

/* ---- calls and subscripts ---- */

static void call_keyword(Parser *p, Node *call, Node *name) {
    if (name->kind != N_NAME) {
        if (name->kind == N_TRUE || name->kind == N_FALSE || name->kind == N_NONE)
            fail_node(p, name, "cannot assign to %s", expr_name(name));
        fail_range(p, "SyntaxError", name->line, name->col, p->tok.end_line, p->tok.end_col,
                   "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    advance(p);
    Node *k = node_at(p, N_KEYWORD, name->line, name->col);
    k->str = name->str;
    k->a = expression(p);
    push(p, &call->list2, finish(p, k));
}

/* One argument: *x, **m, name=value, or a positional expression. */
static void call_arg(Parser *p, Node *call, int *seen_kw, int *seen_kwunpack) {
    if (is_op(p, T_POW)) {
        Node *k = node_tok(p, N_KEYWORD);
        advance(p);
        k->a = expression(p);
        push(p, &call->list2, finish(p, k));
        *seen_kwunpack = 1;
        return;
    }
    Node *e;
    if (is_op(p, T_STAR)) {
        e = node_tok(p, N_STARRED);
        advance(p);
        e->a = expression(p);
        finish(p, e);
    } else {
        e = named_expression(p);
    }
    if (is_op(p, T_ASSIGN)) {
        call_keyword(p, call, e);
        *seen_kw = 1;
        return;
    }
    const LexToken *t = &p->tok;
    if (*seen_kwunpack && e->kind != N_STARRED)
        fail_range(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col,
                   "positional argument follows keyword argument unpacking");
    if (*seen_kw && e->kind != N_STARRED)
        fail_range(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col,
                   "positional argument follows keyword argument");
    push(p, &call->list, e);
}

/* A generator expression as an argument: f(x for x in y). */
static void call_genexp(Parser *p, Node *call, const LexToken *open) {
    Node *elt = call->list.items[call->list.n - 1];
    Node *g = node_at(p, N_GENEXP, open->line, open->col);
    g->a = elt;
    for_if_clauses(p, &g->list);
    if (call->list.n != 1 || call->list2.n || !is_op(p, T_RPAR)) {
        g->line = elt->line;
        g->col = elt->col;
        fail_node(p, finish(p, g), "Generator expression must be parenthesized%s", "");
    }
    advance(p);
    call->list.items[0] = finish(p, g);
}

/* arguments: '(' [args [',']] ')' into call->list and call->list2 */
static void call_args(Parser *p, Node *call) {
    LexToken open = p->tok;
    int seen_kw = 0, seen_kwunpack = 0;
    advance(p);
    while (!is_op(p, T_RPAR)) {
        call_arg(p, call, &seen_kw, &seen_kwunpack);
        if (is_kw(p, K_FOR) && call->list.n) {
            call_genexp(p, call, &open);
            return;
        }
        if (is_op(p, T_RPAR)) break;
        if (!accept_op(p, T_COMMA)) {
            const Node *last = call->list2.n ? call->list2.items[call->list2.n - 1]
                                             : call->list.items[call->list.n - 1];
            bracket_error(p, last->kind == N_KEYWORD ? last->a : last);
        }
    }
    advance(p);
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Node *slice(Parser *p) {
    Node *lower = NULL;
    Pos st = here(p);
    if (!is_op(p, T_COLON)) {
        lower = is_op(p, T_STAR) ? star_named_expression(p) : named_expression(p);
        if (!is_op(p, T_COLON)) return lower;
    }
    Node *s = node_from(p, N_SLICE, st);
    s->a = lower;
    advance(p);
    if (!is_op(p, T_COLON) && !is_op(p, T_COMMA) && !is_op(p, T_RSQB)) s->b = expression(p);
    if (accept_op(p, T_COLON) && !is_op(p, T_COMMA) && !is_op(p, T_RSQB)) s->c = expression(p);
    return finish(p, s);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Node *slices(Parser *p) {
    Pos st = here(p);
    Node *first = slice(p);
    if (!is_op(p, T_COMMA)) return first;
    Node *t = node_from(p, N_TUPLE, st);
    push(p, &t->list, first);
    while (accept_op(p, T_COMMA) && !is_op(p, T_RSQB)) push(p, &t->list, slice(p));
    return finish(p, t);
}

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom */
static Node *primary_tail(Parser *p, Node *e, Pos st) {
    for (;;) {
        if (accept_op(p, T_DOT)) {
            Node *n = node_from(p, N_ATTR, st);
            n->a = e;
            if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
            n->str = tok_str(p, &p->tok);
            advance(p);
            e = finish(p, n);
        } else if (is_op(p, T_LPAR)) {
            Node *n = node_from(p, N_CALL, st);
            n->a = e;
            call_args(p, n);
            e = finish(p, n);
        } else if (accept_op(p, T_LSQB)) {
            Node *n = node_from(p, N_SUBSCRIPT, st);
            n->a = e;
            n->b = slices(p);
            if (!is_op(p, T_RSQB)) bracket_error(p, n->b);
            advance(p);
            e = finish(p, n);
        } else {
            return e;
        }
    }
}

/* ---- operators ---- */

/* factor: '+' factor | '-' factor | '~' factor | power
 * power: primary ['**' factor] */
static Node *factor(Parser *p) {
    AstOp op = is_op(p, T_PLUS) ? OP_POS : is_op(p, T_MINUS) ? OP_NEG
             : is_op(p, T_TILDE) ? OP_INVERT : OP_NONE;
    enter(p);
    Node *n;
    if (op != OP_NONE) {
        n = node_tok(p, N_UNARY);
        n->op = op;
        advance(p);
        n->a = factor(p);
        finish(p, n);
    } else {
        Pos st = here(p);
        n = primary_tail(p, atom(p), st);
        if (is_op(p, T_POW)) {
            Node *b = node_from(p, N_BINOP, st);
            b->op = OP_POW;
            b->a = n;
            advance(p);
            b->b = factor(p);
            n = finish(p, b);
        }
    }
    p->depth--;
    return n;
}

typedef struct BinRow {
    int tok;
    AstOp op;
    int level; /* 0 term, 1 sum, 2 shift, 3 bitand, 4 bitxor, 5 bitor */
} BinRow;

static const BinRow bin_rows[] = {
    {T_STAR, OP_MUL, 0}, {T_SLASH, OP_DIV, 0}, {T_FLOORDIV, OP_FLOORDIV, 0},
    {T_PERCENT, OP_MOD, 0}, {T_AT, OP_MATMUL, 0}, {T_PLUS, OP_ADD, 1}, {T_MINUS, OP_SUB, 1},
    {T_LSHIFT, OP_LSHIFT, 2}, {T_RSHIFT, OP_RSHIFT, 2}, {T_AMP, OP_BITAND, 3},
    {T_CARET, OP_BITXOR, 4}, {T_PIPE, OP_BITOR, 5},
};

static AstOp binop_at(const Parser *p, int level) {
    if (p->tok.kind != TK_OP) return OP_NONE;
    for (size_t i = 0; i < sizeof bin_rows / sizeof bin_rows[0]; i++)
        if (bin_rows[i].tok == p->tok.op && bin_rows[i].level == level) return bin_rows[i].op;
    return OP_NONE;
}

/* bitwise_or > bitwise_xor > bitwise_and > shift_expr > sum > term > factor, all left
 * associative: level 5 down to 0. */
static Node *binary(Parser *p, int level) {
    Pos st = here(p);
    Node *left = level == 0 ? factor(p) : binary(p, level - 1);
    AstOp op;
    while ((op = binop_at(p, level)) != OP_NONE) {
        Node *n = node_from(p, N_BINOP, st);
        n->op = op;
        n->a = left;
        advance(p);
        n->b = level == 0 ? factor(p) : binary(p, level - 1);
        left = finish(p, n);
    }
    return left;
}

static Node *bitwise_or(Parser *p) {
    return binary(p, 5);
}

/* compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is' */
static AstOp compare_op(Parser *p) {
    static const int toks[] = {T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE};
    static const AstOp ops[] = {OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE};
    for (int i = 0; i < 6; i++)
        if (accept_op(p, toks[i])) return ops[i];
    if (accept_kw(p, K_IN)) return OP_IN;
    if (accept_kw(p, K_IS)) return accept_kw(p, K_NOT) ? OP_ISNOT : OP_IS;
    if (is_kw(p, K_NOT)) {
        const LexToken *n = peek(p);
        if (n->kind == TK_NAME && n->op == K_IN) {
            advance(p);
            advance(p);
            return OP_NOTIN;
        }
    }
    return OP_NONE;
}

/* comparison: bitwise_or (compare_op bitwise_or)* */
static Node *comparison(Parser *p) {
    Pos st = here(p);
    Node *left = bitwise_or(p);
    AstOp op = compare_op(p);
    if (op == OP_NONE) return left;
    Node *n = node_from(p, N_COMPARE, st);
    n->a = left;
    int cap = 0;
    do {
        if (n->list.n == cap) {
            cap = cap ? cap * 2 : 4;
            AstOp *ops = ast_alloc(p->arena, (size_t)cap * sizeof(AstOp));
            if (!ops) oom(p);
            if (n->list.n) memcpy(ops, n->ops, (size_t)n->list.n * sizeof(AstOp));
            n->ops = ops;
        }
        n->ops[n->list.n] = op;
        push(p, &n->list, bitwise_or(p));
    } while ((op = compare_op(p)) != OP_NONE);
    return finish(p, n);
}

/* inversion: 'not' inversion | comparison */
static Node *inversion(Parser *p) {
    if (!is_kw(p, K_NOT)) return comparison(p);
    enter(p);
    Node *n = node_tok(p, N_UNARY);
    n->op = OP_NOT;
    advance(p);
    n->a = inversion(p);
    p->depth--;
    return finish(p, n);
}

/* conjunction: inversion ('and' inversion)+ ; disjunction: conjunction ('or' conjunction)+ */
static Node *boolop(Parser *p, int kw) {
    Pos st = here(p);
    Node *first = kw == K_AND ? inversion(p) : boolop(p, K_AND);
    if (!is_kw(p, kw)) return first;
    Node *n = node_from(p, N_BOOLOP, st);
    n->op = kw == K_AND ? OP_AND : OP_OR;
    push(p, &n->list, first);
    while (accept_kw(p, kw)) push(p, &n->list, kw == K_AND ? inversion(p) : boolop(p, K_AND));
    return finish(p, n);
}

static Node *disjunction(Parser *p) {
    return boolop(p, K_OR);
}

/* ---- parameters ---- */

typedef struct ParamState {
    int seen_default, after_star, lambda;
} ParamState;

/* One NAME [':' annotation] ['=' default]. */
static Node *param(Parser *p, ParamState *st, int star) {
    if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
    Node *a = node_tok(p, N_ARG);
    a->str = tok_str(p, &p->tok);
    advance(p);
    if (!st->lambda && accept_op(p, T_COLON))
        a->b = star && is_op(p, T_STAR) ? star_named_expression(p) : expression(p);
    finish(p, a);
    if (!star && is_op(p, T_ASSIGN)) {
        advance(p);
        a->a = expression(p);
        if (!st->after_star) st->seen_default = 1;
    } else if (!star && st->seen_default && !st->after_star) {
        fail_node(p, a, "non-default argument follows default argument%s", "");
    }
    return a;
}

/* '*' [param] in a parameter list. */
static void star_param(Parser *p, Node *args, ParamState *st, int close) {
    LexToken star = p->tok;
    if (st->after_star) syntax_error(p);
    advance(p);
    st->after_star = 1;
    if (is_op(p, T_COMMA)) {
        const LexToken *n = peek(p);
        if (n->kind == TK_OP && (n->op == close || n->op == T_POW))
            fail_range(p, "SyntaxError", star.line, star.col, star.end_line, star.end_col,
                       "named arguments must follow bare *");
        return;
    }
    if (is_op(p, close))
        fail_range(p, "SyntaxError", star.line, star.col, star.end_line, star.end_col,
                   "named arguments must follow bare *");
    args->a = param(p, st, 1);
}

/* parameters: [posonly '/' ','] [params] ['*' [param] (',' param)*] ['**' param] */
static Node *parameters(Parser *p, int close, int lambda) {
    Node *args = node_tok(p, N_ARGUMENTS);
    ParamState st = {0, 0, lambda};
    while (!is_op(p, close)) {
        if (is_op(p, T_SLASH)) {
            if (st.after_star || args->ival || args->list.n == 0) syntax_error(p);
            advance(p);
            args->ival = args->list.n;
        } else if (is_op(p, T_STAR)) {
            star_param(p, args, &st, close);
        } else if (accept_op(p, T_POW)) {
            args->b = param(p, &st, 1);
            accept_op(p, T_COMMA);
            if (!is_op(p, close)) syntax_error(p);
            break;
        } else {
            push(p, st.after_star ? &args->list2 : &args->list, param(p, &st, 0));
        }
        if (!is_op(p, close) && !accept_op(p, T_COMMA)) syntax_error(p);
    }
    return finish(p, args);
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static Node *lambdef(Parser *p) {
    Node *n = node_tok(p, N_LAMBDA);
    advance(p);
    n->a = parameters(p, T_COLON, 1);
    expect_op(p, T_COLON);
    n->b = expression(p);
    return finish(p, n);
}

/* expression: disjunction ['if' disjunction 'else' expression] | lambdef */
static Node *expression(Parser *p) {
    enter(p);
    Node *n;
    if (is_kw(p, K_LAMBDA)) {
        n = lambdef(p);
    } else {
        Pos st = here(p);
        n = disjunction(p);
        if (is_kw(p, K_IF)) {
            Node *e = node_from(p, N_IFEXP, st);
            e->b = n;
            advance(p);
            e->a = disjunction(p);
            if (!accept_kw(p, K_ELSE))
                fail_range(p, "SyntaxError", n->line, n->col, p->prev_line, p->prev_col,
                           "expected 'else' after 'if' expression");
            e->c = expression(p);
            n = finish(p, e);
        }
    }
    p->depth--;
    return n;
}

/* named_expression: NAME ':=' expression | expression !':=' */
static Node *named_expression(Parser *p) {
    Pos st = here(p);
    Node *e = expression(p);
    if (!is_op(p, T_WALRUS)) return e;
    if (e->kind != N_NAME)
        fail_node(p, e, "cannot use assignment expressions with %s", expr_name(e));
    Node *n = node_from(p, N_NAMEDEXPR, st);
    n->a = e;
    advance(p);
    n->b = expression(p);
    return finish(p, n);
}

/* star_named_expression: '*' bitwise_or | named_expression */
static Node *star_named_expression(Parser *p) {
    if (!is_op(p, T_STAR)) return named_expression(p);
    Node *n = node_tok(p, N_STARRED);
    advance(p);
    n->a = bitwise_or(p);
    return finish(p, n);
}

/* star_expression: '*' bitwise_or | expression */
static Node *star_expression(Parser *p) {
    if (!is_op(p, T_STAR)) return expression(p);
    return star_named_expression(p);
}

/* Can the current token start an expression (used to end comma lists)? */
static int at_expression(const Parser *p) {
    const LexToken *t = &p->tok;
    if (t->kind == TK_NAME)
        return t->op == K__NONE || t->op == K_TRUE || t->op == K_FALSE || t->op == K_NONE ||
               t->op == K_LAMBDA || t->op == K_NOT || t->op == K_AWAIT;
    if (t->kind == TK_OP)
        return t->op == T_LPAR || t->op == T_LSQB || t->op == T_LBRACE || t->op == T_MINUS ||
               t->op == T_PLUS || t->op == T_TILDE || t->op == T_STAR || t->op == T_ELLIPSIS;
    return t->kind == TK_INT || t->kind == TK_FLOAT || t->kind == TK_IMAG ||
           t->kind == TK_STRING;
}

/* star_expressions: star_expression (',' star_expression)* [','] */
static Node *star_expressions(Parser *p) {
    Pos st = here(p);
    Node *first = star_expression(p);
    if (!is_op(p, T_COMMA)) return first;
    Node *t = node_from(p, N_TUPLE, st);
    push(p, &t->list, first);
    while (accept_op(p, T_COMMA) && at_expression(p)) push(p, &t->list, star_expression(p));
    return finish(p, t);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static Node *yield_expr(Parser *p) {
    Node *n = node_tok(p, N_YIELD);
    advance(p);
    if (accept_kw(p, K_FROM)) {
        n->kind = N_YIELD_FROM;
        n->a = expression(p);
    } else if (at_expression(p)) {
        n->a = star_expressions(p);
    }
    return finish(p, n);
}

/* ---- strings ---- */

/* Literal text being gathered for one N_STR part. */
typedef struct Lit {
    char *s;
    size_t n, cap;
} Lit;

static void lit_add(Parser *p, Lit *l, const char *s, size_t n) {
    if (l->n + n + 1 > l->cap) {
        size_t cap = (l->n + n + 1) * 2;
        char *b = ast_alloc(p->arena, cap);
        if (!b) oom(p);
        if (l->n) memcpy(b, l->s, l->n);
        l->s = b;
        l->cap = cap;
    }
    if (n) memcpy(l->s + l->n, s, n);
    l->n += n;
    l->s[l->n] = '\0';
}

/* Adds s[0..n) decoding escapes unless raw. */
static void lit_decode(Parser *p, Lit *l, const LexToken *t, const char *s, size_t n) {
    if (t->flags & LEX_RAW) {
        lit_add(p, l, s, n);
        return;
    }
    char msg[160];
    char *buf = ast_alloc(p->arena, n + 1);
    if (!buf) oom(p);
    long k = lex_decode(s, n, buf, msg, sizeof msg);
    if (k < 0) fail_range(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col, "%s", msg);
    lit_add(p, l, buf, (size_t)k);
}

/* Moves gathered text into parts as an N_STR. */
static void lit_flush(Parser *p, Lit *l, NodeList *parts) {
    if (!l->n) return;
    Node *s = node_at(p, N_STR, 0, 0);
    s->str = l->s;
    s->slen = l->n;
    push(p, parts, s);
    memset(l, 0, sizeof *l);
}

/* Line and column of body offset i of string token t. */
static void body_pos(const LexToken *t, size_t i, int *line, int *col) {
    *line = t->body_line;
    *col = t->body_col + (int)i;
    for (size_t k = 0; k < i; k++)
        if (t->body[k] == '\n') {
            (*line)++;
            *col = (int)(i - k - 1);
        }
}

static _Noreturn void fstring_error(Parser *p, const LexToken *t, const char *msg) {
    fail_range(p, "SyntaxError", t->end_line, t->end_col, t->end_line, t->end_col,
               "f-string: %s", msg);
}

/* Where the expression of a replacement field starting at s ends: at '}', '!', ':' or the
 * '=' of f"{x=}", outside brackets and strings. */
static size_t field_end(Parser *p, const LexToken *t, size_t s) {
    const char *b = t->body;
    size_t n = t->body_n;
    int depth = 0;
    char quote = 0;
    for (size_t j = s; j < n; j++) {
        char c = b[j];
        if (c == '\\') fail_range(p, "SyntaxError", t->line, t->col, t->end_line, t->end_col,
                                  "f-string expression part cannot include a backslash");
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '#') fail_range(p, "SyntaxError", t->line, t->col, t->end_line,
                                      t->end_col, "f-string expression part cannot include '#'");
        else if (c == '(' || c == '[' || c == '{') depth++;
        else if (depth > 0 && (c == ')' || c == ']' || c == '}')) depth--;
        else if (depth == 0 && (c == '}' || c == ':' || c == ')' || c == ']')) return j;
        else if (depth == 0 && c == '!' && (j + 1 >= n || b[j + 1] != '=')) return j;
        else if (depth == 0 && c == '!') j++;
        else if (depth == 0 && c == '=' && j + 1 < n && b[j + 1] == '=') j++;
        else if (depth == 0 && c == '=' && !(j > s && strchr("=!<>", b[j - 1]))) return j;
    }
    if (quote) fstring_error(p, t, "unterminated string");
    fstring_error(p, t, "expecting '}'");
}

/* Parses the expression text b[s..e) of a field with a parser of its own. */
static Node *field_expr(Parser *p, const LexToken *t, size_t s, size_t e) {
    size_t k = s;
    while (k < e && strchr(" \t\n\r\f", t->body[k])) k++;
    if (k == e) fstring_error(p, t, "empty expression not allowed");
    if (p->fnest >= MAX_FSTRING) fstring_error(p, t, "expressions nested too deeply");
    Parser sub;
    memset(&sub, 0, sizeof sub);
    int line, col;
    body_pos(t, s, &line, &col);
    sub.arena = p->arena;
    sub.err = p->err;
    sub.jb = p->jb;
    sub.depth = p->depth;
    sub.fnest = p->fnest + 1;
    sub.fstring = 1;
    lex_init(&sub.lx, t->body + s, e - s, line, col, 1, p->err);
    advance(&sub);
    Node *x = is_kw(&sub, K_YIELD) ? yield_expr(&sub) : star_expressions(&sub);
    if (sub.tok.kind != TK_EOF) bracket_error(&sub, x);
    return x;
}

static void fstring_body(Parser *p, const LexToken *t, size_t *i, Lit *lit, NodeList *parts,
                         int spec);

/* A replacement field whose '{' is at body[*i]; appends its parts and moves *i past '}'. */
static void fstring_field(Parser *p, const LexToken *t, size_t *i, Lit *lit, NodeList *parts,
                          int spec) {
    const char *b = t->body;
    size_t n = t->body_n, s = *i + 1, e = field_end(p, t, s), j = e;
    if (spec > 1) fstring_error(p, t, "expressions nested too deeply");
    Node *f = node_at(p, N_FORMATTED, 0, 0);
    f->a = field_expr(p, t, s, e);
    if (b[j] == '=') {
        j++;
        while (j < n && strchr(" \t\n\r\f", b[j])) j++;
        lit_add(p, lit, b + s, j - s);
        f->ival = 'r';
    }
    if (j < n && b[j] == '!') {
        if (j + 1 >= n || !strchr("rsa", b[j + 1]))
            fstring_error(p, t, "invalid conversion character: expected 's', 'r', or 'a'");
        f->ival = b[j + 1];
        j += 2;
    }
    if (j < n && b[j] == ':') {
        j++;
        if (f->ival == 'r' && b[e] == '=' && b[j - 3] != '!') f->ival = 0;
        Node *sp = node_at(p, N_FSTRING, t->line, t->col);
        sp->end_line = t->end_line;
        sp->end_col = t->end_col;
        Lit sl = {0};
        fstring_body(p, t, &j, &sl, &sp->list, spec + 1);
        lit_flush(p, &sl, &sp->list);
        f->b = sp;
    }
    if (j >= n || b[j] != '}') fstring_error(p, t, "expecting '}'");
    lit_flush(p, lit, parts);
    push(p, parts, f);
    *i = j + 1;
}

/* The text of an f-string body (or of a format spec when spec: then it stops at '}'). */
static void fstring_body(Parser *p, const LexToken *t, size_t *i, Lit *lit, NodeList *parts,
                         int spec) {
    const char *b = t->body;
    size_t n = t->body_n;
    while (*i < n) {
        size_t j = *i;
        while (j < n && b[j] != '{' && b[j] != '}') {
            if (b[j] == '\\' && !(t->flags & LEX_RAW) && j + 1 < n && b[j + 1] != '{' &&
                b[j + 1] != '}')
                j++;
            j++;
        }
        if (j > n) j = n;
        lit_decode(p, lit, t, b + *i, j - *i);
        *i = j;
        if (j >= n) return;
        if (b[j] == '}' && spec) return;
        if (j + 1 < n && b[j + 1] == b[j] && !spec) {
            lit_add(p, lit, b + j, 1);
            *i = j + 2;
        } else if (b[j] == '}') {
            fstring_error(p, t, "single '}' is not allowed");
        } else {
            fstring_field(p, t, i, lit, parts, spec);
        }
    }
}

/* Gives every part of an f-string (and of its specs) the span of the whole literal, as
 * CPython 3.11 does. */
static void spec_spans(Node *spec, const Node *whole);

static void fstring_spans(Node *f, const Node *whole) {
    f->line = whole->line;
    f->col = whole->col;
    end_like(f, whole);
    for (int i = 0; i < f->list.n; i++) {
        Node *part = f->list.items[i];
        part->line = whole->line;
        part->col = whole->col;
        end_like(part, whole);
        if (part->kind == N_FORMATTED && part->b) spec_spans(part->b, whole);
    }
}

/* A format spec keeps its own token's span; its parts get the whole literal's, except a
 * lone constant, which CPython 3.11 gives the token's. */
static void spec_spans(Node *spec, const Node *whole) {
    if (spec->list.n == 1 && spec->list.items[0]->kind == N_STR) {
        Node *c = spec->list.items[0];
        c->line = spec->line;
        c->col = spec->col;
        end_like(c, spec);
        return;
    }
    Node copy = *spec;
    fstring_spans(spec, whole);
    spec->line = copy.line;
    spec->col = copy.col;
    end_like(spec, &copy);
}

/* strings: STRING+ (adjacent literals are concatenated; any f-string makes an N_FSTRING) */
static Node *parse_strings(Parser *p) {
    Node *n = node_tok(p, N_STR);
    Lit lit = {0};
    lit_add(p, &lit, "", 0);
    while (p->tok.kind == TK_STRING) {
        LexToken t = p->tok;
        advance(p);
        if (t.flags & LEX_FSTR) {
            n->kind = N_FSTRING;
            size_t i = 0;
            fstring_body(p, &t, &i, &lit, &n->list, 0);
        } else {
            lit_decode(p, &lit, &t, t.body, t.body_n);
        }
    }
    finish(p, n);
    if (n->kind == N_STR) {
        n->str = lit.s;
        n->slen = lit.n;
        return n;
    }
    lit_flush(p, &lit, &n->list);
    fstring_spans(n, n);
    return n;
}

/* ---- simple statements ---- */

static const int augassign_toks[] = {T_PLUSEQ, T_MINUSEQ, T_STAREQ, T_ATEQ, T_SLASHEQ,
                                     T_PERCENTEQ, T_AMPEQ, T_PIPEEQ, T_CARETEQ, T_LSHIFTEQ,
                                     T_RSHIFTEQ, T_POWEQ, T_FLOORDIVEQ};
static const AstOp augassign_ops[] = {OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_DIV, OP_MOD,
                                      OP_BITAND, OP_BITOR, OP_BITXOR, OP_LSHIFT, OP_RSHIFT,
                                      OP_POW, OP_FLOORDIV};

static AstOp augassign_op(const Parser *p) {
    if (p->tok.kind != TK_OP) return OP_NONE;
    for (size_t i = 0; i < sizeof augassign_toks / sizeof augassign_toks[0]; i++)
        if (p->tok.op == augassign_toks[i]) return augassign_ops[i];
    return OP_NONE;
}

/* The right-hand side of an assignment: yield_expr | star_expressions */
static Node *assign_value(Parser *p) {
    return is_kw(p, K_YIELD) ? yield_expr(p) : star_expressions(p);
}

/* assignment: (star_targets '=')+ (yield_expr | star_expressions) */
static Node *assignment(Parser *p, Node *first, Pos st) {
    Node *n = node_from(p, N_ASSIGN, st);
    push(p, &n->list, first);
    advance(p);
    Node *v = assign_value(p);
    while (accept_op(p, T_ASSIGN)) {
        push(p, &n->list, v);
        v = assign_value(p);
    }
    for (int i = 0; i < n->list.n; i++) {
        const Node *t = n->list.items[i];
        const Node *bad = invalid_target(t, CTX_ASSIGN);
        int plain = t->kind != N_LIST && t->kind != N_TUPLE && t->kind != N_GENEXP &&
                    t->kind != N_TRUE && t->kind != N_FALSE && t->kind != N_NONE;
        if (t->kind == N_YIELD || t->kind == N_YIELD_FROM)
            fail_node(p, t, "assignment to yield expression not possible%s", "");
        if (bad && n->list.n == 1 && plain && bad == t)
            fail_node(p, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      expr_name(bad));
        check_target(p, t, CTX_ASSIGN);
    }
    n->a = v;
    return finish(p, n);
}

/* augassign: single_target augassign (yield_expr | star_expressions) */
static Node *augassign(Parser *p, Node *target, AstOp op, Pos st) {
    if (target->kind != N_NAME && target->kind != N_ATTR && target->kind != N_SUBSCRIPT)
        fail_node(p, target, "'%s' is an illegal expression for augmented assignment",
                  expr_name(target));
    Node *n = node_from(p, N_AUGASSIGN, st);
    n->a = target;
    n->op = op;
    advance(p);
    n->b = assign_value(p);
    return finish(p, n);
}

/* annotated_rhs: target ':' expression ['=' annotated_rhs] */
static Node *annassign(Parser *p, Node *target, Pos st) {
    if (target->kind == N_TUPLE)
        fail_node(p, target, "only single target (not tuple) can be annotated%s", "");
    if (target->kind == N_LIST)
        fail_node(p, target, "only single target (not list) can be annotated%s", "");
    if (target->kind != N_NAME && target->kind != N_ATTR && target->kind != N_SUBSCRIPT)
        fail_node(p, target, "illegal target for annotation%s", "");
    Node *n = node_from(p, N_ANNASSIGN, st);
    n->a = target;
    advance(p);
    n->b = expression(p);
    if (accept_op(p, T_ASSIGN)) n->c = assign_value(p);
    return finish(p, n);
}

/* An expression statement, assignment, augmented or annotated assignment. */
static Node *expr_statement(Parser *p) {
    Pos st = here(p);
    Node *e = assign_value(p);
    AstOp op;
    if (is_op(p, T_ASSIGN)) return assignment(p, e, st);
    if ((op = augassign_op(p)) != OP_NONE) return augassign(p, e, op, st);
    if (is_op(p, T_COLON)) return annassign(p, e, st);
    Node *n = node_from(p, N_EXPR_STMT, st);
    n->a = e;
    return finish(p, n);
}

/* A statement that is just its keyword, or keyword plus an optional expression. */
static Node *keyword_stmt(Parser *p, NodeKind k) {
    Node *n = node_tok(p, k);
    advance(p);
    if (k == N_RETURN && at_expression(p)) n->a = star_expressions(p);
    return finish(p, n);
}

/* raise_stmt: 'raise' [expression ['from' expression]] */
static Node *raise_stmt(Parser *p) {
    Node *n = node_tok(p, N_RAISE);
    advance(p);
    if (at_expression(p)) {
        n->a = expression(p);
        if (accept_kw(p, K_FROM)) n->b = expression(p);
    }
    return finish(p, n);
}

/* assert_stmt: 'assert' expression [',' expression] */
static Node *assert_stmt(Parser *p) {
    Node *n = node_tok(p, N_ASSERT);
    advance(p);
    n->a = expression(p);
    if (accept_op(p, T_COMMA)) n->b = expression(p);
    return finish(p, n);
}

/* del_stmt: 'del' del_targets */
static Node *del_stmt(Parser *p) {
    Node *n = node_tok(p, N_DEL);
    advance(p);
    do {
        if (!at_expression(p)) break;
        Node *t = bitwise_or(p);
        check_target(p, t, CTX_DEL);
        push(p, &n->list, t);
    } while (accept_op(p, T_COMMA));
    if (!n->list.n) syntax_error(p);
    return finish(p, n);
}

/* global_stmt: 'global' ','.NAME+ (and nonlocal) */
static Node *names_stmt(Parser *p, NodeKind k) {
    Node *n = node_tok(p, k);
    advance(p);
    do push(p, &n->list, name_node(p));
    while (accept_op(p, T_COMMA));
    return finish(p, n);
}

/* dotted_name: NAME ('.' NAME)* */
static char *dotted_name(Parser *p) {
    Lit l = {0};
    for (;;) {
        if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
        lit_add(p, &l, p->tok.p, p->tok.n);
        advance(p);
        if (!is_op(p, T_DOT)) break;
        advance(p);
        lit_add(p, &l, ".", 1);
    }
    return l.s;
}

/* alias: dotted_name ['as' NAME] (dotted only in 'import') */
static Node *alias(Parser *p, int dotted) {
    Node *a = node_tok(p, N_ALIAS);
    if (dotted) {
        a->str = dotted_name(p);
    } else {
        if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
        a->str = tok_str(p, &p->tok);
        advance(p);
    }
    if (accept_kw(p, K_AS)) {
        if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
        a->str2 = tok_str(p, &p->tok);
        advance(p);
    }
    return finish(p, a);
}

/* import_name: 'import' ','.(dotted_name ['as' NAME])+ */
static Node *import_stmt(Parser *p) {
    Node *n = node_tok(p, N_IMPORT);
    advance(p);
    do push(p, &n->list, alias(p, 1));
    while (accept_op(p, T_COMMA));
    return finish(p, n);
}

/* import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
 *            | 'from' ('.' | '...')+ 'import' import_from_targets */
static Node *from_stmt(Parser *p) {
    Node *n = node_tok(p, N_IMPORTFROM);
    advance(p);
    for (;;) {
        if (accept_op(p, T_DOT)) n->ival += 1;
        else if (accept_op(p, T_ELLIPSIS)) n->ival += 3;
        else break;
    }
    if (!is_kw(p, K_IMPORT) || n->ival == 0) n->str = dotted_name(p);
    if (!accept_kw(p, K_IMPORT)) syntax_error(p);
    if (is_op(p, T_STAR)) {
        Node *a = node_tok(p, N_ALIAS);
        a->str = tok_str(p, &p->tok);
        advance(p);
        push(p, &n->list, finish(p, a));
        return finish(p, n);
    }
    int paren = accept_op(p, T_LPAR);
    do {
        if (paren && is_op(p, T_RPAR) && n->list.n) break;
        push(p, &n->list, alias(p, 0));
    } while (accept_op(p, T_COMMA));
    if (paren) expect_op(p, T_RPAR);
    else if (is_op(p, T_COMMA)) syntax_error(p);
    return finish(p, n);
}

/* simple_stmt: assignment | star_expressions | return | import | raise | pass | del | yield
 *            | assert | break | continue | global | nonlocal */
static Node *simple_stmt(Parser *p) {
    if (p->tok.kind == TK_NAME) {
        switch (p->tok.op) {
        case K_PASS: return keyword_stmt(p, N_PASS);
        case K_BREAK: return keyword_stmt(p, N_BREAK);
        case K_CONTINUE: return keyword_stmt(p, N_CONTINUE);
        case K_RETURN: return keyword_stmt(p, N_RETURN);
        case K_RAISE: return raise_stmt(p);
        case K_ASSERT: return assert_stmt(p);
        case K_DEL: return del_stmt(p);
        case K_GLOBAL: return names_stmt(p, N_GLOBAL);
        case K_NONLOCAL: return names_stmt(p, N_NONLOCAL);
        case K_IMPORT: return import_stmt(p);
        case K_FROM: return from_stmt(p);
        default: break;
        }
    }
    if (!at_expression(p) && !is_kw(p, K_YIELD)) syntax_error(p);
    return expr_statement(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static void simple_stmts(Parser *p, NodeList *body) {
    for (;;) {
        Node *s = simple_stmt(p);
        push(p, body, s);
        if (p->tok.kind == TK_NEWLINE) break;
        if (!accept_op(p, T_SEMI)) {
            if (at_expression(p) && s->kind == N_EXPR_STMT && s->a->kind == N_NAME &&
                (!strcmp(s->a->str, "print") || !strcmp(s->a->str, "exec")))
                fail_range(p, "SyntaxError", s->line, s->col, p->tok.end_line, p->tok.end_col,
                           "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                           s->a->str, s->a->str);
            syntax_error(p);
        }
        if (p->tok.kind == TK_NEWLINE) break;
    }
    advance(p);
}

/* ---- compound statements ---- */

static void end_at_last(Node *n, const NodeList *l) {
    if (l->n) end_like(n, l->items[l->n - 1]);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static void block(Parser *p, NodeList *body, const char *what, int line) {
    if (p->tok.kind != TK_NEWLINE) {
        simple_stmts(p, body);
        return;
    }
    advance(p);
    if (p->tok.kind != TK_INDENT) {
        int l = p->tok.line, c = p->tok.col;
        if (p->tok.kind == TK_EOF || (p->tok.kind == TK_DEDENT && p->lx.eof_done)) {
            l = p->nl_line;
            c = p->nl_col;
            p->err->incomplete = 1;
        }
        fail_range(p, "IndentationError", l, c, l, c,
                   "expected an indented block after %s on line %d", what, line);
    }
    advance(p);
    while (p->tok.kind != TK_DEDENT && p->tok.kind != TK_EOF) statement(p, body);
    advance(p);
}

/* A condition; 'if x = 1:' gets CPython's hint. */
static Node *condition(Parser *p) {
    Node *e = named_expression(p);
    if (!is_op(p, T_ASSIGN)) return e;
    if (e->kind == N_NAME)
        fail_range(p, "SyntaxError", e->line, e->col, p->tok.end_line, p->tok.end_col,
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    fail_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
              expr_name(e));
}

/* else_block: 'else' ':' block */
static void else_block(Parser *p, NodeList *body) {
    int line = p->tok.line;
    advance(p);
    expect_colon(p);
    block(p, body, "'else' statement", line);
}

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]) */
static Node *if_stmt(Parser *p) {
    int elif = is_kw(p, K_ELIF), line = p->tok.line;
    Node *n = node_tok(p, N_IF);
    advance(p);
    n->a = condition(p);
    expect_colon(p);
    block(p, &n->list, elif ? "'elif' statement" : "'if' statement", line);
    if (is_kw(p, K_ELIF)) push(p, &n->list2, if_stmt(p));
    else if (is_kw(p, K_ELSE)) else_block(p, &n->list2);
    end_at_last(n, n->list2.n ? &n->list2 : &n->list);
    return n;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Node *while_stmt(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_WHILE);
    advance(p);
    n->a = condition(p);
    expect_colon(p);
    block(p, &n->list, "'while' statement", line);
    if (is_kw(p, K_ELSE)) else_block(p, &n->list2);
    end_at_last(n, n->list2.n ? &n->list2 : &n->list);
    return n;
}

/* star_targets of a for statement: stops before 'in' */
static Node *for_targets(Parser *p) {
    Pos st = here(p);
    Node *t = is_op(p, T_STAR) ? star_named_expression(p) : bitwise_or(p);
    if (is_op(p, T_COMMA)) {
        Node *tup = node_from(p, N_TUPLE, st);
        push(p, &tup->list, t);
        while (accept_op(p, T_COMMA) && !is_kw(p, K_IN))
            push(p, &tup->list, is_op(p, T_STAR) ? star_named_expression(p) : bitwise_or(p));
        t = finish(p, tup);
    }
    check_target(p, t, CTX_FOR);
    return t;
}

/* for_stmt: 'for' star_targets 'in' star_expressions ':' block [else_block] */
static Node *for_stmt(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_FOR);
    advance(p);
    n->a = for_targets(p);
    if (!accept_kw(p, K_IN)) syntax_error(p);
    n->b = star_expressions(p);
    expect_colon(p);
    block(p, &n->list, "'for' statement", line);
    if (is_kw(p, K_ELSE)) else_block(p, &n->list2);
    end_at_last(n, n->list2.n ? &n->list2 : &n->list);
    return n;
}

/* except_block: 'except' [expression ['as' NAME]] ':' block */
static Node *except_block(Parser *p) {
    int line = p->tok.line;
    Node *h = node_tok(p, N_EXCEPT);
    advance(p);
    if (!is_op(p, T_COLON)) {
        h->a = expression(p);
        if (is_op(p, T_COMMA))
            fail_range(p, "SyntaxError", h->a->line, h->a->col, p->tok.end_line,
                       p->tok.end_col, "multiple exception types must be parenthesized");
        if (accept_kw(p, K_AS)) {
            if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
            h->str = tok_str(p, &p->tok);
            advance(p);
        }
    }
    expect_colon(p);
    block(p, &h->list, "'except' statement", line);
    end_at_last(h, &h->list);
    return h;
}

/* try_stmt: 'try' ':' block (except_block+ [else_block] [finally_block] | finally_block) */
static Node *try_stmt(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_TRY);
    advance(p);
    expect_colon(p);
    block(p, &n->list, "'try' statement", line);
    while (is_kw(p, K_EXCEPT)) push(p, &n->list2, except_block(p));
    if (n->list2.n && is_kw(p, K_ELSE)) else_block(p, &n->list3);
    if (is_kw(p, K_FINALLY)) {
        int fline = p->tok.line;
        advance(p);
        expect_colon(p);
        block(p, &n->list4, "'finally' statement", fline);
    }
    if (!n->list2.n && !n->list4.n) {
        if (p->tok.kind == TK_EOF || p->lx.eof_done) p->err->incomplete = 1;
        fail_range(p, "SyntaxError", p->nl_line, p->nl_col, p->nl_line, p->nl_col,
                   "expected 'except' or 'finally' block");
    }
    end_at_last(n, n->list4.n ? &n->list4 : n->list3.n ? &n->list3 : &n->list2);
    return n;
}

/* with_stmt: 'with' ','.with_item+ ':' block ; with_item: expression ['as' star_target] */
static Node *with_stmt(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_WITH);
    advance(p);
    do {
        Node *item = node_tok(p, N_WITHITEM);
        item->a = expression(p);
        if (accept_kw(p, K_AS)) {
            item->b = is_op(p, T_STAR) ? star_named_expression(p) : bitwise_or(p);
            check_target(p, item->b, CTX_ASSIGN);
        }
        push(p, &n->list, finish(p, item));
    } while (accept_op(p, T_COMMA));
    expect_colon(p);
    block(p, &n->list2, "'with' statement", line);
    end_at_last(n, &n->list2);
    return n;
}

/* function_def: 'def' NAME '(' [params] ')' ['->' expression] ':' block */
static Node *funcdef(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_FUNCDEF);
    advance(p);
    if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
    n->str = tok_str(p, &p->tok);
    advance(p);
    if (!accept_op(p, T_LPAR)) { /* a forced token in CPython's grammar */
        p->generic = 1;
        fail_range(p, "SyntaxError", p->tok.line, p->tok.col, p->tok.end_line, p->tok.end_col,
                   "expected '('");
    }
    n->a = parameters(p, T_RPAR, 0);
    advance(p);
    if (accept_op(p, T_ARROW)) n->b = expression(p);
    expect_colon(p);
    block(p, &n->list, "function definition", line);
    end_at_last(n, &n->list);
    return n;
}

/* class_def: 'class' NAME ['(' [arguments] ')'] ':' block */
static Node *classdef(Parser *p) {
    int line = p->tok.line;
    Node *n = node_tok(p, N_CLASSDEF);
    advance(p);
    if (p->tok.kind != TK_NAME || p->tok.op != K__NONE) syntax_error(p);
    n->str = tok_str(p, &p->tok);
    advance(p);
    if (is_op(p, T_LPAR)) {
        Node call = {0};
        call_args(p, &call);
        if (call.list.n && call.list.items[0]->kind == N_GENEXP && call.list.n == 1 &&
            call.list.items[0]->line == n->line && call.list.items[0]->col > n->col)
            syntax_error(p);
        n->list = call.list;
        n->list3 = call.list2;
    }
    expect_colon(p);
    block(p, &n->list2, "class definition", line);
    end_at_last(n, &n->list2);
    return n;
}

/* decorators: ('@' named_expression NEWLINE)+ followed by a def or class */
static Node *decorated(Parser *p) {
    NodeList decos = {0};
    while (accept_op(p, T_AT)) {
        push(p, &decos, named_expression(p));
        if (p->tok.kind != TK_NEWLINE) syntax_error(p);
        advance(p);
    }
    Node *n;
    if (is_kw(p, K_DEF)) {
        n = funcdef(p);
        n->list2 = decos;
    } else if (is_kw(p, K_CLASS)) {
        n = classdef(p);
        n->list4 = decos;
    } else {
        if (p->tok.kind == TK_EOF) p->err->incomplete = 1;
        syntax_error(p);
    }
    return n;
}

/* statement: compound_stmt | simple_stmts */
static void statement(Parser *p, NodeList *body) {
    if (p->tok.kind == TK_INDENT) syntax_error(p);
    if (is_op(p, T_AT)) {
        push(p, body, decorated(p));
        return;
    }
    Node *(*fn)(Parser *) = NULL;
    if (p->tok.kind == TK_NAME) {
        switch (p->tok.op) {
        case K_IF: fn = if_stmt; break;
        case K_WHILE: fn = while_stmt; break;
        case K_FOR: fn = for_stmt; break;
        case K_TRY: fn = try_stmt; break;
        case K_WITH: fn = with_stmt; break;
        case K_DEF: fn = funcdef; break;
        case K_CLASS: fn = classdef; break;
        default: break;
        }
    }
    if (fn) push(p, body, fn(p));
    else simple_stmts(p, body);
}

/* ---- entry points ---- */

/* After a parser error, a token error later in the source wins, as in CPython
 * (_PyPegen_tokenize_full_source_to_check_for_errors); a bracket never closed only when it
 * was opened on a line before the last token the parser read. */
static void rescan(Parser *p) {
    ParseError saved = *p->err;
    LexToken t;
    int at_end = p->tok.kind == TK_EOF || p->tok.kind == TK_NEWLINE;
    int err_line = p->has_nxt ? p->nxt.line : p->tok.line;
    for (;;) {
        if (lex_next(&p->lx, &t) < 0) {
            if (p->lx.depth > 0 && strstr(p->err->msg, "was never closed") &&
                p->err->line >= err_line)
                break;
            if (stray_char(p)) { /* CPython's tokenizer raises nothing for it */
                int d = p->lx.depth - 1;
                if (d < 0 || p->lx.bline[d] >= err_line) break;
                lex_error(p->err, "SyntaxError", p->lx.bline[d], p->lx.bcol[d], p->lx.bline[d],
                          p->lx.bcol[d] + 1, "'%c' was never closed", p->lx.bracket[d]);
            }
            if (!at_end) p->err->incomplete = 0; /* invalid whatever follows */
            return;
        }
        if (t.kind == TK_EOF) break;
    }
    *p->err = saved;
}

static Parser *parser_new(Arena *arena, const char *src, size_t len, ParseError *err,
                          jmp_buf *jb) {
    memset(err, 0, sizeof *err);
    err->type = "SyntaxError";
    Parser *p = ast_alloc(arena, sizeof(Parser));
    if (!p) {
        err->oom = 1;
        err->type = "MemoryError";
        return NULL;
    }
    p->arena = arena;
    p->err = err;
    p->jb = jb;
    lex_init(&p->lx, src, len, 1, 0, 0, err);
    return p;
}

static void after_error(Parser *p) {
    if (p->generic && !p->err->oom) rescan(p);
}

Node *parse_module(Arena *arena, const char *src, size_t len, ParseError *err) {
    jmp_buf jb;
    Parser *p = parser_new(arena, src, len, err, &jb);
    if (!p) return NULL;
    if (setjmp(jb)) {
        after_error(p);
        return NULL;
    }
    advance(p);
    Node *m = node_at(p, N_MODULE, 1, 0);
    while (p->tok.kind != TK_EOF) {
        if (p->tok.kind == TK_NEWLINE) advance(p);
        else statement(p, &m->list);
    }
    end_at_last(m, &m->list);
    return m;
}

Node *parse_expression(Arena *arena, const char *src, size_t len, ParseError *err) {
    jmp_buf jb;
    size_t skip = 0;
    while (skip < len && (src[skip] == ' ' || src[skip] == '\t')) skip++;
    Parser *p = parser_new(arena, src + skip, len - skip, err, &jb);
    if (!p) return NULL;
    p->lx.col_base = (int)skip;
    if (setjmp(jb)) {
        after_error(p);
        return NULL;
    }
    advance(p);
    Node *e = star_expressions(p);
    while (p->tok.kind == TK_NEWLINE) advance(p);
    if (p->tok.kind != TK_EOF) syntax_error(p);
    return e;
}
