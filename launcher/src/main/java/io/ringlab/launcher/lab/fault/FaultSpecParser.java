package io.ringlab.launcher.lab.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a fault as a person writes it:
 * <pre>
 *   [at D] [for D] loss P% END (&lt;-&gt; | -&gt;) END        END: client, agent, server, or a process (agent-2)
 *   [at D] [for D] partition HOSTS [(| | -&gt;) HOSTS]       HOSTS: host or process names, comma-separated
 *   [at D] [for D] freeze PROCESS
 *   [at D] [for D] kill PROCESS                           (started again when the fault ends)
 * </pre>
 * Names are checked against the lab's hosts and processes.
 */
public final class FaultSpecParser {

    private static final Pattern OPERATORS = Pattern.compile("<->|->|<-|\\||,|%");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Set<String> hosts;
    private final Set<String> processes;

    /**
     * @param hosts     the lab's host names
     * @param processes the lab's process names
     */
    public FaultSpecParser(Set<String> hosts, Set<String> processes) {
        this.hosts = Set.copyOf(hosts);
        this.processes = Set.copyOf(processes);
    }

    public FaultSpec parse(String text) {
        Tokens tokens = new Tokens(text);
        Duration at = Duration.ZERO;
        Duration duration = null;
        while (tokens.peekIs("at") || tokens.peekIs("for")) {
            if (tokens.next().equals("at")) {
                at = duration(tokens.next());
            } else {
                duration = duration(tokens.next());
                if (duration.isZero()) {
                    throw new FaultSpecException("'for' needs a duration longer than 0");
                }
            }
        }
        String verb = tokens.next();
        FaultAction action = switch (verb) {
            case "loss" -> loss(tokens);
            case "partition" -> partition(tokens);
            case "freeze" -> new FaultAction.Freeze(process(tokens.next()));
            case "kill" -> new FaultAction.Kill(process(tokens.next()));
            default -> throw new FaultSpecException("unknown fault '" + verb + "': loss, partition, freeze or kill");
        };
        tokens.expectEnd();
        return new FaultSpec(at, duration, action);
    }

    private FaultAction loss(Tokens tokens) {
        String amount = tokens.next();
        double percent;
        try {
            percent = Double.parseDouble(amount);
        } catch (NumberFormatException e) {
            throw new FaultSpecException("loss needs a percentage such as 5%, not '" + amount + "'");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new FaultSpecException("loss must be more than 0% and at most 100%, not " + amount + "%");
        }
        tokens.expect("%");
        Endpoint left = endpoint(tokens.next());
        String arrow = tokens.next();
        Endpoint right = endpoint(tokens.next());
        return switch (arrow) {
            case "<->" -> link(percent, left, right, true);
            case "->" -> link(percent, left, right, false);
            case "<-" -> link(percent, right, left, false);
            default -> throw new FaultSpecException("a link is END<->END, END->END or END<-END, not '" + arrow + "'");
        };
    }

    private static FaultAction link(double percent, Endpoint from, Endpoint to, boolean bothWays) {
        List<String> pair = new ArrayList<>(List.of(from.role(), to.role()));
        pair.sort(null);
        if (!List.of(List.of("agent", "client"), List.of("agent", "server"), List.of("server", "server"))
                .contains(pair)) {
            throw new FaultSpecException(
                    "no traffic flows between %s and %s: links are client<->agent, agent<->server and server<->server"
                            .formatted(from, to));
        }
        if (from.process() != null && from.process().equals(to.process())) {
            throw new FaultSpecException("a link joins two different processes, not " + from + " and itself");
        }
        return new FaultAction.Loss(percent, from, to, bothWays);
    }

    private Endpoint endpoint(String text) {
        Endpoint endpoint = Endpoint.parse(text);
        if (endpoint.process() != null) {
            process(endpoint.process());
        }
        return endpoint;
    }

    private FaultAction partition(Tokens tokens) {
        List<String> side = hostList(tokens);
        if (tokens.atEnd()) {
            return new FaultAction.Partition(side, List.of(), false);
        }
        String separator = tokens.next();
        if (!separator.equals("|") && !separator.equals("->")) {
            throw new FaultSpecException(
                    "a partition is HOSTS | HOSTS (both ways) or HOSTS -> HOSTS (one way), not '" + separator + "'");
        }
        List<String> other = hostList(tokens);
        for (String host : other) {
            if (side.contains(host)) {
                throw new FaultSpecException(host + " is on both sides of the partition");
            }
        }
        return new FaultAction.Partition(side, other, separator.equals("->"));
    }

    /** Host names; a process stands for its host (agent-1 for client-1). */
    private List<String> hostList(Tokens tokens) {
        List<String> names = new ArrayList<>();
        do {
            String name = tokens.next();
            if (!hosts.contains(name) && !processes.contains(name)) {
                throw new FaultSpecException(
                        "no host or process '%s' in the lab (hosts: %s)".formatted(name, sorted(hosts)));
            }
            names.add(name);
        } while (tokens.skip(","));
        return names;
    }

    private String process(String name) {
        if (!processes.contains(name)) {
            throw new FaultSpecException(
                    "no process '%s' in the lab (processes: %s)".formatted(name, sorted(processes)));
        }
        return name;
    }

    private static String sorted(Set<String> names) {
        return String.join(", ", names.stream().sorted().toList());
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new FaultSpecException("'" + text + "' is not a duration such as 500ms, 30s, 5m or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The words and operators of a fault, in order. */
    private static final class Tokens {

        private final List<String> list;
        private int next;

        Tokens(String text) {
            String spaced = OPERATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" $0 ");
            list = Arrays.stream(spaced.trim().split("\\s+"))
                    .filter(s -> !s.isEmpty())
                    .toList();
            if (list.isEmpty()) {
                throw new FaultSpecException("empty fault");
            }
        }

        boolean atEnd() {
            return next >= list.size();
        }

        boolean peekIs(String word) {
            return !atEnd() && list.get(next).equals(word);
        }

        String next() {
            if (atEnd()) {
                throw new FaultSpecException("the fault ends too early: " + String.join(" ", list));
            }
            return list.get(next++);
        }

        boolean skip(String word) {
            if (peekIs(word)) {
                next++;
                return true;
            }
            return false;
        }

        void expect(String word) {
            String got = next();
            if (!got.equals(word)) {
                throw new FaultSpecException("expected '" + word + "', found '" + got + "'");
            }
        }

        void expectEnd() {
            if (!atEnd()) {
                throw new FaultSpecException(
                        "unexpected '" + String.join(" ", list.subList(next, list.size())) + "' at the end");
            }
        }
    }
}
