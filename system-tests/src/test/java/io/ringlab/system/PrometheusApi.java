package io.ringlab.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A real Prometheus's HTTP API as the tests read it: its targets, and instant queries now or at a given moment. */
final class PrometheusApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code http://127.0.0.1:port} */
    PrometheusApi(String baseUrl) {
        this.api = baseUrl + "/api/v1/";
    }

    /** True when exactly {@code expected} targets are known and every one was scraped successfully. */
    boolean allTargetsUp(int expected) {
        List<JsonNode> active = activeTargets();
        return active.size() == expected
                && active.stream().allMatch(t -> t.path("health").asString().equals("up"));
    }

    List<JsonNode> activeTargets() {
        JsonNode targets = get("targets");
        return targets == null
                ? List.of()
                : targets.path("data").path("activeTargets").valueStream().toList();
    }

    /** How many series the query returns now with a value that is a number. */
    int resultCount(String query) {
        return (int) result(query, null).stream()
                .filter(series -> !series.path("value").get(1).asString().equals("NaN"))
                .count();
    }

    /** The series the query returns at that moment ({@code null}: now); empty when it fails. */
    List<JsonNode> result(String query, Instant at) {
        String time = at == null ? "" : "&time=" + String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
        JsonNode response = get("query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + time);
        if (response == null || !response.path("status").asString().equals("success")) {
            return List.of();
        }
        return response.path("data").path("result").valueStream().toList();
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(api + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception e) {
            return null;
        }
    }
}
