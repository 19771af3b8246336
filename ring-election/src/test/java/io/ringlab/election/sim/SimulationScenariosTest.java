package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;

/** The ring scenarios on the simulated network: no faults, small delays, virtual time. */
class SimulationScenariosTest extends RingScenarios {

    @Override
    protected RingCluster start(int n, ElectionSettings settings) {
        return new Simulation(42, n, settings, FaultPlan.none(Long.MAX_VALUE), 200);
    }
}
