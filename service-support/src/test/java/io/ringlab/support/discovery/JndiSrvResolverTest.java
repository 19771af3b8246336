package io.ringlab.support.discovery;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The JDK's DNS client against a real DNS server (dnsmasq on an ephemeral port). */
class JndiSrvResolverTest {

    private static final String SERVICE = "_udp._udp.ring-server.lab.svc.cluster.local";

    @BeforeAll
    static void needsDnsmasq() {
        assumeTrue(DnsmasqServer.executable() != null, "dnsmasq is not installed (bin/install-deps test)");
    }

    @Test
    void resolvesSrvTargetsWithTheirAddresses_andFollowsChanges() throws Exception {
        try (DnsmasqServer dns = DnsmasqServer.start(
                List.of(record("ring-server-0", 4242, "127.0.0.1"), record("ring-server-1", 4243, "127.0.0.2")))) {
            SrvResolver resolver = new JndiSrvResolver(dns.address(), Duration.ofMillis(500));

            assertThat(sorted(resolver.resolve(SERVICE)))
                    .containsExactly(
                            new SrvTarget(
                                    "ring-server-0.ring-server.lab.svc.cluster.local",
                                    4242,
                                    InetAddress.getByName("127.0.0.1")),
                            new SrvTarget(
                                    "ring-server-1.ring-server.lab.svc.cluster.local",
                                    4243,
                                    InetAddress.getByName("127.0.0.2")));

            dns.serve(List.of(record("ring-server-1", 4243, "127.0.0.2")));
            assertThat(resolver.resolve(SERVICE))
                    .extracting(SrvTarget::firstLabel)
                    .containsExactly("ring-server-1");
        }
    }

    @Test
    void aServerThatDoesNotAnswer_isAFailure_notAnEmptyAnswer() throws Exception {
        DnsmasqServer dns = DnsmasqServer.start(List.of(record("ring-server-0", 4242, "127.0.0.1")));
        SrvResolver resolver = new JndiSrvResolver(dns.address(), Duration.ofMillis(100));
        dns.close();

        assertThatThrownBy(() -> resolver.resolve(SERVICE)).isInstanceOf(DiscoveryException.class);
    }

    private static DnsmasqServer.Record record(String pod, int port, String address) {
        return new DnsmasqServer.Record(SERVICE, pod + ".ring-server.lab.svc.cluster.local", port, address);
    }

    private static List<SrvTarget> sorted(List<SrvTarget> targets) {
        return targets.stream().sorted(Comparator.comparing(SrvTarget::host)).toList();
    }
}
