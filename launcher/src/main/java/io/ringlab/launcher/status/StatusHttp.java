package io.ringlab.launcher.status;

import io.ringlab.model.status.StatusJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GETs a service's JSON, as the launcher's watchers and the rehearsal's checks read it: {@code null} when the
 * service does not answer in time, answers other than 200, or answers with something else than the JSON asked for.
 */
public final class StatusHttp {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    /** @param timeout how long one request may take */
    public StatusHttp(Duration timeout) {
        this.timeout = timeout;
    }

    /** The body of a 200 answer; {@code null} otherwise. */
    public String body(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A status or ring document as its model record ({@link StatusJson}, lenient). */
    public <T> T read(String url, Class<T> type) {
        String body = body(url);
        try {
            return body == null ? null : StatusJson.parse(body, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Any JSON document, as a tree. */
    public JsonNode tree(String url) {
        String body = body(url);
        try {
            return body == null ? null : TREES.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
