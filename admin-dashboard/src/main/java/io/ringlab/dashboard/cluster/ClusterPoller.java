package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads every service's status at once, every poll interval, and keeps the result for the page. A service that
 * is down only makes its own entry unreachable: all reads run in parallel and each ends within the poll timeout.
 * The services are those of the {@link ServiceDirectory} at each poll: a service discovery drops is forgotten.
 */
@Component
public class ClusterPoller implements SchedulingConfigurer {

    private final DashboardProperties properties;
    private final ServiceDirectory directory;
    private final StatusFetcher fetcher;
    private final Clock clock;
    private final ClientSampler sampler = new ClientSampler();
    private final ClientHistory history;
    private final Reachability reachability;
    private final AtomicReference<ClusterView> latest = new AtomicReference<>();
    private final List<Consumer<ClusterView>> pollListeners = new CopyOnWriteArrayList<>();

    ClusterPoller(DashboardProperties properties, ServiceDirectory directory, StatusFetcher fetcher) {
        this.properties = properties;
        this.directory = directory;
        this.fetcher = fetcher;
        this.clock = Clock.systemUTC();
        this.history = new ClientHistory(
                directory.clients().stream().map(Service::name).toList(), properties.samplesKept());
        this.reachability = new Reachability(properties.missesToMarkUnreachable());
        latest.set(new ClusterView(
                clock.millis(),
                properties.pollInterval().toMillis(),
                properties.history().toMillis(),
                unknown(directory.servers()),
                unknown(directory.agents()),
                unknown(directory.clients()),
                Map.of(),
                Map.of(),
                properties.strategies()));
    }

    /** The last poll's view; before the first, every service unreachable. */
    public ClusterView latest() {
        return latest.get();
    }

    /** Told of every poll's view, in the poller's thread, one poll after the other. */
    public void onPoll(Consumer<ClusterView> listener) {
        pollListeners.add(listener);
    }

    /** Each client's samples over the history, oldest first. */
    public Map<String, List<ClientSample>> history() {
        return history.all();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedRateTask(this::poll, properties.pollInterval());
    }

    void poll() {
        long polledAt = clock.millis();
        List<Service> watchedClients = directory.clients();
        List<CompletableFuture<ServiceView>> servers = directory.servers().stream()
                .map(server -> fetcher.fetch(server.resolve("/api/status"))
                        .thenCombine(
                                fetcher.fetch(server.resolve("/api/ring")),
                                (status, ring) -> ServiceView.of(
                                        server.name(), server.url().toString(), status, ring)))
                .toList();
        List<CompletableFuture<ServiceView>> agents = directory.agents().stream()
                .map(agent -> fetcher.fetch(agent.resolve("/api/status"))
                        .thenCombine(
                                fetcher.fetch(agent.resolve("/api/upstream")),
                                (status, upstream) -> ServiceView.agent(
                                        agent.name(), agent.url().toString(), status, upstream)))
                .toList();
        List<CompletableFuture<ServiceView>> clients = statusOf(watchedClients);

        List<ServiceView> serverViews = joined(servers);
        List<ServiceView> clientViews = joined(clients);
        List<ServiceView> agentViews = joined(agents);
        Map<String, ClientSample> samples = new LinkedHashMap<>();
        for (ServiceView client : clientViews) {
            if (client.fresh() || !client.reachable()) {
                // a missed poll that is not yet "unreachable" makes no sample: the next answer covers both intervals
                ClientSample sample = sampler.next(client.name(), polledAt, client.clientStatus());
                history.add(client.name(), sample);
                samples.put(client.name(), sample);
            }
        }
        Set<String> watched = new HashSet<>();
        Stream.of(serverViews, clientViews, agentViews).flatMap(List::stream).forEach(view -> watched.add(view.name()));
        reachability.retain(watched);
        history.retain(watchedClients.stream().map(Service::name).collect(Collectors.toSet()));
        ClusterView view = new ClusterView(
                polledAt,
                properties.pollInterval().toMillis(),
                properties.history().toMillis(),
                serverViews,
                agentViews,
                clientViews,
                ServerNames.of(serverViews),
                samples,
                properties.strategies());
        latest.set(view);
        pollListeners.forEach(listener -> listener.accept(view));
    }

    private List<CompletableFuture<ServiceView>> statusOf(List<Service> services) {
        return services.stream()
                .map(service -> fetcher.fetch(service.resolve("/api/status"))
                        .thenApply(status ->
                                ServiceView.of(service.name(), service.url().toString(), status, null)))
                .toList();
    }

    /** Never blocks past the poll timeout: every fetch completes by then, answered or not. */
    private List<ServiceView> joined(List<CompletableFuture<ServiceView>> views) {
        List<ServiceView> joined = new ArrayList<>(views.size());
        views.forEach(view -> joined.add(reachability.judge(view.join())));
        return joined;
    }

    private static List<ServiceView> unknown(List<Service> services) {
        return services.stream()
                .map(service ->
                        ServiceView.unreachable(service.name(), service.url().toString(), "not polled yet", 0))
                .toList();
    }
}
