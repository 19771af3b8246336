package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.http.HttpFailures;
import io.ringlab.dashboard.http.ServiceExchange;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a service's JSON without blocking. The answer always comes within the poll timeout: a service that is
 * down, refuses the connection, answers slowly or answers too much ({@code ringlab.dashboard.max-body-size})
 * gives a failed {@link Fetched}, never an exception or a stall.
 */
@Component
class StatusFetcher {

    private final ServiceExchange exchange;
    private final JsonMapper json;
    private final Duration timeout;

    StatusFetcher(ServiceExchange exchange, JsonMapper json, DashboardProperties properties) {
        this.exchange = exchange;
        this.json = json;
        this.timeout = properties.pollTimeout();
    }

    CompletableFuture<Fetched> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        return exchange.send(request, timeout)
                .thenApply(this::parse)
                .exceptionally(e -> Fetched.failed(0, HttpFailures.describe(e, timeout)));
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
