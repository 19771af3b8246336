package io.ringlab.launcher.lab;

import io.ringlab.launcher.lab.check.Verdict;

import java.util.List;

/** What the launcher's REST offers of a lab run: faults given live, healed, listed; the checker's verdict; events. */
public interface LabControl {

    /** A fault as the REST shows it. */
    record FaultView(int id, String fault, String state, double startSeconds, Double endSeconds) {
    }

    /** Schedules a fault given as text ({@code for 20s partition server-1}); throws FaultSpecException when wrong. */
    FaultView inject(String spec);

    /** Ends one fault now; false when there is no such fault, or it has ended. */
    boolean heal(int id);

    /** Ends every fault now. */
    void healAll();

    List<FaultView> faults();

    /** The verdict so far; null when the checker is off. */
    Verdict verdict();

    List<LabEvent> events();
}
