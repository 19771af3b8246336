package io.ringlab.dashboard.control;

import io.ringlab.dashboard.http.HttpFailures;

import java.time.Duration;

/**
 * What a service answered a forwarded control: its status code, content type and body; or, with status 0, what
 * went wrong, as the rest of a sentence that starts with the service's name ("could not be reached: connection
 * refused").
 */
record Forwarded(String service, int status, String contentType, byte[] body, String error) {

    static Forwarded unreachable(String service, String reason) {
        return new Forwarded(service, 0, null, new byte[0], "could not be reached: " + reason);
    }

    /** The exchange failed: the service could not be reached, was too slow, or answered more than is read. */
    static Forwarded failed(String service, Throwable failure, Duration timeout) {
        var tooLarge = HttpFailures.tooLarge(failure);
        return tooLarge != null
                ? new Forwarded(service, 0, null, new byte[0], tooLarge.getMessage())
                : unreachable(service, HttpFailures.describe(failure, timeout));
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
