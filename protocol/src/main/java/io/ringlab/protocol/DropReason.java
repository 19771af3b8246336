package io.ringlab.protocol;

import java.util.Locale;

/**
 * Why a datagram was dropped. Every service counts its drops by these reasons; the tag value is
 * {@link #tag()}.
 */
public enum DropReason {
    /** A zero-length datagram. */
    EMPTY,
    /** Longer than the configured maximum datagram size. */
    OVERSIZED,
    /** Starts like a frame but ends before its header does. */
    TRUNCATED,
    /** Starts with the magic bytes but carries a version this build does not speak. */
    UNSUPPORTED_VERSION,
    /** A frame of a known type whose fields make no sense (a bad state byte, bytes after the end). */
    MALFORMED,
    /** Starts with the magic bytes but the type byte is not a known frame type. */
    UNKNOWN_TYPE,
    /** A valid frame of a type this port does not accept (e.g. a request sent to a reply port). */
    UNEXPECTED_TYPE,
    /** Not a frame, on a port that only accepts frames. */
    NOT_A_FRAME,
    /** A reply whose request id is not pending: never sent, already answered, or expired. */
    UNKNOWN_REQUEST,
    /** A server-only frame from an address that is not one of the configured servers. */
    UNKNOWN_SENDER,
    /** A server state older than one already applied (reordered or duplicated). */
    STALE,
    /** A request that reached a server in planned downtime, which answers nothing. */
    SERVER_DOWN,
    /** The bounded hand-off queue was full. */
    OVERLOAD,
    /** The bounded pending-request table was full. */
    PENDING_FULL,
    /** A client request that arrived while the agent was shutting down. */
    SHUTTING_DOWN,
    /** No server was available to take a request. */
    NO_SERVER,
    /** The socket refused to send. */
    SEND_FAILED,
    /** The flow failed on a datagram (a bug, logged at debug level); the event loop goes on with the next. */
    HANDLER_FAILED,
    /**
     * A frame that must come from a cluster member (ring message, server state, health ping) without a valid
     * MAC under an accepted cluster key: forged, altered, or sealed under a key no longer accepted.
     */
    AUTH_FAILED,
    /**
     * An authenticated ring message from a member of this server's ring that carries another ring configuration
     * id: the two run different member lists (the ring's size is being changed). The election is told, and holds.
     */
    OTHER_CONFIGURATION,
    /** An authenticated frame seen before, or older than the anti-replay window of its sender. */
    REPLAYED,
    /** A raw datagram beyond the per-source rate of raw answers. */
    RATE_LIMITED,
    /**
     * A request whose source is a cluster member's address (a ring peer, or one of the agent's servers): never
     * answered, so that no two members can be made to bounce datagrams between them.
     */
    FROM_MEMBER,
    /** A reply from an address it could not come from: not the server the request went to, not the agent. */
    WRONG_SOURCE;

    private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The kebab-case name used in metrics tags and status JSON. */
    public String tag() {
        return tag;
    }
}
