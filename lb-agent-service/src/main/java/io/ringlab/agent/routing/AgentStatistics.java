package io.ringlab.agent.routing;

import java.util.concurrent.atomic.LongAdder;

/** What the agent counts beyond each server's figures. */
public class AgentStatistics {

    private final LongAdder framedRequests = new LongAdder();
    private final LongAdder rawRequests = new LongAdder();
    private final LongAdder repliesDelivered = new LongAdder();

    void framedRequest() {
        framedRequests.increment();
    }

    void rawRequest() {
        rawRequests.increment();
    }

    void replyDelivered() {
        repliesDelivered.increment();
    }

    public long framedRequests() {
        return framedRequests.sum();
    }

    public long rawRequests() {
        return rawRequests.sum();
    }

    public long repliesDelivered() {
        return repliesDelivered.sum();
    }
}
