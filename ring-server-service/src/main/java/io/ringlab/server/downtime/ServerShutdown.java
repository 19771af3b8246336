package io.ringlab.server.downtime;

import io.ringlab.support.lifecycle.StopsFirst;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Graceful shutdown: on SIGTERM the server tells its agents it is going down ({@code d}), keeps answering
 * for the drain so that the requests already on their way are answered, then lets the application stop.
 * When it starts again, the agents' health checks hear its {@code u}: it rejoins without help.
 */
@Component
class ServerShutdown extends StopsFirst {

    private static final Log log = LogFactory.getLog(ServerShutdown.class);

    private final AnnouncedAvailability changes;

    ServerShutdown(AnnouncedAvailability changes) {
        this.changes = changes;
    }

    @Override
    protected void onStop() {
        changes.leave(System.nanoTime());
        try {
            TimeUnit.NANOSECONDS.sleep(changes.drainNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("announced d to the agents and drained; stopping");
    }
}
