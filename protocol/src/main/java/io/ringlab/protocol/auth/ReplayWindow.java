package io.ringlab.protocol.auth;

/**
 * A sliding anti-replay window over one sender's sequence numbers, as IPsec ESP (RFC 4303, 3.4.3) and WireGuard
 * keep: the highest sequence accepted and a bitmap of the ones below it. A sequence is accepted once; one
 * {@value #SIZE} or more below the highest is refused, since it can no longer be told from a replay. Not thread-safe.
 */
final class ReplayWindow {

    private static final int WORDS = 16;
    /** How far below the highest sequence a late one is still accepted: the bitmap less the word being filled. */
    static final int SIZE = (WORDS - 1) * Long.SIZE;

    private final long[] seen = new long[WORDS];
    private long highest;

    /** True, and remembered, if {@code sequence} (1 or more) was never accepted and is not too old. */
    boolean accept(long sequence) {
        if (sequence <= 0) {
            return false;
        }
        if (sequence > highest) {
            slide(sequence);
            mark(sequence);
            return true;
        }
        if (highest - sequence >= SIZE) {
            return false;
        }
        int word = (int) ((sequence / Long.SIZE) % WORDS);
        long bit = 1L << (sequence % Long.SIZE);
        if ((seen[word] & bit) != 0) {
            return false;
        }
        seen[word] |= bit;
        return true;
    }

    /** Clears the words that the window leaves behind as it moves up to {@code sequence}. */
    private void slide(long sequence) {
        long fromWord = highest / Long.SIZE;
        long toWord = sequence / Long.SIZE;
        long steps = Math.min(toWord - fromWord, WORDS);
        for (long i = 1; i <= steps; i++) {
            seen[(int) ((fromWord + i) % WORDS)] = 0;
        }
        highest = sequence;
    }

    private void mark(long sequence) {
        seen[(int) ((sequence / Long.SIZE) % WORDS)] |= 1L << (sequence % Long.SIZE);
    }
}
