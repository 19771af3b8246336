package io.ringlab.launcher.story;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's whole timeline as one SVG picture, like the dashboard's: a strip per server (its states told by colour,
 * pattern and text), a marker per round (★, its winner) and per fault (⚡), and per client a success-rate strip and
 * a p99 line, all on one time axis from the start to the end of the run. Every mark has a title with the details.
 */
public final class TimelineSvg {

    private static final int WIDTH = 960;
    private static final int LEFT = 110;
    private static final int RIGHT = 940;
    private static final int ROW = 16;
    private static final int GAP = 5;
    private static final int TOP = 22;
    private static final Map<String, String> FILL = Map.of(
            "up", "#d8f0dc", "down", "#f8d7d3", "out", "#fdf0d2", "restarting", "#e8dcf7", "unreachable", "#dddddd");

    private TimelineSvg() {}

    public static String render(RunStory story, long endMillis) {
        long end = Math.max(endMillis, 1);
        StringBuilder body = new StringBuilder();
        int y = TOP;
        int rowsTop = y;
        for (Map.Entry<String, List<RunStory.StateChange>> server :
                story.serverChanges().entrySet()) {
            String name = server.getKey();
            body.append(format(
                    "<g data-timeline-server=\"%s\"><text x=\"4\" y=\"%d\">%s</text>",
                    escape(name), y + 12, escape(name)));
            List<RunStory.StateChange> changes = server.getValue();
            for (int i = 0; i < changes.size(); i++) {
                RunStory.StateChange change = changes.get(i);
                long until = i + 1 < changes.size() ? changes.get(i + 1).atMillis() : end;
                double x1 = x(change.atMillis(), end);
                double width = Math.max(1, x(until, end) - x1);
                body.append(format(
                        "<g data-state=\"%s\"><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                                + "fill=\"%s\"%s><title>%s %s from %s to %s</title></rect>",
                        escape(change.state()),
                        x1,
                        y,
                        width,
                        ROW,
                        FILL.getOrDefault(change.state(), "#ffffff"),
                        change.state().equals("up") ? "" : " stroke=\"#555\" stroke-dasharray=\"3 2\"",
                        escape(name),
                        escape(change.state()),
                        seconds(change.atMillis()),
                        seconds(until)));
                if (!change.state().equals("up") && width > change.state().length() * 6 + 6) {
                    body.append(format(
                            "<text x=\"%.1f\" y=\"%d\" class=\"seg\">%s</text>",
                            x1 + 3, y + 12, escape(change.state())));
                }
                body.append("</g>");
            }
            body.append("</g>\n");
            y += ROW + GAP;
        }
        int rowsBottom = Math.max(y - GAP, rowsTop);
        for (StoryEvent event : story.events()) {
            boolean round = event.kind().equals("round");
            if (!round && !event.kind().equals("fault")) {
                continue;
            }
            double at = x(event.atMillis(), end);
            body.append(format(
                    "<g data-timeline-%s=\"%s\"><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" "
                            + "stroke=\"%s\" stroke-width=\"1.5\"%s/><text x=\"%.1f\" y=\"%d\" fill=\"%s\">%s</text>"
                            + "<title>%s: %s</title></g>\n",
                    round ? "round" : "fault",
                    escape(event.source()),
                    at,
                    at,
                    rowsTop - 6,
                    rowsBottom + 2,
                    round ? "#6a3fb5" : "#c0392b",
                    round ? "" : " stroke-dasharray=\"4 2\"",
                    at - 4,
                    rowsTop - 8,
                    round ? "#6a3fb5" : "#c0392b",
                    round ? "★" : "⚡",
                    seconds(event.atMillis()),
                    escape(event.text())));
        }
        for (Map.Entry<String, List<RunStory.ClientPoint>> client :
                story.clientPoints().entrySet()) {
            String name = client.getKey();
            List<RunStory.ClientPoint> points = client.getValue();
            body.append(format(
                    "<g data-timeline-client=\"%s\" data-field=\"success\"><text x=\"4\" y=\"%d\">%s ok</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>",
                    escape(name), y + 12, escape(name), LEFT, y, RIGHT - LEFT, ROW));
            long previous = 0;
            for (RunStory.ClientPoint point : points) {
                if (point.successRate() != null) {
                    double x1 = x(previous, end);
                    body.append(format(
                            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s "
                                    + "%.2f %% success from %s to %s</title></rect>",
                            x1,
                            y,
                            Math.max(1, x(point.atMillis(), end) - x1),
                            ROW,
                            successFill(point.successRate()),
                            escape(name),
                            point.successRate(),
                            seconds(previous),
                            seconds(point.atMillis())));
                }
                previous = point.atMillis();
            }
            body.append("</g>\n");
            y += ROW + GAP;
            double height = ROW * 1.5;
            double top = points.stream()
                    .filter(p -> p.p99Ms() != null)
                    .mapToDouble(RunStory.ClientPoint::p99Ms)
                    .max()
                    .orElse(0);
            StringBuilder line = new StringBuilder();
            for (RunStory.ClientPoint point : points) {
                if (point.p99Ms() != null) {
                    line.append(format(
                            "%.1f,%.1f ",
                            x(point.atMillis(), end), y + height - height * point.p99Ms() / Math.max(top, 0.001)));
                }
            }
            body.append(format(
                    "<g data-timeline-client=\"%s\" data-field=\"p99\"><text x=\"4\" y=\"%d\">%s p99</text>"
                            + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%.0f\" fill=\"#f4f4f4\"/>"
                            + "<polyline points=\"%s\" fill=\"none\" stroke=\"#2f6fdb\" stroke-width=\"1.5\"/>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"axis\">max %.2f ms</text></g>\n",
                    escape(name),
                    y + 12,
                    escape(name),
                    LEFT,
                    y,
                    RIGHT - LEFT,
                    height,
                    line.toString().trim(),
                    RIGHT - 4,
                    y + 10,
                    top));
            y += (int) height + GAP;
        }
        body.append(format(
                "<text x=\"%d\" y=\"%d\" class=\"axis\">0 s</text><text x=\"%d\" y=\"%d\" "
                        + "text-anchor=\"end\" class=\"axis\">%s</text>",
                LEFT, y + 10, RIGHT, y + 10, seconds(end)));
        int height = y + 18;
        return format(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                                + "role=\"img\" font-family=\"sans-serif\" font-size=\"11\"><title>The run's timeline: each server's "
                                + "state, election rounds (★), faults (⚡), and each client's success rate and p99</title>"
                                + "<style>.axis{fill:#666}.seg{fill:#222}</style>\n",
                        WIDTH, height, WIDTH, height)
                + body + "</svg>\n";
    }

    private static double x(long atMillis, long end) {
        return LEFT + (RIGHT - LEFT) * (double) Math.min(Math.max(atMillis, 0), end) / end;
    }

    private static String successFill(double rate) {
        return rate >= 99.9 ? "#7cc68a" : rate >= 99 ? "#f0c05a" : "#e0665a";
    }

    private static String seconds(long millis) {
        return format("%.1f s", millis / 1000.0);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
