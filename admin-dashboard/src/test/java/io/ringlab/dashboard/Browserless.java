package io.ringlab.dashboard;

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

/**
 * Talks to the dashboard as its page does, without a browser: a session cookie, the sign-in form, and the CSRF
 * token in a header on every control.
 */
final class Browserless {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Browserless(String base) {
        this.base = base;
    }

    /** Signs in through the form; the answer is the sign-in form's redirect (to the page, or back with an error). */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken());
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String csrfToken() throws IOException, InterruptedException {
        return json(get("/api/session")).path("csrf").path("token").asString();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A control as the page sends it: JSON body, CSRF token header. */
    HttpResponse<String> control(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, true);
    }

    HttpResponse<String> send(String method, String path, String json, boolean withCsrfToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (withCsrfToken) {
            request.header("X-CSRF-TOKEN", csrfToken());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
