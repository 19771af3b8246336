package io.ringlab.dashboard.cluster;

import io.ringlab.dashboard.config.DashboardProperties.Service;
import io.ringlab.support.discovery.SrvName;
import io.ringlab.support.discovery.SrvTarget;

import java.net.Inet6Address;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services an SRV answer names: each target that is a pod of the Service (one label under its domain), with a
 * port and an address, becomes a service named after the target's first label (a StatefulSet pod's name) and reached
 * at {@code http://<address>:<port>}; in the order of their names, numbers counted as numbers ({@code ring-server-2}
 * before {@code ring-server-10}, so servers come in ring order); at most {@code max}.
 */
final class DiscoveredServices {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(.*?)(\\d+)$");
    static final Comparator<String> NATURAL = Comparator.comparing(DiscoveredServices::prefix)
            .thenComparingLong(DiscoveredServices::number)
            .thenComparing(Comparator.naturalOrder());

    private DiscoveredServices() {}

    static List<Service> of(List<SrvTarget> targets, SrvName srv, int max) {
        Map<String, Service> byName = new LinkedHashMap<>();
        for (SrvTarget target : targets) {
            if (srv.accepts(target.host())
                    && target.port() >= 1
                    && target.port() <= 65535
                    && target.address() != null
                    && !target.address().isAnyLocalAddress()
                    && !target.address().isMulticastAddress()) {
                String host = target.address().getHostAddress();
                String literal = target.address() instanceof Inet6Address ? "[" + host + "]" : host;
                byName.putIfAbsent(
                        target.firstLabel(),
                        new Service(target.firstLabel(), URI.create("http://" + literal + ":" + target.port())));
            }
        }
        List<Service> services = new ArrayList<>(byName.values());
        services.sort(Comparator.comparing(Service::name, NATURAL));
        return services.size() > max ? List.copyOf(services.subList(0, max)) : List.copyOf(services);
    }

    private static String prefix(String name) {
        Matcher matcher = TRAILING_NUMBER.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private static long number(String name) {
        Matcher matcher = TRAILING_NUMBER.matcher(name);
        if (!matcher.matches() || matcher.group(2).length() > 18) {
            return -1;
        }
        return Long.parseLong(matcher.group(2));
    }
}
