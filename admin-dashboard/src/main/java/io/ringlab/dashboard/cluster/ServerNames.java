package io.ringlab.dashboard.cluster;

import io.ringlab.model.status.RingStatus;
import io.ringlab.model.status.ServerStatus;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the ids that agents and the ring give servers ({@code 127.0.0.1:4243}, {@code ring-server-1.ring-server:4242})
 * to the names the dashboard shows ({@code server-2}). A server is known by its ring id and by the host of its
 * REST URL with its UDP port, which is how agents are configured with it.
 */
final class ServerNames {

    private ServerNames() {}

    static Map<String, String> of(List<ServiceView> servers) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ServiceView server : servers) {
            ServerStatus status = server.serverStatus();
            if (status != null) {
                int udpPort = status.udpPort();
                String host = URI.create(server.url()).getHost();
                if (udpPort > 0 && host != null) {
                    names.put(host + ":" + udpPort, server.name());
                }
            }
            RingStatus ring = server.ringStatus();
            if (ring != null && ring.self() != null) {
                names.put(ring.self(), server.name());
            }
        }
        return names;
    }
}
