package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.check.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the checker saw of the ring's resizing, as the rehearsal's two checks and a line per step. Pure. */
final class ResizeReport {

    static final double SUCCESS_PERCENT = 99.9;

    private ResizeReport() {}

    /** At most one server in planned downtime at any moment, and the clients' success over every step. */
    static List<RehearsalChecks.Check> checks(Verdict verdict) {
        Verdict.Success total = total(verdict);
        return List.of(
                new RehearsalChecks.Check(
                        "at most one server in planned downtime while the ring's size changes",
                        verdict.oneServerDown() && verdict.oneWinnerPerRound(),
                        verdict.oneServerDown()
                                ? "held; %d rounds committed%s"
                                        .formatted(
                                                verdict.roundsCompleted(),
                                                verdict.oneWinnerPerRound()
                                                        ? ""
                                                        : ", but rounds with two winners: "
                                                                + verdict.conflictingRounds())
                                : String.join("; ", verdict.overlaps())),
                new RehearsalChecks.Check(
                        "clients' success while the ring's size changes ≥ 99.9%",
                        total.responses() > 0 && total.percent() >= SUCCESS_PERCENT,
                        String.format(
                                Locale.ROOT,
                                "%.3f%% (%d of %d)",
                                total.percent(),
                                total.responses(),
                                total.responses() + total.timeouts() + total.wrong())));
    }

    static List<String> lines(Verdict verdict) {
        List<String> lines = new ArrayList<>();
        for (Verdict.FaultReport step : verdict.faults()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: %.1f s to %.1f s, clients %.3f%% (%d of %d), went down as planned: %s",
                    step.fault(),
                    step.startSeconds(),
                    step.endSeconds() == null ? Double.NaN : step.endSeconds(),
                    step.during().percent(),
                    step.during().responses(),
                    step.during().responses()
                            + step.during().timeouts()
                            + step.during().wrong(),
                    step.serversDown()));
        }
        return lines;
    }

    private static Verdict.Success total(Verdict verdict) {
        long responses = 0;
        long timeouts = 0;
        long wrong = 0;
        for (Verdict.FaultReport step : verdict.faults()) {
            responses += step.during().responses();
            timeouts += step.during().timeouts();
            wrong += step.during().wrong();
        }
        return new Verdict.Success(responses, timeouts, wrong);
    }
}
