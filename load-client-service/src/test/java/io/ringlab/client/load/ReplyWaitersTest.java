package io.ringlab.client.load;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWaitersTest {

    private final ReplyWaiters waiters = new ReplyWaiters();

    @Test
    void replyCompletesOnlyTheRequestWithItsId() {
        CompletableFuture<ReplyArrival> first = waiters.register(1);
        CompletableFuture<ReplyArrival> second = waiters.register(2);
        assertThat(waiters.deliver(2, new byte[] {9}, 50)).isTrue();
        assertThat(second.getNow(null).arrivedNanos()).isEqualTo(50);
        assertThat(first).isNotDone();
    }

    @Test
    void replyAfterTheRequestWasAbandonedIsNotDelivered() {
        CompletableFuture<ReplyArrival> waiter = waiters.register(1);
        assertThat(waiters.abandon(1, waiter)).isNull();
        CompletableFuture<ReplyArrival> next = waiters.register(2);
        assertThat(waiters.deliver(1, new byte[] {1}, 0)).isFalse();
        assertThat(next).isNotDone();
        assertThat(waiters.size()).isEqualTo(1);
    }

    @Test
    void replyThatWonTheRaceWithTheDeadlineIsKept() {
        CompletableFuture<ReplyArrival> waiter = waiters.register(1);
        waiters.deliver(1, new byte[] {1}, 10);
        assertThat(waiters.abandon(1, waiter)).isNotNull();
    }

    @Test
    void secondReplyToTheSameRequestIsNotDelivered() {
        waiters.register(1);
        assertThat(waiters.deliver(1, new byte[] {1}, 0)).isTrue();
        assertThat(waiters.deliver(1, new byte[] {1}, 0)).isFalse();
    }
}
