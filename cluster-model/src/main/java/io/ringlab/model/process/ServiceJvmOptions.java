package io.ringlab.model.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's own JVM options (heap, collector, stacks, metaspace, code cache: sized for the service), from
 * {@code <module>/jvm.options}: one option a line, {@code #} comments. A module without the file has none. The launcher
 * and the bench start services with them; the manifests carry the same in {@code JAVA_TOOL_OPTIONS}.
 */
public final class ServiceJvmOptions {

    private ServiceJvmOptions() {}

    /** The options of {@code module} (its folder under the project's {@code home}). */
    public static List<String> of(Path home, String module) {
        Path file = home.resolve(module).resolve("jvm.options");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
