package io.ringlab.client.load;

import io.ringlab.client.config.LoadClientProperties;
import io.ringlab.support.transport.DropCounter;
import org.HdrHistogram.Histogram;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Builds the client's status and logs it every report interval. */
@Component
public class ClientStatusSource {

    private static final Log log = LogFactory.getLog(ClientStatusSource.class);
    private static final double NANOS_PER_MS = 1_000_000.0;

    private final LoadClientProperties properties;
    private final LoadGenerator generator;
    private final LoadStatistics statistics;
    private final DropCounter drops;

    ClientStatusSource(LoadClientProperties properties, LoadGenerator generator, LoadStatistics statistics,
                       DropCounter drops) {
        this.properties = properties;
        this.generator = generator;
        this.statistics = statistics;
        this.drops = drops;
    }

    public ClientStatus status() {
        long sent = statistics.sentCount();
        long successes = statistics.successCount();
        long timeouts = statistics.timeoutCount();
        long wrong = statistics.wrongReplyCount();
        long finished = successes + timeouts + wrong;
        Histogram latencies = statistics.latencies().snapshot();
        return new ClientStatus("load-client", properties.name(), properties.agent().toString(), generator.threads(),
                generator.isRunning(), sent, successes, timeouts, wrong, statistics.lateReplyCount(),
                Math.max(0, sent - finished),
                finished == 0 ? 0 : (double) successes / finished,
                successes == 0 ? 0 : statistics.totalResponseNanos() / NANOS_PER_MS / successes,
                latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(50) / NANOS_PER_MS,
                latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(99) / NANOS_PER_MS,
                latencies.getMaxValue() / NANOS_PER_MS,
                drops.snapshot());
    }

    @Scheduled(initialDelayString = "${ringlab.client.report-interval:10s}",
            fixedRateString = "${ringlab.client.report-interval:10s}")
    void report() {
        log.info(status().logLine());
    }
}
