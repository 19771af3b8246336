package io.ringlab.launcher.rehearsal;

/**
 * What the kubelet concludes from a container's probe results: the startup probe runs alone until it succeeds
 * (failing {@code failureThreshold} times in a row restarts the container); then liveness and readiness run, the
 * first restarting the container after {@code failureThreshold} failures in a row, the second making it ready after
 * {@code successThreshold} successes in a row and unready after {@code failureThreshold} failures. A container
 * without a startup probe is started at once. Pure, not thread-safe.
 */
public final class ProbeState {

    /** What a result changed. */
    public enum Change {
        NONE,
        STARTED,
        READY,
        UNREADY,
        RESTART
    }

    private final Probe startup;
    private final Probe liveness;
    private final Probe readiness;
    private boolean started;
    private boolean ready;
    private int startupFailures;
    private int livenessFailures;
    private int readinessSuccesses;
    private int readinessFailures;

    public ProbeState(Probe startup, Probe liveness, Probe readiness) {
        this.startup = startup;
        this.liveness = liveness;
        this.readiness = readiness;
        reset();
    }

    /** A new run of the container: nothing known yet. */
    public void reset() {
        started = startup == null;
        ready = false;
        startupFailures = 0;
        livenessFailures = 0;
        readinessSuccesses = 0;
        readinessFailures = 0;
    }

    /** Whether a probe of this kind runs now (the startup probe before the start, the others after it). */
    public boolean runs(Probe.Kind kind) {
        return switch (kind) {
            case STARTUP -> startup != null && !started;
            case LIVENESS -> liveness != null && started;
            case READINESS -> started;
        };
    }

    public Change record(Probe.Kind kind, boolean success) {
        if (!runs(kind)) {
            return Change.NONE;
        }
        return switch (kind) {
            case STARTUP -> {
                if (success) {
                    started = true;
                    yield Change.STARTED;
                }
                yield ++startupFailures >= startup.failureThreshold() ? Change.RESTART : Change.NONE;
            }
            case LIVENESS -> {
                livenessFailures = success ? 0 : livenessFailures + 1;
                yield livenessFailures >= liveness.failureThreshold() ? Change.RESTART : Change.NONE;
            }
            case READINESS -> readiness(success);
        };
    }

    private Change readiness(boolean success) {
        if (readiness == null) {
            // no readiness probe: ready as soon as started
            return ready ? Change.NONE : become(true);
        }
        if (success) {
            readinessFailures = 0;
            return !ready && ++readinessSuccesses >= readiness.successThreshold() ? become(true) : Change.NONE;
        }
        readinessSuccesses = 0;
        return ready && ++readinessFailures >= readiness.failureThreshold() ? become(false) : Change.NONE;
    }

    private Change become(boolean nowReady) {
        ready = nowReady;
        return nowReady ? Change.READY : Change.UNREADY;
    }

    public boolean started() {
        return started;
    }

    public boolean ready() {
        return ready;
    }
}
