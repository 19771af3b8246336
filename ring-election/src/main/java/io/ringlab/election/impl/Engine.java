package io.ringlab.election.impl;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.RingListener;
import io.ringlab.election.StartResult;
import io.ringlab.election.Transport;
import io.ringlab.election.message.Ack;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.Direction;
import io.ringlab.election.message.Down;
import io.ringlab.election.message.Election;
import io.ringlab.election.message.Grant;
import io.ringlab.election.message.Hello;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.Result;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.Up;
import io.ringlab.election.message.Veto;

import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Wires the handlers and tasks of one node. Internal: hosts use {@link io.ringlab.election.node.RingNode}.
 */
public final class Engine {

    private final Node node;
    private final ElectionHandler elections;
    private final ResultHandler results;
    private final AckHandler acks;
    private final LeaseRequestHandler leaseRequests;
    private final GrantHandler grants;
    private final RefusalHandler refusals;
    private final DownHandler downs;
    private final UpHandler ups;
    private final VetoHandler vetoes;
    private final HelloHandler hellos;
    private final DurationCaps caps;
    private final List<Task> tasks;
    private final ConfigurationId configuration;

    public Engine(
            String self,
            List<String> peers,
            ElectionSettings settings,
            Random random,
            Transport transport,
            RingListener listener) {
        node = new Node(self, peers, Timing.of(settings), settings.periodicEnabled(), random, transport, listener);
        configuration = ConfigurationId.of(peers);
        Permits permits = new Permits(node);
        Results resultLogic = new Results(node, permits);
        elections = new ElectionHandler(node, new Vetoes(node), resultLogic);
        results = new ResultHandler(node, resultLogic);
        acks = new AckHandler(node);
        leaseRequests = new LeaseRequestHandler(node);
        grants = new GrantHandler(node, permits);
        refusals = new RefusalHandler(node, permits);
        downs = new DownHandler(node);
        ups = new UpHandler(node);
        vetoes = new VetoHandler(node);
        hellos = new HelloHandler(node);
        caps = new DurationCaps(node.timing());
        tasks = List.of(
                new DowntimeTask(node, permits),
                new PermitTimeoutTask(node, permits),
                new RoundTimeoutTask(node),
                new RetransmitTask(node, permits),
                new ProbeTask(node),
                new RetryTask(node),
                new PeriodicElectionTask(node));
    }

    public void onMessage(RingMessage received, long now) {
        node.startIfNeeded(now);
        if (!received.round().hasValidTerm()) {
            node.listener().ignored(received, "term beyond the maximum");
            return;
        }
        if (!node.ring().isPeer(received.sender())) {
            node.listener().ignored(received, "sender is not a configured peer");
            return;
        }
        RingMessage message = caps.apply(received);
        node.confirm(message.sender());
        node.restore(message.sender(), now);
        node.seeTerm(message.round().term());
        if (message instanceof Election m) {
            elections.handle(m, now);
        } else if (message instanceof Result m) {
            results.handle(m, now);
        } else if (message instanceof Ack m) {
            acks.handle(m);
        } else if (message instanceof LeaseRequest m) {
            leaseRequests.handle(m, now);
        } else if (message instanceof Grant m) {
            grants.handle(m, now);
        } else if (message instanceof Refusal m) {
            refusals.handle(m, now);
        } else if (message instanceof Down m) {
            downs.handle(m, now);
        } else if (message instanceof Up m) {
            ups.handle(m, now);
        } else if (message instanceof Veto m) {
            vetoes.handle(m, now);
        } else if (message instanceof Hello m) {
            hellos.handle(m);
        }
    }

    public void onOtherConfiguration(String sender, long now) {
        node.startIfNeeded(now);
        node.otherConfiguration(sender, now);
    }

    public void onTick(long now) {
        node.startIfNeeded(now);
        for (Task task : tasks) {
            task.run(now);
        }
    }

    public long nextDeadline() {
        long due = Timing.NEVER;
        for (Task task : tasks) {
            due = Math.min(due, task.dueAt());
        }
        return due;
    }

    public StartResult startRoundNow(long now) {
        node.startIfNeeded(now);
        StartResult result = node.canStart(now);
        if (result == StartResult.STARTED) {
            node.initiateRound(now);
        }
        return result;
    }

    public void pausePeriodic() {
        node.pausePeriodic();
    }

    public void resumePeriodic(long now) {
        node.startIfNeeded(now);
        node.resumePeriodic(now);
    }

    public String self() {
        return node.self();
    }

    public ConfigurationId configuration() {
        return configuration;
    }

    public List<String> members() {
        return node.ring().members();
    }

    private static long remaining(long until, long now) {
        return until <= now ? 0 : until - now;
    }

    public NodeStatus status(long now) {
        node.startIfNeeded(now);
        RoundState round = node.round();
        NodeStatus.State state = node.down() != null
                ? NodeStatus.State.DOWN
                : node.isRestarting(now) ? NodeStatus.State.RESTARTING : NodeStatus.State.UP;
        return new NodeStatus(
                node.self(),
                node.incarnation(),
                node.currentRound(),
                round == null ? "none" : round.phase.label(),
                round == null ? -1 : round.ownValue(),
                node.ring().neighbour(Direction.LEFT),
                node.ring().neighbour(Direction.RIGHT),
                state,
                node.down() == null ? 0 : Math.max(0, node.down().until - now),
                remaining(node.quietUntil(now), now),
                node.periodicEnabled(),
                node.periodicPaused(),
                node.periodicEnabled() && !node.periodicPaused() ? Math.max(0, node.nextElectionAt() - now) : -1,
                Set.copyOf(node.ring().suspected()),
                node.history().sentFor(node.currentRound()),
                node.history().recent(),
                configuration,
                node.ring().members(),
                node.isHoldingForConfiguration(now) ? node.configurationHoldUntil() - now : 0);
    }
}
