package io.ringlab.launcher.status;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a service's status JSON into the model records ({@code io.ringlab.model.status}). Lenient on purpose: a
 * property this build does not know (a newer service) is ignored, and one it misses (an older service) reads as
 * zero, false or null, so the launcher can watch a cluster of another version.
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
}
