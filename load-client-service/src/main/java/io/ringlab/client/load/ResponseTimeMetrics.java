package io.ringlab.client.load;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * {@code ringlab.client.response.time}: a timer with a percentile histogram whose buckets start at 10 µs
 * (Micrometer's default minimum is 1 ms, which would hide every loopback round trip in one bucket).
 */
public final class ResponseTimeMetrics {

    private ResponseTimeMetrics() {}

    /** A sink for response times in nanoseconds. */
    public static LongConsumer timer(MeterRegistry registry) {
        Timer timer = Timer.builder("ringlab.client.response.time")
                .description("From sending a request to receiving its reply")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }
}
