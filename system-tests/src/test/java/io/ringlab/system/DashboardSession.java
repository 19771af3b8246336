package io.ringlab.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The dashboard's HTTP API as its page uses it, without a browser: a session cookie, the sign-in form, and the
 * CSRF token in a header on every control (or, to check that it is needed, without one).
 */
final class DashboardSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    DashboardSession(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Signs in through the form; true when the dashboard took the credential. */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 302
                && !response.headers().firstValue("Location").orElse("").contains("error");
    }

    JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A control as the page sends it, with the session's CSRF token; or without it. */
    HttpResponse<String> control(String method, String path, String json, boolean withCsrfToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            request.header("X-CSRF-TOKEN", csrfToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws IOException, InterruptedException {
        return json("/api/session").path("csrf").path("token").asString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
