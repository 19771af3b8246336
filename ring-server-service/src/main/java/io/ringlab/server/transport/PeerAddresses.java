package io.ringlab.server.transport;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.server.serving.MemberAddresses;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The ring's peers by id, with their last resolved address; names are resolved again periodically. */
public class PeerAddresses implements MemberAddresses {

    private final Map<String, HostAndPort> names = new LinkedHashMap<>();
    private final Map<String, InetSocketAddress> addresses = new ConcurrentHashMap<>();
    private volatile Set<InetSocketAddress> resolved = Set.of();

    public PeerAddresses(List<HostAndPort> peers) {
        peers.forEach(peer -> names.put(peer.toString(), peer));
        resolveAgain();
    }

    /** The address of the peer with this id, or {@code null} for an id that is not a peer. */
    public InetSocketAddress get(String id) {
        return addresses.get(id);
    }

    /** True for an id of the ring. */
    public boolean isPeer(String id) {
        return names.containsKey(id);
    }

    /** True for the address of a ring server, this one included. */
    @Override
    public boolean isMember(InetSocketAddress address) {
        return resolved.contains(address);
    }

    public synchronized void resolveAgain() {
        names.forEach((id, name) -> addresses.put(id, name.resolveAgain(addresses.get(id))));
        resolved = Set.copyOf(addresses.values().stream()
                .filter(address -> !address.isUnresolved())
                .toList());
    }
}
