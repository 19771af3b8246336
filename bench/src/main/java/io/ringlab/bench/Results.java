package io.ringlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Every sample as CSV, and the medians over repeats as a Markdown table with the ratios the targets speak of. */
final class Results {

    private final List<Sample> samples = new ArrayList<>();

    void add(Sample sample) {
        samples.add(sample);
    }

    static Results readCsv(Path file) throws IOException {
        Results results = new Results();
        Files.readAllLines(file).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(Sample::fromCsv)
                .forEach(results::add);
        return results;
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Sample.CSV_HEADER);
        samples.forEach(sample -> lines.add(sample.csv()));
        Files.write(file, lines);
    }

    String markdown(String machine, BenchOptions options) {
        Map<String, List<Sample>> byCell =
                samples.stream().collect(Collectors.groupingBy(Sample::key, LinkedHashMap::new, Collectors.toList()));
        StringBuilder out = new StringBuilder();
        out.append("# RingLab benchmark: direct path, lb-agent, NGINX stream, batched relay\n\n");
        out.append(machine).append("\n\n");
        out.append("Medians of the runs of every cell (the `runs` column); each run measures %d s after %d s of "
                        .formatted(
                                options.duration().toSeconds(), options.warmup().toSeconds()))
                .append("warm-up. Closed loop: the level is the number of requests kept in flight (")
                .append(
                        options.nativeClient()
                                ? "the native client, bench/relay/udp-load.c: a thread per request in flight, each "
                                        + "blocking on its own socket"
                                : "the load client's event-driven closed loop")
                .append("; the seed's system: two load clients of 500 worker threads). Open loop: the level is ")
                .append("the request rate; latency counts from each request's intended send time. Balancer CPU is ")
                .append("user + system time of the balancer's processes in the window (for NGINX, master and ")
                .append("workers), and of it the system time (in the kernel: socket calls and the UDP stack); peak ")
                .append("memory is their resident-set high-water mark. The client's and the three servers' CPU a ")
                .append("request in the same window show what else shares the machine's cores.\n\n");
        out.append("| path | mode | level | runs | req/s | p50 ms | p99 ms | p99.9 ms | max ms | success % | timeouts "
                + "| balancer CPU s | CPU µs/req | of it kernel µs/req | balancer peak MiB | kernel drops "
                + "| client µs/req | servers µs/req |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        byCell.forEach((key, cell) -> {
            Sample first = cell.get(0);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("throughput", median(cell, Sample::throughput));
            m.put("p50", median(cell, Sample::p50Ms));
            m.put("p99", median(cell, Sample::p99Ms));
            medians.put(key, m);
            out.append("| %s | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n"
                    .formatted(
                            first.path(),
                            first.mode(),
                            first.level(),
                            cell.size(),
                            f0(m.get("throughput")),
                            f3(m.get("p50")),
                            f3(m.get("p99")),
                            f3(median(cell, Sample::p999Ms)),
                            f3(median(cell, Sample::maxMs)),
                            f2(median(cell, Sample::successPercent)),
                            f0(median(cell, s -> s.timeouts())),
                            f2(median(cell, Sample::balancerCpuSeconds)),
                            f2(median(cell, Sample::cpuMicrosPerRequest)),
                            f2(median(cell, Sample::kernelCpuMicrosPerRequest)),
                            f0(median(cell, Sample::peakMemoryMib)),
                            f0(median(cell, s -> s.kernelDrops())),
                            f2(median(cell, Sample::clientCpuMicrosPerRequest)),
                            f2(median(cell, Sample::serversCpuMicrosPerRequest))));
        });
        out.append("\n## Ratios (medians of the same run)\n\n");
        out.append("Each balancer's figure over NGINX's, the direct path's and the batched C relay's in the same cell"
                + " (`relay`: bench/relay/udp-relay.c, one thread, recvmmsg/sendmmsg, nothing but relaying).\n\n");
        out.append("| balancer | mode | level | ÷ NGINX req/s | ÷ NGINX p99 | ÷ NGINX p50 | ÷ direct req/s"
                + " | ÷ relay req/s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        byCell.values().stream()
                .map(cell -> cell.get(0))
                .filter(s -> s.path().startsWith("agent") || s.path().equals("relay"))
                .forEach(balancer -> {
                    String cell = "/" + balancer.mode() + "/" + balancer.level();
                    Map<String, Double> a = medians.get(balancer.key());
                    Map<String, Double> n = medians.get("nginx" + cell);
                    Map<String, Double> d = medians.get("direct" + cell);
                    Map<String, Double> r = balancer.path().equals("relay") ? null : medians.get("relay" + cell);
                    out.append("| %s | %s | %d | %s | %s | %s | %s | %s |\n"
                            .formatted(
                                    balancer.path(),
                                    balancer.mode(),
                                    balancer.level(),
                                    ratio(a, n, "throughput"),
                                    ratio(a, n, "p99"),
                                    ratio(a, n, "p50"),
                                    ratio(a, d, "throughput"),
                                    ratio(a, r, "throughput")));
                });
        List<String> variants = byCell.values().stream()
                .map(cell -> cell.get(0).path())
                .distinct()
                .filter(AgentVariants::contains)
                .toList();
        if (!variants.isEmpty()) {
            out.append("\nEach agent path is an agent of its own over the same three servers:\n\n");
            variants.forEach(path -> out.append("- **%s**: %s\n".formatted(path, AgentVariants.describe(path))));
        }
        return out.toString();
    }

    /** Each service's time to ready, as a section of results.md. */
    static String readiness(Map<String, Long> readyMillis) {
        StringBuilder out = new StringBuilder("\n## Time to ready\n\n");
        out.append("From each service's process start to its first answer on `/api/status` (asked every 100 ms), ")
                .append("started one after another, each with its own JVM options (`<module>/jvm.options`):\n\n");
        out.append("| service | ready s |\n|---|---:|\n");
        readyMillis.forEach((name, millis) -> out.append("| %s | %s |\n"
                .formatted(name, millis < 0 ? "–" : String.format(Locale.ROOT, "%.1f", millis / 1000.0))));
        return out.toString();
    }

    private static String ratio(Map<String, Double> a, Map<String, Double> b, String figure) {
        if (a == null || b == null || b.get(figure) == 0 || b.get(figure).isNaN()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f", a.get(figure) / b.get(figure));
    }

    static double median(Collection<Sample> cell, ToDoubleFunction<Sample> figure) {
        double[] values = cell.stream()
                .mapToDouble(figure)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static String f0(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f2(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String f3(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }
}
