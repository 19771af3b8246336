package io.ringlab.server.serving;

import java.net.InetSocketAddress;

/** The addresses of the cluster's members that never send requests: the ring's servers, this one included. */
@FunctionalInterface
public interface MemberAddresses {

    boolean isMember(InetSocketAddress address);

    MemberAddresses NONE = address -> false;
}
