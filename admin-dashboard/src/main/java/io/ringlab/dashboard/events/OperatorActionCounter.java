package io.ringlab.dashboard.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts the operators' actions for Prometheus (and Grafana's "Operator actions" annotation):
 * {@code ringlab.dashboard.operator.actions{action, target, operator, outcome}}. Every tag is bounded: the action is
 * the endpoint's mapping (its path with the names left out: {@code servers/down}, {@code lab/faults/heal}), never
 * the path as given; the target is a service the dashboard watches, {@code none} for an action on the whole cluster
 * or {@code unknown} for a name it does not watch; the operator is a configured user (only they get past sign-in);
 * the outcome is the answer's status class ({@code 2xx}, {@code 4xx}, {@code 5xx}).
 */
final class OperatorActionCounter {

    static final String NAME = "ringlab.dashboard.operator.actions";
    private static final java.util.List<String> TARGET_VARIABLES = java.util.List.of("server", "agent", "client");

    private final MeterRegistry registry;
    private final Predicate<String> watched;

    /** @param watched whether a name is one of the services the dashboard watches */
    OperatorActionCounter(MeterRegistry registry, Predicate<String> watched) {
        this.registry = registry;
        this.watched = watched;
    }

    /**
     * @param pattern   the endpoint's path pattern ({@code /api/control/servers/{server}/down}); null when no endpoint
     *                  took the request
     * @param variables the pattern's variables as the request filled them
     */
    void count(String pattern, Map<String, String> variables, String operator, int status) {
        Counter.builder(NAME)
                .description("Actions operators took through the dashboard, answered or refused")
                .tag("action", action(pattern))
                .tag("target", target(variables))
                .tag("operator", operator)
                .tag("outcome", status / 100 + "xx")
                .register(registry)
                .increment();
    }

    static String action(String pattern) {
        if (pattern == null) {
            return "unmatched";
        }
        return pattern.replaceFirst("^/api/(control/)?", "").replaceAll("/\\{[^}]*}", "");
    }

    private String target(Map<String, String> variables) {
        for (String variable : TARGET_VARIABLES) {
            String name = variables.get(variable);
            if (name != null) {
                return watched.test(name) ? name : "unknown";
            }
        }
        return "none";
    }
}
