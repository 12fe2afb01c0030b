@file:JvmName("PowerpackClients")

package plivo.powerpack

/** What the JVM binding appends to the User-Agent: `kotlin/2.2.21 jvm/17.0.15`. */
val JVM_USER_AGENT: String = "kotlin/${KotlinVersion.CURRENT} jvm/${System.getProperty("java.version")}"

/**
 * A client for these credentials whose User-Agent names the JVM binding. Prefer this to the
 * generated constructor. From Java: `PowerpackClients.powerpackClient(authId, authToken, config)`.
 * Close it (`use {}` / try-with-resources) when done.
 */
@JvmOverloads
fun powerpackClient(authId: String, authToken: String, config: ClientConfig = ClientConfig()): PowerpackClient {
    keepCallbackThreadsAttached
    return PowerpackClient(authId, authToken, config.withJvmUserAgent())
}

/** A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`. */
@JvmOverloads
fun powerpackClientFromEnv(config: ClientConfig = ClientConfig()): PowerpackClient {
    keepCallbackThreadsAttached
    return PowerpackClient.fromEnv(config.withJvmUserAgent())
}

/**
 * Suspend calls complete through a JNA callback made from the Rust runtime's worker threads.
 * By default JNA attaches such a thread to the JVM for each callback and detaches it after;
 * keeping the few, long-lived worker threads attached (as daemon threads) made coroutine calls
 * about 15% cheaper in `make bench`. The price, measured there too: about 0.3 s more at JVM exit.
 */
private val keepCallbackThreadsAttached: Unit by lazy {
    com.sun.jna.Native.setCallbackThreadInitializer(
        uniffiRustFutureContinuationCallbackImpl,
        com.sun.jna.CallbackThreadInitializer(true, false, "plivo-powerpack-callback"),
    )
}

/** A [ClientConfig] for a base URL with every other default; handy from Java. */
fun clientConfig(baseUrl: String?): ClientConfig = ClientConfig(baseUrl = baseUrl)

internal fun ClientConfig.withJvmUserAgent(): ClientConfig =
    if (userAgentSuffix == null) copy(userAgentSuffix = JVM_USER_AGENT) else this
