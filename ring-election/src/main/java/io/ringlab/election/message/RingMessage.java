package io.ringlab.election.message;

/**
 * A message between ring servers. Immutable records, one per type; {@link RingMessageCodec} puts them
 * on the wire behind the RingLab header ({@code 'R' 'L'}, version 1, {@link #type()}).
 *
 * <p>Every message names its {@link #sender()}: the transport need not map a datagram's source address
 * back to a configured peer name (in Kubernetes the source is a pod IP, the peer a DNS name).
 */
public sealed interface RingMessage permits Election, Result, Ack, LeaseRequest, Grant, Refusal, Down, Up, Veto, Hello {

    /** The node id of the node that sent the message. */
    String sender();

    /** The round the message is about ({@link Ack} and {@link Hello}: the sender's current round). */
    RoundId round();

    /** The type byte on the wire. */
    MessageType type();
}
