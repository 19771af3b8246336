package io.ringlab.system;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Random;

/**
 * Finds blocks of consecutive free ports for tests that start the launcher, which numbers its ports
 * from a base. Ports are chosen at random below the ephemeral range and checked by binding them.
 */
final class FreePorts {

    private FreePorts() {}

    /** A base port such that {@code base + offset} is free for UDP for every offset in {@code offsets}. */
    static int udpBlock(Random random, int... offsets) {
        return block(random, true, offsets);
    }

    /** A base port such that {@code base + offset} is free for TCP for every offset in {@code offsets}. */
    static int tcpBlock(Random random, int... offsets) {
        return block(random, false, offsets);
    }

    private static int block(Random random, boolean udp, int... offsets) {
        for (int attempt = 0; attempt < 200; attempt++) {
            // below the kernel's ephemeral range (32768 and up), so no outgoing socket takes them meanwhile
            int base = 10_000 + random.nextInt(22_000);
            boolean free = true;
            for (int offset : offsets) {
                free &= udp ? udpFree(base + offset) : tcpFree(base + offset);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports found");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket =
                new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
