package io.ringlab.election.sim;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameSealer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The adversary: a host on the ring's network that is not a ring member. It hears every datagram
 * ({@link Wiretap}) and injects its own at the times of its {@link AdversaryPlan}: forgeries in a real peer's name
 * ({@link Forger}), sealed under a key of its own or not sealed; genuine datagrams replayed to their receiver or to
 * another node; genuine datagrams with bits flipped, cut short or extended (its tactics, {@link DatagramOrigin}).
 * All its choices come from its Random.
 */
final class Mallory {

    /** A datagram to deliver to {@code to}. */
    record Injection(DatagramOrigin origin, String to, byte[] datagram) {}

    private final List<String> ids;
    private final ConfigurationId configuration;
    private final Random random;
    private final Wiretap tap;
    private final Forger forger;
    private final FrameSealer foreignSealer;
    private final List<DatagramOrigin> tactics;
    private final int totalWeight;

    /**
     * @param tactics     the kinds of datagram it makes
     * @param foreignKeys keys the ring does not hold, which mallory seals its forgeries with
     */
    Mallory(List<String> ids, Random random, Wiretap tap, Set<DatagramOrigin> tactics, ClusterKeys foreignKeys) {
        this.ids = ids;
        // not a secret: every ring message carries it, and mallory hears them
        this.configuration = ConfigurationId.of(ids);
        this.tactics =
                Arrays.stream(DatagramOrigin.values()).filter(tactics::contains).toList();
        this.totalWeight = this.tactics.stream().mapToInt(t -> t.weight).sum();
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

    /** One datagram made with one of its tactics, or null when that tactic needs a datagram and none was heard yet. */
    Injection inject() {
        DatagramOrigin tactic = pick();
        if (tactic.needsAHeardDatagram() && tap.isEmpty()) {
            return null;
        }
        Wiretap.Heard heard = tactic.needsAHeardDatagram() ? tap.any(random) : null;
        return switch (tactic) {
            case FORGED_SEALED -> forged(true);
            case FORGED_UNSEALED -> forged(false);
            case REPLAYED -> new Injection(tactic, heard.to(), heard.datagram());
            case REPLAYED_ELSEWHERE -> new Injection(tactic, otherThan(heard.to()), heard.datagram());
            case BITS_FLIPPED -> new Injection(tactic, heard.to(), flipped(heard.datagram()));
            case TRUNCATED ->
                new Injection(
                        tactic, heard.to(), Arrays.copyOf(heard.datagram(), random.nextInt(heard.datagram().length)));
            case EXTENDED -> new Injection(tactic, heard.to(), extended(heard.datagram()));
            case GENUINE -> throw new IllegalStateException("mallory sends no genuine datagram");
        };
    }

    private DatagramOrigin pick() {
        int dice = random.nextInt(totalWeight);
        for (DatagramOrigin tactic : tactics) {
            dice -= tactic.weight;
            if (dice < 0) {
                return tactic;
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    private Injection forged(boolean sealed) {
        Forger.Forgery forgery = forger.forge();
        byte[] frame = RingMessageCodec.encode(forgery.message(), configuration);
        return sealed
                ? new Injection(
                        DatagramOrigin.FORGED_SEALED,
                        forgery.to(),
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
