package io.ringlab.election.message;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies one election round: {@code (term, initiator, incarnation)}, ordered in that order. A node
 * starts a round with {@code term = highest term it has seen + 1}; a higher round supersedes a lower
 * one, and messages of lower rounds are ignored. The initiator's incarnation (drawn at random when a
 * node instance starts) makes the rounds of a restarted node distinct from those of its previous
 * life, whose memory it lost.
 *
 * @param term        a counter, 1 or more ({@link #NONE} has 0); at most {@link #MAX_TERM} on the wire
 * @param initiator   the node id of the node that started the round
 * @param incarnation the initiator's incarnation
 */
public record RoundId(long term, String initiator, long incarnation) implements Comparable<RoundId> {

    /** No round: smaller than every real round. */
    public static final RoundId NONE = new RoundId(0, "", 0);

    /**
     * The highest term on the wire: the codec refuses a round with a higher term, a node ignores one, and no
     * node starts a round past it. 2^40: a ring that started a round every 100 ms would need about 3,500 years to
     * reach it, yet {@code term + 1} can never overflow.
     */
    public static final long MAX_TERM = 1L << 40;

    private static final Comparator<RoundId> ORDER = Comparator.comparingLong(RoundId::term)
            .thenComparing(RoundId::initiator)
            .thenComparingLong(RoundId::incarnation);

    public RoundId {
        Objects.requireNonNull(initiator, "initiator");
        if (term < 0) {
            throw new IllegalArgumentException("term " + term + " is negative");
        }
    }

    /** Whether the term is one a message may carry ({@link #MAX_TERM} or less). */
    public boolean hasValidTerm() {
        return term <= MAX_TERM;
    }

    public boolean isNone() {
        return term == 0;
    }

    public boolean isAfter(RoundId other) {
        return compareTo(other) > 0;
    }

    public boolean isBefore(RoundId other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(RoundId other) {
        return ORDER.compare(this, other);
    }

    /** Short form for logs: {@code 7@localhost:4242}. */
    @Override
    public String toString() {
        return isNone() ? "none" : term + "@" + initiator + "#" + Long.toHexString(incarnation & 0xFFFF);
    }
}
