package io.ringlab.launcher.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's network tools ({@code ip}, {@code nft}) and says, in one line, why one failed. */
public final class Shell {

    private static final long LIMIT_SECONDS = 30;

    private Shell() {}

    /** Runs a command, with {@code input} on its standard input (or none); returns its output. */
    public static String run(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + LIMIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("%s: exit %d: %s"
                    .formatted(
                            String.join(" ", command),
                            process.exitValue(),
                            output.strip().replace('\n', ' ')));
        }
        return output;
    }

    public static String run(String... command) throws IOException {
        return run(List.of(command), null);
    }

    /** The command run inside a namespace. */
    public static List<String> inNamespace(String namespace, List<String> command) {
        List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }
}
