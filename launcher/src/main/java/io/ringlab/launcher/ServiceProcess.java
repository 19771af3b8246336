package io.ringlab.launcher;

import io.ringlab.model.process.ManagedProcess;
import io.ringlab.model.topology.ClusterArguments;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One service running as a process of its own, its output in a log file; what the launcher knows of it. */
final class ServiceProcess {

    private final Role role;
    private final int httpPort;
    private final int udpPort;
    private final String httpHost;
    private final ManagedProcess process;

    enum Role {
        SERVER,
        AGENT,
        CLIENT,
        DASHBOARD,
        MONITORING
    }

    private ServiceProcess(Role role, String httpHost, int httpPort, int udpPort, ManagedProcess process) {
        this.role = role;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.udpPort = udpPort;
        this.process = process;
    }

    static ServiceProcess start(String name, Role role, int httpPort, int udpPort, List<String> command, Path log)
            throws IOException {
        return start(name, role, httpPort, udpPort, command, log, Map.of());
    }

    static ServiceProcess start(
            String name,
            Role role,
            int httpPort,
            int udpPort,
            List<String> command,
            Path log,
            Map<String, String> environment)
            throws IOException {
        return start(name, role, "127.0.0.1", httpPort, udpPort, command, log, environment);
    }

    /** @param httpHost the address its HTTP endpoints listen on, as the launcher reaches them */
    static ServiceProcess start(
            String name,
            Role role,
            String httpHost,
            int httpPort,
            int udpPort,
            List<String> command,
            Path log,
            Map<String, String> environment)
            throws IOException {
        return new ServiceProcess(
                role, httpHost, httpPort, udpPort, ManagedProcess.start(name, command, environment, log, true));
    }

    /** The same service started again, with the same command and environment (after {@link #kill()}). */
    ServiceProcess restart() throws IOException {
        return new ServiceProcess(role, httpHost, httpPort, udpPort, process.restart());
    }

    /** {@code kill -9}: no shutdown hook, no goodbye to anyone. */
    void kill() throws InterruptedException {
        process.kill();
    }

    boolean killedOnPurpose() {
        return process.killedOnPurpose();
    }

    String name() {
        return process.name();
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
        return ClusterArguments.hostPort(httpHost, httpPort);
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
        return process.log();
    }

    /** The last lines of the log, to show why a service did not start. */
    String logTail(int lines) {
        return process.logTail(lines);
    }

    /** Asks the process to stop (SIGTERM: Spring Boot shuts down gracefully). */
    void requestStop() {
        process.requestStop();
    }

    /** Waits for the process to end; kills it if it has not ended in time. */
    void awaitStop(long timeoutMillis) throws InterruptedException {
        process.awaitStop(timeoutMillis);
    }
}
