package io.ringlab.launcher.lab.layout;

/**
 * The UDP ports every process of the lab uses. Each host has an address of its own, so the ports can be the same on
 * every host, as in a real deployment; and because they are fixed, a fault can tell one kind of link from another by
 * its ports alone (a client's requests go from {@link #CLIENT_REPLY} to {@link #AGENT_CLIENT}, and so on).
 */
public final class LabPorts {

    /** A ring server's one socket: requests, ring messages, server states. */
    public static final int SERVER = 4242;
    /** An agent's socket that clients send to. */
    public static final int AGENT_CLIENT = 4245;
    /** An agent's socket that talks to the servers (requests, health pings). */
    public static final int AGENT_SERVER = 4246;
    /** A load client's socket for replies. */
    public static final int CLIENT_REPLY = 4247;

    private LabPorts() {}
}
