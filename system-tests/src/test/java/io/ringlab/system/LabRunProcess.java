package io.ringlab.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-host lab ({@code bin/ringlab-lab}) started as a process, with its run directory under
 * {@code system-tests/target}, a password of the test's and its two loopback ports (dashboard and the launcher's REST)
 * chosen free. Closing it stops it as Ctrl-C does and then removes, by its run id, anything it might have left
 * (namespaces, links, processes), so that a failing test leaves nothing behind either.
 */
final class LabRunProcess implements AutoCloseable {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern RUN_ID = Pattern.compile("^lab (rl[0-9a-f]+): ", Pattern.MULTILINE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path runDir;
    final Path output;
    final Path verdictFile;
    final int controlPort;
    /** The dashboard's HTTP port, on the machine's loopback. */
    final int dashboardPort;

    final String password;
    private final Process process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LabRunProcess(String runDirName, Random random, String... options) throws IOException {
        int httpPort = FreePorts.tcpBlock(random, 0, 300);
        controlPort = httpPort + 300;
        dashboardPort = httpPort;
        runDir = HOME.resolve("system-tests/target/" + runDirName);
        output = runDir.resolve("launcher-output.txt");
        verdictFile = runDir.resolve("verdict.json");
        Files.createDirectories(runDir);
        Files.deleteIfExists(verdictFile);
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        List<String> command = new ArrayList<>(List.of(
                HOME.resolve("bin/ringlab-lab").toString(),
                "--http-port",
                Integer.toString(httpPort),
                "--run-dir",
                HOME.relativize(runDir).toString(),
                "--verdict-file",
                HOME.relativize(verdictFile).toString(),
                "--java-options",
                "-Xmx256m -XX:TieredStopAtLevel=1 -Xss512k"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("RINGLAB_SECURITY_PASSWORD", password);
        process = builder.start();
    }

    String printed() throws IOException {
        return Files.readString(output);
    }

    Optional<String> runId() throws IOException {
        Matcher matcher = RUN_ID.matcher(printed());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The pids of the services, as the run printed them. */
    List<Long> servicePids() throws IOException {
        return Pattern.compile("\\(pid (\\d+)\\)")
                .matcher(printed())
                .results()
                .map(m -> Long.parseLong(m.group(1)))
                .toList();
    }

    /** A service's status URL as the run printed it ({@code server-2   http://198.18.x.102:port/api/status}). */
    String statusUrl(String service) throws IOException {
        Matcher matcher = Pattern.compile("^\\s+" + service + "\\s+(http://\\S+/api/status)", Pattern.MULTILINE)
                .matcher(printed());
        if (!matcher.find()) {
            throw new IllegalStateException(service + " has no status URL yet");
        }
        return matcher.group(1);
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** A POST to the launcher's REST with the run's credentials; the status code and the body. */
    HttpResponse<String> postToLauncher(String path, String json) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode verdict() throws IOException {
        return JSON.readTree(Files.readString(verdictFile));
    }

    /** Stops the run as Ctrl-C does and waits for it (the launcher writes the verdict as it stops). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the run did not stop within 2 minutes of SIGTERM");
        }
    }

    boolean awaitExit(long minutes) throws InterruptedException {
        return process.waitFor(minutes, TimeUnit.MINUTES);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** The launcher's JVM (the wrapper scripts' child). */
    Optional<ProcessHandle> launcherJvm() {
        return process.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("launcher-"))
                .findFirst();
    }

    /**
     * {@code kill -9} of the run: the wrapper script ({@code bin/ringlab-lab} execs {@code bin/ringlab-local}) and the
     * launcher, neither able to clean up. Not the reaper, which is the launcher's child until the launcher dies.
     */
    void killNine() {
        launcherJvm().ifPresent(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** What is left of the run on the machine: its namespaces and links. */
    static List<String> leftovers(String runId) throws IOException, InterruptedException {
        List<String> left = new ArrayList<>();
        for (String line : run("ip", "netns", "list").split("\n")) {
            if (line.startsWith(runId + "-")) {
                left.add("namespace " + line.split("\\s")[0]);
            }
        }
        for (String line : run("ip", "-o", "link", "show").split("\n")) {
            if (line.contains(": " + runId + "-")) {
                left.add("link " + line.split(":\\s+")[1]);
            }
        }
        if (Files.exists(Path.of("/run/ringlab-lab/" + runId))) {
            left.add("state /run/ringlab-lab/" + runId);
        }
        return left;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    static boolean isRoot() {
        try {
            return run("id", "-u").trim().equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Stops the run as Ctrl-C does; then removes by its id whatever it left, even after a failure. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        Optional<String> id = runId();
        if (id.isPresent()) {
            run(HOME.resolve("bin/ringlab-lab-clean").toString(), "--run", id.get());
        }
    }
}
