package io.ringlab.client.load;

import io.ringlab.client.config.LoadClientProperties;
import io.ringlab.client.config.LoadSettings;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.support.transport.DropCounter;
import org.HdrHistogram.Histogram;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Builds the client's status and logs it every report interval. */
@Component
public class ClientStatusSource implements SchedulingConfigurer {

    private static final Log log = LogFactory.getLog(ClientStatusSource.class);
    private static final double NANOS_PER_MS = 1_000_000.0;

    private final LoadClientProperties properties;
    private final LoadGenerator generator;
    private final LoadStatistics statistics;
    private final DropCounter drops;

    ClientStatusSource(
            LoadClientProperties properties, LoadGenerator generator, LoadStatistics statistics, DropCounter drops) {
        this.properties = properties;
        this.generator = generator;
        this.statistics = statistics;
        this.drops = drops;
    }

    public ClientStatus status() {
        LoadCounts counts = statistics.counts();
        LoadSettings settings = generator.settings();
        long finished = counts.finished();
        Histogram latencies = statistics.latencies().snapshot();
        return new ClientStatus(
                "load-client",
                properties.name(),
                properties.agent().toString(),
                settings.mode(),
                settings.threads(),
                settings.rate(),
                properties.maxInFlight(),
                generator.isRunning(),
                counts.sent(),
                counts.successes(),
                counts.timeouts(),
                counts.wrongReplies(),
                counts.lateReplies(),
                counts.overMaxInFlight(),
                counts.inFlight(),
                finished == 0 ? 0 : (double) counts.successes() / finished,
                counts.successes() == 0 ? 0 : counts.responseNanos() / NANOS_PER_MS / counts.successes(),
                percentileMs(latencies, 50),
                percentileMs(latencies, 99),
                percentileMs(latencies, 99.9),
                latencies.getMaxValue() / NANOS_PER_MS,
                drops.snapshot());
    }

    private static double percentileMs(Histogram latencies, double percentile) {
        return latencies.getTotalCount() == 0 ? 0 : latencies.getValueAtPercentile(percentile) / NANOS_PER_MS;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedRateTask(
                new FixedRateTask(this::report, properties.reportInterval(), properties.reportInterval()));
    }

    void report() {
        log.info(status().logLine());
    }
}
