package io.ringlab.election.sim;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.RingListener;
import io.ringlab.election.RoundOutcome;
import io.ringlab.election.StartResult;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.MessageType;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RoundId;
import io.ringlab.election.node.RingNode;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A deterministic simulation of a ring: N {@link RingNode}s, an in-memory network that loses, delays,
 * duplicates and reorders messages as its {@link FaultPlan} says, crashes and restarts, and one virtual
 * clock. Every node has its own clock (an offset and a drift from the global one) and is ticked at its
 * {@link RingNode#nextDeadlineNanos()} plus a random lateness, like a host's scheduler. Everything random
 * comes from the seed, so the same seed gives the same trace. Safety is checked on every event.
 *
 * <p>Every datagram is sealed by its sender's instance for its receiver and opened by the receiver before it is
 * decoded, as ring servers do ({@link SealedWire}); an adversary on the network ({@link Mallory}) injects forged,
 * replayed and mutated datagrams at the times of the plan's {@link AdversaryPlan}. Without authentication
 * ({@link PlainWire}) messages are decoded straight from the bytes: only to show what the adversary can do then.
 */
public final class Simulation implements RingCluster {

    private static final long MS = 1_000_000L;
    private static final long MAX_TICK_LATENESS = 2 * MS;
    /** After the faults stop, delays are those of a healthy LAN. */
    private static final long HEALED_MAX_DELAY = 5 * MS;

    private record Event(long at, long seq, Runnable action) {}

    private final class SimNode {
        final int index;
        final String id;
        final long offset;
        final long ppm;
        /** The ring this node is configured with: all ids, or its list since its last {@link #restartWith}. */
        List<String> members;

        RingNode node;
        NodeWire wire;
        int incarnation;
        long tickGeneration;
        long ticks;

        SimNode(int index, String id, long offset, long ppm) {
            this.index = index;
            this.id = id;
            this.offset = offset;
            this.ppm = ppm;
        }

        long local(long global) {
            return offset + global + global * ppm / 1_000_000;
        }

        long global(long local) {
            long g = (long) ((local - offset) / (1 + ppm / 1e6));
            while (local(g) < local) {
                g++;
            }
            return g;
        }
    }

    private final long seed;
    private final ElectionSettings settings;
    private final FaultPlan plan;
    private final boolean authenticated;
    private final Random network;
    private final Random incarnations;
    private final ClusterKeyring keyring;
    private final Wiretap wiretap;
    private final Mallory mallory;
    private final NetworkLedger ledger = new NetworkLedger();
    private final List<String> ids;
    private final SimNode[] nodes;
    private final PriorityQueue<Event> queue =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final ClusterEvents events;
    private final SafetyChecker checker;
    private final Trace trace;
    private final Map<MessageType, Long> sentByType = new EnumMap<>(MessageType.class);
    private long now;
    private long seq;
    private long sent;
    private long delivered;
    /** Whether nodes run different member lists: then peers rightly refuse each other's datagrams. */
    private boolean reconfigured;
    /** False: a message of another configuration is merely dropped, the node is not told (to show it unsafe). */
    private boolean reportOtherConfigurations = true;
    /** Whether every message between nodes of different member lists is lost (a partition between old and new). */
    private boolean configurationsPartitioned;

    public Simulation(long seed, int n, ElectionSettings settings, FaultPlan plan, int traceLines) {
        this(seed, n, settings, plan, traceLines, true);
    }

    /** @param authenticated whether datagrams are sealed and opened; false only to show what the adversary can do */
    public Simulation(
            long seed, int n, ElectionSettings settings, FaultPlan plan, int traceLines, boolean authenticated) {
        this(seed, n, n, settings, plan, traceLines, authenticated);
    }

    /**
     * A ring whose size changes: ids for {@code universe} nodes, of which the first {@code initial} start, each
     * configured with those {@code initial}; {@link #restartWith} restarts a node with another list (or starts one).
     */
    public static Simulation growing(
            long seed, int universe, int initial, ElectionSettings settings, FaultPlan plan, int traceLines) {
        return new Simulation(seed, universe, initial, settings, plan, traceLines, true);
    }

    private Simulation(
            long seed,
            int n,
            int initial,
            ElectionSettings settings,
            FaultPlan plan,
            int traceLines,
            boolean authenticated) {
        this.seed = seed;
        this.settings = settings;
        this.plan = plan;
        this.authenticated = authenticated;
        Random setup = new Random(seed);
        this.network = new Random(setup.nextLong());
        this.ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("localhost:" + (4242 + i));
        }
        this.nodes = new SimNode[n];
        for (int i = 0; i < n; i++) {
            long offset = setup.nextLong() >> 4;
            long ppm = setup.nextInt(201) - 100;
            nodes[i] = new SimNode(i, ids.get(i), offset, ppm);
            nodes[i].members = i < initial ? List.copyOf(ids.subList(0, initial)) : List.of();
        }
        this.incarnations = new Random(setup.nextLong());
        this.keyring = new ClusterKeyring(ClusterKeys.of(key(incarnations), List.of()));
        this.wiretap = new Wiretap(authenticated);
        this.mallory = new Mallory(
                ids,
                new Random(setup.nextLong()),
                wiretap,
                plan.adversary().tactics(),
                ClusterKeys.of(key(incarnations), List.of()));
        this.trace = new Trace(traceLines);
        this.events = new ClusterEvents(() -> now);
        this.checker = new SafetyChecker(id -> node(id).members.size() / 2 + 1, plan.isFaultFree(), this::fail);
        for (SimNode node : nodes) {
            if (node.members.contains(node.id)) {
                boot(node);
            }
        }
        schedulePlan();
    }

    // ---- RingCluster

    @Override
    public List<String> ids() {
        return List.copyOf(ids);
    }

    @Override
    public void runFor(Duration duration) {
        runUntilTime(now + duration.toNanos());
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, Duration max) {
        long deadline = now + max.toNanos();
        while (!condition.getAsBoolean()) {
            Event next = queue.peek();
            if (next == null || next.at > deadline) {
                now = Math.max(now, deadline);
                return condition.getAsBoolean();
            }
            step();
        }
        return true;
    }

    @Override
    public NodeStatus status(String id) {
        SimNode node = node(id);
        return node.node == null ? null : node.node.status(node.local(now));
    }

    @Override
    public StartResult startRoundNow(String id) {
        SimNode node = node(id);
        if (node.node == null) {
            return null;
        }
        StartResult[] result = new StartResult[1];
        call(node, n -> result[0] = n.startRoundNow(node.local(now)));
        trace.add(now, "start-now " + id + " -> " + result[0]);
        return result[0];
    }

    @Override
    public void pausePeriodic(String id) {
        SimNode node = node(id);
        if (node.node != null) {
            call(node, RingNode::pausePeriodic);
        }
    }

    @Override
    public void resumePeriodic(String id) {
        SimNode node = node(id);
        if (node.node != null) {
            call(node, n -> n.resumePeriodic(node.local(now)));
        }
    }

    @Override
    public void crash(String id) {
        SimNode node = node(id);
        if (node.node == null) {
            return;
        }
        node.node = null;
        node.tickGeneration++;
        events.crashed(id);
        checker.crashed(id);
        trace.add(now, "CRASH " + id);
    }

    @Override
    public void restart(String id) {
        SimNode node = node(id);
        if (node.node != null || !node.members.contains(id)) {
            return;
        }
        node.incarnation++;
        boot(node);
        trace.add(now, "RESTART " + id + " as incarnation " + node.incarnation);
    }

    /**
     * What a pod of a StatefulSet does in a rolling update: it stops, and starts again with the ring's new member
     * list ({@code members}). A node that is not in its own list takes no part: it stays silent, as a ring server
     * does. A node that was not running just starts (a pod added by a scale-up).
     */
    public void restartWith(String id, List<String> members) {
        SimNode node = node(id);
        reconfigured = true;
        crash(id);
        node.members = List.copyOf(members);
        if (!members.contains(id)) {
            trace.add(now, "NOT IN CONFIGURATION " + id + " " + members);
            return;
        }
        node.incarnation++;
        boot(node);
        trace.add(now, "RESTART " + id + " as incarnation " + node.incarnation + " with " + members);
    }

    /**
     * From now on a message of another ring configuration is dropped without telling its receiver: the
     * configuration id alone, without the hold. Only to show that this is not safe.
     */
    public Simulation droppingOtherConfigurationsSilently() {
        reportOtherConfigurations = false;
        return this;
    }

    /** From now on, until {@code false}, every message between nodes that run different member lists is lost. */
    public void partitionConfigurations(boolean on) {
        configurationsPartitioned = on;
        trace.add(now, on ? "PARTITION between member lists" : "partition between member lists healed");
    }

    /** The members node {@code id} runs with (empty: it never started). */
    public List<String> membersOf(String id) {
        return node(id).members;
    }

    @Override
    public ClusterEvents events() {
        return events;
    }

    // ---- simulation

    public long now() {
        return now;
    }

    public long seed() {
        return seed;
    }

    public FaultPlan plan() {
        return plan;
    }

    public long messagesSent() {
        return sent;
    }

    public Map<MessageType, Long> sentByType() {
        return Map.copyOf(sentByType);
    }

    public long traceHash() {
        return trace.hash();
    }

    public SafetyChecker checker() {
        return checker;
    }

    /** What the adversary injected, and what the receivers refused and admitted. */
    NetworkLedger ledger() {
        return ledger;
    }

    /** Runs every event up to {@code until}. */
    public void runUntilTime(long until) {
        while (!queue.isEmpty() && queue.peek().at <= until) {
            step();
        }
        now = Math.max(now, until);
    }

    /** Fails with the seed, the plan and the last events of the trace. */
    void fail(String what) {
        throw new AssertionError(describe(what));
    }

    public String describe(String what) {
        return "simulation seed=" + seed + " n=" + nodes.length + " at t=" + (now / MS) + " ms: " + what
                + "\n  replay: mvn -pl ring-election -am test -Dtest=SimulationTest#replay -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dringlab.sim.seed=" + seed + " -Dringlab.sim.n=" + nodes.length
                + (authenticated ? "" : " -Dringlab.sim.authentication=off")
                + (plan.adversary().usesEveryTactic()
                        ? ""
                        : " -Dringlab.sim.tactics=" + plan.adversary().tacticsProperty())
                + "\n  settings: " + settings + "\n  plan: " + plan + "\n  last events:\n" + trace.dump();
    }

    public String traceDump() {
        return trace.dump();
    }

    private void step() {
        Event event = queue.poll();
        now = event.at;
        event.action.run();
    }

    private void schedule(long at, Runnable action) {
        queue.add(new Event(at, seq++, action));
    }

    private SimNode node(String id) {
        return nodes[ids.indexOf(id)];
    }

    private void boot(SimNode node) {
        Random random = new Random(seed * 31 + node.index * 1_000_003L + node.incarnation * 7_919L);
        int incarnation = node.incarnation;
        ConfigurationId configuration = ConfigurationId.of(node.members);
        node.wire = authenticated
                ? new SealedWire(node.id, Set.copyOf(node.members), configuration, keyring, incarnations.nextLong())
                : new PlainWire(configuration);
        node.node = new RingNode(
                node.id,
                node.members,
                settings,
                random,
                (to, message) -> send(node, incarnation, to, message),
                listener(node, incarnation));
        call(node, n -> n.onTick(node.local(now)));
    }

    private void schedulePlan() {
        for (FaultPlan.Crash crash : plan.crashes()) {
            String id = ids.get(crash.node());
            schedule(crash.at(), () -> crash(id));
            if (crash.restartAt() != Long.MAX_VALUE) {
                schedule(crash.restartAt(), () -> restart(id));
            }
        }
        for (FaultPlan.Poke poke : plan.pokes()) {
            String id = ids.get(poke.node());
            schedule(poke.at(), () -> {
                switch (poke.kind()) {
                    case START_NOW -> startRoundNow(id);
                    case PAUSE -> pausePeriodic(id);
                    case RESUME -> resumePeriodic(id);
                }
            });
        }
        for (long at : mallory.times(plan.adversary())) {
            schedule(at, this::inject);
        }
        schedule(plan.healAt(), () -> {
            trace.add(now, "HEAL: faults stop");
            for (SimNode node : nodes) {
                if (node.node == null && !permanentlyCrashed(node.index)) {
                    restart(node.id);
                }
                resumePeriodic(node.id);
            }
        });
    }

    private boolean permanentlyCrashed(int index) {
        return plan.crashes().stream().anyMatch(c -> c.node() == index && c.restartAt() == Long.MAX_VALUE);
    }

    /** Calls into a node, then schedules its next tick. */
    private void call(SimNode node, Consumer<RingNode> action) {
        RingNode ringNode = node.node;
        action.accept(ringNode);
        if (node.node != ringNode) {
            return;
        }
        long deadline = ringNode.nextDeadlineNanos();
        long generation = ++node.tickGeneration;
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long at = Math.max(node.global(deadline), now) + 50_000 + (long) (network.nextDouble() * MAX_TICK_LATENESS);
        schedule(at, () -> {
            if (node.tickGeneration == generation && node.node == ringNode) {
                if (++node.ticks > 2_000_000) {
                    fail(node.id + " ticks without end: a timer does not advance");
                }
                call(node, n -> n.onTick(node.local(now)));
            }
        });
    }

    private void send(SimNode from, int incarnation, String to, RingMessage message) {
        if (from.node == null || from.incarnation != incarnation) {
            fail(from.id + "#" + incarnation + " sent after it crashed");
        }
        sent++;
        sentByType.merge(message.type(), 1L, Long::sum);
        if (message instanceof Grant grant) {
            checker.granted(from.id, incarnation, grant);
        }
        byte[] bytes = from.wire.seal(message, to);
        trace.send(now, from.id, to, message, from.wire.fingerprint(bytes));
        wiretap.hear(to, bytes);
        SimNode target = node(to);
        boolean faulty = now < plan.healAt();
        if (configurationsPartitioned && !from.members.equals(target.members)) {
            trace.add(now, "  dropped by the partition");
            return;
        }
        if (faulty
                && (isolated(from.index)
                        || isolated(target.index)
                        || network.nextDouble() < plan.drop()
                        || isAdvice(message) && network.nextDouble() < plan.adviceDrop())) {
            trace.add(now, "  dropped");
            return;
        }
        int copies = faulty && network.nextDouble() < plan.duplicate() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long maxDelay = faulty ? plan.maxDelay() : Math.min(plan.maxDelay(), HEALED_MAX_DELAY);
            long delay = plan.minDelay() + (long) (network.nextDouble() * (maxDelay - plan.minDelay()));
            if (faulty && network.nextDouble() < plan.longDelay()) {
                delay = (long) (network.nextDouble() * plan.longDelayMax());
            }
            schedule(now + delay, () -> deliver(target, bytes, DatagramOrigin.GENUINE));
        }
    }

    private static boolean isAdvice(RingMessage message) {
        MessageType type = message.type();
        return type == MessageType.DOWN || type == MessageType.UP || type == MessageType.VETO;
    }

    private boolean isolated(int node) {
        for (FaultPlan.Isolation isolation : plan.isolations()) {
            if (isolation.node() == node && now >= isolation.from() && now < isolation.to()) {
                return true;
            }
        }
        return false;
    }

    /** Mallory sends one datagram of its own. */
    private void inject() {
        Mallory.Injection injection = mallory.inject();
        if (injection == null) {
            return;
        }
        ledger.injected(injection.origin());
        trace.inject(now, injection.to(), injection.origin(), injection.datagram());
        SimNode target = node(injection.to());
        schedule(now + mallory.delay(), () -> deliver(target, injection.datagram(), injection.origin()));
    }

    private void deliver(SimNode target, byte[] bytes, DatagramOrigin origin) {
        if (target.node == null) {
            ledger.unreached(origin);
            return;
        }
        NodeWire.Verdict verdict = target.wire.open(bytes);
        if (verdict instanceof NodeWire.Refused refused) {
            ledger.refused(origin, refused.reason());
            trace.refuse(now, target.id, origin, refused.reason());
            if (origin == DatagramOrigin.GENUINE
                    && refused.reason() != DropReason.REPLAYED
                    && !(reconfigured && refused.reason() == DropReason.UNKNOWN_SENDER)) {
                fail("a genuine datagram was refused at " + target.id + ": " + refused.reason());
            }
            return;
        }
        if (verdict instanceof NodeWire.OtherConfiguration other) {
            ledger.refused(origin, DropReason.OTHER_CONFIGURATION);
            trace.refuse(now, target.id, origin, DropReason.OTHER_CONFIGURATION);
            if (authenticated && origin.mustBeRefused()) {
                fail("AUTHENTICATION: a " + origin + " datagram got through to " + target.id);
            }
            if (reportOtherConfigurations) {
                call(target, n -> n.onOtherConfiguration(other.sender(), target.local(now)));
            }
            return;
        }
        RingMessage message = ((NodeWire.Admitted) verdict).message();
        if (origin.isAdversary()) {
            ledger.admitted(origin);
            if (authenticated && origin.mustBeRefused()) {
                fail("AUTHENTICATION: a " + origin + " datagram got through to " + target.id + ": " + message);
            }
        }
        delivered++;
        trace.deliver(now, target.id, message, origin);
        call(target, n -> n.onMessage(message, target.local(now)));
    }

    private static byte[] key(Random random) {
        byte[] key = new byte[ClusterKeys.MIN_KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    private RingListener listener(SimNode node, int incarnation) {
        RingListener recorder = events.listenerFor(node.id);
        String who = node.id + "#" + incarnation;
        return new RingListener() {
            @Override
            public void wentDown(RoundId round, long untilNanos) {
                trace.add(
                        now, "DOWN " + who + " round " + round + " for " + (untilNanos - node.local(now)) / MS + " ms");
                checker.wentDown(node.id, round, now);
                recorder.wentDown(round, untilNanos);
            }

            @Override
            public void cameUp(RoundId round, long nowNanos) {
                trace.add(now, "UP " + who + " after round " + round);
                checker.cameUp(node.id);
                recorder.cameUp(round, nowNanos);
            }

            @Override
            public void roundCompleted(RoundOutcome outcome) {
                trace.add(
                        now,
                        "COMPLETED at " + who + ": " + outcome.round() + " winner " + outcome.winner() + "="
                                + outcome.value());
                checker.completed(node.id, incarnation, outcome);
                recorder.roundCompleted(outcome);
            }

            @Override
            public void roundAbandoned(RoundId round, String reason) {
                trace.add(now, "abandoned at " + who + ": " + round + " " + reason);
            }

            @Override
            public void joinedRound(RoundId round, long value, boolean candidate) {
                trace.add(now, "joined " + who + ": " + round + (candidate ? " value " + value : " relaying"));
                checker.joined(node.id, incarnation, round, value, candidate);
                recorder.joinedRound(round, value, candidate);
            }

            @Override
            public void peerSuspected(String peer) {
                trace.add(now, who + " skips " + peer);
            }

            @Override
            public void configurationChangeSeen(String peer, long holdUntilNanos) {
                trace.add(now, who + " holds: " + peer + " runs another configuration");
            }

            @Override
            public void peerRestored(String peer) {
                trace.add(now, who + " takes back " + peer);
            }
        };
    }
}
