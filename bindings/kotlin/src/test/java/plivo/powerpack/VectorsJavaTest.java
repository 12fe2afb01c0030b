package plivo.powerpack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance vectors of tests/vectors/ through the jar as Java code uses it: builders for
 * params and filters, the generated records and enums, exceptions by class. The comparison lives
 * in {@link VectorHarness}; the counts go to target/vectors/java.json.
 */
class VectorsJavaTest {
    private static String s(Map<String, Object> a, String key) {
        return (String) a.get(key);
    }

    private static Integer i(Map<String, Object> a, String key) {
        Long n = (Long) a.get(key);
        return n == null ? null : n.intValue();
    }

    private static boolean b(Map<String, Object> a, String key) {
        return Boolean.TRUE.equals(a.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> m(Map<String, Object> a, String key) {
        return (Map<String, Object>) a.get(key);
    }

    private static ServiceType service(String name) {
        return name == null ? null : ServiceType.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Application application(Map<String, Object> a) {
        switch (s(a, "type")) {
            case "xml": return new Application.Xml(s(a, "id"));
            case "phlo": return new Application.Phlo(s(a, "id"));
            default: return Application.Detach.INSTANCE;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<NumberPriority> priorities(Object list) {
        List<NumberPriority> out = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) list) {
            Map<String, Object> pr = m(p, "priority");
            out.add(new NumberPriority(s(p, "country_iso"), service(s(p, "service_type")), new Priority(
                    NumberType.valueOf(s(pr, "priority1").toUpperCase(Locale.ROOT)),
                    NumberType.valueOf(s(pr, "priority2").toUpperCase(Locale.ROOT)),
                    NumberType.valueOf(s(pr, "priority3").toUpperCase(Locale.ROOT)))));
        }
        return out;
    }

    private static UpdatePowerpack update(Map<String, Object> c) {
        UpdatePowerpackBuilder b = new UpdatePowerpackBuilder();
        if (c.containsKey("name")) b.name(s(c, "name"));
        if (c.containsKey("sticky_sender")) b.stickySender(b(c, "sticky_sender"));
        if (c.containsKey("local_connect")) b.localConnect(b(c, "local_connect"));
        if (c.containsKey("application")) b.application(application(m(c, "application")));
        if (c.containsKey("number_priority")) b.numberPriority(priorities(c.get("number_priority")));
        return b.build();
    }

    private static CreatePowerpack create(Map<String, Object> c) {
        CreatePowerpackBuilder b = new CreatePowerpackBuilder(s(c, "name"));
        if (c.containsKey("sticky_sender")) b.stickySender(b(c, "sticky_sender"));
        if (c.containsKey("local_connect")) b.localConnect(b(c, "local_connect"));
        if (c.containsKey("application")) b.application(application(m(c, "application")));
        if (c.containsKey("number_priority")) b.numberPriority(priorities(c.get("number_priority")));
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static NumberFilter filter(Map<String, Object> f) {
        NumberFilterBuilder b = new NumberFilterBuilder();
        if (f == null) return b.build();
        if (f.containsKey("starts_with")) b.startsWith(((List<String>) f.get("starts_with")).toArray(new String[0]));
        if (f.containsKey("country_iso2")) b.countryIso2(s(f, "country_iso2"));
        if (f.containsKey("number_type")) b.numberType(PoolNumberType.valueOf(s(f, "number_type").toUpperCase(Locale.ROOT)));
        if (f.containsKey("service")) b.service(service(s(f, "service")));
        return b.build();
    }

    /** The operation through the jar's API, as a Java user would write it. */
    private static Object call(PowerpackClient c, String op, Map<String, Object> a) throws PowerpackException {
        String uuid = s(a, "uuid");
        String number = s(a, "number");
        switch (op) {
            case "get_powerpack": return c.getPowerpack(uuid);
            case "create_powerpack": return c.createPowerpack(create(m(a, "powerpack")));
            case "update_powerpack": return c.updatePowerpack(uuid, update(m(a, "changes")));
            case "list_powerpacks": return c.listPowerpacks(i(a, "limit"), i(a, "offset"));
            case "list_all_powerpacks": return c.listAllPowerpacks();
            case "delete_powerpack": return c.deletePowerpack(uuid, b(a, "unrent_numbers"));
            default: break;
        }
        NumberPool pool = c.numberPool(s(a, "pool_uuid"));
        switch (op) {
            case "list_numbers": return pool.listNumbers(filter(m(a, "filter")), i(a, "limit"), i(a, "offset"));
            case "list_all_numbers": return pool.listAllNumbers(filter(m(a, "filter")));
            case "get_number": return pool.getNumber(number);
            case "add_number": return pool.addNumber(number, service(s(a, "service")));
            case "buy_and_add_number": return pool.buyAndAddNumber(number, service(s(a, "service")));
            case "remove_number": return pool.removeNumber(number, b(a, "unrent"));
            case "list_shortcodes": return pool.listShortcodes(i(a, "limit"), i(a, "offset"));
            case "list_all_shortcodes": return pool.listAllShortcodes();
            case "get_shortcode": return pool.getShortcode(s(a, "shortcode"));
            case "remove_shortcode": return pool.removeShortcode(s(a, "shortcode"));
            case "list_tollfree": return pool.listTollfree(i(a, "limit"), i(a, "offset"));
            case "list_all_tollfree": return pool.listAllTollfree();
            case "get_tollfree": return pool.getTollfree(number);
            case "add_tollfree": return pool.addTollfree(number);
            case "remove_tollfree": return pool.removeTollfree(number, b(a, "unrent"));
            default: throw new IllegalArgumentException("no operation " + op);
        }
    }

    /** What Java's API cannot express: nothing. */
    @TestFactory
    List<DynamicTest> vectors() {
        return VectorHarness.tests("java", Map.of(), (client, op, args) -> {
            @SuppressWarnings("unchecked") Map<String, Object> a = (Map<String, Object>) (Map<String, ?>) args;
            return call(client, op, a);
        });
    }
}
