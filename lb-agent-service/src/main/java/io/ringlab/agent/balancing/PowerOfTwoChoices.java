package io.ringlab.agent.balancing;

import java.util.function.IntUnaryOperator;

/**
 * Two servers drawn at random among those that are up; the less loaded of the two wins (Mitzenmacher's
 * power of two choices, as in Finagle and Envoy). Load is either the requests in flight, or the response
 * time EWMA scaled by the requests in flight plus one (Finagle's "peak EWMA" cost), so that a server with no
 * measurement yet, or an idle one, is tried.
 */
public class PowerOfTwoChoices implements BalancingStrategy {

    /** What "less loaded" means. */
    public enum Load {
        OUTSTANDING,
        LATENCY
    }

    private final Load load;
    private final IntUnaryOperator random;

    /** @param random given a bound n, returns a uniformly drawn int in [0, n); must be safe for many threads */
    public PowerOfTwoChoices(Load load, IntUnaryOperator random) {
        this.load = load;
        this.random = random;
    }

    @Override
    public int choose(ServerView servers) {
        int up = 0;
        for (int i = 0; i < servers.size(); i++) {
            if (servers.isUp(i)) {
                up++;
            }
        }
        if (up == 0) {
            return -1;
        }
        int first = nthUpExcept(servers, random.applyAsInt(up), -1);
        if (up == 1 || first < 0) {
            return first;
        }
        int second = nthUpExcept(servers, random.applyAsInt(up - 1), first);
        if (second < 0) {
            return first;
        }
        return cost(servers, second) < cost(servers, first) ? second : first;
    }

    private double cost(ServerView servers, int index) {
        return switch (load) {
            case OUTSTANDING -> servers.outstanding(index);
            case LATENCY -> (double) servers.latencyEwmaNanos(index) * (servers.outstanding(index) + 1);
        };
    }

    /** The n-th server up other than {@code except}; -1 if a server went down since they were counted. */
    private static int nthUpExcept(ServerView servers, int n, int except) {
        int seen = 0;
        for (int i = 0; i < servers.size(); i++) {
            if (i != except && servers.isUp(i) && seen++ == n) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String name() {
        return load == Load.OUTSTANDING ? "p2c-outstanding" : "p2c-latency";
    }
}
