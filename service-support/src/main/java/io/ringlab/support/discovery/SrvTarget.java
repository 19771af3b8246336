package io.ringlab.support.discovery;

import java.net.InetAddress;

/**
 * One target of a DNS SRV answer: a host name (without the trailing dot), its port, and the address its own A or
 * AAAA record gives ({@code null} when it has none).
 */
public record SrvTarget(String host, int port, InetAddress address) {

    /** {@code host:port}: how members and the dashboard name a discovered service. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** The first label of the host: in Kubernetes, the pod's name. */
    public String firstLabel() {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }
}
