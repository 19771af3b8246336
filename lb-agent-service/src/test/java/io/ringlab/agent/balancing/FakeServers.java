package io.ringlab.agent.balancing;

import java.util.Arrays;

/** A server view whose state the test sets directly. */
final class FakeServers implements ServerView {

    final boolean[] up;
    final int[] outstanding;
    final long[] latency;
    final int[] weight;

    FakeServers(boolean... up) {
        this.up = Arrays.copyOf(up, up.length);
        this.outstanding = new int[up.length];
        this.latency = new long[up.length];
        this.weight = new int[up.length];
        Arrays.fill(weight, 1);
    }

    static FakeServers allUp(int n) {
        boolean[] up = new boolean[n];
        Arrays.fill(up, true);
        return new FakeServers(up);
    }

    @Override
    public int size() {
        return up.length;
    }

    @Override
    public boolean isUp(int index) {
        return up[index];
    }

    @Override
    public int outstanding(int index) {
        return outstanding[index];
    }

    @Override
    public long latencyEwmaNanos(int index) {
        return latency[index];
    }

    @Override
    public int weight(int index) {
        return weight[index];
    }
}
