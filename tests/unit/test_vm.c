/* test_vm.c: the interpreter through the public API (ab_exec with a capturing sink) and the
 * cycle collector, interrupts, recursion and memory limits from the inside. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "abacus.h"
#include "object.h"

typedef struct Capture {
    SBuf out, err;
    ab_runtime *rt;
    int interrupt_after; /* >0: call ab_interrupt when this many bytes were printed */
} Capture;

static void cap_stream(void *ctx, const char *name, const char *text, size_t len) {
    Capture *c = ctx;
    sb_putn(!strcmp(name, "stdout") ? &c->out : &c->err, text, len);
}

static const char *run(Capture *c, const char *code, ab_outcome *o) {
    ab_sink sink = {c, cap_stream, NULL, NULL, NULL};
    c->out.len = 0;
    if (c->out.s) c->out.s[0] = 0;
    ab_exec(c->rt, code, "<test>", 1, &sink, o);
    return c->out.s ? c->out.s : "";
}

static int setup(void **state) {
    Capture *c = calloc(1, sizeof(Capture));
    c->rt = ab_new();
    *state = c;
    return c->rt ? 0 : -1;
}

static int teardown(void **state) {
    Capture *c = *state;
    ab_free(c->rt);
    sb_free(&c->out);
    sb_free(&c->err);
    free(c);
    return 0;
}

static void test_print_and_result(void **state) {
    Capture *c = *state;
    ab_outcome o;
    assert_string_equal(run(c, "print(1 + 2, 'a' * 3)\n", &o), "3 aaa\n");
    assert_int_equal(o.ok, 1);
    ab_outcome_clear(&o);
    run(c, "x = [1, 2]\nx * 2", &o);
    assert_string_equal(ab_bundle_get(&o.result, "text/plain")->data, "[1, 2, 1, 2]");
    ab_outcome_clear(&o);
    run(c, "x;", &o); /* a trailing semicolon shows nothing */
    assert_int_equal(o.result.n, 0);
    ab_outcome_clear(&o);
}

static void test_state_persists_and_errors_keep_it(void **state) {
    Capture *c = *state;
    ab_outcome o;
    run(c, "total = 10", &o);
    ab_outcome_clear(&o);
    run(c, "total += 1\nundefined_name", &o);
    assert_int_equal(o.ok, 0);
    assert_string_equal(o.ename, "NameError");
    assert_string_equal(o.evalue, "name 'undefined_name' is not defined");
    ab_outcome_clear(&o);
    run(c, "total", &o);
    assert_string_equal(ab_bundle_get(&o.result, "text/plain")->data, "11");
    ab_outcome_clear(&o);
}

static void test_recursion_limit(void **state) {
    Capture *c = *state;
    ab_outcome o;
    run(c, "def f(n):\n    return f(n + 1)\nf(0)", &o);
    assert_string_equal(o.ename, "RecursionError");
    ab_outcome_clear(&o);
    run(c, "def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\ng(900)", &o);
    assert_string_equal(ab_bundle_get(&o.result, "text/plain")->data, "900");
    ab_outcome_clear(&o);
}

static void test_memory_error_keeps_running(void **state) {
    Capture *c = *state;
    ab_outcome o;
    run(c, "big = [0] * (10 ** 15)", &o);
    assert_string_equal(o.ename, "MemoryError");
    ab_outcome_clear(&o);
    run(c, "'still ' + 'alive'", &o);
    assert_string_equal(ab_bundle_get(&o.result, "text/plain")->data, "'still alive'");
    ab_outcome_clear(&o);
}

static void test_interrupt_flag_stops_a_loop(void **state) {
    Capture *c = *state;
    ab_outcome o;
    ab_interrupt(c->rt); /* a stale interrupt from an idle moment must not hit the next cell */
    run(c, "n = 0\nfor i in range(1000):\n    n += i\nn", &o);
    assert_int_equal(o.ok, 1);
    ab_outcome_clear(&o);
}

static void test_cycles_are_collected(void **state) {
    Capture *c = *state;
    ab_outcome o;
    VM *vm = vm_new();
    assert_non_null(vm);
    const char *src = "a = []\na.append(a)\nd = {}\nd['d'] = d\n"
                      "def outer():\n    def inner(k):\n        return inner\n"
                      "    return inner\nf = outer()\n";
    CodeObj *co = compile_module(vm, src, strlen(src), "<t>", 0);
    assert_non_null(co);
    Value r = vm_run_code(vm, co, vm->globals);
    assert_false(IS_ERR(r));
    decref_vm(vm, r);
    decref_vm(vm, v_obj(co));
    assert_int_equal(gc_collect(vm), 0); /* everything is still reachable from globals */
    StrObj *names[3] = {str_intern(vm, "a", 1), str_intern(vm, "d", 1), str_intern(vm, "f", 1)};
    for (int i = 0; i < 3; i++) dict_del(vm, vm->globals, v_obj(names[i]));
    assert_true(gc_collect(vm) >= 5); /* list, dict, function, its cell, its closure tuple */
    assert_int_equal(gc_collect(vm), 0);
    vm_free(vm);
    run(c, "1", &o);
    ab_outcome_clear(&o);
}

static void test_syntax_error_position(void **state) {
    Capture *c = *state;
    ab_outcome o;
    run(c, "x = (1,\ny = 2", &o);
    assert_string_equal(o.ename, "SyntaxError");
    ab_outcome_clear(&o);
    const char *s = ab_is_complete(c->rt, "for i in range(3):", (char[16]){0}, 16);
    assert_string_equal(s, "incomplete");
    assert_string_equal(ab_is_complete(c->rt, "x = 1", (char[16]){0}, 16), "complete");
    assert_string_equal(ab_is_complete(c->rt, "x = )", (char[16]){0}, 16), "invalid");
}

static void test_completion(void **state) {
    Capture *c = *state;
    ab_outcome o;
    run(c, "velocity = 3\nvalues = [1]", &o);
    ab_outcome_clear(&o);
    ab_matches m;
    ab_complete(c->rt, "vel", 3, &m);
    assert_int_equal(m.n, 1);
    assert_string_equal(m.items[0], "velocity");
    ab_matches_clear(&m);
    run(c, "prices = {'pen': 1, 'pencil': 2, 'ink': 3}", &o);
    ab_outcome_clear(&o);
    ab_complete(c->rt, "prices['pe", 10, &m);
    assert_int_equal(m.n, 2);
    assert_string_equal(m.items[0], "pen");
    assert_string_equal(m.items[1], "pencil");
    assert_int_equal(m.start, 8);
    ab_matches_clear(&m);
    ab_complete(c->rt, "values.app", 10, &m);
    assert_int_equal(m.n, 1);
    assert_string_equal(m.items[0], "append");
    assert_int_equal(m.start, 7);
    ab_matches_clear(&m);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_print_and_result, setup, teardown),
        cmocka_unit_test_setup_teardown(test_state_persists_and_errors_keep_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recursion_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_error_keeps_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_interrupt_flag_stops_a_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cycles_are_collected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error_position, setup, teardown),
        cmocka_unit_test_setup_teardown(test_completion, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
