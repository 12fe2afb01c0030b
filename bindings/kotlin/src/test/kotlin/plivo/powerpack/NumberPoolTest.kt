package plivo.powerpack

import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Instant

/** The number pool from the packaged jar, against the sandbox: exact requests, `rent` always sent,
 *  `unrent` false by default, validation before I/O, error classes, suspend twins. */
class NumberPoolTest {
    private lateinit var client: PowerpackClient
    private lateinit var owner: Powerpack
    private lateinit var pool: NumberPool

    @BeforeEach
    fun fresh() {
        Sandbox.reset()
        client = powerpackClient(AUTH_ID, AUTH_TOKEN, Sandbox.config())
        owner = client.createPowerpack("pool owner")
        Sandbox.seed(
            """{"numbers": [
                {"number": "14155550100", "country_iso2": "US", "type": "fixed"},
                {"number": "14155550101", "country_iso2": "US", "type": "mobile"},
                {"number": "447700900123", "country_iso2": "GB", "type": "mobile"},
                {"number": "18005550100", "country_iso2": "US", "type": "tollfree"}]}""",
        )
        pool = client.numberPool(owner)
        Sandbox.clearJournal()
    }

    @AfterEach
    fun close() = client.close()

    private fun poolPath(rest: String) = "/v1/Account/$AUTH_ID/NumberPool/${pool.uuid()}/$rest"
    private fun body(entry: JsonObject) = Json.parseToJsonElement(entry.str("body")!!)

    @Test
    fun `a pool is named by its Powerpack or by its uuid`() {
        assertEquals(owner.numberPoolUuid, pool.uuid())
        assertEquals(pool.uuid(), client.numberPool(owner.numberPoolUuid!!).uuid())
        assertTrue(pool.toString().contains("***") && !pool.toString().contains(AUTH_TOKEN), pool.toString())
    }

    @Test
    fun `addNumber sends rent false and decodes the number`() {
        val added = pool.addNumber("14155550100")

        val entry = Sandbox.journal().single()
        assertEquals("POST" to poolPath("Number/14155550100/"), entry.str("method") to entry.str("path"))
        assertEquals("application/json", entry.header("content-type"))
        assertEquals(buildJsonObject { put("rent", false) }, body(entry))
        assertEquals(listOf("14155550100", "fixed", "US", "sms"), listOf(added.number, added.numberType, added.countryIso2, added.service))
        assertEquals(pool.uuid(), added.numberPoolUuid)
        assertTrue(added.addedOn!!.isAfter(Instant.now().minusSeconds(60)))
        assertEquals(added.addedOn, pool.getNumber("14155550100").addedOn)
    }

    @Test
    fun `buyAndAddNumber sends rent true and the service`() {
        val bought = pool.buyAndAddNumber("14155559999", service = ServiceType.MMS)
        assertEquals(buildJsonObject { put("rent", true); put("service", "mms") }, body(Sandbox.journal().single()))
        assertEquals("mms", bought.service)
    }

    @Test
    fun `removeNumber keeps the rental unless unrent`() {
        pool.addNumber("14155550100")
        pool.addNumber("14155550101")
        Sandbox.clearJournal()
        assertEquals("success", pool.removeNumber("14155550100").response)
        assertEquals("success", pool.removeNumber("14155550101", unrent = true).response)
        val deletes = Sandbox.journal()
        assertEquals(listOf(poolPath("Number/14155550100/"), poolPath("Number/14155550101/")), deletes.map { it.str("path") })
        assertEquals(
            listOf(buildJsonObject { put("unrent", false) }, buildJsonObject { put("unrent", true) }),
            deletes.map { body(it) },
        )
        pool.addNumber("14155550100")
        assertEquals(404, assertThrows<PowerpackException.NotFound> { pool.addNumber("14155550101") }.status)
    }

    @Test
    fun `listNumbers sends every filter in the query string`() {
        listOf("14155550100", "14155550101", "447700900123").forEach { pool.addNumber(it) }
        Sandbox.clearJournal()
        val filter = NumberFilter(startsWith = listOf("1415", "1650"), countryIso2 = "US", numberType = PoolNumberType.MOBILE, service = ServiceType.SMS)
        val page = pool.listNumbers(filter, limit = 5)
        val entry = Sandbox.journal().single()
        assertEquals(poolPath("Number/"), entry.str("path"))
        assertEquals("starts_with=1415,1650&country_iso2=US&type=mobile&service=sms&limit=5&offset=0", entry.str("query"))
        assertEquals(listOf("14155550101"), page.numbers.map { it.number })
        assertEquals(1L, page.meta.totalCount)
        assertEquals(3, pool.listAllNumbers().size)
    }

    @Test
    fun `shortcodes and toll-free numbers`() {
        Sandbox.seed("""{"shortcodes": [{"shortcode": "444444", "country_iso2": "US", "powerpack": "${owner.uuid}"}]}""")
        assertEquals(listOf("444444"), pool.listShortcodes().shortcodes.map { it.shortcode })
        assertEquals("US", pool.getShortcode("444444").countryIso2)
        assertEquals("success", pool.removeShortcode("444444").response)
        assertTrue(pool.listAllShortcodes().isEmpty())

        assertEquals("tollfree", pool.addTollfree("18005550100").numberType)
        assertEquals(listOf("18005550100"), pool.listTollfree().numbers.map { it.number })
        assertEquals("18005550100", pool.getTollfree("18005550100").number)
        pool.removeTollfree("18005550100")
        assertTrue(pool.listAllTollfree().isEmpty())
        val removal = Sandbox.journal().single { it.str("method") == "DELETE" && it.str("path")!!.contains("/Tollfree/") }
        assertEquals(buildJsonObject { put("unrent", false) }, body(removal))
    }

    @Test
    fun `invalid input is refused before any request`() {
        val calls: List<Pair<String, () -> Any>> = listOf(
            "number" to { pool.addNumber("+14155550100") },
            "number" to { pool.getTollfree("1415") },
            "shortcode" to { pool.removeShortcode("44") },
            "starts_with" to { pool.listNumbers(NumberFilter(startsWith = listOf("1415"))) },
            "country_iso2" to { pool.listAllNumbers(NumberFilter(countryIso2 = "usa")) },
            "limit" to { pool.listTollfree(limit = 21) },
            "offset" to { pool.listShortcodes(offset = -1) },
            "pool_uuid" to { client.numberPool("not-a-uuid") },
            "powerpack.number_pool" to { client.numberPool(owner.copy(numberPoolUuid = null)) },
        )
        for ((field, call) in calls) {
            assertEquals(field, assertThrows<PowerpackException.Validation> { call() }.field)
        }
        assertEquals(emptyList<JsonObject>(), Sandbox.journal())
    }

    @Test
    fun `api errors arrive as their exception classes`() {
        pool.addNumber("14155550100")
        val other = client.numberPool(client.createPowerpack("other"))
        val e = assertThrows<PowerpackException.InvalidRequest> { other.addNumber("14155550100") }
        assertEquals(400 to "number 14155550100 belongs to another number pool", e.status to e.reason)
        assertThrows<PowerpackException.NotFound> { client.numberPool("0166c910-1268-47c7-bf30-f5809ee843b9").listNumbers() }
        powerpackClient(AUTH_ID, "wrong-token", Sandbox.config()).use { wrong ->
            assertThrows<PowerpackException.Authentication> { wrong.numberPool(pool.uuid()).listShortcodes() }
        }
        Sandbox.fault("status", "POST", poolPath("Number/14155559999/"), fields = "\"status\": 503")
        Sandbox.clearJournal()
        assertThrows<PowerpackException.Server> { pool.buyAndAddNumber("14155559999") }
        assertEquals(1, Sandbox.journal().size, "a buy is not repeated once the server may have seen it")
    }

    @Test
    fun `suspend twins make the same requests`() = runBlocking {
        val added = pool.addNumberAsync("14155550100", ServiceType.MMS)
        pool.buyAndAddNumberAsync("14155559999", null)
        val page = pool.listNumbersAsync(NumberFilter(countryIso2 = "US"), limit = 1)
        val all = pool.listAllNumbersAsync()
        assertEquals("success", pool.removeNumberAsync("14155550100").response)
        assertEquals("mms", added.service)
        assertEquals(2L to 1, page.meta.totalCount to page.numbers.size)
        assertEquals(2, all.size)
        assertEquals(
            listOf(
                buildJsonObject { put("rent", false); put("service", "mms") },
                buildJsonObject { put("rent", true) },
                buildJsonObject { put("unrent", false) },
            ),
            Sandbox.journal().filter { it.str("method") != "GET" }.map { body(it) },
        )
        assertThrows<PowerpackException.Validation> { runBlocking { pool.listNumbersAsync(NumberFilter(startsWith = listOf("1"))) } }
        Unit
    }
}
