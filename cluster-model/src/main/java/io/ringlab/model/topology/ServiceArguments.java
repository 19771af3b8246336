package io.ringlab.model.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code --property=value} arguments of one service, in the order given; a later one for the same property wins,
 * as Spring Boot's command line does. Made by {@link ClusterArguments}; immutable.
 */
public final class ServiceArguments {

    private final List<String> arguments;

    ServiceArguments(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /** Arguments as they are (each {@code --property=value}); empty ones are left out. */
    public static ServiceArguments of(String... arguments) {
        return new ServiceArguments(List.of()).and(arguments);
    }

    /** These arguments and {@code --property=value}; a duration is written in milliseconds. */
    public ServiceArguments with(String property, Object value) {
        return and("--" + property + "=" + text(value));
    }

    /** These arguments and, when {@code condition} holds, {@code --property=value}. */
    public ServiceArguments withIf(boolean condition, String property, Object value) {
        return condition ? with(property, value) : this;
    }

    /** These arguments and the given ones as they are (each {@code --property=value}); empty ones are left out. */
    public ServiceArguments and(String... more) {
        List<String> all = new ArrayList<>(arguments);
        Arrays.stream(more).filter(argument -> !argument.isEmpty()).forEach(all::add);
        return new ServiceArguments(all);
    }

    /** These arguments and the given ones. */
    public ServiceArguments and(List<String> more) {
        return and(more.toArray(String[]::new));
    }

    /** Whether an argument sets this property or one under it ({@code ringlab.cluster} covers its keys). */
    public boolean sets(String property) {
        return arguments.stream()
                .anyMatch(argument ->
                        argument.startsWith("--" + property + "=") || argument.startsWith("--" + property + "."));
    }

    public List<String> toList() {
        return arguments;
    }

    public String[] toArray() {
        return arguments.toArray(String[]::new);
    }

    private static String text(Object value) {
        if (value instanceof Duration duration) {
            return duration.toMillis() + "ms";
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return String.join(" ", arguments);
    }
}
