/* strmethods.h: the methods of str (registered by str_methods_init, declared in vm.h), the
 * `fmt % args` operator, and the argument-checking helpers shared by the built-in method
 * tables (strmethods.c, containers.c, mathmod.c) so that their TypeErrors read like CPython's. */
#ifndef STRMETHODS_H
#define STRMETHODS_H

#include "abacus.h" /* value.h mentions struct ab_bundle */
#include "value.h"

/* format(v, spec) as the built-in format() does it: returns a new str or ERRV. Implemented in
 * builtins.c (it dispatches on the type of v to the number formatter or __format__). */
extern Value obj_format(VM *vm, Value v, StrObj *spec);

/* fmt % args: args is a tuple (several values), a mapping (for %(name)s) or one value.
 * Returns a new str or ERRV. */
Value str_percent(VM *vm, StrObj *fmt, Value args);

/* How a built-in method reports a wrong number of arguments; the wording differs between
 * CPython's calling conventions and users see it. */
typedef enum MethArgs {
    MA_NOARGS, /* "str.upper() takes no arguments (1 given)" */
    MA_O,      /* "str.join() takes exactly one argument (0 given)" */
    MA_CLINIC, /* "center expected at least 1 argument, got 0" */
    MA_OLD     /* "find() takes at least 1 argument (0 given)" */
} MethArgs;

/* Checks argc (not counting self) against min..max and that kw is empty. tname is the type
 * ("str") used in some messages. Returns 0, or -1 with TypeError raised. */
int meth_check(VM *vm, MethArgs style, const char *tname, const char *name, int argc, int min,
               int max, const KwArgs *kw);

/* Binds positional argv[0..argc) and keywords to the nnames parameters names[] (all of them
 * accepted by keyword, the first npos also by position). out[] receives borrowed values,
 * T_NULL for the absent. Returns 0, or -1 with TypeError raised ("'x' is an invalid keyword
 * argument for split()"). */
int meth_bind(VM *vm, const char *name, int argc, const Value *argv, const KwArgs *kw,
              const char *const *names, int nnames, int npos, Value *out);

/* v as a C index (int, bool, or an object with __index__): TypeError "'float' object cannot be
 * interpreted as an integer", OverflowError for ints beyond int64. 0 or -1 (raised). */
int meth_ssize(VM *vm, Value v, int64_t *out);

/* Parses s as complex() does (CPython's complex_subtype_from_string: Unicode spaces and
 * decimal digits accepted, underscores between digits). Returns 0 with *re, *im set; -1 for
 * "complex() arg is a malformed string"; -2 for a misplaced underscore ("could not convert
 * string to complex: ..."); -3 when memory ran out. Raises nothing. */
int str_to_complex(const StrObj *s, double *re, double *im);

/* 1 when str.isprintable() holds for code point c (unassigned code points are not printable),
 * from the generated Unicode tables; repr() should escape exactly the others. */
int str_cp_printable(uint32_t c);

/* Raises KeyError(key) (str(e) is repr(key), as in CPython). Returns ERRV. */
Value meth_key_error(VM *vm, Value key);

#endif
