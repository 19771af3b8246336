package io.ringlab.server.serving;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents this server tells its state ({@code d}/{@code u}, as the seed did): those that sent it an
 * authenticated health ping, each with the name it knows this server by. Only authenticated agents get in, so
 * forged datagrams cannot fill the table. Bounded: beyond {@code capacity} the agent heard from least recently
 * is forgotten (it is remembered again at its next ping, within a health interval).
 */
public class KnownAgents {

    /**
     * @param address    where its pings come from, and its states go
     * @param agent      the agent's member id, the receiver of what is sealed for it
     * @param serverName the name the agent knows this server by, the sender of what is sealed for it
     */
    public record KnownAgent(InetSocketAddress address, String agent, String serverName) {}

    private final Map<InetSocketAddress, KnownAgent> agents;

    public KnownAgents(int capacity) {
        this.agents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, KnownAgent> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void heardFrom(KnownAgent agent) {
        KnownAgent known = agents.get(agent.address());
        if (!agent.equals(known)) {
            agents.put(agent.address(), agent);
        }
    }

    public synchronized List<KnownAgent> all() {
        List<KnownAgent> all = new ArrayList<>(agents.values());
        all.sort(Comparator.comparing(known -> known.address().toString()));
        return all;
    }

    public synchronized int size() {
        return agents.size();
    }
}
