package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.ServerStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Model statuses for tests, with only the fields the launcher reads set. */
final class Statuses {

    private Statuses() {}

    static ClientStatus client(
            int threads,
            long sent,
            long responses,
            long timeouts,
            long wrongReplies,
            long inFlight,
            double successRate,
            double averageMs,
            double p50Ms,
            double p99Ms) {
        return new ClientStatus(
                "client",
                "client-1",
                "127.0.0.1:4000",
                "closed-loop",
                threads,
                0,
                0,
                true,
                sent,
                responses,
                timeouts,
                wrongReplies,
                0,
                0,
                inFlight,
                successRate,
                averageMs,
                p50Ms,
                p99Ms,
                p99Ms,
                p99Ms,
                Map.of());
    }

    /** @param servers each server's id, requests forwarded to it and its state ({@code up} is in rotation) */
    static AgentStatus agent(
            long received,
            long forwarded,
            long repliesDelivered,
            long retries,
            long ejections,
            List<Share> servers,
            Map<String, Long> drops) {
        List<AgentStatus.ServerShare> shares = new ArrayList<>();
        servers.forEach(s -> shares.add(new AgentStatus.ServerShare(
                s.id(),
                s.id(),
                false,
                s.up(),
                s.state(),
                s.forwarded(),
                s.forwarded(),
                forwarded == 0 ? 0 : (double) s.forwarded() / forwarded,
                0,
                0)));
        return new AgentStatus(
                "agent",
                "agent-1",
                4000,
                4100,
                "round-robin",
                received,
                0,
                forwarded,
                repliesDelivered,
                retries,
                0,
                ejections,
                0,
                0,
                0,
                shares,
                drops,
                null);
    }

    static ServerStatus server(String state, long downForMs, long requestsReceived) {
        return new ServerStatus(
                "server",
                "server-1",
                4242,
                state,
                downForMs,
                state.equals("down") ? "election" : null,
                requestsReceived,
                requestsReceived,
                0,
                List.of(),
                Map.of());
    }

    record Share(String id, long forwarded, String state, boolean up) {

        static Share of(String id, long forwarded, String state) {
            return new Share(id, forwarded, state, state.equals("up"));
        }
    }
}
