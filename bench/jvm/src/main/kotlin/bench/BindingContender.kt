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
private const val LATENCY_CONCURRENCY = 256
/** The soak: sequential updates while the driver samples the process's memory. */
private const val SOAK_N = 100_000

private fun secondsSince(t: Long) = (System.nanoTime() - t) / 1e9

/**
 * `BindingContenderKt <coroutines|blocking> <throughput|cold|latency|soak> <base_url> <uuids_file>`: the Kotlin
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
        suspend fun atConcurrency(limit: Int): Double {
            val gate = Semaphore(limit)
            val t = System.nanoTime()
            (0 until N).map { i -> async { gate.withPermit { update(i) } } }.awaitAll()
            return secondsSince(t)
        }
        if (mode == "latency") {
            atConcurrency(LATENCY_CONCURRENCY) // the warm-up round
            return@runBlocking """{"latency_s": ${atConcurrency(LATENCY_CONCURRENCY)}}"""
        }
        if (mode == "soak") {
            repeat(SOAK_N) { update(it) }
            return@runBlocking """{"soak_n": $SOAK_N}"""
        }
        repeat(WARMUP) { update(it) }
        var t = System.nanoTime()
        repeat(N) { update(it) }
        val seq = secondsSince(t)
        """{"seq_s": $seq, "conc_s": ${atConcurrency(CONCURRENCY)}}"""
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
    fun onThreads(threads: Int): Double {
        val pool = java.util.concurrent.Executors.newFixedThreadPool(threads)
        val t = System.nanoTime()
        (0 until N).map { i -> pool.submit { update(i) } }.forEach { it.get() }
        pool.shutdown()
        return secondsSince(t)
    }
    if (mode == "latency") {
        onThreads(LATENCY_CONCURRENCY) // the warm-up round
        return """{"latency_s": ${onThreads(LATENCY_CONCURRENCY)}}"""
    }
    if (mode == "soak") {
        repeat(SOAK_N) { update(it) }
        return """{"soak_n": $SOAK_N}"""
    }
    repeat(WARMUP) { update(it) }
    val t = System.nanoTime()
    repeat(N) { update(it) }
    val seq = secondsSince(t)
    return """{"seq_s": $seq, "conc_s": ${onThreads(CONCURRENCY)}}"""
}
