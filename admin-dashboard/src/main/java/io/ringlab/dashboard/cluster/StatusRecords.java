package io.ringlab.dashboard.cluster;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's status document (or the lab's events), as the dashboard passes it on to the page, read into the model
 * record ({@code io.ringlab.model}) where the dashboard itself interprets it. Lenient on purpose: a property this
 * build does not know (a newer service) is ignored, one it misses (an older service) reads as zero, false or null.
 */
public final class StatusRecords {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StatusRecords() {}

    /** @return null when there is no document, or it is not one of that shape */
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
