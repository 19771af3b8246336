package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.DiscoveryStatus;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.UdpEndpoint;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedRateTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/** Builds the agent's status and logs it every report interval. */
@Component
public class AgentStatusSource implements SchedulingConfigurer {

    private static final Log log = LogFactory.getLog(AgentStatusSource.class);

    private final LbAgentProperties properties;
    private final Backends backends;
    private final SwitchableStrategy strategy;
    private final PendingRequests pending;
    private final AgentStatistics statistics;
    private final RequestSupervisor supervisor;
    private final OutlierDetector outliers;
    private final DropCounter drops;
    private final UdpEndpoint clientSocket;
    private final UdpEndpoint serverSocket;
    private final ObjectProvider<DiscoveryStatusSource> discovery;

    AgentStatusSource(
            LbAgentProperties properties,
            Backends backends,
            SwitchableStrategy strategy,
            PendingRequests pending,
            AgentStatistics statistics,
            RequestSupervisor supervisor,
            OutlierDetector outliers,
            DropCounter drops,
            @Qualifier("clientSocket") UdpEndpoint clientSocket,
            @Qualifier("serverSocket") UdpEndpoint serverSocket,
            ObjectProvider<DiscoveryStatusSource> discovery) {
        this.properties = properties;
        this.backends = backends;
        this.strategy = strategy;
        this.pending = pending;
        this.statistics = statistics;
        this.supervisor = supervisor;
        this.outliers = outliers;
        this.drops = drops;
        this.clientSocket = clientSocket;
        this.serverSocket = serverSocket;
        this.discovery = discovery;
    }

    public AgentStatus status() {
        long forwarded = backends.totalForwarded();
        var shares = backends.all().stream()
                .map(b -> new AgentStatus.ServerShare(
                        b.memberId(),
                        address(b),
                        b.discovered(),
                        b.isUp(),
                        state(b),
                        b.forwardedCount(),
                        b.replyCount(),
                        forwarded == 0 ? 0 : (double) b.forwardedCount() / forwarded,
                        b.outstanding(),
                        b.latencyEwmaNanos() / 1e6))
                .toList();
        return new AgentStatus(
                "lb-agent",
                properties.name(),
                clientSocket.localPort(),
                serverSocket.localPort(),
                strategy.name(),
                statistics.framedRequests() + statistics.rawRequests(),
                statistics.rawRequests(),
                forwarded,
                statistics.repliesDelivered(),
                supervisor.retryCount(),
                supervisor.putOffCount(),
                outliers.ejectionCount(),
                backends.panicCount(),
                pending.size(),
                supervisor.expiredCount(),
                shares,
                drops.snapshot(),
                discoveryStatus());
    }

    private DiscoveryStatus discoveryStatus() {
        DiscoveryStatusSource source = discovery.getIfAvailable();
        return source == null ? null : source.discoveryStatus();
    }

    private static String address(Backend backend) {
        var address = backend.address();
        if (address.isUnresolved()) {
            return "unresolved";
        }
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static String state(Backend backend) {
        if (backend.leaving()) {
            return "leaving";
        }
        if (!backend.announcedUp()) {
            return "down";
        }
        if (!backend.healthy()) {
            return "unhealthy";
        }
        return backend.ejected() ? "ejected" : "up";
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
