package plivo.powerpack

import kotlinx.coroutines.delay
import kotlinx.coroutines.launch

import java.time.Duration

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

const val AUTH_ID = "MASANDBOX00000000001"
const val AUTH_TOKEN = "sandbox-auth-token"

/** The sandbox binary on port 0 (path from the `powerpack.sandbox.bin` property) and its admin API. */
object Sandbox {
    private val process: Process
    val baseUrl: String
    private val http = HttpClient.newHttpClient()

    init {
        val bin = System.getProperty("powerpack.sandbox.bin")
            ?: error("powerpack.sandbox.bin must name the powerpack-sandbox binary")
        process = ProcessBuilder(bin, "--port", "0", "--rate-limit", "off")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start()
        baseUrl = process.inputStream.bufferedReader().readLine()
            ?: error("the sandbox printed no base URL")
        Runtime.getRuntime().addShutdownHook(Thread {
            process.destroy()
            process.waitFor(5, TimeUnit.SECONDS)
        })
    }

    private fun admin(method: String, path: String, body: String? = null): String {
        val request = HttpRequest.newBuilder(URI.create("$baseUrl/__admin/$path"))
            .method(method, body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "admin $method $path: ${response.statusCode()} ${response.body()}" }
        return response.body()
    }

    fun reset() { admin("POST", "reset") }

    fun journal(): List<JsonObject> = Json.parseToJsonElement(admin("GET", "journal")).jsonArray.map { it.jsonObject }

    /** Queues a fault: `fields` is the JSON of the fault after `kind` (e.g. `"status": 503`). */
    fun fault(kind: String, method: String, path: String, count: Int = 1, fields: String = "") {
        val extra = if (fields.isEmpty()) "" else ", $fields"
        admin("POST", "faults", """{"kind": "$kind", "method": "$method", "path": "$path", "count": $count$extra}""")
    }

    /** Queues a fault given whole as JSON (the conformance vectors' scripted answers). */
    fun queue(rule: String) { admin("POST", "faults", rule) }

    /** Adds numbers, shortcodes or Powerpacks (a seed document's JSON) until the next reset. */
    fun seed(document: String) { admin("POST", "seed", document) }

    fun clearJournal() { admin("DELETE", "journal") }

    /**
     * Starts [call] (against a hanging fault, with a client that retries every 200 ms), cancels
     * it once its first attempt has reached the sandbox (an event, not a guess), and checks that
     * the Rust call stopped with the coroutine: no retry follows.
     */
    suspend fun assertCancellingStopsTheCall(call: suspend () -> Unit) = kotlinx.coroutines.coroutineScope {
        val job = launch { call() }
        val deadline = System.nanoTime() + 5_000_000_000L
        while (journal().isEmpty() && System.nanoTime() < deadline) delay(10)
        job.cancel()
        job.join()
        org.junit.jupiter.api.Assertions.assertTrue(job.isCancelled)
        // Uncancelled, the second attempt would follow the 200 ms attempt timeout; give it five times that.
        delay(1_000)
        org.junit.jupiter.api.Assertions.assertEquals(1, journal().size, "the Rust call stopped with the coroutine: no retry")
    }

    /** A client whose attempts time out after 200 ms and retry at once, up to 10 times. */
    fun retryingClient() = powerpackClient(
        AUTH_ID, AUTH_TOKEN,
        config(attemptTimeout = Duration.ofMillis(200), retry = RetryPolicy(maxAttempts = 10, baseDelay = Duration.ofMillis(1), maxDelay = Duration.ofMillis(1))),
    )

    fun path(uuid: String? = null) = "/v1/Account/$AUTH_ID/Powerpack/" + (uuid?.let { "$it/" } ?: "")

    /** Quick retries, so fault tests take milliseconds. */
    fun config(
        attemptTimeout: Duration = Duration.ofSeconds(5),
        totalDeadline: Duration = Duration.ofSeconds(60),
        retry: RetryPolicy = RetryPolicy(maxAttempts = 3, baseDelay = Duration.ofMillis(10), maxDelay = Duration.ofMillis(50)),
    ) = ClientConfig(baseUrl = baseUrl, attemptTimeout = attemptTimeout, totalDeadline = totalDeadline, retry = retry)
}

fun JsonObject.str(key: String): String? = (this[key] as? kotlinx.serialization.json.JsonPrimitive)?.takeIf { it.isString }?.content
fun JsonObject.header(name: String): String? =
    (this["headers"] as JsonArray).map { it.jsonArray }.firstOrNull { it[0].toString().trim('"') == name }?.get(1)?.toString()?.trim('"')

/**
 * A sandbox over HTTPS (`--tls`), its CA written by `--tls-ca-out`; `names` are the certificate's.
 * Only what the TLS tests need: its URL and CA (the journal is read over the plain sandbox's API).
 */
class TlsSandbox(vararg names: String) {
    val baseUrl: String
    val ca: String

    init {
        val bin = System.getProperty("powerpack.sandbox.bin") ?: error("powerpack.sandbox.bin is not set")
        val caFile = java.io.File.createTempFile("sandbox-ca", ".pem").apply { deleteOnExit() }
        val args = mutableListOf(bin, "--port", "0", "--rate-limit", "off", "--tls", "--tls-ca-out", caFile.path)
        if (names.isNotEmpty()) args += listOf("--tls-names", names.joinToString(","))
        val process = ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.INHERIT).start()
        baseUrl = process.inputStream.bufferedReader().readLine() ?: error("the TLS sandbox printed no base URL")
        ca = caFile.readText()
        Runtime.getRuntime().addShutdownHook(Thread { process.destroy() })
    }
}
