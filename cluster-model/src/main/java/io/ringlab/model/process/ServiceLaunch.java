package io.ringlab.model.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a service's JVM is given its code: from its class-data sharing archive when {@code bin/make-cds-archives} made
 * one for this very jar ({@code target/cds/<module>.jsa} newer than the jar, beside the jar extracted as
 * {@code target/cds/<jar>} and {@code lib/}), from the executable jar otherwise. The archive names the class path
 * the training run had, so it is given as the same absolute path.
 */
public final class ServiceLaunch {

    private ServiceLaunch() {}

    /** The arguments before the service's own: {@code -XX:SharedArchiveFile=… -jar <extracted jar>}, or {@code -jar <jar>}. */
    public static List<String> arguments(Path executableJar) throws IOException {
        Path jar = executableJar.toRealPath();
        Path target = jar.getParent();
        Path cds = target.resolve("cds");
        Path archive = cds.resolve(target.getParent().getFileName() + ".jsa");
        Path extracted = cds.resolve(jar.getFileName());
        if (Files.isRegularFile(archive)
                && Files.isRegularFile(extracted)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
        }
        return List.of("-jar", jar.toString());
    }
}
