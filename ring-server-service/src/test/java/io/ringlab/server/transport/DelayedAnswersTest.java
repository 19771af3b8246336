package io.ringlab.server.transport;

import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.messaging.support.GenericMessage;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DelayedAnswersTest {

    private final DropCounter drops = new DropCounter();
    private final QueueChannel out = new QueueChannel();

    @Test
    void sendsTheAnswerWhenItsDelayIsOver() {
        try (DelayedAnswers answers =
                new DelayedAnswers(out, Duration.ofMillis(20).toNanos(), 10, drops)) {
            answers.send(new GenericMessage<>(new byte[] {3, 2, 1}));
            assertThat(out.receive(5_000)).isNotNull();
        }
    }

    @Test
    void dropsAnswersBeyondItsBoundAsOverload() {
        try (DelayedAnswers answers =
                new DelayedAnswers(out, Duration.ofHours(1).toNanos(), 2, drops)) {
            for (int i = 0; i < 5; i++) {
                answers.send(new GenericMessage<>(new byte[] {1}));
            }
            assertThat(drops.count(DropReason.OVERLOAD)).isEqualTo(3);
        }
    }
}
