package io.ringlab.support.discovery;

import java.util.List;

/** Asks DNS for a service's SRV records and the addresses of their targets. */
@FunctionalInterface
public interface SrvResolver {

    /**
     * The targets of {@code srvName}'s SRV records, each with its address; an empty list when the name has no SRV
     * record.
     *
     * @throws DiscoveryException when DNS cannot answer (no server reachable, a timeout, a name that does not exist)
     */
    List<SrvTarget> resolve(String srvName) throws DiscoveryException;
}
