package io.ringlab.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostAndPortTest {

    @Test
    void parsesNameAndPort() {
        assertThat(HostAndPort.parse("ring-server-1.ring-server:4242"))
                .isEqualTo(new HostAndPort("ring-server-1.ring-server", 4242));
    }

    @Test
    void parsesBracketedIpv6AndPrintsItBack() {
        HostAndPort v6 = HostAndPort.parse("[::1]:4245");
        assertThat(v6).isEqualTo(new HostAndPort("::1", 4245));
        assertThat(v6.toString()).isEqualTo("[::1]:4245");
    }

    @Test
    void refusesWhatIsNotHostAndPort() {
        assertThatThrownBy(() -> HostAndPort.parse("nonsense")).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> HostAndPort.parse("::1:4245")).hasMessageContaining("[addr]:port");
        assertThatThrownBy(() -> HostAndPort.parse("host:http")).hasMessageContaining("numeric port");
        assertThatThrownBy(() -> HostAndPort.parse("host:70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> HostAndPort.parse("")).hasMessageContaining("empty");
    }

    @Test
    void keepsTheLastGoodAddressWhenTheNameStopsResolving() {
        HostAndPort gone = new HostAndPort("no-such-host.invalid", 4242);
        java.net.InetSocketAddress last = new java.net.InetSocketAddress("127.0.0.1", 4242);
        assertThat(gone.resolveAgain(last)).isSameAs(last);
        assertThat(gone.resolveAgain(null).isUnresolved()).isTrue();
        assertThat(new HostAndPort("localhost", 4242).resolveAgain(last).isUnresolved())
                .isFalse();
    }

    @Test
    void keepsTheNameUnresolvedUntilAsked() {
        assertThat(new HostAndPort("localhost", 1).resolve().isUnresolved()).isFalse();
    }
}
