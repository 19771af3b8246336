package io.ringlab.agent.balancing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's strategy: servers in a fixed order, one after the other, skipping those that are down.
 * With all servers up, N consecutive choices hit each server exactly once.
 */
public class RoundRobin implements BalancingStrategy {

    private final AtomicLong next = new AtomicLong();

    @Override
    public int choose(ServerView servers) {
        int size = servers.size();
        if (size == 0) {
            return -1;
        }
        long start = next.getAndIncrement();
        for (int step = 0; step < size; step++) {
            int candidate = (int) Math.floorMod(start + step, (long) size);
            if (servers.isUp(candidate)) {
                if (step > 0) {
                    // continue after the server we picked, not after the one that was down
                    next.compareAndSet(start + 1, start + step + 1);
                }
                return candidate;
            }
        }
        return -1;
    }

    @Override
    public String name() {
        return "round-robin";
    }
}
