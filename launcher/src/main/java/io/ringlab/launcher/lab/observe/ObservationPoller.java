package io.ringlab.launcher.lab.observe;

import io.ringlab.launcher.lab.check.Observation;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.StatusJson;

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
    public record Target(String name, String url) {}

    private final Duration timeout;
    private final UnaryOperator<String> serverName;
    private final HttpClient http;
    /** A client that does not answer this time counts with what it said last. */
    private final Map<String, Observation.Outcomes> lastOutcomes = new HashMap<>();

    public ObservationPoller(Duration timeout, UnaryOperator<String> serverName) {
        this.timeout = timeout;
        this.serverName = serverName;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public Observation poll(long nanos, List<Target> servers, List<Target> agents, List<Target> clients) {
        Map<String, CompletableFuture<RingStatus>> rings = reads(servers, RingStatus.class);
        Map<String, CompletableFuture<AgentStatus>> agentStatus = reads(agents, AgentStatus.class);
        Map<String, CompletableFuture<ClientStatus>> clientStatus = reads(clients, ClientStatus.class);
        Map<String, Observation.Server> serverViews = new LinkedHashMap<>();
        rings.forEach((name, read) -> {
            RingStatus ring = await(read);
            if (ring != null) {
                serverViews.put(name, server(ring));
            }
        });
        Map<String, Observation.Agent> agentViews = new LinkedHashMap<>();
        agentStatus.forEach((name, read) -> {
            AgentStatus status = await(read);
            if (status != null) {
                agentViews.put(name, agent(status));
            }
        });
        clientStatus.forEach((name, read) -> {
            ClientStatus status = await(read);
            if (status != null) {
                lastOutcomes.put(
                        name, new Observation.Outcomes(status.responses(), status.timeouts(), status.wrongReplies()));
            }
        });
        Observation.Outcomes total = lastOutcomes.values().stream()
                .reduce(
                        Observation.Outcomes.NONE,
                        (a, b) -> new Observation.Outcomes(
                                a.responses() + b.responses(), a.timeouts() + b.timeouts(), a.wrong() + b.wrong()));
        return new Observation(nanos, serverViews, agentViews, total);
    }

    private Observation.Server server(RingStatus ring) {
        List<String> suspected = new ArrayList<>();
        orNone(ring.suspected()).forEach(id -> suspected.add(serverName.apply(id)));
        List<Observation.Round> rounds = new ArrayList<>();
        orNone(ring.lastWinners())
                .forEach(w -> rounds.add(new Observation.Round(w.round(), serverName.apply(w.winner()), w.value())));
        return new Observation.Server(
                String.valueOf(ring.state()).toLowerCase(Locale.ROOT), suspected, ring.roundsAbandoned(), rounds);
    }

    private Observation.Agent agent(AgentStatus status) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Long> forwarded = new LinkedHashMap<>();
        orNone(status.servers()).forEach(s -> {
            String name = serverName.apply(s.server());
            states.put(name, s.state());
            forwarded.put(name, s.forwarded());
        });
        return new Observation.Agent(states, forwarded);
    }

    private static <T> List<T> orNone(List<T> list) {
        return list == null ? List.of() : list;
    }

    private <T> Map<String, CompletableFuture<T>> reads(List<Target> targets, Class<T> type) {
        Map<String, CompletableFuture<T>> reads = new LinkedHashMap<>();
        for (Target target : targets) {
            reads.put(
                    target.name(),
                    http.sendAsync(
                                    HttpRequest.newBuilder(URI.create(target.url()))
                                            .timeout(timeout)
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .thenApply(response ->
                                    response.statusCode() == 200 ? StatusJson.parse(response.body(), type) : null));
        }
        return reads;
    }

    private <T> T await(CompletableFuture<T> read) {
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
