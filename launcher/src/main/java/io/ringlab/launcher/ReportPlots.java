package io.ringlab.launcher;

import io.ringlab.model.status.ClientStatus;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The seed's five figures over time, drawn with XChart: average response time, success rate and responses
 * per client; requests each agent sent to each server; requests each server received. And a sixth: the
 * response-time percentiles (p50, p99) per client. All cumulative since start, like the seed's.
 */
final class ReportPlots {

    static final List<String> FILES = List.of(
            "1-average-response-time.png",
            "2-success-rate.png",
            "3-responses.png",
            "4-requests-per-server-per-agent.png",
            "5-requests-received-per-server.png",
            "6-response-time-percentiles.png");

    private ReportPlots() {}

    static void write(List<Snapshot> samples, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        save(
                clientChart(samples, "Average response time", "ms", Map.of("", ClientStatus::averageMs)),
                directory,
                FILES.get(0));
        save(
                clientChart(samples, "Success rate", "%", Map.of("", s -> s.successRate() * 100)),
                directory,
                FILES.get(1));
        save(
                clientChart(samples, "Responses received", "responses", Map.of("", s -> (double) s.responses())),
                directory,
                FILES.get(2));
        save(agentChart(samples), directory, FILES.get(3));
        save(serverChart(samples), directory, FILES.get(4));
        Map<String, ToDoubleFunction<ClientStatus>> percentiles = new LinkedHashMap<>();
        percentiles.put(" p50", ClientStatus::p50Ms);
        percentiles.put(" p99", ClientStatus::p99Ms);
        save(clientChart(samples, "Response time percentiles", "ms", percentiles), directory, FILES.get(5));
    }

    private static XYChart clientChart(
            List<Snapshot> samples, String title, String unit, Map<String, ToDoubleFunction<ClientStatus>> figures) {
        XYChart chart = chart(title, unit);
        List<String> clients = samples.isEmpty()
                ? List.of()
                : samples.get(samples.size() - 1).clients().stream()
                        .map(Snapshot.Client::name)
                        .toList();
        for (String client : clients) {
            figures.forEach((suffix, figure) -> {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Snapshot sample : samples) {
                    sample.clients().stream()
                            .filter(c -> c.name().equals(client) && c.status() != null)
                            .findFirst()
                            .ifPresent(c -> {
                                x.add((double) sample.elapsedSeconds());
                                y.add(figure.applyAsDouble(c.status()));
                            });
                }
                add(chart, client + suffix, x, y);
            });
        }
        return chart;
    }

    private static XYChart agentChart(List<Snapshot> samples) {
        XYChart chart = chart("Requests sent to each server, per agent", "requests");
        if (samples.isEmpty()) {
            return chart;
        }
        Snapshot last = samples.get(samples.size() - 1);
        for (Snapshot.Agent agent : last.agents()) {
            for (Snapshot.Server server : last.servers()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (Snapshot sample : samples) {
                    sample.agents().stream()
                            .filter(a -> a.name().equals(agent.name()) && a.status() != null)
                            .findFirst()
                            .ifPresent(a -> {
                                x.add((double) sample.elapsedSeconds());
                                y.add((double)
                                        AgentShares.forwardedTo(a.status()).getOrDefault(server.id(), 0L));
                            });
                }
                add(chart, agent.name() + " → " + server.name(), x, y);
            }
        }
        return chart;
    }

    private static XYChart serverChart(List<Snapshot> samples) {
        XYChart chart = chart("Requests received by each server", "requests");
        if (samples.isEmpty()) {
            return chart;
        }
        for (Snapshot.Server server : samples.get(samples.size() - 1).servers()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Snapshot sample : samples) {
                sample.servers().stream()
                        .filter(s -> s.name().equals(server.name()) && s.status() != null)
                        .findFirst()
                        .ifPresent(s -> {
                            x.add((double) sample.elapsedSeconds());
                            y.add((double) s.status().requestsReceived());
                        });
            }
            add(chart, server.name(), x, y);
        }
        return chart;
    }

    private static XYChart chart(String title, String unit) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(450)
                .title(title)
                .xAxisTitle("seconds since start")
                .yAxisTitle(unit)
                .build();
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        return chart;
    }

    private static void add(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (!x.isEmpty()) {
            chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static void save(XYChart chart, Path directory, String file) throws IOException {
        BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
