package io.ringlab.dashboard.http;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/** Says in a few words why a service could not be reached, for the page. */
public final class HttpFailures {

    private HttpFailures() {
    }

    public static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
            return noAnswer(timeout);
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    public static String noAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }
}
