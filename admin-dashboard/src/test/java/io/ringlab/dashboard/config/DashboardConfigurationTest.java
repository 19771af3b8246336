package io.ringlab.dashboard.config;

import io.ringlab.dashboard.DashboardApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.ringlab.support.config.StartupFailures.assertStopsNaming;

/**
 * A dashboard started with bad configuration stops at once with one line that names the property, and no stack
 * trace: a few cases through the whole application; DashboardPropertiesTest has the table of every check.
 */
@ExtendWith(OutputCaptureExtension.class)
class DashboardConfigurationTest {

    @Test
    void withoutAPassword(CapturedOutput output) {
        assertStopsNaming(
                DashboardApplication.application(),
                output,
                "ringlab.security.password=(not set): must be set (environment RINGLAB_SECURITY_PASSWORD)");
    }

    @Test
    void withTwoServicesOfOneName(CapturedOutput output) {
        assertStopsNaming(
                DashboardApplication.application(),
                output,
                "two services are named 'server-1'",
                "--ringlab.security.password=x",
                "--ringlab.dashboard.servers[0].name=server-1",
                "--ringlab.dashboard.servers[0].url=http://a:1",
                "--ringlab.dashboard.agents[0].name=server-1",
                "--ringlab.dashboard.agents[0].url=http://b:1");
    }

    @Test
    void withASignInThrottleThatAllowsNoFailure(CapturedOutput output) {
        assertStopsNaming(
                DashboardApplication.application(),
                output,
                "ringlab.security.throttle.max-failures=0: must be greater than or equal to 1",
                "--ringlab.security.password=x",
                "--ringlab.security.throttle.max-failures=0");
    }
}
