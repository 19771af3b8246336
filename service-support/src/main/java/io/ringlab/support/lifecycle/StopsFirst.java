package io.ringlab.support.lifecycle;

import org.springframework.context.SmartLifecycle;

/**
 * Work that must happen at shutdown before the UDP endpoints stop: announcing, draining, stopping load.
 * Its phase is higher than every Spring Integration endpoint's, so it stops first and its sockets still work.
 */
public abstract class StopsFirst implements SmartLifecycle {

    private volatile boolean running;

    @Override
    public final void start() {
        onStart();
        running = true;
    }

    @Override
    public final void stop() {
        onStop();
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    protected void onStart() {}

    protected abstract void onStop();
}
