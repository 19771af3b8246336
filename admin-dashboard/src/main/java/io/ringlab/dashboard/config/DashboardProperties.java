package io.ringlab.dashboard.config;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.support.config.InvalidPropertyException;
import io.ringlab.support.control.BalancingStrategyNames;
import io.ringlab.support.discovery.SrvName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Configuration of the dashboard ({@code ringlab.dashboard.*}): the services it watches, each by a name and the
 * base URL of its REST API (in Kubernetes a service name), and how it polls them.
 *
 * @param servers        ring servers, in ring order
 * @param agents         load-balancing agents
 * @param clients        load clients
 * @param pollInterval   how often every service's status is read
 * @param pollTimeout    how long one status read may take; longer counts as a missed poll
 * @param missesToMarkUnreachable polls in a row a service must miss to be shown unreachable (until then its
 *                       last status stays on the page)
 * @param controlTimeout how long a forwarded control may take
 * @param maxBodySize    the most the dashboard reads of one answer of a service; a longer answer is a failed
 *                       read, and the exchange is abandoned
 * @param history        how far back the clients' charts and the servers' timeline go (kept by the dashboard, so a
 *                       reload keeps them)
 * @param strategies     the agents' balancing strategies, offered in the page and checked before forwarding
 * @param discovery      finding the services in DNS instead of the fixed lists (each role one way or the other)
 * @param labUrl         the REST of a multi-host lab's launcher ({@code http://127.0.0.1:8300}), whose faults the
 *                       page shows and drives; none outside the lab (the page then has no faults panel)
 * @param grafanaUrl     a Grafana with the project's dashboards ({@code http://127.0.0.1:3000}): the page links each
 *                       server, agent and client to its panels there; none, no links
 */
@Validated
@ConfigurationProperties("ringlab.dashboard")
public record DashboardProperties(
        @DefaultValue List<@Valid @NotNull Service> servers,
        @DefaultValue List<@Valid @NotNull Service> agents,
        @DefaultValue List<@Valid @NotNull Service> clients,

        @DefaultValue("1s") @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 1)
        Duration pollInterval,

        @DefaultValue("800ms") @NotNull @DurationMin(millis = 1)
        Duration pollTimeout,

        @DefaultValue("2") @Min(1) @Max(100) int missesToMarkUnreachable,

        @DefaultValue("5s") @NotNull @DurationMin(millis = 1)
        Duration controlTimeout,

        @DefaultValue("1MB") @NotNull DataSize maxBodySize,

        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1)
        Duration history,

        @DefaultValue({
            BalancingStrategyNames.ROUND_ROBIN,
            BalancingStrategyNames.LEAST_OUTSTANDING,
            BalancingStrategyNames.P2C_OUTSTANDING,
            BalancingStrategyNames.P2C_LATENCY,
            BalancingStrategyNames.WEIGHTED_ROUND_ROBIN
        })
        @NotEmpty
        List<@NotBlank String> strategies,

        @DefaultValue @Valid Discovery discovery,
        URI labUrl,
        URI grafanaUrl) {

    /** Samples kept per client: one per poll over the history, at most one hour at 10 per second. */
    public static final int MAX_SAMPLES = 36_000;

    private static final DataSize MIN_BODY_SIZE = DataSize.ofKilobytes(1);
    private static final DataSize MAX_BODY_SIZE = DataSize.ofMegabytes(64);

    public DashboardProperties {
        checkNames("ringlab.dashboard", servers, agents, clients);
        checkUrls("ringlab.dashboard.servers", servers);
        checkUrls("ringlab.dashboard.agents", agents);
        checkUrls("ringlab.dashboard.clients", clients);
        if (discovery != null) {
            checkOneWay("servers", servers, discovery.servers());
            checkOneWay("agents", agents, discovery.agents());
            checkOneWay("clients", clients, discovery.clients());
        }
        if (labUrl != null) {
            checkUrl("ringlab.dashboard.lab-url", labUrl);
        }
        if (grafanaUrl != null) {
            checkUrl("ringlab.dashboard.grafana-url", grafanaUrl);
        }
        if (pollTimeout != null && pollInterval != null && pollTimeout.compareTo(pollInterval) > 0) {
            throw new InvalidPropertyException(
                    "ringlab.dashboard.poll-timeout",
                    "%s is longer than poll-interval %s: a slow service would stall the page"
                            .formatted(pollTimeout, pollInterval));
        }
        if (maxBodySize != null
                && (maxBodySize.compareTo(MIN_BODY_SIZE) < 0 || maxBodySize.compareTo(MAX_BODY_SIZE) > 0)) {
            throw new InvalidPropertyException(
                    "ringlab.dashboard.max-body-size", "%s is not from 1KB to 64MB".formatted(maxBodySize));
        }
    }

    /** Samples kept per client: the history at one sample per poll. */
    public int samplesKept() {
        return (int) Math.min(MAX_SAMPLES, Math.max(1, history.toMillis() / pollInterval.toMillis()));
    }

    /**
     * A service the dashboard watches.
     *
     * @param name the name shown in the page and used in control URLs ({@code server-2})
     * @param url  base URL of its REST API ({@code http://127.0.0.1:8002}, {@code http://ring-server-1:8080})
     */
    public record Service(@NotBlank String name, @NotNull URI url) {

        /** The URL of one of its endpoints; {@code path} starts with a slash. */
        public URI resolve(String path) {
            String base = url.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
    }

    /**
     * Finding services in DNS: each role's SRV name, the one Kubernetes publishes for the {@code http} port of its
     * headless Service ({@code _http._tcp.ring-server.ringlab.svc.cluster.local}). A service found is named after the
     * target's first label (a StatefulSet pod's name; for other pods, what the cluster's DNS calls them) and reached
     * at the target's address and port.
     *
     * @param servers     the ring servers' SRV name; empty: the fixed {@code servers} list
     * @param agents      the agents' SRV name; empty: the fixed {@code agents} list
     * @param clients     the load clients' SRV name; empty: the fixed {@code clients} list
     * @param refresh     how often DNS is asked again (a failed query keeps the services known)
     * @param maxServices the most services of one role taken from DNS
     * @param dnsServer   the DNS server to ask, {@code host:port}; none: the system's ({@code /etc/resolv.conf})
     * @param timeout     how long a query waits for its first answer
     */
    public record Discovery(
            @DefaultValue("") String servers,
            @DefaultValue("") String agents,
            @DefaultValue("") String clients,

            @DefaultValue("5s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10)
            Duration refresh,

            @DefaultValue("64") @Min(1) @Max(1000) int maxServices,
            HostAndPort dnsServer,

            @DefaultValue("1s") @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 10)
            Duration timeout) {

        public Discovery {
            servers = checked("servers", servers);
            agents = checked("agents", agents);
            clients = checked("clients", clients);
        }

        public boolean enabled() {
            return !servers.isEmpty() || !agents.isEmpty() || !clients.isEmpty();
        }

        private static String checked(String role, String srv) {
            if (srv == null || srv.isBlank()) {
                return "";
            }
            try {
                return SrvName.parse(srv).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidPropertyException("ringlab.dashboard.discovery." + role, e.getMessage());
            }
        }
    }

    private static void checkOneWay(String role, List<Service> listed, String srv) {
        if (listed != null && !listed.isEmpty() && srv != null && !srv.isEmpty()) {
            throw new InvalidPropertyException(
                    "ringlab.dashboard.discovery." + role,
                    "given together with" + " ringlab.dashboard." + role
                            + "; give one of them: a fixed list, or discovery");
        }
    }

    @SafeVarargs
    private static void checkNames(String property, List<Service>... lists) {
        Set<String> seen = new HashSet<>();
        for (List<Service> list : lists) {
            for (Service service : list == null ? List.<Service>of() : list) {
                if (service != null && service.name() != null && !seen.add(service.name())) {
                    throw new InvalidPropertyException(
                            property,
                            "two services are named '" + service.name()
                                    + "'; names must be unique (they select the target of a control)");
                }
                if (service != null && service.name() != null && !service.name().matches("[A-Za-z0-9._-]+")) {
                    throw new InvalidPropertyException(
                            property,
                            "service name '" + service.name()
                                    + "': use letters, digits, '.', '_' and '-' only (it is part of control URLs)");
                }
            }
        }
    }

    private static void checkUrls(String property, List<Service> list) {
        for (int i = 0; list != null && i < list.size(); i++) {
            Service service = list.get(i);
            URI url = service == null ? null : service.url();
            if (url != null) {
                checkUrl(property + "[" + i + "].url", url);
            }
        }
    }

    private static void checkUrl(String property, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidPropertyException(property, "'" + url + "' is not an http:// or https:// URL with a host");
        }
    }

    /** The lab's launcher as a target of forwarded requests; empty outside the lab. */
    public java.util.Optional<Service> lab() {
        return java.util.Optional.ofNullable(labUrl).map(url -> new Service("the lab's launcher", url));
    }
}
