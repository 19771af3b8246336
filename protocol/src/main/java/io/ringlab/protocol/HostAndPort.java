package io.ringlab.protocol;

import java.net.InetSocketAddress;

/**
 * A peer named as {@code host:port}, {@code [v6-literal]:port} or {@code v6-literal} with a port after
 * the last colon is not accepted (ambiguous); use brackets. The name is kept, not resolved: callers
 * resolve it when they need an address, so that a peer that moves (a Kubernetes pod) is found again.
 */
public record HostAndPort(String host, int port) {

    public HostAndPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 1-65535");
        }
    }

    /** Parses {@code host:port}; throws {@link IllegalArgumentException} with a readable message. */
    public static HostAndPort parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("address is empty");
        }
        String trimmed = text.trim();
        String host;
        String portText;
        if (trimmed.startsWith("[")) {
            int close = trimmed.indexOf(']');
            if (close < 0 || close + 1 >= trimmed.length() || trimmed.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("'" + text + "' is not [ipv6]:port");
            }
            host = trimmed.substring(1, close);
            portText = trimmed.substring(close + 2);
        } else {
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || trimmed.indexOf(':') != colon) {
                throw new IllegalArgumentException("'" + text + "' is not host:port (write IPv6 as [addr]:port)");
            }
            host = trimmed.substring(0, colon);
            portText = trimmed.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric port");
        }
        return new HostAndPort(host, port);
    }

    /** Resolves the name now; the result is unresolved if the name does not resolve. */
    public InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    /**
     * Resolves the name again; when it does not resolve now, keeps {@code last} if that was a good address
     * (a DNS hiccup should not take a peer away).
     */
    public InetSocketAddress resolveAgain(InetSocketAddress last) {
        InetSocketAddress fresh = resolve();
        return fresh.isUnresolved() && last != null && !last.isUnresolved() ? last : fresh;
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
