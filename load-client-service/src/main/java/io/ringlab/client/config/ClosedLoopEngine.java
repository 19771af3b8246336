package io.ringlab.client.config;

/** How the closed loop keeps its requests in flight. */
public enum ClosedLoopEngine {
    /** The seed's way: a worker thread per request in flight, blocked until its reply or timeout. */
    THREADS,
    /**
     * The same load without a thread per request: each reply (or timeout) sends the next request on the thread
     * that saw it. Far less CPU per request, so that the client does not crowd out what it measures.
     */
    EVENTS
}
