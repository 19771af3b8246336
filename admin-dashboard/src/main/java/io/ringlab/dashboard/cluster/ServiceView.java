package io.ringlab.dashboard.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ringlab.model.status.AgentStatus;
import io.ringlab.model.status.ClientStatus;
import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;
import io.ringlab.model.status.StatusJson;
import tools.jackson.databind.JsonNode;

/**
 * One service as the polls see it. {@code status} is the service's own {@code GET /api/status} document, passed
 * on as it is; {@code ring} is a ring server's {@code GET /api/ring} (absent for other roles, and for a server
 * without a ring); {@code upstream} is an agent's {@code GET /api/upstream} (each server's response time as the agent
 * measures it; absent for other roles). Code that interprets them reads them as the model records
 * ({@link #serverStatus()}, {@link #agentStatus()}, {@link #clientStatus()}, {@link #ringStatus()}).
 *
 * @param reachable   false once the service has missed enough polls in a row; then there is no status
 * @param error       why the last poll got no answer, if it got none
 * @param missedPolls polls in a row the service did not answer; while still reachable, the status shown is the
 *                    last one it gave
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(
        String name,
        String url,
        boolean reachable,
        String error,
        int missedPolls,
        JsonNode status,
        JsonNode ring,
        JsonNode upstream) {

    public ServiceView(
            String name, String url, boolean reachable, String error, int missedPolls, JsonNode status, JsonNode ring) {
        this(name, url, reachable, error, missedPolls, status, ring, null);
    }

    static ServiceView of(String name, String url, Fetched status, Fetched ring) {
        if (status.json() == null) {
            return unreachable(name, url, status.error(), 1);
        }
        return new ServiceView(name, url, true, null, 0, status.json(), ring == null ? null : ring.json());
    }

    /** An agent: its status, and its upstream response times when it gave them. */
    static ServiceView agent(String name, String url, Fetched status, Fetched upstream) {
        ServiceView view = of(name, url, status, null);
        return view.reachable()
                ? new ServiceView(name, url, true, null, 0, view.status(), null, upstream.json())
                : view;
    }

    static ServiceView unreachable(String name, String url, String error, int missedPolls) {
        return new ServiceView(name, url, false, error, missedPolls, null, null);
    }

    /** This (last good) view, kept while the service has missed a few polls. */
    ServiceView missed(int polls, String why) {
        return new ServiceView(name, url, true, why, polls, status, ring, upstream);
    }

    /** A ring server's status; null when there is none (or it is not a server's). */
    @JsonIgnore
    public ServerStatus serverStatus() {
        return StatusJson.read(status, ServerStatus.class);
    }

    /** An agent's status; null when there is none. */
    @JsonIgnore
    public AgentStatus agentStatus() {
        return StatusJson.read(status, AgentStatus.class);
    }

    /** A load client's status; null when there is none. */
    @JsonIgnore
    public ClientStatus clientStatus() {
        return StatusJson.read(status, ClientStatus.class);
    }

    /** A ring server's ring; null when there is none. */
    @JsonIgnore
    public RingStatus ringStatus() {
        return StatusJson.read(ring, RingStatus.class);
    }

    /** Answered the poll that made this view. */
    boolean fresh() {
        return reachable && missedPolls == 0;
    }
}
