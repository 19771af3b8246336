package io.ringlab.agent.balancing;

import io.ringlab.support.control.BalancingStrategyNames;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The balancing strategies by name, as configuration and REST name them. */
public final class Strategies {

    public static final List<String> NAMES = BalancingStrategyNames.ALL;

    private Strategies() {}

    /** A new strategy; throws {@link IllegalArgumentException} naming the known ones for an unknown name. */
    public static BalancingStrategy create(String name) {
        return switch (name) {
            case BalancingStrategyNames.ROUND_ROBIN -> new RoundRobin();
            case BalancingStrategyNames.LEAST_OUTSTANDING -> new LeastOutstanding();
            case BalancingStrategyNames.P2C_OUTSTANDING ->
                new PowerOfTwoChoices(
                        PowerOfTwoChoices.Load.OUTSTANDING,
                        bound -> ThreadLocalRandom.current().nextInt(bound));
            case BalancingStrategyNames.P2C_LATENCY ->
                new PowerOfTwoChoices(
                        PowerOfTwoChoices.Load.LATENCY,
                        bound -> ThreadLocalRandom.current().nextInt(bound));
            case BalancingStrategyNames.WEIGHTED_ROUND_ROBIN -> new WeightedRoundRobin();
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + NAMES);
        };
    }
}
