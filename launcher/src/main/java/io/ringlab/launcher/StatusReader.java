package io.ringlab.launcher;

import io.ringlab.launcher.status.StatusHttp;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;

import java.time.Duration;

/**
 * Reads a service's {@code GET /api/status} or a server's {@code GET /api/ring} into the model records;
 * {@code null} when the service does not answer, or answers with something else.
 */
final class StatusReader {

    private final StatusHttp http = new StatusHttp(Duration.ofSeconds(3));

    /** Whether the URL answers 200 (a readiness probe). */
    boolean answers(String url) {
        return http.body(url) != null;
    }

    ClientStatus client(String url) {
        return http.read(url, ClientStatus.class);
    }

    AgentStatus agent(String url) {
        return http.read(url, AgentStatus.class);
    }

    ServerStatus server(String url) {
        return http.read(url, ServerStatus.class);
    }

    RingStatus ring(String url) {
        return http.read(url, RingStatus.class);
    }
}
