package io.ringlab.election.sim;

/** Where a datagram on the simulated network comes from: a ring node, or the adversary and how it made it. */
enum DatagramOrigin {
    /** Sent by a ring node to the node it names. */
    GENUINE,
    /** A well-formed ring message in a real peer's name, sealed under a key the ring does not hold. */
    FORGED_SEALED,
    /** A well-formed ring message in a real peer's name, not sealed at all. */
    FORGED_UNSEALED,
    /** A genuine datagram heard on the network, sent again to the node it was meant for. */
    REPLAYED,
    /** A genuine datagram heard on the network, sent to another node than the one it was meant for. */
    REPLAYED_ELSEWHERE,
    /** A genuine datagram with one to three bits flipped. */
    BITS_FLIPPED,
    /** A genuine datagram cut short. */
    TRUNCATED,
    /** A genuine datagram with bytes appended. */
    EXTENDED;

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
