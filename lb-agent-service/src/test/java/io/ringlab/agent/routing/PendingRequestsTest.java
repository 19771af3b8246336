package io.ringlab.agent.routing;

import io.ringlab.protocol.FrameCodec;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRequestsTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("::1", 5000);

    @Test
    void completingReturnsWhereTheReplyGoesExactlyOnce() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 7, 2);
        PendingRequests.Pending entry = take(pending, id);
        assertThat(entry.client()).isEqualTo(CLIENT);
        assertThat(entry.clientRequestId()).isEqualTo(7);
        assertThat(entry.server()).isEqualTo(2);
        pending.release(entry);
        assertThat(take(pending, id)).as("a duplicate reply").isNull();
        assertThat(pending.size()).isZero();
    }

    @Test
    void unknownIdCompletesNothing() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 7, 0);
        assertThat(take(pending, id ^ (1L << 40)))
                .as("one unpredictable bit off")
                .isNull();
        assertThat(take(pending, id + 1)).as("another slot's index").isNull();
        assertThat(take(pending, -1)).as("an index beyond the table").isNull();
        assertThat(pending.size()).isEqualTo(1);
    }

    @Test
    void refusesNewRequestsWhenFullAndAcceptsAgainWhenOneIsReleased() {
        PendingRequests pending = new PendingRequests(2, counter(100));
        long first = register(pending, 1, 0);
        register(pending, 2, 0);
        assertThat(register(pending, 3, 0)).isEqualTo(-1);
        PendingRequests.Pending settled = take(pending, first);
        assertThat(register(pending, 3, 0)).as("settled but not released yet").isEqualTo(-1);
        pending.release(settled);
        assertThat(register(pending, 3, 0)).isNotEqualTo(-1);
        assertThat(pending.size()).isEqualTo(2);
    }

    @Test
    void aReusedSlotIgnoresTheLateReplyToItsEarlierRequest() {
        PendingRequests pending = new PendingRequests(1, counter(100));
        long first = register(pending, 1, 0);
        pending.release(take(pending, first));
        long second = register(pending, 2, 0);
        assertThat(second).isNotEqualTo(first);
        assertThat(take(pending, first))
                .as("the late reply of the slot's earlier request")
                .isNull();
        assertThat(take(pending, second).clientRequestId()).isEqualTo(2);
    }

    @Test
    void anIdIsUnpredictableExceptForItsSlotIndex() {
        PendingRequests pending = new PendingRequests(65_536, new RequestIds(new java.security.SecureRandom()));
        assertThat(pending.indexBits()).isEqualTo(16);
        Set<Long> highParts = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            PendingRequests.Pending entry = pending.register(CLIENT, i, false, frame(), 0, 0);
            assertThat(entry.id() & 0xFFFF).isEqualTo(i);
            highParts.add(entry.id() >>> 16);
        }
        assertThat(highParts).hasSize(1_000);
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
        assertThat(entry.resend(id, 2, 10)).as("the retry sees it was answered").isEqualTo(-1);
        assertThat(entry.server()).isZero();
        assertThat(entry.tries()).isEqualTo(1);
    }

    @Test
    void aRetryOfAnEarlierRequestDoesNotMoveTheSlotsNextOne() {
        PendingRequests pending = new PendingRequests(1, counter(100));
        long first = register(pending, 1, 0);
        pending.release(take(pending, first));
        long second = register(pending, 2, 1);
        PendingRequests.Pending slot = pending.peek(second);
        assertThat(slot.resend(first, 2, 10)).isEqualTo(-1);
        assertThat(slot.server()).isEqualTo(1);
    }

    @Test
    void aRequestKnowsEveryServerItWasSentTo() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        long id = register(pending, 1, 0);
        PendingRequests.Pending entry = pending.peek(id);
        entry.resend(id, 2, 10);
        assertThat(entry.sentTo(0)).isTrue();
        assertThat(entry.sentTo(2)).isTrue();
        assertThat(entry.sentTo(1)).isFalse();
        assertThat(entry.sentNanosTo(0)).isZero();
        assertThat(entry.sentNanosTo(2)).isEqualTo(10);
    }

    @Test
    void requestIdsShowNoPatternAnObserverCouldExtend() {
        RequestIds ids = new RequestIds(new java.security.SecureRandom());
        Set<Long> seen = new HashSet<>();
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
    void keepsTheForwardedFrameForRetriesUnderTheAgentsId() {
        PendingRequests pending = new PendingRequests(10, counter(100));
        byte[] frame = frame();
        PendingRequests.Pending entry = pending.register(CLIENT, 7, false, frame, 0, 0);
        assertThat(FrameCodec.requestId(frame)).isEqualTo(entry.id());
        assertThat(take(pending, entry.id()).forwarded()).isSameAs(frame);
    }

    /** Registers a request as the router does; returns its id, or -1 when refused. */
    private static long register(PendingRequests pending, long clientRequestId, int server) {
        PendingRequests.Pending entry = pending.register(CLIENT, clientRequestId, false, frame(), server, 0);
        return entry == null ? -1 : entry.id();
    }

    private static byte[] frame() {
        return FrameCodec.encodeRequest(0, new byte[] {1, 2, 3});
    }

    /** Ids counting up in their unpredictable part (above the slot index bits). */
    private static java.util.function.LongSupplier counter(long first) {
        long[] next = {first};
        return () -> next[0]++ << 32;
    }

    /** What the router does with a reply: the pending request, settled (not released); {@code null} if there is none. */
    private static PendingRequests.Pending take(PendingRequests pending, long id) {
        PendingRequests.Pending entry = pending.peek(id);
        return entry != null && pending.complete(id, entry) ? entry : null;
    }
}
