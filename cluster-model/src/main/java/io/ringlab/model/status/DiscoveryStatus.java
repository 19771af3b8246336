package io.ringlab.model.status;

/**
 * How the agent finds its servers in DNS, as its status shows it.
 *
 * @param srv              the SRV name asked
 * @param refreshMs        how often it is asked again when all is well
 * @param maxServers       the most servers taken from DNS
 * @param lastResolutionAt when DNS was last asked (epoch milliseconds); 0 before the first time
 * @param lastOk           whether that answer was applied (a failed query, or an answer with no usable server, keeps
 *                         the servers known before)
 * @param lastOutcome      what came of it, in a few words
 * @param resolutions      answers applied since start
 * @param failures         queries that failed, or whose answer was not applied
 * @param ignored          targets left out: a name not one label under the Service's domain, no address, no free slot
 */
public record DiscoveryStatus(
        String srv,
        long refreshMs,
        int maxServers,
        long lastResolutionAt,
        boolean lastOk,
        String lastOutcome,
        long resolutions,
        long failures,
        long ignored) {}
