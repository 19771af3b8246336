package io.ringlab.support.discovery;

import io.ringlab.protocol.HostAndPort;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real DNS server for tests: Debian's dnsmasq on an ephemeral port of 127.0.0.1, serving SRV records and the A
 * records of their targets, and nothing else (no upstream, no hosts file). {@link #serve} changes the records by
 * restarting it on the same port (dnsmasq reads {@code --srv-host} only at start). Close it to stop it.
 */
public final class DnsmasqServer implements AutoCloseable {

    /** One SRV record of {@code service} and the A record of its target. */
    public record Record(String service, String target, int port, String address) {}

    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final int port;
    private final Path log;
    private Process process;

    private DnsmasqServer(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** Where dnsmasq is, or {@code null} if it is not installed (`bin/install-deps test` installs it). */
    public static Path executable() {
        for (String candidate : List.of("/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    public static DnsmasqServer start(List<Record> records) throws IOException, InterruptedException {
        DnsmasqServer server = new DnsmasqServer(freePort(), Files.createTempFile("dnsmasq", ".log"));
        try {
            server.serve(records);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The server as {@code 127.0.0.1:port}, for a resolver's {@code dns-server} property. */
    public HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    /** Serves exactly these records from now on (a restart on the same port); returns once it answers. */
    public synchronized void serve(List<Record> records) throws IOException, InterruptedException {
        stop();
        List<String> command = new ArrayList<>(List.of(
                executable().toString(),
                "--keep-in-foreground",
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--pid-file=",
                "--log-facility=-",
                "--cache-size=0"));
        for (Record record : records) {
            command.add("--srv-host=%s,%s,%d".formatted(record.service(), record.target(), record.port()));
            command.add("--host-record=%s,%s".formatted(record.target(), record.address()));
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        waitUntilListening();
    }

    private void waitUntilListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dnsmasq exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            // dnsmasq binds before it logs that it started; a free port means it has not bound yet
            if (Files.readString(log).contains("started, version")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IOException("dnsmasq did not start within " + START_TIMEOUT + ": " + Files.readString(log));
    }

    private void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                int candidate = udp.getLocalPort();
                try (ServerSocket tcp = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                    return candidate; // free for both: dnsmasq listens on UDP and TCP
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        Files.deleteIfExists(log);
    }
}
