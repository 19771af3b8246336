package io.ringlab.dashboard.control;

import io.ringlab.dashboard.config.ClusterCredential;
import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.dashboard.http.ServiceExchange;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a control to a service, with the cluster's credential, and hands back whatever the service answered, within
 * the control timeout and up to {@code ringlab.dashboard.max-body-size}.
 */
@Component
class ControlForwarder {

    private final ServiceExchange exchange;
    private final JsonMapper json;
    private final ClusterCredential credential;
    private final Duration timeout;

    ControlForwarder(
            ServiceExchange exchange, JsonMapper json, ClusterCredential credential, DashboardProperties properties) {
        this.exchange = exchange;
        this.json = json;
        this.credential = credential;
        this.timeout = properties.controlTimeout();
    }

    /**
     * @param method {@code POST} or {@code PUT} (or {@code GET}, for a read passed through)
     * @param path   the service's endpoint, e.g. {@code /api/ring/elections}
     * @param body   sent as JSON; {@code null} for none
     */
    CompletableFuture<Forwarded> send(Service service, String method, String path, Object body) {
        return send(service, method, path, body, Map.of());
    }

    /** The same, with headers of its own ({@code X-RingLab-Operator} for the lab's launcher). */
    CompletableFuture<Forwarded> send(
            Service service, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(timeout)
                .header("Authorization", credential.basicAuthorization())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .method(method, publisher);
        headers.forEach(request::header);
        return exchange.send(request.build(), timeout)
                .thenApply(response -> new Forwarded(
                        service.name(),
                        response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null),
                        response.body(),
                        null))
                .exceptionally(e -> Forwarded.failed(service.name(), e, timeout));
    }
}
