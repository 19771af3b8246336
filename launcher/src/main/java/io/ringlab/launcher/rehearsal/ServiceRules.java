package io.ringlab.launcher.rehearsal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Services with a virtual IP as kube-proxy makes them in its nftables mode: each virtual IP and port is translated
 * (DNAT) to one of the Service's ready endpoints, drawn at random for each new flow; with no endpoint, the packet is
 * rejected. kube-proxy does this on the node, where every pod's traffic passes; the rehearsal's pods share a bridge, so
 * the same table is put in every pod's own namespace, on its output. Pure.
 */
public final class ServiceRules {

    public static final String TABLE = "ringlab_services";

    /** One endpoint of one Service port: what a flow to the virtual IP can be translated to. */
    public record Endpoint(String virtualIp, String protocol, int port, String ip, int targetPort) {}

    private ServiceRules() {}

    public static List<Endpoint> endpoints(List<ServiceSpec> services, List<PodAddress> pods) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ServiceSpec service : services) {
            if (service.headless()) {
                continue;
            }
            for (ServiceSpec.Port port : service.ports()) {
                for (PodAddress pod : pods) {
                    int target = pod.targetPort(port);
                    if (pod.ready() && !pod.terminating() && service.selects(pod.labels()) && target > 0) {
                        endpoints.add(
                                new Endpoint(service.virtualIp(), port.protocol(), port.port(), pod.ip(), target));
                    }
                }
            }
        }
        return endpoints;
    }

    /** The whole table, replacing the one before it in a single transaction. */
    public static String table(List<ServiceSpec> services, List<Endpoint> endpoints) {
        StringBuilder nat = new StringBuilder();
        StringBuilder reject = new StringBuilder();
        for (ServiceSpec service : services) {
            if (service.headless()) {
                continue;
            }
            for (ServiceSpec.Port port : service.ports()) {
                String protocol = port.protocol().toLowerCase(Locale.ROOT);
                String match = "ip daddr %s %s dport %d".formatted(service.virtualIp(), protocol, port.port());
                List<Endpoint> ready = endpoints.stream()
                        .filter(e -> e.virtualIp().equals(service.virtualIp())
                                && e.port() == port.port()
                                && e.protocol().equals(port.protocol()))
                        .toList();
                if (ready.isEmpty()) {
                    reject.append("    ").append(match).append(" reject\n");
                    continue;
                }
                List<String> map = new ArrayList<>();
                for (int i = 0; i < ready.size(); i++) {
                    map.add("%d : %s . %d"
                            .formatted(i, ready.get(i).ip(), ready.get(i).targetPort()));
                }
                nat.append("    %s dnat ip to numgen random mod %d map { %s }%n"
                        .formatted(match, ready.size(), String.join(", ", map)));
            }
        }
        return """
                table ip %1$s
                delete table ip %1$s
                table ip %1$s {
                  chain services {
                    type nat hook output priority -100; policy accept;
                %2$s  }
                  chain no-endpoints {
                    type filter hook output priority 0; policy accept;
                %3$s  }
                }
                """.formatted(TABLE, nat, reject);
    }

    /** Endpoints that were and are no more: their UDP flows must be forgotten, or they keep going to a gone pod. */
    public static Set<Endpoint> gone(List<Endpoint> before, List<Endpoint> now) {
        Set<Endpoint> gone = new LinkedHashSet<>(before);
        now.forEach(gone::remove);
        return gone;
    }
}
