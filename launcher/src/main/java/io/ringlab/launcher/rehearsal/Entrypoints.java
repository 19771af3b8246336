package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What runs a container's image on this machine: for RingLab's images, {@code java} with the image's JVM flags (read
 * from the Jib configuration in pom.xml) on the service's jar; for Prometheus, Debian's {@code prometheus}. The
 * container's memory limit becomes the JVM's idea of the machine's memory and its CPU limit the JVM's processor
 * count, as they would in a container (no cgroup enforces them here).
 */
public final class Entrypoints {

    private static final Pattern JVM_FLAG = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>");
    private static final Pattern RINGLAB_IMAGE = Pattern.compile("(?:.*/)?ringlab/([a-z-]+)(?::[^/]*)?");

    private final Path home;
    private final List<String> jvmFlags;
    private final List<String> extraJavaOptions;

    public Entrypoints(Path home, List<String> extraJavaOptions) throws IOException {
        this.home = home;
        this.extraJavaOptions = List.copyOf(extraJavaOptions);
        List<String> flags = new ArrayList<>();
        Matcher flag = JVM_FLAG.matcher(Files.readString(home.resolve("pom.xml")));
        while (flag.find()) {
            flags.add(flag.group(1).trim());
        }
        this.jvmFlags = List.copyOf(flags);
    }

    /** The command that stands for the image's entrypoint, without the container's args; empty when none does. */
    public Optional<List<String>> entrypoint(JsonNode container) throws IOException {
        String image = container.path("image").asString();
        Matcher ringlab = RINGLAB_IMAGE.matcher(image);
        if (ringlab.matches()) {
            Optional<Path> jar = jar(ringlab.group(1));
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            List<String> command = new ArrayList<>(List.of("java"));
            command.addAll(jvmFlags);
            limits(container, command);
            command.addAll(extraJavaOptions);
            command.addAll(List.of("-jar", jar.get().toString()));
            return Optional.of(command);
        }
        if (image.matches("(?:.*/)?prom/prometheus(?::.*)?") && Files.isExecutable(Path.of("/usr/bin/prometheus"))) {
            return Optional.of(List.of("/usr/bin/prometheus"));
        }
        return Optional.empty();
    }

    private Optional<Path> jar(String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches(Pattern.quote(module) + "-.*-exec\\.jar"))
                    .findFirst();
        }
    }

    private static void limits(JsonNode container, List<String> command) {
        JsonNode limits = container.path("resources").path("limits");
        if (limits.has("memory")) {
            command.add("-XX:MaxRAM=" + Quantities.bytes(limits.path("memory").asString()));
        }
        if (limits.has("cpu")) {
            command.add("-XX:ActiveProcessorCount="
                    + (int) Math.max(
                            1, Math.ceil(Quantities.cores(limits.path("cpu").asString()))));
        }
    }
}
