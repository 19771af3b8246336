package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.support.discovery.DiscoveryException;
import io.ringlab.support.discovery.JndiSrvResolver;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.discovery.SrvResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services the dashboard watches, by role: the fixed lists of its configuration, or, for a role with an SRV name,
 * the services DNS names now, asked again every refresh on a thread of its own. A failed query keeps the services
 * known; an answer with none empties the role (a Service with no pod).
 */
@Component
public class ServiceDirectory implements SmartLifecycle {

    /** The three kinds of service the page shows. */
    public enum Role {
        SERVERS,
        AGENTS,
        CLIENTS
    }

    private static final Log log = LogFactory.getLog(ServiceDirectory.class);

    private final DashboardProperties.Discovery discovery;
    private final SrvResolver resolver;
    private final Map<Role, List<Service>> services = new EnumMap<>(Role.class);
    private final Map<Role, String> lastFailure = new EnumMap<>(Role.class);
    private ScheduledExecutorService executor;

    @Autowired
    ServiceDirectory(DashboardProperties properties) {
        this(
                properties,
                new JndiSrvResolver(
                        properties.discovery().dnsServer(),
                        properties.discovery().timeout()));
    }

    ServiceDirectory(DashboardProperties properties, SrvResolver resolver) {
        this.discovery = properties.discovery();
        this.resolver = resolver;
        services.put(Role.SERVERS, List.copyOf(properties.servers()));
        services.put(Role.AGENTS, List.copyOf(properties.agents()));
        services.put(Role.CLIENTS, List.copyOf(properties.clients()));
    }

    public synchronized List<Service> servers() {
        return services.get(Role.SERVERS);
    }

    public synchronized List<Service> agents() {
        return services.get(Role.AGENTS);
    }

    public synchronized List<Service> clients() {
        return services.get(Role.CLIENTS);
    }

    /** Asks DNS for every role that has an SRV name, once. */
    void refresh() {
        refresh(Role.SERVERS, discovery.servers());
        refresh(Role.AGENTS, discovery.agents());
        refresh(Role.CLIENTS, discovery.clients());
    }

    private void refresh(Role role, String srv) {
        if (srv.isEmpty()) {
            return;
        }
        List<Service> found;
        try {
            found = DiscoveredServices.of(resolver.resolve(srv), SrvName.parse(srv), discovery.maxServices());
        } catch (DiscoveryException e) {
            synchronized (this) {
                if (!e.getMessage().equals(lastFailure.put(role, e.getMessage()))) {
                    log.warn("discovery of the %s (%s) failed, keeping the %d known: %s"
                            .formatted(
                                    role.name().toLowerCase(),
                                    srv,
                                    services.get(role).size(),
                                    e.getMessage()));
                }
            }
            return;
        }
        synchronized (this) {
            lastFailure.remove(role);
            if (!found.equals(services.get(role))) {
                log.info("%s from %s: %s"
                        .formatted(
                                role.name().toLowerCase(),
                                srv,
                                found.stream().map(Service::name).toList()));
                services.put(role, found);
            }
        }
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("service discovery failed", e);
        }
    }

    @Override
    public synchronized void start() {
        if (!discovery.enabled()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "service-discovery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                this::refreshSafely, 0, discovery.refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
