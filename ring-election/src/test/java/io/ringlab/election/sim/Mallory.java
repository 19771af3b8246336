package io.ringlab.election.sim;

import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameSealer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The adversary: a host on the ring's network that is not a ring member. It hears every datagram
 * ({@link Wiretap}) and injects its own at the times of its {@link AdversaryPlan}: forgeries in a real peer's name
 * ({@link Forger}), sealed under a key of its own or not sealed; genuine datagrams replayed to their receiver or to
 * another node; genuine datagrams with bits flipped, cut short or extended. All its choices come from its Random.
 */
final class Mallory {

    /** A datagram to deliver to {@code to}. */
    record Injection(DatagramOrigin origin, String to, byte[] datagram) {
    }

    private final List<String> ids;
    private final Random random;
    private final Wiretap tap;
    private final Forger forger;
    private final FrameSealer foreignSealer;

    /** @param foreignKeys keys the ring does not hold, which mallory seals its forgeries with */
    Mallory(List<String> ids, Random random, Wiretap tap, ClusterKeys foreignKeys) {
        this.ids = ids;
        this.random = random;
        this.tap = tap;
        this.forger = new Forger(ids, tap, random);
        this.foreignSealer = new FrameSealer(new ClusterKeyring(foreignKeys), random.nextLong());
    }

    /** When to inject, drawn from the plan's bursts. */
    List<Long> times(AdversaryPlan plan) {
        List<Long> times = new ArrayList<>();
        for (AdversaryPlan.Burst burst : plan.bursts()) {
            for (int i = 0; i < burst.datagrams(); i++) {
                times.add(burst.from() + (long) (random.nextDouble() * (burst.to() - burst.from())));
            }
        }
        return times;
    }

    /** How long an injected datagram takes to arrive: mallory is on the same LAN. */
    long delay() {
        return 50_000 + (long) (random.nextDouble() * 1_000_000);
    }

    Injection inject() {
        int dice = random.nextInt(100);
        if (dice < 25) {
            return forged(true);
        }
        if (dice < 40 || tap.isEmpty()) {
            return forged(false);
        }
        Wiretap.Heard heard = tap.any(random);
        if (dice < 60) {
            return new Injection(DatagramOrigin.REPLAYED, heard.to(), heard.datagram());
        }
        if (dice < 75) {
            return new Injection(DatagramOrigin.REPLAYED_ELSEWHERE, otherThan(heard.to()), heard.datagram());
        }
        if (dice < 85) {
            return new Injection(DatagramOrigin.BITS_FLIPPED, heard.to(), flipped(heard.datagram()));
        }
        if (dice < 93) {
            return new Injection(DatagramOrigin.TRUNCATED, heard.to(),
                    Arrays.copyOf(heard.datagram(), random.nextInt(heard.datagram().length)));
        }
        return new Injection(DatagramOrigin.EXTENDED, heard.to(), extended(heard.datagram()));
    }

    private Injection forged(boolean sealed) {
        Forger.Forgery forgery = forger.forge();
        byte[] frame = RingMessageCodec.encode(forgery.message());
        return sealed
                ? new Injection(DatagramOrigin.FORGED_SEALED, forgery.to(),
                        foreignSealer.seal(frame, forgery.message().sender(), forgery.to()))
                : new Injection(DatagramOrigin.FORGED_UNSEALED, forgery.to(), frame);
    }

    private byte[] flipped(byte[] datagram) {
        byte[] copy = datagram.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips || Arrays.equals(copy, datagram); i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] extended(byte[] datagram) {
        byte[] tail = new byte[1 + random.nextInt(16)];
        random.nextBytes(tail);
        byte[] longer = Arrays.copyOf(datagram, datagram.length + tail.length);
        System.arraycopy(tail, 0, longer, datagram.length, tail.length);
        return longer;
    }

    private String otherThan(String id) {
        String other = ids.get(random.nextInt(ids.size()));
        while (other.equals(id)) {
            other = ids.get(random.nextInt(ids.size()));
        }
        return other;
    }
}
