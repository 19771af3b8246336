package io.ringlab.support.control;

import java.util.List;

/**
 * The agents' balancing strategies by name, as configuration and REST name them: the agent creates them, the
 * dashboard offers them.
 */
public final class BalancingStrategyNames {

    public static final String ROUND_ROBIN = "round-robin";
    public static final String LEAST_OUTSTANDING = "least-outstanding";
    public static final String P2C_OUTSTANDING = "p2c-outstanding";
    public static final String P2C_LATENCY = "p2c-latency";
    public static final String WEIGHTED_ROUND_ROBIN = "weighted-round-robin";

    public static final List<String> ALL =
            List.of(ROUND_ROBIN, LEAST_OUTSTANDING, P2C_OUTSTANDING, P2C_LATENCY, WEIGHTED_ROUND_ROBIN);

    private BalancingStrategyNames() {}
}
