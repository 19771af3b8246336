package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.Shell;
import io.ringlab.launcher.status.StatusHttp;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the rehearsal checks once every pod is ready, each polled until it holds or its time is up: the ring elects,
 * every agent has every server in rotation, the clients' requests all get replies through the agents' Service, the
 * dashboard sees every service, and Prometheus, with the Kubernetes scrape configuration, scrapes every RingLab pod.
 */
final class RehearsalChecks {

    /** @param detail what was seen last */
    record Check(String name, boolean passed, String detail) {}

    private final Cluster cluster;
    private final String dnsServer;
    private final Duration limit;
    private final StatusHttp statuses = new StatusHttp(Duration.ofSeconds(2));
    private final JsonMapper json = JsonMapper.builder().build();

    RehearsalChecks(Cluster cluster, String dnsServer, Duration limit) {
        this.cluster = cluster;
        this.dnsServer = dnsServer;
        this.limit = limit;
    }

    Check ringElects() throws InterruptedException {
        return until("the ring elects", () -> {
            Set<String> winners = new TreeSet<>();
            int reporting = 0;
            for (Pod server : Roles.pods(cluster, Roles.SERVER)) {
                RingStatus ring = statuses.read(Roles.url(server, "/api/ring"), RingStatus.class);
                if (ring != null) {
                    reporting++;
                    if (ring.lastWinners() != null) {
                        ring.lastWinners()
                                .forEach(w -> winners.add(w.round() + " won by " + RehearsalPoller.podOf(w.winner())));
                    }
                }
            }
            return new Check(
                    "the ring elects",
                    !winners.isEmpty(),
                    "%d servers answer; rounds committed: %s"
                            .formatted(reporting, winners.isEmpty() ? "none" : String.join(", ", winners)));
        });
    }

    Check agentsDiscoverEveryServer() throws InterruptedException {
        return until("agents have every server", () -> {
            Set<String> servers = names(Roles.pods(cluster, Roles.SERVER));
            List<String> views = new ArrayList<>();
            boolean all = true;
            for (Pod agent : Roles.pods(cluster, Roles.AGENT)) {
                AgentStatus status = statuses.read(Roles.url(agent, "/api/status"), AgentStatus.class);
                Set<String> up = new TreeSet<>();
                if (status != null && status.servers() != null) {
                    status.servers().forEach(s -> {
                        if ("up".equals(s.state()) || "down".equals(s.state())) {
                            up.add(RehearsalPoller.podOf(s.server()));
                        }
                    });
                }
                all &= up.containsAll(servers);
                views.add(agent.name() + " has " + up);
            }
            return new Check(
                    "agents have every server",
                    all && !views.isEmpty(),
                    "servers " + servers + "; " + String.join("; ", views));
        });
    }

    /**
     * The cluster's DNS names every ring server in the SRV records of the servers' headless Service and UDP port
     * ({@code _udp._udp.ring-server.<namespace>.svc.cluster.local}), as agents that discover servers ask for them.
     */
    Check serversInSrvRecords() throws InterruptedException {
        String name = "the cluster's DNS names every server (SRV)";
        List<Pod> servers = Roles.pods(cluster, Roles.SERVER);
        if (servers.isEmpty()) {
            return new Check(name, false, "no server runs");
        }
        String record = "_udp._udp.%s.%s.svc.%s"
                .formatted(
                        servers.get(0).initial().subdomain(),
                        servers.get(0).initial().namespace(),
                        Cluster.DOMAIN);
        return until(name, () -> {
            Set<String> expected = new TreeSet<>();
            servers.forEach(pod -> expected.add("%s.%s.%s.svc.%s:%d"
                    .formatted(
                            pod.name(),
                            pod.initial().subdomain(),
                            pod.initial().namespace(),
                            Cluster.DOMAIN,
                            pod.port("udp"))));
            Set<String> answered = new TreeSet<>();
            try {
                java.util.Hashtable<String, String> env = new java.util.Hashtable<>();
                env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
                env.put("java.naming.provider.url", "dns://" + dnsServer);
                var attribute = new javax.naming.directory.InitialDirContext(env)
                        .getAttributes(record, new String[] {"SRV"})
                        .get("SRV");
                for (int i = 0; attribute != null && i < attribute.size(); i++) {
                    String[] fields = attribute.get(i).toString().split(" "); // priority weight port target.
                    answered.add(fields[3].replaceAll("\\.$", "") + ":" + fields[2]);
                }
            } catch (javax.naming.NamingException e) {
                return new Check(name, false, record + ": " + e.getMessage());
            }
            return new Check(name, answered.equals(expected), "%s: %s".formatted(record, answered));
        });
    }

    /**
     * The clients resolve the agents' Service to its virtual IP, their flows to it are translated to an agent pod,
     * and over {@code window} every request finished got its reply. The window starts {@code settle} from now: a
     * request sent before the agents had every server may still be timing out until then.
     */
    Check clientsThroughAgentService(Duration settle, Duration window) throws InterruptedException {
        String name = "clients get every reply through the agents' Service";
        ServiceSpec service = cluster.services().stream()
                .filter(s -> !s.headless() && s.selector().values().contains(Roles.AGENT))
                .findFirst()
                .orElse(null);
        List<Pod> clients = Roles.pods(cluster, Roles.CLIENT);
        if (service == null || clients.isEmpty()) {
            return new Check(name, false, "no Service with a virtual IP selects the agents, or no client runs");
        }
        TimeUnit.MILLISECONDS.sleep(settle.toMillis());
        long[] before = outcomes(clients);
        TimeUnit.MILLISECONDS.sleep(window.toMillis());
        long[] after = outcomes(clients);
        long responses = after[0] - before[0];
        long failed = after[1] - before[1] + after[2] - before[2];
        List<String> seen = new ArrayList<>();
        boolean through = true;
        for (Pod client : clients) {
            String resolved = quietly(Shell.inNamespace(client.netns(), List.of("getent", "hosts", service.name())));
            String flows = quietly(Shell.inNamespace(
                    client.netns(), List.of("conntrack", "-L", "-p", "udp", "--orig-dst", service.virtualIp())));
            boolean translated =
                    Roles.pods(cluster, Roles.AGENT).stream().anyMatch(a -> flows.contains("src=" + a.ip() + " "));
            through &= resolved.startsWith(service.virtualIp() + " ") && translated;
            seen.add("%s resolves %s to %s, flows to it reach an agent pod: %s"
                    .formatted(
                            client.name(),
                            service.name(),
                            resolved.isEmpty() ? "nothing" : resolved.split("\\s+")[0],
                            translated));
        }
        return new Check(
                name,
                through && responses > 0 && failed == 0,
                "%d replies, %d without, in %d s; %s"
                        .formatted(responses, failed, window.toSeconds(), String.join("; ", seen)));
    }

    /** The command's output; empty when it fails (a name that does not resolve, no flow). */
    private static String quietly(List<String> command) {
        try {
            return Shell.run(command, null).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private long[] outcomes(List<Pod> clients) {
        long[] sums = new long[3];
        for (Pod client : clients) {
            ClientStatus status = statuses.read(Roles.url(client, "/api/status"), ClientStatus.class);
            if (status != null) {
                sums[0] += status.responses();
                sums[1] += status.timeouts();
                sums[2] += status.wrongReplies();
            }
        }
        return sums;
    }

    /** Signed in with the Secret's password, the dashboard lists as many reachable services of each role as run. */
    Check dashboardSeesEveryService(String password) throws InterruptedException {
        List<Pod> dashboards = Roles.pods(cluster, Roles.DASHBOARD);
        if (dashboards.isEmpty()) {
            return new Check("the dashboard sees every service", false, "no dashboard runs");
        }
        String base = Roles.url(dashboards.get(0), "");
        HttpClient session = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return until("the dashboard sees every service", () -> {
            try {
                JsonNode cluster = signedIn(session, base, password);
                if (cluster == null) {
                    return new Check(
                            "the dashboard sees every service", false, "could not sign in or read /api/cluster");
                }
                int servers = reachable(cluster.path("servers"));
                int agents = reachable(cluster.path("agents"));
                int clients = reachable(cluster.path("clients"));
                int wantServers = Roles.pods(this.cluster, Roles.SERVER).size();
                int wantAgents = Roles.pods(this.cluster, Roles.AGENT).size();
                int wantClients = Roles.pods(this.cluster, Roles.CLIENT).size();
                return new Check(
                        "the dashboard sees every service",
                        servers == wantServers && agents == wantAgents && clients == wantClients,
                        "reachable: servers %d of %d, agents %d of %d, clients %d of %d"
                                .formatted(servers, wantServers, agents, wantAgents, clients, wantClients));
            } catch (IOException e) {
                return new Check("the dashboard sees every service", false, e.getMessage());
            }
        });
    }

    private JsonNode signedIn(HttpClient session, String base, String password) throws IOException {
        try {
            HttpResponse<String> view = session.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/cluster"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (view.statusCode() == 200) {
                return json.readTree(view.body());
            }
            HttpResponse<String> sessionInfo = session.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/session"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String token =
                    json.readTree(sessionInfo.body()).path("csrf").path("token").asString();
            String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            session.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .timeout(Duration.ofSeconds(3))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static int reachable(JsonNode views) {
        int count = 0;
        for (JsonNode view : views) {
            if (view.path("reachable").asBoolean(false)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Every target Prometheus found is up, and they are exactly the servers', agents', clients' and the dashboard's
     * HTTP ports.
     */
    Check prometheusScrapesEveryPod() throws InterruptedException {
        List<Pod> prometheus = Roles.pods(cluster, Roles.PROMETHEUS);
        if (prometheus.isEmpty()) {
            return new Check("Prometheus scrapes every pod", false, "no Prometheus runs");
        }
        return until("Prometheus scrapes every pod", () -> {
            Set<String> expected = new TreeSet<>();
            for (String role : List.of(Roles.SERVER, Roles.AGENT, Roles.CLIENT, Roles.DASHBOARD)) {
                Roles.pods(cluster, role).forEach(pod -> expected.add(role + " " + pod.ip() + ":" + pod.port("http")));
            }
            JsonNode targets = statuses.tree(Roles.url(prometheus.get(0), "/api/v1/targets?state=active"));
            Set<String> up = new TreeSet<>();
            Set<String> notUp = new TreeSet<>();
            if (targets != null) {
                targets.path("data").path("activeTargets").forEach(t -> {
                    String target = t.path("labels").path("job").asString() + " "
                            + t.path("discoveredLabels").path("__address__").asString();
                    (t.path("health").asString().equals("up") ? up : notUp).add(target);
                });
            }
            return new Check(
                    "Prometheus scrapes every pod",
                    up.equals(expected) && notUp.isEmpty(),
                    "expected %s; up %s; not up %s".formatted(expected, up, notUp));
        });
    }

    private Check until(String name, Supplier<Check> check) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Check last = new Check(name, false, "not checked");
        while (System.nanoTime() < deadline) {
            last = check.get();
            if (last.passed()) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return last;
    }

    private static Set<String> names(List<Pod> pods) {
        Set<String> names = new TreeSet<>();
        pods.forEach(pod -> names.add(pod.name()));
        return names;
    }
}
