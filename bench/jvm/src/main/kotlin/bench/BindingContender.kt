package bench

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import plivo.powerpack.ClientConfig
import plivo.powerpack.powerpackClient
import plivo.powerpack.updatePowerpack
import plivo.powerpack.updatePowerpackAsync
import java.io.File

private val STARTED = System.nanoTime()
private const val N = 2000
private const val CONCURRENCY = 64
private const val WARMUP = 100

private fun secondsSince(t: Long) = (System.nanoTime() - t) / 1e9

/**
 * `BindingContenderKt <coroutines|blocking> <throughput|cold> <base_url> <uuids_file>`: the Kotlin
 * binding, with suspend calls (coroutines behind a semaphore) or blocking calls (64 threads).
 */
fun main(args: Array<String>) {
    val (flavour, mode, baseUrl, uuidsFile) = args
    val uuids = File(uuidsFile).readLines().filter { it.isNotBlank() }
    val client = powerpackClient(System.getenv("PLIVO_AUTH_ID"), System.getenv("PLIVO_AUTH_TOKEN"), ClientConfig(baseUrl = baseUrl))
    suspend fun update(i: Int) {
        val p = client.updatePowerpackAsync(uuids[i % uuids.size], stickySender = i % 2 == 0)
        check(p.stickySender == (i % 2 == 0))
    }
    if (flavour == "blocking") {
        println(blocking(client, mode, uuids))
        client.close()
        return
    }
    val result = runBlocking {
        if (mode == "cold") {
            update(0)
            return@runBlocking """{"first_call_s": ${secondsSince(STARTED)}}"""
        }
        repeat(WARMUP) { update(it) }
        var t = System.nanoTime()
        repeat(N) { update(it) }
        val seq = secondsSince(t)
        val gate = Semaphore(CONCURRENCY)
        t = System.nanoTime()
        (0 until N).map { i -> async { gate.withPermit { update(i) } } }.awaitAll()
        """{"seq_s": $seq, "conc_s": ${secondsSince(t)}}"""
    }
    client.close()
    println(result)
}

private fun blocking(client: plivo.powerpack.PowerpackClient, mode: String, uuids: List<String>): String {
    fun update(i: Int) {
        val p = client.updatePowerpack(uuids[i % uuids.size], stickySender = i % 2 == 0)
        check(p.stickySender == (i % 2 == 0))
    }
    if (mode == "cold") {
        update(0)
        return """{"first_call_s": ${secondsSince(STARTED)}}"""
    }
    repeat(WARMUP) { update(it) }
    var t = System.nanoTime()
    repeat(N) { update(it) }
    val seq = secondsSince(t)
    val pool = java.util.concurrent.Executors.newFixedThreadPool(CONCURRENCY)
    t = System.nanoTime()
    (0 until N).map { i -> pool.submit { update(i) } }.forEach { it.get() }
    val conc = secondsSince(t)
    pool.shutdown()
    return """{"seq_s": $seq, "conc_s": $conc}"""
}
