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
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 7, 2);
        PendingRequests.Pending entry = take(pending, id);
        assertThat(entry.client()).isEqualTo(CLIENT);
        assertThat(entry.clientRequestId()).isEqualTo(7);
        assertThat(entry.server()).isEqualTo(2);
        assertThat(take(pending, id)).as("a duplicate reply").isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void unknownIdCompletesNothing() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        register(pending, 7, 0);
        assertThat(take(pending, 99)).isNull();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void refusesNewRequestsWhenFullAndAcceptsAgainWhenOneCompletes() {
        PendingRequests pending = new PendingRequests(2, counter(100));
        long first = register(pending, 1, 0);
        register(pending, 2, 0);
        assertThat(register(pending, 3, 0)).isEqualTo(-1);
        take(pending, first);
        assertThat(register(pending, 3, 0)).isNotEqualTo(-1);
    }

    @Test
    void anExpiredRequestIsGoneAndItsReplyFindsNothing() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 1, 0);
        List<PendingRequests.Pending> expired = new ArrayList<>();
        pending.forEach((key, entry) -> pending.expire(key, entry, expired::add));
        assertThat(expired).hasSize(1);
        assertThat(take(pending, id)).isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void aRequestSettledByItsReplyIsNotMovedByALateRetry() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 1, 0);
        PendingRequests.Pending entry = take(pending, id);
        assertThat(entry.settle()).isZero();
        assertThat(entry.resend(2, 10)).as("the retry sees it was answered").isEqualTo(-1);
        assertThat(entry.server()).isZero();
        assertThat(entry.tries()).isEqualTo(1);
    }

    @Test
    void anIdAlreadyPendingIsRefusedSoThatTheRouterDrawsAnother() {
        PendingRequests pending = new PendingRequests(10, () -> 5);
        assertThat(pending.register(5, CLIENT, 1, false, PAYLOAD, 0, 0)).isEqualTo(PendingRequests.Registration.REGISTERED);
        assertThat(pending.register(5, CLIENT, 2, false, PAYLOAD, 0, 0)).isEqualTo(PendingRequests.Registration.ID_TAKEN);
        assertThat(pending.size()).isEqualTo(1);
        assertThat(take(pending, 5).clientRequestId()).isEqualTo(1);
    }

    @Test
    void aRequestKnowsEveryServerItWasSentTo() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 1, 0);
        PendingRequests.Pending entry = pending.peek(id);
        entry.resend(2, 10);
        assertThat(entry.sentTo(0)).isTrue();
        assertThat(entry.sentTo(2)).isTrue();
        assertThat(entry.sentTo(1)).isFalse();
    }

    @Test
    void requestIdsShowNoPatternAnObserverCouldExtend() {
        RequestIds ids = new RequestIds(new java.security.SecureRandom());
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long previous = ids.getAsLong();
        int sequential = 0;
        for (int i = 0; i < 5_000; i++) {
            long id = ids.getAsLong();
            seen.add(id);
            if (id - previous == 1) {
                sequential++;
            }
            previous = id;
        }
        assertThat(seen).hasSize(5_000);
        assertThat(sequential).isZero();
    }

    @Test
    void keepsTheForwardedFrameForRetries() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = pending.nextId();
        assertThat(pending.register(id, CLIENT, 7, false, PAYLOAD, 0, 0)).isEqualTo(PendingRequests.Registration.REGISTERED);
        assertThat(take(pending, id).forwarded()).isSameAs(PAYLOAD);
    }

    /** Registers a request as the router does; returns its id, or -1 when refused. */
    private static long register(PendingRequests pending, long clientRequestId, int server) {
        long id = pending.nextId();
        return pending.register(id, CLIENT, clientRequestId, false, PAYLOAD, server, 0)
                == PendingRequests.Registration.REGISTERED ? id : -1;
    }

    private static java.util.function.LongSupplier counter(long first) {
        long[] next = {first};
        return () -> next[0]++;
    }

    /** What the router does with a reply: the pending request, removed; {@code null} if there is none. */
    private static PendingRequests.Pending take(PendingRequests pending, long id) {
        PendingRequests.Pending entry = pending.peek(id);
        return entry != null && pending.complete(id, entry) ? entry : null;
    }
}
