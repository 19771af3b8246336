package io.ringlab.dashboard.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory up to a bound. A body that declares a longer {@code Content-Length}, or
 * turns out longer while it is read, fails with a {@link BodyTooLargeException} and its subscription is
 * cancelled, which makes the HTTP client stop reading and close the connection: a service cannot make the
 * dashboard hold more than the bound, however much it sends. Asks for one chunk at a time, so no more than one
 * chunk is read past the point where it stops.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private static final int INITIAL_BUFFER = 8 * 1024;

    private final long maxBytes;
    private final long declaredLength;
    private final ByteArrayOutputStream received;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBodySubscriber(long maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
        this.received = new ByteArrayOutputStream(
                (int) Math.min(maxBytes, declaredLength >= 0 ? declaredLength : INITIAL_BUFFER));
    }

    /** Bodies of at most {@code maxBytes} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info -> new BoundedBodySubscriber(maxBytes, contentLength(info.headers()));
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declaredLength > maxBytes) {
            tooLarge();
            return;
        }
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (received.size() + (long) buffer.remaining() > maxBytes) {
                tooLarge();
                return;
            }
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.writeBytes(bytes);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(received.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void tooLarge() {
        subscription.cancel();
        body.completeExceptionally(new BodyTooLargeException(maxBytes));
    }

    /** The declared length, or -1 when there is none (or it is not a number, which the client refuses anyway). */
    private static long contentLength(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
