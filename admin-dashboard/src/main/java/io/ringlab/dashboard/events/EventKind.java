package io.ringlab.dashboard.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an event is about; its label is what {@code GET /api/events?kind=} takes. */
public enum EventKind {
    /** A committed election round: its winner, value, duration and messages. */
    ROUND,
    /** A server entering planned downtime (an election's or an operator's). */
    DOWN,
    /** A server back from planned downtime. */
    UP,
    /** A service the dashboard can no longer reach (crashed, frozen or cut off), or reaches again. */
    UNREACHABLE,
    REACHABLE,
    /** An agent taking a server out of rotation, or putting it back. */
    OUT,
    IN,
    /** An agent ejecting servers for failing requests. */
    EJECTION,
    /** An agent retrying many requests within one poll. */
    RETRIES,
    /** A lab fault starting or ending. */
    FAULT,
    /** A control given through the dashboard, with who gave it. */
    OPERATOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventKind> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(kind -> kind.label().equals(label))
                .findFirst();
    }
}
