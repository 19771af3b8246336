package io.ringlab.launcher.lab.layout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabLayoutTest {

    @Test
    void laysOutTheSeedsFiveMachines() {
        LabLayout layout = LabLayout.of("rl00aa", 3, 2, 2, 5, null);
        assertThat(layout.hosts())
                .extracting(LabHost::name)
                .containsExactly("client-1", "client-2", "server-1", "server-2", "server-3");
        assertThat(layout.host("agent-2").name()).isEqualTo("client-2");
        assertThat(layout.host("client-1").processes()).containsExactly("client-1", "agent-1");
        assertThat(layout.host("server-3").ipv4()).isEqualTo("198.18.5.103");
        assertThat(layout.host("server-3").namespace()).isEqualTo("rl00aa-server-3");
        assertThat(layout.serverId(2)).isEqualTo("server-2.lab.test:4242");
        assertThat(layout.agentEndpoint(1)).isEqualTo("client-1.lab.test:4245");
        assertThat(layout.machineIpv4()).isEqualTo("198.18.5.1");
        assertThat(layout.dnsIpv4()).isEqualTo("198.18.5.2");
    }

    @Test
    void usesTheWholeBenchmarkingRangeAndNoOther() {
        assertThat(LabLayout.of("rl00aa", 3, 2, 2, 0, null).subnet()).isEqualTo("198.18.0");
        assertThat(LabLayout.of("rl00aa", 3, 2, 2, 511, null).subnet()).isEqualTo("198.19.255");
        assertThatThrownBy(() -> LabLayout.of("rl00aa", 3, 2, 2, 512, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moreServersAndNoClientsStillGiveEachProcessAHost() {
        LabLayout layout = LabLayout.of("rl00aa", 5, 2, 0, 7, null);
        assertThat(layout.hosts())
                .extracting(LabHost::name)
                .containsExactly("client-1", "client-2", "server-1", "server-2", "server-3", "server-4", "server-5");
        assertThat(layout.processes())
                .containsExactly("agent-1", "agent-2", "server-1", "server-2", "server-3", "server-4", "server-5");
    }

    @Test
    void hostsFileNamesEveryAddressOfEveryHost() {
        LabLayout layout = LabLayout.of("rl00aa", 3, 2, 2, 5, "fd12:3456:789a:1::");
        assertThat(layout.host("server-1").ipv6()).isEqualTo("fd12:3456:789a:1::65");
        assertThat(layout.hostsFile())
                .contains("198.18.5.101 server-1.lab.test server-1\n")
                .contains("fd12:3456:789a:1::65 server-1.lab.test server-1\n")
                .contains("198.18.5.11 client-1.lab.test client-1\n");
    }
}
