package io.ringlab.election.impl;

import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.RoundId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Committed rounds (bounded), rounds already reported, and messages sent per round (bounded). */
final class History {

    private static final int TRACKED_ROUNDS = 64;

    private final int size;
    private final Deque<RoundOutcome> recent = new ArrayDeque<>();
    private final Map<RoundId, Boolean> finished = bounded();
    private final Map<RoundId, Long> sent = bounded();

    History(int size) {
        this.size = size;
    }

    void countSent(RoundId round) {
        if (!round.isNone()) {
            sent.merge(round, 1L, Long::sum);
        }
    }

    long sentFor(RoundId round) {
        return sent.getOrDefault(round, 0L);
    }

    boolean isFinished(RoundId round) {
        return finished.containsKey(round);
    }

    void finish(RoundOutcome outcome) {
        finished.put(outcome.round(), Boolean.TRUE);
        recent.addLast(outcome);
        while (recent.size() > size) {
            recent.removeFirst();
        }
    }

    List<RoundOutcome> recent() {
        return List.copyOf(new ArrayList<>(recent));
    }

    private static <V> Map<RoundId, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<RoundId, V> eldest) {
                return size() > TRACKED_ROUNDS;
            }
        };
    }
}
