package io.ringlab.agent.config;

import io.ringlab.support.config.HostAndPortConverter;
import io.ringlab.support.transport.TransportProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static io.ringlab.support.config.ConfigurationLines.assertFailsWith;
import static io.ringlab.support.config.ConfigurationLines.assertStarts;
import static io.ringlab.support.config.ConfigurationLines.lineOf;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.agent.name= => ringlab.agent.name=: must not be blank
            ringlab.agent.client-port=70000 => ringlab.agent.client-port=70000: must be less than or equal to 65535
            ringlab.agent.server-port=-1 => ringlab.agent.server-port=-1: must be greater than or equal to 0
            ringlab.agent.strategy= => ringlab.agent.strategy=: must not be blank
            ringlab.agent.weights=0 => ringlab.agent.weights[0]=0: must be greater than or equal to 1
            ringlab.agent.weights=1001 => ringlab.agent.weights[0]=1001: must be less than or equal to 1000
            ringlab.agent.request-timeout=0s => ringlab.agent.request-timeout=PT0S: must be longer than or equal to 1 milli
            ringlab.agent.max-pending=0 => ringlab.agent.max-pending=0: must be greater than or equal to 1
            ringlab.agent.resolve-interval=0s => ringlab.agent.resolve-interval=PT0S: must be longer than or equal to 1 milli
            ringlab.agent.report-interval=0s => ringlab.agent.report-interval=PT0S: must be longer than or equal to 1 milli
            ringlab.agent.retry.max-tries=0 => ringlab.agent.retry.max-tries=0: must be greater than or equal to 1
            ringlab.agent.retry.max-tries=11 => ringlab.agent.retry.max-tries=11: must be less than or equal to 10
            ringlab.agent.retry.budget-percent=1001 => ringlab.agent.retry.budget-percent=1001: must be less than or equal to 1000
            ringlab.agent.health.interval=0s => ringlab.agent.health.interval=PT0S: must be longer than or equal to 1 milli
            ringlab.agent.health.misses-to-mark-down=0 => ringlab.agent.health.misses-to-mark-down=0: must be greater than or equal to 1
            ringlab.agent.outliers.max-ejection-percent=101 => ringlab.agent.outliers.max-ejection-percent=101: must be less than or equal to 100
            ringlab.agent.outliers.base-ejection=0s => ringlab.agent.outliers.base-ejection=PT0S: must be longer than or equal to 1 milli
            ringlab.agent.udp.max-datagram-size=100 => ringlab.agent.udp.max-datagram-size=100: must be greater than or equal to 512
            ringlab.agent.raw.burst=0 => ringlab.agent.raw.burst=0: must be greater than or equal to 1
            """)
    void eachBadValueIsNamed(String property, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, "ringlab.agent.servers=localhost:1", property);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.agent.discovery.refresh=100ms => ringlab.agent.discovery.refresh=PT0.1S: must be longer than or equal to 1 second
            ringlab.agent.discovery.refresh=11m => ringlab.agent.discovery.refresh=PT11M: must be shorter than or equal to 10 minutes
            ringlab.agent.discovery.max-servers=65 => ringlab.agent.discovery.max-servers=65: must be less than or equal to 64
            ringlab.agent.discovery.timeout=5ms => ringlab.agent.discovery.timeout=PT0.005S: must be longer than or equal to 10 millis
            """)
    void eachBadDiscoveryValueIsNamed(String property, String line) {
        assertFailsWith(
                runner,
                "Invalid configuration: " + line,
                "ringlab.agent.servers=",
                "ringlab.agent.discovery.srv=" + SRV,
                property);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.agent.servers=localhost:4242,nonsense => ringlab.agent.servers
            ringlab.agent.client-port=forty-two => ringlab.agent.client-port=forty-two:
            ringlab.transport.kind=epoll => ringlab.transport.kind=epoll:
            """)
    void aValueOfTheWrongKindIsNamed(String property, String start) {
        runner.withPropertyValues("ringlab.agent.servers=localhost:1", property)
                .run(context ->
                        assertThat(lineOf(context.getStartupFailure())).startsWith("Invalid configuration: " + start));
    }

    @Test
    void aPerTryTimeoutAsLongAsTheRequestsIsGoodWithoutRetries() {
        assertStarts(
                runner,
                "ringlab.agent.servers=localhost:1",
                "ringlab.agent.retry.per-try-timeout=5s",
                "ringlab.agent.retry.max-tries=1");
    }

    @Test
    void aFixedListWithWeightsStarts() {
        runner.withPropertyValues(
                        "ringlab.agent.servers=localhost:1,localhost:2",
                        "ringlab.agent.weights=1,3",
                        "ringlab.agent.strategy=weighted-round-robin")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    LbAgentProperties agent = context.getBean(LbAgentProperties.class);
                    assertThat(agent.weights()).containsExactly(1, 3);
                    assertThat(agent.strategy()).isEqualTo("weighted-round-robin");
                });
    }

    @Test
    void discoveryAloneStarts() {
        runner.withPropertyValues("ringlab.agent.servers=", "ringlab.agent.discovery.srv=" + SRV)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(LbAgentProperties.class)
                                    .discovery()
                                    .srvName()
                                    .name())
                            .isEqualTo(SRV);
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({LbAgentProperties.class, TransportProperties.class})
    @Import(HostAndPortConverter.class)
    static class Bound {}
}
