package io.ringlab.agent.balancing;

import java.util.Arrays;

/**
 * A server view whose state the test sets directly. Shared through this module's test jar (the benchmarks
 * use it too).
 */
public final class FakeServers implements ServerView {

    public final boolean[] up;
    public final int[] outstanding;
    public final long[] latency;
    public final int[] weight;

    public FakeServers(boolean... up) {
        this.up = Arrays.copyOf(up, up.length);
        this.outstanding = new int[up.length];
        this.latency = new long[up.length];
        this.weight = new int[up.length];
        Arrays.fill(weight, 1);
    }

    public static FakeServers allUp(int n) {
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
