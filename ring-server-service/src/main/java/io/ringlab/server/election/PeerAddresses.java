package io.ringlab.server.election;

import io.ringlab.protocol.HostAndPort;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ring's peers by id, with their last resolved address; names are resolved again periodically. */
public class PeerAddresses {

    private final Map<String, HostAndPort> names = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> addresses = new ConcurrentHashMap<>();

    public PeerAddresses(List<HostAndPort> peers) {
        peers.forEach(peer -> names.put(peer.toString(), peer));
        resolveAgain();
    }

    /** The address of the peer with this id, or {@code null} for an id that is not a peer. */
    public InetSocketAddress get(String id) {
        return addresses.get(id);
    }

    public void resolveAgain() {
        names.forEach((id, name) -> addresses.put(id, name.resolveAgain(addresses.get(id))));
    }
}
