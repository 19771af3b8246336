package io.ringlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a process of its own, its output in a log file. */
final class ServiceProcess {

    private final String name;
    private final Role role;
    private final int httpPort;
    private final int udpPort;
    private final String httpHost;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Process process;
    private volatile boolean killedOnPurpose;

    enum Role { SERVER, AGENT, CLIENT, DASHBOARD, MONITORING }

    private ServiceProcess(String name, Role role, String httpHost, int httpPort, int udpPort, Path log,
                           List<String> command, Map<String, String> environment, Process process) {
        this.name = name;
        this.role = role;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.udpPort = udpPort;
        this.log = log;
        this.command = command;
        this.environment = environment;
        this.process = process;
    }

    static ServiceProcess start(String name, Role role, int httpPort, int udpPort, List<String> command, Path log)
            throws IOException {
        return start(name, role, httpPort, udpPort, command, log, Map.of());
    }

    static ServiceProcess start(String name, Role role, int httpPort, int udpPort, List<String> command, Path log,
                                Map<String, String> environment) throws IOException {
        return start(name, role, "127.0.0.1", httpPort, udpPort, command, log, environment);
    }

    /** @param httpHost the address its HTTP endpoints listen on, as the launcher reaches them */
    static ServiceProcess start(String name, Role role, String httpHost, int httpPort, int udpPort, List<String> command,
                                Path log, Map<String, String> environment) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, role, httpHost, httpPort, udpPort, log, List.copyOf(command),
                Map.copyOf(environment), process);
    }

    /** The same service started again, with the same command and environment (after {@link #kill()}). */
    ServiceProcess restart() throws IOException {
        return start(name, role, httpHost, httpPort, udpPort, command, log, environment);
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to anyone. */
    void kill() throws InterruptedException {
        killedOnPurpose = true;
        process.destroyForcibly();
        process.waitFor();
    }

    boolean killedOnPurpose() {
        return killedOnPurpose;
    }

    String name() {
        return name;
    }

    Role role() {
        return role;
    }

    /** The UDP port the service listens on (0 for a client, whose reply port is ephemeral). */
    int udpPort() {
        return udpPort;
    }

    String statusUrl() {
        return baseUrl() + "/api/status";
    }

    /** What answers once the service is ready: its status, or for the dashboard its health. */
    String readinessUrl() {
        return role == Role.DASHBOARD ? pageUrl() + "actuator/health/readiness" : statusUrl();
    }

    /** The dashboard's page. */
    String pageUrl() {
        return baseUrl() + "/";
    }

    String ringUrl() {
        return baseUrl() + "/api/ring";
    }

    /** {@code http://host:port}; an IPv6 host in brackets. */
    String baseUrl() {
        return "http://" + httpAddress();
    }

    /** {@code host:port} of its HTTP endpoints; an IPv6 host in brackets. */
    String httpAddress() {
        return (httpHost.contains(":") ? "[" + httpHost + "]" : httpHost) + ":" + httpPort;
    }

    /** SIGSTOP (freeze) or SIGCONT (thaw): the process keeps its sockets and answers nothing while stopped. */
    void signal(String signal) throws IOException {
        io.ringlab.launcher.lab.Shell.run("kill", "-" + signal, Long.toString(process.pid()));
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The last lines of the log, to show why a service did not start. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Asks the process to stop (SIGTERM: Spring Boot shuts down gracefully). */
    void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the process to end; kills it if it has not ended in time. */
    void awaitStop(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
