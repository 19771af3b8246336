package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.BalancingStrategy;
import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.support.transport.DropCounter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.net.DatagramSocket;

/** Builds the agent's status and logs it every report interval. */
@Component
public class AgentStatusSource {

    private static final Log log = LogFactory.getLog(AgentStatusSource.class);

    private final LbAgentProperties properties;
    private final Backends backends;
    private final BalancingStrategy strategy;
    private final PendingRequests pending;
    private final AgentStatistics statistics;
    private final DropCounter drops;
    private final DatagramSocket clientSocket;
    private final DatagramSocket serverSocket;

    AgentStatusSource(LbAgentProperties properties, Backends backends, BalancingStrategy strategy,
                      PendingRequests pending, AgentStatistics statistics, DropCounter drops,
                      @Qualifier("clientSocket") DatagramSocket clientSocket,
                      @Qualifier("serverSocket") DatagramSocket serverSocket) {
        this.properties = properties;
        this.backends = backends;
        this.strategy = strategy;
        this.pending = pending;
        this.statistics = statistics;
        this.drops = drops;
        this.clientSocket = clientSocket;
        this.serverSocket = serverSocket;
    }

    public AgentStatus status() {
        long forwarded = backends.totalForwarded();
        var shares = backends.all().stream()
                .map(b -> new AgentStatus.ServerShare(b.name().toString(), b.isUp(), b.forwardedCount(),
                        b.replyCount(), forwarded == 0 ? 0 : (double) b.forwardedCount() / forwarded))
                .toList();
        return new AgentStatus("lb-agent", properties.name(), clientSocket.getLocalPort(), serverSocket.getLocalPort(),
                strategy.name(), statistics.framedRequests() + statistics.rawRequests(), statistics.rawRequests(),
                forwarded, statistics.repliesDelivered(), pending.size(), statistics.expiredCount(), shares,
                drops.snapshot());
    }

    @Scheduled(initialDelayString = "${ringlab.agent.report-interval:10s}",
            fixedRateString = "${ringlab.agent.report-interval:10s}")
    void report() {
        log.info(status().logLine());
    }
}
