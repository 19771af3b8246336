package io.ringlab.support.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Datagrams the kernel dropped for a UDP socket because its receive buffer was full, read from the
 * {@code drops} column of {@code /proc/net/udp} and {@code /proc/net/udp6} (Linux). Elsewhere, or when
 * the files cannot be read, the count is -1.
 */
public final class SocketDrops {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private SocketDrops() {}

    public static long of(int localPort) {
        return of(List.of(localPort));
    }

    /** The drops of every socket on any of these local ports (several sockets share a port with SO_REUSEPORT). */
    public static long of(List<Integer> localPorts) {
        List<String> portSuffixes = localPorts.stream().map(":%04X"::formatted).toList();
        long drops = 0;
        boolean found = false;
        for (Path table : TABLES) {
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 13 && portSuffixes.stream().anyMatch(fields[1]::endsWith)) {
                        drops += Long.parseLong(fields[12]);
                        found = true;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not Linux, or a table that cannot be read: the figure is unknown
            }
        }
        return found ? drops : -1;
    }
}
