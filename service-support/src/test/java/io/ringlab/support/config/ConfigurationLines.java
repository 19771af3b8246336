package io.ringlab.support.config;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For {@link ApplicationContextRunner} tests of a service's configuration: the one line a bad configuration stops
 * startup with, as {@link ConfigurationErrorAnalyzer} prints it. Shared through this module's test jar.
 */
public final class ConfigurationLines {

    private ConfigurationLines() {}

    /** The line startup would print for this failure; fails if there is none. */
    public static String lineOf(Throwable failure) {
        String line = new ConfigurationErrorAnalyzer().describe(failure);
        assertThat(line).as("an 'Invalid configuration' line for %s", failure).isNotNull();
        return line;
    }

    /** Checks that the context fails to start with these properties, with exactly {@code expected}. */
    public static void assertFailsWith(ApplicationContextRunner runner, String expected, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context)
                    .as("started with %s", String.join(", ", properties))
                    .hasFailed();
            assertThat(lineOf(context.getStartupFailure())).isEqualTo(expected);
        });
    }

    /** Checks that the context starts with these properties. */
    public static void assertStarts(ApplicationContextRunner runner, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThat(context).hasNotFailed());
    }
}
