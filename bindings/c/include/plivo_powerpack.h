/*
 * plivo_powerpack.h: the C ABI of plivo-powerpack (libplivo_powerpack_c.a / .so).
 *
 * One Rust core implements Plivo's Powerpack API: validation before any I/O, retries with
 * backoff, timeouts, typed errors, the auth token masked everywhere. This ABI carries JSON both
 * ways over the core's operation table; it adds no logic of its own.
 *
 * Ownership
 *   - Every `char *` the library returns (envelopes, descriptions, the operation list) is the
 *     caller's to free, with plivo_string_free() and nothing else: never with free().
 *   - The envelope passed to a PlivoCallback belongs to the library and is valid only until the
 *     callback returns: copy what you keep, do not free it.
 *   - Strings the caller passes in are borrowed for the duration of the call only.
 *   - A PlivoClient is freed with plivo_client_free(), a PlivoCancel with plivo_cancel_free().
 *     A call takes its own reference while it starts, so a free that comes after the call
 *     entered the library is safe; a free racing the call's entry, and any call on a freed
 *     client, is undefined behaviour: free a client only once every thread has stopped
 *     starting calls on it (the Go binding's Close waits for its calls in flight).
 *
 * Threading
 *   - A PlivoClient is thread-safe: share one per process; any number of threads may call it at
 *     once (they share its connections).
 *   - plivo_call() and plivo_call_with_cancel() block the calling thread (a lone blocking call runs
 *     on it, its connection and I/O too, with SIGPIPE blocked there for the call);
 *     plivo_call_async() returns at once and calls its callback exactly once, on one of the
 *     library's threads (or on the calling thread, before it returns, when the arguments are
 *     refused before the call starts).
 *   - plivo_cancel_cancel() may be called from any thread, any number of times.
 *
 * Errors
 *   - No function panics or aborts: a bug inside the library is answered as kind "internal".
 *     Null pointers and invalid UTF-8 are answered as kind "validation" naming the argument.
 *   - Every call answers one JSON envelope:
 *       {"ok":true,"result":<value>}
 *       {"ok":false,"error":{"kind":"not_found","message":"...","status":404,"api_id":"...",
 *                            "reason":"...","body_excerpt":"...","retry_after":null,
 *                            "field":null,"path":null}}
 *     kind: validation, authentication, forbidden, not_found, invalid_request, rate_limited,
 *     server, timeout, network, decode, tls, internal, and cancelled (a call cancelled through its
 *     token).
 *     retry_after is in seconds; field names the refused argument of a validation error.
 *   - The auth token appears in no envelope, description or message, in any encoding.
 *
 * Operations and their arguments (JSON objects, snake_case; plivo_operations() lists the names):
 *   get_powerpack {uuid}                 create_powerpack {powerpack: {name, sticky_sender?,
 *   update_powerpack {uuid, changes: {name?, sticky_sender?, local_connect?,      ...same}}
 *       application?: {"type": "xml"|"phlo"|"detach", "id"?}, number_priority?: [{country_iso,
 *       service_type: "SMS"|"MMS", priority: {priority1, priority2, priority3}}]}}
 *   list_powerpacks {limit?=20, offset?=0}   list_all_powerpacks {}
 *   delete_powerpack {uuid, unrent_numbers?=false}
 *   list_numbers {pool_uuid, filter?: {starts_with?: [..], country_iso2?, number_type?, service?},
 *       limit?, offset?}                 list_all_numbers {pool_uuid, filter?}
 *   get_number / add_number / buy_and_add_number {pool_uuid, number, service?: "sms"|"mms"}
 *   remove_number {pool_uuid, number, unrent?=false}
 *   list_shortcodes / list_all_shortcodes {pool_uuid, ...}   get_shortcode / remove_shortcode
 *       {pool_uuid, shortcode}
 *   list_tollfree / list_all_tollfree {pool_uuid, ...}   get_tollfree / add_tollfree
 *       {pool_uuid, number}   remove_tollfree {pool_uuid, number, unrent?=false}
 *
 * Client config (JSON; all keys optional but the credentials, which come from PLIVO_AUTH_ID /
 * PLIVO_AUTH_TOKEN (and PLIVO_BASE_URL, PLIVO_CA_BUNDLE) when both are absent; unknown keys are
 * refused): auth_id, auth_token, base_url, connect_timeout_ms, attempt_timeout_ms,
 * total_deadline_ms, retry {max_attempts, base_delay_ms, max_delay_ms}, user_agent_suffix, proxy,
 * skip_auth_id_check, root_certificates_pem [PEM text...], trust_store "bundled"|"system".
 */
#ifndef PLIVO_POWERPACK_H
#define PLIVO_POWERPACK_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct PlivoClient PlivoClient;
typedef struct PlivoCancel PlivoCancel;

/* Called once when an async call completes; `envelope` is valid until the callback returns. */
typedef void (*PlivoCallback)(void *user_data, const char *envelope);

/* A client from its JSON config, or NULL with *error_out set to an error envelope (free it).
 * error_out may be NULL. */
PlivoClient *plivo_client_new(const char *config_json, char **error_out);
void plivo_client_free(PlivoClient *client);
/* The client's description with the token masked (free it). */
char *plivo_client_describe(const PlivoClient *client);

/* Runs one operation and waits: the envelope (never NULL; free it). */
char *plivo_call(const PlivoClient *client, const char *operation, const char *args_json);
/* plivo_call() that plivo_cancel_cancel(cancel), from another thread, ends at once with the
 * "cancelled" envelope. cancel may be NULL. */
char *plivo_call_with_cancel(const PlivoClient *client, const char *operation, const char *args_json,
                             const PlivoCancel *cancel);
/* Starts one operation; callback(user_data, envelope) runs exactly once. cancel may be NULL.
 * Like every call here, it has copied operation and args_json when it returns: the caller may
 * free or reuse them at once. */
void plivo_call_async(const PlivoClient *client, const char *operation, const char *args_json,
                      const PlivoCancel *cancel, PlivoCallback callback, void *user_data);

PlivoCancel *plivo_cancel_new(void);
void plivo_cancel_cancel(const PlivoCancel *cancel);
void plivo_cancel_free(PlivoCancel *cancel);

void plivo_string_free(char *s);
/* For an exit hook: no async callback runs after this; the ones running are waited for, at most
 * timeout_ms. Returns whether they all finished in time. */
bool plivo_prepare_for_exit(uint64_t timeout_ms);
/* Every operation's name, as a JSON array (free it). */
char *plivo_operations(void);
/* The library's version: a static string, never freed. */
const char *plivo_version(void);

#ifdef __cplusplus
}
#endif

#endif /* PLIVO_POWERPACK_H */
