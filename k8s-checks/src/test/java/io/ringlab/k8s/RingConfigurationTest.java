package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed lists the services take today agree with the objects that make the names: the ring's peers are the
 * StatefulSet's pods under its headless Service, each server's ring id (from its pod's name) is one of them, the
 * agents use the very same strings, the dashboard and the load clients name what exists.
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
        JsonNode service = manifest.get("Service", servers.path("spec").path("serviceName").asString());
        assertThat(service.path("spec").path("clusterIP").asString()).as("headless").isEqualTo("None");
        assertThat(service.path("spec").path("publishNotReadyAddresses").asBoolean()).as("peers before ready").isTrue();

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
            String expanded = self.replace("$(POD_NAME)", servers.name() + "-" + ordinal).replace("$(POD_NAMESPACE)", namespace);
            assertThat(expanded).as("ring id of pod " + ordinal).isEqualTo(peers.get(ordinal));
        }
        assertThat(Workload.envValue(container, "RINGLAB_SERVER_PORT").orElseThrow())
                .isEqualTo(String.valueOf(Workload.port(container, "udp").orElseThrow().path("containerPort").asInt()));
        // a server announces `d` and drains (ringlab.server.ring.drain, 250 ms) before it stops
        assertThat(servers.podSpec().path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void agentsUseTheServersOwnIdsAndUniqueNames(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        JsonNode agent = new Workload(manifest.get("Deployment", "lb-agent")).containers().get(0);
        assertConfigMapKey(agent, "RINGLAB_AGENT_SERVERS", "ring", "peers");
        assertFieldRef(agent, "POD_NAME", "metadata.name");
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_NAME")).contains("$(POD_NAME)");
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_CLIENTPORT")).contains(portOf(agent, "udp"));
        assertThat(Workload.envValue(agent, "RINGLAB_AGENT_SERVERPORT")).contains(portOf(agent, "udp-servers"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardListsEveryServerInRingOrder(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        JsonNode data = manifest.generated("ConfigMap", "admin-dashboard").path("data");
        JsonNode server = new Workload(manifest.get("StatefulSet", "ring-server")).containers().get(0);
        List<String> peers = peers(manifest);
        for (int i = 0; i < peers.size(); i++) {
            String host = peers.get(i).substring(0, peers.get(i).lastIndexOf(':'));
            assertThat(data.path("RINGLAB_DASHBOARD_SERVERS_" + i + "_URL").asString())
                    .isEqualTo("http://" + host + ":" + portOf(server, "http"));
            assertThat(data.path("RINGLAB_DASHBOARD_SERVERS_" + i + "_NAME").asString()).isEqualTo(host.split("\\.")[0]);
        }
        assertThat(data.has("RINGLAB_DASHBOARD_SERVERS_" + peers.size() + "_URL")).as("no server beyond the ring").isFalse();
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
        return Arrays.asList(manifest.generated("ConfigMap", "ring").path("data").path("peers").asString().split(","));
    }

    private static List<String> serverIds(Manifest manifest, int replicas) {
        JsonNode servers = manifest.get("StatefulSet", "ring-server");
        String udpPort = portOf(new Workload(servers).containers().get(0), "udp");
        List<String> ids = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            ids.add("%s-%d.%s.%s.%s:%s".formatted(Manifest.name(servers), ordinal, servers.path("spec").path("serviceName").asString(),
                    Manifest.namespace(servers), CLUSTER_DOMAIN, udpPort));
        }
        return ids;
    }

    private static String portOf(JsonNode container, String name) {
        return String.valueOf(Workload.port(container, name).orElseThrow(() -> new AssertionError("no port " + name))
                .path("containerPort").asInt());
    }

    private static void assertConfigMapKey(JsonNode container, String variable, String configMapPrefix, String key) {
        JsonNode reference = Workload.env(container, variable).orElseThrow().path("valueFrom").path("configMapKeyRef");
        // kustomize suffixes generated ConfigMaps' names with a hash of their content
        assertThat(reference.path("name").asString()).as(variable).startsWith(configMapPrefix + "-");
        assertThat(reference.path("key").asString()).as(variable).isEqualTo(key);
    }

    private static void assertFieldRef(JsonNode container, String variable, String field) {
        assertThat(Workload.env(container, variable).orElseThrow().path("valueFrom").path("fieldRef").path("fieldPath").asString())
                .as(variable).isEqualTo(field);
    }
}
