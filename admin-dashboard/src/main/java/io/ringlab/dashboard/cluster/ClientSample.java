package io.ringlab.dashboard.cluster;

/**
 * One point of a client's charts. Rates, success and the average are over the interval since the previous
 * sample; the percentiles are the client's own (over everything it recorded since it started or was reset).
 * Every figure is {@code null} when it is unknown: the client did not answer, or finished no request in the
 * interval (a chart shows a gap there).
 *
 * @param time              when it was taken, milliseconds since the epoch
 * @param requestsPerSecond requests sent per second
 * @param successRate       answered over finished requests, in percent
 */
public record ClientSample(
        long time,
        Double requestsPerSecond,
        Double successRate,
        Double averageMs,
        Double p50Ms,
        Double p99Ms,
        Double p999Ms) {

    static ClientSample gap(long time) {
        return new ClientSample(time, null, null, null, null, null, null);
    }
}
