package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names the services take agree with the objects that make them: the ring's peers are the StatefulSet's pods
 * under its headless Service, each server's ring id (from its pod's name) is one of them, the agents discover the
 * servers in DNS under the very same strings, the dashboard discovers every role through Services that exist, the
 * load clients name what exists.
 */
class RingConfigurationTest {

    private static final String CLUSTER_DOMAIN = "svc.cluster.local";

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thePeersAreTheStatefulSetsPodsInRingOrder(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        JsonNode servers = manifest.get("StatefulSet", "ring-server");
        JsonNode service =
                manifest.get("Service", servers.path("spec").path("serviceName").asString());
        assertThat(service.path("spec").path("clusterIP").asString())
                .as("headless")
                .isEqualTo("None");
        assertThat(service.path("spec").path("publishNotReadyAddresses").asBoolean())
                .as("peers before ready")
                .isTrue();

        int replicas = servers.path("spec").path("replicas").asInt();
        assertThat(replicas).as("a ring has at least 3 servers").isGreaterThanOrEqualTo(3);
        assertThat(peers(manifest)).containsExactlyElementsOf(serverIds(manifest, replicas));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServersRingIdIsOneOfThePeers(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Workload servers = new Workload(manifest.get("StatefulSet", "ring-server"));
        JsonNode container = servers.containers().get(0);
        assertConfigMapKey(container, "RINGLAB_SERVER_RING_PEERS", "ring", "peers");
        assertFieldRef(container, "POD_NAME", "metadata.name");
        assertFieldRef(container, "POD_NAMESPACE", "metadata.namespace");
        String namespace = Manifest.namespace(servers.object());
        String self = Workload.envValue(container, "RINGLAB_SERVER_RING_SELF").orElseThrow();
        List<String> peers = peers(manifest);
        for (int ordinal = 0; ordinal < peers.size(); ordinal++) {
            String expanded =
                    self.replace("$(POD_NAME)", servers.name() + "-" + ordinal).replace("$(POD_NAMESPACE)", namespace);
            assertThat(expanded).as("ring id of pod " + ordinal).isEqualTo(peers.get(ordinal));
        }
        assertThat(Workload.envValue(container, "RINGLAB_SERVER_PORT").orElseThrow())
                .isEqualTo(String.valueOf(Workload.port(container, "udp")
                        .orElseThrow()
                        .path("containerPort")
                        .asInt()));
        // a server announces `d` and drains (ringlab.server.ring.drain, 250 ms) before it stops
        assertThat(servers.podSpec().path("terminationGracePeriodSeconds").asInt())
                .isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void agentsDiscoverTheServersUnderTheirRingIds(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Workload agents = new Workload(manifest.get("Deployment", "lb-agent"));
        JsonNode agent = agents.containers().get(0);
        assertThat(Workload.env(agent, "RINGLAB_AGENT_SERVERS"))
                .as("a fixed list and discovery both")
                .isEmpty();
        assertFieldRef(agent, "POD_NAME", "metadata.name");
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_NAME")).contains("$(POD_NAME)");
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_CLIENTPORT")).contains(portOf(agent, "udp"));
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_SERVERPORT")).contains(portOf(agent, "udp-servers"));

        Workload servers = new Workload(manifest.get("StatefulSet", "ring-server"));
        Srv srv = srv(manifest, agents, agent, "RINGLAB_AGENT_DISCOVERY_SRV");
        assertThat(srv.service())
                .isEqualTo(servers.object().path("spec").path("serviceName").asString());
        assertThat(srv.protocol()).isEqualTo("UDP");
        JsonNode servicePort = servicePort(manifest, srv);
        JsonNode containerPort = Workload.port(
                        servers.containers().get(0),
                        servicePort.path("targetPort").asString())
                .orElseThrow(() -> new AssertionError("the servers have no port " + servicePort.path("targetPort")));
        List<String> peers = peers(manifest);
        for (int ordinal = 0; ordinal < peers.size(); ordinal++) {
            // Kubernetes' SRV target of a StatefulSet pod; a headless Service's record carries the pod's port
            String target =
                    "%s-%d.%s.%s.%s".formatted(servers.name(), ordinal, srv.service(), srv.namespace(), CLUSTER_DOMAIN);
            assertThat(target + ":" + containerPort.path("containerPort").asInt())
                    .as("member id of pod " + ordinal)
                    .isEqualTo(peers.get(ordinal));
            assertThat(target + ":" + servicePort.path("port").asInt()).isEqualTo(peers.get(ordinal));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardDiscoversEveryRoleThroughItsHeadlessService(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Workload dashboard = new Workload(manifest.get("Deployment", "admin-dashboard"));
        JsonNode container = dashboard.containers().get(0);
        assertThat(Workload.envValue(container, "RINGLAB_DASHBOARD_SERVERS_0_URL"))
                .as("a fixed list")
                .isEmpty();
        Map<String, String> roles = Map.of(
                "RINGLAB_DASHBOARD_DISCOVERY_SERVERS",
                "ring-server",
                "RINGLAB_DASHBOARD_DISCOVERY_AGENTS",
                "lb-agent",
                "RINGLAB_DASHBOARD_DISCOVERY_CLIENTS",
                "load-client");
        roles.forEach((variable, service) -> {
            Srv srv = srv(manifest, dashboard, container, variable);
            assertThat(srv.service()).as(variable).isEqualTo(service);
            assertThat(srv.protocol()).as(variable).isEqualTo("TCP");
            if (service.equals("load-client")
                    && manifest.find("Service", service).isEmpty()) {
                assertThat(manifest.find("Deployment", "load-client"))
                        .as("no Service, no clients")
                        .isEmpty();
                return;
            }
            assertThat(servicePort(manifest, srv).path("port").asInt())
                    .as(variable)
                    .isEqualTo(8080);
        });
    }

    /** An SRV name {@code _<port>._<proto>.<service>.<namespace>.svc.cluster.local}, as the workload expands it. */
    private record Srv(String port, String protocol, String service, String namespace) {}

    private static Srv srv(Manifest manifest, Workload workload, JsonNode container, String variable) {
        assertFieldRef(container, "POD_NAMESPACE", "metadata.namespace");
        String name = Workload.envValue(container, variable)
                .orElseThrow(() -> new AssertionError("no " + variable))
                .replace("$(POD_NAMESPACE)", Manifest.namespace(workload.object()));
        String[] labels = name.split("\\.", 5);
        assertThat(labels).as(variable + " " + name).hasSize(5);
        assertThat(labels[4]).as(variable).isEqualTo(CLUSTER_DOMAIN);
        assertThat(labels[0]).as(variable).startsWith("_");
        assertThat(labels[1]).as(variable).isIn("_udp", "_tcp");
        assertThat(labels[3])
                .as(variable + ": the namespace the services are in")
                .isEqualTo(Manifest.namespace(workload.object()));
        return new Srv(labels[0].substring(1), labels[1].substring(1).toUpperCase(), labels[2], labels[3]);
    }

    /** The headless Service's port the SRV name names (Kubernetes publishes SRV records for named ports only). */
    private static JsonNode servicePort(Manifest manifest, Srv srv) {
        JsonNode service = manifest.get("Service", srv.service());
        assertThat(service.path("spec").path("clusterIP").asString())
                .as(srv.service() + " headless")
                .isEqualTo("None");
        for (JsonNode port : service.path("spec").path("ports")) {
            if (port.path("name").asString().equals(srv.port())) {
                assertThat(port.path("protocol").asString("TCP"))
                        .as(srv.service() + " " + srv.port())
                        .isEqualTo(srv.protocol());
                return port;
            }
        }
        throw new AssertionError("Service " + srv.service() + " has no port named " + srv.port());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void loadClientsSendToTheAgentsService(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Optional<JsonNode> clients = manifest.find("Deployment", "load-client");
        if (clients.isEmpty()) {
            return;
        }
        JsonNode client = new Workload(clients.get()).containers().get(0);
        JsonNode service = manifest.get("Service", "lb-agent-udp");
        String expected = "lb-agent-udp." + Manifest.namespace(service) + "." + CLUSTER_DOMAIN + ":"
                + service.path("spec").path("ports").get(0).path("port").asInt();
        assertThat(Workload.envValue(client, "RINGLAB_CLIENT_AGENT")).contains(expected);
        assertFieldRef(client, "POD_NAME", "metadata.name");
        assertThat(Workload.envValue(client, "RINGLAB_CLIENT_NAME")).contains("$(POD_NAME)");
    }

    private static List<String> peers(Manifest manifest) {
        return Arrays.asList(manifest.generated("ConfigMap", "ring")
                .path("data")
                .path("peers")
                .asString()
                .split(","));
    }

    private static List<String> serverIds(Manifest manifest, int replicas) {
        JsonNode servers = manifest.get("StatefulSet", "ring-server");
        String udpPort = portOf(new Workload(servers).containers().get(0), "udp");
        List<String> ids = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            ids.add("%s-%d.%s.%s.%s:%s"
                    .formatted(
                            Manifest.name(servers),
                            ordinal,
                            servers.path("spec").path("serviceName").asString(),
                            Manifest.namespace(servers),
                            CLUSTER_DOMAIN,
                            udpPort));
        }
        return ids;
    }

    private static String portOf(JsonNode container, String name) {
        return String.valueOf(Workload.port(container, name)
                .orElseThrow(() -> new AssertionError("no port " + name))
                .path("containerPort")
                .asInt());
    }

    private static void assertConfigMapKey(JsonNode container, String variable, String configMapPrefix, String key) {
        JsonNode reference = Workload.env(container, variable)
                .orElseThrow()
                .path("valueFrom")
                .path("configMapKeyRef");
        // kustomize suffixes generated ConfigMaps' names with a hash of their content
        assertThat(reference.path("name").asString()).as(variable).startsWith(configMapPrefix + "-");
        assertThat(reference.path("key").asString()).as(variable).isEqualTo(key);
    }

    private static void assertFieldRef(JsonNode container, String variable, String field) {
        assertThat(Workload.env(container, variable)
                        .orElseThrow()
                        .path("valueFrom")
                        .path("fieldRef")
                        .path("fieldPath")
                        .asString())
                .as(variable)
                .isEqualTo(field);
    }
}
