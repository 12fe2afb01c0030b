package plivo.powerpack

import kotlinx.coroutines.runBlocking

/** `make demo`'s Kotlin step: the seed's flow with coroutines. Reads PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_BASE_URL. */
fun main(args: Array<String>): Unit = runBlocking {
    val uuid = args.single()
    powerpackClientFromEnv().use { client ->
        val powerpack = client.getPowerpackAsync(uuid)
        println("kotlin: got ${powerpack.uuid} name=${powerpack.name}")
        val updated = client.updatePowerpackAsync(powerpack.uuid, name = "powerpack_name_from_kotlin", stickySender = true)
        println("kotlin: updated name=${updated.name} stickySender=${updated.stickySender}")
        try {
            client.getPowerpackAsync("no-such-powerpack")
        } catch (e: PowerpackException.NotFound) {
            println("kotlin: not found, status=${e.status} reason=${e.reason}")
        }
    }
}
