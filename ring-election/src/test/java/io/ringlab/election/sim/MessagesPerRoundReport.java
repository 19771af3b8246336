package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.message.MessageType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Measures messages per committed round against N, fault-free and with 10% loss, on the simulation with
 * the default settings (60 s interval, 15 s downtime), and prints the table of {@code docs/ELECTION.md}.
 * Off by default (it adds nothing to what the other tests check):
 * {@code mvn -pl ring-election -am test -Dtest=MessagesPerRoundReport -Dsurefire.failIfNoSpecifiedTests=false
 * -Dringlab.sim.report=true}; the table goes to stdout and {@code ring-election/target/messages-per-round.md}.
 */
class MessagesPerRoundReport {

    private static final long SECOND = 1_000_000_000L;
    private static final int ROUNDS = 100;
    private static final List<MessageType> COLUMNS = List.of(
            MessageType.ELECTION,
            MessageType.RESULT,
            MessageType.ACK,
            MessageType.LEASE_REQUEST,
            MessageType.GRANT,
            MessageType.REFUSAL,
            MessageType.DOWN,
            MessageType.UP,
            MessageType.VETO,
            MessageType.HELLO);

    @Test
    void printTable() throws IOException {
        assumeTrue(Boolean.getBoolean("ringlab.sim.report"), "set -Dringlab.sim.report=true to measure");
        StringBuilder table = new StringBuilder();
        table.append(
                "| N | loss | rounds | messages/round | e | r | k | l | g | n | d | u | v | h | winner = max of all |\n");
        table.append(
                "|---|------|--------|----------------|---|---|---|---|---|---|---|---|---|---|---------------------|\n");
        for (double loss : new double[] {0.0, 0.1}) {
            for (int n : new int[] {3, 4, 5, 7, 16}) {
                table.append(row(n, loss));
            }
        }
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "messages-per-round.md"), table);
    }

    private static String row(int n, double loss) {
        ElectionSettings settings = ElectionSettings.defaults();
        FaultPlan plan = loss == 0 ? FaultPlan.none(Long.MAX_VALUE) : FaultPlan.loss(loss, Long.MAX_VALUE);
        Simulation sim = new Simulation(1_000 + n, n, settings, plan, 0);
        sim.runUntilTime(30 * SECOND);
        long startMessages = sim.messagesSent();
        Map<MessageType, Long> startByType = sim.sentByType();
        int startRounds = sim.checker().commitTimes().size();
        sim.runUntil(
                () -> sim.checker().commitTimes().size() >= startRounds + ROUNDS,
                java.time.Duration.ofSeconds(ROUNDS * 200L));
        long rounds = sim.checker().commitTimes().size() - startRounds;
        Map<MessageType, Long> byType = sim.sentByType();
        StringBuilder row = new StringBuilder(String.format(
                "| %d | %.0f%% | %d | %.1f |",
                n, loss * 100, rounds, (sim.messagesSent() - startMessages) / (double) rounds));
        for (MessageType type : COLUMNS) {
            long count = byType.getOrDefault(type, 0L) - startByType.getOrDefault(type, 0L);
            row.append(String.format(" %.1f |", count / (double) rounds));
        }
        row.append(String.format(
                " %.0f%% |%n",
                100.0 * sim.checker().maxWinners() / sim.checker().commitTimes().size()));
        return row.toString();
    }
}
