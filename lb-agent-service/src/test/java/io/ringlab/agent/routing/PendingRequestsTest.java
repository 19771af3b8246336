package io.ringlab.agent.routing;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRequestsTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("::1", 5000);
    private static final byte[] PAYLOAD = {1, 2, 3};

    @Test
    void completingReturnsWhereTheReplyGoesExactlyOnce() {
        PendingRequests pending = new PendingRequests(10, 100);
        long id = pending.register(CLIENT, 7, false, PAYLOAD, 2, 0);
        PendingRequests.Pending entry = pending.complete(id);
        assertThat(entry.client()).isEqualTo(CLIENT);
        assertThat(entry.clientRequestId()).isEqualTo(7);
        assertThat(entry.server()).isEqualTo(2);
        assertThat(pending.complete(id)).as("a duplicate reply").isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void unknownIdCompletesNothing() {
        PendingRequests pending = new PendingRequests(10, 100);
        pending.register(CLIENT, 7, false, PAYLOAD, 0, 0);
        assertThat(pending.complete(99)).isNull();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void refusesNewRequestsWhenFullAndAcceptsAgainWhenOneCompletes() {
        PendingRequests pending = new PendingRequests(2, 100);
        long first = pending.register(CLIENT, 1, false, PAYLOAD, 0, 0);
        pending.register(CLIENT, 2, false, PAYLOAD, 0, 0);
        assertThat(pending.register(CLIENT, 3, false, PAYLOAD, 0, 0)).isEqualTo(-1);
        pending.complete(first);
        assertThat(pending.register(CLIENT, 3, false, PAYLOAD, 0, 0)).isNotEqualTo(-1);
    }

    @Test
    void anExpiredRequestIsGoneAndItsReplyFindsNothing() {
        PendingRequests pending = new PendingRequests(10, 100);
        long id = pending.register(CLIENT, 1, false, PAYLOAD, 0, 0);
        List<PendingRequests.Pending> expired = new ArrayList<>();
        pending.forEach((key, entry) -> pending.expire(key, entry, expired::add));
        assertThat(expired).hasSize(1);
        assertThat(pending.complete(id)).isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void aRequestSettledByItsReplyIsNotMovedByALateRetry() {
        PendingRequests pending = new PendingRequests(10, 100);
        long id = pending.register(CLIENT, 1, false, PAYLOAD, 0, 0);
        PendingRequests.Pending entry = pending.complete(id);
        assertThat(entry.settle()).isZero();
        assertThat(entry.resend(2, 10)).as("the retry sees it was answered").isEqualTo(-1);
        assertThat(entry.server()).isZero();
        assertThat(entry.tries()).isEqualTo(1);
    }

    @Test
    void idsAreDistinctAndSkipTheRefusalMarker() {
        PendingRequests pending = new PendingRequests(10, -2);
        assertThat(pending.register(CLIENT, 1, false, PAYLOAD, 0, 0)).isEqualTo(-2);
        assertThat(pending.register(CLIENT, 2, false, PAYLOAD, 0, 0)).isEqualTo(0);
    }
}
