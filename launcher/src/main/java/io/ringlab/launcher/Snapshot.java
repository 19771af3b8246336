package io.ringlab.launcher;

import java.util.List;
import java.util.Map;

/** The status of every service at one moment; a service that did not answer has a {@code null} status. */
/** @param takenAt when the snapshot was started (its reads follow) */
record Snapshot(long elapsedSeconds, java.time.LocalTime takenAt, List<Client> clients, List<Agent> agents,
                List<Server> servers) {

    record Client(String name, ClientStatus status) {
    }

    record Agent(String name, AgentStatus status) {
    }

    record Server(String name, String id, ServerStatus status) {
    }

    record ClientStatus(int threads, long sent, long responses, long timeouts, long wrongReplies, long inFlight,
                        double successRate, double averageMs, double p50Ms, double p99Ms) {
    }

    /** @param forwardedTo requests sent to each server, by the server's id ({@code host:port}, as the agent names it) */
    record AgentStatus(String strategy, long received, long forwarded, long repliesDelivered, long retries,
                       long ejections, Map<String, Long> forwardedTo, Map<String, Boolean> upById,
                       Map<String, String> stateById, Map<String, Long> drops) {
    }

    record ServerStatus(String state, long downForMs, long requestsReceived, Map<String, Long> drops) {
    }
}
