package io.ringlab.support.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SrvNameTest {

    @Test
    void kubernetesNames_parse_toTheirServiceDomain() {
        SrvName name = SrvName.parse("_udp._udp.ring-server.ringlab.svc.cluster.local.");

        assertThat(name.name()).isEqualTo("_udp._udp.ring-server.ringlab.svc.cluster.local");
        assertThat(name.serviceDomain()).isEqualTo("ring-server.ringlab.svc.cluster.local");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ring-server.ringlab.svc.cluster.local",
                "_udp.ring-server",
                "_udp._sctp.ring-server",
                "_udp._udp.ring_server.ns",
                "_udp._udp..ns",
                "__._udp.ring-server"
            })
    void otherNames_areRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SrvName.parse(text));
    }

    @Test
    void onlyHostsOneLabelUnderTheServiceDomain_areAccepted() {
        SrvName name = SrvName.parse("_udp._udp.ring-server.ringlab.svc.cluster.local");

        assertThat(name.accepts("ring-server-0.ring-server.ringlab.svc.cluster.local"))
                .isTrue();
        assertThat(name.accepts("ring-server.ringlab.svc.cluster.local")).isFalse();
        assertThat(name.accepts("a.b.ring-server.ringlab.svc.cluster.local")).isFalse();
        assertThat(name.accepts("evil.example.com")).isFalse();
        assertThat(name.accepts("x.other-ring-server.ringlab.svc.cluster.local"))
                .isFalse();
        assertThat(name.accepts("bad_label.ring-server.ringlab.svc.cluster.local"))
                .isFalse();
        assertThat(name.accepts("-x.ring-server.ringlab.svc.cluster.local")).isFalse();
    }
}
