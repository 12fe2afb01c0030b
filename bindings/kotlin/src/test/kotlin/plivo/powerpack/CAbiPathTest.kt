package plivo.powerpack

import java.time.Duration
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * The named-argument extensions take the C ABI in the same library (CAbi.kt); the generated
 * members take UniFFI's calls. The same request must go out, and the same records and errors
 * come back, either way.
 */
class CAbiPathTest {
    private lateinit var client: PowerpackClient

    @BeforeEach
    fun fresh() {
        Sandbox.reset()
        client = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config())
    }

    private val priority = NumberPriority("CA", ServiceType.MMS, Priority(NumberType.TOLLFREE, NumberType.LONGCODE, NumberType.SHORTCODE))

    private fun lastBody() = Json.parseToJsonElement(Sandbox.journal().last().str("body")!!)

    @Test
    fun `the extension sends what the generated member sends and decodes the same record`() {
        val uuid = client.createPowerpack("c-abi", stickySender = false).uuid
        val name = "q\"uote \\ back/slash é 日本 \uD83D\uDE00"
        val viaC = client.updatePowerpack(uuid, name = name, application = Application.Xml("20342783288007824"), numberPriority = listOf(priority))
        val cBody = lastBody()
        val viaUniffi = client.updatePowerpack(uuid, UpdatePowerpack(name = name, application = Application.Xml("20342783288007824"), numberPriority = listOf(priority)))
        assertEquals(lastBody(), cBody, "the same request body")
        assertEquals(viaUniffi.copy(apiId = null), viaC.copy(apiId = null))
        assertEquals(name, viaC.name)
        assertEquals(listOf(priority), viaC.numberPriority)
        assertEquals("XML", viaC.applicationType)
        assertEquals(false, viaC.stickySender)
        assertEquals(client.getPowerpack(uuid).createdOn, viaC.createdOn)

        // Control characters cross escaped, and the core refuses them in a name, both ways.
        for (bad in listOf("line\nbreak", "nul\u0000", "bell\u0007")) {
            val c = assertThrows<PowerpackException.Validation> { client.updatePowerpack(uuid, name = bad) }
            val u = assertThrows<PowerpackException.Validation> { client.updatePowerpack(uuid, UpdatePowerpack(name = bad)) }
            assertEquals(u.message, c.message)
            assertEquals("name", c.field)
        }

        val detached = client.updatePowerpack(uuid, application = Application.Detach, numberPriority = emptyList())
        assertEquals(Json.parseToJsonElement("""{"application_id":"none","number_priority":[]}"""), lastBody())
        assertEquals(null, detached.applicationId)
        assertEquals(emptyList<NumberPriority>(), detached.numberPriority)
    }

    @Test
    fun `the create and the suspend twins answer like the generated members`() = runBlocking {
        val created = client.createPowerpackAsync("async-c", localConnect = false, application = Application.Phlo("3a1b5a28-0c5c-4a5c-9d3e-4a1b2c3d4e5f"))
        assertEquals(client.getPowerpack(created.uuid).copy(apiId = null), created.copy(apiId = null))
        assertEquals("PHLO", created.applicationType)
        val updated = client.updatePowerpackAsync(created.uuid, stickySender = false)
        assertEquals(client.getPowerpackAsync(created.uuid).copy(apiId = null), updated.copy(apiId = null))
    }

    /** An error's class and fields, without the api_id each answer carries (in its body too). */
    private fun fields(e: PowerpackException): Pair<Class<*>, String> {
        val apiId = (e as? PowerpackException.NotFound)?.apiId ?: (e as? PowerpackException.RateLimited)?.apiId
            ?: (e as? PowerpackException.InvalidRequest)?.apiId
        return e.javaClass to e.message!!.let { if (apiId != null) it.replace(apiId, "<api_id>") else it }
    }

    @Test
    fun `errors come back as the generated members' errors, every field`() {
        val unknown = "00000000-0000-4000-8000-000000000000"
        val c = assertThrows<PowerpackException.NotFound> { client.updatePowerpack(unknown, name = "x") }
        val u = assertThrows<PowerpackException.NotFound> { client.updatePowerpack(unknown, UpdatePowerpack(name = "x")) }
        assertEquals(fields(u), fields(c))
        assertEquals(404, c.status)
        assertEquals(c.apiId!!.length, 36)

        // One attempt: a retry would wait out the 429's Retry-After.
        val once = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config(retry = RetryPolicy(maxAttempts = 1)))
        Sandbox.fault("status", "POST", Sandbox.path(unknown), count = 2, fields = "\"status\": 429, \"retry_after_secs\": 2")
        val limited = assertThrows<PowerpackException.RateLimited> { once.updatePowerpack(unknown, name = "x") }
        val limitedU = assertThrows<PowerpackException.RateLimited> { once.updatePowerpack(unknown, UpdatePowerpack(name = "x")) }
        assertEquals(Duration.ofSeconds(2), limited.retryAfter)
        assertEquals(fields(limitedU), fields(limited))

        Sandbox.clearJournal()
        val refused = assertThrows<PowerpackException.Validation> { client.updatePowerpack(unknown) }
        assertEquals("update", refused.field)
        assertTrue(Sandbox.journal().isEmpty(), "refused before any request")
        assertThrows<PowerpackException.Validation> { runBlocking { client.createPowerpackAsync("") } }
    }

    @Test
    fun `a closed client refuses the extensions as it refuses the generated members`() {
        val closed = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config())
        val uuid = closed.createPowerpack("closing").uuid
        closed.close()
        val member = assertThrows<IllegalStateException> { closed.updatePowerpack(uuid, UpdatePowerpack(name = "x")) }
        val extension = assertThrows<IllegalStateException> { closed.updatePowerpack(uuid, name = "x") }
        assertEquals(member.message, extension.message)
        assertThrows<IllegalStateException> { runBlocking { closed.updatePowerpackAsync(uuid, name = "x") } }
        assertEquals("closing", client.getPowerpack(uuid).name, "nothing was sent")
    }

    @Test
    fun `cancelling a suspend update stops the Rust call and its retries`() = runBlocking {
        val slow = Sandbox.retryingClient()
        val uuid = slow.createPowerpack("slow").uuid
        Sandbox.clearJournal()
        Sandbox.fault("hang", "POST", Sandbox.path(uuid), count = 10, fields = "\"ms\": 5000")
        Sandbox.assertCancellingStopsTheCall { slow.updatePowerpackAsync(uuid, name = "never") }
        assertEquals("slow", slow.getPowerpack(uuid).name)
        assertEquals("after", slow.updatePowerpackAsync(uuid, name = "after").name, "the client still works")
    }
}

/**
 * The C path's handle lives as long as a call needs it: clients closed while calls are in flight,
 * and clients dropped and collected mid-call, thousands of times. A call either completes or is
 * refused as a closed client's call is; none crashes the JVM or reads a freed handle.
 */
class CAbiHandleLifetimeTest {
    @Test
    fun `closing a client while its calls are in flight`() {
        Sandbox.reset()
        val uuid = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config()).createPowerpack("lifetime").uuid
        var completed = 0
        var refused = 0
        repeat(200) {
            val client = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config())
            val started = java.util.concurrent.CountDownLatch(1)
            val results = java.util.concurrent.ConcurrentLinkedQueue<Result<Unit>>()
            val threads = (0 until 10).map {
                Thread {
                    results.add(runCatching { client.updatePowerpack(uuid, stickySender = true); Unit })
                    started.countDown()
                }.apply { start() }
            }
            started.await()
            client.close()
            threads.forEach { it.join() }
            for (r in results) {
                val e = r.exceptionOrNull()
                when {
                    e == null -> completed++
                    e is IllegalStateException && "destroyed" in e.message.orEmpty() -> refused++
                    else -> throw AssertionError("a call raced close and failed otherwise", e)
                }
            }
        }
        assertEquals(2000, completed + refused)
        assertTrue(completed >= 200, "$completed completed")
    }

    @Test
    fun `a client dropped mid-call is not freed under the call`() = runBlocking {
        Sandbox.reset()
        val uuid = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config()).createPowerpack("dropped").uuid
        repeat(1000) { i ->
            // The only reference is the call's own: collection may run while it is in flight.
            val sticky = i % 2 == 0
            val updated = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config()).updatePowerpackAsync(uuid, stickySender = sticky)
            assertEquals(sticky, updated.stickySender)
            if (i % 100 == 0) System.gc()
        }
    }
}
