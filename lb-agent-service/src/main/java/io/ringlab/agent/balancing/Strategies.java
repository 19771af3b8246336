package io.ringlab.agent.balancing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The balancing strategies by name, as configuration and REST name them. */
public final class Strategies {

    public static final List<String> NAMES = List.of("round-robin", "least-outstanding", "p2c-outstanding",
            "p2c-latency", "weighted-round-robin");

    private Strategies() {
    }

    /** A new strategy; throws {@link IllegalArgumentException} naming the known ones for an unknown name. */
    public static BalancingStrategy create(String name) {
        return switch (name) {
            case "round-robin" -> new RoundRobin();
            case "least-outstanding" -> new LeastOutstanding();
            case "p2c-outstanding" -> new PowerOfTwoChoices(PowerOfTwoChoices.Load.OUTSTANDING,
                    bound -> ThreadLocalRandom.current().nextInt(bound));
            case "p2c-latency" -> new PowerOfTwoChoices(PowerOfTwoChoices.Load.LATENCY,
                    bound -> ThreadLocalRandom.current().nextInt(bound));
            case "weighted-round-robin" -> new WeightedRoundRobin();
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + NAMES);
        };
    }
}
