package io.ringlab.election.sim;

/**
 * Where a datagram on the simulated network comes from: a ring node, or the adversary and how it made it (its
 * tactic, with the share of its datagrams when it uses every tactic).
 */
public enum DatagramOrigin {
    /** Sent by a ring node to the node it names. */
    GENUINE(0),
    /** A well-formed ring message in a real peer's name, sealed under a key the ring does not hold. */
    FORGED_SEALED(25),
    /** A well-formed ring message in a real peer's name, not sealed at all. */
    FORGED_UNSEALED(15),
    /** A genuine datagram heard on the network, sent again to the node it was meant for. */
    REPLAYED(20),
    /** A genuine datagram heard on the network, sent to another node than the one it was meant for. */
    REPLAYED_ELSEWHERE(15),
    /** A genuine datagram with one to three bits flipped. */
    BITS_FLIPPED(10),
    /** A genuine datagram cut short. */
    TRUNCATED(8),
    /** A genuine datagram with bytes appended. */
    EXTENDED(7);

    /** How often mallory picks this tactic, relative to the others it may use. */
    final int weight;

    DatagramOrigin(int weight) {
        this.weight = weight;
    }

    /** Whether mallory needs a datagram it heard to make one. */
    boolean needsAHeardDatagram() {
        return isAdversary() && this != FORGED_SEALED && this != FORGED_UNSEALED;
    }

    boolean isAdversary() {
        return this != GENUINE;
    }

    /**
     * Whether authentication must refuse every such datagram. A replay to its own receiver may rightly get through
     * once: when the network lost the original, or the receiver restarted (its anti-replay windows are in memory);
     * it is then a genuine message late, which the election tolerates.
     */
    boolean mustBeRefused() {
        return isAdversary() && this != REPLAYED;
    }
}
