package io.ringlab.dashboard.cluster;

import com.sun.net.httpserver.HttpServer;
import io.ringlab.dashboard.DashboardApplication;
import io.ringlab.support.discovery.DnsmasqServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard finds its services in a real DNS server (dnsmasq on an ephemeral port, serving the SRV records of the
 * headless Services' {@code http} ports) and follows them as they come and go.
 */
class DashboardDiscoveryTest {

    private static final String SERVERS = "_http._tcp.ring-server.lab.svc.cluster.local";
    private static final String AGENTS = "_http._tcp.lb-agent.lab.svc.cluster.local";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @BeforeAll
    static void needsDnsmasq() {
        assumeTrue(DnsmasqServer.executable() != null, "dnsmasq is not installed (bin/install-deps test)");
    }

    @Test
    void servicesAppearAndDisappearWithTheirDnsRecords() throws Exception {
        HttpServer server0 = statusServer("{\"role\": \"ring-server\", \"instance\": \"ring-server-0\"}");
        HttpServer server1 = statusServer("{\"role\": \"ring-server\", \"instance\": \"ring-server-1\"}");
        HttpServer agent = statusServer("{\"instance\": \"lb-agent-5d8f-x2x7q\", \"servers\": []}");
        DnsmasqServer.Record agentRecord = new DnsmasqServer.Record(
                AGENTS,
                "lb-agent-5d8f-x2x7q.lb-agent.lab.svc.cluster.local",
                agent.getAddress().getPort(),
                "127.0.0.1");
        try (DnsmasqServer dns = DnsmasqServer.start(List.of(server("ring-server-0", server0), agentRecord));
                ConfigurableApplicationContext dashboard = DashboardApplication.application()
                        .run(
                                "--server.port=0",
                                "--server.address=127.0.0.1",
                                "--spring.jmx.enabled=false",
                                "--ringlab.security.password=x",
                                "--ringlab.dashboard.poll-interval=200ms",
                                "--ringlab.dashboard.poll-timeout=150ms",
                                "--ringlab.dashboard.discovery.servers=" + SERVERS,
                                "--ringlab.dashboard.discovery.agents=" + AGENTS,
                                "--ringlab.dashboard.discovery.refresh=1s",
                                "--ringlab.dashboard.discovery.dns-server=" + dns.address())) {
            ClusterPoller poller = dashboard.getBean(ClusterPoller.class);

            await("ring-server-0 and the agent found and polled")
                    .atMost(PATIENCE)
                    .until(() -> reachable(poller.latest().servers()).equals(List.of("ring-server-0"))
                            && reachable(poller.latest().agents()).equals(List.of("lb-agent-5d8f-x2x7q")));

            dns.serve(List.of(server("ring-server-0", server0), server("ring-server-1", server1), agentRecord));
            await("ring-server-1 added")
                    .atMost(PATIENCE)
                    .until(() ->
                            reachable(poller.latest().servers()).equals(List.of("ring-server-0", "ring-server-1")));

            dns.serve(List.of(server("ring-server-1", server1)));
            await("ring-server-0 removed")
                    .atMost(PATIENCE)
                    .until(() -> names(poller.latest().servers()).equals(List.of("ring-server-1")));
            assertThat(dashboard
                            .getBean(ServiceDirectory.class)
                            .servers()
                            .get(0)
                            .url()
                            .toString())
                    .isEqualTo("http://127.0.0.1:" + server1.getAddress().getPort());
            assertThat(names(poller.latest().agents()))
                    .as("a name DNS does not answer for keeps its services")
                    .containsExactly("lb-agent-5d8f-x2x7q");
        } finally {
            server0.stop(0);
            server1.stop(0);
            agent.stop(0);
        }
    }

    private static DnsmasqServer.Record server(String pod, HttpServer http) {
        return new DnsmasqServer.Record(
                SERVERS,
                pod + ".ring-server.lab.svc.cluster.local",
                http.getAddress().getPort(),
                "127.0.0.1");
    }

    private static List<String> reachable(List<ServiceView> views) {
        return views.stream().filter(ServiceView::fresh).map(ServiceView::name).toList();
    }

    private static List<String> names(List<ServiceView> views) {
        return views.stream().map(ServiceView::name).toList();
    }

    private static HttpServer statusServer(String status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().equals("/api/status") ? status : "{}").getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
