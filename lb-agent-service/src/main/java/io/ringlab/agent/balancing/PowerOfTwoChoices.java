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
    public enum Load { OUTSTANDING, LATENCY }

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
        int first = nthUp(servers, random.applyAsInt(up));
        if (up == 1) {
            return first;
        }
        int draw = random.applyAsInt(up - 1);
        int second = nthUpExcept(servers, draw, first);
        return cost(servers, second) < cost(servers, first) ? second : first;
    }

    private double cost(ServerView servers, int index) {
        return switch (load) {
            case OUTSTANDING -> servers.outstanding(index);
            case LATENCY -> (double) servers.latencyEwmaNanos(index) * (servers.outstanding(index) + 1);
        };
    }

    private static int nthUp(ServerView servers, int n) {
        return nthUpExcept(servers, n, -1);
    }

    private static int nthUpExcept(ServerView servers, int n, int except) {
        int seen = 0;
        for (int i = 0; i < servers.size(); i++) {
            if (i != except && servers.isUp(i) && seen++ == n) {
                return i;
            }
        }
        throw new IllegalStateException("fewer servers up than counted");
    }

    @Override
    public String name() {
        return load == Load.OUTSTANDING ? "p2c-outstanding" : "p2c-latency";
    }
}
