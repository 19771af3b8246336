package io.ringlab.server.downtime;

import io.ringlab.protocol.ServerState;
import io.ringlab.server.downtime.ServerAvailability.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DowntimeGateTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DRAIN = SECOND / 4;

    private final ServerAvailability availability = new ServerAvailability();
    private final DowntimeGate gate = new DowntimeGate(availability);

    @Test
    void theRequestPathAnswersWhileUpAndDrainingAndIsSilentAfterTheDrain() {
        long now = 42 * SECOND;
        assertThat(gate.silent(now)).isFalse();
        assertThat(gate.state(now).up()).isTrue();

        availability.goDown(Reason.ELECTION, now, DRAIN, now + 10 * SECOND);
        assertThat(gate.silent(now + DRAIN - 1)).as("draining").isFalse();
        assertThat(gate.silent(now + DRAIN)).isTrue();

        ServerState health = gate.state(now + 4 * SECOND);
        assertThat(health.up()).isFalse();
        assertThat(health.remainingMillis()).isEqualTo(6_000);

        ServerState up = availability.comeUp(Reason.ELECTION);
        assertThat(gate.silent(now + 11 * SECOND)).isFalse();
        ServerState after = gate.state(now + 11 * SECOND);
        assertThat(after.up()).isTrue();
        assertThat(after.sequence())
                .as("each state newer than the last")
                .isGreaterThan(up.sequence())
                .isGreaterThan(health.sequence());
    }
}
