package io.ringlab.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An attacker on the network, for the hostile-network tests: sends UDP datagrams with any IPv4 source address and
 * port (spoofed), and looks at the datagrams that cross the loopback interface. Java has no raw sockets, so a
 * python3 script does the packet work ({@code src/test/resources/raw_udp.py}, standard library only: a raw socket
 * with {@code IP_HDRINCL} to send whole IPv4 packets with their IPv4 and UDP checksums, a packet socket to capture),
 * driven one JSON line at a time over its standard input and output. It needs python3 and a raw socket (root, or
 * CAP_NET_RAW); {@link #open()} says which is missing, and {@link #assumeAvailable} skips the tests that need it (or
 * {@link #openOrNull} fails them, with {@code -Dringlab.test.spoofing-required=true}). {@code -Dringlab.test.python} names another
 * interpreter than {@code python3}. Thread-safe: one command at a time.
 */
final class SpoofedSender implements AutoCloseable {

    /** One datagram to send: {@code from} is the spoofed source. */
    record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] payload) {}

    /** One datagram seen on the interface. */
    record Captured(InetSocketAddress from, InetSocketAddress to, byte[] payload) {}

    /** Why the attacker cannot run here: python3 missing, or no raw socket (not root). */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /** A command's answer comes in well under this; only reached when the script is stuck. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    /** Datagrams per command line, so that a flood is a few lines of moderate length. */
    private static final int BATCH = 2_000;

    /** Why {@link #openOrNull} returned null. */
    private static volatile String unavailable;

    private final Process process;
    private final BufferedWriter commands;
    private final BufferedReader answers;

    private SpoofedSender(Process process) {
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the script for a test class's {@code @BeforeAll}; null when python3 or a raw socket is missing, and then
     * {@link #assumeAvailable} skips each test with the reason. With {@code -Dringlab.test.spoofing-required=true}
     * it fails instead.
     */
    static SpoofedSender openOrNull() {
        try {
            return open();
        } catch (Unavailable e) {
            unavailable = "spoofing UDP needs python3 and a raw socket (root or CAP_NET_RAW): " + e.getMessage();
            if (Boolean.getBoolean("ringlab.test.spoofing-required")) {
                throw new AssertionError(unavailable + " (and -Dringlab.test.spoofing-required is set)");
            }
            return null;
        }
    }

    /** Skips the calling test (JUnit's assumptions) when {@link #openOrNull} found no way to spoof. */
    static void assumeAvailable(SpoofedSender sender) {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                sender != null, () -> "hostile-network test skipped: " + unavailable);
    }

    /** Starts the script; {@link Unavailable} with the reason when python3 or a raw socket is missing. */
    static SpoofedSender open() throws Unavailable {
        Path script = script();
        String python = System.getProperty("ringlab.test.python", "python3");
        Process process;
        try {
            process = new ProcessBuilder(python, "-u", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new Unavailable(python + " cannot be started (" + e.getMessage() + ")");
        }
        SpoofedSender sender = new SpoofedSender(process);
        try {
            JsonNode ready = sender.read(START_TIMEOUT);
            if (ready == null || !ready.path("ready").asBoolean(false)) {
                sender.close();
                throw new Unavailable(
                        ready == null
                                ? python + " " + script + " ended without a word"
                                : ready.path("reason").asString(python + " " + script + " is not ready: " + ready));
            }
        } catch (IOException | TimeoutException e) {
            sender.close();
            throw new Unavailable(python + " " + script + " did not start: " + e);
        }
        return sender;
    }

    /** Sends one datagram from {@code from} (any address and port) to {@code to}. */
    void send(InetSocketAddress from, InetSocketAddress to, byte[] payload) {
        sendAll(List.of(new Datagram(from, to, payload)));
    }

    /** Sends every datagram, in order, as fast as the script can. */
    void sendAll(List<Datagram> datagrams) {
        sendAll(datagrams, false);
    }

    /** For the self-test: the same datagrams with a wrong UDP checksum, which the receiving kernel drops. */
    void sendWithWrongChecksum(InetSocketAddress from, InetSocketAddress to, byte[] payload) {
        sendAll(List.of(new Datagram(from, to, payload)), true);
    }

    private void sendAll(List<Datagram> datagrams, boolean corruptChecksum) {
        for (int start = 0; start < datagrams.size(); start += BATCH) {
            ObjectNode command = JSON.createObjectNode().put("op", "send").put("corrupt_checksum", corruptChecksum);
            ArrayNode packets = command.putArray("packets");
            for (Datagram datagram : datagrams.subList(start, Math.min(datagrams.size(), start + BATCH))) {
                packets.addArray()
                        .add(ipv4(datagram.from()))
                        .add(datagram.from().getPort())
                        .add(ipv4(datagram.to()))
                        .add(datagram.to().getPort())
                        .add(HEX.formatHex(datagram.payload()));
            }
            call(command, COMMAND_TIMEOUT);
        }
    }

    /**
     * The first {@code count} UDP datagrams on the loopback interface from a source port in {@code fromPorts} (any
     * when empty) to a destination port in {@code toPorts} (any when empty) whose payload starts with
     * {@code prefix}, waiting at most {@code timeout}; fewer when the time is up. Only datagrams sent after the
     * call are seen.
     */
    List<Captured> capture(List<Integer> fromPorts, List<Integer> toPorts, byte[] prefix, int count, Duration timeout) {
        ObjectNode command = JSON.createObjectNode()
                .put("op", "capture")
                .put("interface", "lo")
                .put("prefix", HEX.formatHex(prefix))
                .put("count", count)
                .put("timeout_ms", timeout.toMillis());
        ArrayNode from = command.putArray("src_ports");
        fromPorts.forEach(from::add);
        ArrayNode to = command.putArray("dst_ports");
        toPorts.forEach(to::add);
        JsonNode answer = call(command, timeout.plus(COMMAND_TIMEOUT));
        List<Captured> captured = new ArrayList<>();
        for (JsonNode packet : answer.path("packets")) {
            captured.add(new Captured(
                    new InetSocketAddress(
                            packet.get(0).asString(), packet.get(1).asInt()),
                    new InetSocketAddress(
                            packet.get(2).asString(), packet.get(3).asInt()),
                    HEX.parseHex(packet.get(4).asString())));
        }
        return captured;
    }

    private synchronized JsonNode call(ObjectNode command, Duration timeout) {
        try {
            commands.write(JSON.writeValueAsString(command));
            commands.newLine();
            commands.flush();
            JsonNode answer = read(timeout);
            if (answer == null || !answer.path("ok").asBoolean(false)) {
                throw new IllegalStateException("the spoofing script failed: " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("the spoofing script is gone", e);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the spoofing script did not answer within " + timeout, e);
        }
    }

    /** The next answer line, or null at the end of the script's output. */
    private JsonNode read(Duration timeout) throws IOException, TimeoutException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? null : JSON.readTree(text);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String ipv4(InetSocketAddress address) {
        if (!(address.getAddress() instanceof java.net.Inet4Address)) {
            throw new IllegalArgumentException("IPv4 only: " + address);
        }
        return address.getAddress().getHostAddress();
    }

    private static Path script() {
        URL resource = SpoofedSender.class.getResource("/raw_udp.py");
        if (resource == null) {
            throw new IllegalStateException("raw_udp.py is not on the test class path");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the script (it stops at the end of its input) and waits for it; kills it if it does not stop. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException ignored) {
            // the script is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
