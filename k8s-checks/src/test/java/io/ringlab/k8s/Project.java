package io.ringlab.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the project's files are (tests run in k8s-checks/), and its version. */
final class Project {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = HOME.resolve("k8s");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final Path MONITORING = HOME.resolve("monitoring");

    private static final Pattern VERSION =
            Pattern.compile("<artifactId>ringlab</artifactId>\\s*<version>([^<]+)</version>");

    private Project() {}

    /** The version of the root pom, which tags the images. */
    static String version() {
        Matcher matcher = VERSION.matcher(read(HOME.resolve("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("no version in the root pom.xml");
        }
        return matcher.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
