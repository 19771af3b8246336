package io.ringlab.launcher;

import io.ringlab.launcher.lab.LabNetwork;
import io.ringlab.launcher.lab.fault.FaultAction;
import io.ringlab.launcher.lab.fault.FaultSchedule.Fault;
import io.ringlab.launcher.lab.fault.NftRuleset;
import io.ringlab.launcher.lab.layout.LabHost;

import java.io.IOException;
import java.util.List;

/**
 * Makes a lab fault happen and undoes it: network faults as each host's nftables table (rewritten whole from the
 * faults in force), a freeze as {@code SIGSTOP}/{@code SIGCONT}, a kill as {@code kill -9} and a fresh start.
 */
final class LabFaults {

    private final LabNetwork network;
    private final LocalCluster cluster;

    LabFaults(LabNetwork network, LocalCluster cluster) {
        this.network = network;
        this.cluster = cluster;
    }

    /** Starts a fault; returns the line to print. {@code active} are the faults in force, this one included. */
    String start(Fault fault, List<Fault> active) throws IOException, InterruptedException {
        FaultAction action = fault.action();
        if (action instanceof FaultAction.Freeze freeze) {
            ServiceProcess process = cluster.process(freeze.process());
            process.signal("STOP");
            return "fault %d: froze %s (SIGSTOP, pid %d)".formatted(fault.id(), freeze.process(), process.pid());
        }
        if (action instanceof FaultAction.Kill kill) {
            long pid = cluster.kill(kill.process());
            return "fault %d: killed %s with kill -9 (pid %d)".formatted(fault.id(), kill.process(), pid);
        }
        applyNetwork(active);
        return "fault %d: %s".formatted(fault.id(), action);
    }

    /** Ends a fault; returns the line to print. {@code active} are the faults still in force. */
    String end(Fault fault, List<Fault> active) throws IOException {
        FaultAction action = fault.action();
        if (action instanceof FaultAction.Freeze freeze) {
            ServiceProcess process = cluster.process(freeze.process());
            process.signal("CONT");
            return "fault %d ended: thawed %s (SIGCONT)".formatted(fault.id(), freeze.process());
        }
        if (action instanceof FaultAction.Kill kill) {
            long pid = cluster.restart(kill.process());
            return "fault %d ended: started %s again (pid %d)".formatted(fault.id(), kill.process(), pid);
        }
        applyNetwork(active);
        return "fault %d ended: %s healed".formatted(fault.id(), action);
    }

    private void applyNetwork(List<Fault> active) throws IOException {
        List<FaultAction> actions = active.stream().map(Fault::action).toList();
        for (LabHost host : network.layout().hosts()) {
            network.applyFaultTable(host, NftRuleset.render(network.layout(), host, actions));
        }
    }
}
