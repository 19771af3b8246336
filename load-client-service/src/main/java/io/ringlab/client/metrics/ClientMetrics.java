package io.ringlab.client.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringlab.client.load.LoadGenerator;
import io.ringlab.client.load.LoadStatistics;
import org.springframework.stereotype.Component;

/** The load client's counts: requests sent, finished by outcome, late replies, not sent; threads and rate. */
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
        // counts since start, never the window after a reset: Prometheus expects counters that only grow
        FunctionCounter.builder(
                        "ringlab.client.requests.sent",
                        statistics,
                        s -> s.countsSinceStart().sent())
                .description("Requests sent")
                .register(registry);
        outcome(registry, "success", s -> s.countsSinceStart().successes());
        outcome(registry, "timeout", s -> s.countsSinceStart().timeouts());
        outcome(registry, "wrong-reply", s -> s.countsSinceStart().wrongReplies());
        FunctionCounter.builder(
                        "ringlab.client.replies.late",
                        statistics,
                        s -> s.countsSinceStart().lateReplies())
                .description("Replies that matched no waiting request (their request had timed out)")
                .register(registry);
        FunctionCounter.builder(
                        "ringlab.client.requests.over.max.in.flight",
                        statistics,
                        s -> s.countsSinceStart().overMaxInFlight())
                .description("Open-loop requests due but not sent: max-in-flight requests were awaiting replies")
                .register(registry);
        Gauge.builder("ringlab.client.threads", generator, LoadGenerator::threadsRunning)
                .description("Closed-loop worker threads running")
                .register(registry);
        Gauge.builder("ringlab.client.rate", generator, LoadGenerator::rateRunning)
                .description("Open-loop requests per second, while it runs")
                .register(registry);
    }

    private void outcome(
            MeterRegistry registry, String outcome, java.util.function.ToDoubleFunction<LoadStatistics> count) {
        FunctionCounter.builder("ringlab.client.requests", statistics, count)
                .tag("outcome", outcome)
                .description("Requests finished, by outcome")
                .register(registry);
    }
}
