package io.ringlab.election.impl;

import io.ringlab.election.message.Grant;
import io.ringlab.election.message.LeaseRequest;
import io.ringlab.election.message.Refusal;
import io.ringlab.election.message.RefusalReason;

/** A winner asks for a down permit: grant it or refuse with a reason ({@link PermitRules}). */
final class LeaseRequestHandler {

    private final Node node;

    LeaseRequestHandler(Node node) {
        this.node = node;
    }

    void handle(LeaseRequest request, long now) {
        RefusalReason refusal = node.permitRules().checkBeforeJoin(request, now);
        if (refusal == null) {
            if (request.round().isAfter(node.currentRound())) {
                node.join(request.round(), now, false);
            }
            refusal = node.permitRules().checkInRound(request);
        }
        if (refusal != null) {
            node.listener().permitRefused(request.round(), request.sender(), refusal);
            node.send(
                    request.sender(),
                    new Refusal(
                            node.self(),
                            request.round(),
                            request.sender(),
                            refusal,
                            node.permitRules().retryAfter(refusal, now),
                            request.token()),
                    request.round());
            return;
        }
        node.permitRules().grant(request, now);
        if (node.round().initiatedHere) {
            node.stopRetrying();
        }
        node.send(
                request.sender(),
                new Grant(
                        node.self(),
                        request.round(),
                        request.sender(),
                        node.round().ownValue(),
                        request.token()),
                request.round());
    }
}
