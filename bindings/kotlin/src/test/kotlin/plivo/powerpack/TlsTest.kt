package plivo.powerpack

import java.time.Duration
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** HTTPS end to end from the jar: untrusted certificates fail at once with `Tls`; the CA in
 *  `ClientConfig.rootCertificatesPem` makes the call succeed; another host's certificate fails. */
class TlsTest {
    companion object {
        val loopback by lazy { TlsSandbox() }
        val otherName by lazy { TlsSandbox("api.example.test") }
    }

    /** Slow retries: a retried TLS failure would take at least 10 s. */
    private fun config(url: String, ca: String? = null, store: TrustStore? = null) = ClientConfig(
        baseUrl = url,
        retry = RetryPolicy(maxAttempts = 3, baseDelay = Duration.ofSeconds(10), maxDelay = Duration.ofSeconds(10)),
        rootCertificatesPem = listOfNotNull(ca),
        trustStore = store,
    )

    @Test
    fun `with the sandbox CA the call succeeds over https`() {
        assertTrue(loopback.baseUrl.startsWith("https://127.0.0.1:"), loopback.baseUrl)
        powerpackClient(AUTH_ID, AUTH_TOKEN, config(loopback.baseUrl, ca = loopback.ca)).use { c ->
            val created = c.createPowerpack("kotlin over tls ${System.nanoTime()}", stickySender = false)
            assertEquals(false, c.getPowerpack(created.uuid).stickySender)
        }
    }

    @Test
    fun `an unknown issuer fails at once with a TLS error`() {
        for (store in listOf(TrustStore.BUNDLED, TrustStore.SYSTEM)) {
            powerpackClient(AUTH_ID, AUTH_TOKEN, config(loopback.baseUrl, store = store)).use { c ->
                val started = System.nanoTime()
                val e = assertThrows<PowerpackException.Tls> { c.getPowerpack("u") }
                assertTrue(System.nanoTime() - started < 5_000_000_000L, "not retried ($store)")
                assertTrue(e.reason.contains("UnknownIssuer"), e.reason)
            }
        }
    }

    @Test
    fun `a certificate for another name fails`() {
        powerpackClient(AUTH_ID, AUTH_TOKEN, config(otherName.baseUrl, ca = otherName.ca)).use { c ->
            val e = assertThrows<PowerpackException.Tls> { c.getPowerpack("u") }
            assertTrue(e.reason.contains("not valid for name"), e.reason)
        }
    }

    @Test
    fun `Java callers add the CA with the config builder`() {
        val config = ClientConfigBuilder().baseUrl(loopback.baseUrl).rootCertificatePem(loopback.ca).build()
        powerpackClient(AUTH_ID, AUTH_TOKEN, config).use { c ->
            assertTrue(c.listPowerpacks().meta.totalCount >= 0)
        }
        val bad = assertThrows<PowerpackException.Validation> {
            powerpackClient(AUTH_ID, AUTH_TOKEN, ClientConfigBuilder().rootCertificatePem("not a cert").build())
        }
        assertEquals("root_certificates_pem[0]", bad.field)
    }
}
