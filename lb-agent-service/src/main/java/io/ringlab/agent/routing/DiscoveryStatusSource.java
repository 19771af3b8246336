package io.ringlab.agent.routing;

import io.ringlab.model.status.DiscoveryStatus;

/** Where the agent's discovery status comes from (absent when the servers are a fixed list). */
public interface DiscoveryStatusSource {

    DiscoveryStatus discoveryStatus();
}
