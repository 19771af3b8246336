package io.ringlab.dashboard.http;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** Says in a few words why a service could not be reached, for the page. */
public final class HttpFailures {

    private HttpFailures() {}

    public static String describe(Throwable failure, Duration timeout) {
        BodyTooLargeException tooLarge = tooLarge(failure);
        if (tooLarge != null) {
            return tooLarge.getMessage();
        }
        Throwable cause = unwrapped(failure);
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return noAnswer(timeout);
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** The failure's {@link BodyTooLargeException}, wherever the client wrapped it, or {@code null}. */
    public static BodyTooLargeException tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    public static String noAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() + " ms";
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
