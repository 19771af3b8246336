package io.ringlab.election.impl;

import io.ringlab.election.message.Hello;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Probes skipped peers, and peers not heard from since this node started; any answer (or any message from them)
 * takes them back into the ring.
 */
final class ProbeTask implements Task {

    private final Node node;

    ProbeTask(Node node) {
        this.node = node;
    }

    @Override
    public void run(long now) {
        if (node.nextProbeAt() == Timing.NEVER || now < node.nextProbeAt()) {
            return;
        }
        Set<String> probed = new LinkedHashSet<>(node.ring().suspected());
        probed.addAll(node.unconfirmed());
        if (probed.isEmpty()) {
            node.stopProbing();
            return;
        }
        node.probedAt(now);
        for (String peer : probed) {
            node.send(peer, new Hello(node.self(), node.currentRound(), node.token()), node.currentRound());
        }
    }

    @Override
    public long dueAt() {
        return node.nextProbeAt();
    }
}
