package io.ringlab.client.load;

import io.micrometer.core.instrument.MeterRegistry;
import io.ringlab.client.config.LoadClientProperties;
import io.ringlab.support.lifecycle.StopsFirst;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ThreadLocalRandom;

@Configuration(proxyBeanMethods = false)
class LoadConfiguration {

    @Bean
    ReplyWaiters replyWaiters() {
        return new ReplyWaiters();
    }

    @Bean
    LoadStatistics loadStatistics(MeterRegistry registry) {
        return new LoadStatistics(ResponseTimeMetrics.timer(registry));
    }

    @Bean
    DropCounter dropCounter() {
        return new DropCounter();
    }

    @Bean
    ReplyReceiver replyReceiver(ReplyWaiters waiters, LoadStatistics statistics, DropCounter drops) {
        return new ReplyReceiver(waiters, statistics, drops);
    }

    @Bean(destroyMethod = "stop")
    LoadGenerator loadGenerator(
            RequestSender sender, ReplyWaiters waiters, LoadStatistics statistics, LoadClientProperties properties) {
        long firstId = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return new LoadGenerator(
                sender,
                waiters,
                statistics,
                properties.payloadBytes(),
                properties.timeout().toNanos(),
                properties.maxRequests(),
                firstId,
                properties.loadSettings(),
                properties.maxInFlight(),
                properties.closedLoop());
    }

    @Bean
    LoadAutostart loadAutostart(LoadGenerator generator, LoadClientProperties properties) {
        return new LoadAutostart(generator, properties);
    }

    /**
     * Starts the load with the application, unless autostart is off, and stops it before the UDP endpoints
     * stop, so that nothing is sent into a flow that is gone.
     */
    static class LoadAutostart extends StopsFirst {

        private final LoadGenerator generator;
        private final LoadClientProperties properties;

        LoadAutostart(LoadGenerator generator, LoadClientProperties properties) {
            this.generator = generator;
            this.properties = properties;
        }

        @Override
        protected void onStart() {
            if (properties.autostart()) {
                generator.start();
            }
        }

        @Override
        protected void onStop() {
            generator.stop();
        }
    }
}
