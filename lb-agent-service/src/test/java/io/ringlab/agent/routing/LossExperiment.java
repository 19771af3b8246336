package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import static io.ringlab.agent.routing.LossyNetwork.MS;

/**
 * The figures of docs/FAULT-TOLERANCE.md ("Random loss"), printed, not asserted: the agent as built under random loss,
 * a dead server and servers that answer only some requests, with 2, 3 and 4 tries; the retry budget against a cluster
 * too slow for the per-try timeout; and outlier rules compared on the same outcomes (the simulation runs with the
 * agent as built, and each rule is replayed over what its outlier detection was told: a replay's ejections do not
 * change the routing, its counts are what the rule would have ejected). Off unless {@code -Dringlab.experiment=true}:
 * <pre>
 * mvn -pl lb-agent-service -am test -Dtest=LossExperiment -Dsurefire.failIfNoSpecifiedTests=false -Dringlab.experiment=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "ringlab.experiment", matches = "true")
class LossExperiment {

    private static final long EJECTION = 1000 * MS;

    /** An outlier rule: replays outcomes, returns its ejections as {server, time}. */
    record Rule(String name, Function<List<LossyNetwork.Outcome>, List<long[]>> replay) {}

    /** {@code k} failures in a row as outlier detection was told of them (the former rule): a success resets. */
    static Rule asFound(int k, boolean onlyRequestsThatFailedEveryTry) {
        String name =
                onlyRequestsThatFailedEveryTry ? "requests failed on every try, " + k : "consecutive as found, " + k;
        return new Rule(name, outcomes -> {
            int[] count = new int[3];
            long[] until = new long[3];
            List<long[]> ejections = new ArrayList<>();
            for (LossyNetwork.Outcome o : outcomes) {
                int s = o.server();
                if (o.nowNanos() < until[s]) {
                    continue;
                }
                if (!o.failed()) {
                    count[s] = 0;
                } else if (onlyRequestsThatFailedEveryTry && o.nowNanos() - o.sentNanos() < 700 * MS) {
                    continue; // a per-try timeout: the request was retried
                } else if (++count[s] >= k) {
                    ejections.add(new long[] {s, o.nowNanos()});
                    until[s] = o.nowNanos() + EJECTION;
                    count[s] = 0;
                }
            }
            return ejections;
        });
    }

    /** Envoy's failure percentage over fixed intervals, counted as outcomes are told (not by send time). */
    static Rule failurePercent(int percent, int volume, long intervalMs) {
        return new Rule("failure rate >= " + percent + "% of >= " + volume + " per " + intervalMs + " ms", outcomes -> {
            long[] failed = new long[3];
            long[] total = new long[3];
            long[] until = new long[3];
            long intervalEnd = intervalMs * MS;
            List<long[]> ejections = new ArrayList<>();
            for (LossyNetwork.Outcome o : outcomes) {
                while (o.nowNanos() >= intervalEnd) {
                    for (int s = 0; s < 3; s++) {
                        if (intervalEnd >= until[s]
                                && total[s] >= volume
                                && failed[s] * 100 >= (long) percent * total[s]) {
                            ejections.add(new long[] {s, intervalEnd});
                            until[s] = intervalEnd + EJECTION;
                        }
                        failed[s] = 0;
                        total[s] = 0;
                    }
                    intervalEnd += intervalMs * MS;
                }
                total[o.server()]++;
                if (o.failed()) {
                    failed[o.server()]++;
                }
            }
            return ejections;
        });
    }

    /** {@code k} in a row in the order the tries were sent: the agent's {@link OutlierDetector} alone. */
    static Rule asSent(int k) {
        return new Rule("consecutive as sent, " + k, outcomes -> {
            Backends backends = new Backends(List.of(
                    new HostAndPort("127.0.0.1", 1), new HostAndPort("127.0.0.1", 2), new HostAndPort("127.0.0.1", 3)));
            OutlierDetector detector = new OutlierDetector(
                    backends, new OutlierDetector.Settings(k, EJECTION, EJECTION, 100, 0, 50, 1000 * MS, 600 * MS));
            List<long[]> ejections = new ArrayList<>();
            for (LossyNetwork.Outcome o : outcomes) {
                detector.tick(o.nowNanos());
                boolean before = backends.get(o.server()).ejected();
                if (o.failed()) {
                    detector.failure(o.server(), o.sentNanos(), o.nowNanos());
                } else {
                    detector.success(o.server(), o.sentNanos());
                }
                if (!before && backends.get(o.server()).ejected()) {
                    ejections.add(new long[] {o.server(), o.nowNanos()});
                }
            }
            return ejections;
        });
    }

    static final List<Rule> RULES = List.of(
            asFound(5, false),
            asFound(10, false),
            asFound(5, true),
            asFound(1, true),
            failurePercent(50, 50, 1000),
            failurePercent(85, 50, 1000),
            failurePercent(50, 20, 250),
            failurePercent(50, 50, 500),
            asSent(5),
            asSent(10));

    @Test
    void outlierRules() {
        var agent = LossyNetwork.AgentSettings.defaults();
        for (double loss : new double[] {0.05, 0.10}) {
            for (int threads : new int[] {50, 500}) {
                var base = LossyNetwork.Settings.defaults()
                        .duration(40_000)
                        .loss(loss, loss)
                        .threads(threads)
                        .agent(agent);
                replay(
                        "loss " + loss + " each way, " + threads + " threads, 40 s x 3 seeds",
                        seed -> new LossyNetwork(base.seed(seed)),
                        false);
            }
        }
        var clean = LossyNetwork.Settings.defaults().duration(20_000).agent(agent);
        replay(
                "no loss, server-2 dies at 10 s, 50 threads",
                seed -> new LossyNetwork(clean.seed(seed)).dies(1, 10_000),
                true);
        replay(
                "no loss, server-2 dies at 10 s, 2 threads",
                seed -> new LossyNetwork(clean.threads(2).seed(seed)).dies(1, 10_000),
                true);
        var lossy = clean.loss(0.05, 0.05);
        replay(
                "5% loss, server-2 dies at 10 s, 50 threads",
                seed -> new LossyNetwork(lossy.seed(seed)).dies(1, 10_000), true);
        for (double share : new double[] {0.3, 0.5, 0.9}) {
            replay(
                    "no loss, server-2 drops " + share + " of requests from 10 s, 50 threads",
                    seed -> new LossyNetwork(clean.seed(seed)).dropsRequests(1, share, 10_000),
                    true);
        }
    }

    private static void replay(String scenario, LongFunction<LossyNetwork> make, boolean hasVictim) {
        System.out.println("== " + scenario);
        for (Rule rule : RULES) {
            long healthy = 0;
            long victim = 0;
            List<Long> firstAfterMs = new ArrayList<>();
            for (long seed = 1; seed <= 3; seed++) {
                LossyNetwork network = make.apply(seed);
                network.run();
                long diedAt = network.diedAtNanos();
                long first = -1;
                for (long[] ejection : rule.replay().apply(network.outcomes())) {
                    if (hasVictim && ejection[0] == 1 && ejection[1] >= diedAt) {
                        victim++;
                        first = first < 0 ? (ejection[1] - diedAt) / MS : first;
                    } else {
                        healthy++;
                    }
                }
                firstAfterMs.add(first);
            }
            System.out.printf(
                    "  %-45s ejections of healthy servers %4d%s%n",
                    rule.name(),
                    healthy,
                    hasVictim ? ", of the failing one " + victim + ", first after (ms) " + firstAfterMs : "");
        }
    }

    @Test
    void agentAsBuilt() {
        for (int tries : new int[] {2, 3, 4}) {
            System.out.println("== the agent as built, " + tries + " tries, 3 seeds each");
            var agent = LossyNetwork.AgentSettings.defaults().maxTries(tries);
            for (double loss : new double[] {0.05, 0.10}) {
                for (int threads : new int[] {50, 500}) {
                    var base = LossyNetwork.Settings.defaults()
                            .duration(40_000)
                            .loss(loss, loss)
                            .threads(threads)
                            .agent(agent);
                    agentRow(
                            "loss " + loss + " each way, " + threads + " threads",
                            seed -> new LossyNetwork(base.seed(seed)),
                            40_000);
                    agentRow(
                            "loss " + loss + " each way, " + threads + " threads, 2 s downtime every 6 s",
                            seed -> new LossyNetwork(base.downtimes(6000, 2000).seed(seed)),
                            40_000);
                }
            }
            var clean = LossyNetwork.Settings.defaults().duration(20_000).agent(agent);
            agentRow("no loss", seed -> new LossyNetwork(clean.seed(seed)), 20_000);
            agentRow(
                    "no loss, server-2 dies at 10 s",
                    seed -> new LossyNetwork(clean.seed(seed)).dies(1, 10_000),
                    20_000);
            agentRow(
                    "no loss, server-2 dies at 10 s, 2 threads",
                    seed -> new LossyNetwork(clean.threads(2).seed(seed)).dies(1, 10_000),
                    20_000);
            agentRow(
                    "5% loss, server-2 dies at 10 s",
                    seed -> new LossyNetwork(clean.loss(0.05, 0.05).seed(seed)).dies(1, 10_000), 20_000);
            for (double share : new double[] {0.3, 0.5, 0.7, 0.9}) {
                agentRow(
                        "no loss, server-2 drops " + share + " of requests from 10 s",
                        seed -> new LossyNetwork(clean.seed(seed)).dropsRequests(1, share, 10_000),
                        20_000);
            }
        }
    }

    private static void agentRow(String name, LongFunction<LossyNetwork> make, long durationMs) {
        long answered = 0;
        long timedOut = 0;
        long ejections = 0;
        long unhealthy = 0;
        long retries = 0;
        List<Long> detection = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            LossyNetwork.Result r = make.apply(seed).run();
            answered += r.answered();
            timedOut += r.timedOut();
            ejections += r.ejections();
            unhealthy += r.markedUnhealthy();
            retries += r.retries();
            if (name.contains("dies") || name.contains("drops")) {
                detection.add(r.detectedAfterMs());
            }
        }
        System.out.printf(
                "  %-62s success %.4f%% (%d timeouts), %.0f req/s, retries %d, ejections %d, unhealthy %d%s%n",
                name,
                100.0 * answered / (answered + timedOut),
                timedOut,
                (answered + timedOut) / 3.0 / (durationMs / 1000.0),
                retries,
                ejections,
                unhealthy,
                detection.isEmpty() ? "" : ", out of rotation after (ms) " + detection);
    }

    @Test
    void retryBudget() {
        for (int percent : new int[] {-1, 20, 25}) {
            var agent = LossyNetwork.AgentSettings.defaults().budgetPercent(percent);
            System.out.println("== budget " + (percent < 0 ? "none" : percent + "%"));
            for (double loss : new double[] {0.05, 0.10}) {
                for (int threads : new int[] {50, 500}) {
                    budgetRow(
                            "loss " + loss + " each way, " + threads + " threads",
                            LossyNetwork.Settings.defaults()
                                    .duration(40_000)
                                    .loss(loss, loss)
                                    .threads(threads)
                                    .agent(agent),
                            UnaryOperator.identity());
                }
            }
            var clean = LossyNetwork.Settings.defaults().duration(30_000).agent(agent);
            budgetRow("no loss, server-2 dies at 10 s, 500 threads", clean.threads(500), n -> n.dies(1, 10_000));
            budgetRow("every server 1200 ms slow, 50 threads", clean, n -> n.slows(1200, 0));
            budgetRow("every server 1200 ms slow, 500 threads", clean.threads(500), n -> n.slows(1200, 0));
            budgetRow("every server 1700 ms slow, 500 threads", clean.threads(500), n -> n.slows(1700, 0));
        }
    }

    private static void budgetRow(String name, LossyNetwork.Settings base, UnaryOperator<LossyNetwork> fault) {
        LossyNetwork.Result r = fault.apply(new LossyNetwork(base.seed(1))).run();
        System.out.printf(
                "  %-50s success %.4f%%, answered %d, sent to servers %d, per request %.3f, retries %d, "
                        + "put off %d%n",
                name,
                r.successPercent(),
                r.answered(),
                r.requestsToServers(),
                (double) r.requestsToServers() / r.sent(),
                r.retries(),
                r.retriesPutOff());
    }
}
