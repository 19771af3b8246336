package io.ringlab.server.serving;

import java.util.concurrent.atomic.LongAdder;

/** What a ring server counts: requests received (framed and raw) and replies sent. */
public class ServerStatistics {

    private final LongAdder framedRequests = new LongAdder();
    private final LongAdder rawRequests = new LongAdder();

    void framedRequest() {
        framedRequests.increment();
    }

    void rawRequest() {
        rawRequests.increment();
    }

    public long framedRequests() {
        return framedRequests.sum();
    }

    public long rawRequests() {
        return rawRequests.sum();
    }

    public long requestsReceived() {
        return framedRequests() + rawRequests();
    }
}
