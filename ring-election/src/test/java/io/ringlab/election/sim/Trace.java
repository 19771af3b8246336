package io.ringlab.election.sim;

import io.ringlab.election.message.RingMessage;
import io.ringlab.protocol.DropReason;

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

    /** @param fingerprint a hash of every byte sent */
    void send(long at, String from, String to, RingMessage message, int fingerprint) {
        add(at, new Sent(from, to, message));
        hash = hash * 31 + fingerprint;
    }

    void deliver(long at, String to, RingMessage message, DatagramOrigin origin) {
        add(at, new Delivered(to, origin, message));
    }

    void inject(long at, String to, DatagramOrigin origin, byte[] datagram) {
        add(at, new Injected(to, origin, datagram.length));
        hash = hash * 31 + Arrays.hashCode(datagram);
    }

    void refuse(long at, String to, DatagramOrigin origin, DropReason reason) {
        add(at, new Refused(to, origin, reason));
        hash = hash * 31 + reason.ordinal();
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

    private record Injected(String to, DatagramOrigin origin, int bytes) {
        @Override
        public String toString() {
            return "MALLORY -> " + to + " " + origin + " (" + bytes + " bytes)";
        }
    }

    private record Refused(String to, DatagramOrigin origin, DropReason reason) {
        @Override
        public String toString() {
            return "  refused at " + to + ": " + origin + " " + reason;
        }
    }

    private record Sent(String from, String to, RingMessage message) {
        @Override
        public String toString() {
            return from + " -> " + to + " " + message;
        }
    }

    private record Delivered(String to, DatagramOrigin origin, RingMessage message) {
        @Override
        public String toString() {
            return "  at " + to + (origin.isAdversary() ? " (from mallory, " + origin + ") " : " ") + message;
        }
    }
}
