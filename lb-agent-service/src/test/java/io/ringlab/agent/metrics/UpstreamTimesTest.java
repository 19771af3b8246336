package io.ringlab.agent.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ringlab.agent.routing.Backend;
import io.ringlab.agent.routing.Backends;
import io.ringlab.protocol.HostAndPort;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamTimesTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Backends backends = Backends.withCapacity(4);
    private final UpstreamTimes times = new UpstreamTimes(registry, backends.capacity());

    UpstreamTimesTest() {
        backends.addListener(times);
    }

    @Test
    void exportsAPrometheusHistogramPerServerWithSubMillisecondBuckets() {
        Backend server = backends.add(new HostAndPort("10.0.0.1", 4242), new InetSocketAddress("10.0.0.1", 4242));
        times.replied(server.index(), 80_000); // 80 µs
        times.replied(server.index(), 700_000); // 0.7 ms
        times.replied(server.index(), 3_000_000_000L); // beyond the last bucket

        String scrape = registry.scrape();
        String bucket = "ringlab_agent_upstream_response_time_seconds_bucket{server=\"10.0.0.1:4242\",le=\"%s\"} %d";
        assertThat(scrape)
                .contains(
                        bucket.formatted("5.0E-5", 0),
                        bucket.formatted("1.0E-4", 1),
                        bucket.formatted("2.5E-4", 1),
                        bucket.formatted("0.001", 2),
                        bucket.formatted("2.5", 2),
                        bucket.formatted("+Inf", 3));
        assertThat(scrape).contains("ringlab_agent_upstream_response_time_seconds_count{server=\"10.0.0.1:4242\"} 3");
        var les = Pattern.compile("upstream_response_time_seconds_bucket\\{[^}]*le=\"([^\"]+)\"")
                .matcher(scrape)
                .results()
                .map(m -> m.group(1))
                .toList();
        // the configured buckets and +Inf, nothing Micrometer adds on its own (a percentile histogram would add ~70)
        assertThat(les).hasSize(UpstreamTimes.BUCKETS.size() + 1);
    }

    @Test
    void aServerLeavingItsSlotTakesItsSeriesAndANewcomerInTheSlotStartsAfresh() {
        Backend first = backends.add(new HostAndPort("10.0.0.1", 4242), new InetSocketAddress("10.0.0.1", 4242));
        times.replied(first.index(), 100_000);
        backends.leave(first, 0);
        assertThat(backends.freeDrained(10, 1)).isEqualTo(1);
        assertThat(registry.scrape()).doesNotContain("10.0.0.1:4242");

        Backend second = backends.add(new HostAndPort("10.0.0.2", 4242), new InetSocketAddress("10.0.0.2", 4242));
        assertThat(second.index()).isEqualTo(first.index());
        times.replied(second.index(), 200_000);
        assertThat(times.snapshot()).singleElement().satisfies(s -> {
            assertThat(s.server()).isEqualTo("10.0.0.2:4242");
            assertThat(s.count()).isEqualTo(1);
            assertThat(s.p99Ms()).isEqualTo(0.25);
        });
    }

    @Test
    void aReplyForAnEmptySlotIsIgnored() {
        times.replied(3, 100_000);
        assertThat(times.snapshot()).isEmpty();
    }

    @Test
    void quantilesAreTheUpperBoundOfTheirBucket() {
        List<UpstreamTimes.Bucket> buckets = List.of(
                new UpstreamTimes.Bucket(0.1, 50), new UpstreamTimes.Bucket(1, 98), new UpstreamTimes.Bucket(10, 99));
        assertThat(UpstreamTimes.quantile(buckets, 100, 0.5)).isEqualTo(0.1);
        assertThat(UpstreamTimes.quantile(buckets, 100, 0.98)).isEqualTo(1);
        assertThat(UpstreamTimes.quantile(buckets, 100, 0.99)).isEqualTo(10);
        assertThat(UpstreamTimes.quantile(buckets, 100, 0.999)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(UpstreamTimes.quantile(buckets, 0, 0.5)).isNaN();
    }

    @Test
    void recordingAllocatesNothing() {
        Backend server = backends.add(new HostAndPort("10.0.0.1", 4242), new InetSocketAddress("10.0.0.1", 4242));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            times.replied(server.index(), 1_000 + i * 100L); // warm up: lazily created parts, JIT
        }
        long before = threads.getCurrentThreadAllocatedBytes();

        for (int i = 0; i < 100_000; i++) {
            times.replied(server.index(), 1_000 + i * 100L);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // a few hundred bytes of slack for the measuring itself; one allocation per reply would be megabytes
        assertThat(allocated).as("bytes allocated by 100000 recordings").isLessThan(10_000);
    }
}
