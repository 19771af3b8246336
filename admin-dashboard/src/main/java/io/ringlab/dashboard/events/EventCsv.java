package io.ringlab.dashboard.events;

import java.time.Instant;
import java.util.List;

/**
 * Events as CSV (RFC 4180): a header, one line per event, CRLF line ends; a field with a comma, a quote or a line
 * break is quoted, its quotes doubled. A field a spreadsheet would take for a formula ({@code =}, {@code +},
 * {@code -}, {@code @}, tab, CR first: an operator's name is anyone's text) is prefixed with {@code '} so that it stays
 * text.
 */
public final class EventCsv {

    static final String HEADER = "seq,time,epochMillis,kind,source,text,by";

    private EventCsv() {}

    public static String of(List<ClusterEvent> events) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (ClusterEvent event : events) {
            csv.append(event.seq())
                    .append(',')
                    .append(Instant.ofEpochMilli(event.epochMillis()))
                    .append(',')
                    .append(event.epochMillis())
                    .append(',')
                    .append(field(event.kind()))
                    .append(',')
                    .append(field(event.source()))
                    .append(',')
                    .append(field(event.text()))
                    .append(',')
                    .append(field(event.by()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
