package io.ringlab.launcher.story;

import java.util.List;
import java.util.Locale;

/** The report's story section: the timeline picture (inline, and its file) and the event log as a table. */
public final class StoryHtml {

    private StoryHtml() {}

    public static String section(
            String timelineSvg, String svgFile, List<StoryEvent> events, String jsonFile, String csvFile) {
        StringBuilder out = new StringBuilder(
                        "<h2>Timeline</h2>\n<p>Each server's state, the rounds (★) and faults (⚡),"
                                + " each client's success rate and p99, over the whole run (<a href=\""
                                + TimelineSvg.escape(svgFile)
                                + "\">" + TimelineSvg.escape(svgFile) + "</a>).</p>\n<div class=\"timeline\">")
                .append(timelineSvg)
                .append("</div>\n<h2>Events</h2>\n<p>")
                .append(events.size())
                .append(" events (<a href=\"")
                .append(TimelineSvg.escape(jsonFile))
                .append("\">JSON</a>, <a href=\"")
                .append(TimelineSvg.escape(csvFile))
                .append("\">CSV</a>).</p>\n<table class=\"events\">\n"
                        + "<tr><th>at (s)</th><th>kind</th><th>source</th><th>what</th></tr>\n");
        for (StoryEvent event : events) {
            out.append(String.format(
                    Locale.ROOT,
                    "<tr data-kind=\"%s\"><td>%.1f</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    TimelineSvg.escape(event.kind()),
                    event.atMillis() / 1000.0,
                    TimelineSvg.escape(event.kind()),
                    TimelineSvg.escape(event.source()),
                    TimelineSvg.escape(event.text())));
        }
        return out.append("</table>\n").toString();
    }
}
