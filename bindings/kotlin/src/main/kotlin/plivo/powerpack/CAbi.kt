package plivo.powerpack

import com.sun.jna.Callback
import com.sun.jna.Native
import com.sun.jna.Pointer
import kotlinx.coroutines.suspendCancellableCoroutine
import java.lang.ref.Cleaner
import java.lang.ref.Reference
import java.util.WeakHashMap
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicLong
import kotlin.coroutines.resume

/**
 * The C ABI linked into the same native library (`plivo_call`, `plivo_call_async`): the JVM
 * binding's Powerpack calls take it instead of UniFFI's generated calls.
 *
 * Through UniFFI every buffer and call status crosses as a JNA `Structure` passed by value, and
 * JNA allocates each one's native memory through `Memory`, registered in a global table and
 * released by a cleaner thread: a JFR profile of the blocking bench put over half the JVM's CPU
 * there (BENCHMARKS.md). Here a call passes two byte arrays and gets one pointer back, with JNA's
 * direct mapping and no `Structure` at all. The JSON is the core's neutral form (Wire.kt); the
 * errors come back as the C ABI's envelope and the Rust side raises the same typed
 * [PowerpackException] the UniFFI calls raise ([raiseEnvelopeError]).
 */
internal object CAbi {
    init {
        val library = System.getProperty("uniffi.component.plivo_powerpack.libraryOverride") ?: "plivo_powerpack_ffi"
        Native.register(CAbi::class.java, library)
    }

    @JvmStatic external fun plivo_call(client: Long, operation: ByteArray, args: ByteArray): Pointer
    @JvmStatic external fun plivo_call_async(client: Long, operation: ByteArray, args: ByteArray, cancel: Pointer?, callback: Completion, userData: Long)
    @JvmStatic external fun plivo_string_free(s: Pointer)
    @JvmStatic external fun plivo_client_free(client: Long)
    @JvmStatic external fun plivo_cancel_new(): Pointer
    @JvmStatic external fun plivo_cancel_cancel(cancel: Pointer)
    @JvmStatic external fun plivo_cancel_free(cancel: Pointer)

    /** `PlivoCallback`: `void (*)(void *user_data, const char *envelope)`. */
    fun interface Completion : Callback {
        fun invoke(userData: Long, envelope: Pointer)
    }

    private val cleaner: Cleaner = Cleaner.create()
    private val handles = WeakHashMap<PowerpackClient, Long>()

    /**
     * The client's C handle, made on first use (`PowerpackClient.cClient()`); it holds its own
     * reference to the client's connection pool and is freed when the client is collected (a
     * closed client's pool lives until then; the calls refuse a closed client).
     */
    fun handle(client: PowerpackClient): Long = synchronized(handles) {
        handles.getOrPut(client) {
            val handle = client.cClient().toLong()
            cleaner.register(client) { plivo_client_free(handle) }
            handle
        }
    }

    private const val OK = "{\"ok\":true,\"result\":"

    /** The result's JSON of an envelope, or the typed error it describes, thrown. */
    private fun result(text: String): String {
        if (text.startsWith(OK)) return text.substring(OK.length, text.length - 1)
        raiseEnvelopeError(text)
        throw PowerpackException.Internal("the C ABI answered neither a result nor an error")
    }

    private fun cString(text: String): ByteArray {
        val bytes = text.toByteArray(Charsets.UTF_8)
        return bytes.copyOf(bytes.size + 1)
    }

    /**
     * The client's C handle, refused as the generated members refuse a closed client. Not through
     * the generated `callWithHandle`: it hands its block a clone of the UniFFI handle to consume,
     * and a block that does not pass it to Rust keeps the Rust client alive for ever. The C handle
     * holds its own reference, so a close during the call cannot free what the call uses.
     */
    private fun openHandle(client: PowerpackClient): Long {
        check(!client.uniffiIsDestroyed) { "${client.javaClass.simpleName} object has already been destroyed" }
        return handle(client)
    }

    /** Runs one operation of the core's table and waits: the result's JSON, or the typed error. */
    fun call(client: PowerpackClient, operation: String, args: String): String {
        val envelope = try {
            plivo_call(openHandle(client), cString(operation), cString(args))
        } finally {
            // The handle is a number: without the fence the client could be collected (and its
            // Cleaner free the handle) while plivo_call still runs on it.
            Reference.reachabilityFence(client)
        }
        val text = try {
            envelope.getString(0, "UTF-8")
        } finally {
            plivo_string_free(envelope)
        }
        return result(text)
    }

    /** A call's cancellation token: cancelled only while the call runs, freed once when it ends. */
    private class InFlight(val token: Pointer) {
        private var done = false

        @Synchronized fun cancel() {
            if (!done) plivo_cancel_cancel(token)
        }

        @Synchronized fun finish() {
            done = true
            plivo_cancel_free(token)
        }
    }

    /** The calls in flight, by the id that travels as `user_data`. */
    private val pending = ConcurrentHashMap<Long, (String?) -> Unit>()
    private val nextId = AtomicLong()

    /** One callback object for every call (JNA makes a native trampoline per object). */
    private val completion = Completion { userData, envelope ->
        val text = try { envelope.getString(0, "UTF-8") } catch (e: Throwable) { null }
        pending.remove(userData)?.invoke(text)
    }.also(::keepAttached)

    /**
     * The suspend twin of [call]. Cancelling the coroutine cancels the request in flight (the
     * token); the library still calls back once, and the token is freed then.
     */
    suspend fun callAsync(client: PowerpackClient, operation: String, args: String): String {
        val handle = openHandle(client)
        val (op, arguments) = cString(operation) to cString(args)
        val envelope = suspendCancellableCoroutine<String?> { continuation ->
            val call = InFlight(plivo_cancel_new())
            val id = nextId.incrementAndGet()
            pending[id] = { text ->
                call.finish()
                // Held by the pending completion until the call ends, so that its Cleaner cannot
                // free the handle under a call in flight.
                Reference.reachabilityFence(client)
                continuation.resume(text)
            }
            continuation.invokeOnCancellation { call.cancel() }
            plivo_call_async(handle, op, arguments, call.token, completion, id)
        }
        return result(envelope ?: throw PowerpackException.Internal("an unreadable answer from the library"))
    }
}
