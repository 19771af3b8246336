package io.ringlab.agent.routing;

/** For tests of other packages: a request sent to a server and settled, as the router and supervisor count them. */
public final class BackendAccess {

    private BackendAccess() {}

    public static void sent(Backend backend) {
        backend.sent();
    }

    public static void settled(Backend backend) {
        backend.settled();
    }
}
