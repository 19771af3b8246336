package io.ringlab.k8s;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders kustomizations with {@code kubectl kustomize} (the command in {@code $KUBECTL}, else {@code kubectl} on
 * the PATH). The manifests use components and the {@code labels} field: kustomize v5 (kubectl 1.27 or newer).
 */
final class Kustomize {

    static final int NEEDED_MAJOR = 5;

    private static final String KUBECTL =
            Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("\"kustomizeVersion\":\\s*\"v(\\d+)\\.([^\"]*)\"");
    private static final Map<Path, Manifest> RENDERED = new ConcurrentHashMap<>();
    private static final Optional<String> UNAVAILABLE = findWhyUnavailable();

    private Kustomize() {}

    /** Why the manifests cannot be rendered here, or empty when they can. */
    static Optional<String> unavailable() {
        return UNAVAILABLE;
    }

    /** Skips the calling test, saying why, when the manifests cannot be rendered here. */
    static void assumeAvailable() {
        Assumptions.assumeTrue(UNAVAILABLE.isEmpty(), () -> "skipped: " + UNAVAILABLE.orElseThrow());
    }

    /** The overlays' folder names, sorted. */
    static List<String> overlays() {
        try (Stream<Path> folders = Files.list(Project.OVERLAYS)) {
            return folders.filter(folder -> Files.exists(folder.resolve("kustomization.yaml")))
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest overlay(String name) {
        return render(Project.OVERLAYS.resolve(name));
    }

    /** The rendered objects of the kustomization in {@code folder}; rendered once per test run. */
    static Manifest render(Path folder) {
        return RENDERED.computeIfAbsent(folder.toAbsolutePath().normalize(), Kustomize::run);
    }

    private static Manifest run(Path folder) {
        Result result = exec(KUBECTL, "kustomize", folder.toString());
        if (result.exitCode != 0) {
            throw new IllegalStateException("kubectl kustomize " + folder + " failed:\n" + result.output);
        }
        return Manifest.parse(result.output);
    }

    private static Optional<String> findWhyUnavailable() {
        Result version;
        try {
            version = exec(KUBECTL, "version", "--client", "-o", "json");
        } catch (UncheckedIOException e) {
            return Optional.of(
                    "no " + KUBECTL + " here (" + e.getCause().getMessage() + "): the manifests need kubectl "
                            + "1.27 or newer, with kustomize v" + NEEDED_MAJOR + "; set KUBECTL to its path");
        }
        Matcher matcher = KUSTOMIZE_VERSION.matcher(version.output);
        if (version.exitCode != 0 || !matcher.find()) {
            return Optional.of(KUBECTL + " version --client did not tell its kustomize version:\n" + version.output);
        }
        if (Integer.parseInt(matcher.group(1)) < NEEDED_MAJOR) {
            return Optional.of(KUBECTL + " embeds kustomize v" + matcher.group(1) + "." + matcher.group(2)
                    + "; the manifests need v" + NEEDED_MAJOR + " (kubectl 1.27 or newer): set KUBECTL to one");
        }
        return Optional.empty();
    }

    private record Result(int exitCode, String output) {}

    private static Result exec(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took more than 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
