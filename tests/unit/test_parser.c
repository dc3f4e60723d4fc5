/* test_parser.c: cmocka tests for runtime/parse.c and ast.c: trees (through ast_dump),
 * node positions and SyntaxErrors, with expectations taken from CPython 3.11's ast module. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

typedef struct DumpCase {
    const char *src, *want;
} DumpCase;

typedef struct PosCase {
    const char *src, *want; /* every positioned node's span, sorted, as CPython reports */
} PosCase;

typedef struct ErrCase {
    const char *src, *type, *msg;
    int line, col;
} ErrCase;

static const DumpCase dump_cases[] = {
    {"x = -2**2 + f(a, *b, k=1, **m)[1:2, ::-1, None, ...]",
     "(MODULE [(ASSIGN [(NAME x)] (BINOP + (UNARY - (BINOP ** (INT 2) (INT 2))) (SUBSCRIPT (CALL (NAME f) [(NAME a) (STARRED (NAME b))] [(KEYWORD k (INT 1)) (KEYWORD _ (NAME m))]) (TUPLE [(SLICE (INT 1) (INT 2) _) (SLICE _ _ (UNARY - (INT 1))) (NONE) (ELLIPSIS)]))))])"},
    {"2**-1",
     "(MODULE [(EXPR_STMT (BINOP ** (INT 2) (UNARY - (INT 1))))])"},
    {"-x**-y**z",
     "(MODULE [(EXPR_STMT (UNARY - (BINOP ** (NAME x) (UNARY - (BINOP ** (NAME y) (NAME z))))))])"},
    {"a or b and not c",
     "(MODULE [(EXPR_STMT (BOOLOP or [(NAME a) (BOOLOP and [(NAME b) (UNARY not (NAME c))])]))])"},
    {"not a == b",
     "(MODULE [(EXPR_STMT (UNARY not (COMPARE (NAME a) [== (NAME b)])))])"},
    {"a < b not in c is not d",
     "(MODULE [(EXPR_STMT (COMPARE (NAME a) [< (NAME b) not-in (NAME c) is-not (NAME d)]))])"},
    {"~x|y^z&w<<1>>2+3-4*5/6//7%8@9",
     "(MODULE [(EXPR_STMT (BINOP | (UNARY ~ (NAME x)) (BINOP ^ (NAME y) (BINOP & (NAME z) (BINOP >> (BINOP << (NAME w) (INT 1)) (BINOP - (BINOP + (INT 2) (INT 3)) (BINOP @ (BINOP % (BINOP // (BINOP / (BINOP * (INT 4) (INT 5)) (INT 6)) (INT 7)) (INT 8)) (INT 9))))))))])"},
    {"a if b else c if d else e",
     "(MODULE [(EXPR_STMT (IFEXP (NAME b) (NAME a) (IFEXP (NAME d) (NAME c) (NAME e))))])"},
    {"lambda x, *y, z=1, **k: (yield)",
     "(MODULE [(EXPR_STMT (LAMBDA (ARGUMENTS 0 [(ARG x _ _)] (ARG y _ _) [(ARG z (INT 1) _)] (ARG k _ _)) (YIELD _)))])"},
    {"lambda: 0",
     "(MODULE [(EXPR_STMT (LAMBDA (ARGUMENTS 0 [] _ [] _) (INT 0)))])"},
    {"(y := 3)",
     "(MODULE [(EXPR_STMT (NAMEDEXPR (NAME y) (INT 3)))])"},
    {"x = yield",
     "(MODULE [(ASSIGN [(NAME x)] (YIELD _))])"},
    {"a = b = c, d = 1, 2",
     "(MODULE [(ASSIGN [(NAME a) (NAME b) (TUPLE [(NAME c) (NAME d)])] (TUPLE [(INT 1) (INT 2)]))])"},
    {"x[1:], x[:2], x[::], x[a, b:c]",
     "(MODULE [(EXPR_STMT (TUPLE [(SUBSCRIPT (NAME x) (SLICE (INT 1) _ _)) (SUBSCRIPT (NAME x) (SLICE _ (INT 2) _)) (SUBSCRIPT (NAME x) (SLICE _ _ _)) (SUBSCRIPT (NAME x) (TUPLE [(NAME a) (SLICE (NAME b) (NAME c) _)]))]))])"},
    {"{1: 2, **m}, {1, *s}, {k: v for k, v in d}, {a for a in b}",
     "(MODULE [(EXPR_STMT (TUPLE [(DICT [(INT 1) _] [(INT 2) (NAME m)]) (SET [(INT 1) (STARRED (NAME s))]) (DICTCOMP (NAME k) (NAME v) [(COMPREHENSION (TUPLE [(NAME k) (NAME v)]) (NAME d) [])]) (SETCOMP (NAME a) [(COMPREHENSION (NAME a) (NAME b) [])])]))])"},
    {"(x for x in y), (), (1,), [], f(x for x in y)",
     "(MODULE [(EXPR_STMT (TUPLE [(GENEXP (NAME x) [(COMPREHENSION (NAME x) (NAME y) [])]) (TUPLE []) (TUPLE [(INT 1)]) (LIST []) (CALL (NAME f) [(GENEXP (NAME x) [(COMPREHENSION (NAME x) (NAME y) [])])] [])]))])"},
    {"[x*y for x in range(3) if x if y for y in z]",
     "(MODULE [(EXPR_STMT (LISTCOMP (BINOP * (NAME x) (NAME y)) [(COMPREHENSION (NAME x) (CALL (NAME range) [(INT 3)] []) [(NAME x) (NAME y)]) (COMPREHENSION (NAME y) (NAME z) [])]))])"},
    {"f(a)(b)[c].d.e",
     "(MODULE [(EXPR_STMT (ATTR (ATTR (SUBSCRIPT (CALL (CALL (NAME f) [(NAME a)] []) [(NAME b)] []) (NAME c)) d) e))])"},
    {"print(f\"ab{x+1}c{y!r:>{w}}\" \"z\")",
     "(MODULE [(EXPR_STMT (CALL (NAME print) [(FSTRING [(STR \"ab\") (FORMATTED (BINOP + (NAME x) (INT 1)) _ _) (STR \"c\") (FORMATTED (NAME y) !r (FSTRING [(STR \">\") (FORMATTED (NAME w) _ _)])) (STR \"z\")])] []))])"},
    {"f\"{x=}\" f\"{x=:>3}\" f\"{x = !s}\"",
     "(MODULE [(EXPR_STMT (FSTRING [(STR \"x=\") (FORMATTED (NAME x) !r _) (STR \"x=\") (FORMATTED (NAME x) _ (FSTRING [(STR \">3\")])) (STR \"x = \") (FORMATTED (NAME x) !s _)]))])"},
    {"f\"{{}}{a!a}\"",
     "(MODULE [(EXPR_STMT (FSTRING [(STR \"{}\") (FORMATTED (NAME a) !a _)]))])"},
    {"f\"{x:{y}.{z}f}\"",
     "(MODULE [(EXPR_STMT (FSTRING [(FORMATTED (NAME x) _ (FSTRING [(FORMATTED (NAME y) _ _) (STR \".\") (FORMATTED (NAME z) _ _) (STR \"f\")]))]))])"},
    {"f'{a[\"k\"]}' rf'\\n{x}'",
     "(MODULE [(EXPR_STMT (FSTRING [(FORMATTED (SUBSCRIPT (NAME a) (STR \"k\")) _ _) (STR \"\\\\n\") (FORMATTED (NAME x) _ _)]))])"},
    {"\"a\" \"b\" r\"\\n\"",
     "(MODULE [(EXPR_STMT (STR \"ab\\\\n\"))])"},
    {"0x1f_ff, 0o17, 0b1_0, 1_000, 1e-5, .5, 5., 2j, 3.5e+3J",
     "(MODULE [(EXPR_STMT (TUPLE [(INT 0x1fff) (INT 0o17) (INT 0b10) (INT 1000) (FLOAT 1.0000000000000001e-05) (FLOAT 0.5) (FLOAT 5) (IMAG 2) (IMAG 3500)]))])"},
    {"True, False, None, ...",
     "(MODULE [(EXPR_STMT (TUPLE [(TRUE) (FALSE) (NONE) (ELLIPSIS)]))])"},
    {"x = *a, *b",
     "(MODULE [(ASSIGN [(NAME x)] (TUPLE [(STARRED (NAME a)) (STARRED (NAME b))]))])"},
    {"[*a, b] = c",
     "(MODULE [(ASSIGN [(LIST [(STARRED (NAME a)) (NAME b)])] (NAME c))])"},
    {"def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return a",
     "(MODULE [(FUNCDEF f (ARGUMENTS 1 [(ARG a _ _) (ARG b (INT 1) _)] (ARG c _ _) [(ARG d _ _) (ARG e (INT 2) _)] (ARG g _ _)) [(RETURN (NAME a))] [] (NAME int))])"},
    {"def f(*, a: int = 1, **kw): pass",
     "(MODULE [(FUNCDEF f (ARGUMENTS 0 [] _ [(ARG a (INT 1) (NAME int))] (ARG kw _ _)) [(PASS)] [] _)])"},
    {"@dec\n@d2(1)\nclass A(B, metaclass=M): pass",
     "(MODULE [(CLASSDEF A [(NAME B)] [(PASS)] [(KEYWORD metaclass (NAME M))] [(NAME dec) (CALL (NAME d2) [(INT 1)] [])])])"},
    {"try:\n  pass\nexcept E as e:\n  raise X from e\nexcept (A, B):\n  raise\nexcept:\n  pass\nelse:\n  pass\nfinally:\n  del a, b[1]",
     "(MODULE [(TRY [(PASS)] [(EXCEPT (NAME E) e [(RAISE (NAME X) (NAME e))]) (EXCEPT (TUPLE [(NAME A) (NAME B)]) _ [(RAISE _ _)]) (EXCEPT _ _ [(PASS)])] [(PASS)] [(DEL [(NAME a) (SUBSCRIPT (NAME b) (INT 1))])])])"},
    {"if a:\n  pass\nelif b:\n  pass\nelse:\n  x",
     "(MODULE [(IF (NAME a) [(PASS)] [(IF (NAME b) [(PASS)] [(EXPR_STMT (NAME x))])])])"},
    {"while 1:\n  break\nelse:\n  continue",
     "(MODULE [(WHILE (INT 1) [(BREAK)] [(CONTINUE)])])"},
    {"for i, *j in k: yield from q",
     "(MODULE [(FOR (TUPLE [(NAME i) (STARRED (NAME j))]) (NAME k) [(EXPR_STMT (YIELD_FROM (NAME q)))] [])])"},
    {"with open(f) as g, h: pass",
     "(MODULE [(WITH [(WITHITEM (CALL (NAME open) [(NAME f)] []) (NAME g)) (WITHITEM (NAME h) _)] [(PASS)])])"},
    {"x @= 1; y **= 2; z //= 3; w >>= 1; v <<= 1; u %= 2",
     "(MODULE [(AUGASSIGN (NAME x) @ (INT 1)) (AUGASSIGN (NAME y) ** (INT 2)) (AUGASSIGN (NAME z) // (INT 3)) (AUGASSIGN (NAME w) >> (INT 1)) (AUGASSIGN (NAME v) << (INT 1)) (AUGASSIGN (NAME u) % (INT 2))])"},
    {"x: int = 5; y: list; a.b: int",
     "(MODULE [(ANNASSIGN (NAME x) (NAME int) (INT 5)) (ANNASSIGN (NAME y) (NAME list) _) (ANNASSIGN (ATTR (NAME a) b) (NAME int) _)])"},
    {"from ..a.b import (c as d, e,); import numpy as np, os.path; from . import x; from m import *",
     "(MODULE [(IMPORTFROM a.b 2 [(ALIAS c d) (ALIAS e _)]) (IMPORT [(ALIAS numpy np) (ALIAS os.path _)]) (IMPORTFROM _ 1 [(ALIAS x _)]) (IMPORTFROM m 0 [(ALIAS * _)])])"},
    {"global x, y; nonlocal z",
     "(MODULE [(GLOBAL [(NAME x) (NAME y)]) (NONLOCAL [(NAME z)])])"},
    {"assert x, \"m\"; assert y",
     "(MODULE [(ASSERT (NAME x) (STR \"m\")) (ASSERT (NAME y) _)])"},
    {"return; return 1, 2",
     "(MODULE [(RETURN _) (RETURN (TUPLE [(INT 1) (INT 2)]))])"},
    {"del (a), [b]",
     "(MODULE [(DEL [(NAME a) (LIST [(NAME b)])])])"},
    {"f(*(a), **(b), c=1)",
     "(MODULE [(EXPR_STMT (CALL (NAME f) [(STARRED (NAME a))] [(KEYWORD _ (NAME b)) (KEYWORD c (INT 1))]))])"},
    {"x = [i for i in range(3)]; y = yield a, b",
     "(MODULE [(ASSIGN [(NAME x)] (LISTCOMP (NAME i) [(COMPREHENSION (NAME i) (CALL (NAME range) [(INT 3)] []) [])])) (ASSIGN [(NAME y)] (YIELD (TUPLE [(NAME a) (NAME b)])))])"},
    {"if x: a; b",
     "(MODULE [(IF (NAME x) [(EXPR_STMT (NAME a)) (EXPR_STMT (NAME b))] [])])"},
    {"a[...] = b[None]",
     "(MODULE [(ASSIGN [(SUBSCRIPT (NAME a) (ELLIPSIS))] (SUBSCRIPT (NAME b) (NONE)))])"},
    {"print((yield))",
     "(MODULE [(EXPR_STMT (CALL (NAME print) [(YIELD _)] []))])"},
};

static const PosCase pos_cases[] = {
    {"x = -2**2 + f(a, *b, k=1, **m)[1:2, ::-1, None, ...]",
     "1:0-1:1 1:0-1:52 1:4-1:9 1:4-1:52 1:5-1:6 1:5-1:9 1:8-1:9 1:12-1:13 1:12-1:30 1:12-1:52 1:14-1:15 1:17-1:19 1:18-1:19 1:21-1:24 1:23-1:24 1:26-1:29 1:28-1:29 1:31-1:32 1:31-1:34 1:31-1:51 1:33-1:34 1:36-1:40 1:38-1:40 1:39-1:40 1:42-1:46 1:48-1:51"},
    {"def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    \"\"\"doc\"\"\"\n    return [x*y for x in range(3) if x for y in z]\nclass A(B, metaclass=M):\n  pass",
     "1:0-3:50 1:6-1:7 1:12-1:13 1:14-1:15 1:18-1:19 1:21-1:22 1:24-1:25 1:26-1:27 1:31-1:32 1:37-1:40 2:4-2:13 2:4-2:13 3:4-3:50 3:11-3:50 3:12-3:13 3:12-3:15 3:14-3:15 3:20-3:21 3:25-3:30 3:25-3:33 3:31-3:32 3:37-3:38 3:43-3:44 3:48-3:49 4:0-5:6 4:8-4:9 4:11-4:22 4:21-4:22 5:2-5:6"},
    {"print(f\"ab{x+1}c{y!r:>{w}}\" \"z\" f\"{x=}\" f\"{x=:>3}\" f\"{{}}\")",
     "1:0-1:5 1:0-1:59 1:0-1:59 1:6-1:27 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:6-1:58 1:11-1:12 1:11-1:14 1:13-1:14 1:17-1:18 1:23-1:24 1:35-1:36 1:40-1:50 1:40-1:50 1:43-1:44"},
    {"try:\n  pass\nexcept E as e:\n  raise X from e\nelse:\n  pass\nfinally:\n  del a, b[1]",
     "1:0-8:13 2:2-2:6 3:0-4:16 3:7-3:8 4:2-4:16 4:8-4:9 4:15-4:16 6:2-6:6 8:2-8:13 8:6-8:7 8:9-8:10 8:9-8:13 8:11-8:12"},
    {"a < b not in c is not d; not a == b",
     "1:0-1:1 1:0-1:23 1:0-1:23 1:4-1:5 1:13-1:14 1:22-1:23 1:25-1:35 1:25-1:35 1:29-1:30 1:29-1:35 1:34-1:35"},
    {"from ..a.b import (c as d, e,); import numpy as np, os.path; from . import x\nfrom m import *",
     "1:0-1:30 1:19-1:25 1:27-1:28 1:32-1:59 1:39-1:50 1:52-1:59 1:61-1:76 1:75-1:76 2:0-2:15 2:14-2:15"},
    {"{1: 2, **m}, {1, *s}, {k: v for k, v in d}, {a for a in b}, (x for x in y), (), (1,), [], f(x for x in y)",
     "1:0-1:11 1:0-1:105 1:0-1:105 1:1-1:2 1:4-1:5 1:9-1:10 1:13-1:20 1:14-1:15 1:17-1:19 1:18-1:19 1:22-1:42 1:23-1:24 1:26-1:27 1:32-1:33 1:32-1:36 1:35-1:36 1:40-1:41 1:44-1:58 1:45-1:46 1:51-1:52 1:56-1:57 1:60-1:74 1:61-1:62 1:67-1:68 1:72-1:73 1:76-1:78 1:80-1:84 1:81-1:82 1:86-1:88 1:90-1:91 1:90-1:105 1:91-1:105 1:92-1:93 1:98-1:99 1:103-1:104"},
    {"a if b else c if d else e; (y := 3); x = yield",
     "1:0-1:1 1:0-1:25 1:0-1:25 1:5-1:6 1:12-1:13 1:12-1:25 1:17-1:18 1:24-1:25 1:27-1:35 1:28-1:29 1:28-1:34 1:33-1:34 1:37-1:38 1:37-1:46 1:41-1:46"},
    {"a = b = c, d = 1, 2",
     "1:0-1:1 1:0-1:19 1:4-1:5 1:8-1:9 1:8-1:12 1:11-1:12 1:15-1:16 1:15-1:19 1:18-1:19"},
    {"x[1:], x[:2], x[::], x[a, b:c], x[1:2,]",
     "1:0-1:1 1:0-1:5 1:0-1:39 1:0-1:39 1:2-1:3 1:2-1:4 1:7-1:8 1:7-1:12 1:9-1:11 1:10-1:11 1:14-1:15 1:14-1:19 1:16-1:18 1:21-1:22 1:21-1:30 1:23-1:24 1:23-1:29 1:26-1:27 1:26-1:29 1:28-1:29 1:32-1:33 1:32-1:39 1:34-1:35 1:34-1:37 1:34-1:38 1:36-1:37"},
    {"if a:\n  pass\nelif b:\n  pass\nelse:\n  x\nwhile 1:\n  break\nelse:\n  continue",
     "1:0-6:3 1:3-1:4 2:2-2:6 3:0-6:3 3:5-3:6 4:2-4:6 6:2-6:3 6:2-6:3 7:0-10:10 7:6-7:7 8:2-8:7 10:2-10:10"},
    {"2**-1; -x**-y**z; a or b and not c; ~x|y^z&w<<1>>2+3-4*5/6//7%8@9",
     "1:0-1:1 1:0-1:5 1:0-1:5 1:3-1:5 1:4-1:5 1:7-1:16 1:7-1:16 1:8-1:9 1:8-1:16 1:11-1:16 1:12-1:13 1:12-1:16 1:15-1:16 1:18-1:19 1:18-1:34 1:18-1:34 1:23-1:24 1:23-1:34 1:29-1:34 1:33-1:34 1:36-1:38 1:36-1:65 1:36-1:65 1:37-1:38 1:39-1:40 1:39-1:65 1:41-1:42 1:41-1:65 1:43-1:44 1:43-1:47 1:43-1:65 1:46-1:47 1:49-1:50 1:49-1:52 1:49-1:65 1:51-1:52 1:53-1:54 1:53-1:56 1:53-1:58 1:53-1:61 1:53-1:63 1:53-1:65 1:55-1:56 1:57-1:58 1:60-1:61 1:62-1:63 1:64-1:65"},
    {"with open(f) as g, h: x @= 1; y **= 2; z //= 3; w >>= 1\n@dec\n@d2(1)\ndef f(): global x; nonlocal y\nassert x, \"m\"\nx: int = 5\nfor i, *j in k: yield from q",
     "1:0-1:55 1:5-1:9 1:5-1:12 1:10-1:11 1:16-1:17 1:19-1:20 1:22-1:23 1:22-1:28 1:27-1:28 1:30-1:31 1:30-1:37 1:36-1:37 1:39-1:40 1:39-1:46 1:45-1:46 1:48-1:49 1:48-1:55 1:54-1:55 2:1-2:4 3:1-3:3 3:1-3:6 3:4-3:5 4:0-4:29 4:9-4:17 4:19-4:29 5:0-5:13 5:7-5:8 5:10-5:13 6:0-6:1 6:0-6:10 6:3-6:6 6:9-6:10 7:0-7:28 7:4-7:5 7:4-7:9 7:7-7:9 7:8-7:9 7:13-7:14 7:16-7:28 7:16-7:28 7:27-7:28"},
    {"lambda x, *y, z=1, **k: (yield)",
     "1:0-1:31 1:0-1:31 1:7-1:8 1:11-1:12 1:14-1:15 1:16-1:17 1:21-1:22 1:25-1:30"},
    {"def g(*, a: int = 1, b: \"s\", **kw: dict):\n    x = (1,\n         2)\n    return x",
     "1:0-4:12 1:9-1:15 1:12-1:15 1:18-1:19 1:21-1:27 1:24-1:27 1:31-1:39 1:35-1:39 2:4-2:5 2:4-3:11 2:8-3:11 2:9-2:10 3:9-3:10 4:4-4:12 4:11-4:12"},
    {"1, 2,",
     "1:0-1:1 1:0-1:5 1:0-1:5 1:3-1:4"},
    {"\"a\" \"b\" 'c'",
     "1:0-1:11 1:0-1:11"},
    {"x = \"\"\"abc\ndef\"\"\" + f'''{a}\n{b}'''",
     "1:0-1:1 1:0-3:6 1:4-2:6 1:4-3:6 2:9-3:6 2:9-3:6 2:9-3:6 2:9-3:6 2:14-2:15 3:1-3:2"},
    {"f(a)(b)[c].d.e",
     "1:0-1:1 1:0-1:4 1:0-1:7 1:0-1:10 1:0-1:12 1:0-1:14 1:0-1:14 1:2-1:3 1:5-1:6 1:8-1:9"},
    {"for x in 1, 2: pass",
     "1:0-1:19 1:4-1:5 1:9-1:10 1:9-1:13 1:12-1:13 1:15-1:19"},
    {"[*a, *b] = c",
     "1:0-1:8 1:0-1:12 1:1-1:3 1:2-1:3 1:5-1:7 1:6-1:7 1:11-1:12"},
    {"x = [\n  1,\n  2,\n]",
     "1:0-1:1 1:0-4:1 1:4-4:1 2:2-2:3 3:2-3:3"},
    {"def f(a, b): return a + b, lambda: 0",
     "1:0-1:36 1:6-1:7 1:9-1:10 1:13-1:36 1:20-1:21 1:20-1:25 1:20-1:36 1:24-1:25 1:27-1:36 1:35-1:36"},
    {"raise",
     "1:0-1:5"},
    {"return",
     "1:0-1:6"},
    {"if x:\n    if y:\n        pass\n    else:\n        pass\nz = 1",
     "1:0-5:12 1:3-1:4 2:4-5:12 2:7-2:8 3:8-3:12 5:8-5:12 6:0-6:1 6:0-6:5 6:4-6:5"},
    {"a.b: int\nc[0]: str = 'x'",
     "1:0-1:1 1:0-1:3 1:0-1:8 1:5-1:8 2:0-2:1 2:0-2:4 2:0-2:15 2:2-2:3 2:6-2:9 2:12-2:15"},
    {"s = '\xc3""\xa9""' + x",
     "1:0-1:1 1:0-1:12 1:4-1:8 1:4-1:12 1:11-1:12"},
    {"t = ('\xc3""\xa9""', y)",
     "1:0-1:1 1:0-1:13 1:4-1:13 1:5-1:9 1:11-1:12"},
    {"(a) + b * (c)",
     "1:0-1:13 1:0-1:13 1:1-1:2 1:6-1:7 1:6-1:13 1:11-1:12"},
    {"(a).b[(c)](d)",
     "1:0-1:5 1:0-1:10 1:0-1:13 1:0-1:13 1:1-1:2 1:7-1:8 1:11-1:12"},
    {"(a) = (b) = 1",
     "1:0-1:13 1:1-1:2 1:7-1:8 1:12-1:13"},
    {"(x) += 1",
     "1:0-1:8 1:1-1:2 1:7-1:8"},
    {"(y): int = 3",
     "1:0-1:12 1:1-1:2 1:5-1:8 1:11-1:12"},
    {"not (a) < (b) and (c) or (d)",
     "1:0-1:13 1:0-1:21 1:0-1:28 1:0-1:28 1:4-1:13 1:5-1:6 1:11-1:12 1:19-1:20 1:26-1:27"},
    {"(a) if (b) else (c)",
     "1:0-1:19 1:0-1:19 1:1-1:2 1:8-1:9 1:17-1:18"},
    {"f((a) for b in c)",
     "1:0-1:1 1:0-1:17 1:0-1:17 1:1-1:17 1:3-1:4 1:10-1:11 1:15-1:16"},
    {"for (a), b in c: pass",
     "1:0-1:21 1:4-1:10 1:5-1:6 1:9-1:10 1:14-1:15 1:17-1:21"},
    {"[(a) for (b), c in d]",
     "1:0-1:21 1:0-1:21 1:2-1:3 1:9-1:15 1:10-1:11 1:14-1:15 1:19-1:20"},
    {"x[(a):b, (c)]",
     "1:0-1:1 1:0-1:13 1:0-1:13 1:2-1:7 1:2-1:12 1:3-1:4 1:6-1:7 1:10-1:11"},
    {"(a), b = c",
     "1:0-1:6 1:0-1:10 1:1-1:2 1:5-1:6 1:9-1:10"},
    {"print(f\"{a!r:{b}>{c}}\", f\"{x:{y}}\")",
     "1:0-1:5 1:0-1:35 1:0-1:35 1:6-1:22 1:6-1:22 1:6-1:22 1:6-1:22 1:6-1:22 1:6-1:22 1:9-1:10 1:14-1:15 1:18-1:19 1:24-1:34 1:24-1:34 1:24-1:34 1:24-1:34 1:27-1:28 1:30-1:31"},
    {"def f(\n    a,\n    b=(1),\n):\n    pass",
     "1:0-5:8 2:4-2:5 3:4-3:5 3:7-3:8 5:4-5:8"},
    {"class C:\n    def m(self):\n        return self.x",
     "1:0-3:21 2:4-3:21 2:10-2:14 3:8-3:21 3:15-3:19 3:15-3:21"},
    {"x = {\n  'a': 1,\n  **b\n}",
     "1:0-1:1 1:0-4:1 1:4-4:1 2:2-2:5 2:7-2:8 3:4-3:5"},
    {"while (n := n - 1) > 0: pass",
     "1:0-1:28 1:6-1:22 1:7-1:8 1:7-1:17 1:12-1:13 1:12-1:17 1:16-1:17 1:21-1:22 1:24-1:28"},
    {"(-1) ** 2",
     "1:0-1:9 1:0-1:9 1:1-1:3 1:2-1:3 1:8-1:9"},
    {"-(1) ** 2",
     "1:0-1:9 1:0-1:9 1:1-1:9 1:2-1:3 1:8-1:9"},
    {"f(*(a), **(b))",
     "1:0-1:1 1:0-1:14 1:0-1:14 1:2-1:6 1:4-1:5 1:8-1:13 1:11-1:12"},
    {"a[...] = b[None]",
     "1:0-1:1 1:0-1:6 1:0-1:16 1:2-1:5 1:9-1:10 1:9-1:16 1:11-1:15"},
    {"if x:\n\ty = 1",
     "1:0-2:6 1:3-1:4 2:1-2:2 2:1-2:6 2:5-2:6"},
    {"x = 1 \\\n  + 2",
     "1:0-1:1 1:0-2:5 1:4-1:5 1:4-2:5 2:4-2:5"},
    {"import a.b.c as d",
     "1:0-1:17 1:7-1:17"},
    {"del (a), [b]\n",
     "1:0-1:12 1:5-1:6 1:9-1:12 1:10-1:11"},
};

static const ErrCase err_cases[] = {
    {"if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 5},
    {"if x:\ny", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 0},
    {"def f():\n  pass\n x", "IndentationError", "unindent does not match any outer indentation level", 3, 2},
    {" x", "IndentationError", "unexpected indent", 1, 0},
    {"x\n  y", "IndentationError", "unexpected indent", 2, 1},
    {"if x\n  y", "SyntaxError", "expected ':'", 1, 4},
    {"1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0},
    {"f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 0},
    {"for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 4},
    {"(a, 1) = x", "SyntaxError", "cannot assign to literal", 1, 4},
    {"1 += 1", "SyntaxError", "'literal' is an illegal expression for augmented assignment", 1, 0},
    {"del 1", "SyntaxError", "cannot delete literal", 1, 4},
    {"f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"[a b]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 1},
    {"a b", "SyntaxError", "invalid syntax", 1, 2},
    {"x = 1 +", "SyntaxError", "invalid syntax", 1, 7},
    {"x = 1 + \\", "SyntaxError", "unexpected EOF while parsing", 1, 9},
    {"foo(", "SyntaxError", "'(' was never closed", 1, 3},
    {"x = )", "SyntaxError", "unmatched ')'", 1, 4},
    {"x = (]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 5},
    {"x = (\n]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 0},
    {"f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 2},
    {"f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 8},
    {"f(**a, b)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 8},
    {"try:\n  x", "SyntaxError", "expected 'except' or 'finally' block", 2, 3},
    {"x = 1 if 2", "SyntaxError", "expected 'else' after 'if' expression", 1, 4},
    {"a = 1 = 2", "SyntaxError", "cannot assign to literal", 1, 4},
    {"[x] += 1", "SyntaxError", "'list' is an illegal expression for augmented assignment", 1, 0},
    {"x := 1", "SyntaxError", "invalid syntax", 1, 2},
    {"else: pass", "SyntaxError", "invalid syntax", 1, 0},
    {"\"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 0},
    {"x = 'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
    {"x='''abc", "SyntaxError", "unterminated triple-quoted string literal (detected at line 1)", 1, 2},
    {"f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 5},
    {"f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 8},
    {"f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 4},
    {"f\"{\"", "SyntaxError", "f-string: expecting '}'", 1, 4},
    {"x = 5 $ 3", "SyntaxError", "invalid syntax", 1, 6},
    {"01", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 0},
    {"1abc", "SyntaxError", "invalid decimal literal", 1, 0},
    {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 1},
    {"0b12", "SyntaxError", "invalid digit '2' in binary literal", 1, 3},
    {"0o9", "SyntaxError", "invalid digit '9' in octal literal", 1, 2},
    {"1__0", "SyntaxError", "invalid decimal literal", 1, 1},
    {"1_", "SyntaxError", "invalid decimal literal", 1, 1},
    {"while x:", "IndentationError", "expected an indented block after 'while' statement on line 1", 1, 8},
    {"for x in y:", "IndentationError", "expected an indented block after 'for' statement on line 1", 1, 11},
    {"def f():", "IndentationError", "expected an indented block after function definition on line 1", 1, 8},
    {"class A:", "IndentationError", "expected an indented block after class definition on line 1", 1, 8},
    {"with a:", "IndentationError", "expected an indented block after 'with' statement on line 1", 1, 7},
    {"try:\n    pass\nexcept:", "IndentationError", "expected an indented block after 'except' statement on line 3", 3, 7},
    {"if a:\n    pass\nelse:", "IndentationError", "expected an indented block after 'else' statement on line 3", 3, 5},
    {"if a:\n    pass\nelif b:", "IndentationError", "expected an indented block after 'elif' statement on line 3", 3, 7},
    {"try:\n    pass\nfinally:", "IndentationError", "expected an indented block after 'finally' statement on line 3", 3, 8},
    {"if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
    {"True = 1", "SyntaxError", "cannot assign to True", 1, 0},
    {"f(True=1)", "SyntaxError", "cannot assign to True", 1, 2},
    {"f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2},
    {"print \"x\"", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
    {"def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 11},
    {"def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 6},
    {"lambda: yield", "SyntaxError", "invalid syntax", 1, 8},
    {"x = [1, 2", "SyntaxError", "'[' was never closed", 1, 4},
    {"f(1,\n  2", "SyntaxError", "'(' was never closed", 1, 1},
    {"a = (1, 2))", "SyntaxError", "unmatched ')'", 1, 10},
    {"if x:\n    y\n  z", "IndentationError", "unindent does not match any outer indentation level", 3, 3},
    {"x = \"a\nb\"", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 4},
    {"x = 1 +* 2", "SyntaxError", "invalid syntax", 1, 7},
    {"import", "SyntaxError", "invalid syntax", 1, 6},
    {"from x import", "SyntaxError", "invalid syntax", 1, 13},
    {"x.1", "SyntaxError", "invalid syntax", 1, 1},
    {"def f(x):\nreturn x", "IndentationError", "expected an indented block after function definition on line 1", 2, 0},
    {"for x in range(3):\npass", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 0},
    {"x = 1; ; y = 2", "SyntaxError", "invalid syntax", 1, 7},
    {"[x for x in]", "SyntaxError", "invalid syntax", 1, 11},
    {"*a = b", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 0},
    {"(*a) = b", "SyntaxError", "cannot use starred expression here", 1, 1},
    {"x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 4},
    {"f(x=1, x)", "SyntaxError", "positional argument follows keyword argument", 1, 8},
    {"a +=", "SyntaxError", "invalid syntax", 1, 4},
    {"@", "SyntaxError", "invalid syntax", 1, 1},
    {"class", "SyntaxError", "invalid syntax", 1, 5},
    {"x = [i for i in range(3)", "SyntaxError", "'[' was never closed", 1, 4},
    {"if True:\n\tx = 1\n        y = 2\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 0},
};

static void test_dump(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof dump_cases / sizeof dump_cases[0]; i++) {
        Arena *a = ast_arena_new();
        ParseError err;
        const char *src = dump_cases[i].src;
        Node *m = parse_module(a, src, strlen(src), &err);
        if (!m) fail_msg("%s: %s", src, err.msg);
        char *d = ast_dump(m);
        if (strcmp(d, dump_cases[i].want) != 0)
            fail_msg("%s\n  want %s\n  got  %s", src, dump_cases[i].want, d);
        free(d);
        ast_arena_free(a);
    }
}

/* Positions of nodes CPython also positions (not arguments, comprehension, withitem, the
 * module, or the names of global/nonlocal, which CPython keeps as strings). */
typedef struct Spans {
    int v[512][4];
    int n;
} Spans;

static void collect(const Node *n, Spans *s) {
    if (!n) return;
    if (n->kind != N_ARGUMENTS && n->kind != N_COMPREHENSION && n->kind != N_WITHITEM &&
        n->kind != N_MODULE && s->n < 512) {
        int *v = s->v[s->n++];
        v[0] = n->line, v[1] = n->col, v[2] = n->end_line, v[3] = n->end_col;
    }
    if (n->kind == N_GLOBAL || n->kind == N_NONLOCAL) return;
    collect(n->a, s);
    collect(n->b, s);
    collect(n->c, s);
    const NodeList *ls[] = {&n->list, &n->list2, &n->list3, &n->list4};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < ls[k]->n; i++) collect(ls[k]->items[i], s);
}

static int cmp_span(const void *x, const void *y) {
    const int *a = x, *b = y;
    for (int i = 0; i < 4; i++)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

static void test_positions(void **state) {
    (void)state;
    static Spans s;
    char buf[8192];
    for (size_t i = 0; i < sizeof pos_cases / sizeof pos_cases[0]; i++) {
        Arena *a = ast_arena_new();
        ParseError err;
        const char *src = pos_cases[i].src;
        Node *m = parse_module(a, src, strlen(src), &err);
        if (!m) fail_msg("%s: %s", src, err.msg);
        s.n = 0;
        collect(m, &s);
        qsort(s.v, (size_t)s.n, sizeof s.v[0], cmp_span);
        size_t o = 0;
        buf[0] = '\0';
        for (int k = 0; k < s.n && o < sizeof buf - 64; k++)
            o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%d:%d-%d:%d", k ? " " : "",
                                  s.v[k][0], s.v[k][1], s.v[k][2], s.v[k][3]);
        if (strcmp(buf, pos_cases[i].want) != 0)
            fail_msg("%s\n  want %s\n  got  %s", src, pos_cases[i].want, buf);
        ast_arena_free(a);
    }
}

static void test_errors(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) {
        const ErrCase *c = &err_cases[i];
        Arena *a = ast_arena_new();
        ParseError err;
        Node *m = parse_module(a, c->src, strlen(c->src), &err);
        if (m) fail_msg("%s: parsed but should fail", c->src);
        if (strcmp(err.type, c->type) || strcmp(err.msg, c->msg) || err.line != c->line ||
            err.col != c->col)
            fail_msg("%s\n  want %s: %s (%d,%d)\n  got  %s: %s (%d,%d)", c->src, c->type,
                     c->msg, c->line, c->col, err.type, err.msg, err.line, err.col);
        ast_arena_free(a);
    }
}

/* 1 when src fails only because it ended too early. */
static int incomplete(const char *src) {
    Arena *a = ast_arena_new();
    ParseError err;
    Node *m = parse_module(a, src, strlen(src), &err);
    ast_arena_free(a);
    return m ? -1 : err.incomplete;
}

static void test_incomplete(void **state) {
    (void)state;
    static const char *const inc[] = {
        "foo(", "x = [1,\n2", "if x:", "if x:\n", "for i in y:\n", "def f():", "class A:",
        "while x:\n  if y:\n", "x = 1 + \\", "s = '''abc", "s = f\"\"\"{x}\n", "try:\n  x\n",
        "with a:\n", "d = {\n", "if x:\n  pass\nelse:\n",
    };
    static const char *const bad[] = {
        "x = 1 +", "a b", "x = )", "'abc", "if x:\ny", "1 = 2", "def f(:",
    };
    for (size_t i = 0; i < sizeof inc / sizeof inc[0]; i++)
        if (incomplete(inc[i]) != 1) fail_msg("%s should be incomplete", inc[i]);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (incomplete(bad[i]) != 0) fail_msg("%s should be invalid", bad[i]);
    assert_int_equal(incomplete("if x:\n  pass\n"), -1);
}

static void test_expression(void **state) {
    (void)state;
    Arena *a = ast_arena_new();
    ParseError err;
    Node *e = parse_expression(a, "  1 + x * 2\n", 12, &err);
    assert_non_null(e);
    char *d = ast_dump(e);
    assert_string_equal(d, "(BINOP + (INT 1) (BINOP * (NAME x) (INT 2)))");
    free(d);
    assert_int_equal(e->col, 2);
    assert_int_equal(e->end_col, 11);
    e = parse_expression(a, "a, *b", 5, &err);
    assert_non_null(e);
    assert_int_equal(e->kind, N_TUPLE);
    assert_null(parse_expression(a, "x = 1", 5, &err));
    assert_string_equal(err.msg, "invalid syntax");
    assert_null(parse_expression(a, "(1,", 3, &err));
    assert_int_equal(err.incomplete, 1);
    ast_arena_free(a);
}

static void test_literals(void **state) {
    (void)state;
    Arena *a = ast_arena_new();
    ParseError err;
    const char *src = "'\\x00a\\u00e9', 1.5e3, 2.5j, 0X_FF";
    Node *m = parse_module(a, src, strlen(src), &err);
    assert_non_null(m);
    Node *t = m->list.items[0]->a;
    assert_int_equal(t->list.items[0]->slen, 4);
    assert_memory_equal(t->list.items[0]->str, "\0a\xc3\xa9", 4);
    assert_true(t->list.items[1]->fval == 1500.0);
    assert_true(t->list.items[2]->fval == 2.5);
    assert_string_equal(t->list.items[3]->str, "0XFF");
    ast_arena_free(a);
}

/* Source that is not NUL-terminated: the byte after len must never be read. */
static void test_exact_length(void **state) {
    (void)state;
    static const char *const srcs[] = {"x = 'ab", "x = (1", "f\"{x", "x = 1 \\", "0x", "if x:",
                                       "x = 12", "'''a"};
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        size_t n = strlen(srcs[i]);
        char *buf = malloc(n);
        memcpy(buf, srcs[i], n);
        Arena *a = ast_arena_new();
        ParseError err;
        parse_module(a, buf, n, &err);
        parse_expression(a, buf, n, &err);
        ast_arena_free(a);
        free(buf);
    }
}

static char *repeat(const char *open, int n, const char *mid, const char *close) {
    size_t lo = strlen(open), lc = strlen(close), lm = strlen(mid);
    char *s = malloc((lo + lc) * (size_t)n + lm + 1), *p = s;
    for (int i = 0; i < n; i++, p += lo) memcpy(p, open, lo);
    memcpy(p, mid, lm);
    p += lm;
    for (int i = 0; i < n; i++, p += lc) memcpy(p, close, lc);
    *p = '\0';
    return s;
}

static void test_deep_nesting(void **state) {
    (void)state;
    static const struct {
        const char *open, *close;
        int n, ok;
    } cases[] = {
        {"(", ")", 100, 1}, {"[", "]", 150, 1}, {"(", ")", 100000, 0}, {"-", "", 100000, 0},
        {"not ", "", 100000, 0}, {"lambda: ", "", 100000, 0}, {"x if y else ", "", 50000, 0},
        {"f\"{", "}\"", 50, 0}, {"a**", "", 100000, 0}, {"{", "}", 3000, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *src = repeat(cases[i].open, cases[i].n, "1", cases[i].close);
        Arena *a = ast_arena_new();
        ParseError err;
        Node *m = parse_module(a, src, strlen(src), &err);
        if ((m != NULL) != cases[i].ok) fail_msg("nesting %s x%d", cases[i].open, cases[i].n);
        if (!m) assert_string_equal(err.type, "SyntaxError");
        ast_arena_free(a);
        free(src);
    }
}

static void test_arena(void **state) {
    (void)state;
    Arena *a = ast_arena_new();
    char *big = ast_alloc(a, 1 << 20);
    assert_non_null(big);
    assert_int_equal(big[12345], 0);
    for (int i = 0; i < 10000; i++) assert_non_null(ast_alloc(a, 24));
    char *s = ast_strndup(a, "hello", 3);
    assert_string_equal(s, "hel");
    NodeList l = {0};
    Node *n = ast_node(a, N_NAME, 3, 4);
    assert_int_equal(n->end_line, 3);
    for (int i = 0; i < 100; i++) assert_int_equal(ast_list_push(a, &l, n), 0);
    assert_int_equal(l.n, 100);
    assert_string_equal(ast_kind_name(N_WITHITEM), "N_WITHITEM");
    assert_string_equal(ast_kind_name(N_NAME), "N_NAME");
    ast_arena_free(a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dump),         cmocka_unit_test(test_positions),
        cmocka_unit_test(test_errors),       cmocka_unit_test(test_incomplete),
        cmocka_unit_test(test_expression),   cmocka_unit_test(test_literals),
        cmocka_unit_test(test_exact_length), cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
