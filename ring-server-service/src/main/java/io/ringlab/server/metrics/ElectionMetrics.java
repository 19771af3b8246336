package io.ringlab.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.RoundId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The ring's elections as this server saw them: rounds by outcome, their duration and the messages this
 * server sent for each, and the rounds this server won (so the winners over time are the increases of
 * {@code ringlab.server.election.wins} across servers).
 */
@Component
class ElectionMetrics implements RingListener {

    private final Counter completed;
    private final Counter abandoned;
    private final Counter wins;
    private final Timer duration;
    private final DistributionSummary messages;

    ElectionMetrics(MeterRegistry registry) {
        this.completed = Counter.builder("ringlab.server.elections")
                .tag("outcome", "completed")
                .description("Election rounds this server took part in")
                .register(registry);
        this.abandoned = Counter.builder("ringlab.server.elections")
                .tag("outcome", "abandoned")
                .description("Election rounds this server took part in")
                .register(registry);
        this.wins = Counter.builder("ringlab.server.election.wins")
                .description("Rounds this server won (and went down for)")
                .register(registry);
        this.duration = Timer.builder("ringlab.server.election.duration")
                .description("From joining a round to learning its result")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.messages = DistributionSummary.builder("ringlab.server.election.messages")
                .description("Ring messages this server sent for a round")
                .register(registry);
    }

    @Override
    public void roundCompleted(RoundOutcome outcome) {
        completed.increment();
        duration.record(outcome.durationNanos(), TimeUnit.NANOSECONDS);
        messages.record(outcome.messagesSent());
    }

    @Override
    public void roundAbandoned(RoundId round, String reason) {
        abandoned.increment();
    }

    @Override
    public void wentDown(RoundId round, long untilNanos) {
        wins.increment();
    }
}
