package io.ringlab.launcher.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ringlab.launcher.lab.fault.FaultSpecException;
import io.ringlab.protocol.LogText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The launcher's REST, on 127.0.0.1, so that the dashboard (or curl) can drive a lab run's faults:
 * <pre>
 *   GET  /api/faults               every fault: scheduled, active, ended
 *   POST /api/faults               {"fault": "for 20s loss 5% agent&lt;-&gt;server"} : 201 with the fault, 400 why not
 *   POST /api/faults/{id}/heal     end one fault now
 *   POST /api/faults/heal          end every fault now
 *   GET  /api/verdict              the checker's verdict so far
 *   GET  /api/events               every fault start and end (for annotations)
 *   GET  /metrics                  the faults as Prometheus metrics (text format)
 * </pre>
 * Reads are open; every {@code POST} needs the run's HTTP Basic credentials, as on the services, and a browser's
 * request from another origin is refused. Who made a change goes into the event log: the header
 * {@value #OPERATOR_HEADER} when a client that holds the credentials acts for someone (the dashboard names the
 * person signed in), else the Basic user and the request's address.
 */
public final class LabControlServer implements AutoCloseable {

    public static final String OPERATOR_HEADER = "X-RingLab-Operator";
    private static final Pattern HEAL_ONE = Pattern.compile("/api/faults/(\\d+)/heal");

    private final HttpServer server;
    private final LabControl control;
    private final String expectedAuthorization;
    private final String username;
    private final JsonMapper json = JsonMapper.builder().build();

    public LabControlServer(int port, LabControl control, String username, String password) throws IOException {
        this.control = control;
        this.username = username;
        this.expectedAuthorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "lab-rest");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/", this::handle);
        server.createContext("/metrics", this::metrics);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    || !exchange.getRequestURI().getPath().equals("/metrics")) {
                problem(exchange, 404, "only GET /metrics");
                return;
            }
            byte[] bytes = LabMetrics.render(control.faults()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", LabMetrics.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (RuntimeException e) {
            problem(exchange, 500, String.valueOf(e.getMessage()));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("GET")) {
                switch (path) {
                    case "/api/faults" -> send(exchange, 200, Map.of("faults", control.faults()));
                    case "/api/verdict" -> send(exchange, 200, verdict());
                    case "/api/events" -> send(exchange, 200, Map.of("events", control.events()));
                    default -> problem(exchange, 404, "no such resource: " + path);
                }
                return;
            }
            if (!method.equals("POST")) {
                problem(exchange, 405, "only GET and POST");
                return;
            }
            if (crossSite(exchange)) {
                problem(exchange, 403, "a browser request from another site may not change the lab");
                return;
            }
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"RingLab\"");
                problem(exchange, 401, "the run's credentials are needed (HTTP Basic)");
                return;
            }
            Matcher healOne = HEAL_ONE.matcher(path);
            String by = operator(exchange);
            if (path.equals("/api/faults")) {
                inject(exchange, by);
            } else if (path.equals("/api/faults/heal")) {
                control.healAll(by);
                send(exchange, 200, Map.of("faults", control.faults()));
            } else if (healOne.matches()) {
                if (control.heal(Integer.parseInt(healOne.group(1)), by)) {
                    send(exchange, 200, Map.of("faults", control.faults()));
                } else {
                    problem(exchange, 404, "no fault " + healOne.group(1) + " in force or scheduled");
                }
            } else {
                problem(exchange, 404, "no such resource: " + path);
            }
        } catch (RuntimeException e) {
            problem(exchange, 500, String.valueOf(e.getMessage()));
        }
    }

    private Object verdict() {
        var verdict = control.verdict();
        if (verdict == null) {
            return Map.of("checker", "off");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holds", verdict.holds());
        body.put("verdict", verdict);
        body.put("lines", verdict.lines());
        return body;
    }

    /** Who made a change: the operator the client names, else the Basic user and the request's address. */
    private String operator(HttpExchange exchange) {
        String named = exchange.getRequestHeaders().getFirst(OPERATOR_HEADER);
        if (named != null && !named.isBlank()) {
            return LogText.escape(named.strip());
        }
        return username + " (REST, from "
                + exchange.getRemoteAddress().getAddress().getHostAddress() + ")";
    }

    private void inject(HttpExchange exchange, String by) throws IOException {
        String body = new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8);
        String spec;
        try {
            JsonNode node = json.readTree(body);
            spec = node.path("fault").asString("");
        } catch (RuntimeException e) {
            spec = "";
        }
        if (spec.isBlank()) {
            problem(
                    exchange,
                    400,
                    "the body must be JSON with the fault: {\"fault\": \"for 20s loss 5% agent<->server\"}");
            return;
        }
        try {
            send(exchange, 201, control.inject(spec, by));
        } catch (FaultSpecException e) {
            problem(exchange, 400, e.getMessage());
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expectedAuthorization.getBytes(StandardCharsets.UTF_8));
    }

    private boolean crossSite(HttpExchange exchange) {
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && (site.equals("cross-site") || site.equals("same-site"))) {
            return true;
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        int port = server.getAddress().getPort();
        return origin != null
                && !origin.equals("http://127.0.0.1:" + port)
                && !origin.equals("http://localhost:" + port);
    }

    private void problem(HttpExchange exchange, int status, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", detail);
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
