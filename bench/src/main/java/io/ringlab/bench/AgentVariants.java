package io.ringlab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paths through an agent of their own, each a variant of the transport: the properties it is started with. They run
 * beside the default agent (path {@code agent}), over the same three servers, so that one run compares them.
 */
final class AgentVariants {

    private static final Map<String, List<String>> PROPERTIES = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        add(
                "agent-nio",
                "the JDK's NIO channels on RingLab's own event loop, one thread",
                "--ringlab.transport.kind=nio");
        add(
                "agent-netty",
                "Netty on epoll with its defaults (a loop per available processor)",
                "--ringlab.transport.kind=netty");
        add(
                "agent-1-loop",
                "Netty on epoll, one event loop: recvmmsg, one sendmmsg per read batch",
                "--ringlab.transport.kind=netty",
                "--ringlab.transport.loops=1");
        add(
                "agent-2-loops",
                "Netty on epoll, two event loops on the client port (SO_REUSEPORT), each with its own "
                        + "server socket",
                "--ringlab.transport.kind=netty",
                "--ringlab.transport.loops=2");
        add(
                "agent-io-uring",
                "Netty on io_uring, one event loop: reads and writes as submissions, one io_uring_enter per loop "
                        + "turn",
                "--ringlab.transport.kind=io-uring",
                "--ringlab.transport.loops=1");
        // the reference for what batching buys: the one-loop agent with a system call per datagram
        add(
                "agent-unbatched",
                "agent-1-loop with batching off: a recvmsg and a sendmsg per datagram (what "
                        + "batching buys is agent-1-loop against this)",
                "--ringlab.transport.kind=netty",
                "--ringlab.transport.loops=1",
                "--ringlab.transport.batching=false");
    }

    private static void add(String path, String description, String... properties) {
        PROPERTIES.put(path, List.of(properties));
        DESCRIPTIONS.put(path, description);
    }

    /** One line saying what the variant is and how it is started. */
    static String describe(String path) {
        return DESCRIPTIONS.get(path) + " (" + String.join(" ", PROPERTIES.get(path)) + ")";
    }

    private AgentVariants() {}

    static boolean contains(String path) {
        return PROPERTIES.containsKey(path);
    }

    static List<String> properties(String path) {
        return PROPERTIES.get(path);
    }
}
