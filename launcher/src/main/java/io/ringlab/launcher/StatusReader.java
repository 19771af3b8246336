package io.ringlab.launcher;

import io.ringlab.launcher.status.StatusJson;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a service's {@code GET /api/status} or a server's {@code GET /api/ring} into the model records;
 * {@code null} when the service does not answer, or answers with something else.
 */
final class StatusReader {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Whether the URL answers 200 (a readiness probe). */
    boolean answers(String url) {
        return body(url) != null;
    }

    ClientStatus client(String url) {
        return read(url, ClientStatus.class);
    }

    AgentStatus agent(String url) {
        return read(url, AgentStatus.class);
    }

    ServerStatus server(String url) {
        return read(url, ServerStatus.class);
    }

    RingStatus ring(String url) {
        return read(url, RingStatus.class);
    }

    private <T> T read(String url, Class<T> type) {
        String body = body(url);
        try {
            return body == null ? null : StatusJson.parse(body, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String body(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
