/* compile.c: from the AST to bytecode. Two passes: a symbol pass that decides, for every
 * function scope, which names are locals, cells, free variables or globals (Python's rules),
 * then code generation with jump patching and a stack-depth bound. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "fuse.h"
#include "object.h"

/* ---------------------------------------------------------------- symbol tables */

enum {
    SYM_ASSIGNED = 1, SYM_PARAM = 2, SYM_GLOBAL = 4, SYM_NONLOCAL = 8, SYM_USED = 16,
    SYM_FREE = 32, SYM_CELL = 64
};

typedef struct Sym {
    const char *name;
    int flags;
} Sym;

typedef enum { SC_MODULE, SC_FUNCTION } ScopeKind;

typedef struct Scope {
    ScopeKind kind;
    const Node *node;
    struct Scope *parent;
    Sym *syms;
    int nsyms, capsyms;
    int generator;
    int is_comprehension;
} Scope;

typedef struct Compiler Compiler;

typedef struct FBlock { /* what a break/continue/return must unwind */
    enum { FB_WHILE, FB_FOR, FB_TRY, FB_FINALLY_TRY, FB_HANDLER, FB_FINALLY_END } type;
    const Node *node;  /* for finally bodies */
    int start;         /* continue target */
    int *breaks;       /* patch list */
    int nbreaks, capbreaks;
    const char *name;  /* FB_HANDLER: "except ... as name" */
} FBlock;

typedef struct Unit { /* one code object being generated */
    Scope *scope;
    uint32_t *code;
    Pos *pos;
    int ncode, capcode;
    Value *consts;
    int nconsts, capconsts;
    StrObj **names;
    int nnames, capnames;
    StrObj **varnames, **cellnames, **freenames;
    int nlocals, ncells, nfree, nparams, nposonly, nkwonly;
    int flags;
    int depth, maxdepth;
    FBlock fblocks[64];
    int nfblocks;
    Pos cur;
    const char *name;
    Value doc;
    DictObj *constmap; /* constant -> index, for sharing */
    struct Unit *parent;
} Unit;

struct Compiler {
    VM *vm;
    Arena *arena;
    Scope **scopes;
    int nscopes, capscopes;
    Unit *u;
    Source *src;
    int interactive;
    int failed;
    char errmsg[256];
    Pos errpos;
    const char *errtype;
    int in_fused; /* compiling the ordinary code of a fused expression: no nested plans */
};

static void *xgrow(void *p, int *cap, int need, size_t size) {
    if (need <= *cap) return p;
    int n = *cap ? *cap * 2 : 16;
    while (n < need) n *= 2;
    void *q = realloc(p, (size_t)n * size);
    if (q) *cap = n;
    return q;
}

static void c_error(Compiler *c, const Node *n, const char *type, const char *fmt, ...) {
    if (c->failed) return;
    c->failed = 1;
    c->errtype = type;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->errmsg, sizeof c->errmsg, fmt, ap);
    va_end(ap);
    if (n) c->errpos = (Pos){n->line, n->col, n->end_line, n->end_col};
}

static void c_oom(Compiler *c) { c_error(c, NULL, "MemoryError", "out of memory"); }

static Sym *sym_find(Scope *s, const char *name) {
    for (int i = 0; i < s->nsyms; i++)
        if (!strcmp(s->syms[i].name, name)) return &s->syms[i];
    return NULL;
}

static Sym *sym_add(Compiler *c, Scope *s, const char *name, int flags) {
    if (s->kind == SC_MODULE) return NULL; /* module names are globals: nothing to resolve */
    Sym *y = sym_find(s, name);
    if (!y) {
        Sym *syms = xgrow(s->syms, &s->capsyms, s->nsyms + 1, sizeof(Sym));
        if (!syms) {
            c_oom(c);
            return NULL;
        }
        s->syms = syms;
        y = &s->syms[s->nsyms++];
        y->name = name;
        y->flags = 0;
    }
    y->flags |= flags;
    return y;
}

static Scope *scope_new(Compiler *c, ScopeKind kind, const Node *node, Scope *parent) {
    Scope *s = calloc(1, sizeof(Scope));
    Scope **all = xgrow(c->scopes, &c->capscopes, c->nscopes + 1, sizeof(Scope *));
    if (!s || !all) {
        free(s);
        c_oom(c);
        return NULL;
    }
    c->scopes = all;
    c->scopes[c->nscopes++] = s;
    s->kind = kind;
    s->node = node;
    s->parent = parent;
    return s;
}

static Scope *scope_of(Compiler *c, const Node *n) {
    for (int i = 0; i < c->nscopes; i++)
        if (c->scopes[i]->node == n) return c->scopes[i];
    return NULL;
}

static void sym_visit(Compiler *c, Scope *s, const Node *n);

static void sym_list(Compiler *c, Scope *s, const NodeList *l) {
    for (int i = 0; i < l->n; i++) sym_visit(c, s, l->items[i]);
}

static void sym_target(Compiler *c, Scope *s, const Node *t) {
    if (!t) return;
    switch (t->kind) {
    case N_NAME: sym_add(c, s, t->str, SYM_ASSIGNED); break;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->list.n; i++) sym_target(c, s, t->list.items[i]);
        break;
    case N_STARRED: sym_target(c, s, t->a); break;
    default: sym_visit(c, s, t); break;
    }
}

static void sym_args(Compiler *c, Scope *inner, Scope *outer, const Node *args) {
    if (!args) return;
    const NodeList *lists[2] = {&args->list, &args->list2};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < lists[k]->n; i++) {
            const Node *a = lists[k]->items[i];
            sym_add(c, inner, a->str, SYM_PARAM | SYM_ASSIGNED);
            if (a->a) sym_visit(c, outer, a->a);
        }
    if (args->a) sym_add(c, inner, args->a->str, SYM_PARAM | SYM_ASSIGNED);
    if (args->b) sym_add(c, inner, args->b->str, SYM_PARAM | SYM_ASSIGNED);
}

static void sym_comprehension(Compiler *c, Scope *s, const Node *n) {
    Scope *inner = scope_new(c, SC_FUNCTION, n, s);
    if (!inner) return;
    inner->is_comprehension = 1;
    inner->generator = n->kind == N_GENEXP;
    sym_add(c, inner, ".0", SYM_PARAM | SYM_ASSIGNED);
    for (int i = 0; i < n->list.n; i++) {
        const Node *g = n->list.items[i];
        sym_visit(c, i == 0 ? s : inner, g->b);
        sym_target(c, inner, g->a);
        sym_list(c, inner, &g->list);
    }
    sym_visit(c, inner, n->a);
    if (n->kind == N_DICTCOMP) sym_visit(c, inner, n->b);
}

static void sym_visit(Compiler *c, Scope *s, const Node *n) {
    if (!n || c->failed) return;
    switch (n->kind) {
    case N_NAME: sym_add(c, s, n->str, SYM_USED); return;
    case N_FUNCDEF: {
        sym_add(c, s, n->str, SYM_ASSIGNED);
        sym_list(c, s, &n->list2);
        Scope *inner = scope_new(c, SC_FUNCTION, n, s);
        if (!inner) return;
        sym_args(c, inner, s, n->a);
        sym_list(c, inner, &n->list);
        return;
    }
    case N_LAMBDA: {
        Scope *inner = scope_new(c, SC_FUNCTION, n, s);
        if (!inner) return;
        sym_args(c, inner, s, n->a);
        sym_visit(c, inner, n->b);
        return;
    }
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_GENEXP:
    case N_DICTCOMP: sym_comprehension(c, s, n); return;
    case N_GLOBAL:
    case N_NONLOCAL:
        for (int i = 0; i < n->list.n; i++) {
            const Node *name = n->list.items[i];
            if (n->kind == N_NONLOCAL && s->kind == SC_MODULE) {
                c_error(c, n, "SyntaxError", "nonlocal declaration not allowed at module level");
                return;
            }
            sym_add(c, s, name->str, n->kind == N_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL);
        }
        return;
    case N_ASSIGN:
        for (int i = 0; i < n->list.n; i++) sym_target(c, s, n->list.items[i]);
        sym_visit(c, s, n->a);
        return;
    case N_AUGASSIGN:
        if (n->a->kind == N_NAME) sym_add(c, s, n->a->str, SYM_ASSIGNED | SYM_USED);
        else sym_visit(c, s, n->a);
        sym_visit(c, s, n->b);
        return;
    case N_ANNASSIGN:
        if (n->c) sym_target(c, s, n->a);
        sym_visit(c, s, n->c);
        return;
    case N_FOR:
        sym_target(c, s, n->a);
        sym_visit(c, s, n->b);
        sym_list(c, s, &n->list);
        sym_list(c, s, &n->list2);
        return;
    case N_NAMEDEXPR: {
        Scope *t = s;
        while (t->is_comprehension) t = t->parent;
        sym_target(c, t, n->a);
        if (t != s) sym_add(c, s, n->a->str, SYM_USED);
        sym_visit(c, s, n->b);
        return;
    }
    case N_DEL:
        for (int i = 0; i < n->list.n; i++) sym_target(c, s, n->list.items[i]);
        return;
    case N_EXCEPT:
        if (n->str) sym_add(c, s, n->str, SYM_ASSIGNED);
        sym_visit(c, s, n->a);
        sym_list(c, s, &n->list);
        return;
    case N_IMPORT:
    case N_IMPORTFROM:
        for (int i = 0; i < n->list.n; i++) {
            const Node *al = n->list.items[i];
            if (!strcmp(al->str, "*")) continue;
            if (al->str2) {
                sym_add(c, s, al->str2, SYM_ASSIGNED);
            } else if (n->kind == N_IMPORT) {
                size_t len = strcspn(al->str, ".");
                char *top = ast_strndup(c->arena, al->str, len);
                if (top) sym_add(c, s, top, SYM_ASSIGNED);
            } else {
                sym_add(c, s, al->str, SYM_ASSIGNED);
            }
        }
        return;
    case N_YIELD:
    case N_YIELD_FROM:
        s->generator = 1;
        sym_visit(c, s, n->a);
        return;
    case N_WITHITEM:
        sym_visit(c, s, n->a);
        sym_target(c, s, n->b);
        return;
    case N_CLASSDEF:
        sym_add(c, s, n->str, SYM_ASSIGNED);
        return;
    default: break;
    }
    sym_visit(c, s, n->a);
    sym_visit(c, s, n->b);
    sym_visit(c, s, n->c);
    sym_list(c, s, &n->list);
    sym_list(c, s, &n->list2);
    sym_list(c, s, &n->list3);
    sym_list(c, s, &n->list4);
}

/* Does an enclosing function scope of s bind name? Marks the path as free / cell. */
static int sym_resolve_free(Compiler *c, Scope *s, const char *name) {
    for (Scope *p = s->parent; p && p->kind == SC_FUNCTION; p = p->parent) {
        Sym *y = sym_find(p, name);
        if (y && (y->flags & SYM_GLOBAL)) return 0;
        if (y && (y->flags & (SYM_ASSIGNED | SYM_PARAM)) && !(y->flags & SYM_NONLOCAL)) {
            y->flags |= SYM_CELL;
            for (Scope *q = s->parent; q != p; q = q->parent) sym_add(c, q, name, SYM_FREE);
            return 1;
        }
    }
    return 0;
}

static void sym_resolve(Compiler *c) {
    for (int i = 0; i < c->nscopes && !c->failed; i++) { /* parents come before children */
        Scope *s = c->scopes[i];
        if (s->kind != SC_FUNCTION) continue;
        for (int j = 0; j < s->nsyms; j++) {
            Sym *y = &s->syms[j];
            if (y->flags & SYM_GLOBAL) continue;
            if (y->flags & SYM_NONLOCAL) {
                if (!sym_resolve_free(c, s, y->name)) {
                    c_error(c, s->node, "SyntaxError", "no binding for nonlocal '%s' found", y->name);
                    return;
                }
                y->flags |= SYM_FREE;
                continue;
            }
            if (y->flags & (SYM_ASSIGNED | SYM_PARAM)) continue;
            if (sym_resolve_free(c, s, y->name)) y->flags |= SYM_FREE;
        }
    }
}

/* ---------------------------------------------------------------- emitting */

static int emit(Compiler *c, Opcode op, int arg, int delta) {
    Unit *u = c->u;
    uint32_t *code = xgrow(u->code, &u->capcode, u->ncode + 1, sizeof(uint32_t));
    if (!code) {
        c_oom(c);
        return 0;
    }
    u->code = code;
    int cap = u->capcode;
    Pos *pos = realloc(u->pos, (size_t)cap * sizeof(Pos));
    if (!pos) {
        c_oom(c);
        return 0;
    }
    u->pos = pos;
    u->code[u->ncode] = INSTR(op, (uint32_t)arg & 0xffffff);
    u->pos[u->ncode] = u->cur;
    u->depth += delta;
    if (u->depth > u->maxdepth) u->maxdepth = u->depth;
    return u->ncode++;
}

static void patch(Compiler *c, int at, int target) {
    if (at < 0 || c->failed) return;
    uint32_t w = c->u->code[at];
    c->u->code[at] = INSTR(INSTR_OP(w), (uint32_t)target);
}

static int here(Compiler *c) { return c->u->ncode; }

static void set_pos(Compiler *c, const Node *n) {
    c->u->cur = (Pos){n->line, n->col, n->end_line, n->end_col};
}

/* Adds v (consumed) to the constants; ints and strs are shared through u->constmap (an int
 * never equals a str, so one dict serves both). */
static int add_const(Compiler *c, Value v) {
    Unit *u = c->u;
    VM *vm = c->vm;
    int shareable = v.tag == T_INT || IS_KIND(v, K_STR);
    if (shareable && !u->constmap && !(u->constmap = dict_new(vm))) {
        decref(v);
        c_oom(c);
        return 0;
    }
    if (shareable) {
        Value i = dict_get(vm, u->constmap, v);
        if (i.tag == T_INT) {
            decref(v);
            return (int)i.u.i;
        }
        if (dict_set(vm, u->constmap, v, v_int(u->nconsts))) {
            decref(v);
            c_oom(c);
            return 0;
        }
    }
    Value *consts = xgrow(u->consts, &u->capconsts, u->nconsts + 1, sizeof(Value));
    if (!consts) {
        decref_vm(c->vm, v);
        c_oom(c);
        return 0;
    }
    u->consts = consts;
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static void load_const(Compiler *c, Value v) {
    if (IS_ERR(v)) {
        c_oom(c);
        return;
    }
    if (v.tag == T_INT && v.u.i > -(1 << 23) && v.u.i < (1 << 23)) {
        emit(c, OP_LOAD_SMALLINT, (int)(v.u.i + (1 << 23)), 1);
        return;
    }
    emit(c, OP_LOAD_CONST, add_const(c, v), 1);
}

static StrObj *intern(Compiler *c, const char *s) {
    StrObj *o = str_intern(c->vm, s, strlen(s));
    if (!o) c_oom(c);
    return o;
}

static int add_name(Compiler *c, const char *s) {
    Unit *u = c->u;
    StrObj *o = intern(c, s);
    if (!o) return 0;
    for (int i = 0; i < u->nnames; i++)
        if (u->names[i] == o) return i;
    StrObj **names = xgrow(u->names, &u->capnames, u->nnames + 1, sizeof(StrObj *));
    if (!names) {
        c_oom(c);
        return 0;
    }
    u->names = names;
    o->h.rc++;
    u->names[u->nnames] = o;
    return u->nnames++;
}

static int index_in(StrObj **arr, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (!strcmp(arr[i]->s, name)) return i;
    return -1;
}

/* ---------------------------------------------------------------- names */

typedef enum { ACT_LOAD, ACT_STORE, ACT_DEL } NameAct;

typedef enum { NAME_FAST, NAME_DEREF, NAME_GLOBAL } NameKind;

/* Where name lives in the current unit: a local slot, a cell, or a global (*arg set). */
static NameKind name_kind(Compiler *c, const char *name, int *arg) {
    Unit *u = c->u;
    Scope *s = u->scope;
    if (s->kind == SC_FUNCTION) {
        Sym *y = sym_find(s, name);
        if (y && !(y->flags & SYM_GLOBAL)) {
            int i = index_in(u->cellnames, u->ncells, name);
            if (i >= 0) return *arg = i, NAME_DEREF;
            i = index_in(u->freenames, u->nfree, name);
            if (i >= 0) return *arg = u->ncells + i, NAME_DEREF;
            i = index_in(u->varnames, u->nlocals, name);
            if (i >= 0) return *arg = i, NAME_FAST;
        }
    }
    *arg = add_name(c, name);
    return NAME_GLOBAL;
}

static void compile_name(Compiler *c, const char *name, NameAct act) {
    static const Opcode ops[3][3] = {{OP_LOAD_FAST, OP_STORE_FAST, OP_DEL_FAST},
                                     {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DEL_DEREF},
                                     {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DEL_GLOBAL}};
    int arg;
    NameKind k = name_kind(c, name, &arg);
    emit(c, ops[k][act], arg, act == ACT_LOAD ? 1 : act == ACT_STORE ? -1 : 0);
}

/* ---------------------------------------------------------------- expressions */

static void compile_expr(Compiler *c, const Node *n);
static void compile_stmts(Compiler *c, const NodeList *l);
static void compile_store(Compiler *c, const Node *t);
static CodeObj *finish_unit(Compiler *c);
static int unit_begin(Compiler *c, Scope *s, const char *name, const Node *args);

static Value int_literal(Compiler *c, const char *text) {
    Value v = int_from_str(c->vm, text, strlen(text), 0);
    if (IS_ERR(v)) {
        Value e = vm_take_exc(c->vm);
        decref_vm(c->vm, e);
        c_oom(c);
    }
    return v;
}

static void compile_fstring(Compiler *c, const Node *n) {
    int parts = 0;
    for (int i = 0; i < n->list.n; i++) {
        const Node *p = n->list.items[i];
        if (p->kind == N_STR) {
            if (p->slen == 0) continue;
            load_const(c, str_value(c->vm, p->str, p->slen));
        } else {
            compile_expr(c, p->a);
            int conv = p->ival == 's' ? 1 : p->ival == 'r' ? 2 : p->ival == 'a' ? 3 : 0;
            if (p->b) {
                compile_fstring(c, p->b);
                conv |= 4;
            }
            set_pos(c, p);
            emit(c, OP_FORMAT, conv, (conv & 4) ? -1 : 0);
        }
        parts++;
    }
    if (parts == 0) load_const(c, str_value(c->vm, "", 0));
    else if (parts > 1) emit(c, OP_BUILD_STRING, parts, 1 - parts);
    else if (n->list.items[0]->kind != N_STR && n->list.n == 1) {
        /* a lone formatted value is already a str */
    }
}

static int has_starred(const NodeList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == N_STARRED) return 1;
    return 0;
}

/* Builds a list from items with *unpacking (left on the stack). */
static void compile_starred_list(Compiler *c, const NodeList *l) {
    emit(c, OP_BUILD_LIST, 0, 1);
    for (int i = 0; i < l->n; i++) {
        const Node *e = l->items[i];
        if (e->kind == N_STARRED) {
            compile_expr(c, e->a);
            emit(c, OP_LIST_EXTEND, 1, -1);
        } else {
            compile_expr(c, e);
            emit(c, OP_LIST_APPEND, 1, -1);
        }
    }
}

/* The value of a constant expression (literal, negated number, tuple of constants), or T_NULL. */
static Value const_value(Compiler *c, const Node *n) {
    switch (n->kind) {
    case N_INT: return int_literal(c, n->str);
    case N_FLOAT: return v_float(n->fval);
    case N_STR: return str_value(c->vm, n->str, n->slen);
    case N_NONE: return v_none();
    case N_TRUE: return v_bool(1);
    case N_FALSE: return v_bool(0);
    case N_UNARY:
        if (n->op == OP_NEG && n->a->kind == N_FLOAT) return v_float(-n->a->fval);
        if (n->op == OP_NEG && n->a->kind == N_INT) {
            Value v = int_literal(c, n->a->str);
            Value r = IS_ERR(v) ? v : int_neg(c->vm, v);
            decref_vm(c->vm, v);
            return r;
        }
        return v_null();
    default: return v_null();
    }
}

/* CPython folds a set display of three or more constants into a frozenset constant, built
 * twice (once from the items, once more when constants are merged): the layout, and so the
 * printed order, follows from that. */
static int compile_const_set(Compiler *c, const Node *n) {
    VM *vm = c->vm;
    if (n->list.n < 3) return 0;
    SetObj *first = set_new(vm, 1);
    if (!first) return 0;
    for (int i = 0; i < n->list.n; i++) {
        Value v = const_value(c, n->list.items[i]);
        if (IS_NULL(v) || IS_ERR(v) || set_add(vm, first, v)) {
            if (IS_ERR(v) || !IS_NULL(vm->exc)) decref_vm(vm, vm_take_exc(vm));
            decref_vm(vm, v);
            decref_vm(vm, v_obj(first));
            return 0;
        }
        decref_vm(vm, v);
    }
    SetObj *second = set_new(vm, 1);
    size_t pos = 0;
    Value k;
    while (second && set_next(first, &pos, &k)) set_add(vm, second, k);
    decref_vm(vm, v_obj(first));
    if (!second) return 0;
    emit(c, OP_BUILD_SET, 0, 1);
    emit(c, OP_LOAD_CONST, add_const(c, v_obj(second)), 1);
    emit(c, OP_SET_UPDATE, 1, -1);
    return 1;
}

static void compile_sequence(Compiler *c, const Node *n) {
    if (n->kind == N_SET && compile_const_set(c, n)) return;
    if (has_starred(&n->list)) {
        if (n->kind == N_SET) {
            emit(c, OP_BUILD_SET, 0, 1);
            for (int i = 0; i < n->list.n; i++) {
                const Node *e = n->list.items[i];
                compile_expr(c, e->kind == N_STARRED ? e->a : e);
                emit(c, e->kind == N_STARRED ? OP_SET_UPDATE : OP_SET_ADD, 1, -1);
            }
            return;
        }
        compile_starred_list(c, &n->list);
        if (n->kind == N_TUPLE) emit(c, OP_LIST_TO_TUPLE, 0, 0);
        return;
    }
    for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
    set_pos(c, n);
    Opcode op = n->kind == N_LIST ? OP_BUILD_LIST : n->kind == N_TUPLE ? OP_BUILD_TUPLE : OP_BUILD_SET;
    emit(c, op, n->list.n, 1 - n->list.n);
}

static void compile_dict(Compiler *c, const Node *n) {
    int unpack = 0;
    for (int i = 0; i < n->list.n; i++)
        if (!n->list.items[i]) unpack = 1;
    if (!unpack) {
        for (int i = 0; i < n->list.n; i++) {
            compile_expr(c, n->list.items[i]);
            compile_expr(c, n->list2.items[i]);
        }
        set_pos(c, n);
        emit(c, OP_BUILD_MAP, n->list.n, 1 - 2 * n->list.n);
        return;
    }
    emit(c, OP_BUILD_MAP, 0, 1);
    for (int i = 0; i < n->list.n; i++) {
        if (!n->list.items[i]) {
            compile_expr(c, n->list2.items[i]);
            emit(c, OP_DICT_UPDATE, 1, -1);
        } else {
            compile_expr(c, n->list.items[i]);
            compile_expr(c, n->list2.items[i]);
            emit(c, OP_MAP_ADD, 1, -2);
        }
    }
}

static void compile_call(Compiler *c, const Node *n) {
    int ex = has_starred(&n->list);
    for (int i = 0; i < n->list2.n; i++)
        if (!n->list2.items[i]->str) ex = 1;
    const Node *f = n->a;
    if (!ex && !n->list2.n && f->kind == N_ATTR) {
        compile_expr(c, f->a);
        set_pos(c, f);
        emit(c, OP_LOAD_METHOD, add_name(c, f->str), 1);
        for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
        set_pos(c, n);
        emit(c, OP_CALL_METHOD, n->list.n, -n->list.n - 1);
        return;
    }
    compile_expr(c, f);
    if (ex) {
        compile_starred_list(c, &n->list);
        emit(c, OP_LIST_TO_TUPLE, 0, 0);
        if (n->list2.n) {
            emit(c, OP_BUILD_MAP, 0, 1);
            for (int i = 0; i < n->list2.n; i++) {
                const Node *k = n->list2.items[i];
                if (k->str) {
                    load_const(c, str_cstr(c->vm, k->str));
                    compile_expr(c, k->a);
                    emit(c, OP_MAP_ADD, 1, -2);
                } else {
                    compile_expr(c, k->a);
                    emit(c, OP_DICT_UPDATE, 1, -1);
                }
            }
        }
        set_pos(c, n);
        emit(c, OP_CALL_EX, n->list2.n ? 1 : 0, n->list2.n ? -2 : -1);
        return;
    }
    for (int i = 0; i < n->list.n; i++) compile_expr(c, n->list.items[i]);
    if (!n->list2.n) {
        set_pos(c, n);
        emit(c, OP_CALL, n->list.n, -n->list.n);
        return;
    }
    ListObj *names = tuple_new(c->vm, (size_t)n->list2.n);
    if (!names) {
        c_oom(c);
        return;
    }
    for (int i = 0; i < n->list2.n; i++) {
        const Node *k = n->list2.items[i];
        for (int j = 0; j < i; j++)
            if (!strcmp(n->list2.items[j]->str, k->str)) {
                c_error(c, k, "SyntaxError", "keyword argument repeated: %s", k->str);
            }
        compile_expr(c, k->a);
        StrObj *s = intern(c, k->str);
        if (s) s->h.rc++;
        names->items[i] = s ? v_obj(s) : v_none();
    }
    emit(c, OP_LOAD_CONST, add_const(c, v_obj(names)), 1);
    set_pos(c, n);
    int total = n->list.n + n->list2.n;
    emit(c, OP_CALL_KW, total, -total - 1);
}

static void compile_subscript_index(Compiler *c, const Node *i) {
    if (i->kind == N_SLICE) {
        if (i->a) compile_expr(c, i->a);
        else emit(c, OP_LOAD_NONE, 0, 1);
        if (i->b) compile_expr(c, i->b);
        else emit(c, OP_LOAD_NONE, 0, 1);
        if (i->c) compile_expr(c, i->c);
        emit(c, OP_BUILD_SLICE, i->c ? 3 : 2, i->c ? -2 : -1);
        return;
    }
    if (i->kind == N_TUPLE && !has_starred(&i->list)) {
        for (int k = 0; k < i->list.n; k++) compile_subscript_index(c, i->list.items[k]);
        emit(c, OP_BUILD_TUPLE, i->list.n, 1 - i->list.n);
        return;
    }
    compile_expr(c, i);
}

static void compile_compare(Compiler *c, const Node *n) {
    compile_expr(c, n->a);
    int cleanup[64], ncleanup = 0;
    for (int i = 0; i < n->list.n; i++) {
        compile_expr(c, n->list.items[i]);
        int last = i == n->list.n - 1;
        if (!last) {
            emit(c, OP_DUP, 0, 1);
            emit(c, OP_ROT3, 0, 0);
        }
        set_pos(c, n);
        AstOp op = n->ops[i];
        if (op == OP_IS || op == OP_ISNOT) emit(c, OP_IS_OP, op == OP_ISNOT, -1);
        else if (op == OP_IN || op == OP_NOTIN) emit(c, OP_IN_OP, op == OP_NOTIN, -1);
        else emit(c, OP_COMPARE, op, -1);
        if (!last && ncleanup < 64) cleanup[ncleanup++] = emit(c, OP_JUMP_IF_FALSE_OR_POP, 0, -1);
    }
    if (ncleanup) {
        int j = emit(c, OP_JUMP, 0, 0);
        for (int i = 0; i < ncleanup; i++) patch(c, cleanup[i], here(c));
        c->u->depth++;
        emit(c, OP_ROT2, 0, 0);
        emit(c, OP_POP, 0, -1);
        patch(c, j, here(c));
    }
}

/* Emits the closure tuple and MAKE_FUNCTION for a finished child code object. */
static void make_closure(Compiler *c, CodeObj *code, int flags) {
    if (!code) return;
    if (code->nfree) {
        for (int i = 0; i < code->nfree; i++) {
            const char *name = code->freenames[i]->s;
            int k = index_in(c->u->cellnames, c->u->ncells, name);
            if (k < 0) {
                k = index_in(c->u->freenames, c->u->nfree, name);
                if (k >= 0) k += c->u->ncells;
            }
            emit(c, OP_LOAD_CLOSURE, k < 0 ? 0 : k, 1);
        }
        emit(c, OP_BUILD_TUPLE, code->nfree, 1 - code->nfree);
        flags |= 4;
    }
    emit(c, OP_LOAD_CONST, add_const(c, v_obj(code)), 1);
    int pops = ((flags & 1) != 0) + ((flags & 2) != 0) + ((flags & 4) != 0);
    emit(c, OP_MAKE_FUNCTION, flags, -pops);
}

static int compile_defaults(Compiler *c, const Node *args) {
    int flags = 0, ndef = 0;
    if (!args) return 0;
    for (int i = 0; i < args->list.n; i++)
        if (args->list.items[i]->a) {
            compile_expr(c, args->list.items[i]->a);
            ndef++;
        }
    if (ndef) {
        emit(c, OP_BUILD_TUPLE, ndef, 1 - ndef);
        flags |= 1;
    }
    int nkw = 0;
    for (int i = 0; i < args->list2.n; i++) {
        const Node *a = args->list2.items[i];
        if (!a->a) continue;
        load_const(c, str_cstr(c->vm, a->str));
        compile_expr(c, a->a);
        nkw++;
    }
    if (nkw) {
        emit(c, OP_BUILD_MAP, nkw, 1 - 2 * nkw);
        flags |= 2;
    }
    return flags;
}

static void compile_lambda(Compiler *c, const Node *n) {
    int flags = compile_defaults(c, n->a);
    Scope *s = scope_of(c, n);
    if (!s || unit_begin(c, s, "<lambda>", n->a)) return;
    compile_expr(c, n->b);
    emit(c, OP_RETURN, 0, -1);
    CodeObj *code = finish_unit(c);
    make_closure(c, code, flags);
}

static void compile_comprehension_body(Compiler *c, const Node *n, int gi, int depth) {
    const Node *g = n->list.items[gi];
    if (gi == 0) {
        emit(c, OP_LOAD_FAST, 0, 1); /* .0 */
    } else {
        compile_expr(c, g->b);
        emit(c, OP_GET_ITER, 0, 0);
    }
    int top = here(c);
    int loop = emit(c, OP_FOR_ITER, 0, 1);
    compile_store(c, g->a);
    int skips[64], nskips = 0;
    for (int i = 0; i < g->list.n; i++) {
        compile_expr(c, g->list.items[i]);
        if (nskips < 64) skips[nskips++] = emit(c, OP_JUMP_IF_FALSE, 0, -1);
    }
    if (gi + 1 < n->list.n) {
        compile_comprehension_body(c, n, gi + 1, depth + 1);
    } else if (n->kind == N_GENEXP) {
        compile_expr(c, n->a);
        emit(c, OP_YIELD, 0, 0);
        emit(c, OP_POP, 0, -1);
    } else if (n->kind == N_DICTCOMP) {
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        emit(c, OP_MAP_ADD, depth + 2, -2);
    } else {
        compile_expr(c, n->a);
        emit(c, n->kind == N_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, depth + 2, -1);
    }
    for (int i = 0; i < nskips; i++) patch(c, skips[i], here(c));
    emit(c, OP_JUMP_BACK, top, 0);
    patch(c, loop, here(c));
    c->u->depth -= 2;
}

static void compile_comprehension(Compiler *c, const Node *n) {
    Scope *s = scope_of(c, n);
    const char *name = n->kind == N_LISTCOMP ? "<listcomp>" : n->kind == N_SETCOMP ? "<setcomp>"
                       : n->kind == N_DICTCOMP ? "<dictcomp>" : "<genexpr>";
    if (!s || unit_begin(c, s, name, NULL)) return;
    c->u->nparams = 1;
    if (n->kind == N_LISTCOMP) emit(c, OP_BUILD_LIST, 0, 1);
    else if (n->kind == N_SETCOMP) emit(c, OP_BUILD_SET, 0, 1);
    else if (n->kind == N_DICTCOMP) emit(c, OP_BUILD_MAP, 0, 1);
    compile_comprehension_body(c, n, 0, 0);
    if (n->kind == N_GENEXP) emit(c, OP_LOAD_NONE, 0, 1);
    emit(c, OP_RETURN, 0, -1);
    CodeObj *code = finish_unit(c);
    make_closure(c, code, 0);
    compile_expr(c, n->list.items[0]->b);
    emit(c, OP_GET_ITER, 0, 0);
    set_pos(c, n);
    emit(c, OP_CALL, 1, -1);
}

static void compile_constant(Compiler *c, const Node *n) {
    switch (n->kind) {
    case N_INT: load_const(c, int_literal(c, n->str)); break;
    case N_FLOAT: load_const(c, v_float(n->fval)); break;
    case N_IMAG: load_const(c, complex_new(c->vm, 0.0, n->fval)); break;
    case N_STR: load_const(c, str_value(c->vm, n->str, n->slen)); break;
    case N_NONE: emit(c, OP_LOAD_NONE, 0, 1); break;
    case N_TRUE: load_const(c, v_bool(1)); break;
    case N_FALSE: load_const(c, v_bool(0)); break;
    case N_ELLIPSIS: load_const(c, vref(c->vm->ellipsis)); break;
    default: break;
    }
}

/* ---------------------------------------------------------------- fused array expressions */

/* NumPy's elementwise functions a fused plan may call (fuse.h); the run time checks that the
 * callee really is numpy's. */
static int fz_callable(const char *name) {
    static const char *const names[] = {
        "sqrt", "exp", "log", "log2", "log10", "log1p", "expm1", "exp2", "sin", "cos", "tan",
        "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
        "floor", "ceil", "trunc", "rint", "cbrt", "degrees", "radians", "negative", "absolute",
        "abs", "square", "sign", "isnan", "isinf", "isfinite", "logical_not", "invert", "add",
        "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "mod",
        "power", "equal", "not_equal", "less", "less_equal", "greater", "greater_equal",
        "bitwise_and", "bitwise_or", "bitwise_xor", "maximum", "minimum", "fmax", "fmin",
        "arctan2", "hypot", "logical_and", "logical_or", "logical_xor", "where", NULL};
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], name)) return 1;
    return 0;
}

typedef struct FzPlan {
    int code[FZ_MAXPLAN];
    int len, nops;
} FzPlan;

static int fz_put(FzPlan *p, int code, int arg) {
    if (p->len + 2 > FZ_MAXPLAN) return 0;
    p->code[p->len++] = code;
    p->code[p->len++] = arg;
    return 1;
}

static int fz_walk(Compiler *c, const Node *n, FzPlan *p);

static int fz_callee(Compiler *c, const Node *f, FzPlan *p) {
    int arg;
    if (f->kind == N_NAME) {
        if (!fz_callable(f->str) && strcmp(f->str, "sum") && strcmp(f->str, "mean")) return 0;
        NameKind k = name_kind(c, f->str, &arg);
        return fz_put(p, k == NAME_FAST ? FZ_FAST : k == NAME_DEREF ? FZ_DEREF : FZ_GLOBAL, arg);
    }
    if (f->kind != N_ATTR || f->a->kind != N_NAME) return 0;
    if (!fz_callable(f->str) && strcmp(f->str, "sum") && strcmp(f->str, "mean")) return 0;
    NameKind k = name_kind(c, f->a->str, &arg);
    return fz_put(p, k == NAME_FAST ? FZ_FAST : k == NAME_DEREF ? FZ_DEREF : FZ_GLOBAL, arg)
           && fz_put(p, FZ_ATTR, add_name(c, f->str));
}

/* `E.astype(D)` with D a name, a module attribute (np.float32) or a string. */
static int fz_astype(const Node *n) {
    const Node *f = n->a, *d = n->list.n == 1 ? n->list.items[0] : NULL;
    return f->kind == N_ATTR && !strcmp(f->str, "astype") && !n->list2.n && d
           && (d->kind == N_NAME || d->kind == N_STR
               || (d->kind == N_ATTR && d->a->kind == N_NAME));
}

/* Appends n to the plan when it is made of operators, comparisons, numpy calls, names and
 * numeric constants only; 0 when it is not. */
static int fz_walk(Compiler *c, const Node *n, FzPlan *p) {
    int arg;
    switch (n->kind) {
    case N_NAME: {
        NameKind k = name_kind(c, n->str, &arg);
        return fz_put(p, k == NAME_FAST ? FZ_FAST : k == NAME_DEREF ? FZ_DEREF : FZ_GLOBAL, arg);
    }
    case N_INT:
    case N_FLOAT:
    case N_TRUE:
    case N_FALSE: {
        Value v = const_value(c, n);
        if (v.tag != T_INT && v.tag != T_FLOAT && v.tag != T_BOOL) {
            decref_vm(c->vm, v);
            return 0;
        }
        return fz_put(p, FZ_CONST, add_const(c, v));
    }
    case N_UNARY:
        if (n->op == OP_NEG && (n->a->kind == N_INT || n->a->kind == N_FLOAT)) {
            Value v = const_value(c, n);
            if (v.tag != T_INT && v.tag != T_FLOAT) {
                decref_vm(c->vm, v);
                return 0;
            }
            return fz_put(p, FZ_CONST, add_const(c, v));
        }
        if (n->op != OP_NEG && n->op != OP_INVERT) return 0;
        p->nops++;
        return fz_walk(c, n->a, p) && fz_put(p, FZ_UNARY, n->op);
    case N_BINOP:
        if (n->op == OP_MATMUL || n->op == OP_LSHIFT || n->op == OP_RSHIFT) return 0;
        p->nops++;
        return fz_walk(c, n->a, p) && fz_walk(c, n->b, p) && fz_put(p, FZ_BINOP, n->op);
    case N_COMPARE:
        if (n->list.n != 1 || n->ops[0] < OP_EQ || n->ops[0] > OP_GE) return 0;
        p->nops++;
        return fz_walk(c, n->a, p) && fz_walk(c, n->list.items[0], p)
               && fz_put(p, FZ_BINOP, n->ops[0]);
    case N_CALL:
        if (n->list2.n || has_starred(&n->list) || n->list.n < 1 || n->list.n > 3) return 0;
        if (fz_astype(n)) {
            const Node *d = n->list.items[0];
            p->nops++;
            if (!fz_walk(c, n->a->a, p)) return 0;
            if (d->kind == N_STR) {
                Value v = str_value(c->vm, d->str, d->slen);
                if (IS_ERR(v)) return 0;
                return fz_put(p, FZ_CONST, add_const(c, v)) && fz_put(p, FZ_ASTYPE, 0);
            }
            const Node *base = d->kind == N_ATTR ? d->a : d;
            NameKind k = name_kind(c, base->str, &arg);
            return fz_put(p, k == NAME_FAST ? FZ_FAST : k == NAME_DEREF ? FZ_DEREF : FZ_GLOBAL,
                          arg)
                   && (d->kind != N_ATTR || fz_put(p, FZ_ATTR, add_name(c, d->str)))
                   && fz_put(p, FZ_ASTYPE, 0);
        }
        if (!fz_callee(c, n->a, p)) return 0;
        p->nops++;
        for (int i = 0; i < n->list.n; i++)
            if (!fz_walk(c, n->list.items[i], p)) return 0;
        return fz_put(p, FZ_CALL, n->list.n);
    default: return 0;
    }
}

/* The shape test of fz_walk without building anything: the number of operations in n when
 * it may be fused (-1 when not); *names counts the names among its leaves. */
static int fz_count(const Node *n, int *names) {
    switch (n->kind) {
    case N_NAME: return ++*names, 0;
    case N_INT: case N_FLOAT: case N_TRUE: case N_FALSE: return 0;
    case N_UNARY: {
        if (n->op == OP_NEG && (n->a->kind == N_INT || n->a->kind == N_FLOAT)) return 0;
        if (n->op != OP_NEG && n->op != OP_INVERT) return -1;
        int k = fz_count(n->a, names);
        return k < 0 ? -1 : k + 1;
    }
    case N_BINOP: {
        if (n->op == OP_MATMUL || n->op == OP_LSHIFT || n->op == OP_RSHIFT) return -1;
        int k = fz_count(n->a, names), m = k < 0 ? -1 : fz_count(n->b, names);
        return m < 0 ? -1 : k + m + 1;
    }
    case N_COMPARE: {
        if (n->list.n != 1 || n->ops[0] < OP_EQ || n->ops[0] > OP_GE) return -1;
        int k = fz_count(n->a, names), m = k < 0 ? -1 : fz_count(n->list.items[0], names);
        return m < 0 ? -1 : k + m + 1;
    }
    case N_CALL: {
        const Node *f = n->a;
        if (n->list2.n || n->list.n < 1 || n->list.n > 3) return -1;
        if (fz_astype(n)) {
            int k = fz_count(f->a, names);
            return k < 0 ? -1 : k + 1;
        }
        if (f->kind != N_NAME && (f->kind != N_ATTR || f->a->kind != N_NAME)) return -1;
        if (!fz_callable(f->str) && strcmp(f->str, "sum") && strcmp(f->str, "mean")) return -1;
        int total = 1;
        for (int i = 0; i < n->list.n; i++) {
            int k = n->list.items[i]->kind == N_STARRED ? -1 : fz_count(n->list.items[i], names);
            if (k < 0) return -1;
            total += k;
        }
        return total;
    }
    default: return -1;
    }
}

/* Puts FUSE plan; JUMP end in front of n's ordinary code when n may be a fusable array
 * expression of at least two operations, or one followed by .sum()/.mean(). Returns the
 * JUMP to patch, or -1. */
static int fz_begin(Compiler *c, const Node *n) {
    if (c->in_fused || c->failed) return -1;
    int names = 0, ops;
    const Node *f = n->a;
    if (n->kind == N_CALL && !n->list.n && !n->list2.n && f->kind == N_ATTR
        && (!strcmp(f->str, "sum") || !strcmp(f->str, "mean")))
        ops = fz_count(f->a, &names) + 1; /* -1 + 1: not fusable */
    else
        ops = fz_count(n, &names);
    if (ops < 2 || !names) return -1; /* nothing to fuse, or no name that could be an array */
    FzPlan *p = malloc(sizeof *p);
    if (!p) return -1;
    p->len = p->nops = 0;
    int ok, min_ops = 2;
    if (n->kind == N_CALL && !n->list.n && !n->list2.n && f->kind == N_ATTR
        && (!strcmp(f->str, "sum") || !strcmp(f->str, "mean"))) {
        ok = fz_walk(c, f->a, p) && fz_put(p, FZ_METHOD, add_name(c, f->str));
        min_ops = 1;
    } else {
        ok = fz_walk(c, n, p);
        if (n->kind == N_CALL && (f->kind == N_ATTR || f->kind == N_NAME)
            && (!strcmp(f->str, "sum") || !strcmp(f->str, "mean")))
            min_ops++;
    }
    int jump = -1;
    if (ok && p->nops >= min_ops) {
        ListObj *t = tuple_new(c->vm, (size_t)p->len);
        if (!t) {
            free(p);
            c_oom(c);
            return -1;
        }
        for (int i = 0; i < p->len; i++) t->items[i] = v_int(p->code[i]);
        emit(c, OP_FUSE, add_const(c, v_obj(t)), 0);
        jump = emit(c, OP_JUMP, 0, 0);
        c->in_fused = 1;
    }
    free(p);
    return jump;
}

static void fz_end(Compiler *c, int jump) {
    if (jump < 0) return;
    c->in_fused = 0;
    patch(c, jump, here(c));
}

static void compile_expr_plain(Compiler *c, const Node *n);

static void compile_expr(Compiler *c, const Node *n) {
    if (c->failed || !n) return;
    set_pos(c, n);
    if (n->kind != N_BINOP && n->kind != N_UNARY && n->kind != N_COMPARE && n->kind != N_CALL) {
        compile_expr_plain(c, n);
        return;
    }
    int fz = fz_begin(c, n);
    compile_expr_plain(c, n);
    fz_end(c, fz);
}

static void compile_expr_plain(Compiler *c, const Node *n) {
    switch (n->kind) {
    case N_NAME: compile_name(c, n->str, ACT_LOAD); break;
    case N_INT:
    case N_FLOAT:
    case N_IMAG:
    case N_STR:
    case N_NONE:
    case N_TRUE:
    case N_FALSE:
    case N_ELLIPSIS: compile_constant(c, n); break;
    case N_FSTRING: compile_fstring(c, n); break;
    case N_BINOP:
        compile_expr(c, n->a);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_BINARY, n->op, -1);
        break;
    case N_UNARY:
        if (n->op == OP_NEG && (n->a->kind == N_INT || n->a->kind == N_FLOAT)) {
            Value v = n->a->kind == N_FLOAT ? v_float(-n->a->fval) : int_literal(c, n->a->str);
            if (v.tag == T_INT && v.u.i != INT64_MIN) {
                load_const(c, v_int(-v.u.i));
                break;
            }
            if (v.tag == T_FLOAT) {
                load_const(c, v);
                break;
            }
            decref_vm(c->vm, v);
        }
        compile_expr(c, n->a);
        set_pos(c, n);
        if (n->op == OP_NOT) emit(c, OP_NOT_OP, 0, 0);
        else emit(c, OP_UNARY, n->op, 0);
        break;
    case N_BOOLOP: {
        int ends[256], nends = 0;
        for (int i = 0; i < n->list.n; i++) {
            compile_expr(c, n->list.items[i]);
            if (i < n->list.n - 1 && nends < 256)
                ends[nends++] = emit(c, n->op == OP_AND ? OP_JUMP_IF_FALSE_OR_POP
                                                        : OP_JUMP_IF_TRUE_OR_POP, 0, -1);
        }
        for (int i = 0; i < nends; i++) patch(c, ends[i], here(c));
        break;
    }
    case N_COMPARE: compile_compare(c, n); break;
    case N_IFEXP: {
        compile_expr(c, n->a);
        int j = emit(c, OP_JUMP_IF_FALSE, 0, -1);
        compile_expr(c, n->b);
        int e = emit(c, OP_JUMP, 0, 0);
        c->u->depth--;
        patch(c, j, here(c));
        compile_expr(c, n->c);
        patch(c, e, here(c));
        break;
    }
    case N_LAMBDA: compile_lambda(c, n); break;
    case N_CALL: compile_call(c, n); break;
    case N_ATTR:
        compile_expr(c, n->a);
        set_pos(c, n);
        emit(c, OP_LOAD_ATTR, add_name(c, n->str), 0);
        break;
    case N_SUBSCRIPT:
        compile_expr(c, n->a);
        compile_subscript_index(c, n->b);
        set_pos(c, n);
        emit(c, OP_SUBSCR, 0, -1);
        break;
    case N_SLICE: compile_subscript_index(c, n); break;
    case N_LIST:
    case N_TUPLE:
    case N_SET: compile_sequence(c, n); break;
    case N_DICT: compile_dict(c, n); break;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENEXP: compile_comprehension(c, n); break;
    case N_NAMEDEXPR:
        compile_expr(c, n->b);
        emit(c, OP_DUP, 0, 1);
        compile_store(c, n->a);
        break;
    case N_YIELD:
        if (c->u->scope->kind != SC_FUNCTION) {
            c_error(c, n, "SyntaxError", "'yield' outside function");
            return;
        }
        if (n->a) compile_expr(c, n->a);
        else emit(c, OP_LOAD_NONE, 0, 1);
        emit(c, OP_YIELD, 0, 0);
        break;
    case N_YIELD_FROM:
        c_error(c, n, "NotImplementedError", "'yield from' is not supported yet (line %d)", n->line);
        break;
    case N_STARRED: c_error(c, n, "SyntaxError", "can't use starred expression here"); break;
    default:
        c_error(c, n, "SyntaxError", "invalid syntax (%s)", ast_kind_name(n->kind));
        break;
    }
}

/* ---------------------------------------------------------------- assignment targets */

static void compile_unpack_targets(Compiler *c, const Node *t) {
    int star = -1;
    for (int i = 0; i < t->list.n; i++)
        if (t->list.items[i]->kind == N_STARRED) {
            if (star >= 0) {
                c_error(c, t, "SyntaxError", "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    set_pos(c, t);
    if (star < 0) {
        emit(c, OP_UNPACK, t->list.n, t->list.n - 1);
    } else {
        int after = t->list.n - star - 1;
        emit(c, OP_UNPACK_EX, star | (after << 8), t->list.n - 1);
    }
    for (int i = 0; i < t->list.n; i++) {
        const Node *e = t->list.items[i];
        compile_store(c, e->kind == N_STARRED ? e->a : e);
    }
}

static void compile_store(Compiler *c, const Node *t) {
    if (c->failed) return;
    switch (t->kind) {
    case N_NAME: compile_name(c, t->str, ACT_STORE); break;
    case N_ATTR:
        compile_expr(c, t->a);
        set_pos(c, t);
        emit(c, OP_STORE_ATTR, add_name(c, t->str), -2);
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_subscript_index(c, t->b);
        set_pos(c, t);
        emit(c, OP_STORE_SUBSCR, 0, -3);
        break;
    case N_TUPLE:
    case N_LIST: compile_unpack_targets(c, t); break;
    case N_STARRED:
        c_error(c, t, "SyntaxError", "starred assignment target must be in a list or tuple");
        break;
    default: c_error(c, t, "SyntaxError", "cannot assign to %s", ast_kind_name(t->kind)); break;
    }
}

static void compile_delete(Compiler *c, const Node *t) {
    switch (t->kind) {
    case N_NAME: compile_name(c, t->str, ACT_DEL); break;
    case N_ATTR:
        compile_expr(c, t->a);
        emit(c, OP_DEL_ATTR, add_name(c, t->str), -1);
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_subscript_index(c, t->b);
        set_pos(c, t);
        emit(c, OP_DEL_SUBSCR, 0, -2);
        break;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->list.n; i++) compile_delete(c, t->list.items[i]);
        break;
    default: c_error(c, t, "SyntaxError", "cannot delete %s", ast_kind_name(t->kind)); break;
    }
}

/* ---------------------------------------------------------------- statements */

static FBlock *fb_push(Compiler *c, int type, const Node *node, int start) {
    Unit *u = c->u;
    if (u->nfblocks == 64) {
        c_error(c, node, "SyntaxError", "too many statically nested blocks");
        return NULL;
    }
    FBlock *b = &u->fblocks[u->nfblocks++];
    memset(b, 0, sizeof *b);
    b->type = type;
    b->node = node;
    b->start = start;
    return b;
}

static void fb_pop(Compiler *c) {
    FBlock *b = &c->u->fblocks[--c->u->nfblocks];
    free(b->breaks);
}

/* Emits what leaving fblock b requires. preserve: a return value sits on top. */
static void fb_unwind(Compiler *c, FBlock *b, int preserve) {
    switch (b->type) {
    case FB_WHILE: break;
    case FB_FOR:
        if (preserve) emit(c, OP_ROT2, 0, 0);
        emit(c, OP_POP, 0, -1);
        break;
    case FB_TRY: emit(c, OP_POP_BLOCK, 0, 0); break;
    case FB_FINALLY_TRY: {
        emit(c, OP_POP_BLOCK, 0, 0);
        /* the finally body runs with this block removed from the stack of fblocks */
        Unit *u = c->u;
        FBlock saved = *b;
        int idx = (int)(b - u->fblocks), n = u->nfblocks;
        u->nfblocks = idx;
        compile_stmts(c, &saved.node->list4);
        u->nfblocks = n;
        break;
    }
    case FB_HANDLER:
        if (preserve) emit(c, OP_ROT2, 0, 0);
        emit(c, OP_POP_EXCEPT, 0, -1);
        if (b->name) {
            emit(c, OP_LOAD_NONE, 0, 1);
            compile_name(c, b->name, ACT_STORE);
            compile_name(c, b->name, ACT_DEL);
        }
        break;
    case FB_FINALLY_END:
        if (preserve) emit(c, OP_ROT2, 0, 0);
        emit(c, OP_POP, 0, -1); /* the exception */
        if (preserve) emit(c, OP_ROT2, 0, 0);
        emit(c, OP_POP_EXCEPT, 0, -1);
        break;
    }
}

static FBlock *innermost_loop(Compiler *c) {
    for (int i = c->u->nfblocks - 1; i >= 0; i--)
        if (c->u->fblocks[i].type == FB_WHILE || c->u->fblocks[i].type == FB_FOR)
            return &c->u->fblocks[i];
    return NULL;
}

static void compile_break_continue(Compiler *c, const Node *n) {
    FBlock *loop = innermost_loop(c);
    if (!loop) {
        c_error(c, n, "SyntaxError", n->kind == N_BREAK ? "'break' outside loop"
                                                        : "'continue' not properly in loop");
        return;
    }
    int depth = c->u->depth;
    for (FBlock *b = &c->u->fblocks[c->u->nfblocks - 1]; b > loop; b--) fb_unwind(c, b, 0);
    if (n->kind == N_CONTINUE) {
        emit(c, OP_JUMP_BACK, loop->start, 0);
    } else {
        if (loop->type == FB_FOR) emit(c, OP_POP, 0, -1);
        int *br = xgrow(loop->breaks, &loop->capbreaks, loop->nbreaks + 1, sizeof(int));
        if (!br) {
            c_oom(c);
            return;
        }
        loop->breaks = br;
        loop->breaks[loop->nbreaks++] = emit(c, OP_JUMP, 0, 0);
    }
    c->u->depth = depth;
}

static void compile_return(Compiler *c, const Node *n) {
    if (c->u->scope->kind != SC_FUNCTION) {
        c_error(c, n, "SyntaxError", "'return' outside function");
        return;
    }
    if (n->a) compile_expr(c, n->a);
    else emit(c, OP_LOAD_NONE, 0, 1);
    int depth = c->u->depth;
    for (int i = c->u->nfblocks - 1; i >= 0; i--) fb_unwind(c, &c->u->fblocks[i], 1);
    set_pos(c, n);
    emit(c, OP_RETURN, 0, -1);
    c->u->depth = depth - 1;
}

static void patch_breaks(Compiler *c, FBlock *b, int target) {
    for (int i = 0; i < b->nbreaks; i++) patch(c, b->breaks[i], target);
}

static void compile_while(Compiler *c, const Node *n) {
    int top = here(c);
    compile_expr(c, n->a);
    int exit = emit(c, OP_JUMP_IF_FALSE, 0, -1);
    FBlock *b = fb_push(c, FB_WHILE, n, top);
    if (!b) return;
    compile_stmts(c, &n->list);
    set_pos(c, n);
    emit(c, OP_JUMP_BACK, top, 0);
    patch(c, exit, here(c));
    FBlock saved = c->u->fblocks[c->u->nfblocks - 1];
    c->u->nfblocks--;
    compile_stmts(c, &n->list2);
    patch_breaks(c, &saved, here(c));
    free(saved.breaks);
}

static void compile_for(Compiler *c, const Node *n) {
    compile_expr(c, n->b);
    set_pos(c, n->b);
    emit(c, OP_GET_ITER, 0, 0);
    int top = here(c);
    int loop = emit(c, OP_FOR_ITER, 0, 1);
    FBlock *b = fb_push(c, FB_FOR, n, top);
    if (!b) return;
    compile_store(c, n->a);
    compile_stmts(c, &n->list);
    set_pos(c, n);
    emit(c, OP_JUMP_BACK, top, 0);
    patch(c, loop, here(c));
    c->u->depth -= 2; /* the loop value and the iterator are gone */
    FBlock saved = c->u->fblocks[c->u->nfblocks - 1];
    c->u->nfblocks--;
    compile_stmts(c, &n->list2);
    patch_breaks(c, &saved, here(c));
    free(saved.breaks);
}

static void compile_if(Compiler *c, const Node *n) {
    compile_expr(c, n->a);
    int j = emit(c, OP_JUMP_IF_FALSE, 0, -1);
    compile_stmts(c, &n->list);
    if (n->list2.n) {
        int e = emit(c, OP_JUMP, 0, 0);
        patch(c, j, here(c));
        compile_stmts(c, &n->list2);
        patch(c, e, here(c));
    } else {
        patch(c, j, here(c));
    }
}

/* try: body except E as e: ... else: ... (without finally) */
static void compile_try_except(Compiler *c, const Node *n) {
    int setup = emit(c, OP_SETUP_TRY, 0, 0);
    int depth = c->u->depth;
    if (!fb_push(c, FB_TRY, n, 0)) return;
    compile_stmts(c, &n->list);
    fb_pop(c);
    emit(c, OP_POP_BLOCK, 0, 0);
    compile_stmts(c, &n->list3); /* else */
    int ends[128], nends = 0;
    ends[nends++] = emit(c, OP_JUMP, 0, 0);
    patch(c, setup, here(c));
    c->u->depth = depth + 2; /* previous handled exception, exception */
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    for (int i = 0; i < n->list2.n; i++) {
        const Node *h = n->list2.items[i];
        set_pos(c, h);
        int next = -1;
        if (h->a) {
            compile_expr(c, h->a);
            emit(c, OP_EXC_MATCH, 0, 0);
            next = emit(c, OP_JUMP_IF_FALSE, 0, -1);
        } else if (i != n->list2.n - 1) {
            c_error(c, h, "SyntaxError", "default 'except:' must be last");
            return;
        }
        if (h->str) compile_name(c, h->str, ACT_STORE);
        else emit(c, OP_POP, 0, -1);
        FBlock *b = fb_push(c, FB_HANDLER, h, 0);
        if (!b) return;
        b->name = h->str;
        compile_stmts(c, &h->list);
        fb_pop(c);
        emit(c, OP_POP_EXCEPT, 0, -1);
        if (h->str) {
            emit(c, OP_LOAD_NONE, 0, 1);
            compile_name(c, h->str, ACT_STORE);
            compile_name(c, h->str, ACT_DEL);
        }
        if (nends < 128) ends[nends++] = emit(c, OP_JUMP, 0, 0);
        c->u->depth = depth + 2;
        if (next >= 0) patch(c, next, here(c));
    }
    emit(c, OP_RERAISE, 0, -2);
    for (int i = 0; i < nends; i++) patch(c, ends[i], here(c));
    c->u->depth = depth;
}

static void compile_try(Compiler *c, const Node *n);

static void compile_try_finally(Compiler *c, const Node *n) {
    int setup = emit(c, OP_SETUP_TRY, 0, 0);
    int depth = c->u->depth;
    if (!fb_push(c, FB_FINALLY_TRY, n, 0)) return;
    if (n->list2.n) {
        Node inner = *n; /* the try/except part, without finally */
        inner.list4.n = 0;
        compile_try(c, &inner);
    } else {
        compile_stmts(c, &n->list);
    }
    fb_pop(c);
    emit(c, OP_POP_BLOCK, 0, 0);
    compile_stmts(c, &n->list4);
    int end = emit(c, OP_JUMP, 0, 0);
    patch(c, setup, here(c));
    c->u->depth = depth + 2;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    if (!fb_push(c, FB_FINALLY_END, n, 0)) return;
    compile_stmts(c, &n->list4);
    fb_pop(c);
    emit(c, OP_RERAISE, 0, -2);
    patch(c, end, here(c));
    c->u->depth = depth;
}

static void compile_try(Compiler *c, const Node *n) {
    if (n->list4.n) compile_try_finally(c, n);
    else compile_try_except(c, n);
}

static void compile_funcdef(Compiler *c, const Node *n) {
    for (int i = 0; i < n->list2.n; i++) compile_expr(c, n->list2.items[i]);
    set_pos(c, n);
    int flags = compile_defaults(c, n->a);
    Scope *s = scope_of(c, n);
    if (!s || unit_begin(c, s, n->str, n->a)) return;
    const NodeList *body = &n->list;
    if (body->n && body->items[0]->kind == N_EXPR_STMT && body->items[0]->a->kind == N_STR) {
        Value doc = str_value(c->vm, body->items[0]->a->str, body->items[0]->a->slen);
        if (IS_ERR(doc)) c_oom(c);
        else c->u->doc = doc;
    }
    compile_stmts(c, body);
    emit(c, OP_LOAD_NONE, 0, 1);
    emit(c, OP_RETURN, 0, -1);
    CodeObj *code = finish_unit(c);
    set_pos(c, n);
    make_closure(c, code, flags);
    for (int i = 0; i < n->list2.n; i++) emit(c, OP_CALL, 1, -1);
    compile_name(c, n->str, ACT_STORE);
}

static void compile_import(Compiler *c, const Node *n) {
    for (int i = 0; i < n->list.n; i++) {
        const Node *al = n->list.items[i];
        int leaf = al->str2 != NULL;
        emit(c, OP_IMPORT, add_name(c, al->str) | (leaf ? 0x800000 : 0), 1);
        if (leaf) {
            compile_name(c, al->str2, ACT_STORE);
        } else {
            size_t len = strcspn(al->str, ".");
            char *top = ast_strndup(c->arena, al->str, len);
            if (!top) {
                c_oom(c);
                return;
            }
            compile_name(c, top, ACT_STORE);
        }
    }
}

static void compile_importfrom(Compiler *c, const Node *n) {
    if (n->ival > 0 || !n->str) {
        c_error(c, n, "ImportError", "attempted relative import with no known parent package");
        return;
    }
    emit(c, OP_IMPORT, add_name(c, n->str) | 0x800000, 1);
    for (int i = 0; i < n->list.n; i++) {
        const Node *al = n->list.items[i];
        if (!strcmp(al->str, "*")) {
            emit(c, OP_IMPORT_STAR, 0, -1);
            return;
        }
        emit(c, OP_IMPORT_FROM, add_name(c, al->str), 1);
        compile_name(c, al->str2 ? al->str2 : al->str, ACT_STORE);
    }
    emit(c, OP_POP, 0, -1);
}

static void compile_unsupported(Compiler *c, const Node *n, const char *what) {
    char msg[160];
    snprintf(msg, sizeof msg, "%s not supported yet (line %d)", what, n->line);
    load_const(c, str_cstr(c->vm, msg));
    emit(c, OP_LOAD_BUILD_CLASS, 0, -1);
}

static void compile_augassign(Compiler *c, const Node *n) {
    const Node *t = n->a;
    switch (t->kind) {
    case N_NAME:
        compile_name(c, t->str, ACT_LOAD);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_INPLACE, n->op, -1);
        compile_name(c, t->str, ACT_STORE);
        break;
    case N_ATTR:
        compile_expr(c, t->a);
        emit(c, OP_DUP, 0, 1);
        emit(c, OP_LOAD_ATTR, add_name(c, t->str), 0);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_INPLACE, n->op, -1);
        emit(c, OP_ROT2, 0, 0);
        emit(c, OP_STORE_ATTR, add_name(c, t->str), -2);
        break;
    case N_SUBSCRIPT:
        compile_expr(c, t->a);
        compile_subscript_index(c, t->b);
        emit(c, OP_DUP2, 0, 2);
        emit(c, OP_SUBSCR, 0, -1);
        compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_INPLACE, n->op, -1);
        emit(c, OP_ROT3, 0, 0);
        emit(c, OP_STORE_SUBSCR, 0, -3);
        break;
    default:
        c_error(c, t, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                ast_kind_name(t->kind));
        break;
    }
}

static void compile_stmt(Compiler *c, const Node *n, int last) {
    if (c->failed) return;
    set_pos(c, n);
    switch (n->kind) {
    case N_EXPR_STMT:
        compile_expr(c, n->a);
        if (last && c->interactive && c->u->parent == NULL) emit(c, OP_PRINT_EXPR, 0, -1);
        else emit(c, OP_POP, 0, -1);
        break;
    case N_ASSIGN:
        compile_expr(c, n->a);
        for (int i = 0; i < n->list.n; i++) {
            if (i < n->list.n - 1) emit(c, OP_DUP, 0, 1);
            compile_store(c, n->list.items[i]);
        }
        break;
    case N_AUGASSIGN: compile_augassign(c, n); break;
    case N_ANNASSIGN:
        if (n->c) {
            compile_expr(c, n->c);
            compile_store(c, n->a);
        }
        break;
    case N_IF: compile_if(c, n); break;
    case N_WHILE: compile_while(c, n); break;
    case N_FOR: compile_for(c, n); break;
    case N_BREAK:
    case N_CONTINUE: compile_break_continue(c, n); break;
    case N_PASS: break;
    case N_RETURN: compile_return(c, n); break;
    case N_FUNCDEF: compile_funcdef(c, n); break;
    case N_CLASSDEF: compile_unsupported(c, n, "classes are"); break;
    case N_WITH: compile_unsupported(c, n, "'with' statements are"); break;
    case N_TRY: compile_try(c, n); break;
    case N_RAISE:
        if (n->a) compile_expr(c, n->a);
        if (n->b) compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_RAISE, n->b ? 2 : n->a ? 1 : 0, n->b ? -2 : n->a ? -1 : 0);
        break;
    case N_ASSERT: {
        compile_expr(c, n->a);
        int j = emit(c, OP_JUMP_IF_TRUE, 0, -1);
        if (n->b) compile_expr(c, n->b);
        set_pos(c, n);
        emit(c, OP_ASSERT_FAIL, n->b != NULL, n->b ? -1 : 0);
        patch(c, j, here(c));
        break;
    }
    case N_DEL:
        for (int i = 0; i < n->list.n; i++) compile_delete(c, n->list.items[i]);
        break;
    case N_GLOBAL:
    case N_NONLOCAL: break;
    case N_IMPORT: compile_import(c, n); break;
    case N_IMPORTFROM: compile_importfrom(c, n); break;
    default: c_error(c, n, "SyntaxError", "invalid syntax"); break;
    }
}

static void compile_stmts(Compiler *c, const NodeList *l) {
    for (int i = 0; i < l->n && !c->failed; i++) compile_stmt(c, l->items[i], i == l->n - 1);
}

/* ---------------------------------------------------------------- units */

static int push_strs(Compiler *c, StrObj ***arr, int *n, const char *name) {
    StrObj **a = realloc(*arr, (size_t)(*n + 1) * sizeof(StrObj *));
    if (!a) {
        c_oom(c);
        return -1;
    }
    *arr = a;
    StrObj *s = intern(c, name);
    if (!s) return -1;
    s->h.rc++;
    a[(*n)++] = s;
    return 0;
}

static void add_params(Compiler *c, Unit *u, const Node *args) {
    if (!args) return;
    for (int i = 0; i < args->list.n; i++) push_strs(c, &u->varnames, &u->nlocals, args->list.items[i]->str);
    u->nparams = args->list.n;
    u->nposonly = (int)args->ival;
    for (int i = 0; i < args->list2.n; i++) push_strs(c, &u->varnames, &u->nlocals, args->list2.items[i]->str);
    u->nkwonly = args->list2.n;
    if (args->a) {
        push_strs(c, &u->varnames, &u->nlocals, args->a->str);
        u->flags |= CO_VARARGS;
    }
    if (args->b) {
        push_strs(c, &u->varnames, &u->nlocals, args->b->str);
        u->flags |= CO_VARKW;
    }
}

static int unit_begin(Compiler *c, Scope *s, const char *name, const Node *args) {
    Unit *u = calloc(1, sizeof(Unit));
    if (!u) {
        c_oom(c);
        return -1;
    }
    u->scope = s;
    u->parent = c->u;
    u->name = name;
    u->doc = v_none();
    u->cur = c->u ? c->u->cur : (Pos){1, 0, 1, 0};
    c->u = u;
    if (s->kind == SC_FUNCTION) {
        if (s->is_comprehension) push_strs(c, &u->varnames, &u->nlocals, ".0");
        add_params(c, u, args);
        for (int i = 0; i < s->nsyms; i++) {
            Sym *y = &s->syms[i];
            if (y->flags & (SYM_GLOBAL)) continue;
            if (y->flags & SYM_FREE) {
                push_strs(c, &u->freenames, &u->nfree, y->name);
                continue;
            }
            if (!(y->flags & (SYM_ASSIGNED | SYM_PARAM))) continue;
            if (y->flags & SYM_CELL) push_strs(c, &u->cellnames, &u->ncells, y->name);
            if (!(y->flags & SYM_PARAM)) push_strs(c, &u->varnames, &u->nlocals, y->name);
        }
        if (s->generator) u->flags |= CO_GENERATOR;
    } else {
        u->flags |= CO_MODULE;
    }
    return 0;
}

static void unit_free(VM *vm, Unit *u) {
    if (u->constmap) decref(v_obj(u->constmap));
    for (int i = 0; i < u->nconsts; i++) decref(u->consts[i]);
    for (int i = 0; i < u->nnames; i++) decref(v_obj(u->names[i]));
    for (int i = 0; i < u->nlocals; i++) decref(v_obj(u->varnames[i]));
    for (int i = 0; i < u->ncells; i++) decref(v_obj(u->cellnames[i]));
    for (int i = 0; i < u->nfree; i++) decref(v_obj(u->freenames[i]));
    for (int i = 0; i < u->nfblocks; i++) free(u->fblocks[i].breaks);
    decref(u->doc);
    free(u->code);
    free(u->pos);
    free(u->consts);
    free(u->names);
    free(u->varnames);
    free(u->cellnames);
    free(u->freenames);
    free(u);
}

static char *qualname_of(Unit *u) {
    SBuf b = SBUF_INIT;
    const char *parts[64];
    int n = 0;
    for (Unit *p = u; p && p->parent && n < 64; p = p->parent) parts[n++] = p->name;
    for (int i = n - 1; i >= 0; i--) {
        sb_puts(&b, parts[i]);
        if (i) sb_puts(&b, ".<locals>.");
    }
    return sb_take(&b);
}

static CodeObj *finish_unit(Compiler *c) {
    Unit *u = c->u;
    VM *vm = c->vm;
    c->u = u->parent;
    if (c->failed) {
        unit_free(vm, u);
        return NULL;
    }
    CodeObj *co = calloc(1, sizeof(CodeObj));
    char *qual = qualname_of(u);
    if (!co || !qual) {
        free(co);
        free(qual);
        unit_free(vm, u);
        c_oom(c);
        return NULL;
    }
    co->h.rc = 1;
    co->h.k = K_CODE;
    co->code = u->code, co->pos = u->pos, co->ncode = u->ncode;
    co->consts = u->consts, co->nconsts = u->nconsts;
    co->names = u->names, co->nnames = u->nnames;
    co->varnames = u->varnames, co->nlocals = u->nlocals;
    co->cellnames = u->cellnames, co->ncells = u->ncells;
    co->freenames = u->freenames, co->nfree = u->nfree;
    co->nparams = u->nparams, co->nposonly = u->nposonly, co->nkwonly = u->nkwonly;
    co->flags = u->flags;
    co->stacksize = u->maxdepth + 8;
    co->doc = u->doc;
    co->src = c->src;
    c->src->rc++;
    co->firstline = u->ncode ? u->pos[0].line : 1;
    co->cell_param = calloc((size_t)(u->ncells + 1), sizeof(int));
    co->name = intern(c, u->name);
    StrObj *qs = str_new(vm, qual, strlen(qual));
    free(qual);
    co->qualname = qs;
    if (co->name) co->name->h.rc++;
    int nargs = u->nparams + u->nkwonly + ((u->flags & CO_VARARGS) != 0) + ((u->flags & CO_VARKW) != 0)
                + (u->scope->is_comprehension ? 1 : 0);
    for (int i = 0; co->cell_param && i < u->ncells; i++) {
        int k = index_in(u->varnames, nargs, u->cellnames[i]->s);
        co->cell_param[i] = k;
    }
    for (int i = 0; i < u->nfblocks; i++) free(u->fblocks[i].breaks);
    if (u->constmap) decref(v_obj(u->constmap));
    free(u);
    if (!co->cell_param || !co->name || !qs) {
        decref(v_obj(co));
        c_oom(c);
        return NULL;
    }
    return co;
}

/* ---------------------------------------------------------------- entry points */

static Value syntax_error(VM *vm, const char *type, const char *msg, const char *file, int line,
                          int col, int end_col, const char *src, size_t len) {
    TypeObj *cls = !strcmp(type, "IndentationError") ? vm->E.IndentationError
                   : !strcmp(type, "TabError") ? vm->E.TabError
                   : !strcmp(type, "NotImplementedError") ? vm->E.NotImplementedError
                   : !strcmp(type, "ImportError") ? vm->E.ImportError
                   : !strcmp(type, "MemoryError") ? vm->E.MemoryError : vm->E.SyntaxError;
    vm_raise(vm, cls, "%s", msg);
    ExcObj *e = AS(ExcObj, vm->exc);
    if (!(e->attrs = dict_new(vm))) return ERRV;
    const char *p = src, *end = src + len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    Value text = str_value(vm, p, (size_t)((eol ? eol : end) - p));
    Value fname = str_cstr(vm, file);
    if (IS_ERR(text) || IS_ERR(fname)) return ERRV;
    dict_set_str(vm, e->attrs, "filename", fname);
    dict_set_str(vm, e->attrs, "lineno", v_int(line));
    dict_set_str(vm, e->attrs, "offset", v_int(col + 1));
    dict_set_str(vm, e->attrs, "end_offset", v_int(end_col + 1));
    dict_set_str(vm, e->attrs, "text", text);
    dict_set_str(vm, e->attrs, "msg", AS(ListObj, e->args)->items[0]);
    decref(text);
    decref(fname);
    return ERRV;
}

static void compiler_free(Compiler *c) {
    while (c->u) {
        Unit *u = c->u;
        c->u = u->parent;
        unit_free(c->vm, u);
    }
    for (int i = 0; i < c->nscopes; i++) {
        free(c->scopes[i]->syms);
        free(c->scopes[i]);
    }
    free(c->scopes);
    source_release(c->src);
    ast_arena_free(c->arena);
}

static CodeObj *compile_tree(VM *vm, const char *src, size_t len, const char *shown,
                             size_t shown_len, const char *name, int interactive, int eval) {
    Compiler c;
    memset(&c, 0, sizeof c);
    c.vm = vm;
    c.interactive = interactive || eval;
    c.arena = ast_arena_new();
    c.src = calloc(1, sizeof(Source));
    if (!c.arena || !c.src) {
        if (c.arena) ast_arena_free(c.arena);
        free(c.src);
        vm_nomem(vm);
        return NULL;
    }
    c.src->rc = 1;
    c.src->name = strdup(name);
    c.src->text = malloc(shown_len + 1);
    if (c.src->text) {
        memcpy(c.src->text, shown, shown_len);
        c.src->text[shown_len] = 0;
    }
    c.src->len = shown_len;
    ParseError perr;
    memset(&perr, 0, sizeof perr);
    Node *tree = eval ? parse_expression(c.arena, src, len, &perr) : parse_module(c.arena, src, len, &perr);
    CodeObj *code = NULL;
    if (!tree) {
        if (perr.oom) vm_nomem(vm);
        else syntax_error(vm, perr.type ? perr.type : "SyntaxError", perr.msg, name, perr.line,
                          perr.col, perr.end_col, shown, shown_len);
        goto done;
    }
    Scope *top = scope_new(&c, SC_MODULE, tree, NULL);
    if (!top) goto fail;
    if (eval) sym_visit(&c, top, tree);
    else sym_list(&c, top, &tree->list);
    sym_resolve(&c);
    if (c.failed || unit_begin(&c, top, "<module>", NULL)) goto fail;
    if (eval) {
        compile_expr(&c, tree);
        emit(&c, OP_RETURN, 0, -1);
    } else {
        compile_stmts(&c, &tree->list);
        emit(&c, OP_LOAD_NONE, 0, 1);
        emit(&c, OP_RETURN, 0, -1);
    }
    code = finish_unit(&c);
    if (code) goto done;
fail:
    if (!IS_NULL(vm->exc)) goto done;
    if (c.errtype && !strcmp(c.errtype, "MemoryError")) vm_nomem(vm);
    else syntax_error(vm, c.errtype ? c.errtype : "SyntaxError", c.errmsg, name, c.errpos.line,
                      c.errpos.col, c.errpos.end_col, shown, shown_len);
done:
    compiler_free(&c);
    return code;
}

CodeObj *compile_module(VM *vm, const char *src, size_t len, const char *name, int interactive) {
    return compile_tree(vm, src, len, src, len, name, interactive, 0);
}

CodeObj *compile_module_shown(VM *vm, const char *src, size_t len, const char *shown,
                              size_t shown_len, const char *name, int interactive) {
    return compile_tree(vm, src, len, shown, shown_len, name, interactive, 0);
}

CodeObj *compile_eval(VM *vm, const char *src, size_t len, const char *name) {
    return compile_tree(vm, src, len, src, len, name, 0, 1);
}
