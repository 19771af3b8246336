package io.ringlab.dashboard.http;

import java.io.IOException;

/** A service answered with a body longer than the dashboard reads; the exchange was abandoned there. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long maxBytes) {
        super("answered with more than %d bytes, the most the dashboard reads (ringlab.dashboard.max-body-size)"
                .formatted(maxBytes));
    }
}
