package io.ringlab.election.message;

import java.util.Objects;

/**
 * A node put forward in a round with the value it drew for that round. Nominees are ordered by value;
 * equal values are broken by node id: the id that sorts FIRST ({@link String#compareTo}) is the better
 * nominee. So {@code better(a, b)} is a total, deterministic order that every node computes alike.
 */
public record Nominee(String id, long value) implements Comparable<Nominee> {

    public Nominee {
        Objects.requireNonNull(id, "id");
    }

    /** Positive when this nominee beats {@code other}. */
    @Override
    public int compareTo(Nominee other) {
        int byValue = Long.compare(value, other.value);
        return byValue != 0 ? byValue : other.id.compareTo(id);
    }

    public boolean beats(Nominee other) {
        return other == null || compareTo(other) > 0;
    }

    /** The better of two nominees; either may be null. */
    public static Nominee best(Nominee a, Nominee b) {
        if (a == null) {
            return b;
        }
        return a.beats(b) ? a : b;
    }

    @Override
    public String toString() {
        return id + "=" + value;
    }
}
