package io.ringlab.k8s;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The overlay's NetworkPolicies applied as the API defines them: a pod selected by a policy of a direction is
 * isolated in it and takes only what some rule of such a policy allows; traffic passes when the source's egress and
 * the destination's ingress both let it.
 */
final class NetworkPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One end of a flow: a pod (its namespace and labels; {@code workload} when it is one of the overlay's), or, with
     * a null namespace, an address outside the cluster.
     */
    record Endpoint(String name, String namespace, JsonNode labels, Workload workload) {

        static Endpoint of(Workload workload) {
            return new Endpoint(workload.name(), Manifest.namespace(workload.object()), workload.podLabels(), workload);
        }

        static Endpoint pod(String name, String namespace, String... labels) {
            ObjectNode map = JSON.createObjectNode();
            for (int i = 0; i < labels.length; i += 2) {
                map.put(labels[i], labels[i + 1]);
            }
            return new Endpoint(name, namespace, map, null);
        }

        static Endpoint outside(String name) {
            return new Endpoint(name, null, JSON.createObjectNode(), null);
        }

        JsonNode namespaceLabels() {
            return JSON.createObjectNode().put("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final List<JsonNode> policies;

    NetworkPolicies(Manifest manifest) {
        this.policies = manifest.ofKind("NetworkPolicy").toList();
    }

    boolean allows(Endpoint from, Endpoint to, String protocol, int port) {
        return passes(from, "Egress", "egress", "to", to, to, protocol, port)
                && passes(to, "Ingress", "ingress", "from", from, to, protocol, port);
    }

    /** Whether {@code pod}'s policies of this direction let the flow with {@code peer} through. */
    private boolean passes(
            Endpoint pod,
            String type,
            String rules,
            String peers,
            Endpoint peer,
            Endpoint destination,
            String protocol,
            int port) {
        if (pod.namespace() == null || (pod.workload() == null)) {
            return true; // outside the overlay: its own policies are not ours to judge
        }
        boolean isolated = false;
        for (JsonNode policy : policies) {
            if (!selects(policy, pod) || !types(policy).contains(type)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : policy.path("spec").path(rules)) {
                if (matchesPeers(rule.path(peers), Manifest.namespace(policy), peer)
                        && matchesPorts(rule.path("ports"), destination, protocol, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean selects(JsonNode policy, Endpoint pod) {
        return Manifest.namespace(policy).equals(pod.namespace())
                && Labels.selects(policy.path("spec").path("podSelector"), pod.labels());
    }

    private static List<String> types(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isEmpty()) {
            return policy.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        return types.valueStream().map(JsonNode::asString).toList();
    }

    private static boolean matchesPeers(JsonNode peers, String policyNamespace, Endpoint peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode selector : peers) {
            if (selector.has("ipBlock")) {
                // an address outside the cluster; pods' addresses are not modelled
                if (peer.namespace() == null
                        && selector.path("ipBlock").path("cidr").asString().endsWith("/0")) {
                    return true;
                }
                continue;
            }
            if (peer.namespace() == null) {
                continue;
            }
            boolean namespaceMatches = selector.has("namespaceSelector")
                    ? Labels.selects(selector.path("namespaceSelector"), peer.namespaceLabels())
                    : peer.namespace().equals(policyNamespace);
            boolean podMatches =
                    !selector.has("podSelector") || Labels.selects(selector.path("podSelector"), peer.labels());
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesPorts(JsonNode ports, Endpoint destination, String protocol, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode allowed : ports) {
            if (!allowed.path("protocol").asString("TCP").equals(protocol)) {
                continue;
            }
            JsonNode number = allowed.path("port");
            if (number.isMissingNode()
                    || (number.isInt()
                            && number.asInt() <= port
                            && port <= allowed.path("endPort").asInt(number.asInt()))
                    || (number.isString() && named(destination, number.asString(), protocol) == port)) {
                return true;
            }
        }
        return false;
    }

    private static int named(Endpoint destination, String name, String protocol) {
        if (destination.workload() != null) {
            for (JsonNode container : destination.workload().containers()) {
                for (JsonNode declared : container.path("ports")) {
                    if (declared.path("name").asString().equals(name)
                            && declared.path("protocol").asString("TCP").equals(protocol)) {
                        return declared.path("containerPort").asInt();
                    }
                }
            }
        }
        return -1;
    }
}
