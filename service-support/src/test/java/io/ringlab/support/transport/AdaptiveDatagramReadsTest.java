package io.ringlab.support.transport;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read buffer has one slot (a plain recvmsg) after a wake-up that brought one datagram, all of them after more. */
class AdaptiveDatagramReadsTest {

    private static final int SLOT = 1473;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AdaptiveDatagramReads.SlotsHandle handle =
            (AdaptiveDatagramReads.SlotsHandle) new AdaptiveDatagramReads(SLOT, 16, 64).newHandle();

    /** One read loop, as Netty's epoll channel reports it: each call's bytes, then -1 (EAGAIN) or a full stop. */
    private void readLoop(int... bytesPerCall) {
        handle.reset(channel.config());
        for (int bytes : bytesPerCall) {
            handle.lastBytesRead(bytes);
        }
        handle.readComplete();
    }

    @Test
    void startsWithOneSlotAndStaysThereWhileDatagramsComeOneAtATime() {
        assertThat(handle.slots()).isEqualTo(1);
        assertThat(handle.guess()).isEqualTo(SLOT);
        for (int i = 0; i < 5; i++) {
            readLoop(15, -1); // one datagram of 15 bytes by recvmsg, then nothing more
            assertThat(handle.slots()).isEqualTo(1);
        }
    }

    @Test
    void takesAllSlotsOnceAWakeUpBringsMoreThanOneAndOneAgainWhenItBringsOne() {
        readLoop(15, 15, -1); // two plain reads in one loop
        assertThat(handle.slots()).isEqualTo(16);
        assertThat(handle.guess()).isEqualTo(16 * SLOT);
        readLoop(2 * SLOT, -1); // recvmmsg reports datagrams times the slot
        assertThat(handle.slots()).isEqualTo(16);
        readLoop(16 * SLOT, 16 * SLOT, 16 * SLOT, 16 * SLOT);
        assertThat(handle.slots()).isEqualTo(16);
        readLoop(SLOT, -1);
        assertThat(handle.slots()).isEqualTo(1);
        readLoop(-1); // woken for nothing: one slot
        assertThat(handle.slots()).isEqualTo(1);
    }

    @Test
    void refusesSlotsThatCannotHoldAnything() {
        assertThatThrownBy(() -> new AdaptiveDatagramReads(0, 16, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveDatagramReads(SLOT, 0, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
