package io.ringlab.system;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.sim.RingCluster;
import io.ringlab.election.sim.RingScenarios;

import java.util.Random;

/** The ring scenarios that the simulation runs, on real ring-server applications over real UDP. */
class UdpRingScenariosTest extends RingScenarios {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());

    @Override
    protected RingCluster start(int n, ElectionSettings settings) {
        return new UdpRingCluster(n, settings, new Random(SEED + n));
    }
}
