package io.ringlab.client.config;

import io.ringlab.support.config.HostAndPortConverter;
import io.ringlab.support.control.ControlLimits;
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

/** {@code ringlab.client.*}: each bad value stops startup with one line naming it; good values bind. */
class LoadClientPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.client.name=  => ringlab.client.name=: must not be blank
            ringlab.client.threads=0 => ringlab.client.threads=0: must be greater than or equal to 1
            ringlab.client.threads=100001 => ringlab.client.threads=100001: must be less than or equal to 100000
            ringlab.client.rate=-5 => ringlab.client.rate=-5.0: must be greater than or equal to 0
            ringlab.client.rate=1000001 => ringlab.client.rate=1000001.0: must be less than or equal to 1000000
            ringlab.client.max-in-flight=0 => ringlab.client.max-in-flight=0: must be greater than or equal to 1
            ringlab.client.timeout=0s => ringlab.client.timeout=PT0S: must be longer than or equal to 1 milli
            ringlab.client.payload=1,2,300 => ringlab.client.payload[2]=300: must be less than or equal to 255
            ringlab.client.reply-port=70000 => ringlab.client.reply-port=70000: must be less than or equal to 65535
            ringlab.client.max-requests=-1 => ringlab.client.max-requests=-1: must be greater than or equal to 0
            ringlab.client.udp.max-datagram-size=100 => ringlab.client.udp.max-datagram-size=100: must be greater than or equal to 512
            """)
    void eachBadValueIsNamed(String property, String line) {
        assertFailsWith(runner, "Invalid configuration: " + line, property.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", textBlock = """
            ringlab.client.agent=nonsense => ringlab.client.agent=nonsense:
            ringlab.client.closed-loop=fibers => ringlab.client.closed-loop=fibers:
            ringlab.client.threads=many => ringlab.client.threads=many:
            """)
    void aValueOfTheWrongKindIsNamed(String property, String start) {
        runner.withPropertyValues(property)
                .run(context ->
                        assertThat(lineOf(context.getStartupFailure())).startsWith("Invalid configuration: " + start));
    }

    @Test
    void theDefaultsStart() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            LoadClientProperties client = context.getBean(LoadClientProperties.class);
            assertThat(client.loadSettings().threads()).isEqualTo(500);
            assertThat(client.payloadBytes()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void theControlLimitsAreGoodValues() {
        assertStarts(
                runner,
                "ringlab.client.threads=" + ControlLimits.MAX_THREADS,
                "ringlab.client.rate=" + ControlLimits.MAX_RATE_TEXT);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LoadClientProperties.class)
    @Import(HostAndPortConverter.class)
    static class Bound {}
}
