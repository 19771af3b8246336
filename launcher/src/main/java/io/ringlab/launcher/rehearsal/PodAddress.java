package io.ringlab.launcher.rehearsal;

import java.util.Map;

/**
 * A pod as Services and DNS see it.
 *
 * @param hostname    {@code spec.hostname} (a StatefulSet's pods: their names), or {@code null}
 * @param subdomain   {@code spec.subdomain} (a StatefulSet's {@code serviceName}), or {@code null}
 * @param ports       the container's ports by name
 * @param ready       its readiness probe passes
 * @param terminating it was asked to stop
 */
public record PodAddress(
        String name,
        String namespace,
        String ip,
        Map<String, String> labels,
        String hostname,
        String subdomain,
        Map<String, Integer> ports,
        boolean ready,
        boolean terminating) {

    public PodAddress {
        labels = Map.copyOf(labels);
        ports = Map.copyOf(ports);
    }

    /** An endpoint of the Service: selected, and ready (or the Service publishes pods that are not). */
    public boolean endpointOf(ServiceSpec service) {
        return service.selects(labels) && (service.publishNotReadyAddresses() || (ready && !terminating));
    }

    /** The Service's target port on this pod, or -1 when the pod does not declare it. */
    public int targetPort(ServiceSpec.Port port) {
        if (port.targetPort().matches("\\d+")) {
            return Integer.parseInt(port.targetPort());
        }
        return ports.getOrDefault(port.targetPort(), -1);
    }

    /** The pod's name under a headless Service, as CoreDNS serves it: its hostname, else its address with dashes. */
    public String nameUnder(ServiceSpec service, String domain) {
        String host = hostname != null && service.name().equals(subdomain) ? hostname : ip.replace('.', '-');
        return host + "." + service.fqdn(domain);
    }
}
