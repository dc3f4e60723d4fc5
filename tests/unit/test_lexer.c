/* test_lexer.c: cmocka tests for runtime/lex.c: token streams (indentation, continuation,
 * brackets, every number and string form), escape decoding and the tokenizer's errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lex.h"

/* Tokenizes src into "NAME:x OP:= INT:1 NL EOF" form, or "ERR:<type>:<msg>@line:col". */
static const char *lex_all(const char *src, char *out, size_t cap) {
    static const char *kinds[] = {"EOF", "NL", "IN", "DE", "NAME", "INT", "FLOAT", "IMAG",
                                  "STR", "OP"};
    Lexer lx;
    ParseError err;
    memset(&err, 0, sizeof err);
    lex_init(&lx, src, strlen(src), 1, 0, 0, &err);
    size_t n = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 1000; guard++) {
        LexToken t;
        if (lex_next(&lx, &t) < 0) {
            snprintf(out, cap, "ERR:%s:%s@%d:%d%s", err.type, err.msg, err.line,
                     err.col, err.incomplete ? ":inc" : "");
            return out;
        }
        int w;
        if (t.kind == TK_NAME || t.kind == TK_OP || t.kind == TK_INT || t.kind == TK_FLOAT ||
            t.kind == TK_IMAG || t.kind == TK_STRING)
            w = snprintf(out + n, cap - n, "%s%s:%.*s", n ? " " : "", kinds[t.kind], (int)t.n,
                         t.p);
        else
            w = snprintf(out + n, cap - n, "%s%s", n ? " " : "", kinds[t.kind]);
        n += (size_t)w;
        if (t.kind == TK_EOF || n >= cap) break;
    }
    return out;
}

typedef struct Case {
    const char *src, *want;
} Case;

static void run_cases(const Case *cs, size_t n) {
    char buf[2048];
    for (size_t i = 0; i < n; i++) {
        const char *got = lex_all(cs[i].src, buf, sizeof buf);
        if (strcmp(got, cs[i].want) != 0)
            fail_msg("lexing %s\n  want %s\n  got  %s", cs[i].src, cs[i].want, got);
    }
}

static void test_basic(void **state) {
    (void)state;
    static const Case cs[] = {
        {"", "EOF"},
        {"x", "NAME:x NL EOF"},
        {"x = 1\n", "NAME:x OP:= INT:1 NL EOF"},
        {"a**=b//=c", "NAME:a OP:**= NAME:b OP://= NAME:c NL EOF"},
        {"a>>=1<<2", "NAME:a OP:>>= INT:1 OP:<< INT:2 NL EOF"},
        {"x:=y->z", "NAME:x OP::= NAME:y OP:-> NAME:z NL EOF"},
        {"a != b <= c", "NAME:a OP:!= NAME:b OP:<= NAME:c NL EOF"},
        {"...", "OP:... NL EOF"},
        {"a@=b", "NAME:a OP:@= NAME:b NL EOF"},
        {"x # comment\n", "NAME:x NL EOF"},
        {"# only a comment", "EOF"},
        {"\n\n  \n# c\nx\n\n", "NAME:x NL EOF"},
        {"x\r\ny\r\n", "NAME:x NL NAME:y NL EOF"},
        {"café = 1", "NAME:café OP:= INT:1 NL EOF"},
        {"if x: y", "NAME:if NAME:x OP:: NAME:y NL EOF"},
    };
    run_cases(cs, sizeof cs / sizeof cs[0]);
}

static void test_indentation(void **state) {
    (void)state;
    static const Case cs[] = {
        {"if x:\n    y\nz\n", "NAME:if NAME:x OP:: NL IN NAME:y NL DE NAME:z NL EOF"},
        {"if x:\n  if y:\n    z\n", "NAME:if NAME:x OP:: NL IN NAME:if NAME:y OP:: NL IN "
                                    "NAME:z NL DE DE EOF"},
        {"if x:\n    y\n\n    # c\n    z", "NAME:if NAME:x OP:: NL IN NAME:y NL NAME:z NL DE EOF"},
        {"if x:\n\ty\n\tz\n", "NAME:if NAME:x OP:: NL IN NAME:y NL NAME:z NL DE EOF"},
        {"if x:\n\ty\n        z\n",
         "ERR:TabError:inconsistent use of tabs and spaces in indentation@3:0"},
        {"if x:\n  a\n    b\nc", "NAME:if NAME:x OP:: NL IN NAME:a NL IN NAME:b NL DE DE "
                               "NAME:c NL EOF"},
        {" x", "IN NAME:x NL DE EOF"},
        {"x = (1,\n  2)\n", "NAME:x OP:= OP:( INT:1 OP:, INT:2 OP:) NL EOF"},
        {"x = [\n\n# c\n]\n", "NAME:x OP:= OP:[ OP:] NL EOF"},
        {"x = 1 + \\\n  2\n", "NAME:x OP:= INT:1 OP:+ INT:2 NL EOF"},
        {"if x:\n  y\n z\n",
         "ERR:IndentationError:unindent does not match any outer indentation level@3:2"},
        {"if x:\n        a\n\tb\n",
         "ERR:TabError:inconsistent use of tabs and spaces in indentation@3:0"},
        {"x = 1 + \\", "ERR:SyntaxError:unexpected EOF while parsing@1:9:inc"},
        {"x = 1 \\ 2", "ERR:SyntaxError:unexpected character after line continuation "
                       "character@1:7"},
    };
    run_cases(cs, sizeof cs / sizeof cs[0]);
}

static void test_numbers(void **state) {
    (void)state;
    static const Case cs[] = {
        {"0 123 1_000 0x1F 0XfF 0o17 0O7 0b101 0B1_0",
         "INT:0 INT:123 INT:1_000 INT:0x1F INT:0XfF INT:0o17 INT:0O7 INT:0b101 INT:0B1_0 NL EOF"},
        {"0_0 00 0x_1", "INT:0_0 INT:00 INT:0x_1 NL EOF"},
        {"1.5 .5 5. 1e-5 1E+5 1e5 1_0.2_5e1_0",
         "FLOAT:1.5 FLOAT:.5 FLOAT:5. FLOAT:1e-5 FLOAT:1E+5 FLOAT:1e5 FLOAT:1_0.2_5e1_0 NL EOF"},
        {"2j 2.5J .5j 1e3j 0j", "IMAG:2j IMAG:2.5J IMAG:.5j IMAG:1e3j IMAG:0j NL EOF"},
        {"1..real", "FLOAT:1. OP:. NAME:real NL EOF"},
        {"x.y", "NAME:x OP:. NAME:y NL EOF"},
        {"1abc", "ERR:SyntaxError:invalid decimal literal@1:0"},
        {"01", "ERR:SyntaxError:leading zeros in decimal integer literals are not permitted; "
               "use an 0o prefix for octal integers@1:0"},
        {"0x", "ERR:SyntaxError:invalid hexadecimal literal@1:1"},
        {"0b12", "ERR:SyntaxError:invalid digit '2' in binary literal@1:3"},
        {"0o9", "ERR:SyntaxError:invalid digit '9' in octal literal@1:2"},
        {"1__0", "ERR:SyntaxError:invalid decimal literal@1:1"},
        {"1_", "ERR:SyntaxError:invalid decimal literal@1:1"},
        {"1e", "ERR:SyntaxError:invalid decimal literal@1:0"},
    };
    run_cases(cs, sizeof cs / sizeof cs[0]);
}

static void test_strings(void **state) {
    (void)state;
    static const Case cs[] = {
        {"'a' \"b\"", "STR:'a' STR:\"b\" NL EOF"},
        {"'''a\nb''' \"\"\"c\"\"\"", "STR:'''a\nb''' STR:\"\"\"c\"\"\" NL EOF"},
        {"r'\\n' R\"x\" u'y' U'z'", "STR:r'\\n' STR:R\"x\" STR:u'y' STR:U'z' NL EOF"},
        {"f'x' F\"y\" rf'z' fR'w' Rf'v'", "STR:f'x' STR:F\"y\" STR:rf'z' STR:fR'w' STR:Rf'v' NL EOF"},
        {"'it\\'s' \"q\\\"q\"", "STR:'it\\'s' STR:\"q\\\"q\" NL EOF"},
        {"'a\\\nb'", "STR:'a\\\nb' NL EOF"},
        {"'''a''''", "ERR:SyntaxError:unterminated string literal (detected at line 1)@1:7"},
        {"rb 'x'", "NAME:rb STR:'x' NL EOF"},
        {"br'x'", "ERR:SyntaxError:bytes literals are not supported@1:0"},
        {"b'x'", "ERR:SyntaxError:bytes literals are not supported@1:0"},
        {"x = 'abc", "ERR:SyntaxError:unterminated string literal (detected at line 1)@1:4"},
        {"'abc\n'", "ERR:SyntaxError:unterminated string literal (detected at line 1)@1:0"},
        {"x = '''abc\n\n", "ERR:SyntaxError:unterminated triple-quoted string literal "
                          "(detected at line 3)@1:4:inc"},
        {"ub'x'", "NAME:ub STR:'x' NL EOF"},
    };
    run_cases(cs, sizeof cs / sizeof cs[0]);
}

static void test_brackets(void **state) {
    (void)state;
    static const Case cs[] = {
        {"foo(", "ERR:SyntaxError:'(' was never closed@1:3:inc"},
        {"x = [1,\n {2", "ERR:SyntaxError:'{' was never closed@2:1:inc"},
        {"x = )", "ERR:SyntaxError:unmatched ')'@1:4"},
        {"x = (]", "ERR:SyntaxError:closing parenthesis ']' does not match opening "
                   "parenthesis '('@1:5"},
        {"x = (\n]", "ERR:SyntaxError:closing parenthesis ']' does not match opening "
                     "parenthesis '(' on line 1@2:0"},
        {"x = 5 $ 3", "ERR:SyntaxError:invalid syntax@1:6"},
        {"a ! b", "ERR:SyntaxError:invalid syntax@1:2"},
    };
    run_cases(cs, sizeof cs / sizeof cs[0]);
}

static void test_positions(void **state) {
    (void)state;
    const char *src = "if x:\n    yé = 'a\nb' if 1 else 2.5\n";
    Lexer lx;
    ParseError err;
    LexToken t;
    lex_init(&lx, src, strlen(src) - 10, 1, 0, 0, &err);
    for (int i = 0; i < 6; i++) assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.kind, TK_NAME);
    assert_int_equal(t.line, 2);
    assert_int_equal(t.col, 4);
    assert_int_equal(t.end_col, 7); /* byte offsets: é is two bytes */
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(lex_next(&lx, &t), -1); /* the string runs into the newline */
    /* A sub-lexer for an f-string field starts at a given line and column. */
    lex_init(&lx, "a + b", 5, 3, 7, 1, &err);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.line, 3);
    assert_int_equal(t.col, 7);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.col, 11);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.kind, TK_EOF);
}

static void test_not_nul_terminated(void **state) {
    (void)state;
    char src[4] = {'x', '=', '1', '2'};
    Lexer lx;
    ParseError err;
    LexToken t;
    lex_init(&lx, src, 3, 1, 0, 0, &err);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.kind, TK_INT);
    assert_int_equal(t.n, 1);
    char q[2] = {'\'', 'a'};
    lex_init(&lx, q, 2, 1, 0, 0, &err);
    assert_int_equal(lex_next(&lx, &t), -1);
}

static void test_deep_brackets(void **state) {
    (void)state;
    char src[300];
    memset(src, '(', sizeof src - 1);
    src[sizeof src - 1] = '\0';
    char buf[4096];
    const char *got = lex_all(src, buf, sizeof buf);
    assert_string_equal(got, "ERR:SyntaxError:too many nested parentheses@1:200");
}

/* Decodes a string body; returns the result (or "ERR:msg") in a static buffer. */
static const char *decode(const char *s) {
    static char out[256];
    char msg[160];
    long n = lex_decode(s, strlen(s), out, msg, sizeof msg);
    if (n < 0) snprintf(out, sizeof out, "ERR:%s", msg);
    return out;
}

static void test_decode(void **state) {
    (void)state;
    assert_string_equal(decode("a\\nb\\tc"), "a\nb\tc");
    assert_string_equal(decode("\\\\ \\' \\\""), "\\ ' \"");
    assert_string_equal(decode("\\a\\b\\f\\v\\r"), "\a\b\f\v\r");
    assert_string_equal(decode("\\x41\\x7a"), "Az");
    assert_string_equal(decode("\\101\\0\\7"), "A");
    assert_string_equal(decode("\\u00e9"), "\xc3\xa9");
    assert_string_equal(decode("\\u20ac"), "\xe2\x82\xac");
    assert_string_equal(decode("\\U0001F600"), "\xf0\x9f\x98\x80");
    assert_string_equal(decode("\\q\\d"), "\\q\\d");
    assert_string_equal(decode("a\\\nb"), "ab");
    assert_string_equal(decode("\\777"), "\xc7\xbf");
    assert_string_equal(decode("\\x4"), "ERR:(unicode error) 'unicodeescape' codec can't "
                                        "decode bytes: truncated \\xXX escape");
    assert_string_equal(decode("\\u12"), "ERR:(unicode error) 'unicodeescape' codec can't "
                                         "decode bytes: truncated \\uXXXX escape");
    assert_string_equal(decode("\\U00110000"), "ERR:(unicode error) 'unicodeescape' codec "
                                               "can't decode bytes: illegal Unicode character");
    assert_string_equal(decode("\\N{DASH}"), "ERR:\\N{...} escapes are not supported");
    char out[8], msg[64];
    assert_int_equal(lex_decode("a\\0b", 4, out, msg, sizeof msg), 3);
    assert_int_equal(out[1], '\0');
}

static void test_names(void **state) {
    (void)state;
    assert_string_equal(lex_op_str(T_POWEQ), "**=");
    assert_string_equal(lex_keyword_str(K_LAMBDA), "lambda");
    Lexer lx;
    ParseError err;
    LexToken t;
    lex_init(&lx, "lambda lambdax", 14, 1, 0, 0, &err);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.op, K_LAMBDA);
    assert_int_equal(lex_next(&lx, &t), 0);
    assert_int_equal(t.op, K__NONE);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),     cmocka_unit_test(test_indentation),
        cmocka_unit_test(test_numbers),   cmocka_unit_test(test_strings),
        cmocka_unit_test(test_brackets),  cmocka_unit_test(test_positions),
        cmocka_unit_test(test_not_nul_terminated), cmocka_unit_test(test_deep_brackets),
        cmocka_unit_test(test_decode),    cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
