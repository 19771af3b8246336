package io.ringlab.launcher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a service's {@code GET /api/status} JSON; {@code null} when the service does not answer. */
final class StatusReader {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    JsonNode read(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    static Snapshot.ClientStatus client(JsonNode node) {
        return node == null ? null : new Snapshot.ClientStatus(node.path("threads").asInt(), node.path("sent").asLong(),
                node.path("responses").asLong(), node.path("timeouts").asLong(), node.path("wrongReplies").asLong(),
                node.path("inFlight").asLong(), node.path("successRate").asDouble(), node.path("averageMs").asDouble(),
                node.path("p50Ms").asDouble(), node.path("p99Ms").asDouble());
    }

    static Snapshot.AgentStatus agent(JsonNode node) {
        if (node == null) {
            return null;
        }
        Map<String, Long> forwardedTo = new LinkedHashMap<>();
        Map<String, Boolean> up = new LinkedHashMap<>();
        Map<String, String> state = new LinkedHashMap<>();
        for (JsonNode server : node.path("servers")) {
            String id = server.path("server").asString();
            forwardedTo.put(id, server.path("forwarded").asLong());
            up.put(id, server.path("up").asBoolean());
            state.put(id, server.path("state").asString());
        }
        return new Snapshot.AgentStatus(node.path("strategy").asString(), node.path("requestsReceived").asLong(),
                node.path("forwarded").asLong(), node.path("repliesDelivered").asLong(), node.path("retries").asLong(),
                node.path("ejections").asLong(), forwardedTo, up, state, drops(node));
    }

    static Snapshot.ServerStatus server(JsonNode node) {
        return node == null ? null
                : new Snapshot.ServerStatus(node.path("state").asString(), node.path("downForMs").asLong(),
                        node.path("requestsReceived").asLong(), drops(node));
    }

    private static Map<String, Long> drops(JsonNode node) {
        Map<String, Long> drops = new LinkedHashMap<>();
        node.path("drops").properties().forEach(entry -> drops.put(entry.getKey(), entry.getValue().asLong()));
        return drops;
    }
}
