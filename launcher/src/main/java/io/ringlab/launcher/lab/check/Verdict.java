package io.ringlab.launcher.lab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the checker concludes of a run so far: the two safety invariants, the clients' success before any fault, and
 * for each fault its phases, detection and recovery.
 *
 * @param atSeconds          when, since the start
 * @param oneServerDown      no two servers were ever seen in planned downtime at once
 * @param overlaps           every moment two or more were ({@code !!} lines)
 * @param oneWinnerPerRound  every round that finished had one winner at every server that reported it
 * @param conflictingRounds  the rounds that did not
 * @param roundsCompleted    rounds seen committed in the run
 * @param before             the clients before the first fault
 * @param balanceBefore      requests each agent sent each server before the first fault, counted only while every
 *                           server was up and in every agent's rotation
 * @param faults             each fault that started
 */
public record Verdict(
        double atSeconds,
        boolean oneServerDown,
        List<String> overlaps,
        boolean oneWinnerPerRound,
        List<String> conflictingRounds,
        int roundsCompleted,
        Success before,
        Map<String, Map<String, Long>> balanceBefore,
        List<FaultReport> faults) {

    /** The clients' outcomes in a stretch of the run. */
    public record Success(long responses, long timeouts, long wrong) {

        /** Answered over finished, in percent; {@code NaN} when nothing finished. */
        public double percent() {
            long finished = responses + timeouts + wrong;
            return finished == 0 ? Double.NaN : 100.0 * responses / finished;
        }

        String describe() {
            long finished = responses + timeouts + wrong;
            return finished == 0
                    ? "no requests finished"
                    : String.format(Locale.ROOT, "%.3f%% (%d of %d)", percent(), responses, finished);
        }
    }

    /**
     * @param detectedAfterSeconds time from the start to the first reaction (an agent taking a server out, a server
     *                             skipping a peer); {@code null} when nothing reacted
     * @param detection            what reacted first
     * @param recoveredAfterSeconds time from the end until the cluster was whole again (every server answering and in
     *                             every agent's rotation or in planned downtime, no server skipping a peer);
     *                             {@code null} while it is not, or the fault has not ended
     * @param serversDown          servers that went into planned downtime while the fault lasted (not those already
     *                             down when it started)
     * @param roundsCompleted      rounds first seen committed while it lasted
     * @param roundsAbandoned      rounds the servers abandoned while it lasted
     * @param forwardedDuring      requests each agent sent each server from one second after the start to the end
     */
    public record FaultReport(
            int id,
            String fault,
            double startSeconds,
            Double endSeconds,
            Success during,
            Success after,
            Double detectedAfterSeconds,
            String detection,
            Double recoveredAfterSeconds,
            List<String> serversDown,
            int roundsCompleted,
            long roundsAbandoned,
            Map<String, Map<String, Long>> forwardedDuring) {}

    /** Holds when both invariants do. */
    public boolean holds() {
        return oneServerDown && oneWinnerPerRound;
    }

    /** The verdict for a person, one line a finding. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "=== checker verdict at %s ===", clock(atSeconds)));
        lines.add((oneServerDown ? "PASS" : "FAIL") + " at most one server in planned downtime at any moment"
                + (oneServerDown ? "" : ": " + String.join("; ", overlaps)));
        lines.add(
                (oneWinnerPerRound ? "PASS" : "FAIL") + " every finished round agreed on one winner (" + roundsCompleted
                        + " rounds)" + (oneWinnerPerRound ? "" : ": " + String.join("; ", conflictingRounds)));
        lines.add("clients before any fault: " + before.describe());
        balanceBefore.forEach((agent, sent) -> {
            long total = sent.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder shares = new StringBuilder();
            sent.forEach((server, count) -> shares.append(
                    String.format(Locale.ROOT, " %s %.3f", server, total == 0 ? 0 : (double) count / total)));
            lines.add("  " + agent + " shares while every server was up:" + shares);
        });
        for (FaultReport f : faults) {
            lines.add(String.format(
                    Locale.ROOT,
                    "fault %d [%s-%s] %s",
                    f.id(),
                    clock(f.startSeconds()),
                    f.endSeconds() == null ? "now" : clock(f.endSeconds()),
                    f.fault()));
            lines.add("  clients during: " + f.during().describe() + "; after: "
                    + (f.after() == null ? "-" : f.after().describe()));
            lines.add("  detected: "
                    + (f.detectedAfterSeconds() == null
                            ? "nothing reacted"
                            : String.format(Locale.ROOT, "after %.2f s (%s)", f.detectedAfterSeconds(), f.detection()))
                    + "; recovered: "
                    + (f.recoveredAfterSeconds() == null
                            ? (f.endSeconds() == null ? "-" : "not yet")
                            : String.format(Locale.ROOT, "%.2f s after the end", f.recoveredAfterSeconds())));
            lines.add(String.format(
                    Locale.ROOT,
                    "  ring during: %d rounds completed, %d abandoned, down: %s",
                    f.roundsCompleted(),
                    f.roundsAbandoned(),
                    f.serversDown().isEmpty() ? "none" : String.join(", ", f.serversDown())));
        }
        return lines;
    }

    static String clock(double seconds) {
        long s = (long) seconds;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
