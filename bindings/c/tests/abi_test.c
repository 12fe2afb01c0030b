/*
 * The C ABI against the sandbox: every operation kind, each error kind from the sandbox's
 * faults, null pointers and invalid UTF-8, 16 pthreads on one client, async calls with their
 * callbacks and cancellation from another thread. Built with -fsanitize=address (LeakSanitizer
 * included) by `make test-c`: a leak or a bad free fails the run.
 *
 *   abi_test <sandbox base URL>
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "plivo_powerpack.h"

#define AUTH_ID "MASANDBOX00000000001"
#define TOKEN "sandbox-auth-token"

static const char *base_url;
static int port;
static int failures, checks;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        checks++;                                                          \
        if (!(cond)) {                                                     \
            failures++;                                                    \
            fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                  \
            fprintf(stderr, "\n");                                         \
        }                                                                  \
    } while (0)

/* ---------------------------------------------------------------- the sandbox's admin API */

/* One HTTP/1.1 request to the sandbox (Connection: close); the response body, malloc'd. */
static char *admin(const char *method, const char *path, const char *body) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("connect");
        exit(2);
    }
    char head[512];
    size_t n = body ? strlen(body) : 0;
    int len = snprintf(head, sizeof head,
                       "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                       "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n",
                       method, path, n);
    if (write(fd, head, (size_t)len) < 0 || (n && write(fd, body, n) < 0)) exit(2);
    size_t cap = 1 << 16, used = 0;
    char *buf = malloc(cap);
    ssize_t got;
    while ((got = read(fd, buf + used, cap - used - 1)) > 0) {
        used += (size_t)got;
        if (cap - used < 1024) buf = realloc(buf, cap *= 2);
    }
    close(fd);
    buf[used] = 0;
    char *start = strstr(buf, "\r\n\r\n");
    char *out = strdup(start ? start + 4 : "");
    free(buf);
    return out;
}

static void fault(const char *json) { free(admin("POST", "/__admin/faults", json)); }
static void clear_journal(void) { free(admin("DELETE", "/__admin/journal", NULL)); }

/* How many journal entries contain `needle`. */
static int journal_count(const char *needle) {
    char *j = admin("GET", "/__admin/journal", NULL);
    int count = 0;
    for (char *p = j; (p = strstr(p, needle)); p += strlen(needle)) count++;
    free(j);
    return count;
}

static int journal_entries(void) { return journal_count("\"seq\":"); }

/* ---------------------------------------------------------------- envelopes */

static int has(const char *envelope, const char *needle) { return envelope && strstr(envelope, needle) != NULL; }

/* The string value of the first `"key":"..."` in json, copied into out. */
static const char *field(const char *json, const char *key, char *out, size_t size) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    const char *p = json ? strstr(json, pattern) : NULL;
    out[0] = 0;
    if (!p) return out;
    p += strlen(pattern);
    size_t i = 0;
    while (p[i] && p[i] != '"' && i + 1 < size) {
        out[i] = p[i];
        i++;
    }
    out[i] = 0;
    return out;
}

static char *call(PlivoClient *c, const char *op, const char *fmt, ...) {
    char args[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return plivo_call(c, op, args);
}

static PlivoClient *client_with(const char *extra) {
    char config[1024];
    snprintf(config, sizeof config,
             "{\"auth_id\":\"" AUTH_ID "\",\"auth_token\":\"" TOKEN "\",\"base_url\":\"%s\","
             "\"retry\":{\"max_attempts\":3,\"base_delay_ms\":5,\"max_delay_ms\":20}%s}",
             base_url, extra);
    char *error = NULL;
    PlivoClient *c = plivo_client_new(config, &error);
    CHECK(c && !error, "client_new: %s", error ? error : "null");
    plivo_string_free(error);
    return c;
}

/* ---------------------------------------------------------------- the tests */

static void test_library_surface(void) {
    CHECK(strlen(plivo_version()) > 0, "version");
    char *ops = plivo_operations();
    int names = 0;
    for (char *p = ops; (p = strchr(p, '"')); p++) names++;
    CHECK(names == 2 * 21, "21 operations: %s", ops);
    CHECK(has(ops, "\"update_powerpack\"") && has(ops, "\"list_all_tollfree\""), "%s", ops);
    plivo_string_free(ops);

    char *error = NULL;
    CHECK(plivo_client_new(NULL, &error) == NULL, "null config");
    CHECK(has(error, "\"kind\":\"validation\"") && has(error, "\"field\":\"config\""), "%s", error);
    plivo_string_free(error);
    CHECK(plivo_client_new("{\"auth_id\":\"" AUTH_ID "\",\"auth_token\":\"t\",\"colour\":1}", &error) == NULL, "key");
    CHECK(has(error, "\"field\":\"config.colour\""), "%s", error);
    plivo_string_free(error);
    CHECK(plivo_client_new("{\"auth_id\":\"MA1\",\"auth_token\":\"tok-c-secret\"}", &error) == NULL, "auth_id");
    CHECK(has(error, "\"field\":\"auth_id\"") && !has(error, "tok-c-secret"), "%s", error);
    plivo_string_free(error);
    CHECK(plivo_client_new("{]", NULL) == NULL, "error_out may be null");

    PlivoClient *c = client_with("");
    char *described = plivo_client_describe(c);
    CHECK(has(described, AUTH_ID) && !has(described, TOKEN), "%s", described);
    plivo_string_free(described);
    plivo_client_free(c);
    plivo_client_free(NULL);
    plivo_string_free(NULL);
}

static void test_seed_flow_and_every_operation_kind(PlivoClient *c) {
    clear_journal();
    char uuid[64], pool[64], buf[256];
    char *created = call(c, "create_powerpack", "{\"powerpack\":{\"name\":\"c-abi\",\"sticky_sender\":false}}");
    CHECK(has(created, "\"ok\":true") && has(created, "\"sticky_sender\":false"), "%s", created);
    field(created, "uuid", uuid, sizeof uuid);
    field(created, "number_pool_uuid", pool, sizeof pool);
    CHECK(strlen(uuid) == 36 && strlen(pool) == 36, "%s", created);
    plivo_string_free(created);

    /* The seed's flow: get, then update by the uuid it returned; false sent as false. */
    char *got = call(c, "get_powerpack", "{\"uuid\":\"%s\"}", uuid);
    CHECK(has(got, "\"name\":\"c-abi\""), "%s", got);
    plivo_string_free(got);
    char *updated = call(c, "update_powerpack",
                         "{\"uuid\":\"%s\",\"changes\":{\"name\":\"renamed\",\"local_connect\":false,"
                         "\"application\":{\"type\":\"xml\",\"id\":\"20342783288007824\"}}}",
                         uuid);
    CHECK(has(updated, "\"name\":\"renamed\"") && has(updated, "\"local_connect\":false") &&
              has(updated, "\"application_id\":\"20342783288007824\""),
          "%s", updated);
    plivo_string_free(updated);
    CHECK(journal_count("\"body\":\"{\\\"application_id\\\":\\\"20342783288007824\\\",\\\"application_type\\\":"
                        "\\\"xml\\\",\\\"local_connect\\\":false,\\\"name\\\":\\\"renamed\\\"}\"") == 1,
          "the exact update body is in the journal");

    char *page = call(c, "list_powerpacks", "{\"limit\":5}");
    CHECK(has(page, "\"total_count\":1") && has(page, "\"limit\":5"), "%s", page);
    plivo_string_free(page);
    char *all = call(c, "list_all_powerpacks", "{}");
    CHECK(has(all, "\"result\":[{") && has(all, uuid), "%s", all);
    plivo_string_free(all);

    /* The number pool: add (never buys), get, list with a filter, remove (never unrents). */
    char *added = call(c, "add_number", "{\"pool_uuid\":\"%s\",\"number\":\"14155550100\"}", pool);
    CHECK(has(added, "\"number\":\"14155550100\""), "%s", added);
    plivo_string_free(added);
    CHECK(journal_count("\"body\":\"{\\\"rent\\\":false}\"") == 1, "add sent rent false");
    char *numbers = call(c, "list_numbers", "{\"pool_uuid\":\"%s\",\"filter\":{\"country_iso2\":\"US\"}}", pool);
    CHECK(has(numbers, "\"number\":\"14155550100\""), "%s", numbers);
    plivo_string_free(numbers);
    CHECK(journal_count("\"query\":\"country_iso2=US&limit=20&offset=0\"") == 1, "filter query");
    char *tollfree = call(c, "add_tollfree", "{\"pool_uuid\":\"%s\",\"number\":\"18005550100\"}", pool);
    CHECK(has(tollfree, "\"ok\":true"), "%s", tollfree);
    plivo_string_free(tollfree);
    char *removed = call(c, "remove_number", "{\"pool_uuid\":\"%s\",\"number\":\"14155550100\"}", pool);
    CHECK(has(removed, "\"ok\":true"), "%s", removed);
    plivo_string_free(removed);
    CHECK(journal_count("\"body\":\"{\\\"unrent\\\":false}\"") == 1, "remove sent unrent false");
    char *shortcodes = call(c, "list_all_shortcodes", "{\"pool_uuid\":\"%s\"}", pool);
    CHECK(has(shortcodes, "\"ok\":true,\"result\":[]") || has(shortcodes, "\"result\":[]"), "%s", shortcodes);
    plivo_string_free(shortcodes);

    char *deleted = call(c, "delete_powerpack", "{\"uuid\":\"%s\"}", uuid);
    CHECK(has(deleted, "\"ok\":true"), "%s", deleted);
    plivo_string_free(deleted);
    CHECK(journal_count("\"body\":\"{\\\"unrent_numbers\\\":false}\"") == 1, "delete sent unrent_numbers false");
    snprintf(buf, sizeof buf, "{\"uuid\":\"%s\"}", uuid);
    (void)buf;
}

static void expect_error(PlivoClient *c, const char *op, const char *args, const char *kind, const char *also) {
    char *e = plivo_call(c, op, args);
    char needle[64];
    snprintf(needle, sizeof needle, "\"kind\":\"%s\"", kind);
    CHECK(has(e, "\"ok\":false") && has(e, needle) && (!also || has(e, also)), "%s %s -> %s", op, kind, e);
    CHECK(!has(e, TOKEN), "token in %s", e);
    plivo_string_free(e);
}

static void test_each_error_kind(PlivoClient *c) {
    const char *path = "/v1/Account/" AUTH_ID "/Powerpack/x/";
    char rule[512];

    clear_journal();
    expect_error(c, "get_powerpack", "{\"uuid\":\"a/b\"}", "validation", "\"field\":\"uuid\"");
    expect_error(c, "update_powerpack", "{\"uuid\":\"u\",\"changes\":{}}", "validation", "\"field\":\"update\"");
    expect_error(c, "get_powerpack", "{\"uuid\":1}", "validation", NULL);
    expect_error(c, "no_such_call", "{}", "validation", "\"field\":\"operation\"");
    expect_error(c, "get_powerpack", "[1]", "validation", "\"field\":\"args\"");
    expect_error(NULL, "get_powerpack", "{}", "validation", "\"field\":\"client\"");
    expect_error(c, NULL, "{}", "validation", "\"field\":\"operation\"");
    expect_error(c, "get_powerpack", "{\"uuid\":\"\xff\xfe\"}", "validation", "\"field\":\"args\"");
    expect_error(c, "get_\xff", "{}", "validation", "\"field\":\"operation\"");
    CHECK(journal_entries() == 0, "validation sends nothing");

    expect_error(c, "get_powerpack", "{\"uuid\":\"no-such\"}", "not_found", "\"status\":404");
    snprintf(rule, sizeof rule, "{\"kind\":\"status\",\"status\":403,\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "forbidden", "\"status\":403");
    snprintf(rule, sizeof rule,
             "{\"kind\":\"status\",\"status\":400,\"message\":\"bad thing\",\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "invalid_request", "\"reason\":\"bad thing\"");
    snprintf(rule, sizeof rule,
             "{\"kind\":\"status\",\"status\":429,\"retry_after_secs\":120,\"count\":3,\"method\":\"GET\",\"path\":\"%s\"}",
             path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "rate_limited", "\"retry_after\":120.0");
    free(admin("DELETE", "/__admin/faults", NULL));
    snprintf(rule, sizeof rule, "{\"kind\":\"status\",\"status\":503,\"count\":3,\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    clear_journal();
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "server", "\"status\":503");
    CHECK(journal_entries() == 3, "503 retried to max_attempts");
    snprintf(rule, sizeof rule, "{\"kind\":\"html502\",\"count\":3,\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "server", "\"status\":502");
    snprintf(rule, sizeof rule, "{\"kind\":\"malformed_json\",\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "decode", "\"path\":\".\"");
    snprintf(rule, sizeof rule, "{\"kind\":\"reset\",\"count\":3,\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "network", NULL);
    snprintf(rule, sizeof rule, "{\"kind\":\"echo_credentials\",\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(c, "get_powerpack", "{\"uuid\":\"x\"}", "invalid_request", "Basic ***");

    PlivoClient *quick = client_with(",\"attempt_timeout_ms\":200,\"total_deadline_ms\":300");
    snprintf(rule, sizeof rule, "{\"kind\":\"hang\",\"count\":3,\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    expect_error(quick, "get_powerpack", "{\"uuid\":\"x\"}", "timeout", NULL);
    plivo_client_free(quick);
    free(admin("DELETE", "/__admin/faults", NULL));

    char config[512];
    snprintf(config, sizeof config, "{\"auth_id\":\"" AUTH_ID "\",\"auth_token\":\"wrong-c-token\",\"base_url\":\"%s\"}",
             base_url);
    PlivoClient *wrong = plivo_client_new(config, NULL);
    char *e = plivo_call(wrong, "list_powerpacks", "{}");
    CHECK(has(e, "\"kind\":\"authentication\"") && has(e, "\"status\":401") && !has(e, "wrong-c-token"), "%s", e);
    plivo_string_free(e);
    plivo_client_free(wrong);

    /* TLS: an https:// URL to this plain-HTTP sandbox is refused in the handshake, never retried. */
    snprintf(config, sizeof config, "{\"auth_id\":\"" AUTH_ID "\",\"auth_token\":\"t\",\"base_url\":\"https://127.0.0.1:%d\"}",
             port);
    PlivoClient *tls = plivo_client_new(config, NULL);
    e = plivo_call(tls, "list_powerpacks", "{}");
    CHECK(has(e, "\"ok\":false") && (has(e, "\"kind\":\"tls\"") || has(e, "\"kind\":\"network\"")), "%s", e);
    plivo_string_free(e);
    plivo_client_free(tls);
}

/* ---------------------------------------------------------------- threads */

struct worker {
    PlivoClient *client;
    const char *uuid;
    int index, ok;
};

static void *update_many(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < 10; i++) {
        char *r = call(w->client, "update_powerpack", "{\"uuid\":\"%s\",\"changes\":{\"name\":\"t%d-%d\"}}", w->uuid,
                       w->index, i);
        char expected[32];
        snprintf(expected, sizeof expected, "\"name\":\"t%d-%d\"", w->index, i);
        w->ok += has(r, expected);
        plivo_string_free(r);
    }
    return NULL;
}

static void test_sixteen_threads_share_one_client(PlivoClient *c) {
    char uuid[64];
    char *created = call(c, "create_powerpack", "{\"powerpack\":{\"name\":\"threads\"}}");
    field(created, "uuid", uuid, sizeof uuid);
    plivo_string_free(created);
    clear_journal();
    pthread_t threads[16];
    struct worker workers[16];
    for (int i = 0; i < 16; i++) {
        workers[i] = (struct worker){.client = c, .uuid = uuid, .index = i};
        pthread_create(&threads[i], NULL, update_many, &workers[i]);
    }
    int ok = 0;
    for (int i = 0; i < 16; i++) {
        pthread_join(threads[i], NULL);
        ok += workers[i].ok;
    }
    CHECK(ok == 160, "160 updates answered with their own name, got %d", ok);
    CHECK(journal_count("\"method\":\"POST\"") == 160, "160 POSTs in the journal");
    char *deleted = call(c, "delete_powerpack", "{\"uuid\":\"%s\"}", uuid);
    plivo_string_free(deleted);
}

/* ---------------------------------------------------------------- async and cancellation */

struct completion {
    pthread_mutex_t lock;
    pthread_cond_t done;
    int calls;
    char envelope[4096];
};

static void on_complete(void *user_data, const char *envelope) {
    struct completion *c = user_data;
    pthread_mutex_lock(&c->lock);
    c->calls++;
    snprintf(c->envelope, sizeof c->envelope, "%s", envelope);
    pthread_cond_signal(&c->done);
    pthread_mutex_unlock(&c->lock);
}

static void wait_for(struct completion *c) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 20;
    pthread_mutex_lock(&c->lock);
    while (c->calls == 0 && pthread_cond_timedwait(&c->done, &c->lock, &until) == 0) {
    }
    pthread_mutex_unlock(&c->lock);
}

static void test_async_calls_and_cancellation(PlivoClient *c) {
    struct completion done = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};
    plivo_call_async(c, "list_powerpacks", "{\"limit\":1}", NULL, on_complete, &done);
    wait_for(&done);
    CHECK(done.calls == 1 && has(done.envelope, "\"ok\":true"), "%d %s", done.calls, done.envelope);

    /* Refused before it starts: the callback runs before plivo_call_async returns. */
    struct completion refused = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};
    plivo_call_async(c, NULL, "{}", NULL, on_complete, &refused);
    CHECK(refused.calls == 1 && has(refused.envelope, "\"field\":\"operation\""), "%s", refused.envelope);

    /* A hanging server; cancelled from this thread once the request is in the journal. */
    const char *path = "/v1/Account/" AUTH_ID "/Powerpack/hung/";
    char rule[256];
    snprintf(rule, sizeof rule, "{\"kind\":\"hang\",\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    clear_journal();
    struct completion cancelled = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};
    PlivoCancel *token = plivo_cancel_new();
    plivo_call_async(c, "get_powerpack", "{\"uuid\":\"hung\"}", token, on_complete, &cancelled);
    for (int i = 0; i < 400 && journal_count("/Powerpack/hung/") == 0; i++) usleep(5000);
    CHECK(journal_count("/Powerpack/hung/") == 1, "the request reached the server");
    CHECK(cancelled.calls == 0, "still waiting on the hung server");
    plivo_cancel_cancel(token);
    plivo_cancel_cancel(token);
    wait_for(&cancelled);
    CHECK(cancelled.calls == 1 && has(cancelled.envelope, "\"kind\":\"cancelled\""), "%s", cancelled.envelope);
    plivo_cancel_free(token);
    usleep(100000);
    CHECK(cancelled.calls == 1, "exactly one callback");
    CHECK(journal_count("/Powerpack/hung/") == 1, "no retry after the cancel");
    free(admin("DELETE", "/__admin/faults", NULL));
}

/* Cancels `token` once the hung request is in the sandbox's journal. */
static void *cancel_when_journaled(void *token) {
    for (int i = 0; i < 400 && journal_count("/Powerpack/hung-blocking/") == 0; i++) usleep(5000);
    plivo_cancel_cancel(token);
    return NULL;
}

/* plivo_call_with_cancel blocks this thread on a hung server until another thread cancels it. */
static void test_blocking_call_cancelled_from_another_thread(PlivoClient *c) {
    const char *path = "/v1/Account/" AUTH_ID "/Powerpack/hung-blocking/";
    char rule[256];
    snprintf(rule, sizeof rule, "{\"kind\":\"hang\",\"method\":\"GET\",\"path\":\"%s\"}", path);
    fault(rule);
    clear_journal();
    PlivoCancel *token = plivo_cancel_new();
    pthread_t canceller;
    pthread_create(&canceller, NULL, cancel_when_journaled, token);
    char *envelope = plivo_call_with_cancel(c, "get_powerpack", "{\"uuid\":\"hung-blocking\"}", token);
    pthread_join(canceller, NULL);
    CHECK(has(envelope, "\"kind\":\"cancelled\""), "%s", envelope);
    CHECK(journal_count("/Powerpack/hung-blocking/") == 1, "the request reached the server, once");
    plivo_string_free(envelope);

    /* Not cancelled, and without a token, it is plivo_call. */
    PlivoCancel *unused = plivo_cancel_new();
    free(admin("DELETE", "/__admin/faults", NULL));
    envelope = plivo_call_with_cancel(c, "list_powerpacks", "{\"limit\":1}", unused);
    CHECK(has(envelope, "\"ok\":true"), "%s", envelope);
    plivo_string_free(envelope);
    envelope = plivo_call_with_cancel(c, "get_powerpack", "{\"uuid\":\"\"}", NULL);
    CHECK(has(envelope, "\"field\":\"uuid\""), "%s", envelope);
    plivo_string_free(envelope);
    plivo_cancel_free(unused);
    plivo_cancel_free(token);
}

/* Last: the gate is process-wide and stays shut. A call in flight when the exit hook runs never
 * calls back (its answer would arrive 300 ms later; waited for 900 ms). */
static void test_exit_gate(PlivoClient *c) {
    const char *path = "/v1/Account/" AUTH_ID "/Powerpack/late/";
    char rule[256];
    snprintf(rule, sizeof rule, "{\"kind\":\"hang\",\"method\":\"GET\",\"path\":\"%s\",\"ms\":300}", path);
    fault(rule);
    struct completion late = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};
    plivo_call_async(c, "get_powerpack", "{\"uuid\":\"late\"}", NULL, on_complete, &late);
    CHECK(plivo_prepare_for_exit(1000), "nothing was being delivered");
    usleep(900000);
    CHECK(late.calls == 0, "no callback after plivo_prepare_for_exit: %s", late.envelope);
    struct completion refused = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, ""};
    plivo_call_async(c, NULL, "{}", NULL, on_complete, &refused);
    CHECK(refused.calls == 0, "not even a refusal on the calling thread");
    char *blocking = plivo_call(c, "get_powerpack", "{\"uuid\":\"\"}");
    CHECK(has(blocking, "\"field\":\"uuid\""), "blocking calls still answer: %s", blocking);
    plivo_string_free(blocking);
    free(admin("DELETE", "/__admin/faults", NULL));
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: abi_test <sandbox base URL>\n");
        return 2;
    }
    /* SIGPIPE keeps its default action (end the process), as in a C, Go or PHP host that never
     * changed it: the library must not raise it (the reset and hang faults close sockets on it). */
    base_url = argv[1];
    const char *colon = strrchr(base_url, ':');
    port = colon ? atoi(colon + 1) : 0;

    test_library_surface();
    PlivoClient *c = client_with("");
    test_seed_flow_and_every_operation_kind(c);
    test_each_error_kind(c);
    test_sixteen_threads_share_one_client(c);
    test_async_calls_and_cancellation(c);
    test_blocking_call_cancelled_from_another_thread(c);
    test_exit_gate(c);
    plivo_client_free(c);

    printf("c-abi: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
