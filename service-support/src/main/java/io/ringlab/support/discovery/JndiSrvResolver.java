package io.ringlab.support.discovery;

import io.ringlab.protocol.HostAndPort;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The JDK's own DNS client (JNDI's {@code com.sun.jndi.dns}): with no server given it asks the name servers of
 * {@code /etc/resolv.conf} (in a pod, the cluster's DNS), else the one given ({@code 127.0.0.1:5353} in tests). It
 * keeps no cache: every call asks DNS. Names are taken as absolute: give the full name, search domains do not apply.
 * A target's address comes from its own A record (else its AAAA record), asked of the same server.
 */
public class JndiSrvResolver implements SrvResolver {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final Hashtable<String, String> environment = new Hashtable<>();

    /**
     * @param server  the DNS server to ask; {@code null} for the system's
     * @param timeout how long one query waits for its first answer; JNDI tries twice more, doubling it each time
     */
    public JndiSrvResolver(HostAndPort server, Duration timeout) {
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, server == null ? "dns:" : "dns://" + server);
        environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
    }

    @Override
    public List<SrvTarget> resolve(String srvName) throws DiscoveryException {
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            List<SrvTarget> targets = new ArrayList<>();
            Attribute srv = context.getAttributes(srvName, new String[] {"SRV"}).get("SRV");
            for (int i = 0; srv != null && i < srv.size(); i++) {
                String[] fields = String.valueOf(srv.get(i)).trim().split("\\s+");
                if (fields.length != 4) {
                    continue;
                }
                String host = stripDot(fields[3]).toLowerCase(java.util.Locale.ROOT);
                int port = parsePort(fields[2]);
                targets.add(new SrvTarget(host, port, address(context, host)));
            }
            return targets;
        } catch (NameNotFoundException e) {
            throw new DiscoveryException("no such name: " + srvName, e);
        } catch (CommunicationException e) {
            throw new DiscoveryException(
                    "no answer from DNS (" + environment.get(Context.PROVIDER_URL) + "): " + e.getMessage(), e);
        } catch (NamingException e) {
            throw new DiscoveryException("DNS query for " + srvName + " failed: " + e.getMessage(), e);
        } finally {
            close(context);
        }
    }

    /** The target's A address, else its AAAA address; {@code null} when it has neither or is not a host name. */
    private static InetAddress address(DirContext context, String host) throws NamingException {
        if (!SrvName.isHostname(host)) {
            return null;
        }
        try {
            Attributes attributes = context.getAttributes(host, new String[] {"A", "AAAA"});
            InetAddress v4 = first(attributes.get("A"), IPV4);
            return v4 != null ? v4 : first(attributes.get("AAAA"), IPV6);
        } catch (NameNotFoundException e) {
            return null;
        }
    }

    /** The first value that is an address literal (parsed without any lookup). */
    private static InetAddress first(Attribute records, Pattern literal) throws NamingException {
        if (records == null) {
            return null;
        }
        NamingEnumeration<?> values = records.getAll();
        while (values.hasMore()) {
            String value = String.valueOf(values.next()).trim();
            if (literal.matcher(value).matches()) {
                try {
                    return InetAddress.getByName(value);
                } catch (UnknownHostException e) {
                    // not a literal after all: skip it
                }
            }
        }
        return null;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static void close(DirContext context) {
        if (context != null) {
            try {
                context.close();
            } catch (NamingException e) {
                // nothing held open that matters
            }
        }
    }
}
