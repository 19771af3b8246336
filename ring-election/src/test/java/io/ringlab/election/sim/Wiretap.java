package io.ringlab.election.sim;

import io.ringlab.election.message.DecodeResult;
import io.ringlab.election.message.MessageType;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;

import java.util.Arrays;
import java.util.Random;

/**
 * What the adversary hears: every genuine datagram on the network, as anyone on the path would. It keeps the
 * latest {@value #RECENT}, and one in {@value #ARCHIVE_EVERY} of all in an archive of {@value #ARCHIVE}, so that
 * it can replay what was sent long ago as well as just now. Frames are in clear behind the seal (the seal
 * authenticates, it does not encrypt), so it reads rounds, tokens and values from them.
 */
final class Wiretap {

    /** A datagram heard on its way to {@code to}. */
    record Heard(String to, byte[] datagram) {}

    /** A message read from a heard datagram. */
    record HeardMessage(String to, RingMessage message) {}

    private static final int RECENT = 128;
    private static final int ARCHIVE = 64;
    private static final int ARCHIVE_EVERY = 16;
    /** The fixed part of the seal's trailer (sender id length, key id, incarnation, sequence, 16-byte MAC). */
    private static final int TRAILER_FIXED = 1 + 1 + 8 + 8 + 16;

    private final boolean sealed;
    private final Heard[] recent = new Heard[RECENT];
    private final Heard[] archive = new Heard[ARCHIVE];
    private long heard;

    /** @param sealed whether ring datagrams carry the seal's trailer after the frame */
    Wiretap(boolean sealed) {
        this.sealed = sealed;
    }

    void hear(String to, byte[] datagram) {
        Heard h = new Heard(to, datagram);
        recent[(int) (heard % RECENT)] = h;
        if (heard % ARCHIVE_EVERY == 0) {
            archive[(int) (heard / ARCHIVE_EVERY % ARCHIVE)] = h;
        }
        heard++;
    }

    boolean isEmpty() {
        return heard == 0;
    }

    /** A datagram heard lately or long ago; null if none. */
    Heard any(Random random) {
        if (heard == 0) {
            return null;
        }
        boolean old = random.nextBoolean() && archive[0] != null;
        Heard[] from = old ? archive : recent;
        int filled = (int) Math.min(heard, from.length);
        Heard pick = from[random.nextInt(filled)];
        return pick != null ? pick : recent[(int) ((heard - 1) % RECENT)];
    }

    /** The latest message of one of these types heard lately, or null. */
    HeardMessage latest(MessageType... types) {
        for (long i = heard - 1; i >= Math.max(0, heard - RECENT); i--) {
            Heard h = recent[(int) (i % RECENT)];
            if (h.datagram().length > 3 && isOneOf(h.datagram()[3], types)) {
                RingMessage message = read(h.datagram());
                if (message != null) {
                    return new HeardMessage(h.to(), message);
                }
            }
        }
        return null;
    }

    /** The frame inside a heard datagram (what follows it is the seal). */
    byte[] frame(byte[] datagram) {
        int length = sealed
                ? datagram.length - TRAILER_FIXED - (datagram[datagram.length - TRAILER_FIXED] & 0xFF)
                : datagram.length;
        return Arrays.copyOf(datagram, length);
    }

    private RingMessage read(byte[] datagram) {
        byte[] frame = frame(datagram);
        return RingMessageCodec.decode(frame) instanceof DecodeResult.Decoded ok ? ok.ringMessage() : null;
    }

    private static boolean isOneOf(byte code, MessageType[] types) {
        for (MessageType type : types) {
            if (type.code() == code) {
                return true;
            }
        }
        return false;
    }
}
