package io.ringlab.server.election;

import io.ringlab.model.status.RingStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of the readiness group ({@code /actuator/health/readiness}): down while this server's own id is not in its
 * ring's member list, so that Kubernetes sends it no traffic and a rolling update waits. Up otherwise, also without
 * a ring.
 */
public class RingMembershipHealth implements HealthIndicator {

    private final RingService ring;

    public RingMembershipHealth(RingService ring) {
        this.ring = ring;
    }

    @Override
    public Health health() {
        if (!ring.isNotInConfiguration()) {
            return Health.up().build();
        }
        RingStatus status = ring.status().orElseThrow();
        return Health.down()
                .withDetail("reason", "this server is not in the ring's configuration: it takes no part in the ring")
                .withDetail("self", status.self())
                .withDetail("configuration", status.configuration())
                .withDetail("members", status.members())
                .build();
    }
}
