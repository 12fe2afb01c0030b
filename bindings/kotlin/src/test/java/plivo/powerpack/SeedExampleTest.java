package plivo.powerpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
            Powerpack response = client.updatePowerpack(powerpack.getUuid(), "your_powerpack_name", null, null, null, null);
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
            uuid = setup.createPowerpack("from-java", null, null, null, null).getUuid();
        }
        Powerpack updated = seedExample(baseUrl, uuid);
        assertEquals("your_powerpack_name", updated.getName());
        assertEquals(Boolean.TRUE, updated.getStickySender());
    }

    @Test
    void errorsAreCheckedExceptionsWithFields() throws PowerpackException {
        Sandbox.INSTANCE.reset();
        try (PowerpackClient client = PowerpackClients.powerpackClient("MASANDBOX00000000001", "sandbox-auth-token",
                PowerpackClients.clientConfig(Sandbox.INSTANCE.getBaseUrl()))) {
            PowerpackException.NotFound e = assertThrows(PowerpackException.NotFound.class, () -> client.getPowerpack("missing"));
            assertEquals("Powerpack not found", e.getReason());
            PowerpackException.Validation v = assertThrows(PowerpackException.Validation.class,
                    () -> client.updatePowerpack("missing", null, null, null, null, null));
            assertEquals("update", v.getField());
        }
    }
}
