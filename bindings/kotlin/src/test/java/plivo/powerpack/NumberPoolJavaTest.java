package plivo.powerpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The number pool from Java: a filter built without positional nulls, checked exceptions. */
class NumberPoolJavaTest {

    @Test
    void javaCallersFilterWithTheBuilderAndCatchTypedErrors() throws PowerpackException {
        Sandbox.INSTANCE.reset();
        try (PowerpackClient client = PowerpackClients.powerpackClient("MASANDBOX00000000001", "sandbox-auth-token",
                PowerpackClients.clientConfig(Sandbox.INSTANCE.getBaseUrl()))) {
            Powerpack owner = client.createPowerpack(new CreatePowerpackBuilder("java pool").build());
            NumberPool pool = PowerpackClients.numberPool(client, owner);
            PoolNumber bought = pool.buyAndAddNumber("447700900999", ServiceType.SMS);
            assertEquals("mobile", bought.getNumberType());
            assertEquals("GB", bought.getCountryIso2());

            NumberFilter filter = new NumberFilterBuilder().countryIso2("GB").startsWith("4477").numberType(PoolNumberType.MOBILE).build();
            PoolNumberPage page = pool.listNumbers(filter, 10, 0);
            assertEquals(List.of("447700900999"), page.getNumbers().stream().map(PoolNumber::getNumber).toList());
            String query = Sandbox.INSTANCE.journal().get(Sandbox.INSTANCE.journal().size() - 1).get("query").toString();
            assertEquals("\"starts_with=4477&country_iso2=GB&type=mobile&limit=10&offset=0\"", query);

            PowerpackException.Validation invalid = assertThrows(PowerpackException.Validation.class,
                    () -> pool.removeNumber("+447700900999", false));
            assertEquals("number", invalid.getField());
            assertEquals("success", pool.removeNumber("447700900999", false).getResponse());
            assertThrows(PowerpackException.NotFound.class, () -> pool.getNumber("447700900999"));
        }
    }
}
