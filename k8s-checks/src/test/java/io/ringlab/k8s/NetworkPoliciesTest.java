package io.ringlab.k8s;

import io.ringlab.k8s.NetworkPolicies.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network policies let through what the system needs (clients to agents, agents and servers both ways,
 * servers to servers, the dashboard and Prometheus to every service's HTTP, Grafana to Prometheus, everyone to
 * the cluster's DNS), and nothing else that was tried.
 */
class NetworkPoliciesTest {

    private static final Endpoint KUBE_DNS = Endpoint.pod("kube-dns", "kube-system", "k8s-app", "kube-dns");
    private static final Endpoint OUTSIDE = Endpoint.outside("a host outside the cluster");
    private static final Endpoint INGRESS_CONTROLLER =
            Endpoint.pod("ingress-nginx", "ingress-nginx", "app.kubernetes.io/name", "ingress-nginx");
    private static final Endpoint OPERATOR_PROMETHEUS =
            Endpoint.pod("the operator's Prometheus", "monitoring", "app.kubernetes.io/name", "prometheus");
    private static final List<String> SERVICES = List.of("ring-server", "lb-agent", "load-client");

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodIsIsolatedBothWays(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifest);
        for (Workload workload : manifest.workloads()) {
            Endpoint pod = Endpoint.of(workload);
            assertThat(policies.allows(OUTSIDE, pod, "TCP", 1))
                    .as("outside to " + pod)
                    .isFalse();
            assertThat(policies.allows(pod, OUTSIDE, "TCP", 443))
                    .as(pod + " to outside")
                    .isFalse();
            assertThat(policies.allows(pod, KUBE_DNS, "UDP", 53))
                    .as(pod + " to DNS")
                    .isTrue();
            assertThat(policies.allows(pod, KUBE_DNS, "TCP", 53))
                    .as(pod + " to DNS over TCP")
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void whatTheSystemNeedsPasses(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifest);
        Map<String, Endpoint> pods = pods(manifest);
        needs(policies, pods, "load-client", "lb-agent", "UDP", 4245);
        needs(policies, pods, "lb-agent", "ring-server", "UDP", 4242);
        needs(policies, pods, "ring-server", "lb-agent", "UDP", 4246);
        needs(policies, pods, "ring-server", "ring-server", "UDP", 4242);
        for (String service : SERVICES) {
            needs(policies, pods, "admin-dashboard", service, "TCP", 8080);
            needs(policies, pods, "prometheus", service, "TCP", 8080);
        }
        needs(policies, pods, "grafana", "prometheus", "TCP", 9090);
        // the dashboard's operators' actions
        needs(policies, pods, "prometheus", "admin-dashboard", "TCP", 8000);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void nothingElseThatWasTriedPasses(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifest);
        Map<String, Endpoint> pods = pods(manifest);
        refused(policies, pods, "load-client", "ring-server", "UDP", 4242);
        refused(policies, pods, "load-client", "admin-dashboard", "TCP", 8000);
        refused(policies, pods, "load-client", "lb-agent", "TCP", 8080);
        refused(policies, pods, "lb-agent", "ring-server", "TCP", 8080);
        refused(policies, pods, "lb-agent", "lb-agent", "UDP", 4245);
        refused(policies, pods, "grafana", "ring-server", "TCP", 8080);
        refused(policies, pods, "grafana", "admin-dashboard", "TCP", 8000);
        refused(policies, pods, "lb-agent", "admin-dashboard", "TCP", 8000);
        pod(pods, "ring-server")
                .ifPresent(server -> assertThat(policies.allows(OUTSIDE, server, "UDP", 4242))
                        .as("outside to the servers")
                        .isFalse());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theOverlaysOpeningsAreTheirComponents(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifest);
        Map<String, Endpoint> pods = pods(manifest);
        String agentsService = manifest.get("Service", "lb-agent-udp")
                .path("spec")
                .path("type")
                .asString("ClusterIP");
        assertThat(policies.allows(OUTSIDE, pods.get("lb-agent"), "UDP", 4245))
                .as("clients outside reach the agents")
                .isEqualTo(!agentsService.equals("ClusterIP"));
        boolean ingress = manifest.find("Ingress", "admin-dashboard").isPresent();
        assertThat(policies.allows(INGRESS_CONTROLLER, pods.get("admin-dashboard"), "TCP", 8000))
                .as("ingress controller")
                .isEqualTo(ingress);
        boolean operator = manifest.ofKind("PodMonitor").findAny().isPresent();
        for (String service : SERVICES) {
            pod(pods, service)
                    .ifPresent(pod -> assertThat(policies.allows(OPERATOR_PROMETHEUS, pod, "TCP", 8080))
                            .as("the operator's Prometheus scrapes " + service)
                            .isEqualTo(operator));
        }
        pod(pods, "grafana")
                .ifPresent(grafana -> assertThat(policies.allows(grafana, OPERATOR_PROMETHEUS, "TCP", 9090))
                        .as("Grafana queries the operator's Prometheus")
                        .isEqualTo(operator));
    }

    private static Map<String, Endpoint> pods(Manifest manifest) {
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        manifest.workloads().forEach(workload -> pods.put(workload.name(), Endpoint.of(workload)));
        return pods;
    }

    private static Optional<Endpoint> pod(Map<String, Endpoint> pods, String name) {
        return Optional.ofNullable(pods.get(name));
    }

    /** The flow passes, when both ends are in the overlay. */
    private static void needs(
            NetworkPolicies policies, Map<String, Endpoint> pods, String from, String to, String protocol, int port) {
        if (pods.containsKey(from) && pods.containsKey(to)) {
            assertThat(policies.allows(pods.get(from), pods.get(to), protocol, port))
                    .as(from + " to " + to + " " + protocol + " " + port)
                    .isTrue();
        }
    }

    private static void refused(
            NetworkPolicies policies, Map<String, Endpoint> pods, String from, String to, String protocol, int port) {
        if (pods.containsKey(from) && pods.containsKey(to)) {
            assertThat(policies.allows(pods.get(from), pods.get(to), protocol, port))
                    .as(from + " to " + to + " " + protocol + " " + port)
                    .isFalse();
        }
    }
}
