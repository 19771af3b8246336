package io.ringlab.launcher;

import io.ringlab.model.status.RingStatus;
import io.ringlab.protocol.LogText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the servers' ring status, read every second, into lines for the terminal: one per committed round
 * (winner, value, duration, messages) and one per server going down or coming back. Warns if two servers
 * are ever seen down at once, which the election must never allow.
 */
final class RingWatcher {

    private static final int REMEMBERED_ROUNDS = 1000;
    /** Polls to wait for every server to report a round before printing it with what has been reported. */
    private static final int POLLS_TO_WAIT = 3;

    private final Map<String, String> nameById;
    private final Set<String> printedRounds = new LinkedHashSet<>();
    private final Map<String, String> lastState = new HashMap<>();
    private final Map<String, Integer> pollsPending = new HashMap<>();

    /** @param nameById server names ({@code server-2}) by ring id ({@code 127.0.0.1:4243}) */
    RingWatcher(Map<String, String> nameById) {
        this.nameById = nameById;
    }

    /** @param ringStatusByServer each server's {@code GET /api/ring} (null if it did not answer), by name */
    List<String> lines(Map<String, RingStatus> ringStatusByServer) {
        List<String> lines = new ArrayList<>();
        Map<String, RoundSeen> newRounds = new LinkedHashMap<>();
        List<String> down = new ArrayList<>();
        boolean firstLook = lastState.isEmpty();
        long answering = ringStatusByServer.values().stream()
                .filter(java.util.Objects::nonNull)
                .count();
        ringStatusByServer.forEach((server, status) -> {
            if (status == null) {
                return;
            }
            for (RingStatus.Winner winner : winners(status)) {
                String round = winner.round();
                if (!printedRounds.contains(round)) {
                    newRounds.computeIfAbsent(round, r -> new RoundSeen(winner)).add(winner);
                }
            }
            String state = status.state();
            String before = lastState.put(server, state);
            if (!firstLook && !state.equals(before)) {
                lines.add(stateLine(server, state, status.downForMs()));
            }
            if (state.equals("down")) {
                down.add(server);
            }
        });
        List<String> roundLines = new ArrayList<>();
        newRounds.forEach((round, seen) -> {
            int polls = pollsPending.merge(round, 1, Integer::sum);
            if (seen.reporters >= answering || polls >= POLLS_TO_WAIT) {
                roundLines.add(seen.line(round, nameById));
                pollsPending.remove(round);
                remember(round);
            }
        });
        lines.addAll(0, roundLines);
        if (down.size() > 1) {
            lines.add("!! more than one server in planned downtime at once: " + down);
        }
        return lines;
    }

    static List<RingStatus.Winner> winners(RingStatus status) {
        return status.lastWinners() == null ? List.of() : status.lastWinners();
    }

    private void remember(String round) {
        printedRounds.add(round);
        if (printedRounds.size() > REMEMBERED_ROUNDS) {
            printedRounds.remove(printedRounds.iterator().next());
        }
    }

    private static String stateLine(String server, String state, long downForMs) {
        return switch (state) {
            case "down" -> "%s is down (planned) for %.1f s".formatted(server, downForMs / 1000.0);
            case "up" -> server + " is up";
            default -> server + " is " + state;
        };
    }

    /** A round as the servers that have committed it so far report it. */
    private static final class RoundSeen {

        private final String winner;
        private final long value;
        private double longestMs;
        private long messages;
        private int reporters;

        RoundSeen(RingStatus.Winner first) {
            winner = first.winner();
            value = first.value();
        }

        RoundSeen add(RingStatus.Winner report) {
            longestMs = Math.max(longestMs, report.durationMs());
            messages += report.messagesSent();
            reporters++;
            return this;
        }

        String line(String round, Map<String, String> nameById) {
            return String.format(
                    Locale.ROOT,
                    "round %s: winner %s (value %d), %.1f ms, %d messages from %d servers",
                    LogText.escape(round),
                    LogText.escape(nameById.getOrDefault(winner, winner)),
                    value,
                    longestMs,
                    messages,
                    reporters);
        }
    }
}
