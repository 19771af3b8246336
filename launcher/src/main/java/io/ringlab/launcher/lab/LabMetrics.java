package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.LabControl.FaultView;

import java.util.List;

/**
 * The lab's faults in Prometheus's text exposition format (version 0.0.4), for the lab-mode Prometheus and the
 * Grafana annotations: a gauge per fault that came into force, 1 while it is and 0 once it has ended, and counters
 * of faults started and ended.
 */
public final class LabMetrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private LabMetrics() {}

    public static String render(List<FaultView> faults) {
        StringBuilder text = new StringBuilder();
        text.append("# HELP ringlab_lab_fault_active 1 while the lab fault is in force, 0 once it has ended\n");
        text.append("# TYPE ringlab_lab_fault_active gauge\n");
        long started = 0;
        long ended = 0;
        for (FaultView fault : faults) {
            if (!fault.started()) {
                continue;
            }
            started++;
            boolean active = fault.state().equals("active");
            ended += active ? 0 : 1;
            text.append("ringlab_lab_fault_active{id=\"")
                    .append(fault.id())
                    .append("\",kind=\"")
                    .append(label(fault.kind()))
                    .append("\",spec=\"")
                    .append(label(fault.fault()))
                    .append("\"} ")
                    .append(active ? 1 : 0)
                    .append('\n');
        }
        counter(text, "ringlab_lab_faults_started_total", "Lab faults that came into force", started);
        counter(text, "ringlab_lab_faults_ended_total", "Lab faults that ended (by their duration or healed)", ended);
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" counter\n");
        text.append(name).append(' ').append(value).append('\n');
    }

    /** A label value as the format wants it: backslash, double quote and line feed escaped. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
