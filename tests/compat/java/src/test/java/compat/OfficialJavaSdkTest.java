package compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.plivo.api.PlivoClient;
import com.plivo.api.exceptions.AuthenticationException;
import com.plivo.api.exceptions.InvalidRequestException;
import com.plivo.api.exceptions.ResourceNotFoundException;
import com.plivo.api.models.base.ListResponse;
import com.plivo.api.models.base.LogLevel;
import com.plivo.api.models.powerpack.Numbers;
import com.plivo.api.models.powerpack.Powerpack;
import com.plivo.api.models.powerpack.PowerpackResponse;
import com.plivo.api.models.powerpack.PowerpackUpdateResponse;
import com.plivo.api.models.powerpack.PowerpackUpdater;
import com.plivo.api.models.powerpack.Shortcode;
import com.plivo.api.models.powerpack.Tollfree;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plivo's official Java SDK (com.plivo:plivo-java 5.46.3) against the sandbox, pointed at it through
 * the PlivoClient constructor that takes a base URL: create with its defaults, get, the seed's
 * update, list, delete, the number-pool calls, and its typed exceptions.
 */
class OfficialJavaSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SandboxProcess sandbox;
    private PlivoClient client;

    static PlivoClient clientFor(String baseUrl, String token) {
        return new PlivoClient(SandboxProcess.AUTH_ID, token, new OkHttpClient.Builder(), baseUrl + "/v1/",
                new SimpleModule(), LogLevel.NONE);
    }

    @BeforeEach
    void fresh() throws Exception {
        sandbox = SandboxProcess.get();
        sandbox.admin("POST", "reset", null);
        client = clientFor(sandbox.baseUrl, SandboxProcess.AUTH_TOKEN);
    }

    private List<JsonNode> journal(String method) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode e : JSON.readTree(sandbox.admin("GET", "journal", null))) {
            if (method == null || e.get("method").asText().equals(method)) entries.add(e);
        }
        return entries;
    }

    private JsonNode body(JsonNode entry) throws Exception {
        String text = entry.get("body").asText();
        return text.isEmpty() ? null : JSON.readTree(text);
    }

    @Test
    void createGetUpdateListAndDeleteLikeTheSdkSends() throws Exception {
        PowerpackResponse created = Powerpack.creator("created by plivo-java").client(client).create();
        assertEquals("created by plivo-java", created.getName());
        assertEquals(Boolean.TRUE, created.getStickySender());
        JsonNode createBody = body(journal("POST").get(0));
        assertEquals("created by plivo-java", createBody.get("name").asText());

        Powerpack powerpack = Powerpack.getter(created.getUuid()).client(client).get();
        assertEquals(created.getUuid(), powerpack.getUuid());
        assertNotNull(powerpack.getNumberPoolId());

        // The seed's Java example: updater().name(...).update()
        PowerpackUpdater updater = new PowerpackUpdater(powerpack.getUuid()).name("powerpack_name").sticky_sender(false).local_connect(false);
        updater.client(client);
        PowerpackUpdateResponse updated = updater.update();
        assertEquals("powerpack_name", updated.getName());
        assertEquals(Boolean.FALSE, updated.getStickySender());
        assertEquals(Boolean.FALSE, updated.getLocalConnect());
        JsonNode updateBody = body(journal("POST").get(1));
        assertEquals("powerpack_name", updateBody.get("name").asText());
        assertTrue(updateBody.get("sticky_sender").isBoolean(), updateBody.toString());

        Powerpack.creator("second").client(client).create();
        ListResponse<Powerpack> page = Powerpack.lister().limit(1).offset(1).client(client).list();
        assertEquals(2L, page.getMeta().getTotalCount());
        assertEquals("second", page.getObjects().get(0).getName());
        assertEquals("limit=1&offset=1", journal("GET").get(1).get("query").asText());

        powerpack.deleter().client(client).delete();
        // plivo-java serializes the whole request object, its path id included, and deletes with
        // unrent_numbers=true unless told otherwise (the destructive default the README warns of).
        JsonNode deleteBody = body(journal("DELETE").get(0));
        assertEquals(powerpack.getUuid(), deleteBody.get("id").asText());
        assertTrue(deleteBody.get("unrent_numbers").asBoolean(), deleteBody.toString());
        assertThrows(ResourceNotFoundException.class, () -> Powerpack.getter(created.getUuid()).client(client).get());
    }

    @Test
    void theSdksExceptionsForTheSandboxsErrors() throws Exception {
        PlivoClient wrong = clientFor(sandbox.baseUrl, "wrong-token");
        assertThrows(AuthenticationException.class, () -> Powerpack.lister().client(wrong).list());
        assertThrows(ResourceNotFoundException.class,
                () -> Powerpack.getter("0166c910-1268-47c7-bf30-f5809ee843b9").client(client).get());
        Powerpack.creator("taken").client(client).create();
        InvalidRequestException duplicate = assertThrows(InvalidRequestException.class,
                () -> Powerpack.creator("taken").client(client).create());
        assertTrue(duplicate.getMessage().contains("already exists"), duplicate.getMessage());
    }

    @Test
    void theNumberPoolCalls() throws Exception {
        String uuid = Powerpack.creator("pool owner").client(client).create().getUuid();
        sandbox.admin("POST", "seed", "{\"numbers\": [{\"number\": \"14155550100\", \"country_iso2\": \"US\"},"
                + " {\"number\": \"18005550100\", \"country_iso2\": \"US\", \"type\": \"tollfree\"}],"
                + " \"shortcodes\": [{\"shortcode\": \"444444\", \"country_iso2\": \"US\", \"powerpack\": \"" + uuid + "\"}]}");
        Powerpack powerpack = Powerpack.getter(uuid).client(client).get();

        Numbers added = powerpack.add_number().number("14155550100").service("sms").client(client).get();
        assertEquals("14155550100", added.getNumber());
        assertEquals("fixed", added.getType());
        Numbers found = powerpack.find_number().number("14155550100").client(client).get();
        assertEquals(powerpack.getNumberPoolId(), found.getNumber_pool_uuid());
        Numbers bought = powerpack.buy_add_number().number("14155550199").rent().client(client).get();
        assertEquals("14155550199", bought.getNumber());
        JsonNode buyBody = body(journal("POST").get(journal("POST").size() - 1));
        assertTrue(buyBody.get("rent").asBoolean(), buyBody.toString());
        assertTrue(buyBody.get("service").isNull(), "plivo-java sends its unset fields as null: " + buyBody);

        ListResponse<Numbers> numbers = powerpack.list_numbers().type("fixed").client(client).list();
        assertEquals(2L, numbers.getMeta().getTotalCount());
        // Its listers add the pool id to the query string; the sandbox ignores what it does not know.
        assertEquals("type=fixed&id=" + powerpack.getNumberPoolId(), journal("GET").get(journal("GET").size() - 1).get("query").asText());

        Tollfree tollfree = powerpack.add_tollfree().tollfree("18005550100").client(client).get();
        assertEquals("tollfree", tollfree.getType());
        assertEquals(1, powerpack.list_tollfree().client(client).list().getObjects().size());
        assertEquals("18005550100", powerpack.find_tollfree().tollfree("18005550100").client(client).get().getNumber());
        ListResponse<Shortcode> shortcodes = powerpack.list_shortcode().client(client).list();
        assertEquals("US", shortcodes.getObjects().get(0).getCountry_iso2());
        assertEquals("US", powerpack.find_shortcode().shortcode("444444").client(client).get().getCountry_iso2());

        powerpack.remove_number().number("14155550100").unrent(false).client(client).delete();
        powerpack.remove_tollfree().tollfree("18005550100").unrent(false).client(client).delete();
        powerpack.remove_shortcode().shortcode("444444").client(client).delete();
        assertThrows(ResourceNotFoundException.class,
                () -> powerpack.find_number().number("14155550100").client(client).get());
        List<JsonNode> deletes = journal("DELETE");
        assertEquals(3, deletes.size());
        assertEquals(false, body(deletes.get(0)).get("unrent").asBoolean(true));
    }
}
