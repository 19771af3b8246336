package io.ringlab.election.impl;

import io.ringlab.election.message.Hello;

/** A probe or a (re)started peer saying hello: answer with this node's current round. */
final class HelloHandler {

    private final Node node;

    HelloHandler(Node node) {
        this.node = node;
    }

    void handle(Hello hello) {
        node.ack(hello, hello.token());
    }
}
