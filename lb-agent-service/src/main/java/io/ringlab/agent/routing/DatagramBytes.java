package io.ringlab.agent.routing;

/**
 * A received datagram's bytes, wherever the transport keeps them (a pooled network buffer): what the router reads
 * of a frame without copying it. Indexes are from the datagram's first byte.
 */
public interface DatagramBytes {

    int length();

    byte byteAt(int index);

    /** The eight bytes at {@code index}, big-endian (a frame's request id). */
    long longAt(int index);

    /** A copy of the whole datagram, for what is rare (server states, drops) or must outlive the read. */
    byte[] toArray();
}
