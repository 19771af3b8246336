package io.ringlab.support.transport;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Seed-compatible raw datagrams (no framing: {@code socat}, {@code nc}, NGINX in front): whether they are answered,
 * and at what rate per source. A raw answer is as long as the datagram it answers, so it amplifies nothing; the
 * rate bounds what a forged source address can bounce at somebody else.
 *
 * @param enabled       answer raw datagrams at all
 * @param ratePerSource raw datagrams answered per second from one source address and port (0: no limit)
 * @param burst         raw datagrams from one source answered at once above that rate
 */
public record RawAnswers(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") @Min(0) int ratePerSource,
        @DefaultValue("200") @Min(1) int burst) {

    public static RawAnswers defaults() {
        return new RawAnswers(true, 2000, 200);
    }

    public SourceRateLimiter limiter() {
        return new SourceRateLimiter(ratePerSource, burst);
    }
}
