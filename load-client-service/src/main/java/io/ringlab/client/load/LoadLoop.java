package io.ringlab.client.load;

/** One run of load with fixed settings, started once and stopped once by the {@link LoadGenerator}. */
interface LoadLoop {

    void start();

    /**
     * Sends no more requests, and waits for those in flight to be answered or to time out; requests still
     * waiting after that wait are given up and counted as timeouts.
     */
    void stop();

    /** True until it stopped, or ran out of budget and every request it sent has ended. */
    boolean isRunning();
}
