package io.ringlab.launcher.lab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches a run from what the ring servers, agents and clients report, and judges it: at most one server in planned
 * downtime at any moment; one winner per finished round; the clients' success before, during and after each fault;
 * how long the cluster took to notice each fault and to be whole again after it. Pure: it is fed observations and
 * fault starts and ends with their times, and is not thread-safe (its owner serialises the calls).
 */
public final class RunChecker {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_SAMPLES = 100_000;

    private final long startNanos;
    private final long outcomeLagNanos;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> overlaps = new ArrayList<>();
    private Set<String> lastDown = Set.of();
    private final Map<String, Map<String, Long>> winnersByRound = new LinkedHashMap<>();
    private final Map<String, Long> roundFirstSeen = new HashMap<>();
    private final Set<String> conflicting = new LinkedHashSet<>();
    private final Map<String, Long> abandonedTotal = new HashMap<>();
    private final Map<String, Long> lastAbandoned = new HashMap<>();
    private final Map<Integer, FaultWatch> faults = new TreeMap<>();
    private Observation previous;
    private final Map<String, Map<String, Long>> balanceBefore = new TreeMap<>();

    /**
     * @param startNanos      the start of the run (the load)
     * @param outcomeLagNanos how long after a request was sent its timeout is counted (the clients' timeout): a fault's
     *                        "during" stretch runs that long past its end, so the requests it left without a reply
     *                        count against it
     */
    public RunChecker(long startNanos, long outcomeLagNanos) {
        this.startNanos = startNanos;
        this.outcomeLagNanos = outcomeLagNanos;
    }

    private record Sample(long nanos, Observation.Outcomes outcomes, Map<String, Map<String, Long>> forwarded) {}

    private static final class FaultWatch {
        final int id;
        final String text;
        final long start;
        long end = Long.MAX_VALUE;
        Long detectedAt;
        String detection;
        Long recoveredAt;
        final Set<String> serversDown = new TreeSet<>();
        final long abandonedAtStart;
        long abandonedAtEnd;

        FaultWatch(int id, String text, long start, long abandonedAtStart) {
            this.id = id;
            this.text = text;
            this.start = start;
            this.abandonedAtStart = abandonedAtStart;
        }
    }

    public void faultStarted(int id, String text, long nanos) {
        faults.put(id, new FaultWatch(id, text, nanos, abandoned()));
    }

    public void faultEnded(int id, long nanos) {
        FaultWatch fault = faults.get(id);
        if (fault != null) {
            fault.end = nanos;
            fault.abandonedAtEnd = abandoned();
        }
    }

    /** Takes in one observation; returns lines to print at once ({@code !!} when an invariant breaks). */
    public List<String> observe(Observation o) {
        List<String> lines = new ArrayList<>();
        if (samples.size() < MAX_SAMPLES) {
            Map<String, Map<String, Long>> forwarded = new HashMap<>();
            o.agents().forEach((agent, view) -> forwarded.put(agent, Map.copyOf(view.forwardedTo())));
            samples.add(new Sample(o.nanos(), o.clients(), forwarded));
        }
        addBalance(o);
        checkDowntimes(o, lines);
        checkRounds(o, lines);
        countAbandoned(o);
        for (FaultWatch fault : faults.values()) {
            if (fault.detectedAt == null && previous != null && o.nanos() >= fault.start && o.nanos() <= fault.end) {
                String reaction = reaction(previous, o);
                if (reaction != null) {
                    fault.detectedAt = o.nanos();
                    fault.detection = reaction;
                }
            }
            if (fault.end != Long.MAX_VALUE && fault.recoveredAt == null && o.nanos() >= fault.end && whole(o)) {
                fault.recoveredAt = o.nanos();
            }
            if (previous != null && o.nanos() >= fault.start && o.nanos() <= fault.end) {
                o.servers().forEach((name, server) -> {
                    Observation.Server before = previous.servers().get(name);
                    if (server.state().equals("down")
                            && before != null
                            && !before.state().equals("down")) {
                        fault.serversDown.add(name);
                    }
                });
            }
        }
        previous = o;
        return lines;
    }

    /**
     * Requests each agent sent each server between two observations in which every agent had every server in
     * rotation, before any fault: the balance itself, without the downtimes of elections (round robin over the
     * servers that are up shares evenly only while they all are).
     */
    private void addBalance(Observation o) {
        if (previous == null || !faults.isEmpty() || !allInRotation(previous) || !allInRotation(o)) {
            return;
        }
        o.agents().forEach((agent, view) -> {
            Observation.Agent before = previous.agents().get(agent);
            if (before == null) {
                return; // it did not answer the previous poll in time (a busy machine): nothing to count from
            }
            view.forwardedTo().forEach((server, count) -> {
                long delta = count - before.forwardedTo().getOrDefault(server, count);
                if (delta > 0) {
                    balanceBefore.computeIfAbsent(agent, a -> new TreeMap<>()).merge(server, delta, Long::sum);
                }
            });
        });
    }

    private static boolean allInRotation(Observation o) {
        return !o.agents().isEmpty()
                && o.agents().values().stream()
                        .allMatch(a -> !a.stateByServer().isEmpty()
                                && a.stateByServer().values().stream().allMatch("up"::equals))
                && o.servers().values().stream().allMatch(s -> s.state().equals("up"));
    }

    private void checkDowntimes(Observation o, List<String> lines) {
        Set<String> down = new TreeSet<>();
        o.servers().forEach((name, server) -> {
            if (server.state().equals("down")) {
                down.add(name);
            }
        });
        if (down.size() > 1 && !down.equals(lastDown)) {
            String overlap =
                    "%s in planned downtime at once at %s".formatted(String.join(" and ", down), clock(o.nanos()));
            overlaps.add(overlap);
            lines.add("!! " + overlap);
        }
        lastDown = down;
    }

    private void checkRounds(Observation o, List<String> lines) {
        o.servers().forEach((name, server) -> {
            for (Observation.Round round : server.rounds()) {
                roundFirstSeen.putIfAbsent(round.id(), o.nanos());
                Map<String, Long> winners = winnersByRound.computeIfAbsent(round.id(), r -> new LinkedHashMap<>());
                winners.putIfAbsent(round.winner(), round.value());
                Long value = winners.get(round.winner());
                if ((winners.size() > 1 || value != round.value()) && conflicting.add(round.id())) {
                    String conflict =
                            "round %s: winners %s (seen at %s)".formatted(round.id(), winners, clock(o.nanos()));
                    lines.add("!! " + conflict);
                }
            }
        });
    }

    /** A server's abandoned rounds only grow, except across a restart: count every increase. */
    private void countAbandoned(Observation o) {
        o.servers().forEach((name, server) -> {
            long before = lastAbandoned.getOrDefault(name, 0L);
            long now = server.roundsAbandoned();
            abandonedTotal.merge(name, now >= before ? now - before : now, Long::sum);
            lastAbandoned.put(name, now);
        });
    }

    private long abandoned() {
        return abandonedTotal.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first sign, between two observations, that the cluster noticed something wrong; null if none. */
    private static String reaction(Observation before, Observation now) {
        for (var agent : now.agents().entrySet()) {
            Observation.Agent earlier = before.agents().get(agent.getKey());
            for (var server : agent.getValue().stateByServer().entrySet()) {
                String was = earlier == null ? "up" : earlier.stateByServer().getOrDefault(server.getKey(), "up");
                if (outOfRotation(server.getValue()) && !outOfRotation(was)) {
                    return "%s took %s out (%s)".formatted(agent.getKey(), server.getKey(), server.getValue());
                }
            }
        }
        for (var server : now.servers().entrySet()) {
            Observation.Server earlier = before.servers().get(server.getKey());
            for (String peer : server.getValue().suspected()) {
                if (earlier == null || !earlier.suspected().contains(peer)) {
                    return "%s skips %s as crashed".formatted(server.getKey(), peer);
                }
            }
        }
        return null;
    }

    private static boolean outOfRotation(String agentView) {
        return agentView.equals("unhealthy") || agentView.equals("ejected");
    }

    /** Every server answers and none skips a peer, every agent answers and has every server in rotation (or down as planned). */
    private boolean whole(Observation o) {
        if (previous == null || o.servers().size() < previous.servers().size()) {
            return false;
        }
        boolean serversWhole =
                o.servers().values().stream().allMatch(s -> s.suspected().isEmpty());
        boolean agentsWhole = o.agents().values().stream()
                .allMatch(a -> a.stateByServer().values().stream().noneMatch(RunChecker::outOfRotation)
                        && a.stateByServer().keySet().containsAll(o.servers().keySet()));
        return serversWhole && agentsWhole && o.servers().size() >= expectedServers(o);
    }

    private int expectedServers(Observation o) {
        return o.agents().values().stream()
                .mapToInt(a -> a.stateByServer().size())
                .max()
                .orElse(0);
    }

    public Verdict verdict(long nowNanos) {
        long firstStart = faults.values().stream().mapToLong(f -> f.start).min().orElse(Long.MAX_VALUE);
        Verdict.Success before = success(startNanos, Math.min(firstStart, nowNanos));
        List<Verdict.FaultReport> reports = new ArrayList<>();
        List<FaultWatch> ordered = new ArrayList<>(faults.values());
        for (int i = 0; i < ordered.size(); i++) {
            FaultWatch f = ordered.get(i);
            if (f.start > nowNanos) {
                continue;
            }
            long nextStart = i + 1 < ordered.size() ? ordered.get(i + 1).start : Long.MAX_VALUE;
            boolean ended = f.end <= nowNanos;
            long duringEnd = ended ? Math.min(f.end + outcomeLagNanos, nowNanos) : nowNanos;
            Verdict.Success during = success(f.start, duringEnd);
            Verdict.Success after = ended && duringEnd < Math.min(nextStart, nowNanos)
                    ? success(duringEnd, Math.min(nextStart, nowNanos))
                    : null;
            reports.add(new Verdict.FaultReport(
                    f.id,
                    f.text,
                    seconds(f.start),
                    ended ? seconds(f.end) : null,
                    during,
                    after,
                    f.detectedAt == null ? null : (f.detectedAt - f.start) / 1e9,
                    f.detection,
                    f.recoveredAt == null ? null : (f.recoveredAt - f.end) / 1e9,
                    List.copyOf(f.serversDown),
                    roundsSeenBetween(f.start, ended ? f.end : nowNanos),
                    (ended ? f.abandonedAtEnd : abandoned()) - f.abandonedAtStart,
                    forwarded(f.start + SECOND, ended ? f.end : nowNanos)));
        }
        return new Verdict(
                seconds(nowNanos),
                overlaps.isEmpty(),
                List.copyOf(overlaps),
                conflicting.isEmpty(),
                conflicting.stream().map(r -> r + " " + winnersByRound.get(r)).toList(),
                winnersByRound.size(),
                before,
                copy(balanceBefore),
                reports);
    }

    private int roundsSeenBetween(long from, long to) {
        return (int) roundFirstSeen.values().stream()
                .filter(t -> t >= from && t <= to)
                .count();
    }

    private Verdict.Success success(long from, long to) {
        Observation.Outcomes delta = outcomesAt(to).minus(outcomesAt(from));
        return new Verdict.Success(delta.responses(), delta.timeouts(), delta.wrong());
    }

    /** The outcomes as last sampled at or before {@code nanos}. */
    private Observation.Outcomes outcomesAt(long nanos) {
        Sample sample = sampleAt(nanos);
        return sample == null ? Observation.Outcomes.NONE : sample.outcomes();
    }

    private Sample sampleAt(long nanos) {
        Sample found = null;
        for (Sample sample : samples) {
            if (sample.nanos() > nanos) {
                break;
            }
            found = sample;
        }
        return found;
    }

    private Map<String, Map<String, Long>> forwarded(long from, long to) {
        Sample first = sampleAt(from);
        Sample last = sampleAt(to);
        Map<String, Map<String, Long>> result = new TreeMap<>();
        if (first == null || last == null || last.nanos() < from) {
            return result;
        }
        last.forwarded().forEach((agent, servers) -> {
            Map<String, Long> perServer = new TreeMap<>();
            servers.forEach((server, count) -> perServer.put(
                    server,
                    Math.max(
                            0,
                            count
                                    - first.forwarded()
                                            .getOrDefault(agent, Map.of())
                                            .getOrDefault(server, 0L))));
            result.put(agent, perServer);
        });
        return result;
    }

    private static Map<String, Map<String, Long>> copy(Map<String, Map<String, Long>> map) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    private double seconds(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private String clock(long nanos) {
        return String.format(Locale.ROOT, "%s (+%.2f s)", Verdict.clock(seconds(nanos)), seconds(nanos));
    }
}
