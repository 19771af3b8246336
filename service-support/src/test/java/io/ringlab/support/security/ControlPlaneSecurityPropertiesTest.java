package io.ringlab.support.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.Map;

import static io.ringlab.support.config.StartupFailures.assertStopsNaming;
import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's settings: defaults, and a service that stops at once on a bad one, naming it. */
@ExtendWith(OutputCaptureExtension.class)
class ControlPlaneSecurityPropertiesTest {

    @Test
    void theThrottleDefaultsToFiveFailuresAMinuteOverTenThousandAddresses() {
        ControlPlaneSecurityProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("ringlab.security", ControlPlaneSecurityProperties.class);

        assertThat(defaults.throttle())
                .isEqualTo(new ControlPlaneSecurityProperties.Throttle(5, Duration.ofMinutes(1), 10_000));
        assertThat(new ControlPlaneSecurityProperties("admin", "s3cret", defaults.throttle()).toString())
                .contains("maxFailures=5")
                .doesNotContain("s3cret");
    }

    @Test
    void withNoFailuresAllowed(CapturedOutput output) {
        assertStopsNaming(
                service(),
                output,
                "ringlab.security.throttle.max-failures=0: must be greater than or equal to 1",
                "--ringlab.security.throttle.max-failures=0");
    }

    @Test
    void withAWindowShorterThanASecond(CapturedOutput output) {
        assertStopsNaming(
                service(), output, "ringlab.security.throttle.window=", "--ringlab.security.throttle.window=10ms");
    }

    @Test
    void withNoAddressRemembered(CapturedOutput output) {
        assertStopsNaming(
                service(),
                output,
                "ringlab.security.throttle.max-sources=0",
                "--ringlab.security.throttle.max-sources=0");
    }

    private static SpringApplicationBuilder service() {
        return new SpringApplicationBuilder(ControlPlaneSecurityTest.Service.class);
    }
}
