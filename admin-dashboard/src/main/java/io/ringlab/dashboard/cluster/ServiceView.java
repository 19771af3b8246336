package io.ringlab.dashboard.cluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One service as the last poll saw it. {@code status} is the service's own {@code GET /api/status} document,
 * passed on as it is; {@code ring} is a ring server's {@code GET /api/ring} (absent for other roles, and for a
 * server without a ring).
 *
 * @param reachable whether the service answered its status endpoint in time
 * @param error     why not, when it did not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String name, String url, boolean reachable, String error, JsonNode status, JsonNode ring) {

    static ServiceView of(String name, String url, Fetched status, Fetched ring) {
        if (status.json() == null) {
            return new ServiceView(name, url, false, status.error(), null, null);
        }
        return new ServiceView(name, url, true, null, status.json(), ring == null ? null : ring.json());
    }
}
