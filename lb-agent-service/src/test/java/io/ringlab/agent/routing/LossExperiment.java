package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;

import static io.ringlab.agent.routing.LossyNetwork.MS;

/**
 * Outlier rules compared on the same outcomes: the simulation runs with the agent as it is, and each rule is replayed
 * over what outlier detection was told (ejections in a replay do not change the routing; counts are of what the rule
 * would have ejected). Run with -Dringlab.experiment=true.
 */
@EnabledIfSystemProperty(named = "ringlab.experiment", matches = "true")
class LossExperiment {

    interface Rule {
        String name();

        /** Ejection times (nanos) per server, ejections lasting 1 s. */
        List<long[]> replay(List<LossyNetwork.Outcome> outcomes);
    }

    static Rule detectionOrder(int k) {
        return new Rule() {
            public String name() { return "consecutive as found, " + k; }
            public List<long[]> replay(List<LossyNetwork.Outcome> outcomes) {
                int[] count = new int[3];
                long[] until = new long[3];
                List<long[]> ejections = new ArrayList<>();
                for (var o : outcomes) {
                    if (o.nowNanos() < until[o.server()]) continue;
                    if (!o.failed()) { count[o.server()] = 0; continue; }
                    if (++count[o.server()] >= k) {
                        ejections.add(new long[] {o.server(), o.nowNanos()});
                        until[o.server()] = o.nowNanos() + 1000 * MS;
                        count[o.server()] = 0;
                    }
                }
                return ejections;
            }
        };
    }

    static Rule allTriesFailed(int k) {
        return new Rule() {
            public String name() { return "requests failed on every try, " + k; }
            public List<long[]> replay(List<LossyNetwork.Outcome> outcomes) {
                int[] count = new int[3];
                long[] until = new long[3];
                List<long[]> ejections = new ArrayList<>();
                for (var o : outcomes) {
                    if (o.nowNanos() < until[o.server()]) continue;
                    if (!o.failed()) { count[o.server()] = 0; continue; }
                    if (o.nowNanos() - o.sentNanos() < 700 * MS) continue; // a per-try timeout, retried
                    if (++count[o.server()] >= k) {
                        ejections.add(new long[] {o.server(), o.nowNanos()});
                        until[o.server()] = o.nowNanos() + 1000 * MS;
                        count[o.server()] = 0;
                    }
                }
                return ejections;
            }
        };
    }

    static Rule failurePercent(int percent, int volume, long intervalMs) {
        return new Rule() {
            public String name() { return "failure rate >= " + percent + "% of >= " + volume + " per " + intervalMs + " ms"; }
            public List<long[]> replay(List<LossyNetwork.Outcome> outcomes) {
                long[] failed = new long[3], total = new long[3], until = new long[3];
                long intervalEnd = intervalMs * MS;
                List<long[]> ejections = new ArrayList<>();
                for (var o : outcomes) {
                    while (o.nowNanos() >= intervalEnd) {
                        for (int s = 0; s < 3; s++) {
                            if (intervalEnd >= until[s] && total[s] >= volume && failed[s] * 100 >= (long) percent * total[s]) {
                                ejections.add(new long[] {s, intervalEnd});
                                until[s] = intervalEnd + 1000 * MS;
                            }
                            failed[s] = 0;
                            total[s] = 0;
                        }
                        intervalEnd += intervalMs * MS;
                    }
                    total[o.server()]++;
                    if (o.failed()) failed[o.server()]++;
                }
                return ejections;
            }
        };
    }

    static Rule sendOrder(int k) {
        return new Rule() {
            public String name() { return "consecutive as sent, " + k; }
            public List<long[]> replay(List<LossyNetwork.Outcome> outcomes) {
                Backends backends = new Backends(List.of(new HostAndPort("127.0.0.1", 1), new HostAndPort("127.0.0.1", 2),
                        new HostAndPort("127.0.0.1", 3)));
                OutlierDetector detector = new OutlierDetector(backends, new OutlierDetector.Settings(k, 1000 * MS, 1000 * MS, 100, 0, 50, 1000 * MS, 600 * MS));
                List<long[]> ejections = new ArrayList<>();
                for (var o : outcomes) {
                    detector.tick(o.nowNanos());
                    boolean before = backends.get(o.server()).ejected();
                    if (o.failed()) detector.failure(o.server(), o.sentNanos(), o.nowNanos());
                    else detector.success(o.server(), o.sentNanos());
                    if (!before && backends.get(o.server()).ejected()) ejections.add(new long[] {o.server(), o.nowNanos()});
                }
                return ejections;
            }
        };
    }

    static final List<Rule> RULES = List.of(detectionOrder(5), detectionOrder(10), allTriesFailed(5), allTriesFailed(1),
            failurePercent(50, 50, 1000), failurePercent(85, 50, 1000), failurePercent(50, 20, 250), failurePercent(50, 50, 500), sendOrder(5), sendOrder(10));

    static void scenario(String name, java.util.function.LongFunction<LossyNetwork> make, boolean hasVictim) {
        System.out.println("== " + name);
        for (Rule rule : RULES) {
            long spurious = 0, victimEjections = 0;
            List<Long> detection = new ArrayList<>();
            double victimOut = 0;
            for (long seed = 1; seed <= 3; seed++) {
                LossyNetwork net = make.apply(seed);
                net.run();
                long diedAt = net.diedAtNanos();
                long first = -1;
                for (long[] e : rule.replay(net.outcomes())) {
                    boolean victim = hasVictim && e[0] == 1 && e[1] >= diedAt;
                    if (victim) {
                        victimEjections++;
                        if (first < 0) first = (e[1] - diedAt) / MS;
                    } else {
                        spurious++;
                    }
                }
                if (hasVictim) detection.add(first);
            }
            System.out.printf("  %-45s ejections of healthy servers %4d%s%n", rule.name(), spurious,
                    hasVictim ? ", of the failing one " + victimEjections + ", first after (ms) " + detection : "");
        }
    }

    private static void agentRow(String name, java.util.function.LongFunction<LossyNetwork> make, long durationMs) {
        long answered = 0, timedOut = 0, ejections = 0, unhealthy = 0, retries = 0;
        List<Long> detection = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            var r = make.apply(seed).run();
            answered += r.answered(); timedOut += r.timedOut(); ejections += r.ejections(); unhealthy += r.markedUnhealthy();
            retries += r.retries();
            if (r.detectedAfterMs() >= 0 || name.contains("dies") || name.contains("drops")) detection.add(r.detectedAfterMs());
        }
        System.out.printf("  %-62s success %.4f%% (%d timeouts), %.0f req/s, retries %d, ejections %d, unhealthy %d%s%n",
                name, 100.0 * answered / (answered + timedOut), timedOut, (answered + timedOut) / 3.0 / (durationMs / 1000.0),
                retries, ejections, unhealthy, detection.isEmpty() ? "" : ", out of rotation after (ms) " + detection);
    }

    @Test
    void agent() {
        for (int tries : new int[] {2, 3, 4}) {
            System.out.println("== the agent as built, " + tries + " tries, 3 seeds each");
            var agent = LossyNetwork.AgentSettings.defaults().maxTries(tries);
            for (double loss : new double[] {0.05, 0.10}) {
                for (int threads : new int[] {50, 500}) {
                    var base = LossyNetwork.Settings.defaults().duration(40_000).loss(loss, loss).threads(threads).agent(agent);
                    agentRow("loss " + loss + " each way, " + threads + " threads", seed -> new LossyNetwork(base.seed(seed)), 40_000);
                    agentRow("loss " + loss + " each way, " + threads + " threads, 2 s downtime every 6 s",
                            seed -> new LossyNetwork(base.downtimes(6000, 2000).seed(seed)), 40_000);
                }
            }
            var clean = LossyNetwork.Settings.defaults().duration(20_000).agent(agent);
            agentRow("no loss", seed -> new LossyNetwork(clean.seed(seed)), 20_000);
            agentRow("no loss, server-2 dies at 10 s", seed -> new LossyNetwork(clean.seed(seed)).dies(1, 10_000), 20_000);
            agentRow("no loss, server-2 dies at 10 s, 2 threads", seed -> new LossyNetwork(clean.threads(2).seed(seed)).dies(1, 10_000), 20_000);
            agentRow("5% loss, server-2 dies at 10 s", seed -> new LossyNetwork(clean.loss(0.05, 0.05).seed(seed)).dies(1, 10_000), 20_000);
            for (double share : new double[] {0.3, 0.5, 0.7, 0.9}) {
                agentRow("no loss, server-2 drops " + share + " of requests from 10 s",
                        seed -> new LossyNetwork(clean.seed(seed)).dropsRequests(1, share, 10_000), 20_000);
            }
        }
    }

    @Test
    void budget() {
        for (int percent : new int[] {-1, 20, 25}) {
            var agent = LossyNetwork.AgentSettings.defaults().budgetPercent(percent);
            System.out.println("== budget " + (percent < 0 ? "none" : percent + "%"));
            for (double loss : new double[] {0.05, 0.10}) {
                for (int threads : new int[] {50, 500}) {
                    var base = LossyNetwork.Settings.defaults().duration(40_000).loss(loss, loss).threads(threads).agent(agent);
                    budgetRow("loss " + loss + " each way, " + threads + " threads", base);
                }
            }
            var clean = LossyNetwork.Settings.defaults().duration(30_000).agent(agent);
            budgetRow("no loss, server-2 dies at 10 s, 500 threads", clean.threads(500), n -> n.dies(1, 10_000));
            budgetRow("every server 1200 ms slow, 50 threads", clean, n -> n.slows(1200, 0));
            budgetRow("every server 1200 ms slow, 500 threads", clean.threads(500), n -> n.slows(1200, 0));
            budgetRow("every server 1700 ms slow, 500 threads", clean.threads(500), n -> n.slows(1700, 0));
        }
    }

    private static void budgetRow(String name, LossyNetwork.Settings base) {
        budgetRow(name, base, n -> n);
    }

    private static void budgetRow(String name, LossyNetwork.Settings base, java.util.function.UnaryOperator<LossyNetwork> fault) {
        var r = fault.apply(new LossyNetwork(base.seed(1))).run();
        System.out.printf("  %-50s success %.4f%%, answered %d, sent to servers %d per request %.3f, retries %d, put off %d%n",
                name, r.successPercent(), r.answered(), r.requestsToServers(), (double) r.requestsToServers() / r.sent(),
                r.retries(), r.retriesPutOff());
    }

    @Test
    void table() {
        var agent = LossyNetwork.AgentSettings.defaults().maxTries(4);
        for (double loss : new double[] {0.05, 0.10}) {
            for (int threads : new int[] {50, 500}) {
                var base = LossyNetwork.Settings.defaults().duration(40_000).loss(loss, loss).threads(threads).agent(agent);
                scenario("loss " + loss + " each way, " + threads + " threads, 40 s x 3 seeds", seed -> new LossyNetwork(base.seed(seed)), false);
            }
        }
        var clean = LossyNetwork.Settings.defaults().duration(20_000).agent(agent);
        scenario("no loss, server-2 dies at 10 s, 50 threads", seed -> new LossyNetwork(clean.seed(seed)).dies(1, 10_000), true);
        scenario("no loss, server-2 dies at 10 s, 2 threads", seed -> new LossyNetwork(clean.threads(2).seed(seed)).dies(1, 10_000), true);
        var lossy = clean.loss(0.05, 0.05);
        scenario("5% loss, server-2 dies at 10 s, 50 threads", seed -> new LossyNetwork(lossy.seed(seed)).dies(1, 10_000), true);
        for (double share : new double[] {0.3, 0.5, 0.9}) {
            scenario("no loss, server-2 drops " + share + " of requests from 10 s, 50 threads",
                    seed -> new LossyNetwork(clean.seed(seed)).dropsRequests(1, share, 10_000), true);
        }
    }
}
