package io.ringlab.launcher.story;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole run as the launcher saw it: each server's state changes, each client's success rate and p99, and the
 * events (rounds, downs and ups, servers out of rotation and back, services lost and found, faults), all timed in
 * milliseconds since the run started. Pure: it knows only what it is told, in time order. The first look at a
 * server is where its strip starts, not an event.
 */
public final class RunStory {

    /** A server's state from {@code atMillis} on. */
    public record StateChange(long atMillis, String state) {}

    /** A client's success rate over the interval ending at {@code atMillis} (percent) and its p99; null if unknown. */
    public record ClientPoint(long atMillis, Double successRate, Double p99Ms) {}

    /** More than any run needs; past it the oldest events go (the strips are kept whole). */
    static final int MAX_EVENTS = 100_000;

    private static final int ROUNDS_REMEMBERED = 1_000;

    private final Map<String, List<StateChange>> servers = new LinkedHashMap<>();
    private final Map<String, List<ClientPoint>> clients = new LinkedHashMap<>();
    private final List<StoryEvent> events = new ArrayList<>();
    private final Set<String> roundsSeen = new LinkedHashSet<>();

    /**
     * Each server's state at one look: {@code up}, {@code down} (planned), {@code out} (up, but out of rotation at
     * some agent), {@code restarting} or {@code unreachable}.
     */
    public void servers(long atMillis, Map<String, String> stateByServer) {
        stateByServer.forEach((server, state) -> {
            List<StateChange> changes = servers.computeIfAbsent(server, name -> new ArrayList<>());
            String before =
                    changes.isEmpty() ? null : changes.get(changes.size() - 1).state();
            if (state.equals(before)) {
                return;
            }
            changes.add(new StateChange(atMillis, state));
            if (before != null) {
                event(atMillis, eventKind(before, state), server, "%s %s (was %s)".formatted(server, state, before));
            }
        });
    }

    /** A committed round, told once however many times it is seen. */
    public void round(long atMillis, String round, String winner, String text) {
        if (!roundsSeen.add(round)) {
            return;
        }
        if (roundsSeen.size() > ROUNDS_REMEMBERED) {
            roundsSeen.remove(roundsSeen.iterator().next());
        }
        event(atMillis, "round", winner, text);
    }

    public void client(long atMillis, String client, Double successRate, Double p99Ms) {
        clients.computeIfAbsent(client, name -> new ArrayList<>()).add(new ClientPoint(atMillis, successRate, p99Ms));
    }

    public void fault(long atMillis, String text) {
        event(atMillis, "fault", "launcher", text);
    }

    public Map<String, List<StateChange>> serverChanges() {
        return servers;
    }

    public Map<String, List<ClientPoint>> clientPoints() {
        return clients;
    }

    public List<StoryEvent> events() {
        return events;
    }

    private void event(long atMillis, String kind, String source, String text) {
        if (events.size() == MAX_EVENTS) {
            events.remove(0);
        }
        events.add(new StoryEvent(atMillis, kind, source, text));
    }

    private static String eventKind(String before, String state) {
        return switch (state) {
            case "down", "out", "unreachable", "restarting" -> state;
            default ->
                switch (before) {
                    case "down" -> "up";
                    case "out" -> "in";
                    case "unreachable" -> "reachable";
                    default -> "up";
                };
        };
    }
}
