package io.ringlab.election.sim;

import io.ringlab.election.message.RingMessage;
import io.ringlab.protocol.DropReason;

/** How one node instance puts its messages on the network and takes them off it. */
interface NodeWire {

    /** The datagram that carries {@code message} to {@code to}. */
    byte[] seal(RingMessage message, String to);

    /** What this node does with a datagram that reached it: hand a message to the node, or refuse it. */
    Verdict open(byte[] datagram);

    /** A hash of a datagram this wire sealed, for the trace: it must change with every byte. */
    int fingerprint(byte[] datagram);

    sealed interface Verdict {}

    record Admitted(RingMessage message) implements Verdict {}

    record Refused(DropReason reason) implements Verdict {}

    /** An authentic message from a member of this node's ring that runs another configuration: dropped, reported. */
    record OtherConfiguration(String sender) implements Verdict {}
}
