package io.ringlab.dashboard.config;

import io.ringlab.support.config.HostAndPortConverter;
import io.ringlab.support.control.BalancingStrategyNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static io.ringlab.support.config.ConfigurationLines.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ringlab.dashboard.*} and the cluster's credential: each bad value stops startup with one line naming it;
 * good values bind. (DashboardConfigurationTest starts the whole dashboard for a few of them.)
 */
class DashboardPropertiesTest {

    private static final String SRV = "_http._tcp.ring-server.ringlab.svc.cluster.local";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class)
            .withPropertyValues("ringlab.security.password=x");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.dashboard.servers[0].name=server-1; ringlab.dashboard.servers[0].url=http://a:1; ringlab.dashboard.agents[0].name=server-1; ringlab.dashboard.agents[0].url=http://b:1 => ringlab.dashboard: two services are named 'server-1'; names must be unique (they select the target of a control)
            ringlab.dashboard.servers[0].name=server 1; ringlab.dashboard.servers[0].url=http://a:1 => ringlab.dashboard: service name 'server 1': use letters, digits, '.', '_' and '-' only (it is part of control URLs)
            ringlab.dashboard.agents[0].name=agent-1; ringlab.dashboard.agents[0].url=localhost:8101 => ringlab.dashboard.agents[0].url: 'localhost:8101' is not an http:// or https:// URL with a host
            ringlab.dashboard.grafana-url=grafana:3000 => ringlab.dashboard.grafana-url: 'grafana:3000' is not an http:// or https:// URL with a host
            ringlab.dashboard.lab-url=ftp://lab:8300 => ringlab.dashboard.lab-url: 'ftp://lab:8300' is not an http:// or https:// URL with a host
            ringlab.dashboard.poll-timeout=2s => ringlab.dashboard.poll-timeout: PT2S is longer than poll-interval PT1S: a slow service would stall the page
            ringlab.dashboard.max-body-size=10B => ringlab.dashboard.max-body-size: 10B is not from 1KB to 64MB
            ringlab.dashboard.max-body-size=65MB => ringlab.dashboard.max-body-size: 68157440B is not from 1KB to 64MB
            ringlab.dashboard.servers[0].name=server-1; ringlab.dashboard.servers[0].url=http://a:1; ringlab.dashboard.discovery.servers=_http._tcp.ring-server.ringlab.svc.cluster.local => ringlab.dashboard.discovery.servers: given together with ringlab.dashboard.servers; give one of them: a fixed list, or discovery
            ringlab.dashboard.discovery.agents=lb-agent.ringlab.svc.cluster.local => ringlab.dashboard.discovery.agents: 'lb-agent.ringlab.svc.cluster.local' is not an SRV name _<port-name>._<udp|tcp>.<domain> (e.g. _udp._udp.ring-server.ringlab.svc.cluster.local)
            ringlab.dashboard.clients[0].url=http://127.0.0.1:8201 => ringlab.dashboard.clients[0].name=(not set): must not be blank
            ringlab.dashboard.clients[0].name=client-1 => ringlab.dashboard.clients[0].url=(not set): must not be null
            ringlab.dashboard.poll-interval=10ms; ringlab.dashboard.poll-timeout=5ms => ringlab.dashboard.poll-interval=PT0.01S: must be longer than or equal to 100 millis
            ringlab.dashboard.poll-interval=2m => ringlab.dashboard.poll-interval=PT2M: must be shorter than or equal to 1 minute
            ringlab.dashboard.misses-to-mark-unreachable=0 => ringlab.dashboard.misses-to-mark-unreachable=0: must be greater than or equal to 1
            ringlab.dashboard.control-timeout=0s => ringlab.dashboard.control-timeout=PT0S: must be longer than or equal to 1 milli
            ringlab.dashboard.history=2h => ringlab.dashboard.history=PT2H: must be shorter than or equal to 1 hour
            ringlab.dashboard.discovery.refresh=10ms => ringlab.dashboard.discovery.refresh=PT0.01S: must be longer than or equal to 1 second
            ringlab.dashboard.discovery.max-services=0 => ringlab.dashboard.discovery.max-services=0: must be greater than or equal to 1
            ringlab.security.password= => ringlab.security.password=: must be set (environment RINGLAB_SECURITY_PASSWORD); the local run generates one
            ringlab.security.username= => ringlab.security.username=: must not be blank
            """)
    void eachBadValueIsNamed(String properties, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, properties.split("; "));
    }

    @Test
    void theDefaultsStartWithTheAgentsStrategies() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DashboardProperties dashboard = context.getBean(DashboardProperties.class);
            assertThat(dashboard.strategies()).isEqualTo(BalancingStrategyNames.ALL);
            assertThat(dashboard.samplesKept()).isEqualTo(300);
        });
    }

    @Test
    void listsForSomeRolesAndDiscoveryForAnotherStart() {
        runner.withPropertyValues(
                        "ringlab.dashboard.servers[0].name=server-1",
                        "ringlab.dashboard.servers[0].url=http://127.0.0.1:8001/",
                        "ringlab.dashboard.discovery.agents=" + SRV,
                        "ringlab.dashboard.lab-url=http://127.0.0.1:8300")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DashboardProperties dashboard = context.getBean(DashboardProperties.class);
                    assertThat(dashboard.servers().get(0).resolve("/api/status"))
                            .hasToString("http://127.0.0.1:8001/api/status");
                    assertThat(dashboard.discovery().enabled()).isTrue();
                    assertThat(dashboard.lab()).isPresent();
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({DashboardProperties.class, ClusterCredential.class})
    @Import(HostAndPortConverter.class)
    static class Bound {}
}
