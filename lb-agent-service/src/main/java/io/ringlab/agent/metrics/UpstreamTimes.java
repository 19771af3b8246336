package io.ringlab.agent.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.agent.routing.ReplyTimes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Each server's upstream response time as the agent measures it (Envoy's {@code upstream_rq_time}): a timer per
 * server, tag {@code server}, with fixed buckets from 50 µs to 2.5 s, registered when the server takes its slot and
 * removed when it gives it back. The reply path only reads the slot's timer from an array and records into it
 * (atomic counters, no allocation, no lock).
 */
public class UpstreamTimes implements ReplyTimes, Backends.Listener {

    public static final String NAME = "ringlab.agent.upstream.response.time";
    /** Sub-millisecond buckets first: on a LAN or loopback a server answers in tens to hundreds of microseconds. */
    public static final List<Duration> BUCKETS = List.of(
            Duration.ofNanos(50_000),
            Duration.ofNanos(100_000),
            Duration.ofNanos(250_000),
            Duration.ofNanos(500_000),
            Duration.ofMillis(1),
            Duration.ofNanos(2_500_000),
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(25),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofMillis(2500));

    /** One server's times since it took its slot; quantiles are the upper bound of the bucket they fall in. */
    public record ServerTimes(
            String server, long count, double meanMs, double maxMs, double p50Ms, double p99Ms, List<Bucket> buckets) {}

    /** Replies no slower than {@code leMs}, cumulative as in Prometheus. */
    public record Bucket(double leMs, long count) {}

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Timer> timers;
    private final AtomicReferenceArray<Backend> servers;

    public UpstreamTimes(MeterRegistry registry, int capacity) {
        this.registry = registry;
        this.timers = new AtomicReferenceArray<>(capacity);
        this.servers = new AtomicReferenceArray<>(capacity);
    }

    @Override
    public void replied(int server, long nanos) {
        Timer timer = timers.get(server);
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void added(Backend backend) {
        Timer timer = Timer.builder(NAME)
                .tag("server", backend.memberId())
                .description("Time from sending a request (each try) to the server to its reply")
                .serviceLevelObjectives(BUCKETS.toArray(Duration[]::new))
                .minimumExpectedValue(BUCKETS.get(0))
                .maximumExpectedValue(BUCKETS.get(BUCKETS.size() - 1))
                .register(registry);
        servers.set(backend.index(), backend);
        timers.set(backend.index(), timer);
    }

    @Override
    public void removed(Backend backend) {
        Timer timer = timers.getAndSet(backend.index(), null);
        servers.compareAndSet(backend.index(), backend, null);
        if (timer != null) {
            registry.remove(timer);
        }
    }

    /** Every server's times, in slot order. */
    public List<ServerTimes> snapshot() {
        List<ServerTimes> all = new ArrayList<>();
        for (int i = 0; i < timers.length(); i++) {
            Timer timer = timers.get(i);
            Backend backend = servers.get(i);
            if (timer != null && backend != null) {
                all.add(times(backend.memberId(), timer.takeSnapshot()));
            }
        }
        return all;
    }

    static ServerTimes times(String server, HistogramSnapshot snapshot) {
        List<Bucket> buckets = new ArrayList<>();
        for (CountAtBucket bucket : snapshot.histogramCounts()) {
            buckets.add(new Bucket(bucket.bucket(TimeUnit.NANOSECONDS) / 1e6, (long) bucket.count()));
        }
        long count = snapshot.count();
        return new ServerTimes(
                server,
                count,
                snapshot.mean(TimeUnit.MILLISECONDS),
                snapshot.max(TimeUnit.MILLISECONDS),
                quantile(buckets, count, 0.5),
                quantile(buckets, count, 0.99),
                buckets);
    }

    /** The upper bound of the bucket holding quantile {@code q}; NaN with no sample, +Inf beyond the last bucket. */
    static double quantile(List<Bucket> cumulative, long count, double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * count;
        for (Bucket bucket : cumulative) {
            if (bucket.count() >= rank) {
                return bucket.leMs();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
