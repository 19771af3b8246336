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

/** A service started with bad configuration stops at once with one line that names the property. */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {

    @Test
    void agentWithoutServers(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.servers",
                "--ringlab.agent.servers=");
    }

    @Test
    void agentWithServerThatIsNotHostAndPort(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.servers",
                "--ringlab.agent.servers=localhost:4242,nonsense");
    }

    @Test
    void agentWithAServerListAndDiscoveryBoth(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output,
                "ringlab.agent.discovery.srv: given together with ringlab.agent.servers",
                "--ringlab.agent.servers=localhost:4242",
                "--ringlab.agent.discovery.srv=_udp._udp.ring-server.ringlab.svc.cluster.local");
    }

    @Test
    void agentWithADiscoveryNameThatIsNotAnSrvName(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output,
                "ringlab.agent.discovery.srv: 'ring-server.ringlab.svc.cluster.local' is not an SRV name",
                "--ringlab.agent.servers=", "--ringlab.agent.discovery.srv=ring-server.ringlab.svc.cluster.local");
    }

    @Test
    void agentWithADiscoveryRefreshOutOfRange(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.discovery.refresh",
                "--ringlab.agent.servers=", "--ringlab.agent.discovery.srv=_udp._udp.ring-server.ringlab.svc.cluster.local",
                "--ringlab.agent.discovery.refresh=100ms");
    }

    @Test
    void agentWithMoreDiscoveredServersThanARequestCanRecord(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.discovery.max-servers=65",
                "--ringlab.agent.servers=", "--ringlab.agent.discovery.srv=_udp._udp.ring-server.ringlab.svc.cluster.local",
                "--ringlab.agent.discovery.max-servers=65");
    }

    @Test
    void agentWithClientPortOutOfRange(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.client-port=70000",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.agent.client-port=70000");
    }

    @Test
    void serverWithoutClusterKey(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.cluster.key: not set",
                "--ringlab.cluster.previous-keys=");
    }

    @Test
    void agentWithAShortClusterKey(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output,
                "ringlab.cluster.key: the key has 16 bytes; at least 32 are needed",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAA==");
    }

    @Test
    void serverWithAKeyAndInsecureBoth(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.cluster.insecure",
                "--ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "--ringlab.cluster.insecure=true");
    }

    @Test
    void agentWithAPreviousKeyThatIsNotBase64(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.cluster.previous-keys: key [0] is not base64",
                "--ringlab.agent.servers=localhost:4242",
                "--ringlab.cluster.key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "--ringlab.cluster.previous-keys=%%%");
    }

    @Test
    void serverWithNegativePort(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.port=-1",
                "--ringlab.server.port=-1");
    }

    @Test
    void serverWithPortNotANumber(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.port",
                "--ringlab.server.port=forty-two");
    }

    @Test
    void serverWhosePortIsTaken(CapturedOutput output) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.port",
                    "--ringlab.server.port=" + taken.getLocalPort(), "--ringlab.server.bind-address=127.0.0.1");
        }
    }

    @Test
    void agentWithAnUnknownTransport(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.transport.kind=epoll",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.agent.client-port=0",
                "--ringlab.transport.kind=epoll");
    }

    @ParameterizedTest
    @ValueSource(strings = {"netty", "nio"})
    void agentWhoseClientPortIsTaken(String transport, CapturedOutput output) throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.client-port",
                    "--ringlab.agent.servers=localhost:4242", "--ringlab.transport.kind=" + transport,
                    "--ringlab.agent.client-port=" + taken.getLocalPort(), "--ringlab.agent.bind-address=127.0.0.1",
                    "--ringlab.agent.server-port=0");
        }
    }

    @Test
    void clientWithNoThreads(CapturedOutput output) {
        assertStopsNaming(LoadClientApplication.application(), output, "ringlab.client.threads=0",
                "--ringlab.client.threads=0");
    }

    @Test
    void clientWithPayloadByteOutOfRange(CapturedOutput output) {
        assertStopsNaming(LoadClientApplication.application(), output, "ringlab.client.payload",
                "--ringlab.client.payload=1,2,300");
    }

    @Test
    void agentWhosePerTryTimeoutLeavesNoRoomForARetry(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.retry.per-try-timeout",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.agent.client-port=0",
                "--ringlab.agent.retry.per-try-timeout=5s");
    }

    @Test
    void agentWithAZeroHealthInterval(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.health.interval",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.agent.client-port=0",
                "--ringlab.agent.health.interval=0s");
    }

    @Test
    void agentWithAnUnknownStrategy(CapturedOutput output) {
        assertStopsNaming(LbAgentApplication.application(), output, "ringlab.agent.strategy",
                "--ringlab.agent.servers=localhost:4242", "--ringlab.agent.client-port=0",
                "--ringlab.agent.strategy=random");
    }

    // a server whose ring does not include itself starts, not ready: ring-server-service's NotInConfigurationTest
    @Test
    void serverWithARingButNoSelf(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.ring.self",
                "--ringlab.server.port=0", "--ringlab.server.ring.peers=localhost:1,localhost:2,localhost:3");
    }

    @Test
    void serverWithARingOfTwo(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.ring.peers",
                "--ringlab.server.port=0", "--ringlab.server.ring.self=localhost:1",
                "--ringlab.server.ring.peers=localhost:1,localhost:2");
    }

    @Test
    void serverWithAZeroElectionInterval(CapturedOutput output) {
        assertStopsNaming(RingServerApplication.application(), output, "ringlab.server.ring.election-interval",
                "--ringlab.server.port=0", "--ringlab.server.ring.self=localhost:1",
                "--ringlab.server.ring.peers=localhost:1,localhost:2,localhost:3",
                "--ringlab.server.ring.election-interval=0s");
    }

    @Test
    void clientWithANegativeRate(CapturedOutput output) {
        assertStopsNaming(LoadClientApplication.application(), output, "ringlab.client.rate=-5",
                "--ringlab.client.autostart=false", "--ringlab.client.rate=-5");
    }

    @Test
    void serviceWithABlankOperatorName(CapturedOutput output) {
        assertStopsNaming(LoadClientApplication.application(), output, "ringlab.security.username",
                "--ringlab.client.autostart=false", "--ringlab.security.username= ");
    }
}
