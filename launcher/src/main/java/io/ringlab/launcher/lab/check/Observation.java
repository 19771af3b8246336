package io.ringlab.launcher.lab.check;

import java.util.List;
import java.util.Map;

/**
 * What the run saw of every service at one moment. A service that did not answer is absent from its map.
 *
 * @param servers each ring server as its ring reports itself, by name
 * @param agents  each agent's view of the servers, by agent name
 * @param clients the outcomes of every client that answered, added up
 */
public record Observation(long nanos, Map<String, Server> servers, Map<String, Agent> agents, Outcomes clients) {

    /**
     * @param state      {@code up}, {@code down} (planned downtime) or {@code restarting}
     * @param suspected  the peers this server skips as crashed, by name
     * @param rounds     the last rounds it committed
     */
    public record Server(String state, List<String> suspected, long roundsAbandoned, List<Round> rounds) {}

    /** A committed round as one server reports it. */
    public record Round(String id, String winner, long value) {}

    /**
     * @param stateByServer {@code up}, {@code down}, {@code unhealthy} or {@code ejected}, by server name
     * @param forwardedTo   requests forwarded to each server since the agent started, by server name
     */
    public record Agent(Map<String, String> stateByServer, Map<String, Long> forwardedTo) {}

    /** Requests finished since the clients started: answered, timed out, answered wrongly. */
    public record Outcomes(long responses, long timeouts, long wrong) {

        public static final Outcomes NONE = new Outcomes(0, 0, 0);

        Outcomes minus(Outcomes earlier) {
            return new Outcomes(responses - earlier.responses, timeouts - earlier.timeouts, wrong - earlier.wrong);
        }

        long finished() {
            return responses + timeouts + wrong;
        }
    }
}
