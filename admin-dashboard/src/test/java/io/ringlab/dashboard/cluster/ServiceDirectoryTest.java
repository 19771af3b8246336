package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties;
import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.support.discovery.DiscoveryException;
import io.ringlab.support.discovery.SrvTarget;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's services by role, with a scripted DNS. */
class ServiceDirectoryTest {

    private static final String SERVERS = "_http._tcp.ring-server.lab.svc.cluster.local";

    private final List<Object> answers = new ArrayList<>();
    private final Service fixedAgent = new Service("agent-1", URI.create("http://127.0.0.1:8101"));
    private final ServiceDirectory directory = new ServiceDirectory(properties(), srv -> {
        assertThat(srv).isEqualTo(SERVERS);
        Object next = answers.remove(0);
        if (next instanceof DiscoveryException failure) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        List<SrvTarget> targets = (List<SrvTarget>) next;
        return targets;
    });

    @Test
    void aRoleWithAnSrvNameFollowsDns_aFailureKeepsWhatWasKnown_anEmptyAnswerEmptiesIt() throws Exception {
        assertThat(directory.servers()).as("before the first answer").isEmpty();

        answers.add(List.of(target("ring-server-1", "10.0.0.1"), target("ring-server-0", "10.0.0.0")));
        directory.refresh();
        assertThat(directory.servers()).extracting(Service::name).containsExactly("ring-server-0", "ring-server-1");

        answers.add(new DiscoveryException("no answer from DNS"));
        directory.refresh();
        assertThat(directory.servers()).extracting(Service::name).containsExactly("ring-server-0", "ring-server-1");

        answers.add(List.of());
        directory.refresh();
        assertThat(directory.servers()).isEmpty();

        assertThat(directory.agents())
                .as("a role without an SRV name keeps its list")
                .containsExactly(fixedAgent);
        assertThat(answers)
                .as("DNS was asked once a refresh, for the servers only")
                .isEmpty();
    }

    private DashboardProperties properties() {
        return new DashboardProperties(
                List.of(),
                List.of(fixedAgent),
                List.of(),
                Duration.ofSeconds(1),
                Duration.ofMillis(800),
                2,
                Duration.ofSeconds(5),
                DataSize.ofMegabytes(1),
                Duration.ofMinutes(5),
                List.of("round-robin"),
                new DashboardProperties.Discovery(
                        SERVERS, "", "", Duration.ofSeconds(5), 64, null, Duration.ofSeconds(1)),
                null,
                null);
    }

    private static SrvTarget target(String pod, String address) throws Exception {
        return new SrvTarget(pod + ".ring-server.lab.svc.cluster.local", 8080, InetAddress.getByName(address));
    }
}
