package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.ServerStatus;

import java.util.List;

/**
 * The status of every service at one moment; a service that did not answer has a {@code null} status.
 *
 * @param takenAt when the snapshot was started (its reads follow)
 */
record Snapshot(
        long elapsedSeconds,
        java.time.LocalTime takenAt,
        List<Client> clients,
        List<Agent> agents,
        List<Server> servers) {

    record Client(String name, ClientStatus status) {}

    record Agent(String name, AgentStatus status) {}

    /** @param id the server's ring id ({@code host:port}, as the agents name it) */
    record Server(String name, String id, ServerStatus status) {}
}
