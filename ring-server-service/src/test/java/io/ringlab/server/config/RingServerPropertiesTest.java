package io.ringlab.server.config;

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
import static io.ringlab.support.config.ConfigurationLines.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ringlab.server.*}: each bad value stops startup with one line naming it; good values bind. */
class RingServerPropertiesTest {

    private static final String RING = "ringlab.server.ring.peers=localhost:1,localhost:2,localhost:3";
    private static final String SELF = "ringlab.server.ring.self=localhost:1";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.server.ring.peers=localhost:1,localhost:2; ringlab.server.ring.self=localhost:1 => ringlab.server.ring.peers: a ring needs at least 3 servers, got [localhost:1, localhost:2]
            ringlab.server.ring.peers=localhost:1,localhost:1,localhost:2; ringlab.server.ring.self=localhost:1 => ringlab.server.ring.peers: lists a server twice: [localhost:1, localhost:1, localhost:2]
            ringlab.server.ring.peers=localhost:1,localhost:2,localhost:3 => ringlab.server.ring.self: not set; it must be one of ringlab.server.ring.peers [localhost:1, localhost:2, localhost:3]
            ringlab.server.ring.drain=15s => ringlab.server.ring.drain: PT15S must be between 0 and downtime (PT15S)
            ringlab.server.ring.drain=-1ms => ringlab.server.ring.drain: PT-0.001S must be between 0 and downtime (PT15S)
            ringlab.server.ring.election-interval=0s => ringlab.server.ring.election-interval: interval must be positive, was PT0S
            ringlab.server.ring.downtime=0s => ringlab.server.ring.drain: PT0.25S must be between 0 and downtime (PT0S)
            ringlab.server.ring.guard=-1s => ringlab.server.ring.guard: guard must be positive, was PT-1S
            ringlab.server.ring.probe-interval=0s => ringlab.server.ring.probe-interval: probe-interval must be positive, was PT0S
            ringlab.server.ring.round-timeout=200ms => ringlab.server.ring.retransmit-timeout: retransmit-timeout (PT0.2S) must be shorter than round-timeout (PT0.2S)
            """)
    void ringChecksNameTheProperty(String properties, String line) {
        // rows about the timers check a valid ring of three; rows about the members give their own
        ApplicationContextRunner ring =
                properties.contains("ring.peers=") ? runner : runner.withPropertyValues(RING, SELF);
        assertFailsWith(ring, "Invalid configuration: " + line, properties.split("; "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.server.name= => ringlab.server.name=: must not be blank
            ringlab.server.port=-1 => ringlab.server.port=-1: must be greater than or equal to 0
            ringlab.server.port=70000 => ringlab.server.port=70000: must be less than or equal to 65535
            ringlab.server.max-agents=0 => ringlab.server.max-agents=0: must be greater than or equal to 1
            ringlab.server.report-interval=0s => ringlab.server.report-interval=PT0S: must be longer than or equal to 1 milli
            ringlab.server.udp.max-datagram-size=511 => ringlab.server.udp.max-datagram-size=511: must be greater than or equal to 512
            ringlab.server.udp.max-datagram-size=65508 => ringlab.server.udp.max-datagram-size=65508: must be less than or equal to 65507
            ringlab.server.udp.socket-receive-buffer=-1 => ringlab.server.udp.socket-receive-buffer=-1: must be greater than or equal to 0
            ringlab.server.raw.rate-per-source=-1 => ringlab.server.raw.rate-per-source=-1: must be greater than or equal to 0
            ringlab.server.raw.burst=0 => ringlab.server.raw.burst=0: must be greater than or equal to 1
            ringlab.server.ring.suspect-after=0 => ringlab.server.ring.suspect-after=0: must be greater than or equal to 1
            ringlab.server.ring.history-size=0 => ringlab.server.ring.history-size=0: must be greater than or equal to 1
            ringlab.server.ring.inbox-capacity=0 => ringlab.server.ring.inbox-capacity=0: must be greater than or equal to 1
            """)
    void eachBadValueIsNamed(String property, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, property);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.server.port=forty-two => ringlab.server.port=forty-two:
            ringlab.server.ring.peers=localhost:1,nonsense => ringlab.server.ring.peers
            ringlab.server.ring.downtime=soon => ringlab.server.ring.downtime=soon:
            """)
    void aValueOfTheWrongKindIsNamed(String property, String start) {
        runner.withPropertyValues(property)
                .run(context ->
                        assertThat(lineOf(context.getStartupFailure())).startsWith("Invalid configuration: " + start));
    }

    @Test
    void aLoneServerStarts() {
        assertStarts(runner);
        runner.run(context -> assertThat(
                        context.getBean(RingServerProperties.class).ring().enabled())
                .isFalse());
    }

    @Test
    void aRingOfThreeStartsAndGivesItsElectionSettings() {
        runner.withPropertyValues(RING, SELF, "ringlab.server.ring.drain=1s", "ringlab.server.ring.downtime=2s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RingProperties ring =
                            context.getBean(RingServerProperties.class).ring();
                    assertThat(ring.peerIds()).containsExactly("localhost:1", "localhost:2", "localhost:3");
                    assertThat(ring.selfIsMember()).isTrue();
                    assertThat(ring.settings().downtime()).hasSeconds(2);
                });
    }

    @Test
    void aServerLeftOutOfItsRingStartsButIsNoMember() {
        runner.withPropertyValues(RING, "ringlab.server.ring.self=localhost:4").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RingServerProperties.class).ring().selfIsMember())
                    .isFalse();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RingServerProperties.class)
    @Import(HostAndPortConverter.class)
    static class Bound {}
}
