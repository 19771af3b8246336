package io.ringlab.server.election;

import io.ringlab.election.message.ConfigurationId;
import io.ringlab.model.status.RingStatus;
import io.ringlab.support.transport.DropCounter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RingMembershipHealthTest {

    private static final List<String> MEMBERS = List.of(
            "ring-server-0.ring-server:4242", "ring-server-1.ring-server:4242", "ring-server-2.ring-server:4242");

    @Test
    void downWithTheConfigurationWhenThisServerIsNotInItsRing() {
        RingService ring = RingService.notInConfiguration(new DropCounter(), "ring-server-3.ring-server:4242", MEMBERS);

        Health health = new RingMembershipHealth(ring).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails())
                .containsEntry("self", "ring-server-3.ring-server:4242")
                .containsEntry("configuration", ConfigurationId.of(MEMBERS).toString())
                .containsEntry("members", MEMBERS);
        assertThat(ring.status()).hasValueSatisfying(status -> {
            assertThat(status.state()).isEqualTo(RingStatus.NOT_IN_CONFIGURATION);
            assertThat(status.members()).isEqualTo(MEMBERS);
        });
    }

    @Test
    void upWithoutARing() {
        assertThat(new RingMembershipHealth(RingService.none(new DropCounter()))
                        .health()
                        .getStatus())
                .isEqualTo(Status.UP);
    }
}
