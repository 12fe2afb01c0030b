package plivo.powerpack

import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory

/**
 * The conformance vectors of tests/vectors/ through the jar's Kotlin API (named arguments, the
 * `Application` sealed class, enums); the comparison lives in [VectorHarness]. The counts go to
 * target/vectors/kotlin.json.
 */
class VectorsTest {
    private fun Map<String, Any?>.s(key: String) = this[key] as String?
    private fun Map<String, Any?>.i(key: String) = (this[key] as Long?)?.toInt()
    private fun Map<String, Any?>.b(key: String) = this[key] as Boolean? ?: false
    @Suppress("UNCHECKED_CAST")
    private fun Map<String, Any?>.m(key: String) = this[key] as Map<String, Any?>?

    private fun application(a: Map<String, Any?>): Application = when (a.s("type")) {
        "xml" -> Application.Xml(a.s("id")!!)
        "phlo" -> Application.Phlo(a.s("id")!!)
        else -> Application.Detach
    }

    @Suppress("UNCHECKED_CAST")
    private fun priorities(list: Any?) = (list as List<Map<String, Any?>>?)?.map { p ->
        val pr = p.m("priority")!!
        fun type(key: String) = NumberType.valueOf(pr.s(key)!!.uppercase())
        NumberPriority(p.s("country_iso")!!, ServiceType.valueOf(p.s("service_type")!!.uppercase()),
            Priority(type("priority1"), type("priority2"), type("priority3")))
    }

    private fun service(a: Map<String, Any?>) = a.s("service")?.let { ServiceType.valueOf(it.uppercase()) }

    @Suppress("UNCHECKED_CAST")
    private fun filter(f: Map<String, Any?>?) = NumberFilter(
        startsWith = f?.get("starts_with") as List<String>? ?: emptyList(),
        countryIso2 = f?.s("country_iso2"),
        numberType = f?.s("number_type")?.let { PoolNumberType.valueOf(it.uppercase()) },
        service = f?.s("service")?.let { ServiceType.valueOf(it.uppercase()) },
    )

    /** The operation through the jar's API, as a Kotlin user would write it. */
    private fun call(c: PowerpackClient, op: String, a: Map<String, Any?>): Any {
        val pool by lazy { c.numberPool(a.s("pool_uuid")!!) }
        val changes = a.m("changes") ?: a.m("powerpack") ?: emptyMap()
        val app = changes.m("application")?.let(::application)
        return when (op) {
            "get_powerpack" -> c.getPowerpack(a.s("uuid")!!)
            "create_powerpack" -> c.createPowerpack(changes.s("name")!!, stickySender = changes["sticky_sender"] as Boolean?,
                localConnect = changes["local_connect"] as Boolean?, application = app,
                numberPriority = priorities(changes["number_priority"]))
            "update_powerpack" -> c.updatePowerpack(a.s("uuid")!!, name = changes.s("name"),
                stickySender = changes["sticky_sender"] as Boolean?, localConnect = changes["local_connect"] as Boolean?,
                application = app, numberPriority = priorities(changes["number_priority"]))
            "list_powerpacks" -> c.listPowerpacks(a.i("limit"), a.i("offset"))
            "list_all_powerpacks" -> c.listAllPowerpacks()
            "delete_powerpack" -> c.deletePowerpack(a.s("uuid")!!, a.b("unrent_numbers"))
            "list_numbers" -> pool.listNumbers(filter(a.m("filter")), a.i("limit"), a.i("offset"))
            "list_all_numbers" -> pool.listAllNumbers(filter(a.m("filter")))
            "get_number" -> pool.getNumber(a.s("number")!!)
            "add_number" -> pool.addNumber(a.s("number")!!, service(a))
            "buy_and_add_number" -> pool.buyAndAddNumber(a.s("number")!!, service(a))
            "remove_number" -> pool.removeNumber(a.s("number")!!, a.b("unrent"))
            "list_shortcodes" -> pool.listShortcodes(a.i("limit"), a.i("offset"))
            "list_all_shortcodes" -> pool.listAllShortcodes()
            "get_shortcode" -> pool.getShortcode(a.s("shortcode")!!)
            "remove_shortcode" -> pool.removeShortcode(a.s("shortcode")!!)
            "list_tollfree" -> pool.listTollfree(a.i("limit"), a.i("offset"))
            "list_all_tollfree" -> pool.listAllTollfree()
            "get_tollfree" -> pool.getTollfree(a.s("number")!!)
            "add_tollfree" -> pool.addTollfree(a.s("number")!!)
            "remove_tollfree" -> pool.removeTollfree(a.s("number")!!, a.b("unrent"))
            else -> error("no operation $op")
        }
    }

    /** What Kotlin's API cannot express: nothing. */
    @TestFactory
    fun vectors(): List<DynamicTest> = VectorHarness.tests("kotlin", emptyMap(), ::call)
}
