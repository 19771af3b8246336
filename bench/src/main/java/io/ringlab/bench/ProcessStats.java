package io.ringlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** CPU time and peak resident memory of a process and its children, from {@code /proc} (Linux). */
final class ProcessStats {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private ProcessStats() {}

    /** User plus system CPU seconds of the process and its descendants (NGINX's workers) so far. */
    static double cpuSeconds(ProcessHandle process) {
        return family(process).mapToDouble(ProcessStats::cpuSecondsOf).sum();
    }

    /** System CPU seconds (time in the kernel) of the process and its descendants so far. */
    static double systemCpuSeconds(ProcessHandle process) {
        return family(process).mapToDouble(handle -> ticks(handle, false)).sum();
    }

    /** Peak resident set ({@code VmHWM}) of the process and its descendants, in MiB. */
    static double peakMemoryMib(ProcessHandle process) {
        return family(process).mapToDouble(ProcessStats::peakKibOf).sum() / 1024.0;
    }

    /** Datagrams the kernel dropped for full socket receive buffers, machine-wide ({@code RcvbufErrors}). */
    static long udpReceiveBufferErrors() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
                    .filter(line -> line.startsWith("Udp:"))
                    .toList();
            List<String> names = List.of(lines.get(0).split("\\s+"));
            String[] values = lines.get(1).split("\\s+");
            return Long.parseLong(values[names.indexOf("RcvbufErrors")]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Stream<ProcessHandle> family(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    private static double cpuSecondsOf(ProcessHandle process) {
        return ticks(process, true);
    }

    /** Seconds of system time, and of user time too when {@code withUser}. */
    private static double ticks(ProcessHandle process, boolean withUser) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces: utime, stime at 11, 12
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long system = Long.parseLong(fields[12]);
            return (system + (withUser ? Long.parseLong(fields[11]) : 0)) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double peakKibOf(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToDouble(line -> Double.parseDouble(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
