package io.ringlab.dashboard.events;

import io.ringlab.dashboard.cluster.ClusterView;
import io.ringlab.dashboard.cluster.ServiceView;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;

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
            for (ServiceView service : Stream.of(view.servers(), view.agents(), view.clients())
                    .flatMap(List::stream)
                    .toList()) {
                ServiceView earlier = before.get(service.name());
                if (earlier == null) {
                    continue;
                }
                reachability(earlier, service, answered.contains(service.name()), at, events);
            }
            for (ServiceView server : view.servers()) {
                ServiceView earlier = before.get(server.name());
                ServerStatus was = earlier == null ? null : earlier.serverStatus();
                ServerStatus is = server.serverStatus();
                if (was != null && is != null) {
                    downtime(was, is, server.name(), at, events);
                }
            }
            for (ServiceView agent : view.agents()) {
                ServiceView earlier = before.get(agent.name());
                AgentStatus was = earlier == null ? null : earlier.agentStatus();
                AgentStatus is = agent.agentStatus();
                if (was != null && is != null) {
                    agent(was, is, agent.name(), view.serverNames(), at, events);
                }
            }
        }
        Stream.of(view.servers(), view.agents(), view.clients())
                .flatMap(List::stream)
                .filter(ServiceView::reachable)
                .forEach(service -> answered.add(service.name()));
        previous = view;
        return events;
    }

    private List<ClusterEvent> rounds(ClusterView view) {
        List<RingStatus.Winner> fresh = new ArrayList<>();
        for (ServiceView server : view.servers()) {
            RingStatus ring = server.ringStatus();
            if (ring == null || ring.lastWinners() == null) {
                continue;
            }
            for (RingStatus.Winner winner : ring.lastWinners()) {
                String round = winner.round();
                if (round != null && !round.isEmpty() && roundsSeen.add(round)) {
                    fresh.add(winner);
                    if (roundsSeen.size() > ROUNDS_REMEMBERED) {
                        roundsSeen.remove(roundsSeen.iterator().next());
                    }
                }
            }
        }
        return fresh.stream()
                .map(winner -> {
                    String name = name(view.serverNames(), winner.winner());
                    String text = "round %s: %s won with value %d (%.1f ms, %d messages)"
                            .formatted(
                                    winner.round(), name, winner.value(), winner.durationMs(), winner.messagesSent());
                    return ClusterEvent.of(
                            winner.finishedAt() == null
                                    ? view.polledAt()
                                    : winner.finishedAt().toEpochMilli(),
                            EventKind.ROUND,
                            name,
                            text);
                })
                .sorted(Comparator.comparingLong(ClusterEvent::epochMillis))
                .toList();
    }

    private static void reachability(
            ServiceView earlier, ServiceView now, boolean answeredBefore, long at, List<ClusterEvent> events) {
        if (earlier.reachable() && !now.reachable()) {
            events.add(ClusterEvent.of(
                    at,
                    EventKind.UNREACHABLE,
                    now.name(),
                    now.name() + " unreachable" + (now.error() == null ? "" : ": " + now.error())));
        } else if (!earlier.reachable() && now.reachable() && answeredBefore) {
            events.add(ClusterEvent.of(at, EventKind.REACHABLE, now.name(), now.name() + " reachable again"));
        }
    }

    private static void downtime(
            ServerStatus before, ServerStatus status, String server, long at, List<ClusterEvent> events) {
        String was = before.state();
        String is = status.state();
        if (!"down".equals(was) && "down".equals(is)) {
            String reason = status.downReason();
            events.add(ClusterEvent.of(
                    at,
                    EventKind.DOWN,
                    server,
                    "%s down%s for %d s"
                            .formatted(
                                    server,
                                    reason == null || reason.isEmpty()
                                            ? ""
                                            : " (" + ("election".equals(reason) ? "elected" : reason) + ")",
                                    Math.round(status.downForMs() / 1000.0))));
        } else if ("down".equals(was) && "up".equals(is)) {
            events.add(ClusterEvent.of(at, EventKind.UP, server, server + " up again"));
        }
    }

    private static void agent(
            AgentStatus before,
            AgentStatus status,
            String agent,
            Map<String, String> names,
            long at,
            List<ClusterEvent> events) {
        Map<String, AgentStatus.ServerShare> earlier = new HashMap<>();
        shares(before).forEach(share -> earlier.put(share.server(), share));
        List<String> newlyEjected = new ArrayList<>();
        for (AgentStatus.ServerShare share : shares(status)) {
            AgentStatus.ServerShare was = earlier.get(share.server());
            if (was == null) {
                continue;
            }
            String server = name(names, share.server());
            if (was.up() && !share.up()) {
                events.add(ClusterEvent.of(
                        at,
                        EventKind.OUT,
                        agent,
                        "%s took %s out of rotation (%s)".formatted(agent, server, share.state())));
            } else if (!was.up() && share.up()) {
                events.add(ClusterEvent.of(
                        at, EventKind.IN, agent, "%s put %s back in rotation".formatted(agent, server)));
            }
            if ("ejected".equals(share.state()) && !"ejected".equals(was.state())) {
                newlyEjected.add(server);
            }
        }
        long ejections = status.ejections() - before.ejections();
        if (ejections > 0) {
            events.add(ClusterEvent.of(
                    at,
                    EventKind.EJECTION,
                    agent,
                    "%s ejected %s"
                            .formatted(
                                    agent,
                                    newlyEjected.isEmpty()
                                            ? ejections + (ejections == 1 ? " server" : " servers")
                                            : String.join(", ", newlyEjected))));
        }
        long retries = status.retries() - before.retries();
        if (retries >= RETRY_BURST) {
            events.add(ClusterEvent.of(
                    at,
                    EventKind.RETRIES,
                    agent,
                    "%s retried %d requests since the poll before".formatted(agent, retries)));
        }
    }

    private static List<AgentStatus.ServerShare> shares(AgentStatus agent) {
        return agent.servers() == null ? List.of() : agent.servers();
    }

    private static Map<String, ServiceView> byName(ClusterView view) {
        Map<String, ServiceView> all = new HashMap<>();
        Stream.of(view.servers(), view.agents(), view.clients())
                .flatMap(List::stream)
                .forEach(service -> all.put(service.name(), service));
        return all;
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }
}
