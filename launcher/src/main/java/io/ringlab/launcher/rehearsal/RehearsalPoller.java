package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.check.Observation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads every ring server's ring, every agent's and client's status, from the node, all at once with a short
 * timeout, into an {@link Observation} for the lab's checker. Servers are named by their pods; a server id
 * ({@code ring-server-1.ring-server.ringlab.svc.cluster.local:4242}) by the pod name it starts with.
 */
public final class RehearsalPoller {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final Cluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Observation.Outcomes> lastOutcomes = new HashMap<>();

    public RehearsalPoller(Cluster cluster) {
        this.cluster = cluster;
    }

    public Observation poll(long nanos) {
        Map<String, CompletableFuture<JsonNode>> servers = reads(Roles.SERVER, "/api/ring");
        Map<String, CompletableFuture<JsonNode>> agents = reads(Roles.AGENT, "/api/status");
        Map<String, CompletableFuture<JsonNode>> clients = reads(Roles.CLIENT, "/api/status");
        Map<String, Observation.Server> serverViews = new LinkedHashMap<>();
        servers.forEach((name, read) -> {
            JsonNode ring = await(read);
            if (ring != null) {
                List<String> suspected = new ArrayList<>();
                ring.path("suspected").forEach(id -> suspected.add(podOf(id.asString())));
                List<Observation.Round> rounds = new ArrayList<>();
                ring.path("lastWinners").forEach(w -> rounds.add(new Observation.Round(w.path("round").asString(),
                        podOf(w.path("winner").asString()), w.path("value").asLong())));
                serverViews.put(name, new Observation.Server(ring.path("state").asString().toLowerCase(Locale.ROOT),
                        suspected, ring.path("roundsAbandoned").asLong(), rounds));
            }
        });
        Map<String, Observation.Agent> agentViews = new LinkedHashMap<>();
        agents.forEach((name, read) -> {
            JsonNode status = await(read);
            if (status != null) {
                Map<String, String> states = new LinkedHashMap<>();
                Map<String, Long> forwarded = new LinkedHashMap<>();
                status.path("servers").forEach(s -> {
                    states.put(podOf(s.path("server").asString()), s.path("state").asString());
                    forwarded.put(podOf(s.path("server").asString()), s.path("forwarded").asLong());
                });
                agentViews.put(name, new Observation.Agent(states, forwarded));
            }
        });
        clients.forEach((name, read) -> {
            JsonNode status = await(read);
            if (status != null) {
                lastOutcomes.put(name, new Observation.Outcomes(status.path("responses").asLong(),
                        status.path("timeouts").asLong(), status.path("wrongReplies").asLong()));
            }
        });
        Observation.Outcomes total = lastOutcomes.values().stream().reduce(Observation.Outcomes.NONE,
                (a, b) -> new Observation.Outcomes(a.responses() + b.responses(), a.timeouts() + b.timeouts(),
                        a.wrong() + b.wrong()));
        return new Observation(nanos, serverViews, agentViews, total);
    }

    static String podOf(String serverId) {
        int dot = serverId.indexOf('.');
        return dot < 0 ? serverId : serverId.substring(0, dot);
    }

    private Map<String, CompletableFuture<JsonNode>> reads(String role, String path) {
        Map<String, CompletableFuture<JsonNode>> reads = new LinkedHashMap<>();
        for (Pod pod : Roles.pods(cluster, role)) {
            if (pod.terminating()) {
                continue;
            }
            reads.put(pod.name(), http.sendAsync(HttpRequest.newBuilder(URI.create(Roles.url(pod, path)))
                            .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? json.readTree(response.body()) : null));
        }
        return reads;
    }

    private static JsonNode await(CompletableFuture<JsonNode> read) {
        try {
            return read.get(TIMEOUT.toMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            read.cancel(true);
            return null;
        }
    }
}
