package io.ringlab.system;

import io.ringlab.launcher.lab.LabControl;
import io.ringlab.launcher.lab.LabControlServer;
import io.ringlab.launcher.lab.check.Verdict;
import io.ringlab.launcher.lab.fault.FaultSchedule;
import io.ringlab.launcher.lab.fault.FaultSchedule.Fault;
import io.ringlab.launcher.lab.fault.FaultSpecParser;
import io.ringlab.model.lab.LabEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's real REST ({@link LabControlServer}, on a free loopback port) over the seed's five hosts on paper:
 * faults are read by the real parser and start and end on the real schedule, but touch no network and no process.
 * For the dashboard's faults panel in the browser test.
 */
final class PaperLab implements LabControl, AutoCloseable {

    private final FaultSpecParser parser = new FaultSpecParser(
            Set.of("client-1", "client-2", "server-1", "server-2", "server-3"),
            Set.of("client-1", "client-2", "agent-1", "agent-2", "server-1", "server-2", "server-3"));
    private final FaultSchedule schedule = new FaultSchedule();
    private final long startNanos = System.nanoTime();
    private final List<LabEvent> events = new ArrayList<>();
    private final Map<Integer, String> givenBy = new HashMap<>();
    private final LabControlServer rest;

    PaperLab(String username, String password) throws IOException {
        rest = new LabControlServer(0, this, username, password);
    }

    String url() {
        return rest.url();
    }

    /** The parser's reason for refusing a fault, as the REST answers it. */
    String refusal(String spec) {
        try {
            parser.parse(spec);
            throw new IllegalArgumentException(spec + " is a fault");
        } catch (io.ringlab.launcher.lab.fault.FaultSpecException e) {
            return e.getMessage();
        }
    }

    @Override
    public synchronized FaultView inject(String spec, String by) {
        Fault fault = schedule.add(parser.parse(spec), System.nanoTime());
        givenBy.put(fault.id(), by);
        due(by);
        return FaultView.of(fault, by, startNanos, System.nanoTime(), System.currentTimeMillis());
    }

    @Override
    public synchronized boolean heal(int id, String by) {
        boolean healed = schedule.heal(id, System.nanoTime());
        due(by);
        return healed;
    }

    @Override
    public synchronized void healAll(String by) {
        schedule.healAll(System.nanoTime());
        due(by);
    }

    @Override
    public synchronized List<FaultView> faults() {
        due(null);
        long now = System.nanoTime();
        long wallClock = System.currentTimeMillis();
        return schedule.all().stream()
                .map(f -> FaultView.of(f, givenBy.get(f.id()), startNanos, now, wallClock))
                .toList();
    }

    @Override
    public Verdict verdict() {
        return null;
    }

    @Override
    public synchronized List<LabEvent> events() {
        due(null);
        return List.copyOf(events);
    }

    /** Every start and end due, as the launcher's ticker records them. */
    private void due(String by) {
        long now = System.nanoTime();
        for (FaultSchedule.Transition transition : schedule.due(now)) {
            Fault fault = transition.fault();
            String kind = transition.starts() ? "start" : "end";
            events.add(new LabEvent(
                    System.currentTimeMillis(),
                    (now - startNanos) / 1e9,
                    fault.id(),
                    kind,
                    "fault %d%s: %s".formatted(fault.id(), transition.starts() ? "" : " ended", fault.action()),
                    by));
        }
    }

    @Override
    public void close() {
        rest.close();
    }
}
