package io.ringlab.system;

import io.ringlab.agent.LbAgentApplication;
import io.ringlab.client.LoadClientApplication;
import io.ringlab.server.RingServerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static io.ringlab.support.config.StartupFailures.assertStopsNaming;

/**
 * A whole service started with bad configuration stops at once with one line that names the property: one case per
 * service, the operator credential, the transport's property, and ports already taken (real sockets). Every other
 * bad value and its line is checked in its own module's table ({@code *PropertiesTest}, ApplicationContextRunner).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {
    @Test
    void agentWithoutServers(CapturedOutput output) {
        assertStopsNaming(
                LbAgentApplication.application(), output, "ringlab.agent.servers", "--ringlab.agent.servers=");
    }

    @Test
    void serverWithoutClusterKey(CapturedOutput output) {
        assertStopsNaming(
                RingServerApplication.application(),
                output,
                "ringlab.cluster.key: not set",
                "--ringlab.cluster.previous-keys=");
    }

    @Test
    void serverWhosePortIsTaken(CapturedOutput output) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertStopsNaming(
                    RingServerApplication.application(),
                    output,
                    "ringlab.server.port",
                    "--ringlab.server.port=" + taken.getLocalPort(),
                    "--ringlab.server.bind-address=127.0.0.1");
        }
    }

    @Test
    void agentWithAnUnknownTransport(CapturedOutput output) {
        assertStopsNaming(
                LbAgentApplication.application(),
                output,
                "ringlab.transport.kind=epoll",
                "--ringlab.agent.servers=localhost:4242",
                "--ringlab.agent.client-port=0",
                "--ringlab.transport.kind=epoll");
    }

    @ParameterizedTest
    @ValueSource(strings = {"netty", "nio"})
    void agentWhoseClientPortIsTaken(String transport, CapturedOutput output) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertStopsNaming(
                    LbAgentApplication.application(),
                    output,
                    "ringlab.agent.client-port",
                    "--ringlab.agent.servers=localhost:4242",
                    "--ringlab.transport.kind=" + transport,
                    "--ringlab.agent.client-port=" + taken.getLocalPort(),
                    "--ringlab.agent.bind-address=127.0.0.1",
                    "--ringlab.agent.server-port=0");
        }
    }

    @Test
    void clientWithNoThreads(CapturedOutput output) {
        assertStopsNaming(
                LoadClientApplication.application(), output, "ringlab.client.threads=0", "--ringlab.client.threads=0");
    }

    @Test
    void serviceWithABlankOperatorName(CapturedOutput output) {
        assertStopsNaming(
                LoadClientApplication.application(),
                output,
                "ringlab.security.username",
                "--ringlab.client.autostart=false",
                "--ringlab.security.username= ");
    }
}
