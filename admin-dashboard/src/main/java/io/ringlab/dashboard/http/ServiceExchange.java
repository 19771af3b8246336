package io.ringlab.dashboard.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every exchange of the dashboard with a service, with two bounds a service cannot push past: the body is read up
 * to {@code ringlab.dashboard.max-body-size} ({@link BodyTooLargeException} beyond), and the whole exchange,
 * body included, ends within its timeout. The request's own timeout covers only the wait for the response's
 * headers; here, when the time is up, the exchange is cancelled ({@code cancel(true)} on the client's future,
 * which since JDK 16 aborts the exchange and closes its connection), so a service that trickles its answer holds
 * no connection and no buffer of the dashboard past the timeout.
 */
public class ServiceExchange {

    private final HttpClient http;
    private final long maxBodyBytes;

    public ServiceExchange(HttpClient http, long maxBodyBytes) {
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Sends the request; the answer completes within {@code timeout}: the response with its whole body, or
     * exceptionally (a {@link java.util.concurrent.TimeoutException} when the time is up, a
     * {@link BodyTooLargeException}, the client's {@link java.io.IOException}s), never later.
     */
    public CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = http.sendAsync(request, BoundedBodySubscriber.handler(maxBodyBytes));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // a stage of its own for the timeout to complete: completing the client's future itself would not stop
        // the exchange, and would leave nothing to cancel
        return exchange.thenApply(Function.identity())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> {
                    if (!exchange.isDone()) {
                        exchange.cancel(true);
                    }
                });
    }
}
