package io.ringlab.dashboard.cluster;

import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, from one poll of every service ({@code GET /api/cluster}).
 *
 * @param polledAt       when the poll started, milliseconds since the epoch
 * @param pollIntervalMs how often the services are polled
 * @param historyMs      how far back the clients' charts go
 * @param serverNames    server ids as agents and the ring write them, to the names shown
 * @param clientSamples  each client's newest chart sample
 * @param strategies     the agents' balancing strategies
 */
public record ClusterView(
        long polledAt,
        long pollIntervalMs,
        long historyMs,
        List<ServiceView> servers,
        List<ServiceView> agents,
        List<ServiceView> clients,
        Map<String, String> serverNames,
        Map<String, ClientSample> clientSamples,
        List<String> strategies) {}
