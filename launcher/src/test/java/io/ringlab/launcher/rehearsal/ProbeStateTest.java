package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.ringlab.launcher.rehearsal.Probe.Kind.LIVENESS;
import static io.ringlab.launcher.rehearsal.Probe.Kind.READINESS;
import static io.ringlab.launcher.rehearsal.Probe.Kind.STARTUP;
import static io.ringlab.launcher.rehearsal.ProbeState.Change.NONE;
import static io.ringlab.launcher.rehearsal.ProbeState.Change.READY;
import static io.ringlab.launcher.rehearsal.ProbeState.Change.RESTART;
import static io.ringlab.launcher.rehearsal.ProbeState.Change.STARTED;
import static io.ringlab.launcher.rehearsal.ProbeState.Change.UNREADY;
import static org.assertj.core.api.Assertions.assertThat;

class ProbeStateTest {

    private static Probe probe(int success, int failure) {
        return new Probe("/", 8080, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), success, failure);
    }

    @Test
    void livenessAndReadinessWaitForTheStartupProbe() {
        ProbeState state = new ProbeState(probe(1, 3), probe(1, 3), probe(1, 3));

        assertThat(state.runs(READINESS)).isFalse();
        assertThat(state.record(READINESS, true)).isEqualTo(NONE);
        assertThat(state.record(STARTUP, false)).isEqualTo(NONE);
        assertThat(state.record(STARTUP, true)).isEqualTo(STARTED);
        assertThat(state.runs(STARTUP)).isFalse();
        assertThat(state.record(READINESS, true)).isEqualTo(READY);
        assertThat(state.ready()).isTrue();
    }

    @Test
    void aStartupProbeThatKeepsFailingRestartsTheContainer() {
        ProbeState state = new ProbeState(probe(1, 2), probe(1, 3), probe(1, 3));

        assertThat(state.record(STARTUP, false)).isEqualTo(NONE);
        assertThat(state.record(STARTUP, false)).isEqualTo(RESTART);
    }

    @Test
    void readinessFollowsItsThresholdsAndLivenessRestartsAfterFailuresInARow() {
        ProbeState state = new ProbeState(null, probe(1, 2), probe(2, 2));

        assertThat(state.record(READINESS, true)).isEqualTo(NONE);
        assertThat(state.record(READINESS, true)).isEqualTo(READY);
        assertThat(state.record(READINESS, false)).isEqualTo(NONE);
        assertThat(state.record(READINESS, false)).isEqualTo(UNREADY);
        assertThat(state.record(LIVENESS, false)).isEqualTo(NONE);
        assertThat(state.record(LIVENESS, true)).isEqualTo(NONE);
        assertThat(state.record(LIVENESS, false)).isEqualTo(NONE);
        assertThat(state.record(LIVENESS, false)).isEqualTo(RESTART);

        state.reset();
        assertThat(state.ready()).isFalse();
    }
}
