package plivo.powerpack

import java.time.Duration
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

class PowerpackClientTest {
    private lateinit var client: PowerpackClient

    @BeforeEach
    fun fresh() {
        Sandbox.reset()
        client = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config())
    }

    private fun lastBody() = Json.parseToJsonElement(Sandbox.journal().last().str("body")!!)

    @Test
    fun `the jar carries the native library`() {
        val url = PowerpackClient::class.java.classLoader.getResource("linux-x86-64/libplivo_powerpack_ffi.so")
        assertNotNull(url)
        assertTrue(url!!.toString().startsWith("jar:"), "loaded from the packaged jar: $url")
    }

    @Test
    fun `get then update like the seed, with named arguments`() = client.use { c ->
        val created = c.createPowerpack("before")
        val powerpack = c.getPowerpack(created.uuid)
        val updated = c.updatePowerpack(powerpack.uuid, name = "your_powerpack_name", stickySender = false, localConnect = false)

        assertEquals(Powerpack::class.java, updated.javaClass)
        assertEquals("your_powerpack_name", updated.name)
        assertEquals(false, updated.stickySender)
        assertEquals(false, updated.localConnect)
        assertTrue(updated.createdOn!!.isBefore(Instant.now().plusSeconds(1)))
        assertEquals(created.copy(name = updated.name, stickySender = false, localConnect = false, apiId = updated.apiId), updated)

        val entry = Sandbox.journal().last()
        assertEquals("POST", entry.str("method"))
        assertEquals(Sandbox.path(created.uuid), entry.str("path"))
        assertEquals("application/json", entry.header("content-type"))
        assertEquals("Basic $AUTH_ID:***", entry.header("authorization"))
        assertTrue(entry.header("user-agent")!!.contains(" kotlin/"), entry.header("user-agent"))
        assertEquals(
            buildJsonObject { put("name", "your_powerpack_name"); put("sticky_sender", false); put("local_connect", false) },
            lastBody(),
        )
    }

    @Test
    fun `the application is a sealed choice`() {
        val uuid = client.createPowerpack("pp").uuid
        val xml = client.updatePowerpack(uuid, application = Application.Xml(appId = "20342783288007824"))
        assertEquals("XML" to "20342783288007824", xml.applicationType to xml.applicationId)
        assertEquals(buildJsonObject { put("application_type", "xml"); put("application_id", "20342783288007824") }, lastBody())
        val detached = client.updatePowerpack(uuid, application = Application.Detach)
        assertNull(detached.applicationId)
        assertEquals(buildJsonObject { put("application_id", "none") }, lastBody())
    }

    @Test
    fun `list, list all and delete`() {
        repeat(23) { client.createPowerpack("pp-%02d".format(it)) }
        val page = client.listPowerpacks(limit = 5, offset = 20)
        assertEquals(listOf("pp-20", "pp-21", "pp-22"), page.powerpacks.map { it.name })
        assertEquals(23L, page.meta.totalCount)
        val all = client.listAllPowerpacks()
        assertEquals(23, all.size)
        assertEquals("success", client.deletePowerpack(all[0].uuid).response)
        assertEquals(buildJsonObject { put("unrent_numbers", false) }, lastBody())
        assertThrows<PowerpackException.NotFound> { client.getPowerpack(all[0].uuid) }
    }

    @Test
    fun `invalid input is refused before any request`() {
        val cases: List<Pair<String, () -> Unit>> = listOf(
            "update" to { client.updatePowerpack("uuid") },
            "uuid" to { client.updatePowerpack("a/b", name = "x") },
            "name" to { client.updatePowerpack("u", name = " ") },
            "limit" to { client.listPowerpacks(limit = 21) },
            "offset" to { client.listPowerpacks(offset = -1) },
            "application.phlo_id" to { client.updatePowerpack("u", application = Application.Phlo(phloId = "x")) },
        )
        for ((field, call) in cases) {
            val e = assertThrows<PowerpackException.Validation> { call() }
            assertEquals(field, e.field)
        }
        assertEquals(0, Sandbox.journal().size)
        val e = assertThrows<PowerpackException.Validation> { powerpackClient("MA1", AUTH_TOKEN) }
        assertEquals("auth_id", e.field)
    }

    @Test
    fun `each error type comes from its fault`() {
        val uuid = client.createPowerpack("pp").uuid
        val p = Sandbox.path(uuid)
        Sandbox.fault("status", "GET", p, fields = "\"status\": 403")
        assertEquals(403, assertThrows<PowerpackException.Forbidden> { client.getPowerpack(uuid) }.status)
        Sandbox.fault("status", "GET", p, count = 3, fields = "\"status\": 429, \"retry_after_secs\": 0")
        val limited = assertThrows<PowerpackException.RateLimited> { client.getPowerpack(uuid) }
        assertEquals(Duration.ZERO, limited.retryAfter)
        Sandbox.fault("status", "GET", p, count = 3, fields = "\"status\": 503")
        assertThrows<PowerpackException.Server> { client.getPowerpack(uuid) }
        Sandbox.fault("reset", "GET", p, count = 3)
        assertThrows<PowerpackException.Network> { client.getPowerpack(uuid) }
        Sandbox.fault("malformed_json", "GET", p)
        assertEquals(".", assertThrows<PowerpackException.Decode> { client.getPowerpack(uuid) }.path)
        val other = client.createPowerpack("other").uuid
        val invalid = assertThrows<PowerpackException.InvalidRequest> { client.updatePowerpack(other, name = "pp") }
        assertEquals(400, invalid.status)
        assertNotNull(invalid.apiId)
        assertEquals("a Powerpack named \"pp\" already exists", invalid.reason)
        powerpackClient(AUTH_ID, "wrong", Sandbox.config()).use { wrong ->
            val e = assertThrows<PowerpackException.Authentication> { wrong.getPowerpack(uuid) }
            assertNull(e.apiId)
            assertTrue("wrong" !in e.toString())
        }
        val timeouts = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config(attemptTimeout = Duration.ofMillis(200), retry = RetryPolicy(maxAttempts = 1)))
        Sandbox.fault("hang", "GET", p, fields = "\"ms\": 5000")
        assertThrows<PowerpackException.Timeout> { timeouts.getPowerpack(uuid) }
    }

    @Test
    fun `retries show in the journal`() {
        val uuid = client.createPowerpack("pp").uuid
        Sandbox.fault("status", "POST", Sandbox.path(uuid), count = 2, fields = "\"status\": 502")
        assertEquals(false, client.updatePowerpack(uuid, stickySender = false).stickySender)
        val statuses = Sandbox.journal().filter { it.str("path") == Sandbox.path(uuid) }.map { it["status"]!!.jsonPrimitive.content }
        assertEquals(listOf("502", "502", "200"), statuses)
    }

    @Test
    fun `suspend functions run concurrently in coroutines`() = runBlocking {
        val uuids = (0 until 10).map { client.createPowerpackAsync("c$it").uuid }
        val results = (0 until 100).map { i ->
            async { client.updatePowerpackAsync(uuids[i % 10], name = "n$i", stickySender = i % 2 == 0) }
        }.awaitAll()
        assertEquals((0 until 100).map { "n$it" }, results.map { it.name })
        assertEquals(110, Sandbox.journal().count { it.str("method") == "POST" })
        // Updates raced: the last one applied is one of the ten aimed at this Powerpack.
        assertTrue(client.getPowerpackAsync(uuids[9]).name in (9 until 100 step 10).map { "n$it" })
    }

    @Test
    fun `cancelling a coroutine stops the Rust call and its retries`() = runBlocking {
        val slow = Sandbox.retryingClient()
        Sandbox.fault("hang", "GET", Sandbox.path("u"), count = 10, fields = "\"ms\": 5000")
        Sandbox.assertCancellingStopsTheCall { slow.getPowerpackAsync("u") }
    }

    @Test
    fun `a coroutine timeout cancels cleanly`() = runBlocking {
        Sandbox.fault("hang", "GET", Sandbox.path("u"), fields = "\"ms\": 5000")
        assertNull(withTimeoutOrNull(300) { client.getPowerpackAsync("u") })
        assertEquals("pp", client.createPowerpackAsync("pp").name, "the client still works afterwards")
    }

    @Test
    fun `records are data classes`() {
        val a = NumberPriority("US", ServiceType.SMS, Priority(NumberType.SHORTCODE, NumberType.TOLLFREE, NumberType.LONGCODE))
        assertEquals(a, a.copy(), "structural equality")
        assertTrue(a != a.copy(countryIso = "CA"), "fields take part in equality")
        val uuid = client.createPowerpack("pp").uuid
        assertEquals(listOf(a), client.updatePowerpack(uuid, numberPriority = listOf(a)).numberPriority)
    }
}
