package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Service of the manifests: headless or with a virtual IP (given by the rehearsal, as the API server gives one from
 * the service range), its selector and its ports.
 *
 * @param virtualIp the cluster IP, or {@code null} for a headless Service
 */
public record ServiceSpec(
        String name,
        String namespace,
        String virtualIp,
        boolean publishNotReadyAddresses,
        Map<String, String> selector,
        List<Port> ports) {

    /** @param targetPort a number, or the name of a container port */
    public record Port(String name, String protocol, int port, String targetPort) {}

    public ServiceSpec {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    public static ServiceSpec of(JsonNode service, String virtualIp) {
        JsonNode spec = service.path("spec");
        Map<String, String> selector = new LinkedHashMap<>();
        spec.path("selector")
                .properties()
                .forEach(e -> selector.put(e.getKey(), e.getValue().asString()));
        List<Port> ports = new ArrayList<>();
        for (JsonNode port : spec.path("ports")) {
            int number = port.path("port").asInt();
            ports.add(new Port(
                    port.path("name").asString(),
                    port.path("protocol").asString("TCP").toUpperCase(Locale.ROOT),
                    number,
                    port.has("targetPort") ? port.path("targetPort").asString() : Integer.toString(number)));
        }
        return new ServiceSpec(
                Manifests.name(service),
                Manifests.namespace(service),
                headless(service) ? null : virtualIp,
                spec.path("publishNotReadyAddresses").asBoolean(false),
                selector,
                ports);
    }

    public static boolean headless(JsonNode service) {
        return "None".equals(service.path("spec").path("clusterIP").asString());
    }

    /** Only ClusterIP Services and the headless kind are rehearsed (not ExternalName; NodePort and LoadBalancer as ClusterIP). */
    public boolean headless() {
        return virtualIp == null;
    }

    public boolean selects(Map<String, String> labels) {
        return !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** {@code ring-server.ringlab.svc.cluster.local} */
    public String fqdn(String domain) {
        return name + "." + namespace + ".svc." + domain;
    }
}
