package io.ringlab.launcher.rehearsal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cluster's names as CoreDNS's kubernetes plugin serves them, for the lab's dnsmasq: a Service with a virtual
 * IP is one A record; a headless Service is an A record per endpoint, and each endpoint its own name
 * ({@code <hostname>.<service>.<namespace>.svc.<domain>} for a pod whose hostname and subdomain say so, a StatefulSet's,
 * else its address with dashes); each named port of a Service an SRV record {@code _<port>._<protocol>.<service>...},
 * per endpoint for a headless one. Pure.
 *
 * @param hosts      dnsmasq's hosts file ({@code address name} lines)
 * @param srvRecords dnsmasq's {@code srv-host=} lines
 */
public record DnsZone(String hosts, String srvRecords) {

    public static DnsZone of(String domain, List<ServiceSpec> services, List<PodAddress> pods) {
        StringBuilder hosts = new StringBuilder();
        List<String> srv = new ArrayList<>();
        for (ServiceSpec service : services) {
            String fqdn = service.fqdn(domain);
            if (!service.headless()) {
                hosts.append(service.virtualIp()).append(' ').append(fqdn).append('\n');
                for (ServiceSpec.Port port : service.ports()) {
                    if (!port.name().isEmpty()) {
                        srv.add("srv-host=%s,%s,%d,0,100".formatted(srvName(port, fqdn), fqdn, port.port()));
                    }
                }
                continue;
            }
            List<PodAddress> endpoints =
                    pods.stream().filter(pod -> pod.endpointOf(service)).toList();
            for (PodAddress pod : endpoints) {
                hosts.append(pod.ip()).append(' ').append(fqdn).append('\n');
                hosts.append(pod.ip())
                        .append(' ')
                        .append(pod.nameUnder(service, domain))
                        .append('\n');
            }
            for (ServiceSpec.Port port : service.ports()) {
                if (port.name().isEmpty()) {
                    continue;
                }
                for (PodAddress pod : endpoints) {
                    int target = pod.targetPort(port);
                    if (target > 0) {
                        srv.add("srv-host=%s,%s,%d,0,%d"
                                .formatted(
                                        srvName(port, fqdn),
                                        pod.nameUnder(service, domain),
                                        target,
                                        100 / endpoints.size()));
                    }
                }
            }
        }
        return new DnsZone(hosts.toString(), srv.isEmpty() ? "" : String.join("\n", srv) + "\n");
    }

    private static String srvName(ServiceSpec.Port port, String fqdn) {
        return "_%s._%s.%s".formatted(port.name(), port.protocol().toLowerCase(Locale.ROOT), fqdn);
    }

    /** The resolv.conf the kubelet writes for a pod of the namespace (dnsPolicy ClusterFirst). */
    public static String resolvConf(String namespace, String domain, List<String> nameservers) {
        StringBuilder out = new StringBuilder("# the rehearsal's cluster DNS, as the kubelet writes it\n");
        out.append("search %s.svc.%s svc.%s %s%n".formatted(namespace, domain, domain, domain));
        nameservers.forEach(ns -> out.append("nameserver ").append(ns).append('\n'));
        return out.append("options ndots:5\n").toString();
    }

    /** The hosts file the kubelet writes for a pod: localhost, and the pod's own names. */
    public static String podHosts(PodAddress pod, String domain) {
        String own = pod.hostname() == null ? pod.name() : pod.hostname();
        String full = pod.subdomain() == null
                ? ""
                : " " + own + "." + pod.subdomain() + "." + pod.namespace() + ".svc." + domain;
        return "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n" + pod.ip() + full + " " + own + "\n";
    }
}
