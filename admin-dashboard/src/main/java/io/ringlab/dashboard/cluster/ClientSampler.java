package io.ringlab.dashboard.cluster;

import io.ringlab.model.status.ClientStatus;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns each client's cumulative status (requests sent, responses, total response time…) into per-interval
 * samples by difference with the one before. A client whose counters went back (it was reset or restarted)
 * starts again from zero.
 */
final class ClientSampler {

    private record Counters(long time, long sent, long responses, long failures, double totalMs) {

        static Counters of(long time, ClientStatus status) {
            long responses = status.responses();
            return new Counters(
                    time,
                    status.sent(),
                    responses,
                    status.timeouts() + status.wrongReplies(),
                    status.averageMs() * responses);
        }

        boolean before(Counters later) {
            return later.sent >= sent && later.responses >= responses && later.failures >= failures;
        }
    }

    private final Map<String, Counters> previous = new HashMap<>();

    /** The next sample of a client; {@code status} is null when it did not answer. */
    synchronized ClientSample next(String client, long time, ClientStatus status) {
        if (status == null) {
            previous.remove(client);
            return ClientSample.gap(time);
        }
        Counters now = Counters.of(time, status);
        Counters before = previous.put(client, now);
        if (before == null) {
            // the first look at this client: no interval to measure yet
            return new ClientSample(
                    time,
                    null,
                    null,
                    null,
                    percentile(status, status.p50Ms()),
                    percentile(status, status.p99Ms()),
                    percentile(status, status.p999Ms()));
        }
        if (!before.before(now)) {
            before = new Counters(before.time(), 0, 0, 0, 0);
        }
        double seconds = Math.max(1, now.time() - before.time()) / 1000.0;
        long responses = now.responses() - before.responses();
        long finished = responses + now.failures() - before.failures();
        return new ClientSample(
                time,
                (now.sent() - before.sent()) / seconds,
                finished == 0 ? null : 100.0 * responses / finished,
                responses == 0 ? null : (now.totalMs() - before.totalMs()) / responses,
                percentile(status, status.p50Ms()),
                percentile(status, status.p99Ms()),
                percentile(status, status.p999Ms()));
    }

    /** A percentile means nothing before the first response. */
    private static Double percentile(ClientStatus status, double value) {
        return status.responses() == 0 ? null : value;
    }
}
