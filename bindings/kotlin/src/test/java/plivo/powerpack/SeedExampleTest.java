package plivo.powerpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The seed's Java example, rewritten for plivo-powerpack, compiled by javac and run:
 * get a Powerpack, update its name, print the answer; errors are PowerpackException.
 */
class SeedExampleTest {

    /** The README's Java example, verbatim but for the sandbox URL and the uuid. */
    static Powerpack seedExample(String baseUrl, String uuid) {
        try (PowerpackClient client = PowerpackClients.powerpackClient(
                "MASANDBOX00000000001", "sandbox-auth-token", PowerpackClients.clientConfig(baseUrl))) {
            Powerpack powerpack = client.getPowerpack(uuid);
            Powerpack response = client.updatePowerpack(powerpack.getUuid(),
                    new UpdatePowerpackBuilder().name("your_powerpack_name").stickySender(false).build());
            System.out.println(response);
            return response;
        } catch (PowerpackException e) {
            e.printStackTrace();
            return null;
        }
    }

    @Test
    void theSeedExampleRunsFromJava() throws PowerpackException {
        Sandbox.INSTANCE.reset();
        String baseUrl = Sandbox.INSTANCE.getBaseUrl();
        String uuid;
        try (PowerpackClient setup = PowerpackClients.powerpackClient("MASANDBOX00000000001", "sandbox-auth-token",
                PowerpackClients.clientConfig(baseUrl))) {
            uuid = setup.createPowerpack(new CreatePowerpackBuilder("from-java").build()).getUuid();
        }
        Powerpack updated = seedExample(baseUrl, uuid);
        assertEquals("your_powerpack_name", updated.getName());
        assertEquals(Boolean.FALSE, updated.getStickySender());
        assertEquals(Boolean.TRUE, updated.getLocalConnect(), "not sent, so unchanged");
    }

    @Test
    void errorsAreCheckedExceptionsWithFields() throws PowerpackException {
        Sandbox.INSTANCE.reset();
        try (PowerpackClient client = PowerpackClients.powerpackClient("MASANDBOX00000000001", "sandbox-auth-token",
                PowerpackClients.clientConfig(Sandbox.INSTANCE.getBaseUrl()))) {
            PowerpackException.NotFound e = assertThrows(PowerpackException.NotFound.class, () -> client.getPowerpack("missing"));
            assertEquals("Powerpack not found", e.getReason());
            PowerpackException.Validation v = assertThrows(PowerpackException.Validation.class,
                    () -> client.updatePowerpack("missing", new UpdatePowerpackBuilder().build()));
            assertEquals("update", v.getField());
            client.createPowerpack(new CreatePowerpackBuilder("taken").build());
            String other = client.createPowerpack(new CreatePowerpackBuilder("other").localConnect(false).build()).getUuid();
            PowerpackException.InvalidRequest dup = assertThrows(PowerpackException.InvalidRequest.class,
                    () -> client.updatePowerpack(other, new UpdatePowerpackBuilder().name("taken").build()));
            int status = dup.getStatus();
            assertEquals(400, status);

            // Counts are longs, not Kotlin's unsigned types.
            long total = client.listPowerpacks(1, 0).getMeta().getTotalCount();
            assertEquals(2L, total);
        }
    }

    @Test
    void aRetryPolicyIsBuiltFromJavaAndObeyed() throws PowerpackException {
        Sandbox.INSTANCE.reset();
        // Durations are java.time.Duration, counts ints; what is not set keeps the core's default.
        RetryPolicy noRetries = new RetryPolicyBuilder().maxAttempts(1).build();
        ClientConfig config = new ClientConfigBuilder()
                .baseUrl(Sandbox.INSTANCE.getBaseUrl())
                .attemptTimeout(Duration.ofSeconds(2))
                .retry(noRetries)
                .userAgentSuffix("java-test")
                .build();
        try (PowerpackClient client = PowerpackClients.powerpackClient("MASANDBOX00000000001", "sandbox-auth-token", config)) {
            Sandbox.INSTANCE.fault("status", "GET", Sandbox.INSTANCE.path("u"), 2, "\"status\": 503");
            PowerpackException.Server e = assertThrows(PowerpackException.Server.class, () -> client.getPowerpack("u"));
            assertEquals(503, e.getStatus());
            assertEquals(1, Sandbox.INSTANCE.journal().size(), "max_attempts 1: no retry");
            String userAgent = Sandbox.INSTANCE.journal().get(0).get("headers").toString();
            assertTrue(userAgent.contains("java-test"), userAgent);
        }
    }
}
