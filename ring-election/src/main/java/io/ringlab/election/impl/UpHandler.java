package io.ringlab.election.impl;

import io.ringlab.election.message.Up;

/** Seed {@code u}: the winner is up (or gave up): release its permit and forget its downtime. */
final class UpHandler {

    private final Node node;

    UpHandler(Node node) {
        this.node = node;
    }

    void handle(Up message, long now) {
        node.permitRules().release(message.round(), message.sender(), message.askToken());
        node.forgetDown(message.round(), message.sender());
    }
}
