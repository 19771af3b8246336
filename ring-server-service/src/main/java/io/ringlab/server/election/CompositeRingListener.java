package io.ringlab.server.election;

import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.RefusalReason;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;

import java.util.List;

/** Hands each election event to several listeners, in order: the server's own, then any other (metrics). */
class CompositeRingListener implements RingListener {

    private final List<RingListener> listeners;

    CompositeRingListener(List<RingListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void wentDown(RoundId round, long untilNanos) {
        listeners.forEach(l -> l.wentDown(round, untilNanos));
    }

    @Override
    public void cameUp(RoundId round, long nowNanos) {
        listeners.forEach(l -> l.cameUp(round, nowNanos));
    }

    @Override
    public void roundCompleted(RoundOutcome outcome) {
        listeners.forEach(l -> l.roundCompleted(outcome));
    }

    @Override
    public void roundAbandoned(RoundId round, String reason) {
        listeners.forEach(l -> l.roundAbandoned(round, reason));
    }

    @Override
    public void joinedRound(RoundId round, long value, boolean candidate) {
        listeners.forEach(l -> l.joinedRound(round, value, candidate));
    }

    @Override
    public void permitRefused(RoundId round, String winner, RefusalReason reason) {
        listeners.forEach(l -> l.permitRefused(round, winner, reason));
    }

    @Override
    public void peerSuspected(String peer) {
        listeners.forEach(l -> l.peerSuspected(peer));
    }

    @Override
    public void peerRestored(String peer) {
        listeners.forEach(l -> l.peerRestored(peer));
    }

    @Override
    public void ignored(RingMessage message, String reason) {
        listeners.forEach(l -> l.ignored(message, reason));
    }
}
