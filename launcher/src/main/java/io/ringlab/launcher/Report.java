package io.ringlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's report folder: CSV samples written as the run goes, and at its end the seed's three tables
 * (Markdown and HTML) and the plots over time.
 */
final class Report implements AutoCloseable {

    private final Path directory;
    private final CsvSamples csv;
    private final List<Snapshot> samples = new ArrayList<>();
    private boolean written;

    Report(Path directory) throws IOException {
        this.directory = directory;
        this.csv = new CsvSamples(directory);
    }

    synchronized void add(Snapshot snapshot) {
        samples.add(snapshot);
        csv.add(snapshot);
    }

    /** Writes the tables and plots from the samples so far; once. */
    synchronized void finish(String title) throws IOException {
        if (written || samples.isEmpty()) {
            return;
        }
        written = true;
        csv.close();
        SeedTables tables = new SeedTables(samples.get(samples.size() - 1));
        Files.writeString(directory.resolve("tables.md"), tables.markdown(title));
        ReportPlots.write(samples, directory);
        Files.writeString(directory.resolve("report.html"), tables.html(title, ReportPlots.FILES));
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
