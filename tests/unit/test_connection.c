/* test_connection.c: connection file parsing: every field, tcp and ipc endpoints, defaults,
 * and the refusals (bad JSON, wrong types, unknown transport or signature scheme). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "connection.h"

static const char full[] =
    "{\"shell_port\": 5001, \"iopub_port\": 5002, \"stdin_port\": 5003,"
    " \"control_port\": 5004, \"hb_port\": 5005, \"ip\": \"127.0.0.1\","
    " \"key\": \"a0436f6c-1916-498b-8eb9-e81ab9368e84\", \"transport\": \"tcp\","
    " \"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"abacus\"}";

static void test_every_field(void **state) {
    (void)state;
    conn_info ci;
    char err[256], ep[300];
    assert_int_equal(conn_parse(full, strlen(full), &ci, err, sizeof err), 0);
    assert_int_equal(ci.shell_port, 5001);
    assert_int_equal(ci.iopub_port, 5002);
    assert_int_equal(ci.stdin_port, 5003);
    assert_int_equal(ci.control_port, 5004);
    assert_int_equal(ci.hb_port, 5005);
    assert_string_equal(ci.ip, "127.0.0.1");
    assert_string_equal(ci.transport, "tcp");
    assert_string_equal(ci.signature_scheme, "hmac-sha256");
    assert_string_equal(ci.kernel_name, "abacus");
    assert_int_equal(ci.keylen, 36);
    assert_memory_equal(ci.key, "a0436f6c-1916-498b-8eb9-e81ab9368e84", 36);
    conn_endpoint(&ci, ci.shell_port, ep, sizeof ep);
    assert_string_equal(ep, "tcp://127.0.0.1:5001");
    conn_clear(&ci);
}

static void test_ipc(void **state) {
    (void)state;
    const char *j = "{\"transport\": \"ipc\", \"ip\": \"/tmp/kernel-x\", \"shell_port\": 1,"
                    " \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4,"
                    " \"hb_port\": 5, \"key\": \"\", \"signature_scheme\": \"hmac-sha256\"}";
    conn_info ci;
    char err[256], ep[300];
    assert_int_equal(conn_parse(j, strlen(j), &ci, err, sizeof err), 0);
    assert_string_equal(ci.transport, "ipc");
    assert_int_equal(ci.keylen, 0);
    conn_endpoint(&ci, ci.hb_port, ep, sizeof ep);
    assert_string_equal(ep, "ipc:///tmp/kernel-x-5");
    conn_clear(&ci);
}

static void test_defaults(void **state) {
    (void)state;
    const char *j = "{\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3,"
                    " \"control_port\": 4, \"hb_port\": 5}";
    conn_info ci;
    char err[256];
    assert_int_equal(conn_parse(j, strlen(j), &ci, err, sizeof err), 0);
    assert_string_equal(ci.transport, "tcp");
    assert_string_equal(ci.ip, "127.0.0.1");
    assert_string_equal(ci.signature_scheme, "hmac-sha256");
    assert_int_equal(ci.keylen, 0);
    conn_clear(&ci);
}

static void expect_error(const char *json, const char *reason) {
    conn_info ci;
    char err[256] = "";
    assert_int_equal(conn_parse(json, strlen(json), &ci, err, sizeof err), -1);
    assert_non_null(strstr(err, reason));
    assert_null(strchr(err, '\n'));
    assert_null(ci.key);
}

static void test_refusals(void **state) {
    (void)state;
    const char *ports = "\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3,"
                        " \"control_port\": 4, \"hb_port\": 5";
    char j[512];
    expect_error("{ not json", "invalid JSON");
    expect_error("[1, 2]", "JSON object");
    expect_error("{\"shell_port\": 1}", "iopub_port");
    snprintf(j, sizeof j, "{%s, \"signature_scheme\": \"hmac-md5\"}", ports);
    expect_error(j, "hmac-md5");
    snprintf(j, sizeof j, "{%s, \"transport\": \"udp\"}", ports);
    expect_error(j, "udp");
    snprintf(j, sizeof j, "{%s, \"key\": 42}", ports);
    expect_error(j, "key");
    snprintf(j, sizeof j, "{%s, \"ip\": 7}", ports);
    expect_error(j, "ip");
    snprintf(j, sizeof j, "{%s, \"ip\": \"\"}", ports);
    expect_error(j, "ip");
    expect_error("{\"shell_port\": \"1\", \"iopub_port\": 2, \"stdin_port\": 3,"
                 " \"control_port\": 4, \"hb_port\": 5}",
                 "shell_port");
    expect_error("{\"shell_port\": 70000, \"iopub_port\": 2, \"stdin_port\": 3,"
                 " \"control_port\": 4, \"hb_port\": 5}",
                 "shell_port");
}

static void test_files(void **state) {
    (void)state;
    char path[] = "/tmp/abacus-conn-XXXXXX", err[512];
    conn_info ci;
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, full, strlen(full)), (ssize_t)strlen(full));
    close(fd);
    assert_int_equal(conn_load(path, &ci, err, sizeof err), 0);
    assert_int_equal(ci.hb_port, 5005);
    conn_clear(&ci);
    unlink(path);
    assert_int_equal(conn_load(path, &ci, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_int_equal(conn_load("/tmp", &ci, err, sizeof err), -1); /* a directory */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field), cmocka_unit_test(test_ipc),
        cmocka_unit_test(test_defaults),    cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
