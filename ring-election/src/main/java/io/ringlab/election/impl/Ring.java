package io.ringlab.election.impl;

import io.ringlab.election.message.Direction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configured ring order and which peers are skipped as crashed. Neighbours are the nearest peers in
 * list order (wrapping) that are not suspected.
 */
final class Ring {

    private final List<String> peers;
    private final Map<String, Integer> index = new HashMap<>();
    private final int self;
    private final Set<String> suspected = new LinkedHashSet<>();

    Ring(String self, List<String> peers) {
        this.peers = List.copyOf(peers);
        for (int i = 0; i < this.peers.size(); i++) {
            index.put(this.peers.get(i), i);
        }
        this.self = index.get(self);
    }

    String self() {
        return peers.get(self);
    }

    boolean isPeer(String id) {
        return index.containsKey(id) && !id.equals(self());
    }

    /** The configured ring, in ring order. */
    List<String> members() {
        return peers;
    }

    int size() {
        return peers.size();
    }

    /** A majority of the configured nodes. */
    int majority() {
        return peers.size() / 2 + 1;
    }

    /** All peers but this node, in ring order starting after it. */
    List<String> others() {
        List<String> others = new ArrayList<>(peers.size() - 1);
        for (int step = 1; step < peers.size(); step++) {
            others.add(peers.get((self + step) % peers.size()));
        }
        return others;
    }

    /** The nearest unsuspected peer on that side, or null when every other peer is suspected. */
    String neighbour(Direction side) {
        int step = side == Direction.RIGHT ? 1 : peers.size() - 1;
        for (int i = 1, at = (self + step) % peers.size(); i < peers.size(); i++, at = (at + step) % peers.size()) {
            String peer = peers.get(at);
            if (!suspected.contains(peer)) {
                return peer;
            }
        }
        return null;
    }

    boolean suspect(String peer) {
        return isPeer(peer) && suspected.add(peer);
    }

    boolean restore(String peer) {
        return suspected.remove(peer);
    }

    Set<String> suspected() {
        return Collections.unmodifiableSet(suspected);
    }
}
