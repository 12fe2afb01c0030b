package compat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The sandbox binary on port 0 (from the powerpack.sandbox.bin property), and its admin API. */
final class SandboxProcess {
    static final String AUTH_ID = "MASANDBOX00000000001";
    static final String AUTH_TOKEN = "sandbox-auth-token";
    private static SandboxProcess shared;

    final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    private SandboxProcess() throws Exception {
        String bin = System.getProperty("powerpack.sandbox.bin");
        if (bin == null) throw new IllegalStateException("powerpack.sandbox.bin must name the powerpack-sandbox binary");
        Process process = new ProcessBuilder(bin, "--port", "0", "--rate-limit", "off")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        baseUrl = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try { process.waitFor(5, TimeUnit.SECONDS); } catch (InterruptedException ignored) { }
        }));
    }

    static synchronized SandboxProcess get() throws Exception {
        if (shared == null) shared = new SandboxProcess();
        return shared;
    }

    String admin(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) throw new IllegalStateException(method + " " + path + ": " + response.body());
        return response.body();
    }
}
