package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.check.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResizeReportTest {

    private static Verdict.FaultReport step(String text, long responses, long timeouts) {
        return new Verdict.FaultReport(
                1,
                text,
                2,
                50.0,
                new Verdict.Success(responses, timeouts, 0),
                null,
                null,
                null,
                null,
                List.of(),
                3,
                0,
                Map.of());
    }

    private static Verdict verdict(List<String> overlaps, Verdict.FaultReport... steps) {
        return new Verdict(
                60,
                overlaps.isEmpty(),
                overlaps,
                true,
                List.of(),
                12,
                new Verdict.Success(0, 0, 0),
                Map.of(),
                List.of(steps));
    }

    @Test
    void theClientsSuccessIsCountedOverEveryStep() {
        var checks =
                ResizeReport.checks(verdict(List.of(), step("ring 3 → 5", 9_990, 5), step("ring 5 → 3", 9_990, 5)));

        assertThat(checks.get(0).passed()).isTrue();
        assertThat(checks.get(1).passed()).isTrue();
        assertThat(checks.get(1).detail()).isEqualTo("99.950% (19980 of 19990)");
    }

    @Test
    void twoServersDownAtOnceOrTooManyLostRequestsFail() {
        var checks = ResizeReport.checks(verdict(
                List.of("ring-server-1 and ring-server-3 in planned downtime at once"), step("ring 3 → 5", 9_980, 11)));

        assertThat(checks.get(0).passed()).isFalse();
        assertThat(checks.get(0).detail()).contains("ring-server-1 and ring-server-3");
        assertThat(checks.get(1).passed()).isFalse();
    }
}
