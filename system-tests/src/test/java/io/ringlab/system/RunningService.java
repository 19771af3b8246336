package io.ringlab.system;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;
import io.ringlab.protocol.DropReason;
import io.ringlab.support.transport.UdpEndpoint;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One service started in this JVM. Tests read its state as a user would, over HTTP: its {@code /api/status}
 * (and {@code /api/ring}) as the model records, its meters from {@code /actuator/prometheus}; its context only
 * for the ports its sockets were given.
 */
record RunningService(String name, ConfigurableApplicationContext context) implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A ring server's {@code GET /api/status}. */
    ServerStatus serverStatus() {
        return read("/api/status", ServerStatus.class);
    }

    /** An agent's {@code GET /api/status}. */
    AgentStatus agentStatus() {
        return read("/api/status", AgentStatus.class);
    }

    /** How an agent's status shows its server in slot {@code index} (the configured order). */
    AgentStatus.ServerShare serverShare(int index) {
        return agentStatus().servers().get(index);
    }

    /** A load client's {@code GET /api/status}. */
    ClientStatus clientStatus() {
        return read("/api/status", ClientStatus.class);
    }

    /** A ring server's {@code GET /api/ring}. */
    RingStatus ringStatus() {
        return read("/api/ring", RingStatus.class);
    }

    /** The non-zero drop counts of any service's status, by reason tag. */
    Map<String, Long> drops() {
        return JSON.convertValue(
                ControlClient.get(this, "/api/status").get("drops"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, Long.class));
    }

    /** The datagrams dropped for this reason, from the status. */
    long drops(DropReason reason) {
        return drops().getOrDefault(reason.tag(), 0L);
    }

    /**
     * The value of the first sample of meter {@code name} as {@code /actuator/prometheus} exposes it (e.g.
     * {@code ringlab_agent_server_up}) that carries these labels, given as name, value, name, value...
     */
    double metric(String name, String... labels) {
        return findMetric(name, labels)
                .orElseThrow(() -> new AssertionError(name() + " exposes no " + name + " "
                        + java.util.Arrays.toString(labels) + " in /actuator/prometheus"));
    }

    /** The same, empty when no sample of that meter carries these labels. */
    java.util.Optional<Double> findMetric(String name, String... labels) {
        String text = ControlClient.sendAs(this, "GET", "/actuator/prometheus", null, null, null)
                .body();
        return text.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> hasLabels(line, labels))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    private static boolean hasLabels(String line, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }

    private <T> T read(String path, Class<T> type) {
        return JSON.treeToValue(ControlClient.get(this, path), type);
    }

    /** The local port of a socket bean: a plain {@code DatagramSocket} (NIO) or a transport's {@link UdpEndpoint}. */
    int udpPort(String socketBean) {
        Object socket = context.getBean(socketBean);
        return socket instanceof UdpEndpoint endpoint ? endpoint.localPort() : ((DatagramSocket) socket).getLocalPort();
    }

    /** Every local port of a socket bean: one per event loop when the loops have a port each. */
    List<Integer> udpPorts(String socketBean) {
        Object socket = context.getBean(socketBean);
        return socket instanceof UdpEndpoint endpoint
                ? endpoint.localPorts()
                : List.of(((DatagramSocket) socket).getLocalPort());
    }

    InetSocketAddress udpAddress(String socketBean) {
        return new InetSocketAddress("127.0.0.1", udpPort(socketBean));
    }

    int httpPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
