package plivo.powerpack

import java.io.File
import java.time.Duration
import java.time.Instant
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.doubleOrNull
import kotlinx.serialization.json.int
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long
import kotlinx.serialization.json.longOrNull
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest

/** How a runner calls one operation through its language's API; `args` are the neutral arguments as plain values. */
fun interface VectorCall {
    @Throws(PowerpackException::class)
    fun call(client: PowerpackClient, operation: String, args: Map<String, Any?>): Any
}

/**
 * What the JVM runners of tests/vectors/ share (Kotlin's [VectorsTest], Java's
 * `VectorsJavaTest`): the sandbox script, the comparison with the journal and the expected
 * outcome, the jar's values in the neutral form ([neutral], [errorFields]), and the counts in
 * target/vectors/<language>.json. Each runner brings only its [VectorCall], in its language.
 */
object VectorHarness {
    private val root = File(System.getProperty("user.dir")).resolve("../..").canonicalFile
    private val kinds = listOf("requests", "responses", "retries", "validation")
    private val counts = mutableMapOf<String, IntArray>()

    private val time = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC)

    private fun str(s: String?): JsonElement = s?.let { JsonPrimitive(it) } ?: JsonNull
    private fun obj(vararg pairs: Pair<String, JsonElement>) = JsonObject(mapOf(*pairs))

    /** A jar value in the vectors' neutral form. */
    fun neutral(value: Any?): JsonElement = when (value) {
        null -> JsonNull
        is String -> JsonPrimitive(value)
        is Boolean -> JsonPrimitive(value)
        is Instant -> JsonPrimitive(time.format(value))
        is List<*> -> JsonArray(value.map { neutral(it) })
        is ServiceType -> JsonPrimitive(value.name)
        is NumberType -> JsonPrimitive(value.name.lowercase())
        is Priority -> obj("priority1" to neutral(value.priority1), "priority2" to neutral(value.priority2),
            "priority3" to neutral(value.priority3))
        is NumberPriority -> obj("country_iso" to str(value.countryIso), "priority" to neutral(value.priority),
            "service_type" to neutral(value.serviceType))
        is Powerpack -> obj("api_id" to str(value.apiId), "uuid" to str(value.uuid), "name" to str(value.name),
            "sticky_sender" to neutral(value.stickySender), "local_connect" to neutral(value.localConnect),
            "application_type" to str(value.applicationType), "application_id" to str(value.applicationId),
            "number_pool" to str(value.numberPool), "number_pool_uuid" to str(value.numberPoolUuid),
            "number_priority" to neutral(value.numberPriority), "created_on" to neutral(value.createdOn))
        is PoolNumber -> obj("api_id" to str(value.apiId), "number" to str(value.number), "type" to str(value.numberType),
            "country_iso2" to str(value.countryIso2), "service" to str(value.service),
            "number_pool_uuid" to str(value.numberPoolUuid),
            "account_phone_number_resource" to str(value.accountPhoneNumberResource), "added_on" to neutral(value.addedOn))
        is Shortcode -> obj("api_id" to str(value.apiId), "shortcode" to str(value.shortcode),
            "country_iso2" to str(value.countryIso2), "number_pool_uuid" to str(value.numberPoolUuid),
            "added_on" to neutral(value.addedOn))
        is DeleteResult -> obj("api_id" to str(value.apiId), "response" to str(value.response))
        is ListMeta -> obj("limit" to JsonPrimitive(value.limit), "offset" to JsonPrimitive(value.offset),
            "total_count" to JsonPrimitive(value.totalCount), "next" to str(value.next), "previous" to str(value.previous))
        is PowerpackPage -> obj("api_id" to str(value.apiId), "meta" to neutral(value.meta), "powerpacks" to neutral(value.powerpacks))
        is PoolNumberPage -> obj("api_id" to str(value.apiId), "meta" to neutral(value.meta), "numbers" to neutral(value.numbers))
        is ShortcodePage -> obj("api_id" to str(value.apiId), "meta" to neutral(value.meta), "shortcodes" to neutral(value.shortcodes))
        else -> error("no neutral form for ${value::class}")
    }

    fun errorFields(e: PowerpackException): Map<String, JsonElement> {
        fun api(kind: String, status: Int, apiId: String?, reason: String, excerpt: String, after: Duration? = null) =
            mapOf("kind" to JsonPrimitive(kind), "status" to JsonPrimitive(status), "api_id" to str(apiId),
                "reason" to JsonPrimitive(reason), "body_excerpt" to JsonPrimitive(excerpt), "field" to JsonNull,
                "retry_after" to (after?.let { JsonPrimitive(it.toNanos() / 1e9) } ?: JsonNull))
        fun local(kind: String, reason: String, field: String? = null, excerpt: String? = null) =
            mapOf("kind" to JsonPrimitive(kind), "status" to JsonNull, "api_id" to JsonNull, "reason" to JsonPrimitive(reason),
                "body_excerpt" to str(excerpt), "field" to str(field), "retry_after" to JsonNull)
        return when (e) {
            is PowerpackException.Validation -> local("validation", e.reason, field = e.field)
            is PowerpackException.Authentication -> api("authentication", e.status, e.apiId, e.reason, e.bodyExcerpt)
            is PowerpackException.Forbidden -> api("forbidden", e.status, e.apiId, e.reason, e.bodyExcerpt)
            is PowerpackException.NotFound -> api("not_found", e.status, e.apiId, e.reason, e.bodyExcerpt)
            is PowerpackException.InvalidRequest -> api("invalid_request", e.status, e.apiId, e.reason, e.bodyExcerpt)
            is PowerpackException.RateLimited -> api("rate_limited", e.status, e.apiId, e.reason, e.bodyExcerpt, e.retryAfter)
            is PowerpackException.Server -> api("server", e.status, e.apiId, e.reason, e.bodyExcerpt)
            is PowerpackException.Timeout -> local("timeout", e.reason)
            is PowerpackException.Network -> local("network", e.reason)
            is PowerpackException.Decode -> local("decode", e.reason, excerpt = e.bodyExcerpt)
            is PowerpackException.Tls -> local("tls", e.reason)
            is PowerpackException.Internal -> local("internal", e.reason)
        }
    }

    /** A JSON value as plain Java values: maps, lists, strings, longs, doubles, booleans, null. */
    fun plain(e: JsonElement): Any? = when (e) {
        is JsonNull -> null
        is JsonObject -> e.mapValues { plain(it.value) }
        is JsonArray -> e.map { plain(it) }
        is JsonPrimitive -> if (e.isString) e.content else e.booleanOrNull ?: e.longOrNull ?: e.doubleOrNull
    }

    private fun JsonObject.s(key: String) = this[key]?.takeUnless { it is JsonNull }?.jsonPrimitive?.content

    private fun check(file: JsonObject, client: PowerpackClient, v: JsonObject, call: VectorCall) {
        Sandbox.reset()
        for (answer in v["answers"]!!.jsonArray.map { it.jsonObject }) {
            val body = answer.s("body_fixture")?.let { root.resolve("tests/fixtures/official-sdks/$it").readText() } ?: answer.s("body")
            Sandbox.queue(obj("kind" to JsonPrimitive("answer"), "count" to JsonPrimitive(1), "status" to answer["status"]!!,
                "headers" to answer["headers"]!!, "body" to JsonPrimitive(body)).toString())
        }
        @Suppress("UNCHECKED_CAST")
        val args = plain(v["args"]!!) as Map<String, Any?>
        val got: Pair<String, Any> = try {
            "result" to neutral(call.call(client, v.s("operation")!!, args))
        } catch (e: PowerpackException) {
            "error" to errorFields(e)
        }
        val expect = v["expect"]!!.jsonObject
        val every = file["every_request"]!!.jsonObject
        val journal = Sandbox.journal()
        assertEquals(expect["attempts"]!!.jsonPrimitive.int, journal.size, "attempts")
        expect["requests"]?.jsonArray?.forEachIndexed { i, w ->
            val want = w.jsonObject
            val seen = journal[i]
            val body = seen.s("body").takeUnless { it.isNullOrEmpty() }
            assertEquals(listOf(want.s("method"), every.s("path_prefix") + want.s("path"), want.s("query"), want.s("body")),
                listOf(seen.s("method"), seen.s("path"), seen.s("query"), body), "request $i")
            for ((name, value) in want["headers"]!!.jsonObject + every["headers"]!!.jsonObject) {
                assertEquals(value.jsonPrimitive.content, seen.header(name), "header $name")
            }
            assertTrue(Regex(every.s("user_agent_pattern")!!).containsMatchIn(seen.header("user-agent")!!))
        }
        if (expect.containsKey("result")) {
            assertEquals("result", got.first, got.second.toString())
            assertEquals(expect["result"], got.second)
        } else {
            assertEquals("error", got.first, got.second.toString())
            @Suppress("UNCHECKED_CAST") val fields = got.second as Map<String, JsonElement>
            val wanted = expect["error"]!!.jsonObject
            assertEquals(wanted, JsonObject(wanted.keys.associateWith { fields[it] ?: JsonNull }))
        }
    }

    /** One dynamic test per vector (`skips` names what the language cannot express, and why). */
    @JvmStatic
    fun tests(language: String, skips: Map<String, String>, call: VectorCall): List<DynamicTest> {
        val tally = counts.getOrPut(language) { IntArray(3) }
        return kinds.flatMap { kind ->
            val file = Json.parseToJsonElement(root.resolve("tests/vectors/$kind.json").readText()).jsonObject
            val c = file["client"]!!.jsonObject
            val r = c["retry"]!!.jsonObject
            val client by lazy {
                val retry = RetryPolicyBuilder().maxAttempts(r["max_attempts"]!!.jsonPrimitive.int)
                    .baseDelay(Duration.ofMillis(r["base_delay_ms"]!!.jsonPrimitive.long))
                    .maxDelay(Duration.ofMillis(r["max_delay_ms"]!!.jsonPrimitive.long)).build()
                powerpackClient(c.s("auth_id")!!, c.s("auth_token")!!,
                    ClientConfigBuilder().baseUrl(Sandbox.baseUrl).retry(retry).build())
            }
            file["vectors"]!!.jsonArray.map { it.jsonObject }.mapNotNull { v ->
                if (v.s("name") in skips) { tally[2]++; return@mapNotNull null }
                DynamicTest.dynamicTest("$kind: ${v.s("name")}") {
                    tally[1]++
                    check(file, client, v, call)
                    tally[1]--
                    tally[0]++
                }
            }
        }.also { writeCountsAtExit(language, skips) }
    }

    private fun writeCountsAtExit(language: String, skips: Map<String, String>) {
        Runtime.getRuntime().addShutdownHook(Thread {
            val (passed, failed, skipped) = counts.getValue(language).toList()
            val skipList = skips.entries.joinToString(", ") { (n, why) ->
                """{"name": ${JsonPrimitive(n)}, "why": ${JsonPrimitive(why)}}"""
            }
            root.resolve("target/vectors").mkdirs()
            root.resolve("target/vectors/$language.json").writeText(
                """{"language": "$language", "passed": $passed, "failed": $failed, "skipped": $skipped, "skips": [$skipList]}""",
            )
        })
    }
}
