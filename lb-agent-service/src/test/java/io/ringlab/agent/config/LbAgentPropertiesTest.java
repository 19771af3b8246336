package io.ringlab.agent.config;

import io.ringlab.support.config.HostAndPortConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static io.ringlab.support.config.ConfigurationLines.assertFailsWith;
import static io.ringlab.support.config.ConfigurationLines.assertStarts;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringlab.agent.*}: each bad value stops startup with one line naming it; good values bind. */
class LbAgentPropertiesTest {

    private static final String SRV = "_udp._udp.ring-server.ringlab.svc.cluster.local";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.agent.servers= => ringlab.agent.servers: must list at least one ring server (host:port), or set ringlab.agent.discovery.srv to find them in DNS
            ringlab.agent.servers=localhost:1; ringlab.agent.discovery.srv=_udp._udp.ring-server.ringlab.svc.cluster.local => ringlab.agent.discovery.srv: given together with ringlab.agent.servers; give one of them: a fixed list, or discovery
            ringlab.agent.servers=; ringlab.agent.discovery.srv=ring-server.ringlab.svc.cluster.local => ringlab.agent.discovery.srv: 'ring-server.ringlab.svc.cluster.local' is not an SRV name _<port-name>._<udp|tcp>.<domain> (e.g. _udp._udp.ring-server.ringlab.svc.cluster.local)
            ringlab.agent.servers=; ringlab.agent.discovery.srv=_udp._udp.ring-server.ringlab.svc.cluster.local; ringlab.agent.weights=1 => ringlab.agent.weights: weights follow the order of ringlab.agent.servers; discovered servers all weigh 1
            ringlab.agent.servers=localhost:1,localhost:2; ringlab.agent.weights=1,2,3 => ringlab.agent.weights: 3 weights for 2 servers; give one per server, or none
            ringlab.agent.servers=localhost:1; ringlab.agent.strategy=random => ringlab.agent.strategy: unknown strategy 'random'; known: [round-robin, least-outstanding, p2c-outstanding, p2c-latency, weighted-round-robin]
            ringlab.agent.servers=localhost:1; ringlab.agent.retry.per-try-timeout=5s => ringlab.agent.retry.per-try-timeout: 5000ms is not shorter than ringlab.agent.request-timeout (3000ms): no retry could ever happen; shorten it, or set ringlab.agent.retry.max-tries=1
            """)
    void checksTogetherNameTheProperty(String properties, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, properties.split("; "));
    }

    @Test
    void aPerTryTimeoutAsLongAsTheRequestsIsGoodWithoutRetries() {
        assertStarts(runner, "ringlab.agent.servers=localhost:1", "ringlab.agent.retry.per-try-timeout=5s",
                "ringlab.agent.retry.max-tries=1");
    }

    @Test
    void aFixedListWithWeightsStarts() {
        runner.withPropertyValues("ringlab.agent.servers=localhost:1,localhost:2", "ringlab.agent.weights=1,3",
                "ringlab.agent.strategy=weighted-round-robin").run(context -> {
                    assertThat(context).hasNotFailed();
                    LbAgentProperties agent = context.getBean(LbAgentProperties.class);
                    assertThat(agent.weights()).containsExactly(1, 3);
                    assertThat(agent.strategy()).isEqualTo("weighted-round-robin");
                });
    }

    @Test
    void discoveryAloneStarts() {
        runner.withPropertyValues("ringlab.agent.servers=", "ringlab.agent.discovery.srv=" + SRV).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LbAgentProperties.class).discovery().srvName().name()).isEqualTo(SRV);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LbAgentProperties.class)
    @Import(HostAndPortConverter.class)
    static class Bound {
    }
}
