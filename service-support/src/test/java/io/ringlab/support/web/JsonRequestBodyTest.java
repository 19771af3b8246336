package io.ringlab.support.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonRequestBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("threads", "rate");

    private static JsonRequestBody body(String json) {
        return JsonRequestBody.of(JSON.readTree(json), "{\"threads\": 1}", FIELDS);
    }

    @Test
    void readsTheFieldsItKnowsInRange() {
        JsonRequestBody body = body("{\"threads\": 12, \"rate\": 2.5}");
        assertThat(body.wholeNumber("threads", 1, 100).getAsLong()).isEqualTo(12);
        assertThat(body.number("rate", 0, 10).getAsDouble()).isEqualTo(2.5);
        assertThat(body("{\"rate\": 3}").wholeNumber("threads", 1, 100)).isEmpty();
    }

    @Test
    void refusesWhatIsNotAnObjectOrHasAFieldItDoesNotKnow() {
        assertThatThrownBy(() -> JsonRequestBody.of(null, "{\"threads\": 1}", FIELDS))
                .hasMessageContaining("give a JSON object");
        assertThatThrownBy(() -> body("[1]")).hasMessageContaining("give a JSON object");
        assertThatThrownBy(() -> body("{\"threads\": 1, \"speed\": 2}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("unknown field 'speed'; the fields are rate, threads");
    }

    @Test
    void refusesWrongTypesFractionsAndValuesOutOfRangeNamingTheField() {
        for (String json : new String[] {
            "{\"threads\": \"5\"}",
            "{\"threads\": 2.5}",
            "{\"threads\": 0}",
            "{\"threads\": 101}",
            "{\"threads\": 99999999999999999999999}",
            "{\"threads\": null}",
            "{\"threads\": true}"
        }) {
            assertThatThrownBy(() -> body(json).wholeNumber("threads", 1, 100))
                    .as(json)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("'threads' must be a whole number from 1 to 100");
        }
        for (String json : new String[] {"{\"rate\": -0.1}", "{\"rate\": \"fast\"}", "{\"rate\": 11}"}) {
            assertThatThrownBy(() -> body(json).number("rate", 0, 10))
                    .as(json)
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("'rate' must be a number from 0 to 10");
        }
    }
}
