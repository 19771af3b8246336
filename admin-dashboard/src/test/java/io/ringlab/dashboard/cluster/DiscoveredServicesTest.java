package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.discovery.SrvTarget;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveredServicesTest {

    private static final SrvName SRV = SrvName.parse("_http._tcp.ring-server.lab.svc.cluster.local");

    @Test
    void podsBecomeServicesNamedAfterThem_inRingOrder_atTheirAddress() {
        List<Service> services = DiscoveredServices.of(
                List.of(
                        target("ring-server-10", "10.0.0.10"),
                        target("ring-server-2", "10.0.0.2"),
                        target("ring-server-0", "fd00::1")),
                SRV,
                10);

        assertThat(services)
                .containsExactly(
                        new Service("ring-server-0", URI.create("http://[fd00:0:0:0:0:0:0:1]:8080")),
                        new Service("ring-server-2", URI.create("http://10.0.0.2:8080")),
                        new Service("ring-server-10", URI.create("http://10.0.0.10:8080")));
    }

    @Test
    void targetsOutsideTheService_orWithoutAnAddress_areLeftOut_andAtMostMaxAreKept() {
        List<Service> services = DiscoveredServices.of(
                List.of(
                        new SrvTarget("evil.example.com", 8080, address("10.6.6.6")),
                        new SrvTarget("nameless.ring-server.lab.svc.cluster.local", 8080, null),
                        target("ring-server-1", "10.0.0.1"),
                        target("ring-server-0", "10.0.0.0"),
                        target("ring-server-2", "10.0.0.2")),
                SRV,
                2);

        assertThat(services).extracting(Service::name).containsExactly("ring-server-0", "ring-server-1");
    }

    private static SrvTarget target(String pod, String address) {
        return new SrvTarget(pod + ".ring-server.lab.svc.cluster.local", 8080, address(address));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
