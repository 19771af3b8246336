package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.LabControl.FaultView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabMetricsTest {

    private static final String SPEC = "partition server-1 | server-2,server-3";

    @Test
    void aFaultIsOneWhileActiveThenZeroAndTheCountersFollow() {
        String active = LabMetrics.render(List.of(fault(1, "active", 7.5), fault(2, "scheduled", null)));

        assertThat(active)
                .contains("# TYPE ringlab_lab_fault_active gauge\n")
                .contains("ringlab_lab_fault_active{id=\"1\",kind=\"partition\",spec=\"" + SPEC + "\"} 1\n")
                .doesNotContain("id=\"2\"")
                .contains("# TYPE ringlab_lab_faults_started_total counter\nringlab_lab_faults_started_total 1\n")
                .contains("ringlab_lab_faults_ended_total 0\n");

        String ended = LabMetrics.render(List.of(fault(1, "ended", null), fault(2, "cancelled", null)));

        assertThat(ended)
                .contains("ringlab_lab_fault_active{id=\"1\",kind=\"partition\",spec=\"" + SPEC + "\"} 0\n")
                .doesNotContain("id=\"2\"")
                .contains("ringlab_lab_faults_started_total 1\n")
                .contains("ringlab_lab_faults_ended_total 1\n");
        assertThat(ended).endsWith("\n");
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(LabMetrics.label("a \"b\" \\ c\nd")).isEqualTo("a \\\"b\\\" \\\\ c\\nd");
    }

    private static FaultView fault(int id, String state, Double remaining) {
        return new FaultView(id, SPEC, "partition", state, 10, 24.0, 1_000L, 15_000L, remaining, null);
    }
}
