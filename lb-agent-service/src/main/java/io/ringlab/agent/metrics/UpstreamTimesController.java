package io.ringlab.agent.metrics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/upstream}: each server's upstream response time since it took its slot (count, mean, max, p50 and
 * p99 by bucket, the cumulative buckets), for the dashboard. Open to anyone, like every read.
 */
@RestController
@RequestMapping("/api")
class UpstreamTimesController {

    private final UpstreamTimes times;

    UpstreamTimesController(UpstreamTimes times) {
        this.times = times;
    }

    @GetMapping("/upstream")
    List<UpstreamTimes.ServerTimes> upstream() {
        return times.snapshot();
    }
}
