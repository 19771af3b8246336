package io.ringlab.agent.routing;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRequestsTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("::1", 5000);
    private static final long TIMEOUT = 1_000;

    @Test
    void completingReturnsWhereTheReplyGoesExactlyOnce() {
        PendingRequests pending = new PendingRequests(10, TIMEOUT, 100);
        long id = pending.register(CLIENT, 7, false, 2, 0);
        assertThat(pending.complete(id)).isEqualTo(new PendingRequests.Pending(CLIENT, 7, false, 2, 0));
        assertThat(pending.complete(id)).as("a duplicate reply").isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void unknownIdCompletesNothing() {
        PendingRequests pending = new PendingRequests(10, TIMEOUT, 100);
        pending.register(CLIENT, 7, false, 0, 0);
        assertThat(pending.complete(99)).isNull();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void refusesNewRequestsWhenFullAndAcceptsAgainWhenOneCompletes() {
        PendingRequests pending = new PendingRequests(2, TIMEOUT, 100);
        long first = pending.register(CLIENT, 1, false, 0, 0);
        pending.register(CLIENT, 2, false, 0, 0);
        assertThat(pending.register(CLIENT, 3, false, 0, 0)).isEqualTo(-1);
        pending.complete(first);
        assertThat(pending.register(CLIENT, 3, false, 0, 0)).isNotEqualTo(-1);
    }

    @Test
    void expiresOnlyRequestsOlderThanTheTimeoutAndTheirRepliesFindNothing() {
        PendingRequests pending = new PendingRequests(10, TIMEOUT, 100);
        long old = pending.register(CLIENT, 1, false, 0, 0);
        long fresh = pending.register(CLIENT, 2, false, 0, 600);
        assertThat(pending.expire(TIMEOUT + 1)).isEqualTo(1);
        assertThat(pending.complete(old)).isNull();
        assertThat(pending.complete(fresh)).isNotNull();
    }

    @Test
    void idsAreDistinctAndSkipTheRefusalMarker() {
        PendingRequests pending = new PendingRequests(10, TIMEOUT, -2);
        long a = pending.register(CLIENT, 1, false, 0, 0);
        long b = pending.register(CLIENT, 2, false, 0, 0);
        assertThat(a).isEqualTo(-2);
        assertThat(b).isEqualTo(0);
    }
}
