package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DnsZoneTest {

    private static final ServiceSpec RING = new ServiceSpec(
            "ring-server",
            "ringlab",
            null,
            true,
            Map.of("app", "ring-server"),
            List.of(
                    new ServiceSpec.Port("udp", "UDP", 4242, "udp"),
                    new ServiceSpec.Port("http", "TCP", 8080, "http")));
    private static final ServiceSpec AGENTS = new ServiceSpec(
            "lb-agent",
            "ringlab",
            null,
            false,
            Map.of("app", "lb-agent"),
            List.of(new ServiceSpec.Port("http", "TCP", 8080, "http")));
    private static final ServiceSpec AGENTS_UDP = new ServiceSpec(
            "lb-agent-udp",
            "ringlab",
            "198.18.3.200",
            false,
            Map.of("app", "lb-agent"),
            List.of(new ServiceSpec.Port("udp", "UDP", 4245, "udp")));

    private static PodAddress server(int ordinal, String ip, boolean ready) {
        return new PodAddress(
                "ring-server-" + ordinal,
                "ringlab",
                ip,
                Map.of("app", "ring-server"),
                "ring-server-" + ordinal,
                "ring-server",
                Map.of("udp", 4242, "http", 8080),
                ready,
                false);
    }

    private static PodAddress agent(String ip, boolean ready) {
        return new PodAddress(
                "lb-agent-x",
                "ringlab",
                ip,
                Map.of("app", "lb-agent"),
                null,
                null,
                Map.of("udp", 4245, "http", 8080),
                ready,
                false);
    }

    @Test
    void headlessServicesNameTheirPodsAndPublishNotReadyOnesWhenTheySaySo() {
        DnsZone zone = DnsZone.of(
                "cluster.local",
                List.of(RING, AGENTS, AGENTS_UDP),
                List.of(server(0, "198.18.3.10", true), server(1, "198.18.3.11", false), agent("198.18.3.12", false)));

        assertThat(zone.hosts().lines())
                .containsExactlyInAnyOrder(
                        "198.18.3.10 ring-server.ringlab.svc.cluster.local",
                        "198.18.3.10 ring-server-0.ring-server.ringlab.svc.cluster.local",
                        "198.18.3.11 ring-server.ringlab.svc.cluster.local",
                        "198.18.3.11 ring-server-1.ring-server.ringlab.svc.cluster.local",
                        "198.18.3.200 lb-agent-udp.ringlab.svc.cluster.local");
        assertThat(zone.srvRecords().lines())
                .containsExactlyInAnyOrder(
                        "srv-host=_udp._udp.ring-server.ringlab.svc.cluster.local,ring-server-0.ring-server.ringlab.svc.cluster.local,4242,0,50",
                        "srv-host=_udp._udp.ring-server.ringlab.svc.cluster.local,ring-server-1.ring-server.ringlab.svc.cluster.local,4242,0,50",
                        "srv-host=_http._tcp.ring-server.ringlab.svc.cluster.local,ring-server-0.ring-server.ringlab.svc.cluster.local,8080,0,50",
                        "srv-host=_http._tcp.ring-server.ringlab.svc.cluster.local,ring-server-1.ring-server.ringlab.svc.cluster.local,8080,0,50",
                        "srv-host=_udp._udp.lb-agent-udp.ringlab.svc.cluster.local,lb-agent-udp.ringlab.svc.cluster.local,4245,0,100");
    }

    @Test
    void aReadyPodWithoutHostnameIsNamedByItsAddress() {
        DnsZone zone = DnsZone.of("cluster.local", List.of(AGENTS), List.of(agent("198.18.3.12", true)));

        assertThat(zone.hosts())
                .contains(
                        "198.18.3.12 lb-agent.ringlab.svc.cluster.local\n",
                        "198.18.3.12 198-18-3-12.lb-agent.ringlab.svc.cluster.local\n");
        assertThat(zone.srvRecords())
                .contains(
                        "srv-host=_http._tcp.lb-agent.ringlab.svc.cluster.local,198-18-3-12.lb-agent.ringlab.svc.cluster.local,8080,0,100");
    }

    @Test
    void podsResolveWithTheKubeletsSearchListAndNdots() {
        assertThat(DnsZone.resolvConf("ringlab", "cluster.local", List.of("198.18.3.2")))
                .contains(
                        "search ringlab.svc.cluster.local svc.cluster.local cluster.local\n",
                        "nameserver 198.18.3.2\n",
                        "options ndots:5\n");
    }
}
