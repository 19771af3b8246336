package io.ringlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One line on the machine the figures come from: CPU, cores, memory, kernel, JVM, NGINX. */
final class Machine {

    private Machine() {}

    static String describe() {
        return "Machine: %s, %d cores, %s memory; Linux %s; %s; %s; all processes on loopback."
                .formatted(
                        cpuModel(),
                        Runtime.getRuntime().availableProcessors(),
                        memory(),
                        System.getProperty("os.version"),
                        firstLine("java", "-version"),
                        firstLine("nginx", "-v"));
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .map(l -> "%.0f GiB".formatted(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstLine(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes())
                    .lines()
                    .findFirst()
                    .orElse("");
            process.waitFor(5, TimeUnit.SECONDS);
            return output.trim();
        } catch (IOException e) {
            return command[0] + " not found";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return command[0];
        }
    }
}
