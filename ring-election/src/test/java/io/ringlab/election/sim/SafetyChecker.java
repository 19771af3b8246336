package io.ringlab.election.sim;

import io.ringlab.election.RoundOutcome;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.Nominee;
import io.ringlab.election.message.RoundId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Checks the safety properties on every event of a simulation, in simulated global time:
 * <ol>
 * <li>at most one node is in planned downtime (from its wentDown to its cameUp or crash);</li>
 * <li>every node that finishes a round reports the same winner and value;</li>
 * <li>the winner beats every node that took part: every node incarnation that sent a down permit
 *     ({@code g}) to the winner in that round, by the value that incarnation drew in the round (which the
 *     grant must report truly); and those granters with the winner are a majority of the configured
 *     nodes, with the round's initiator among them.</li>
 * </ol>
 * In a fault-free schedule it also checks that the winner beats every candidate that joined the round.
 */
final class SafetyChecker {

    private record Incarnation(String node, int incarnation) {}

    private record Granter(Incarnation who, long value) {}

    private final ToIntFunction<String> majorityOf;
    private final boolean faultFree;
    private final Consumer<String> fail;
    private String downNode;
    private final Map<RoundId, Nominee> committed = new HashMap<>();
    private final Map<RoundId, Map<Incarnation, Long>> values = new HashMap<>();
    private final Map<RoundId, Map<String, List<Granter>>> grants = new HashMap<>();
    private final List<Long> commitTimes = new ArrayList<>();
    private int checks;
    private int maxWinners;

    /** @param majorityOf a majority of the ring the given node is configured with */
    SafetyChecker(ToIntFunction<String> majorityOf, boolean faultFree, Consumer<String> fail) {
        this.majorityOf = majorityOf;
        this.faultFree = faultFree;
        this.fail = fail;
    }

    void joined(String node, int incarnation, RoundId round, long value, boolean candidate) {
        Long previous = values.computeIfAbsent(round, r -> new HashMap<>())
                .putIfAbsent(new Incarnation(node, incarnation), candidate ? value : -1);
        if (previous != null) {
            fail.accept(node + "#" + incarnation + " joined round " + round + " twice");
        }
    }

    void granted(String node, int incarnation, Grant grant) {
        Incarnation who = new Incarnation(node, incarnation);
        Long drawn = values.getOrDefault(grant.round(), Map.of()).get(who);
        if (drawn == null || drawn < 0 || drawn != grant.granterValue()) {
            fail.accept(node + "#" + incarnation + " granted " + grant.winner() + " in " + grant.round()
                    + " reporting value " + grant.granterValue() + " but drew " + drawn);
        }
        Granter granter = new Granter(who, grant.granterValue());
        grants.computeIfAbsent(grant.round(), r -> new HashMap<>())
                .computeIfAbsent(grant.winner(), w -> new ArrayList<>())
                .add(granter);
        Nominee winner = committed.get(grant.round());
        if (winner != null && winner.id().equals(grant.winner())) {
            checkTookPart(grant.round(), winner, granter);
        }
        checks++;
    }

    void wentDown(String node, RoundId round, long at) {
        if (downNode != null) {
            fail.accept("SAFETY 1: " + node + " went down (round " + round + ") while " + downNode + " is down");
        }
        downNode = node;
        commitTimes.add(at);
        checks++;
    }

    void cameUp(String node) {
        if (!node.equals(downNode)) {
            fail.accept(node + " came up but the node down was " + downNode);
        }
        downNode = null;
    }

    void crashed(String node) {
        if (node.equals(downNode)) {
            downNode = null;
        }
    }

    void completed(String node, int incarnation, RoundOutcome outcome) {
        Nominee winner = new Nominee(outcome.winner(), outcome.value());
        Nominee first = committed.putIfAbsent(outcome.round(), winner);
        if (first != null && !first.equals(winner)) {
            fail.accept("SAFETY 2: " + node + " finished round " + outcome.round() + " with " + winner
                    + " but it was committed with " + first);
        }
        if (outcome.selfWon()) {
            checkWinner(node, incarnation, outcome.round(), winner);
        }
        checks++;
    }

    private void checkWinner(String node, int incarnation, RoundId round, Nominee winner) {
        Long own = values.getOrDefault(round, Map.of()).get(new Incarnation(node, incarnation));
        if (own == null || own != winner.value()) {
            fail.accept("SAFETY 3: winner " + node + " committed " + round + " with value " + winner.value()
                    + " but drew " + own);
        }
        List<Granter> granters = grants.getOrDefault(round, Map.of()).getOrDefault(node, List.of());
        java.util.Set<String> quorum = new java.util.HashSet<>();
        quorum.add(node);
        for (Granter granter : granters) {
            quorum.add(granter.who().node());
            checkTookPart(round, winner, granter);
        }
        int majority = majorityOf.applyAsInt(node);
        if (quorum.size() < majority) {
            fail.accept("SAFETY 3: " + node + " committed " + round + " with permits from " + quorum
                    + ", fewer than a majority of " + majority);
        }
        if (!quorum.contains(round.initiator())) {
            fail.accept("SAFETY 2: " + node + " committed " + round + " without the initiator's permit");
        }
        boolean max = values.get(round).entrySet().stream()
                .noneMatch(e -> e.getValue() >= 0 && new Nominee(e.getKey().node(), e.getValue()).beats(winner));
        if (max) {
            maxWinners++;
        }
        if (faultFree) {
            for (Map.Entry<Incarnation, Long> joined : values.get(round).entrySet()) {
                Nominee other = new Nominee(joined.getKey().node(), joined.getValue());
                if (joined.getValue() >= 0 && other.beats(winner)) {
                    fail.accept("FAULT-FREE: " + node + " won " + round + " with " + winner + " but candidate " + other
                            + " took part");
                }
            }
        }
    }

    private void checkTookPart(RoundId round, Nominee winner, Granter granter) {
        Nominee other = new Nominee(granter.who().node(), granter.value());
        if (other.beats(winner)) {
            fail.accept("SAFETY 3: " + winner + " won " + round + " but " + granter.who() + " took part with " + other);
        }
    }

    List<Long> commitTimes() {
        return commitTimes;
    }

    /** Commits whose winner beat every candidate that joined the round, not only those that took part. */
    int maxWinners() {
        return maxWinners;
    }

    int checks() {
        return checks;
    }
}
