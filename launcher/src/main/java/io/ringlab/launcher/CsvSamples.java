package io.ringlab.launcher;

import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.ServerStatus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The report's samples, cumulative since start like the seed's CSVs, one row per service per sample. Each
 * row is flushed as it is written, so an interrupted run loses nothing.
 */
final class CsvSamples implements AutoCloseable {

    private final BufferedWriter clients;
    private final BufferedWriter agents;
    private final BufferedWriter servers;

    CsvSamples(Path directory) throws IOException {
        Files.createDirectories(directory);
        clients = open(
                directory.resolve("clients.csv"),
                "elapsed_s,time,client,threads,sent,responses,timeouts,wrong_replies,success_rate,average_ms,p50_ms,p99_ms");
        agents = open(
                directory.resolve("agents.csv"), "elapsed_s,time,agent,server,forwarded,share,in_rotation,retries");
        servers = open(directory.resolve("servers.csv"), "elapsed_s,time,server,requests_received,share,state");
    }

    private static BufferedWriter open(Path file, String header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file);
        writer.write(header);
        writer.newLine();
        writer.flush();
        return writer;
    }

    void add(Snapshot snapshot) {
        long t = snapshot.elapsedSeconds();
        String time = snapshot.takenAt()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .toString();
        try {
            for (Snapshot.Client client : snapshot.clients()) {
                ClientStatus s = client.status();
                if (s != null) {
                    row(
                            clients,
                            "%d,%s,%s,%d,%d,%d,%d,%d,%.6f,%.4f,%.4f,%.4f",
                            t,
                            time,
                            client.name(),
                            s.threads(),
                            s.sent(),
                            s.responses(),
                            s.timeouts(),
                            s.wrongReplies(),
                            s.successRate(),
                            s.averageMs(),
                            s.p50Ms(),
                            s.p99Ms());
                }
            }
            for (Snapshot.Agent agent : snapshot.agents()) {
                AgentStatus s = agent.status();
                if (s == null) {
                    continue;
                }
                for (Snapshot.Server server : snapshot.servers()) {
                    long sent = AgentShares.forwardedTo(s).getOrDefault(server.id(), 0L);
                    row(
                            agents,
                            "%d,%s,%s,%s,%d,%.6f,%s,%d",
                            t,
                            time,
                            agent.name(),
                            server.name(),
                            sent,
                            s.forwarded() == 0 ? 0.0 : (double) sent / s.forwarded(),
                            AgentShares.upById(s).getOrDefault(server.id(), false),
                            s.retries());
                }
            }
            long total = snapshot.servers().stream()
                    .filter(s -> s.status() != null)
                    .mapToLong(s -> s.status().requestsReceived())
                    .sum();
            for (Snapshot.Server server : snapshot.servers()) {
                ServerStatus s = server.status();
                if (s != null) {
                    row(
                            servers,
                            "%d,%s,%s,%d,%.6f,%s",
                            t,
                            time,
                            server.name(),
                            s.requestsReceived(),
                            total == 0 ? 0.0 : (double) s.requestsReceived() / total,
                            s.state());
                }
            }
            clients.flush();
            agents.flush();
            servers.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(BufferedWriter writer, String format, Object... values) throws IOException {
        writer.write(String.format(Locale.ROOT, format, values));
        writer.newLine();
    }

    @Override
    public void close() throws IOException {
        clients.close();
        agents.close();
        servers.close();
    }
}
