package io.ringlab.client.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.client.load.LoadGenerator;
import io.ringlab.client.load.LoadStatistics;
import org.springframework.stereotype.Component;

/** The load client's counts: requests sent, finished by outcome, late replies, worker threads. */
@Component
class ClientMetrics implements MeterBinder {

    private final LoadStatistics statistics;
    private final LoadGenerator generator;

    ClientMetrics(LoadStatistics statistics, LoadGenerator generator) {
        this.statistics = statistics;
        this.generator = generator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("ringlab.client.requests.sent", statistics, LoadStatistics::sentCount)
                .description("Requests sent").register(registry);
        outcome(registry, "success", LoadStatistics::successCount);
        outcome(registry, "timeout", LoadStatistics::timeoutCount);
        outcome(registry, "wrong-reply", LoadStatistics::wrongReplyCount);
        FunctionCounter.builder("ringlab.client.replies.late", statistics, LoadStatistics::lateReplyCount)
                .description("Replies that matched no waiting request (their request had timed out)").register(registry);
        Gauge.builder("ringlab.client.threads", generator, LoadGenerator::threads)
                .description("Closed-loop worker threads").register(registry);
    }

    private void outcome(MeterRegistry registry, String outcome, java.util.function.ToDoubleFunction<LoadStatistics> count) {
        FunctionCounter.builder("ringlab.client.requests", statistics, count).tag("outcome", outcome)
                .description("Requests finished, by outcome").register(registry);
    }
}
