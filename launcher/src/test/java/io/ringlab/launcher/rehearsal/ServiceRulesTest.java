package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRulesTest {

    private static final ServiceSpec AGENTS_UDP = new ServiceSpec(
            "lb-agent-udp",
            "ringlab",
            "198.18.3.200",
            false,
            Map.of("app", "lb-agent"),
            List.of(new ServiceSpec.Port("udp", "UDP", 4245, "udp")));

    private static PodAddress agent(String ip, boolean ready, boolean terminating) {
        return new PodAddress(
                "lb-agent-" + ip,
                "ringlab",
                ip,
                Map.of("app", "lb-agent"),
                null,
                null,
                Map.of("udp", 4245),
                ready,
                terminating);
    }

    @Test
    void aVirtualIpIsTranslatedToOneOfTheReadyEndpointsAtRandom() {
        var endpoints = ServiceRules.endpoints(
                List.of(AGENTS_UDP),
                List.of(
                        agent("198.18.3.11", true, false),
                        agent("198.18.3.12", false, false),
                        agent("198.18.3.13", true, true),
                        agent("198.18.3.14", true, false)));

        assertThat(endpoints).extracting(ServiceRules.Endpoint::ip).containsExactly("198.18.3.11", "198.18.3.14");
        assertThat(ServiceRules.table(List.of(AGENTS_UDP), endpoints))
                .contains(
                        "ip daddr 198.18.3.200 udp dport 4245 dnat ip to numgen random mod 2 map { 0 : 198.18.3.11 . 4245, 1 : 198.18.3.14 . 4245 }");
    }

    @Test
    void withoutEndpointsTheServiceRejectsAndGoneEndpointsAreNamed() {
        var before = ServiceRules.endpoints(List.of(AGENTS_UDP), List.of(agent("198.18.3.11", true, false)));

        assertThat(ServiceRules.table(List.of(AGENTS_UDP), List.of()))
                .contains("ip daddr 198.18.3.200 udp dport 4245 reject")
                .doesNotContain("dnat");
        assertThat(ServiceRules.gone(before, List.of()))
                .extracting(ServiceRules.Endpoint::ip)
                .containsExactly("198.18.3.11");
    }
}
