/* ast.c: the arena that owns every syntax-tree node and string, node construction, and
 * ast_dump, an S-expression printer the parser tests compare against. */
#include "ast.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sbuf.h"

#define CHUNK_SIZE 65536

/* One block of the arena; data follows the header. */
typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    _Alignas(max_align_t) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
};

Arena *ast_arena_new(void) {
    return calloc(1, sizeof(Arena));
}

static Chunk *chunk_new(size_t size) {
    Chunk *c = malloc(sizeof(Chunk) + size);
    if (!c) return NULL;
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void *ast_alloc(Arena *a, size_t n) {
    const size_t align = _Alignof(max_align_t);
    if (!a || n > SIZE_MAX / 2) return NULL;
    n = (n + align - 1) & ~(align - 1);
    if (n == 0) n = align;
    Chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        c = chunk_new(n > CHUNK_SIZE / 4 ? n : CHUNK_SIZE);
        if (!c) return NULL;
        if (n > CHUNK_SIZE / 4 && a->head) {
            /* A big block goes behind the current chunk so its free space stays usable. */
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *ast_strndup(Arena *a, const char *s, size_t n) {
    char *p = ast_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void ast_arena_free(Arena *a) {
    if (!a) return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

Node *ast_node(Arena *a, NodeKind k, int line, int col) {
    Node *n = ast_alloc(a, sizeof(Node));
    if (!n) return NULL;
    n->kind = k;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

int ast_list_push(Arena *a, NodeList *l, Node *n) {
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        Node **items = ast_alloc(a, (size_t)cap * sizeof(Node *));
        if (!items) return -1;
        if (l->n) memcpy(items, l->items, (size_t)l->n * sizeof(Node *));
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = n;
    return 0;
}

#define AST_NAME(k) #k,
static const char *const kind_names[] = {AST_EXPR_KINDS(AST_NAME) AST_STMT_KINDS(AST_NAME)};
#undef AST_NAME

const char *ast_kind_name(NodeKind k) {
    if ((int)k < 0 || k >= N__COUNT) return "N_?";
    return kind_names[k];
}

/* ---- ast_dump ---- */

static const char *const op_names[] = {
    "?", "+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&",
    "-", "+", "~", "not", "and", "or",
    "==", "!=", "<", "<=", ">", ">=", "is", "is-not", "in", "not-in"};

/* Which fields each kind prints, in order: o op, s str, t str2, i ival, f fval, a b c
 * children, L M N P list..list4, O comparison operators with list. */
typedef struct DumpRow {
    NodeKind kind;
    const char *fields;
} DumpRow;

static const DumpRow dump_rows[] = {
    {N_NAME, "s"}, {N_INT, "s"}, {N_FLOAT, "f"}, {N_IMAG, "f"}, {N_STR, "s"},
    {N_FSTRING, "L"}, {N_FORMATTED, "aib"}, {N_NONE, ""}, {N_TRUE, ""}, {N_FALSE, ""},
    {N_ELLIPSIS, ""}, {N_BINOP, "oab"}, {N_UNARY, "oa"}, {N_BOOLOP, "oL"},
    {N_COMPARE, "aO"}, {N_IFEXP, "abc"}, {N_LAMBDA, "ab"}, {N_CALL, "aLM"},
    {N_KEYWORD, "sa"}, {N_ATTR, "as"}, {N_SUBSCRIPT, "ab"}, {N_SLICE, "abc"},
    {N_STARRED, "a"}, {N_LIST, "L"}, {N_TUPLE, "L"}, {N_SET, "L"}, {N_DICT, "LM"},
    {N_LISTCOMP, "aL"}, {N_SETCOMP, "aL"}, {N_GENEXP, "aL"}, {N_DICTCOMP, "abL"},
    {N_COMPREHENSION, "abL"}, {N_YIELD, "a"}, {N_YIELD_FROM, "a"}, {N_NAMEDEXPR, "ab"},
    {N_MODULE, "L"}, {N_EXPR_STMT, "a"}, {N_ASSIGN, "La"}, {N_AUGASSIGN, "aob"},
    {N_ANNASSIGN, "abc"}, {N_IF, "aLM"}, {N_WHILE, "aLM"}, {N_FOR, "abLM"},
    {N_BREAK, ""}, {N_CONTINUE, ""}, {N_PASS, ""}, {N_RETURN, "a"},
    {N_FUNCDEF, "saLMb"}, {N_ARGUMENTS, "iLaMb"}, {N_ARG, "sab"}, {N_CLASSDEF, "sLMNP"},
    {N_TRY, "LMNP"}, {N_EXCEPT, "asL"}, {N_RAISE, "ab"}, {N_ASSERT, "ab"}, {N_DEL, "L"},
    {N_GLOBAL, "L"}, {N_NONLOCAL, "L"}, {N_IMPORT, "L"}, {N_IMPORTFROM, "siL"},
    {N_ALIAS, "st"}, {N_WITH, "LM"}, {N_WITHITEM, "ab"},
};

static int dump_node(SBuf *b, const Node *n);

static int dump_str(SBuf *b, const char *s, size_t len) {
    int rc = sb_putc(b, '"');
    for (size_t i = 0; i < len && rc == 0; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') rc = sb_printf(b, "\\%c", c);
        else if (c == '\n') rc = sb_puts(b, "\\n");
        else if (c < 0x20 || c == 0x7f) rc = sb_printf(b, "\\x%02x", c);
        else rc = sb_putc(b, (char)c);
    }
    return rc ? rc : sb_putc(b, '"');
}

static int dump_list(SBuf *b, const NodeList *l, const AstOp *ops) {
    int rc = sb_putc(b, '[');
    for (int i = 0; i < l->n && rc == 0; i++) {
        if (i) rc = sb_putc(b, ' ');
        if (ops && rc == 0) rc = sb_printf(b, "%s ", op_names[ops[i]]);
        if (rc == 0) rc = dump_node(b, l->items[i]);
    }
    return rc ? rc : sb_putc(b, ']');
}

static int dump_field(SBuf *b, const Node *n, char f) {
    switch (f) {
    case 'o': return sb_puts(b, n->op <= OP_NOTIN ? op_names[n->op] : "?");
    case 's':
        if (!n->str) return sb_putc(b, '_');
        if (n->kind == N_STR) return dump_str(b, n->str, n->slen);
        return sb_puts(b, n->str);
    case 't': return sb_puts(b, n->str2 ? n->str2 : "_");
    case 'i':
        if (n->kind == N_FORMATTED)
            return n->ival ? sb_printf(b, "!%c", (char)n->ival) : sb_putc(b, '_');
        return sb_printf(b, "%lld", (long long)n->ival);
    case 'f': return sb_printf(b, "%.17g", n->fval);
    case 'a': return dump_node(b, n->a);
    case 'b': return dump_node(b, n->b);
    case 'c': return dump_node(b, n->c);
    case 'L': return dump_list(b, &n->list, NULL);
    case 'M': return dump_list(b, &n->list2, NULL);
    case 'N': return dump_list(b, &n->list3, NULL);
    case 'P': return dump_list(b, &n->list4, NULL);
    case 'O': return dump_list(b, &n->list, n->ops);
    default: return 0;
    }
}

static int dump_node(SBuf *b, const Node *n) {
    if (!n) return sb_putc(b, '_');
    const char *fields = "";
    for (size_t i = 0; i < sizeof dump_rows / sizeof dump_rows[0]; i++)
        if (dump_rows[i].kind == n->kind) fields = dump_rows[i].fields;
    int rc = sb_printf(b, "(%s", ast_kind_name(n->kind) + 2);
    for (const char *f = fields; *f && rc == 0; f++) {
        rc = sb_putc(b, ' ');
        if (rc == 0) rc = dump_field(b, n, *f);
    }
    return rc ? rc : sb_putc(b, ')');
}

char *ast_dump(const Node *n) {
    SBuf b = SBUF_INIT;
    if (dump_node(&b, n) != 0) {
        sb_free(&b);
        return NULL;
    }
    return sb_take(&b);
}
