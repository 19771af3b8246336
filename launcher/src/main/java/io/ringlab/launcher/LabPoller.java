package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads every service of the run at once, with a short timeout (a frozen process answers nothing, and must not hold
 * up the others), and turns the answers into an {@link Observation} for the checker.
 */
final class LabPoller {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final LocalCluster cluster;
    private final Map<String, String> serverNameById;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Observation.Outcomes> lastOutcomes = new HashMap<>();

    LabPoller(LocalCluster cluster) {
        this.cluster = cluster;
        this.serverNameById = cluster.serverNamesById();
    }

    Observation poll(long nanos) {
        Map<String, CompletableFuture<JsonNode>> servers = reads(Role.SERVER, ServiceProcess::ringUrl);
        Map<String, CompletableFuture<JsonNode>> agents = reads(Role.AGENT, ServiceProcess::statusUrl);
        Map<String, CompletableFuture<JsonNode>> clients = reads(Role.CLIENT, ServiceProcess::statusUrl);
        Map<String, Observation.Server> serverViews = new LinkedHashMap<>();
        servers.forEach((name, future) -> {
            JsonNode ring = await(future);
            if (ring != null) {
                serverViews.put(name, server(ring));
            }
        });
        Map<String, Observation.Agent> agentViews = new LinkedHashMap<>();
        agents.forEach((name, future) -> {
            JsonNode status = await(future);
            if (status != null) {
                agentViews.put(name, agent(status));
            }
        });
        clients.forEach((name, future) -> {
            JsonNode status = await(future);
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

    private Observation.Server server(JsonNode ring) {
        List<String> suspected = new ArrayList<>();
        ring.path("suspected").forEach(id -> suspected.add(name(id.asString())));
        List<Observation.Round> rounds = new ArrayList<>();
        ring.path("lastWinners").forEach(w -> rounds.add(new Observation.Round(w.path("round").asString(),
                name(w.path("winner").asString()), w.path("value").asLong())));
        return new Observation.Server(ring.path("state").asString().toLowerCase(java.util.Locale.ROOT), suspected,
                ring.path("roundsAbandoned").asLong(), rounds);
    }

    private Observation.Agent agent(JsonNode status) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Long> forwarded = new LinkedHashMap<>();
        status.path("servers").forEach(s -> {
            String name = name(s.path("server").asString());
            states.put(name, s.path("state").asString());
            forwarded.put(name, s.path("forwarded").asLong());
        });
        return new Observation.Agent(states, forwarded);
    }

    private String name(String serverId) {
        return serverNameById.getOrDefault(serverId, serverId);
    }

    private Map<String, CompletableFuture<JsonNode>> reads(Role role, java.util.function.Function<ServiceProcess, String> url) {
        Map<String, CompletableFuture<JsonNode>> reads = new LinkedHashMap<>();
        for (ServiceProcess process : cluster.ofRole(role)) {
            reads.put(process.name(), http.sendAsync(HttpRequest.newBuilder(URI.create(url.apply(process)))
                            .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? json.readTree(response.body()) : null));
        }
        return reads;
    }

    private static JsonNode await(CompletableFuture<JsonNode> future) {
        try {
            return future.get(TIMEOUT.toMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            future.cancel(true);
            return null;
        }
    }
}
