package io.ringlab.launcher.lab.observe;

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
import java.util.function.UnaryOperator;

/**
 * Reads every ring server's ring and every agent's and client's status at once, with a short timeout (a frozen
 * process answers nothing, and must not hold up the others), and turns the answers into an {@link Observation} for
 * the checker. Where the services run (the lab's hosts, the rehearsal's pods) is the caller's: it names the targets,
 * and says how a server id in the services' answers becomes the server's name.
 */
public final class ObservationPoller {

    /** A service to read: its name in the observation and the URL of its ring (servers) or status. */
    public record Target(String name, String url) {
    }

    private final Duration timeout;
    private final UnaryOperator<String> serverName;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    /** A client that does not answer this time counts with what it said last. */
    private final Map<String, Observation.Outcomes> lastOutcomes = new HashMap<>();

    public ObservationPoller(Duration timeout, UnaryOperator<String> serverName) {
        this.timeout = timeout;
        this.serverName = serverName;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Observation poll(long nanos, List<Target> servers, List<Target> agents, List<Target> clients) {
        Map<String, CompletableFuture<JsonNode>> rings = reads(servers);
        Map<String, CompletableFuture<JsonNode>> agentStatus = reads(agents);
        Map<String, CompletableFuture<JsonNode>> clientStatus = reads(clients);
        Map<String, Observation.Server> serverViews = new LinkedHashMap<>();
        rings.forEach((name, read) -> {
            JsonNode ring = await(read);
            if (ring != null) {
                serverViews.put(name, server(ring));
            }
        });
        Map<String, Observation.Agent> agentViews = new LinkedHashMap<>();
        agentStatus.forEach((name, read) -> {
            JsonNode status = await(read);
            if (status != null) {
                agentViews.put(name, agent(status));
            }
        });
        clientStatus.forEach((name, read) -> {
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

    private Observation.Server server(JsonNode ring) {
        List<String> suspected = new ArrayList<>();
        ring.path("suspected").forEach(id -> suspected.add(serverName.apply(id.asString())));
        List<Observation.Round> rounds = new ArrayList<>();
        ring.path("lastWinners").forEach(w -> rounds.add(new Observation.Round(w.path("round").asString(),
                serverName.apply(w.path("winner").asString()), w.path("value").asLong())));
        return new Observation.Server(ring.path("state").asString().toLowerCase(Locale.ROOT), suspected,
                ring.path("roundsAbandoned").asLong(), rounds);
    }

    private Observation.Agent agent(JsonNode status) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Long> forwarded = new LinkedHashMap<>();
        status.path("servers").forEach(s -> {
            String name = serverName.apply(s.path("server").asString());
            states.put(name, s.path("state").asString());
            forwarded.put(name, s.path("forwarded").asLong());
        });
        return new Observation.Agent(states, forwarded);
    }

    private Map<String, CompletableFuture<JsonNode>> reads(List<Target> targets) {
        Map<String, CompletableFuture<JsonNode>> reads = new LinkedHashMap<>();
        for (Target target : targets) {
            reads.put(target.name(), http.sendAsync(HttpRequest.newBuilder(URI.create(target.url()))
                            .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> response.statusCode() == 200 ? json.readTree(response.body()) : null));
        }
        return reads;
    }

    private JsonNode await(CompletableFuture<JsonNode> read) {
        try {
            return read.get(timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            read.cancel(true);
            return null;
        }
    }
}
