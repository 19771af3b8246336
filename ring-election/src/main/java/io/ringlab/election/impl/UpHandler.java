package io.ringlab.election.impl;

import io.ringlab.election.message.Up;

/** Seed {@code u}: the winner is up (or gave up): release its permit and forget its downtime. */
final class UpHandler {

    private final Node node;

    UpHandler(Node node) {
        this.node = node;
    }

    void handle(Up message, long now) {
        node.permits.release(message.round(), message.sender(), message.askToken());
        KnownDown heard = node.knownDown;
        if (heard != null && heard.round().equals(message.round()) && heard.node().equals(message.sender())) {
            node.knownDown = null;
        }
    }
}
