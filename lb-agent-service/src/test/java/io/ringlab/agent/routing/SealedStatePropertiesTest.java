package io.ringlab.agent.routing;

import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sealed server states at the agent, over generated states and corruptions; jqwik prints the seed of a failure. */
class SealedStatePropertiesTest {

    @Property(tries = 2000)
    void aStateWithABitFlippedAnywhereChangesNothing(
            @ForAll long sequence,
            @ForAll boolean up,
            @ForAll @IntRange(max = 100_000) int position,
            @ForAll @IntRange(max = 7) int bit) {
        Fixture fixture = new Fixture();
        byte[] sealed = fixture.states.from(fixture.backends.get(0), new ServerState(sequence, up, 0, 0));
        sealed[position % sealed.length] ^= (byte) (1 << bit);
        fixture.receiver.receive(sealed);
        assertThat(fixture.backends.get(0).statesAppliedCount()).isZero();
        assertThat(fixture.drops.count(DropReason.AUTH_FAILED)).isEqualTo(1);
    }

    @Property(tries = 500)
    void aStateIsAppliedOnceHoweverOftenItArrives(
            @ForAll @IntRange(min = 1, max = 1_000_000) int sequence, @ForAll @IntRange(min = 2, max = 6) int copies) {
        Fixture fixture = new Fixture();
        byte[] sealed = fixture.states.from(fixture.backends.get(0), ServerState.down(sequence, 1_000));
        for (int i = 0; i < copies; i++) {
            fixture.receiver.receive(sealed);
        }
        assertThat(fixture.backends.get(0).statesAppliedCount()).isEqualTo(1);
        assertThat(fixture.drops.count(DropReason.REPLAYED)).isEqualTo(copies - 1);
    }

    @Property(tries = 500)
    void aStateUnderAnotherKeyIsNeverApplied(@ForAll long sequence, @ForAll boolean up) {
        Fixture fixture = new Fixture();
        fixture.receiver.receive(SealedStates.forged(fixture.backends.get(1), new ServerState(sequence, up, 0, 0)));
        assertThat(fixture.backends.get(1).statesAppliedCount()).isZero();
        assertThat(fixture.drops.count(DropReason.AUTH_FAILED)).isEqualTo(1);
    }

    private static final class Fixture {
        final Backends backends =
                new Backends(List.of(new HostAndPort("127.0.0.1", 4242), new HostAndPort("127.0.0.1", 4243)));
        final SealedStates states = new SealedStates();
        final DropCounter drops = new DropCounter();
        final ServerStateReceiver receiver = new ServerStateReceiver(
                states.authenticator,
                SealedStates.AGENT,
                backends,
                new HealthChecker(backends, 2, (to, datagram) -> {}, states.agentSealer, SealedStates.AGENT, () -> 1),
                drops);
    }
}
