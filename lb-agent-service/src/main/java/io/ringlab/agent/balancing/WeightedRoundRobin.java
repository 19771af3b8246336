package io.ringlab.agent.balancing;

/**
 * Smooth weighted round robin, NGINX's algorithm: each server up earns its weight on every choice; the
 * richest is chosen and pays back the total. With weights 5, 1, 1 the sequence is a a b a c a a, not
 * a a a a a b c. Servers that are down earn nothing.
 */
public class WeightedRoundRobin implements BalancingStrategy {

    private long[] current = new long[0];

    @Override
    public synchronized int choose(ServerView servers) {
        int size = servers.size();
        if (current.length != size) {
            current = new long[size];
        }
        long total = 0;
        int best = -1;
        for (int i = 0; i < size; i++) {
            if (!servers.isUp(i)) {
                continue;
            }
            current[i] += servers.weight(i);
            total += servers.weight(i);
            if (best < 0 || current[i] > current[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            current[best] -= total;
        }
        return best;
    }

    @Override
    public String name() {
        return "weighted-round-robin";
    }
}
