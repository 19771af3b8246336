package io.ringlab.dashboard.cluster;

import tools.jackson.databind.JsonNode;

/** One read of a service's JSON: the document, or why there is none. */
record Fetched(JsonNode json, int statusCode, String error) {

    static Fetched ok(JsonNode json) {
        return new Fetched(json, 200, null);
    }

    static Fetched failed(int statusCode, String error) {
        return new Fetched(null, statusCode, error);
    }

    /** The service answered, whatever it said. */
    boolean answered() {
        return statusCode > 0;
    }
}
