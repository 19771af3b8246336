package io.ringlab.dashboard.events;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns each poll of the cluster into the events since the one before: rounds committed, servers going down and
 * coming up, services lost and found, agents taking servers out of rotation and back, ejections and bursts of
 * retries. Pure: it knows only the views it is given. The first view is the baseline: only its rounds are events (they
 * carry their own time); its states are where the story starts.
 */
public class EventDeriver {

    /** Retries by one agent within one poll from which they are a burst worth an event. */
    static final int RETRY_BURST = 10;
    /** Round ids remembered, so that a round every server reports is one event; far more than servers report. */
    private static final int ROUNDS_REMEMBERED = 512;

    private final LinkedHashSet<String> roundsSeen = new LinkedHashSet<>();
    /** Services that have answered a poll: a service's first answer (as the dashboard starts) is no event. */
    private final Set<String> answered = new HashSet<>();
    private ClusterView previous;

    public List<ClusterEvent> next(ClusterView view) {
        List<ClusterEvent> events = new ArrayList<>(rounds(view));
        if (previous != null) {
            Map<String, ServiceView> before = byName(previous);
            long at = view.polledAt();
            for (ServiceView service : Stream.of(view.servers(), view.agents(), view.clients()).flatMap(List::stream)
                    .toList()) {
                ServiceView earlier = before.get(service.name());
                if (earlier == null) {
                    continue;
                }
                reachability(earlier, service, answered.contains(service.name()), at, events);
            }
            for (ServiceView server : view.servers()) {
                ServiceView earlier = before.get(server.name());
                if (earlier != null && earlier.status() != null && server.status() != null) {
                    downtime(earlier.status(), server, at, events);
                }
            }
            for (ServiceView agent : view.agents()) {
                ServiceView earlier = before.get(agent.name());
                if (earlier != null && earlier.status() != null && agent.status() != null) {
                    agent(earlier.status(), agent, view.serverNames(), at, events);
                }
            }
        }
        Stream.of(view.servers(), view.agents(), view.clients()).flatMap(List::stream).filter(ServiceView::reachable)
                .forEach(service -> answered.add(service.name()));
        previous = view;
        return events;
    }

    private List<ClusterEvent> rounds(ClusterView view) {
        List<JsonNode> fresh = new ArrayList<>();
        for (ServiceView server : view.servers()) {
            if (server.ring() == null) {
                continue;
            }
            for (JsonNode winner : server.ring().path("lastWinners")) {
                String round = winner.path("round").asString();
                if (!round.isEmpty() && roundsSeen.add(round)) {
                    fresh.add(winner);
                    if (roundsSeen.size() > ROUNDS_REMEMBERED) {
                        roundsSeen.remove(roundsSeen.iterator().next());
                    }
                }
            }
        }
        return fresh.stream()
                .map(winner -> {
                    String name = name(view.serverNames(), winner.path("winner").asString());
                    String text = "round %s: %s won with value %d (%.1f ms, %d messages)".formatted(
                            winner.path("round").asString(), name, winner.path("value").asLong(),
                            winner.path("durationMs").asDouble(), winner.path("messagesSent").asLong());
                    return ClusterEvent.of(time(winner.path("finishedAt").asString(), view.polledAt()), EventKind.ROUND,
                            name, text);
                })
                .sorted(Comparator.comparingLong(ClusterEvent::epochMillis))
                .toList();
    }

    private static void reachability(ServiceView earlier, ServiceView now, boolean answeredBefore, long at,
                                     List<ClusterEvent> events) {
        if (earlier.reachable() && !now.reachable()) {
            events.add(ClusterEvent.of(at, EventKind.UNREACHABLE, now.name(), now.name() + " unreachable"
                    + (now.error() == null ? "" : ": " + now.error())));
        } else if (!earlier.reachable() && now.reachable() && answeredBefore) {
            events.add(ClusterEvent.of(at, EventKind.REACHABLE, now.name(), now.name() + " reachable again"));
        }
    }

    private static void downtime(JsonNode before, ServiceView server, long at, List<ClusterEvent> events) {
        String was = before.path("state").asString();
        JsonNode status = server.status();
        String is = status.path("state").asString();
        if (!"down".equals(was) && "down".equals(is)) {
            String reason = status.path("downReason").asString();
            events.add(ClusterEvent.of(at, EventKind.DOWN, server.name(), "%s down%s for %d s".formatted(server.name(),
                    reason.isEmpty() ? "" : " (" + ("election".equals(reason) ? "elected" : reason) + ")",
                    Math.round(status.path("downForMs").asLong() / 1000.0))));
        } else if ("down".equals(was) && "up".equals(is)) {
            events.add(ClusterEvent.of(at, EventKind.UP, server.name(), server.name() + " up again"));
        }
    }

    private static void agent(JsonNode before, ServiceView agent, Map<String, String> names, long at,
                              List<ClusterEvent> events) {
        JsonNode status = agent.status();
        Map<String, JsonNode> earlier = new HashMap<>();
        for (JsonNode share : before.path("servers")) {
            earlier.put(share.path("server").asString(), share);
        }
        List<String> newlyEjected = new ArrayList<>();
        for (JsonNode share : status.path("servers")) {
            String id = share.path("server").asString();
            JsonNode was = earlier.get(id);
            if (was == null) {
                continue;
            }
            String server = name(names, id);
            boolean up = share.path("up").asBoolean();
            String state = share.path("state").asString();
            if (was.path("up").asBoolean() && !up) {
                events.add(ClusterEvent.of(at, EventKind.OUT, agent.name(),
                        "%s took %s out of rotation (%s)".formatted(agent.name(), server, state)));
            } else if (!was.path("up").asBoolean() && up) {
                events.add(ClusterEvent.of(at, EventKind.IN, agent.name(),
                        "%s put %s back in rotation".formatted(agent.name(), server)));
            }
            if ("ejected".equals(state) && !"ejected".equals(was.path("state").asString())) {
                newlyEjected.add(server);
            }
        }
        long ejections = status.path("ejections").asLong() - before.path("ejections").asLong();
        if (ejections > 0) {
            events.add(ClusterEvent.of(at, EventKind.EJECTION, agent.name(), "%s ejected %s".formatted(agent.name(),
                    newlyEjected.isEmpty() ? ejections + (ejections == 1 ? " server" : " servers")
                            : String.join(", ", newlyEjected))));
        }
        long retries = status.path("retries").asLong() - before.path("retries").asLong();
        if (retries >= RETRY_BURST) {
            events.add(ClusterEvent.of(at, EventKind.RETRIES, agent.name(),
                    "%s retried %d requests since the poll before".formatted(agent.name(), retries)));
        }
    }

    private static Map<String, ServiceView> byName(ClusterView view) {
        Map<String, ServiceView> all = new HashMap<>();
        Stream.of(view.servers(), view.agents(), view.clients()).flatMap(List::stream)
                .forEach(service -> all.put(service.name(), service));
        return all;
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }

    private static long time(String iso, long otherwise) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
