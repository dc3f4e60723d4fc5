/* vm.h: the interpreter state, bytecode and the virtual machine's entry points.
 * One VM per ab_runtime; nothing here is global. */
#ifndef VM_H
#define VM_H

#include <signal.h>

#include "abacus.h"
#include "ast.h"
#include "value.h"

/* The exception classes every module may raise. */
#define EXC_CLASSES(X)                                                                         \
    X(BaseException, NULL) X(Exception, BaseException) X(KeyboardInterrupt, BaseException)     \
    X(SystemExit, BaseException) X(GeneratorExit, BaseException)                               \
    X(ArithmeticError, Exception) X(ZeroDivisionError, ArithmeticError)                        \
    X(OverflowError, ArithmeticError) X(FloatingPointError, ArithmeticError)                   \
    X(AssertionError, Exception) X(AttributeError, Exception) X(ImportError, Exception)        \
    X(ModuleNotFoundError, ImportError) X(LookupError, Exception) X(IndexError, LookupError)   \
    X(KeyError, LookupError) X(MemoryError, Exception) X(NameError, Exception)                 \
    X(UnboundLocalError, NameError) X(RuntimeError, Exception)                                 \
    X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError)                       \
    X(StopIteration, Exception) X(SyntaxError, Exception) X(IndentationError, SyntaxError)     \
    X(TabError, IndentationError) X(TypeError, Exception) X(ValueError, Exception)             \
    X(UnicodeError, ValueError) X(OSError, Exception) X(LinAlgError, Exception)               \
    X(SQLError, Exception) X(Warning, Exception) X(RuntimeWarning, Warning)                    \
    X(UserWarning, Warning) X(DeprecationWarning, Warning)

typedef struct ExcTable {
#define EXC_FIELD(name, base) TypeObj *name;
    EXC_CLASSES(EXC_FIELD)
#undef EXC_FIELD
} ExcTable;

/* Bytecode: 32-bit words, 8-bit opcode and 24-bit argument. */
#define OPCODES(X)                                                                             \
    X(NOP) X(POP) X(DUP) X(DUP2) X(ROT2) X(ROT3) X(ROT4)                                       \
    X(LOAD_CONST) X(LOAD_NONE) X(LOAD_SMALLINT)                                                \
    X(LOAD_FAST) X(STORE_FAST) X(DEL_FAST) X(LOAD_DEREF) X(STORE_DEREF) X(DEL_DEREF)           \
    X(LOAD_CLOSURE) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DEL_GLOBAL) X(LOAD_NAME_CLASS)            \
    X(LOAD_ATTR) X(STORE_ATTR) X(DEL_ATTR) X(LOAD_METHOD) X(CALL_METHOD)                       \
    X(SUBSCR) X(STORE_SUBSCR) X(DEL_SUBSCR) X(BUILD_SLICE)                                     \
    X(BINARY) X(INPLACE) X(UNARY) X(COMPARE) X(IS_OP) X(IN_OP) X(NOT_OP)                                \
    X(JUMP) X(JUMP_BACK) X(JUMP_IF_FALSE) X(JUMP_IF_TRUE) X(JUMP_IF_FALSE_OR_POP)              \
    X(JUMP_IF_TRUE_OR_POP) X(GET_ITER) X(FOR_ITER) X(FOR_RANGE)                                \
    X(BUILD_LIST) X(BUILD_TUPLE) X(BUILD_SET) X(BUILD_MAP) X(BUILD_STRING)                     \
    X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE) X(DICT_UPDATE)           \
    X(LIST_TO_TUPLE) X(UNPACK) X(UNPACK_EX) X(FORMAT)                                          \
    X(CALL) X(CALL_KW) X(CALL_EX) X(MAKE_FUNCTION) X(RETURN) X(YIELD) X(YIELD_FROM)            \
    X(SETUP_TRY) X(POP_BLOCK) X(POP_EXCEPT) X(RERAISE) X(RAISE) X(EXC_MATCH)                   \
    X(IMPORT) X(IMPORT_FROM) X(IMPORT_STAR) X(PRINT_EXPR) X(ASSERT_FAIL)                       \
    X(LOAD_BUILD_CLASS) X(GEN_START) X(FUSE)

#define OP_ENUM(name) OP_##name,
typedef enum Opcode { OPCODES(OP_ENUM) OP__COUNT } Opcode;
#undef OP_ENUM

#define INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define INSTR_OP(w) ((w) & 0xff)
#define INSTR_ARG(w) ((w) >> 8)

/* Source of a cell or file, shared by the code objects compiled from it (for tracebacks). */
typedef struct Source {
    int rc;
    char *name; /* "Cell In[3]", "prog.py", "<string>" */
    char *text;
    size_t len;
} Source;

typedef struct Pos {
    int line, col, end_line, end_col;
} Pos;

enum { CO_VARARGS = 1, CO_VARKW = 2, CO_GENERATOR = 4, CO_MODULE = 8, CO_CELL_RESULT = 16 };

typedef struct CodeObj {
    Obj h;
    uint32_t *code;
    Pos *pos; /* one per instruction */
    int ncode;
    Value *consts;
    int nconsts;
    StrObj **names; /* attribute and global names */
    int nnames;
    StrObj **varnames; /* locals: parameters first */
    int nlocals, nparams, nposonly, nkwonly;
    StrObj **cellnames; /* locals captured by inner functions */
    int ncells;
    StrObj **freenames; /* captured from enclosing functions */
    int nfree;
    int *cell_param; /* for each cell: index of the parameter it comes from, or -1 */
    int flags;
    int stacksize;
    StrObj *name, *qualname;
    Value doc;
    Source *src;
    int firstline;
    struct GlobalCache *gcache; /* per name: the last LOAD_GLOBAL lookup (NULL until used) */
} CodeObj;

/* Where a global was found: valid while neither dict gained or lost keys. */
typedef struct GlobalCache {
    const DictObj *globals;
    uint64_t gver, bver;
    int32_t ix;      /* entry index in globals, or in builtins when builtin is set */
    int32_t builtin;
} GlobalCache;

typedef struct FuncObj {
    Obj h;
    GcLink gc;
    CodeObj *code;
    DictObj *globals;
    TupleObj *defaults;    /* may be NULL */
    DictObj *kwdefaults;   /* may be NULL */
    TupleObj *closure;     /* cells, may be NULL */
    StrObj *name;
    Value doc;
} FuncObj;

typedef struct Block {
    int type;    /* BLOCK_TRY: jump to handler; BLOCK_HANDLER: an except body is running */
    int handler; /* instruction index */
    int sp;      /* stack depth to restore */
} Block;
enum { BLOCK_TRY, BLOCK_HANDLER };
#define MAX_BLOCKS 32

typedef struct Frame {
    CodeObj *code;
    FuncObj *func;
    DictObj *globals;
    Value *locals; /* nlocals + ncells + nfree (cells hold CellObj values) */
    Value *stack;
    int sp, ip, nblocks;
    Block blocks[MAX_BLOCKS];
    struct Frame *back;
    int nslots;
    int yielded;   /* run_frame returned because of YIELD */
    Value slots[]; /* locals then stack, allocated with the frame */
} Frame;

typedef struct GenObj {
    Obj h;
    GcLink gc;
    Frame *frame; /* NULL when finished */
    int running;
    StrObj *name;
    Value handling; /* exception being handled inside the generator */
} GenObj;

struct VM {
    volatile sig_atomic_t interrupt; /* set by ab_interrupt from signal handlers and threads */
    Value exc;                       /* pending exception (ExcObj) or T_NULL */
    Value handling;                  /* exception being handled (for bare raise, context) */
    TypeObj *types[K__COUNT];
    TypeObj *t_none, *t_bool, *t_int, *t_float, *t_object, *t_ellipsis, *t_notimpl;
    ExcTable E;
    Value memerr;                    /* preallocated MemoryError instance */
    DictObj *builtins;
    DictObj *globals;                /* the user namespace */
    DictObj *modules;                /* imported modules by name */
    DictObj *interned;
    ListObj *empty_tuple;
    Value ellipsis;
    Frame *frame;
    int depth, maxdepth;
    const ab_sink *sink;
    int colour;
    int exec_count;
    SBuf out;                        /* pending stdout text */
    /* module hooks: native modules register here (numpy, matplotlib...) */
    const struct ModuleDef *moddefs;
    int nmoddefs;
    void *np;                        /* the array runtime's state (runtime/array) */
    void *sql;                       /* the SQL layer's state */
    struct ab_runtime *rt;
    Value result;                    /* the cell's displayed value (PRINT_EXPR) */
    Frame *free_frames;              /* frames kept for reuse */
    int nfree_frames;
    unsigned ticks;                  /* counts iterator steps between interrupt checks */
    GcLink gc_head;                  /* every tracked container (gc.c) */
    size_t gc_tracked, gc_allocs;
    int reraise;                     /* the pending exception was re-raised: no new tb entry */
#define MAX_MAGIC_TABLES 8
    const struct MagicDef *magic_tables[MAX_MAGIC_TABLES]; /* %magics, see magic.h */
    int nmagic_tables;
    Obj *repr_stack[64];             /* containers whose repr is being built ([...]) */
    int nrepr;
};

/* A module implemented in C: init fills the module's dict. */
typedef struct ModuleDef {
    const char *name;
    int (*init)(VM *vm, ModuleObj *m); /* 0 or -1 (raised) */
} ModuleDef;

/* ---- vm.c ---- */
VM *vm_new(void);
void vm_free(VM *vm);
/* Runs a module-level code object in globals. Returns the result (None) or ERRV. */
Value vm_run_code(VM *vm, CodeObj *code, DictObj *globals);
Value vm_call_function(VM *vm, FuncObj *f, int argc, const Value *argv, const KwArgs *kw);
Value gen_send(VM *vm, GenObj *g, Value v); /* T_NULL: exhausted */
int vm_check_interrupt(VM *vm);             /* -1 with KeyboardInterrupt raised */
/* Appends a traceback entry for the pending exception. */
void vm_add_traceback(VM *vm, CodeObj *code, const Pos *pos);
Value vm_take_exc(VM *vm); /* the pending exception, cleared (new reference) */
/* Writes to the sink: stdout / stderr. */
void vm_write(VM *vm, const char *stream, const char *s, size_t n);
void vm_flush(VM *vm);
/* Makes an exception instance of cls with message msg (may be NULL for no args). */
Value exc_new(VM *vm, TypeObj *cls, Value args);
int exc_matches(VM *vm, Value exc, Value spec); /* 1/0/-1 */

/* ---- gc.c: the cycle collector ---- */
/* Links a new container into the collector's list (o must carry a GcLink after Obj). */
void gc_track(VM *vm, Obj *o);
void gc_untrack(VM *vm, Obj *o);
int gc_tracked_kind(int k);
/* Frees every unreachable cycle; returns how many objects went. */
size_t gc_collect(VM *vm);
/* Collects when enough containers were allocated since the last time. */
void gc_maybe_collect(VM *vm);

/* ---- compile.c ---- */
/* Compiles a module. Returns the code object or NULL with a SyntaxError pending. interactive:
 * the last expression statement is stored to the result slot (PRINT_EXPR). */
CodeObj *compile_module(VM *vm, const char *src, size_t len, const char *name, int interactive);
CodeObj *compile_eval(VM *vm, const char *src, size_t len, const char *name);
/* compile_module for a cell rewritten line for line (magics): tracebacks show `shown`. */
CodeObj *compile_module_shown(VM *vm, const char *src, size_t len, const char *shown,
                              size_t shown_len, const char *name, int interactive);

/* ---- builtins.c ---- */
int builtins_init(VM *vm);
/* A new built-in function object for def (self T_NULL) or a method bound to self. */
Value builtin_new(VM *vm, const BuiltinDef *def, Value self, const char *owner);
/* Registers methods on a type: defs end with a {NULL} row. */
int type_add_methods(VM *vm, TypeObj *t, const BuiltinDef *defs);
TypeObj *type_new(VM *vm, const char *name, TypeObj *base, ObjKind kind);
ModuleObj *module_new(VM *vm, const char *name);
int module_add(VM *vm, ModuleObj *m, const char *name, Value v); /* increfs v */
int module_add_funcs(VM *vm, ModuleObj *m, const BuiltinDef *defs);
Value vm_import(VM *vm, const char *name); /* module or ERRV */

/* ---- methods: per-type method tables (strmethods.c, listmethods.c ...) ---- */
int str_methods_init(VM *vm);
int container_methods_init(VM *vm);
int math_module_init(VM *vm);
int number_methods_init(VM *vm);
int gen_methods_init(VM *vm);
/* runtime/array: the numpy module (np_module_init fills it). */
int np_module_init(VM *vm, ModuleObj *m);
void np_free(VM *vm); /* safe when numpy was never imported */

#endif
