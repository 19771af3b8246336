package io.ringlab.launcher.lab.fault;

import java.util.List;

/** What a fault does to the lab, while it lasts. */
public sealed interface FaultAction {

    /** {@code loss}, {@code partition}, {@code freeze} or {@code kill}: the fault's first word. */
    String kind();

    /**
     * Drop {@code percent} of the datagrams on the links from {@code from} to {@code to} (and back, when
     * {@code bothWays}).
     */
    record Loss(double percent, Endpoint from, Endpoint to, boolean bothWays) implements FaultAction {
        @Override
        public String kind() {
            return "loss";
        }

        @Override
        public String toString() {
            return "loss %s%% %s%s%s".formatted(FaultSpec.number(percent), from, bothWays ? "<->" : "->", to);
        }
    }

    /**
     * Cut hosts {@code side} off from hosts {@code other} (every other host of the lab when empty); only traffic from
     * {@code side} to {@code other} when {@code oneWay}.
     */
    record Partition(List<String> side, List<String> other, boolean oneWay) implements FaultAction {
        public Partition {
            side = List.copyOf(side);
            other = List.copyOf(other);
        }

        @Override
        public String kind() {
            return "partition";
        }

        @Override
        public String toString() {
            return "partition " + String.join(",", side)
                    + (other.isEmpty() ? "" : (oneWay ? " -> " : " | ") + String.join(",", other));
        }
    }

    /** {@code SIGSTOP} a process; {@code SIGCONT} when the fault ends. */
    record Freeze(String process) implements FaultAction {
        @Override
        public String kind() {
            return "freeze";
        }

        @Override
        public String toString() {
            return "freeze " + process;
        }
    }

    /** {@code kill -9} a process; start it again when the fault ends. */
    record Kill(String process) implements FaultAction {
        @Override
        public String kind() {
            return "kill";
        }

        @Override
        public String toString() {
            return "kill " + process;
        }
    }
}
