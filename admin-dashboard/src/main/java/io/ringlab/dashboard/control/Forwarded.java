package io.ringlab.dashboard.control;

/**
 * What a service answered a forwarded control: its status code, content type and body; or, with status 0, why
 * it could not be reached.
 */
record Forwarded(String service, int status, String contentType, byte[] body, String error) {

    static Forwarded unreachable(String service, String error) {
        return new Forwarded(service, 0, null, new byte[0], error);
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
