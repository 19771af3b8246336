package io.ringlab.launcher;

import io.ringlab.launcher.story.EventFiles;
import io.ringlab.launcher.story.RunStory;
import io.ringlab.launcher.story.StoryEvent;
import io.ringlab.launcher.story.StoryHtml;
import io.ringlab.launcher.story.TimelineSvg;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.RingStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's report folder: CSV samples written as the run goes, and at its end the seed's three tables
 * (Markdown and HTML), the plots over time, and the run's story: its whole timeline as a picture
 * ({@code timeline.svg}) and its events ({@code events.json}, {@code events.csv}), both also in {@code report.html}.
 * The story comes from the launcher's own polls (every second for the ring and the agents, every sample for the
 * clients), so the report tells it whether or not a dashboard runs.
 */
final class Report implements AutoCloseable {

    static final String TIMELINE = "timeline.svg";
    static final String EVENTS_JSON = "events.json";
    static final String EVENTS_CSV = "events.csv";

    private final Path directory;
    private final CsvSamples csv;
    private final List<Snapshot> samples = new ArrayList<>();
    private final RunStory story = new RunStory();
    private long lastSeenMillis;
    private boolean written;

    Report(Path directory) throws IOException {
        this.directory = directory;
        this.csv = new CsvSamples(directory);
    }

    synchronized void add(Snapshot snapshot) {
        StoryObservations.clients(story, snapshot, samples.isEmpty() ? null : samples.get(samples.size() - 1));
        samples.add(snapshot);
        csv.add(snapshot);
        lastSeenMillis = Math.max(lastSeenMillis, snapshot.elapsedSeconds() * 1000);
    }

    /** One look at the ring and the agents, {@code atMillis} after the run started. */
    synchronized void observe(
            long atMillis,
            Map<String, RingStatus> rings,
            Map<String, AgentStatus> agents,
            Map<String, String> nameById) {
        StoryObservations.ring(story, atMillis, rings, agents, nameById);
        lastSeenMillis = Math.max(lastSeenMillis, atMillis);
    }

    synchronized void fault(long atMillis, String what) {
        story.fault(atMillis, what);
        lastSeenMillis = Math.max(lastSeenMillis, atMillis);
    }

    /** Writes the tables, plots and story from the samples so far; once. */
    synchronized void finish(String title) throws IOException {
        if (written || samples.isEmpty()) {
            return;
        }
        written = true;
        csv.close();
        SeedTables tables = new SeedTables(samples.get(samples.size() - 1));
        Files.writeString(directory.resolve("tables.md"), tables.markdown(title));
        ReportPlots.write(samples, directory);
        String timeline = TimelineSvg.render(story, lastSeenMillis);
        List<StoryEvent> events = story.events();
        Files.writeString(directory.resolve(TIMELINE), timeline);
        Files.writeString(directory.resolve(EVENTS_JSON), EventFiles.json(events));
        Files.writeString(directory.resolve(EVENTS_CSV), EventFiles.csv(events));
        Files.writeString(
                directory.resolve("report.html"),
                tables.html(
                        title,
                        StoryHtml.section(timeline, TIMELINE, events, EVENTS_JSON, EVENTS_CSV),
                        ReportPlots.FILES));
    }

    Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!written) {
            csv.close();
        }
    }
}
