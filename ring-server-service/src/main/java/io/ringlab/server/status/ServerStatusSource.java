package io.ringlab.server.status;

import io.ringlab.model.status.ServerStatus;
import io.ringlab.server.config.RingServerProperties;
import io.ringlab.server.downtime.ServerAvailability;
import io.ringlab.server.serving.KnownAgents;
import io.ringlab.server.serving.ServerStatistics;
import io.ringlab.support.transport.DropCounter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.net.DatagramSocket;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Builds the server's status and logs it every report interval. */
@Component
public class ServerStatusSource implements SchedulingConfigurer {

    private static final Log log = LogFactory.getLog(ServerStatusSource.class);

    private final RingServerProperties properties;
    private final ServerStatistics statistics;
    private final KnownAgents agents;
    private final DropCounter drops;
    private final DatagramSocket requestSocket;
    private final ServerAvailability availability;

    ServerStatusSource(
            RingServerProperties properties,
            ServerStatistics statistics,
            KnownAgents agents,
            DropCounter drops,
            @Qualifier("requestSocket") DatagramSocket requestSocket,
            ServerAvailability availability) {
        this.properties = properties;
        this.statistics = statistics;
        this.agents = agents;
        this.drops = drops;
        this.requestSocket = requestSocket;
        this.availability = availability;
    }

    public ServerStatus status() {
        long now = System.nanoTime();
        ServerAvailability.Reason reason = availability.reason();
        return new ServerStatus(
                "ring-server",
                properties.name(),
                requestSocket.getLocalPort(),
                availability.isDown() ? "down" : "up",
                TimeUnit.NANOSECONDS.toMillis(availability.remainingNanos(now)),
                reason == null ? null : reason.name().toLowerCase(Locale.ROOT),
                statistics.requestsReceived(),
                statistics.framedRequests(),
                statistics.rawRequests(),
                agents.all().stream().map(agent -> agent.address().toString()).toList(),
                drops.snapshot());
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
