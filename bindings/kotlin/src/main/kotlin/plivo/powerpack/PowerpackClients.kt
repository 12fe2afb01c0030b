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
fun powerpackClient(authId: String, authToken: String, config: ClientConfig = ClientConfig()): PowerpackClient =
    PowerpackClient(authId, authToken, config.withJvmUserAgent())

/** A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`. */
@JvmOverloads
fun powerpackClientFromEnv(config: ClientConfig = ClientConfig()): PowerpackClient =
    PowerpackClient.fromEnv(config.withJvmUserAgent())

/** A [ClientConfig] for a base URL with every other default; handy from Java. */
fun clientConfig(baseUrl: String?): ClientConfig = ClientConfig(baseUrl = baseUrl)

internal fun ClientConfig.withJvmUserAgent(): ClientConfig =
    if (userAgentSuffix == null) copy(userAgentSuffix = JVM_USER_AGENT) else this
