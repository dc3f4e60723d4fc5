/* test_wire.c: the wire format: HMAC-SHA256 against RFC 4231 vectors, framing round trips,
 * rejection of tampered or malformed messages, UUIDv4 ids and ISO 8601 dates. */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "wire.h"

static wire_buf buf_of(const char *s, size_t n) {
    wire_buf b = {(unsigned char *)(uintptr_t)s, n};
    return b;
}

/* HMAC over the concatenation of the four parts equals HMAC of the whole. */
static void check_hmac(const unsigned char *key, size_t keylen, const char *data,
                       const char *want) {
    size_t n = strlen(data), q = n / 4;
    wire_buf parts[4] = {buf_of(data, q), buf_of(data + q, q), buf_of(data + 2 * q, q),
                         buf_of(data + 3 * q, n - 3 * q)};
    wire_key k = {key, keylen};
    char hex[65];
    wire_sign(&k, parts, hex);
    assert_string_equal(hex, want);
}

static void test_hmac_rfc4231(void **state) {
    (void)state;
    unsigned char k1[20], k6[131];
    memset(k1, 0x0b, sizeof k1);
    memset(k6, 0xaa, sizeof k6);
    /* Test case 1 */
    check_hmac(k1, sizeof k1, "Hi There",
               "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    /* Test case 2 */
    check_hmac((const unsigned char *)"Jefe", 4, "what do ya want for nothing?",
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    /* Test case 6: a key longer than the block size */
    check_hmac(k6, sizeof k6, "Test Using Larger Than Block-Size Key - Hash Key First",
               "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void test_empty_key_unsigned(void **state) {
    (void)state;
    wire_buf parts[4] = {buf_of("{}", 2), buf_of("{}", 2), buf_of("{}", 2), buf_of("{}", 2)};
    wire_key k = {NULL, 0};
    char hex[65];
    wire_sign(&k, parts, hex);
    assert_string_equal(hex, "");
}

static const wire_key key = {(const unsigned char *)"secret-key", 10};

static void make_msg(wire_msg *m) {
    memset(m, 0, sizeof *m);
    wire_frames_push(&m->ids, "client-id", 9);
    m->header = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "msg_id", "abc", "msg_type",
                          "execute_request", "session", "s1", "username", "u", "date",
                          "2024-01-01T00:00:00.000000Z", "version", "5.4");
    m->parent = json_object();
    m->metadata = json_object();
    m->content = json_pack("{s:s}", "code", "1 + 1");
}

static void encode(const wire_key *k, wire_frames *f) {
    wire_msg m;
    make_msg(&m);
    assert_int_equal(wire_encode(k, &m, f), 0);
    wire_msg_clear(&m);
}

static void test_round_trip(void **state) {
    (void)state;
    wire_frames f = {0};
    wire_msg d;
    char why[256];
    encode(&key, &f);
    assert_int_equal(f.n, 7); /* id, delimiter, signature, 4 JSON frames */
    assert_memory_equal(f.v[1].data, WIRE_DELIM, strlen(WIRE_DELIM));
    assert_int_equal(f.v[2].len, 64);
    assert_int_equal(wire_decode(&f, &key, &d, why, sizeof why), 0);
    assert_int_equal(d.ids.n, 1);
    assert_memory_equal(d.ids.v[0].data, "client-id", 9);
    assert_string_equal(json_string_value(json_object_get(d.header, "msg_type")),
                        "execute_request");
    assert_string_equal(json_string_value(json_object_get(d.content, "code")), "1 + 1");
    assert_int_equal(d.buffers.n, 0);
    wire_msg_clear(&d);
    wire_frames_clear(&f);
}

static void test_buffers_and_no_ids(void **state) {
    (void)state;
    wire_msg m, d;
    wire_frames f = {0};
    char why[256];
    make_msg(&m);
    wire_frames_clear(&m.ids);
    wire_frames_push(&m.buffers, "\x00\x01", 2);
    assert_int_equal(wire_encode(&key, &m, &f), 0);
    assert_int_equal(f.n, 7);
    assert_int_equal(wire_decode(&f, &key, &d, why, sizeof why), 0);
    assert_int_equal(d.ids.n, 0);
    assert_int_equal(d.buffers.n, 1);
    assert_int_equal(d.buffers.v[0].len, 2);
    wire_msg_clear(&m);
    wire_msg_clear(&d);
    wire_frames_clear(&f);
}

static void expect_reject(const wire_frames *f, const wire_key *k, const char *reason) {
    wire_msg d;
    char why[256] = "";
    assert_int_equal(wire_decode(f, k, &d, why, sizeof why), -1);
    if (!strstr(why, reason))
        fail_msg("expected \"%s\" in \"%s\"", reason, why);
    assert_null(d.header);
}

static void test_tampering_rejected(void **state) {
    (void)state;
    for (int frame = 2; frame < 7; frame++) {
        wire_frames f = {0};
        encode(&key, &f);
        f.v[frame].data[f.v[frame].len / 2] ^= 1; /* one flipped bit anywhere signed */
        expect_reject(&f, &key, "signature");
        wire_frames_clear(&f);
    }
    wire_frames f = {0};
    encode(&key, &f);
    wire_key other = {(const unsigned char *)"other-key", 9};
    expect_reject(&f, &other, "signature");
    f.v[2].len = 10; /* a truncated signature */
    expect_reject(&f, &key, "signature");
    wire_frames_clear(&f);
}

static void test_unsigned_with_empty_key(void **state) {
    (void)state;
    wire_frames f = {0};
    wire_key none = {NULL, 0};
    wire_msg d;
    char why[256];
    encode(&none, &f);
    assert_int_equal(f.v[2].len, 0);
    assert_int_equal(wire_decode(&f, &none, &d, why, sizeof why), 0);
    wire_msg_clear(&d);
    expect_reject(&f, &key, "signature"); /* a keyed kernel refuses unsigned messages */
    wire_frames_clear(&f);
}

static void frames_of(wire_frames *f, int n, const char *const *parts) {
    for (int i = 0; i < n; i++)
        wire_frames_push(f, parts[i], strlen(parts[i]));
}

static void test_malformed(void **state) {
    (void)state;
    wire_key none = {NULL, 0};
    const char *hdr = "{\"msg_id\":\"1\",\"msg_type\":\"x\",\"session\":\"s\"}";
    struct {
        int n;
        const char *parts[8];
        const char *reason;
    } cases[] = {
        {2, {"a", "b"}, "delimiter"},
        {4, {"<IDS|MSG>", "", "{}", "{}"}, "frame count"},
        {6, {"<IDS|MSG>", "", "{oops", "{}", "{}", "{}"}, "malformed JSON"},
        {6, {"<IDS|MSG>", "", "[]", "{}", "{}", "{}"}, "not a JSON object"},
        {6, {"<IDS|MSG>", "", hdr, "{}", "{}", "7"}, "content"},
        {6, {"<IDS|MSG>", "", "{\"msg_id\":\"1\",\"session\":\"s\"}", "{}", "{}", "{}"},
         "msg_type"},
        {6, {"<IDS|MSG>", "", "{\"msg_type\":\"x\",\"session\":\"s\"}", "{}", "{}", "{}"},
         "msg_id"},
        {6, {"<IDS|MSG>", "", "{\"msg_id\":1,\"msg_type\":\"x\",\"session\":\"s\"}", "{}",
             "{}", "{}"},
         "msg_id"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wire_frames f = {0};
        frames_of(&f, cases[i].n, cases[i].parts);
        expect_reject(&f, &none, cases[i].reason);
        wire_frames_clear(&f);
    }
    wire_frames f = {0};
    const char *ok[] = {"<IDS|MSG>", "", hdr, "{}", "{}", "{}"};
    frames_of(&f, 6, ok);
    wire_msg d;
    char why[128];
    assert_int_equal(wire_decode(&f, &none, &d, why, sizeof why), 0);
    wire_msg_clear(&d);
    wire_frames_clear(&f);
}

static void test_uuid4(void **state) {
    (void)state;
    regex_t re;
    char ids[200][37];
    assert_int_equal(regcomp(&re,
                             "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                             "[0-9a-f]{12}$",
                             REG_EXTENDED | REG_NOSUB),
                     0);
    for (int i = 0; i < 200; i++) {
        wire_new_id(ids[i]);
        assert_int_equal(regexec(&re, ids[i], 0, NULL, 0), 0);
        for (int j = 0; j < i; j++)
            assert_string_not_equal(ids[i], ids[j]);
    }
    regfree(&re);
}

static void test_date_format(void **state) {
    (void)state;
    regex_t re;
    char d[32];
    assert_int_equal(regcomp(&re,
                             "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z$",
                             REG_EXTENDED | REG_NOSUB),
                     0);
    wire_now(d);
    assert_int_equal(strlen(d), 27);
    assert_int_equal(regexec(&re, d, 0, NULL, 0), 0);
    regfree(&re);
}

static void test_wire_string_repairs_utf8(void **state) {
    (void)state;
    json_t *v = wire_string("ok\xff!", 4);
    assert_non_null(v);
    assert_string_equal(json_string_value(v), "ok\xef\xbf\xbd!");
    json_decref(v);
    v = wire_string("caf\xc3\xa9", 5);
    assert_string_equal(json_string_value(v), "caf\xc3\xa9");
    json_decref(v);
}

int main(void) {
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hmac_rfc4231),    cmocka_unit_test(test_empty_key_unsigned),
        cmocka_unit_test(test_round_trip),      cmocka_unit_test(test_buffers_and_no_ids),
        cmocka_unit_test(test_tampering_rejected), cmocka_unit_test(test_unsigned_with_empty_key),
        cmocka_unit_test(test_malformed),       cmocka_unit_test(test_uuid4),
        cmocka_unit_test(test_date_format),     cmocka_unit_test(test_wire_string_repairs_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
