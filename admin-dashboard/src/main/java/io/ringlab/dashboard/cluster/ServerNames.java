package io.ringlab.dashboard.cluster;

import tools.jackson.databind.JsonNode;

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

    private ServerNames() {
    }

    static Map<String, String> of(List<ServiceView> servers) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ServiceView server : servers) {
            if (server.status() != null) {
                int udpPort = server.status().path("udpPort").asInt(0);
                String host = URI.create(server.url()).getHost();
                if (udpPort > 0 && host != null) {
                    names.put(host + ":" + udpPort, server.name());
                }
            }
            if (server.ring() != null && server.ring().path("self").isString()) {
                names.put(server.ring().path("self").asString(), server.name());
            }
        }
        return names;
    }
}
