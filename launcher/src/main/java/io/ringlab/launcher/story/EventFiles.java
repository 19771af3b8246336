package io.ringlab.launcher.story;

import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Locale;

/** A run's events as JSON (an array of objects) and as CSV (RFC 4180: a field with a comma, quote or line break is quoted). */
public final class EventFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventFiles() {}

    /** Each event with its fields: {@code atMillis} (since the run started), {@code kind}, {@code source}, {@code text}. */
    public static String json(List<StoryEvent> events) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(events);
    }

    public static String csv(List<StoryEvent> events) {
        StringBuilder out = new StringBuilder("at_s,kind,source,text\r\n");
        for (StoryEvent event : events) {
            out.append(String.format(Locale.ROOT, "%.3f", event.atMillis() / 1000.0))
                    .append(',')
                    .append(csvField(event.kind()))
                    .append(',')
                    .append(csvField(event.source()))
                    .append(',')
                    .append(csvField(event.text()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String csvField(String text) {
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
