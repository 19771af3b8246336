package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.http.HttpFailures;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads a service's JSON without blocking. The answer always comes within the poll timeout: a service that is
 * down, refuses the connection or answers slowly gives a failed {@link Fetched}, never an exception or a stall.
 */
@Component
class StatusFetcher {

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    StatusFetcher(HttpClient http, JsonMapper json, DashboardProperties properties) {
        this.http = http;
        this.json = json;
        this.timeout = properties.pollTimeout();
    }

    CompletableFuture<Fetched> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        CompletableFuture<Fetched> fetched;
        try {
            fetched = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::parse);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Fetched.failed(0, HttpFailures.describe(e, timeout)));
        }
        return fetched
                .exceptionally(e -> Fetched.failed(0, HttpFailures.describe(e, timeout)))
                // the request timeout covers the wait for the headers; this covers everything
                .completeOnTimeout(Fetched.failed(0, HttpFailures.noAnswer(timeout)), timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private Fetched parse(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return Fetched.failed(response.statusCode(), "HTTP " + response.statusCode());
        }
        try {
            return Fetched.ok(json.readTree(response.body()));
        } catch (RuntimeException e) {
            return Fetched.failed(response.statusCode(), "not JSON: " + e.getMessage());
        }
    }
}
