package io.ringlab.model.status;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service's status JSON into the model records ({@code io.ringlab.model.status}). Lenient on purpose: a
 * property this build does not know (a newer service) is ignored, and one it misses (an older service) reads as
 * zero, false or null, so the tools (launcher, bench, dashboard) can watch a cluster of
 * another version.
 */
public final class StatusJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StatusJson() {}

    /** @throws tools.jackson.core.JacksonException when the body is not JSON of that shape */
    public static <T> T parse(String body, Class<T> type) {
        return MAPPER.readValue(body, type);
    }

    /** A document already parsed; {@code null} when there is none, or it is not one of that shape. */
    public static <T> T read(JsonNode document, Class<T> type) {
        if (document == null || !document.isObject()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(document, type);
        } catch (JacksonException e) {
            return null;
        }
    }
}
