package io.ringlab.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A service's REST API over real HTTP: reads, and control requests sent with the operator's credentials
 * ({@link Cluster#PASSWORD}), with a wrong password, or with none.
 */
final class ControlClient {

    enum Credentials {
        OPERATOR,
        WRONG_PASSWORD,
        NONE
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ControlClient() {}

    /** {@code POST} without a body, as the operator. */
    static HttpResponse<String> post(RunningService service, String path) {
        return send(service, "POST", path, null, Credentials.OPERATOR);
    }

    /** {@code POST} with a JSON body, as the operator. */
    static HttpResponse<String> post(RunningService service, String path, String json) {
        return send(service, "POST", path, json, Credentials.OPERATOR);
    }

    static HttpResponse<String> put(RunningService service, String path, String json) {
        return send(service, "PUT", path, json, Credentials.OPERATOR);
    }

    /** Any request; {@code json} null for none. */
    static HttpResponse<String> send(
            RunningService service, String method, String path, String json, Credentials credentials) {
        return switch (credentials) {
            case OPERATOR -> sendAs(service, method, path, json, "admin", Cluster.PASSWORD);
            case WRONG_PASSWORD -> sendAs(service, method, path, json, "admin", Cluster.PASSWORD + "-wrong");
            case NONE -> sendAs(service, method, path, json, null, null);
        };
    }

    /** Any request with these HTTP Basic credentials; {@code username} null for none. */
    static HttpResponse<String> sendAs(
            RunningService service, String method, String path, String json, String username, String password) {
        return sendAs(service, method, path, json, "application/json", username, password);
    }

    /** Any request with a body of this content type and these HTTP Basic credentials; {@code username} null for none. */
    static HttpResponse<String> sendAs(
            RunningService service,
            String method,
            String path,
            String body,
            String contentType,
            String username,
            String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (username != null) {
            request.header("Authorization", basic(username, password));
        }
        return call(request.build());
    }

    /** {@code GET} without credentials; the body as JSON, after checking the answer is {@code 200}. */
    static JsonNode get(RunningService service, String path) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(uri(service, path))
                .timeout(Duration.ofSeconds(60))
                .build());
        if (response.statusCode() != 200) {
            throw new AssertionError(
                    "GET " + path + " on " + service.name() + ": " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(RunningService service, String path) {
        return URI.create("http://127.0.0.1:" + service.httpPort() + path);
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
