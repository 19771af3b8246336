package io.ringlab.support.discovery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DNS SRV name as Kubernetes publishes them for a headless Service's named port,
 * {@code _<port-name>._<proto>.<service>.<namespace>.svc.<cluster-domain>}, checked when configured. Its targets are
 * {@code <pod>.<service>.<namespace>.svc.<cluster-domain>}: one label under the service's domain, which
 * {@link #accepts} checks for every target before it is used, so that an answer cannot name hosts elsewhere.
 */
public record SrvName(String name, String serviceDomain) {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SERVICE_LABEL = Pattern.compile("_[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_NAME = 253;

    /** Parses and checks a configured SRV name; throws {@link IllegalArgumentException} saying what is wrong. */
    public static SrvName parse(String text) {
        String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 3
                || !SERVICE_LABEL.matcher(labels[0]).matches()
                || !(labels[1].equals("_udp") || labels[1].equals("_tcp"))) {
            throw new IllegalArgumentException("'" + text + "' is not an SRV name _<port-name>._<udp|tcp>.<domain>"
                    + " (e.g. _udp._udp.ring-server.ringlab.svc.cluster.local)");
        }
        String domain = name.substring(labels[0].length() + labels[1].length() + 2);
        if (!isHostname(domain)) {
            throw new IllegalArgumentException("'" + text + "': '" + domain + "' is not a valid DNS domain");
        }
        return new SrvName(name, domain);
    }

    /** True if {@code host} is a valid host name one label under this service's domain (a pod of the Service). */
    public boolean accepts(String host) {
        if (host == null || !isHostname(host) || !host.endsWith("." + serviceDomain)) {
            return false;
        }
        return host.indexOf('.') == host.length() - serviceDomain.length() - 1;
    }

    /** Lower-case letters, digits and inner hyphens, labels of 1 to 63, at most 253 in all; no trailing dot. */
    public static boolean isHostname(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_NAME) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
