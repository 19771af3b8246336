package io.ringlab.dashboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing that happened in the run, as the dashboard saw it.
 *
 * @param seq         its place in the log, from 1 up: later events have larger numbers
 * @param epochMillis when it happened (a round's end as its servers report it; else when the poll saw it)
 * @param kind        one of {@link EventKind}'s names
 * @param source      the service it happened to or was seen by ({@code server-2}, {@code agent-1}, {@code lab}, or the
 *                    operator's target)
 * @param text        what happened, for people
 * @param by          who did it, for an operator's action or a lab fault given by one; else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterEvent(long seq, long epochMillis, String kind, String source, String text, String by) {

    /** An event not yet in the log: it gets its number when added. */
    static ClusterEvent of(long epochMillis, EventKind kind, String source, String text) {
        return new ClusterEvent(0, epochMillis, kind.label(), source, text, null);
    }

    ClusterEvent by(String who) {
        return new ClusterEvent(seq, epochMillis, kind, source, text, who);
    }

    ClusterEvent numbered(long number) {
        return new ClusterEvent(number, epochMillis, kind, source, text, by);
    }
}
