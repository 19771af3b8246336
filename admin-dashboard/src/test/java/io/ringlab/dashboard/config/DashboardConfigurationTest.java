package io.ringlab.dashboard.config;

import io.ringlab.dashboard.DashboardApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.ringlab.support.config.StartupFailures.assertStopsNaming;

/** A dashboard started with bad configuration stops at once with one line that names the property. */
@ExtendWith(OutputCaptureExtension.class)
class DashboardConfigurationTest {

    @Test
    void withoutAPassword(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "ringlab.security.password=(not set): must be set (environment RINGLAB_SECURITY_PASSWORD)");
    }

    @Test
    void withTwoServicesOfOneName(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "two services are named 'server-1'", "--ringlab.security.password=x",
                "--ringlab.dashboard.servers[0].name=server-1", "--ringlab.dashboard.servers[0].url=http://a:1",
                "--ringlab.dashboard.agents[0].name=server-1", "--ringlab.dashboard.agents[0].url=http://b:1");
    }

    @Test
    void withAUrlThatIsNotHttp(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "ringlab.dashboard.agents[0].url: 'localhost:8101' is not an http://",
                "--ringlab.security.password=x", "--ringlab.dashboard.agents[0].name=agent-1",
                "--ringlab.dashboard.agents[0].url=localhost:8101");
    }

    @Test
    void withAGrafanaUrlThatIsNotHttp(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output,
                "ringlab.dashboard.grafana-url: 'grafana:3000' is not an http://", "--ringlab.security.password=x",
                "--ringlab.dashboard.grafana-url=grafana:3000");
    }

    @Test
    void withAServiceWithoutAName(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "ringlab.dashboard.clients[0].name=(not set)", "--ringlab.security.password=x",
                "--ringlab.dashboard.clients[0].url=http://127.0.0.1:8201");
    }

    @Test
    void withAPollTimeoutLongerThanThePollInterval(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "ringlab.dashboard.poll-timeout", "--ringlab.security.password=x",
                "--ringlab.dashboard.poll-timeout=2s");
    }

    @Test
    void withASignInThrottleThatAllowsNoFailure(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output,
                "ringlab.security.throttle.max-failures=0: must be greater than or equal to 1",
                "--ringlab.security.password=x", "--ringlab.security.throttle.max-failures=0");
    }

    @Test
    void withAMaxBodySizeTooSmallForAStatus(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output,
                "ringlab.dashboard.max-body-size: 10B is not from 1KB to 64MB", "--ringlab.security.password=x",
                "--ringlab.dashboard.max-body-size=10B");
    }

    @Test
    void withAFixedListAndDiscoveryForOneRole(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output,
                "ringlab.dashboard.discovery.servers: given together with ringlab.dashboard.servers",
                "--ringlab.security.password=x", "--ringlab.dashboard.servers[0].name=server-1",
                "--ringlab.dashboard.servers[0].url=http://a:1",
                "--ringlab.dashboard.discovery.servers=_http._tcp.ring-server.ringlab.svc.cluster.local");
    }

    @Test
    void withADiscoveryNameThatIsNotAnSrvName(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output,
                "ringlab.dashboard.discovery.agents: 'lb-agent.ringlab.svc.cluster.local' is not an SRV name",
                "--ringlab.security.password=x", "--ringlab.dashboard.discovery.agents=lb-agent.ringlab.svc.cluster.local");
    }

    @Test
    void withADiscoveryRefreshOutOfRange(CapturedOutput output) {
        assertStopsNaming(DashboardApplication.application(), output, "ringlab.dashboard.discovery.refresh",
                "--ringlab.security.password=x", "--ringlab.dashboard.discovery.refresh=10ms");
    }
}
