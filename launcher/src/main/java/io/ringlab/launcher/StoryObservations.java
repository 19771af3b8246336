package io.ringlab.launcher;

import io.ringlab.launcher.story.RunStory;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the launcher's polls tell the run's story: from each second's ring and agent statuses, each server's state and
 * the rounds committed; from each report sample, each client's success rate over the interval and its p99.
 */
final class StoryObservations {

    private StoryObservations() {}

    /**
     * @param rings    each server's {@code GET /api/ring} by name, null when it did not answer
     * @param agents   each agent's status by name, null when it did not answer
     * @param nameById server names by ring id
     */
    static void ring(
            RunStory story,
            long atMillis,
            Map<String, RingStatus> rings,
            Map<String, AgentStatus> agents,
            Map<String, String> nameById) {
        rings.values().stream()
                .filter(java.util.Objects::nonNull)
                .forEach(ring -> RingWatcher.winners(ring).forEach(winner -> {
                    String name = nameById.getOrDefault(winner.winner(), winner.winner());
                    story.round(
                            atMillis,
                            winner.round(),
                            name,
                            String.format(
                                    Locale.ROOT,
                                    "round %s: %s won with value %d (%.1f ms, %d messages)",
                                    winner.round(),
                                    name,
                                    winner.value(),
                                    winner.durationMs(),
                                    winner.messagesSent()));
                }));
        Map<String, String> states = new LinkedHashMap<>();
        rings.forEach((server, ring) -> states.put(server, state(server, ring, agents, nameById)));
        story.servers(atMillis, states);
    }

    /** Success over the interval since {@code previous} (null when nothing finished in it), and the client's p99. */
    static void clients(RunStory story, Snapshot snapshot, Snapshot previous) {
        for (Snapshot.Client client : snapshot.clients()) {
            ClientStatus now = client.status();
            if (now == null) {
                story.client(snapshot.elapsedSeconds() * 1000, client.name(), null, null);
                continue;
            }
            ClientStatus before = previous == null
                    ? null
                    : previous.clients().stream()
                            .filter(c -> c.name().equals(client.name()) && c.status() != null)
                            .map(Snapshot.Client::status)
                            .findFirst()
                            .orElse(null);
            long answered = now.responses() - (before == null ? 0 : before.responses());
            long finished = answered
                    + now.timeouts()
                    + now.wrongReplies()
                    - (before == null ? 0 : before.timeouts() + before.wrongReplies());
            story.client(
                    snapshot.elapsedSeconds() * 1000,
                    client.name(),
                    finished <= 0 ? null : 100.0 * answered / finished,
                    now.p99Ms());
        }
    }

    private static String state(
            String server, RingStatus ring, Map<String, AgentStatus> agents, Map<String, String> nameById) {
        if (ring == null) {
            return "unreachable";
        }
        String state = ring.state();
        if (state.equals("down") || state.equals("restarting")) {
            return state;
        }
        boolean out = agents.values().stream()
                .filter(java.util.Objects::nonNull)
                .anyMatch(agent -> AgentShares.upById(agent).entrySet().stream()
                        .anyMatch(up ->
                                !up.getValue() && server.equals(nameById.getOrDefault(up.getKey(), up.getKey()))));
        return out ? "out" : "up";
    }
}
