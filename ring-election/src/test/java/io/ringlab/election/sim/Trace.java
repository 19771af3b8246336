package io.ringlab.election.sim;

import io.ringlab.election.message.RingMessage;
import java.util.Arrays;

/**
 * The last events of a simulation (formatted only when a test fails or replays) and a hash of all of
 * them, so that two runs of one seed can be compared exactly.
 */
final class Trace {

    private final Object[] lines;
    private final long[] times;
    private int next;
    private long count;
    private long hash = 17;

    Trace(int capacity) {
        lines = new Object[Math.max(1, capacity)];
        times = new long[lines.length];
    }

    void add(long at, Object line) {
        lines[next] = line;
        times[next] = at;
        next = (next + 1) % lines.length;
        count++;
        hash = hash * 31 + at;
    }

    void send(long at, String from, String to, RingMessage message, byte[] bytes) {
        add(at, new Line(from + " -> " + to, message));
        hash = hash * 31 + Arrays.hashCode(bytes);
    }

    void deliver(long at, String to, RingMessage message) {
        add(at, new Line("  at " + to, message));
    }

    long hash() {
        return hash;
    }

    String dump() {
        StringBuilder out = new StringBuilder();
        int size = (int) Math.min(count, lines.length);
        for (int i = 0; i < size; i++) {
            int at = (int) ((next - size + i + lines.length) % lines.length);
            out.append(String.format("  %12.3f ms  %s%n", times[at] / 1e6, lines[at]));
        }
        return out.toString();
    }

    private record Line(String where, RingMessage message) {
        @Override
        public String toString() {
            return where + " " + message;
        }
    }
}
