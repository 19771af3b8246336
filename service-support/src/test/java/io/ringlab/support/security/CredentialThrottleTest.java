package io.ringlab.support.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** Like System.nanoTime(), an origin anywhere: here the counter overflows during each test. */
    private final AtomicLong now =
            new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(30).toNanos());

    private final CredentialThrottle throttle = new CredentialThrottle(5, WINDOW, 100, now::get);

    @Test
    void aSourceIsBlockedAtTheFifthFailureWithinTheWindowAndForOneWindow() {
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(throttle.failed("10.0.0.1")).as("failure %d", failure).isFalse();
            assertThat(throttle.retryAfter("10.0.0.1")).isZero();
            advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.failed("10.0.0.1")).isTrue();
        assertThat(throttle.retryAfter("10.0.0.1")).isEqualTo(WINDOW);

        advance(Duration.ofSeconds(59));
        assertThat(throttle.retryAfter("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("10.0.0.1")).isZero();
    }

    @Test
    void afterTheBlockASourceStartsAgainFromNoFailures() {
        failTimes("10.0.0.1", 5);
        advance(WINDOW);

        assertThat(throttle.failed("10.0.0.1")).isFalse();
        assertThat(throttle.retryAfter("10.0.0.1")).isZero();
        assertThat(failTimes("10.0.0.1", 3)).isFalse();
        assertThat(throttle.failed("10.0.0.1")).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        failTimes("10.0.0.1", 4);
        advance(WINDOW);

        assertThat(failTimes("10.0.0.1", 4)).isFalse();
        assertThat(throttle.retryAfter("10.0.0.1")).isZero();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        failTimes("10.0.0.1", 4);
        throttle.succeeded("10.0.0.1");

        assertThat(failTimes("10.0.0.1", 4)).isFalse();
        assertThat(throttle.retryAfter("10.0.0.1")).isZero();
    }

    @Test
    void sourcesAreCountedApart() {
        failTimes("10.0.0.1", 5);

        assertThat(throttle.retryAfter("10.0.0.1")).isPositive();
        assertThat(throttle.retryAfter("10.0.0.2")).isZero();
        assertThat(throttle.failed("10.0.0.2")).isFalse();
    }

    @Test
    void theTableIsBoundedAndForgetsTheLeastRecentlySeenSource() {
        CredentialThrottle small = new CredentialThrottle(2, WINDOW, 3, now::get);
        small.failed("a");
        small.failed("a");
        small.failed("b");
        small.failed("c");
        assertThat(small.retryAfter("a")).as("seen now: the most recent").isPositive();

        small.failed("d");

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.retryAfter("a")).as("still remembered and blocked").isPositive();
        assertThat(small.failed("b"))
                .as("b was forgotten: this is its first failure again")
                .isFalse();
        for (int source = 0; source < 10_000; source++) {
            small.failed("flood-" + source);
        }
        assertThat(small.size()).isEqualTo(3);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new CredentialThrottle(0, WINDOW, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialThrottle(5, Duration.ZERO, 10, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialThrottle(5, WINDOW, 0, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** @return whether the last failure blocked the source */
    private boolean failTimes(String source, int times) {
        boolean blocked = false;
        for (int i = 0; i < times; i++) {
            blocked = throttle.failed(source);
        }
        return blocked;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
