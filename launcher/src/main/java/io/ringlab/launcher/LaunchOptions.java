package io.ringlab.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to start and where. Each option comes from {@code --name value} on the command line, else from the
 * environment variable {@code RINGLAB_NAME} (upper case, dashes as underscores), else its default.
 */
record LaunchOptions(
        int servers,
        int agents,
        int clients,
        int threads,
        Duration duration,
        Duration reportInterval,
        int serverPort,
        int agentPort,
        int httpPort,
        Duration electionInterval,
        Duration downtime,
        boolean elections,
        int killServer,
        Duration killAt,
        Duration restartAfter,
        Path home,
        Path runDirectory,
        Path reportDirectory,
        boolean prometheus,
        int prometheusPort,
        int grafanaPort,
        String javaOptions,
        boolean hosts,
        List<String> faults,
        boolean ipv6,
        String names,
        int controlPort,
        boolean checker,
        Path verdictFile,
        int agentMaxTries) {

    static final String USAGE = """
            usage: bin/ringlab-local [--option value]...   (or RINGLAB_<OPTION> environment variables)
              --servers N           ring servers (default 3)
              --agents N            agents (default 2)
              --clients N           load clients, client i uses agent i (default 2; 0 = servers and agents only)
              --threads N           worker threads per client (default 500, the seed's)
              --duration D          stop after D (e.g. 90s, 5m); 0 runs until Ctrl-C (default 0)
              --report-interval D   how often the table is printed (default 10s)
              --server-port P       UDP port of the first ring server; the others follow (default 4242)
              --agent-port P        UDP client port of the first agent; the others follow (default 4245)
              --http-port P         HTTP base: dashboard P, servers P+1.., agents P+101.., clients P+201..
                                    (default 8000)
              --election-interval D ring election timer of each server (default 60s, the seed's)
              --downtime D          how long an elected server stays down (default 15s, the seed's)
              --elections on|off    periodic ring elections (default on)
              --kill-server N       fault scenario: kill -9 ring server N under load (default 0: none)
              --kill-at D           ... this long after the load starts (default 30s)
              --restart-after D     ... and start it again this long after (default 20s; 0: never)
              --report-dir DIR      write a report there: CSV samples as the run goes; at the end the seed's
                                    tables (Markdown, HTML) and plots (default: no report)
              --prometheus on|off   also start Prometheus (and Grafana, if installed) (default off)
              --prometheus-port P   Prometheus's port (default 9090); --grafana-port P Grafana's (default 3000)
              --run-dir DIR         where logs and the pid file go (default local-run)
              --java-options S      JVM options for every service, after the service's own
                                    (<module>/jvm.options; default none)
            the multi-host lab (bin/ringlab-lab, as root; docs/CHAOS.md):
              --hosts on|off        every host in a network namespace of its own (default off; bin/ringlab-lab: on)
              --fault SPEC          a network fault, scheduled; repeatable, e.g.
                                      'at 30s for 20s loss 5% agent<->server'
                                      'at 60s for 30s partition server-1 | server-2,server-3'
                                      'at 90s for 10s freeze server-2', 'at 2m for 20s kill server-3'
              --ipv6 on|off         the lab's hosts also get IPv6 addresses and talk over IPv6 (default off)
              --names dns|hosts     names served by the lab's DNS server (dnsmasq), or a hosts file in every
                                    namespace (default dns)
              --control-port P      the launcher's REST (faults, verdict) on 127.0.0.1 (default http-port + 300)
              --checker on|off      the run-time checker and its verdict (default on)
              --verdict-file F      also write the final verdict there as JSON (default: none)
              --agent-max-tries N   tries of a request in all, each to another server (default: the agents' own, 4)
            """;

    static LaunchOptions parse(String[] args, Map<String, String> environment, Path home) {
        Map<String, String> given = new java.util.HashMap<>();
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            if (name.equals("fault")) {
                faults.add(value);
            } else {
                given.put(name, value);
            }
        }
        if (faults.isEmpty() && environment.containsKey("RINGLAB_FAULT")) {
            for (String fault : environment.get("RINGLAB_FAULT").split(";")) {
                if (!fault.isBlank()) {
                    faults.add(fault.trim());
                }
            }
        }
        Values values = new Values(given, environment);
        LaunchOptions options = new LaunchOptions(
                values.integer("servers", 3, 3, 64),
                values.integer("agents", 2, 1, 64),
                values.integer("clients", 2, 0, 64),
                values.integer("threads", 500, 1, 100_000),
                values.duration("duration", "0"),
                values.duration("report-interval", "10s"),
                values.integer("server-port", 4242, 1, 65535),
                values.integer("agent-port", 4245, 1, 65535),
                values.integer("http-port", 8000, 1, 65000),
                values.duration("election-interval", "60s"),
                values.duration("downtime", "15s"),
                values.onOff("elections", true),
                values.integer("kill-server", 0, 0, 64),
                values.duration("kill-at", "30s"),
                values.duration("restart-after", "20s"),
                home,
                home.resolve(values.text("run-dir", "local-run")),
                values.text("report-dir", "").isBlank() ? null : home.resolve(values.text("report-dir", "")),
                values.onOff("prometheus", false),
                values.integer("prometheus-port", 9090, 1, 65535),
                values.integer("grafana-port", 3000, 1, 65535),
                values.text("java-options", ""),
                values.onOff("hosts", false),
                List.copyOf(faults),
                values.onOff("ipv6", false),
                values.text("names", "dns").trim().toLowerCase(java.util.Locale.ROOT),
                values.integer("control-port", values.integer("http-port", 8000, 1, 65000) + 300, 1, 65535),
                values.onOff("checker", true),
                values.text("verdict-file", "").isBlank() ? null : home.resolve(values.text("verdict-file", "")),
                values.integer("agent-max-tries", 0, 0, 10));
        values.rejectUnknown();
        if (!options.hosts() && (!options.faults().isEmpty() || options.ipv6())) {
            throw new UsageException("--fault and --ipv6 need the multi-host lab: bin/ringlab-lab (or --hosts on)");
        }
        if (!options.names().equals("dns") && !options.names().equals("hosts")) {
            throw new UsageException("--names must be dns or hosts, not '" + options.names() + "'");
        }
        if (options.reportInterval().isZero()) {
            throw new UsageException("--report-interval must be more than 0");
        }
        if (options.servers() < 3) {
            throw new UsageException("--servers must be at least 3: the servers form a ring");
        }
        if (options.killServer() > options.servers()) {
            throw new UsageException(
                    "--kill-server %d: there are only %d servers".formatted(options.killServer(), options.servers()));
        }
        if (options.electionInterval().isZero() || options.downtime().isZero()) {
            throw new UsageException("--election-interval and --downtime must be more than 0");
        }
        int serverEnd = options.serverPort() + options.servers() - 1;
        int agentEnd = options.agentPort() + options.agents() - 1;
        if (options.serverPort() <= agentEnd && options.agentPort() <= serverEnd) {
            throw new UsageException("server ports %d-%d overlap agent ports %d-%d: set --agent-port"
                    .formatted(options.serverPort(), serverEnd, options.agentPort(), agentEnd));
        }
        if (serverEnd > 65535 || agentEnd > 65535) {
            throw new UsageException("ports run past 65535");
        }
        return options;
    }

    int serverUdpPort(int index) {
        return serverPort + index - 1;
    }

    int agentUdpPort(int index) {
        return agentPort + index - 1;
    }

    int dashboardHttpPort() {
        return httpPort;
    }

    int serverHttpPort(int index) {
        return httpPort + index;
    }

    int agentHttpPort(int index) {
        return httpPort + 100 + index;
    }

    int clientHttpPort(int index) {
        return httpPort + 200 + index;
    }

    /** Raised for a bad command line; the message (if any) is printed with the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static final class Values {

        private final Map<String, String> given;
        private final Map<String, String> environment;
        private final java.util.Set<String> known = new java.util.HashSet<>();

        Values(Map<String, String> given, Map<String, String> environment) {
            this.given = given;
            this.environment = environment;
        }

        String text(String name, String fallback) {
            known.add(name);
            String value = given.get(name);
            if (value == null) {
                value = environment.get(
                        "RINGLAB_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null ? fallback : value;
        }

        int integer(String name, int fallback, int min, int max) {
            String text = text(name, Integer.toString(fallback));
            try {
                int value = Integer.parseInt(text.trim());
                if (value < min || value > max) {
                    throw new UsageException("--%s must be between %d and %d, not %d".formatted(name, min, max, value));
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, not '" + text + "'");
            }
        }

        Duration duration(String name, String fallback) {
            String text = text(name, fallback).trim().toLowerCase(java.util.Locale.ROOT);
            try {
                if (text.equals("0")) {
                    return Duration.ZERO;
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new NumberFormatException();
                };
            } catch (RuntimeException e) {
                throw new UsageException("--" + name + " must be a duration like 30s, 5m or 1h, not '" + text + "'");
            }
        }

        boolean onOff(String name, boolean fallback) {
            String text = text(name, fallback ? "on" : "off").trim().toLowerCase(java.util.Locale.ROOT);
            return switch (text) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new UsageException("--" + name + " must be on or off, not '" + text + "'");
            };
        }

        void rejectUnknown() {
            for (String name : given.keySet()) {
                if (!known.contains(name)) {
                    throw new UsageException("unknown option --" + name);
                }
            }
        }
    }
}
