package io.ringlab.dashboard.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.ringlab.dashboard.http.RawHttpServer.ascii;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The dashboard's exchanges with a service are bounded in size and in time, whatever the service does: it reads
 * at most the limit and abandons the exchange beyond it, and it cancels an exchange that outlives its timeout.
 */
class ServiceExchangeTest {

    private static final int LIMIT = 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ServiceExchange exchange = new ServiceExchange(http, LIMIT);

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        byte[] body = new byte[LIMIT];
        Arrays.fill(body, (byte) '7');
        try (RawHttpServer service = new RawHttpServer(out -> {
            out.write(ascii(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + LIMIT + "\r\n\r\n"));
            out.write(body);
        })) {
            HttpResponse<byte[]> response =
                    exchange.send(request(service), PATIENCE).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void aBodyThatGoesOnPastTheLimitIsAFailureAndTheExchangeIsAbandoned() throws Exception {
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try (RawHttpServer service = new RawHttpServer(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (int i = 0; i < 64 * 1024; i++) {
                // 1 GiB in all, unless the client stops reading
                out.write(ascii(Integer.toHexString(chunk.length) + "\r\n"));
                out.write(chunk);
                out.write(ascii("\r\n"));
            }
            out.write(ascii("0\r\n\r\n"));
        })) {
            CompletableFuture<HttpResponse<byte[]>> answer = exchange.send(request(service), PATIENCE);

            assertFailsWith(
                    answer,
                    BodyTooLargeException.class,
                    "answered with more than 1024 bytes, the most the dashboard reads (ringlab.dashboard.max-body-size)");
            assertThat(service.clientClosedWithin(PATIENCE))
                    .as("the connection closed by the dashboard")
                    .isTrue();
            assertThat(service.answerWritten())
                    .as("the body was not read to its end")
                    .isFalse();
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAFailureBeforeTheBodyIsRead() throws Exception {
        try (RawHttpServer service = new RawHttpServer(out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{"));
        })) {
            CompletableFuture<HttpResponse<byte[]>> answer = exchange.send(request(service), PATIENCE);

            assertFailsWith(answer, BodyTooLargeException.class, "answered with more than 1024 bytes");
            assertThat(service.clientClosedWithin(PATIENCE))
                    .as("the connection closed by the dashboard")
                    .isTrue();
        }
    }

    @Test
    void aServiceThatNeverAnswersHasItsExchangeCancelledAtTheTimeout() throws Exception {
        try (RawHttpServer service = new RawHttpServer(out -> {})) {
            // no request timeout: only the exchange's own can end it
            CompletableFuture<HttpResponse<byte[]>> answer = exchange.send(
                    HttpRequest.newBuilder(service.uri("/api/status")).GET().build(), TIMEOUT);

            assertFailsWith(answer, TimeoutException.class, null);
            assertThat(HttpFailures.describe(failure(answer), TIMEOUT)).isEqualTo("no answer within 300 ms");
            // on a loaded machine the time can be up before the connection is made: then there is none to close
            if (service.clientConnectedWithin(Duration.ofSeconds(2))) {
                assertThat(service.clientClosedWithin(PATIENCE))
                        .as("the exchange cancelled, its connection closed")
                        .isTrue();
            } else {
                System.out.println("the exchange was cancelled before it connected: no connection to check");
            }
        }
    }

    @Test
    void aServiceThatStopsInTheMiddleOfItsBodyHasItsExchangeCancelledAtTheTimeout() throws Exception {
        try (RawHttpServer service = new RawHttpServer(out -> {
            out.write(ascii(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"sent\": "));
        })) {
            // the request timeout, as the dashboard sets it, ends with the headers: it does not cover the body
            CompletableFuture<HttpResponse<byte[]>> answer = exchange.send(
                    HttpRequest.newBuilder(service.uri("/api/status"))
                            .timeout(TIMEOUT)
                            .GET()
                            .build(),
                    TIMEOUT);

            assertFailsWith(answer, TimeoutException.class, null);
            assertThat(service.clientClosedWithin(PATIENCE))
                    .as("the exchange cancelled, its connection closed")
                    .isTrue();
        }
    }

    private static HttpRequest request(RawHttpServer service) {
        return HttpRequest.newBuilder(service.uri("/api/status")).GET().build();
    }

    private static void assertFailsWith(CompletableFuture<?> answer, Class<? extends Throwable> type, String message) {
        Throwable failure = failure(answer);
        assertThat(failure).isInstanceOf(type);
        if (message != null) {
            assertThat(failure).hasMessageContaining(message);
        }
    }

    /** The failure the answer completed with, unwrapped from where the client put it. */
    private static Throwable failure(CompletableFuture<?> answer) {
        ExecutionException thrown =
                (ExecutionException) catchThrowable(() -> answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertThat(thrown).as("the answer failed").isNotNull();
        Throwable cause = thrown.getCause();
        BodyTooLargeException tooLarge = HttpFailures.tooLarge(cause);
        if (tooLarge != null) {
            return tooLarge;
        }
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
