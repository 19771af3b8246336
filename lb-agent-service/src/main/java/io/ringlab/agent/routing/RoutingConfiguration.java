package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.Strategies;
import io.ringlab.agent.balancing.SwitchableStrategy;
import io.ringlab.agent.config.LbAgentProperties;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.FrameSealer;
import io.ringlab.support.transport.DatagramSender;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Beyond a try's timeout, the time the sweep (every 20 ms) may take to find it. */
    private static final Duration SETTLE_MARGIN = Duration.ofMillis(100);
    /** How far back the retry budget counts requests and retries (Finagle's default). */
    private static final Duration RETRY_BUDGET_WINDOW = Duration.ofSeconds(10);

    @Bean
    Backends backends(LbAgentProperties properties) {
        if (properties.discovery().enabled()) {
            return Backends.withCapacity(properties.discovery().maxServers());
        }
        return new Backends(properties.servers(), properties.weights());
    }

    /** The strategy's name is known: {@link LbAgentProperties} checked it. */
    @Bean
    SwitchableStrategy balancingStrategy(LbAgentProperties properties) {
        return new SwitchableStrategy(Strategies.create(properties.strategy()));
    }

    @Bean
    PendingRequests pendingRequests(LbAgentProperties properties, SecureRandom secureRandom) {
        return new PendingRequests(properties.maxPending(), new RequestIds(secureRandom));
    }

    @Bean
    AgentStatistics agentStatistics() {
        return new AgentStatistics();
    }

    @Bean
    DropCounter dropCounter() {
        return new DropCounter();
    }

    @Bean
    OutlierDetector outlierDetector(Backends backends, LbAgentProperties properties) {
        var outliers = properties.outliers();
        // a try's outcome is known at its per-try timeout (the request timeout without retries), found by a sweep
        Duration tryTimeout =
                properties.retry().maxTries() > 1 ? properties.retry().perTryTimeout() : properties.requestTimeout();
        return new OutlierDetector(
                backends,
                new OutlierDetector.Settings(
                        outliers.consecutiveFailures(),
                        outliers.baseEjection().toNanos(),
                        outliers.maxEjection().toNanos(),
                        outliers.maxEjectionPercent(),
                        outliers.failurePercentage(),
                        outliers.failurePercentageRequestVolume(),
                        outliers.interval().toNanos(),
                        tryTimeout.plus(SETTLE_MARGIN).toNanos()));
    }

    @Bean
    HealthChecker healthChecker(
            Backends backends,
            LbAgentProperties properties,
            DatagramSender serverSideSender,
            FrameSealer frameSealer,
            SecureRandom secureRandom) {
        return new HealthChecker(
                backends,
                properties.health().missesToMarkDown(),
                properties.health().missesToMarkDownWhileServing(),
                serverSideSender,
                frameSealer,
                properties.name(),
                secureRandom::nextLong);
    }

    @Bean
    ServerStateReceiver serverStateReceiver(
            FrameAuthenticator frameAuthenticator,
            LbAgentProperties properties,
            Backends backends,
            HealthChecker health,
            DropCounter drops) {
        return new ServerStateReceiver(frameAuthenticator, properties.name(), backends, health, drops);
    }

    @Bean
    RetryBudget retryBudget(LbAgentProperties properties) {
        return new RetryBudget(
                properties.retry().budgetPercent(),
                properties.retry().budgetMinPerSecond(),
                RETRY_BUDGET_WINDOW.toNanos());
    }

    @Bean
    RequestSupervisor requestSupervisor(
            PendingRequests pending,
            Backends backends,
            SwitchableStrategy strategy,
            OutlierDetector outliers,
            DatagramSender serverSideSender,
            LbAgentProperties properties,
            RetryBudget budget) {
        return new RequestSupervisor(
                pending,
                backends,
                strategy,
                outliers,
                serverSideSender,
                properties.retry().perTryTimeout().toNanos(),
                properties.requestTimeout().toNanos(),
                properties.retry().maxTries(),
                budget);
    }

    @Bean
    RequestRouter requestRouter(
            Backends backends,
            SwitchableStrategy strategy,
            PendingRequests pending,
            AgentStatistics statistics,
            DropCounter drops,
            LbAgentProperties properties,
            OutlierDetector outliers,
            ServerStateReceiver states,
            RetryBudget budget) {
        return new RequestRouter(
                backends,
                strategy,
                pending,
                statistics,
                drops,
                properties.raw().enabled(),
                properties.raw().limiter(),
                outliers,
                states,
                properties.udp().maxDatagramSize(),
                budget);
    }
}
