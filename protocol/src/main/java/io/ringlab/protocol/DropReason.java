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
    /** The flow failed on a datagram (a bug, logged at debug level); the receive thread goes on. */
    HANDLER_FAILED;

    private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The kebab-case name used in metrics tags and status JSON. */
    public String tag() {
        return tag;
    }
}
