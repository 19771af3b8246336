package io.ringlab.agent.config;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.config.InvalidPropertyException;
import io.ringlab.support.control.BalancingStrategyNames;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.transport.RawAnswers;
import io.ringlab.support.transport.UdpSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Configuration of an agent ({@code ringlab.agent.*}).
 *
 * @param name            instance name shown in status, logs and metrics; also this agent's member id, which
 *                        servers seal their states for: unique among the cluster's agents
 * @param clientPort      UDP port clients send requests to (the seed's 4245)
 * @param serverPort      UDP port of the socket that talks to servers; 0 picks a free one
 * @param bindAddress     address to bind both sockets; empty for all interfaces, IPv4 and IPv6
 * @param servers         the ring servers, {@code host:port} each, in ring order; or none, with {@code discovery}
 * @param strategy        balancing strategy: round-robin, least-outstanding, p2c-outstanding, p2c-latency,
 *                        weighted-round-robin; switchable at runtime
 * @param weights         weights of the servers, in the same order, for weighted-round-robin (empty: all 1)
 * @param requestTimeout  how long a request waits for a reply, all tries together, before it is given up
 * @param maxPending      requests waiting for a reply at once; beyond it new requests are dropped
 * @param resolveInterval how often server names are resolved again (pods move)
 * @param reportInterval  how often the results line is logged
 * @param retry           resending a request that got no reply to another server
 * @param health          active health checks
 * @param outliers        passive failure detection
 * @param udp             settings of every UDP socket of the service
 * @param raw             unframed (seed-style) requests on the client port: forwarded and answered raw
 * @param discovery       finding the ring servers in DNS instead of a fixed {@code servers} list
 */
@Validated
@ConfigurationProperties("ringlab.agent")
public record LbAgentProperties(
        @DefaultValue("lb-agent") @NotBlank String name,
        @DefaultValue("4245") @Min(0) @Max(65535) int clientPort,
        @DefaultValue("0") @Min(0) @Max(65535) int serverPort,
        @DefaultValue("") String bindAddress,
        @DefaultValue List<@NotNull HostAndPort> servers,

        @DefaultValue(BalancingStrategyNames.ROUND_ROBIN) @NotBlank
        String strategy,

        @DefaultValue List<@NotNull @Min(1) @Max(1000) Integer> weights,

        @DefaultValue("3s") @NotNull @DurationMin(millis = 1)
        Duration requestTimeout,

        @DefaultValue("65536") @Min(1) int maxPending,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration resolveInterval,

        @DefaultValue("10s") @NotNull @DurationMin(millis = 1)
        Duration reportInterval,

        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid Health health,
        @DefaultValue @Valid Outliers outliers,
        @DefaultValue @Valid @NestedConfigurationProperty UdpSettings udp,
        @DefaultValue @Valid @NestedConfigurationProperty RawAnswers raw,
        @DefaultValue @Valid Discovery discovery) {

    public LbAgentProperties {
        boolean discovering = discovery != null && discovery.enabled();
        if (servers != null && !servers.isEmpty() && discovering) {
            throw new InvalidPropertyException(
                    "ringlab.agent.discovery.srv",
                    "given together with ringlab.agent.servers;" + " give one of them: a fixed list, or discovery");
        }
        if ((servers == null || servers.isEmpty()) && !discovering) {
            throw new InvalidPropertyException(
                    "ringlab.agent.servers",
                    "must list at least one ring server (host:port),"
                            + " or set ringlab.agent.discovery.srv to find them in DNS");
        }
        if (discovering && weights != null && !weights.isEmpty()) {
            throw new InvalidPropertyException(
                    "ringlab.agent.weights",
                    "weights follow the order of" + " ringlab.agent.servers; discovered servers all weigh 1");
        }
        if (!discovering && weights != null && !weights.isEmpty() && weights.size() != servers.size()) {
            throw new InvalidPropertyException(
                    "ringlab.agent.weights",
                    weights.size() + " weights for " + servers.size() + " servers; give one per server, or none");
        }
        if (strategy != null && !strategy.isBlank() && !BalancingStrategyNames.ALL.contains(strategy)) {
            throw new InvalidPropertyException(
                    "ringlab.agent.strategy",
                    "unknown strategy '" + strategy + "'; known: " + BalancingStrategyNames.ALL);
        }
        if (retry != null && requestTimeout != null) {
            retry.checkRoomForARetry(requestTimeout);
        }
    }

    /**
     * Finding the ring servers in DNS (a Kubernetes headless Service's SRV records), again every {@code refresh} and on
     * failure.
     *
     * @param srv        the SRV name, {@code _<port-name>._<proto>.<service>.<namespace>.svc.<cluster-domain>}; empty:
     *                   no discovery. Its targets are the servers' member ids with the records' ports
     * @param refresh    how often DNS is asked again; on a failure (a server missing health checks, none in rotation, a
     *                   failed query) it is asked sooner, at most once a second
     * @param maxServers the most servers taken from DNS; further targets are ignored and counted (at most 64: a
     *                   request records the servers it was sent to in 64 bits)
     * @param dnsServer  the DNS server to ask, {@code host:port}; none: the system's ({@code /etc/resolv.conf})
     * @param timeout    how long a query waits for its first answer (it is tried three times, each twice as long)
     */
    public record Discovery(
            @DefaultValue("") String srv,

            @DefaultValue("5s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10)
            Duration refresh,

            @DefaultValue("16") @Min(1) @Max(64) int maxServers,
            HostAndPort dnsServer,

            @DefaultValue("1s") @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 10)
            Duration timeout) {

        public Discovery {
            if (srv != null && !srv.isBlank()) {
                try {
                    SrvName.parse(srv);
                } catch (IllegalArgumentException e) {
                    throw new InvalidPropertyException("ringlab.agent.discovery.srv", e.getMessage());
                }
            }
        }

        public boolean enabled() {
            return srv != null && !srv.isBlank();
        }

        public SrvName srvName() {
            return SrvName.parse(srv);
        }
    }

    /**
     * @param perTryTimeout         a request with no reply after this long is sent to another server
     * @param maxTries              tries in all, the first included (1 turns retries off)
     * @param budgetPercent         retries over the last 10 s at most this share of the requests taken...
     * @param budgetMinPerSecond    ...plus this many a second whatever the load
     */
    public record Retry(
            @DefaultValue("500ms") @NotNull @DurationMin(millis = 1)
            Duration perTryTimeout,

            @DefaultValue("4") @Min(1) @Max(10) int maxTries,
            @DefaultValue("25") @Min(0) @Max(1000) int budgetPercent,
            @DefaultValue("10") @Min(0) int budgetMinPerSecond) {

        void checkRoomForARetry(Duration requestTimeout) {
            // a timeout out of its own bounds is named by its own annotation first
            if (maxTries > 1
                    && positive(perTryTimeout)
                    && positive(requestTimeout)
                    && perTryTimeout.compareTo(requestTimeout) >= 0) {
                throw new InvalidPropertyException(
                        "ringlab.agent.retry.per-try-timeout",
                        perTryTimeout.toMillis()
                                + "ms is not shorter than ringlab.agent.request-timeout (" + requestTimeout.toMillis()
                                + "ms): no retry could ever happen; shorten it, or set ringlab.agent.retry.max-tries=1");
            }
        }

        private static boolean positive(Duration value) {
            return value != null && !value.isNegative() && !value.isZero();
        }
    }

    /**
     * @param interval                      how often each server is pinged
     * @param missesToMarkDown              pings left unanswered in a row, while the server answered no request either,
     *                                      before it is taken out of rotation
     * @param missesToMarkDownWhileServing  pings left unanswered in a row before a server that still answers requests
     *                                      is taken out (never fewer than {@code missesToMarkDown})
     */
    public record Health(
            @DefaultValue("250ms") @NotNull @DurationMin(millis = 1)
            Duration interval,

            @DefaultValue("2") @Min(1) int missesToMarkDown,
            @DefaultValue("6") @Min(1) int missesToMarkDownWhileServing) {}

    /**
     * @param consecutiveFailures             tries left unanswered in a row, in the order they were sent, with none
     *                                        answered after them, that eject a server
     * @param baseEjection                    the first ejection's length; it doubles with each ejection in a row
     * @param maxEjection                     the longest ejection
     * @param maxEjectionPercent              the most servers ejected at once, as a share of all; one may always be
     * @param failurePercentage               share of a server's tries that, failed over one interval, eject it (0: off)
     * @param failurePercentageRequestVolume  tries that must end in the interval for the share to count
     * @param interval                        the interval over which the failure share is counted
     */
    public record Outliers(
            @DefaultValue("5") @Min(1) int consecutiveFailures,

            @DefaultValue("1s") @NotNull @DurationMin(millis = 1)
            Duration baseEjection,

            @DefaultValue("30s") @NotNull @DurationMin(millis = 1)
            Duration maxEjection,

            @DefaultValue("10") @Min(0) @Max(100) int maxEjectionPercent,
            @DefaultValue("50") @Min(0) @Max(100) int failurePercentage,
            @DefaultValue("50") @Min(1) int failurePercentageRequestVolume,

            @DefaultValue("1s") @NotNull @DurationMin(millis = 1)
            Duration interval) {}
}
