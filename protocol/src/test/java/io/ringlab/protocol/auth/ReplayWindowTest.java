package io.ringlab.protocol.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayWindowTest {

    @Test
    void acceptsEachSequenceOnceInAnyOrderWithinTheWindow() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(5)).isTrue();
        assertThat(window.accept(3)).isTrue();
        assertThat(window.accept(5)).isFalse();
        assertThat(window.accept(3)).isFalse();
        assertThat(window.accept(4)).isTrue();
        assertThat(window.accept(900)).isTrue();
        assertThat(window.accept(6)).as("still inside the window").isTrue();
        assertThat(window.accept(6)).isFalse();
    }

    @Test
    void refusesWhatIsOlderThanTheWindowAndNonPositiveSequences() {
        ReplayWindow window = new ReplayWindow();
        assertThat(window.accept(0)).isFalse();
        assertThat(window.accept(-1)).isFalse();
        assertThat(window.accept(10_000)).isTrue();
        assertThat(window.accept(10_000 - ReplayWindow.SIZE)).isFalse();
        assertThat(window.accept(10_000 - ReplayWindow.SIZE + 1)).isTrue();
    }

    @Test
    void aLargeJumpForgetsEverythingBelowIt() {
        ReplayWindow window = new ReplayWindow();
        for (long s = 1; s <= 2000; s++) {
            assertThat(window.accept(s)).isTrue();
        }
        assertThat(window.accept(Long.MAX_VALUE)).isTrue();
        assertThat(window.accept(Long.MAX_VALUE)).isFalse();
        assertThat(window.accept(Long.MAX_VALUE - 1)).isTrue();
        assertThat(window.accept(2000)).isFalse();
    }

    @Test
    void everySlotIsClearedWhenTheWindowMovesPastIt() {
        ReplayWindow window = new ReplayWindow();
        for (long s = 1; s <= 64 * 20; s++) {
            window.accept(s);
        }
        // each of these was never seen; their bitmap words were used by sequences a full turn earlier
        for (long s = 64 * 20 + 1; s <= 64 * 40; s += 7) {
            assertThat(window.accept(s)).as("sequence %d", s).isTrue();
        }
    }
}
