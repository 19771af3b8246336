package io.ringlab.agent.balancing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server with the fewest requests in flight (NGINX's {@code least_conn}, Envoy's least request). The
 * scan starts at a rotating position, so that ties are spread instead of all going to the first server.
 */
public class LeastOutstanding implements BalancingStrategy {

    private final AtomicLong start = new AtomicLong();

    @Override
    public int choose(ServerView servers) {
        int size = servers.size();
        int offset = (int) Math.floorMod(start.getAndIncrement(), (long) Math.max(1, size));
        int best = -1;
        int bestOutstanding = Integer.MAX_VALUE;
        for (int step = 0; step < size; step++) {
            int candidate = (offset + step) % size;
            if (servers.isUp(candidate) && servers.outstanding(candidate) < bestOutstanding) {
                best = candidate;
                bestOutstanding = servers.outstanding(candidate);
            }
        }
        return best;
    }

    @Override
    public String name() {
        return "least-outstanding";
    }
}
