package io.ringlab.agent.routing;

import java.util.concurrent.atomic.LongAdder;

/** What the agent counts beyond each server's figures. */
public class AgentStatistics {

    private final LongAdder framedRequests = new LongAdder();
    private final LongAdder rawRequests = new LongAdder();
    private final LongAdder repliesDelivered = new LongAdder();
    private final LongAdder expired = new LongAdder();

    void framedRequest() {
        framedRequests.increment();
    }

    void rawRequest() {
        rawRequests.increment();
    }

    void replyDelivered() {
        repliesDelivered.increment();
    }

    public void expired(int count) {
        expired.add(count);
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

    public long expiredCount() {
        return expired.sum();
    }
}
