package io.ringlab.support.web;

import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A control request's JSON object, read strictly: a field it does not know, a string where a number belongs,
 * a fraction where a whole number belongs, or a number out of range is refused with a message that names the
 * field, instead of being ignored or rounded. Every check happens before anything is changed.
 */
public final class JsonRequestBody {

    private static final int MAX_ECHO = 40;

    private final JsonNode body;

    private JsonRequestBody(JsonNode body) {
        this.body = body;
    }

    /**
     * @param example a valid body, shown when the body is missing or not an object
     * @param fields  the fields the request takes; any other is refused
     */
    public static JsonRequestBody of(JsonNode body, String example, Set<String> fields) {
        if (body == null || body.isMissingNode() || body.isNull() || !body.isObject()) {
            throw new InvalidRequestException("give a JSON object, e.g. " + example);
        }
        for (String field : body.propertyNames()) {
            if (!fields.contains(field)) {
                throw new InvalidRequestException("unknown field '%s'; the fields are %s"
                        .formatted(field, String.join(", ", new TreeSet<>(fields))));
            }
        }
        return new JsonRequestBody(body);
    }

    public boolean has(String field) {
        return body.has(field);
    }

    /** The field as a whole number in {@code [min, max]}, or empty when it is absent. */
    public OptionalLong wholeNumber(String field, long min, long max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.longValue() < min
                || value.longValue() > max) {
            throw new InvalidRequestException(
                    "'%s' must be a whole number from %d to %d, got %s".formatted(field, min, max, echo(value)));
        }
        return OptionalLong.of(value.longValue());
    }

    /** The field as a number in {@code [min, max]}, or empty when it is absent. */
    public OptionalDouble number(String field, double min, double max) {
        JsonNode value = body.get(field);
        if (value == null) {
            return OptionalDouble.empty();
        }
        double number = value.isNumber() ? value.doubleValue() : Double.NaN;
        if (!(number >= min && number <= max)) {
            throw new InvalidRequestException("'%s' must be a number from %s to %s, got %s"
                    .formatted(field, plain(min), plain(max), echo(value)));
        }
        return OptionalDouble.of(number);
    }

    /** The field as a string, or empty when it is absent. */
    public Optional<String> string(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw new InvalidRequestException("'%s' must be a string, got %s".formatted(field, echo(value)));
        }
        return Optional.of(value.stringValue());
    }

    private static String echo(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : Double.toString(number);
    }
}
