package io.ringlab.election.impl;

import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.StartResult;
import io.ringlab.election.Transport;
import io.ringlab.election.message.Ack;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.message.Up;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The state of one node and the named transitions that change it; handlers ({@code *Handler}, one message
 * type each) and tasks ({@code *Task}, one timer each) read the state and call the transitions, never write a
 * field. Single-threaded: the host serialises every call.
 */
final class Node {

    static final int MAX_RETRIES = 3;

    private final String self;
    private final Ring ring;
    private final Timing timing;
    private final Random random;
    private final Transport transport;
    private final RingListener listener;
    private final long incarnation;
    private final History history;
    private final Map<Direction, Link> links = new EnumMap<>(Direction.class);
    private final PermitRules permits;

    private boolean started;
    private long restartWaitUntil;
    private long maxTerm;
    private RoundState round;
    private RoundId lastAskedRound = RoundId.NONE;
    private PermitAsk ask;
    private Downtime down;
    private KnownDown knownDown;
    private long preparedValue = -1;
    private final boolean periodicEnabled;
    private boolean periodicPaused;
    private long nextElectionAt = Timing.NEVER;
    private long retryAt = Timing.NEVER;
    private int retriesLeft;
    private long nextProbeAt = Timing.NEVER;
    /** Peers not heard from since this node started: probed like suspected ones, so every peer learns of it. */
    private final Set<String> unconfirmed = new LinkedHashSet<>();
    /** Until when a member of another ring configuration was seen lately; nothing before the first. */
    private long configurationHoldUntil;

    private boolean configurationHeld;

    Node(
            String self,
            List<String> peers,
            Timing timing,
            boolean periodicEnabled,
            Random random,
            Transport transport,
            RingListener listener) {
        this.self = self;
        this.ring = new Ring(self, peers);
        this.timing = timing;
        this.periodicEnabled = periodicEnabled;
        this.random = random;
        this.transport = transport;
        this.listener = listener;
        this.incarnation = random.nextLong();
        this.history = new History(timing.historySize());
        this.permits = new PermitRules(this);
        links.put(Direction.LEFT, new Link());
        links.put(Direction.RIGHT, new Link());
    }

    // ---- what the handlers and tasks read

    String self() {
        return self;
    }

    long incarnation() {
        return incarnation;
    }

    Ring ring() {
        return ring;
    }

    Timing timing() {
        return timing;
    }

    RingListener listener() {
        return listener;
    }

    History history() {
        return history;
    }

    /** This node's side of the down permits: what it grants, and the lease it holds. */
    PermitRules permitRules() {
        return permits;
    }

    /** The messages on their way to each neighbour, resent until acknowledged. */
    Collection<Link> links() {
        return links.values();
    }

    /** The round this node is in, or {@code null} before its first. */
    RoundState round() {
        return round;
    }

    /** This node's ask for down permits as a round's winner, or {@code null}. */
    PermitAsk ask() {
        return ask;
    }

    /** This node's own planned downtime, or {@code null} while up. */
    Downtime down() {
        return down;
    }

    /** The latest downtime of another winner this node heard of, or {@code null}. */
    KnownDown knownDown() {
        return knownDown;
    }

    boolean periodicEnabled() {
        return periodicEnabled;
    }

    boolean periodicPaused() {
        return periodicPaused;
    }

    long nextElectionAt() {
        return nextElectionAt;
    }

    long retryAt() {
        return retryAt;
    }

    long nextProbeAt() {
        return nextProbeAt;
    }

    long restartWaitUntil() {
        return restartWaitUntil;
    }

    long configurationHoldUntil() {
        return configurationHoldUntil;
    }

    /** Peers not heard from since this node started. */
    Set<String> unconfirmed() {
        return unconfirmed;
    }

    /** Whether this node already asked for permits in round {@code id}. */
    boolean askedIn(RoundId id) {
        return id.equals(lastAskedRound);
    }

    // ---- transitions

    /** A message of a round with term {@code term} was seen: no new round of this node's is numbered below it. */
    void seeTerm(long term) {
        maxTerm = Math.max(maxTerm, term);
    }

    /** Starts a round as its initiator, with its retries renewed (an operator's or the periodic timer's round). */
    void initiateRound(long now) {
        retriesLeft = MAX_RETRIES;
        startRound(now);
    }

    /** The periodic timer fired while a round could not start: it fires again once that is over, plus jitter. */
    void deferPeriodic(long now) {
        nextElectionAt = blockedUntil(now) + jitter(timing.roundTimeout(), 1.0);
    }

    void pausePeriodic() {
        periodicPaused = true;
    }

    /** Periodic rounds again, the next one no sooner than an interval (plus jitter) from now. */
    void resumePeriodic(long now) {
        if (periodicPaused) {
            periodicPaused = false;
            nextElectionAt = Math.max(nextElectionAt, now + jitter(timing.interval(), 0.1));
        }
    }

    /** The retry timer fired: it is spent, whatever comes of it. */
    void takeRetry() {
        retryAt = Timing.NEVER;
    }

    /** A retry that could not start a round tries again once that is over, plus jitter. */
    void deferRetry(long now) {
        retryAt = blockedUntil(now) + jitter(timing.roundTimeout() / 2, 1.0);
    }

    /** This node's own round got a permit from it: the round goes on, no retry. */
    void stopRetrying() {
        retryAt = Timing.NEVER;
    }

    /** No peer to probe: the probe timer stops until a peer is suspected again. */
    void stopProbing() {
        nextProbeAt = Timing.NEVER;
    }

    /** Probed now; the next probe one probe interval later. */
    void probedAt(long now) {
        nextProbeAt = now + timing.probe();
    }

    /**
     * A {@code d} of round {@code id}, later than this node's round, arrived: it moves to that round, already
     * decided elsewhere, with no value of its own (an active round of its own is given up).
     */
    void enterCommittedRound(RoundId id, long now) {
        if (round != null && round.isActive()) {
            abandonRound("superseded by committed round " + id, now, false);
        }
        seeTerm(id.term());
        round = new RoundState(id, now, null, false, now);
    }

    /** As the winner of round {@code id}, this node is about to ask for permits: it asks once per round. */
    void markAskedIn(RoundId id) {
        lastAskedRound = id;
    }

    /** Asks the ring for down permits. */
    void beginAsk(PermitAsk permitAsk) {
        ask = permitAsk;
    }

    /** A majority granted: the ask is over and this node is down. */
    void goDown(Downtime downtime) {
        ask = null;
        down = downtime;
    }

    /** The downtime is over: up again, with a fresh value prepared for the next round; returns the downtime. */
    Downtime comeUp() {
        Downtime over = down;
        down = null;
        preparedValue = random.nextLong(timing.valueBound());
        return over;
    }

    /** A {@code u} of {@code winner} in round {@code id}: its downtime, if it is the one this node knew, is over. */
    void forgetDown(RoundId id, String winner) {
        if (knownDown != null
                && knownDown.round().equals(id)
                && knownDown.node().equals(winner)) {
            knownDown = null;
        }
    }

    /** On the first call: a node cannot tell a first start from a restart, so it always waits. */
    void startIfNeeded(long now) {
        if (started) {
            return;
        }
        started = true;
        restartWaitUntil = now + timing.restartWait();
        if (periodicEnabled) {
            nextElectionAt = now + jitter(timing.interval(), 1.0);
        }
        for (String peer : ring.others()) {
            send(peer, new Hello(self, RoundId.NONE, token()), RoundId.NONE);
        }
        unconfirmed.addAll(ring.others());
        nextProbeAt = now + timing.probe();
    }

    /** A peer was heard from in this node's configuration. */
    void confirm(String peer) {
        unconfirmed.remove(peer);
    }

    /** Whether a member showed another ring configuration less than the configuration hold ago. */
    boolean isHoldingForConfiguration(long now) {
        return configurationHeld && now < configurationHoldUntil;
    }

    /**
     * Member {@code peer} sent a message of another ring configuration: no round, no permit until the hold is over,
     * and the peer is skipped but kept probed, so that both sides keep seeing the mismatch while it lasts.
     */
    void otherConfiguration(String peer, long now) {
        if (!ring.isPeer(peer)) {
            return;
        }
        boolean wasHolding = isHoldingForConfiguration(now);
        configurationHeld = true;
        configurationHoldUntil = now + timing.configurationHold();
        if (!wasHolding) {
            listener.configurationChangeSeen(peer, configurationHoldUntil);
        }
        suspect(peer, now);
    }

    /** A fresh token, drawn at random: one an eavesdropper cannot guess from the tokens it saw. */
    long token() {
        return random.nextLong();
    }

    /** {@code base} plus up to {@code fraction} of it, at random. */
    long jitter(long base, double fraction) {
        return base + (long) (base * fraction * random.nextDouble());
    }

    long drawValue() {
        long value = preparedValue >= 0 ? preparedValue : random.nextLong(timing.valueBound());
        preparedValue = -1;
        return value;
    }

    RoundId currentRound() {
        return round == null ? RoundId.NONE : round.id;
    }

    boolean isRestarting(long now) {
        return now < restartWaitUntil;
    }

    void send(String to, RingMessage message, RoundId countAs) {
        history.countSent(countAs);
        transport.send(to, message);
    }

    void ack(RingMessage message, long token) {
        send(message.sender(), new Ack(self, token, currentRound()), message.round());
    }

    /** Sends {@code message} to the neighbour on side {@code toward}, resending until acknowledged. */
    void sendToward(Direction toward, RingMessage message, long token, long now) {
        Link link = links.get(toward);
        link.load(ring.neighbour(toward), message, token);
        transmit(link, now);
    }

    void transmit(Link link, long now) {
        link.lastSentAt = now;
        if (link.target != null) {
            link.attempts++;
            send(link.target, link.message, round == null ? RoundId.NONE : round.id);
        }
    }

    void clearLinks() {
        links.values().forEach(Link::clear);
    }

    /** Joins round {@code id}: a fresh value, empty nominee slots; an older round is given up. */
    void join(RoundId id, long now, boolean initiatedHere) {
        if (round != null && round.isActive()) {
            abandonRound("superseded by round " + id, now, false);
        }
        if (ask != null && !ask.round.equals(id)) {
            abandonAsk(now);
        }
        maxTerm = Math.max(maxTerm, id.term());
        boolean candidate = down == null && !isRestarting(now);
        Nominee me = candidate ? new Nominee(self, drawValue()) : null;
        round = new RoundState(id, now, me, initiatedHere, now + timing.roundTimeout());
        clearLinks();
        if (!initiatedHere) {
            retryAt = Timing.NEVER;
        }
        reschedulePeriodic(now);
        listener.joinedRound(id, round.ownValue(), candidate);
    }

    /** Starts a new round as its initiator: nominates itself to both sides (seed: timer fired). */
    void startRound(long now) {
        RoundId id = new RoundId(maxTerm + 1, self, incarnation);
        join(id, now, true);
        Nominee me = round.self;
        for (Direction toward : Direction.values()) {
            round.sent.put(toward, me);
            long token = token();
            sendToward(toward, new Election(self, id, toward, me, token), token, now);
        }
    }

    StartResult canStart(long now) {
        if (down != null) {
            return StartResult.REFUSED_DOWN;
        }
        if (isRestarting(now)) {
            return StartResult.REFUSED_RESTARTING;
        }
        if (isHoldingForConfiguration(now)) {
            return StartResult.REFUSED_CONFIGURATION_CHANGE;
        }
        if (quietUntil(now) > now) {
            return StartResult.REFUSED_WINNER_DOWN;
        }
        if (ask != null || (round != null && round.isActive())) {
            return StartResult.REFUSED_ROUND_IN_PROGRESS;
        }
        if (maxTerm >= RoundId.MAX_TERM) {
            // no term left for a new round: only a faulty member that sent the last term brings this about
            return StartResult.REFUSED_ROUND_IN_PROGRESS;
        }
        return StartResult.STARTED;
    }

    /** Until when {@link #canStart} refuses, for timers that defer. */
    long blockedUntil(long now) {
        long until = now;
        if (down != null) {
            until = Math.max(until, down.until);
        }
        until = Math.max(until, restartWaitUntil);
        if (isHoldingForConfiguration(now)) {
            until = Math.max(until, configurationHoldUntil);
        }
        until = Math.max(until, quietUntil(now));
        if (ask != null) {
            until = Math.max(until, ask.deadline);
        }
        if (round != null && round.isActive()) {
            until = Math.max(until, round.deadline);
        }
        return until;
    }

    /** Until when a winner is or may be down as far as this node knows ({@code Long.MIN_VALUE} if not). */
    long quietUntil(long now) {
        long until = Long.MIN_VALUE;
        if (down != null) {
            until = down.until;
        }
        Lease lease = permits.lease();
        if (lease != null && lease.isLive(now)) {
            until = Math.max(until, lease.until);
        }
        if (knownDown != null && knownDown.until() > now) {
            until = Math.max(until, knownDown.until());
        }
        return until;
    }

    void learnDown(KnownDown heard) {
        if (knownDown == null || heard.until() > knownDown.until()) {
            knownDown = heard;
        }
    }

    void reschedulePeriodic(long now) {
        if (periodicEnabled) {
            nextElectionAt = now + jitter(timing.interval(), 0.1);
        }
    }

    void abandonRound(String reason, long now, boolean retry) {
        RoundState abandoned = round;
        abandoned.phase = Phase.ABANDONED;
        clearLinks();
        if (ask != null && ask.round.equals(abandoned.id)) {
            abandonAsk(now);
        }
        listener.roundAbandoned(abandoned.id, reason);
        if (retry && abandoned.initiatedHere && retriesLeft > 0) {
            retriesLeft--;
            retryAt = Math.max(now, quietUntil(now)) + jitter(timing.roundTimeout() / 2, 1.0);
        }
    }

    /** The winner gives up its ask: it will never go down for it, so every permit is released. */
    void abandonAsk(long now) {
        PermitAsk given = ask;
        ask = null;
        permits.release(given.round, self, given.token);
        for (String peer : ring.others()) {
            send(peer, new Up(self, given.round, given.token), given.round);
        }
    }

    /** Records round {@code id} as committed with {@code winner} (once per round). */
    void finishRound(RoundId id, String winner, long value, long now) {
        if (history.isFinished(id)) {
            return;
        }
        long startedAt = now;
        if (round != null && round.id.equals(id)) {
            startedAt = round.joinedAt;
            round.phase = Phase.FINISHED;
            clearLinks();
        }
        retryAt = Timing.NEVER;
        reschedulePeriodic(now);
        RoundOutcome outcome =
                new RoundOutcome(id, winner, value, startedAt, now, history.sentFor(id), winner.equals(self));
        history.finish(outcome);
        listener.roundCompleted(outcome);
    }

    void suspect(String peer, long now) {
        if (ring.suspect(peer)) {
            listener.peerSuspected(peer);
            if (nextProbeAt == Timing.NEVER) {
                nextProbeAt = now + timing.probe();
            }
            retarget(now);
        }
    }

    void restore(String peer, long now) {
        if (ring.restore(peer)) {
            listener.peerRestored(peer);
            retarget(now);
        }
    }

    /** After the neighbours changed: pending messages go to the new neighbour on their side. */
    private void retarget(long now) {
        for (Map.Entry<Direction, Link> entry : links.entrySet()) {
            Link link = entry.getValue();
            String neighbour = ring.neighbour(entry.getKey());
            if (link.pending && !Objects.equals(neighbour, link.target)) {
                link.target = neighbour;
                link.attempts = 0;
                transmit(link, now);
            }
        }
    }
}
