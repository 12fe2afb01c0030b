package bench;

import com.fasterxml.jackson.databind.module.SimpleModule;
import com.plivo.api.PlivoClient;
import com.plivo.api.models.base.LogLevel;
import com.plivo.api.models.powerpack.PowerpackUpdater;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;

/**
 * {@code OfficialContender <throughput|cold|latency|soak> <base_url> <uuids_file>}: Plivo's official
 * com.plivo:plivo-java, pointed at the sandbox through the PlivoClient constructor that takes a
 * base URL. Its calls are blocking, so concurrency 64 uses 64 threads sharing one client (and the
 * latency workload 256 threads).
 */
public final class OfficialContender {
    private static final long STARTED = System.nanoTime();
    private static final int N = 2000, CONCURRENCY = 64, WARMUP = 100, LATENCY_CONCURRENCY = 256, SOAK_N = 100_000;

    private static double since(long t) {
        return (System.nanoTime() - t) / 1e9;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0], baseUrl = args[1];
        List<String> uuids = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
        PlivoClient client = new PlivoClient(System.getenv("PLIVO_AUTH_ID"), System.getenv("PLIVO_AUTH_TOKEN"),
                new OkHttpClient.Builder(), baseUrl + "/v1/", new SimpleModule(), LogLevel.NONE);
        if (mode.equals("cold")) {
            update(client, uuids, 0);
            System.out.println("{\"first_call_s\": " + since(STARTED) + "}");
            System.exit(0);
        }
        if (mode.equals("soak")) {
            for (int i = 0; i < SOAK_N; i++) update(client, uuids, i);
            System.out.println("{\"soak_n\": " + SOAK_N + "}");
            System.exit(0);
        }
        if (mode.equals("latency")) {
            onThreads(client, uuids, LATENCY_CONCURRENCY); // the warm-up round
            System.out.println("{\"latency_s\": " + onThreads(client, uuids, LATENCY_CONCURRENCY) + "}");
            System.exit(0);
        }
        for (int i = 0; i < WARMUP; i++) update(client, uuids, i);
        long t = System.nanoTime();
        for (int i = 0; i < N; i++) update(client, uuids, i);
        double seq = since(t);
        double conc = onThreads(client, uuids, CONCURRENCY);
        System.out.println("{\"seq_s\": " + seq + ", \"conc_s\": " + conc + "}");
        System.exit(0);
    }

    /** Seconds for N updates on {@code threads} threads sharing the client. */
    private static double onThreads(PlivoClient client, List<String> uuids, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            final int n = i;
            futures.add(pool.submit(() -> { update(client, uuids, n); return null; }));
        }
        for (Future<?> f : futures) f.get();
        double seconds = since(t);
        pool.shutdown();
        return seconds;
    }

    private static void update(PlivoClient client, List<String> uuids, int i) throws Exception {
        PowerpackUpdater updater = new PowerpackUpdater(uuids.get(i % uuids.size())).sticky_sender(i % 2 == 0);
        updater.client(client);
        updater.update();
    }
}
