package io.ringlab.election.sim;

import io.ringlab.election.NodeStatus;
import io.ringlab.election.StartResult;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A running ring the {@link RingScenarios} drive: the deterministic simulation here, real UDP in the
 * service module. Time is the cluster's own (virtual or real); scenarios only wait on conditions with a
 * bound, never on a sleep alone.
 */
public interface RingCluster extends AutoCloseable {

    /** The node ids in ring order. */
    List<String> ids();

    /** Lets time pass. */
    void runFor(Duration duration);

    /** Lets time pass until {@code condition} holds or {@code max} has passed; returns the condition. */
    boolean runUntil(BooleanSupplier condition, Duration max);

    NodeStatus status(String id);

    StartResult startRoundNow(String id);

    void pausePeriodic(String id);

    void resumePeriodic(String id);

    /** Stops the node at once, losing its state; messages to it are lost. */
    void crash(String id);

    /** Starts a fresh node with the same id (no state kept from before). */
    void restart(String id);

    /** What the nodes reported. */
    ClusterEvents events();

    @Override
    default void close() {}
}
