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
private val keepCallbackThreadsAttached: Unit by lazy { keepAttached(uniffiRustFutureContinuationCallbackImpl) }

/** Keeps the threads that call `callback` attached to the JVM between calls, as daemon threads. */
internal fun keepAttached(callback: com.sun.jna.Callback) {
    com.sun.jna.Native.setCallbackThreadInitializer(
        callback,
        com.sun.jna.CallbackThreadInitializer(true, false, "plivo-powerpack-callback"),
    )
}

/** A [ClientConfig] for a base URL with every other default; handy from Java. */
fun clientConfig(baseUrl: String?): ClientConfig = ClientConfig(baseUrl = baseUrl)

internal fun ClientConfig.withJvmUserAgent(): ClientConfig =
    if (userAgentSuffix == null) copy(userAgentSuffix = JVM_USER_AGENT) else this

// Kotlin callers keep named arguments through these extensions; Java callers use the builders
// below with the generated `updatePowerpack(uuid, changes)`. Arguments left null are not sent;
// `false` is sent as false. The extensions take the C ABI in the same library (CAbi.kt, Wire.kt: one
// crossing a call, no JNA `Structure`); the generated members take UniFFI's calls. Both run the
// same Rust and answer the same records and errors.

/** Changes a Powerpack: `client.updatePowerpack(uuid, name = "x", stickySender = false)`. */
fun PowerpackClient.updatePowerpack(
    uuid: String,
    name: String? = null,
    stickySender: Boolean? = null,
    localConnect: Boolean? = null,
    application: Application? = null,
    numberPriority: List<NumberPriority>? = null,
): Powerpack = Wire.powerpack(
    CAbi.call(this, "update_powerpack", Wire.updateArgs(uuid, UpdatePowerpack(name, stickySender, localConnect, application, numberPriority))),
)

/** The suspend twin of [updatePowerpack]. */
suspend fun PowerpackClient.updatePowerpackAsync(
    uuid: String,
    name: String? = null,
    stickySender: Boolean? = null,
    localConnect: Boolean? = null,
    application: Application? = null,
    numberPriority: List<NumberPriority>? = null,
): Powerpack = Wire.powerpack(
    CAbi.callAsync(this, "update_powerpack", Wire.updateArgs(uuid, UpdatePowerpack(name, stickySender, localConnect, application, numberPriority))),
)

/** Creates a Powerpack: `client.createPowerpack("name", localConnect = false)`. */
fun PowerpackClient.createPowerpack(
    name: String,
    stickySender: Boolean? = null,
    localConnect: Boolean? = null,
    application: Application? = null,
    numberPriority: List<NumberPriority>? = null,
): Powerpack = Wire.powerpack(
    CAbi.call(this, "create_powerpack", Wire.createArgs(CreatePowerpack(name, stickySender, localConnect, application, numberPriority))),
)

/** The suspend twin of [createPowerpack]. */
suspend fun PowerpackClient.createPowerpackAsync(
    name: String,
    stickySender: Boolean? = null,
    localConnect: Boolean? = null,
    application: Application? = null,
    numberPriority: List<NumberPriority>? = null,
): Powerpack = Wire.powerpack(
    CAbi.callAsync(this, "create_powerpack", Wire.createArgs(CreatePowerpack(name, stickySender, localConnect, application, numberPriority))),
)

/**
 * The number pool of a Powerpack: `client.numberPool(powerpack).addNumber("14155550100")`.
 * (`client.numberPool(uuid)` takes a pool uuid.) Sends nothing; `Validation` when it has no pool.
 */
fun PowerpackClient.numberPool(powerpack: Powerpack): NumberPool = numberPoolOf(powerpack)

/**
 * A [NumberFilter] for Java: `new NumberFilterBuilder().countryIso2("US").startsWith("1415", "1650")
 * .numberType(PoolNumberType.MOBILE).build()`. Kotlin callers name the fields: `NumberFilter(countryIso2 = "US")`.
 */
class NumberFilterBuilder {
    private var filter = NumberFilter()
    fun startsWith(vararg prefixes: String) = apply { filter = filter.copy(startsWith = prefixes.toList()) }
    fun countryIso2(iso: String) = apply { filter = filter.copy(countryIso2 = iso) }
    fun numberType(type: PoolNumberType) = apply { filter = filter.copy(numberType = type) }
    fun service(service: ServiceType) = apply { filter = filter.copy(service = service) }
    fun build(): NumberFilter = filter
}

/**
 * An [UpdatePowerpack] for Java, without positional nulls:
 * `new UpdatePowerpackBuilder().name("x").stickySender(false).build()`.
 */
class UpdatePowerpackBuilder {
    private var changes = UpdatePowerpack()
    fun name(name: String) = apply { changes = changes.copy(name = name) }
    fun stickySender(on: Boolean) = apply { changes = changes.copy(stickySender = on) }
    fun localConnect(on: Boolean) = apply { changes = changes.copy(localConnect = on) }
    fun application(application: Application) = apply { changes = changes.copy(application = application) }
    fun numberPriority(priorities: List<NumberPriority>) = apply { changes = changes.copy(numberPriority = priorities) }
    fun build(): UpdatePowerpack = changes
}

/** A [CreatePowerpack] for Java: `new CreatePowerpackBuilder("name").localConnect(false).build()`. */
class CreatePowerpackBuilder(name: String) {
    private var powerpack = CreatePowerpack(name)
    fun stickySender(on: Boolean) = apply { powerpack = powerpack.copy(stickySender = on) }
    fun localConnect(on: Boolean) = apply { powerpack = powerpack.copy(localConnect = on) }
    fun application(application: Application) = apply { powerpack = powerpack.copy(application = application) }
    fun numberPriority(priorities: List<NumberPriority>) = apply { powerpack = powerpack.copy(numberPriority = priorities) }
    fun build(): CreatePowerpack = powerpack
}

/**
 * A [ClientConfig] for Java: `new ClientConfigBuilder().baseUrl(url).attemptTimeout(Duration.ofSeconds(2))
 * .retry(new RetryPolicyBuilder().maxAttempts(1).build()).build()`. Settings not given keep the core's defaults.
 */
class ClientConfigBuilder {
    private var config = ClientConfig()
    fun baseUrl(url: String) = apply { config = config.copy(baseUrl = url) }
    fun connectTimeout(timeout: java.time.Duration) = apply { config = config.copy(connectTimeout = timeout) }
    fun attemptTimeout(timeout: java.time.Duration) = apply { config = config.copy(attemptTimeout = timeout) }
    fun totalDeadline(deadline: java.time.Duration) = apply { config = config.copy(totalDeadline = deadline) }
    fun retry(policy: RetryPolicy) = apply { config = config.copy(retry = policy) }
    fun userAgentSuffix(suffix: String) = apply { config = config.copy(userAgentSuffix = suffix) }
    fun proxy(url: String) = apply { config = config.copy(proxy = url) }
    fun skipAuthIdCheck() = apply { config = config.copy(skipAuthIdCheck = true) }
    /** Also trusts the CA(s) in this PEM text (a private CA, a TLS-inspecting proxy's). */
    fun rootCertificatePem(pem: String) = apply { config = config.copy(rootCertificatesPem = config.rootCertificatesPem + pem) }
    fun trustStore(store: TrustStore) = apply { config = config.copy(trustStore = store) }
    fun build(): ClientConfig = config
}

/** A [RetryPolicy] for Java: `new RetryPolicyBuilder().maxAttempts(5).baseDelay(Duration.ofMillis(100)).build()`. */
class RetryPolicyBuilder {
    private var policy = RetryPolicy()
    fun maxAttempts(attempts: Int) = apply { policy = policy.copy(maxAttempts = attempts) }
    fun baseDelay(delay: java.time.Duration) = apply { policy = policy.copy(baseDelay = delay) }
    fun maxDelay(delay: java.time.Duration) = apply { policy = policy.copy(maxDelay = delay) }
    fun build(): RetryPolicy = policy
}
