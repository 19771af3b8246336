package io.ringlab.client.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Response times in nanoseconds, cumulative since start or the last reset, with HdrHistogram (3 significant
 * digits, so sub-millisecond times keep microsecond resolution). Recording is wait-free; reading folds what
 * was recorded since the last read into the cumulative histogram.
 */
public class LatencyRecorder {

    private final Recorder recorder = new Recorder(3);
    private final Histogram cumulative = new Histogram(3);
    private Histogram interval;

    public void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** A copy of every response time recorded so far. */
    public synchronized Histogram snapshot() {
        interval = recorder.getIntervalHistogram(interval);
        cumulative.add(interval);
        return cumulative.copy();
    }

    /** Forgets every response time recorded so far. */
    public synchronized void reset() {
        recorder.reset();
        cumulative.reset();
    }
}
