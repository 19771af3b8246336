package io.ringlab.support.config;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For tests of bad configuration in any RingLab application: startup must fail with one line
 * {@code Invalid configuration: ...} naming what is wrong, and no stack trace. Shared through this module's
 * test jar.
 */
public final class StartupFailures {

    private StartupFailures() {}

    /**
     * Starts the application (on a free HTTP port, without JMX, with a cluster key unless the arguments set
     * {@code ringlab.cluster.*}) with the arguments, and checks that it stops with the one line containing
     * {@code expected}.
     */
    public static void assertStopsNaming(
            SpringApplicationBuilder application, CapturedOutput output, String expected, String... args) {
        boolean clusterGiven = java.util.Arrays.stream(args).anyMatch(arg -> arg.startsWith("--ringlab.cluster."));
        String[] all = new String[args.length + 3];
        all[0] = "--server.port=0";
        all[1] = "--spring.jmx.enabled=false";
        all[2] = clusterGiven ? "--spring.main.banner-mode=off" : "--ringlab.cluster.key=" + randomKey();
        System.arraycopy(args, 0, all, 3, args.length);
        assertThatThrownBy(() -> application.run(all).close()).isInstanceOf(Exception.class);
        String line = output.getAll()
                .lines()
                .filter(l -> l.startsWith("Invalid configuration: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no 'Invalid configuration' line in:\n" + output.getAll()));
        assertThat(line).contains(expected);
        assertThat(output.getAll()).as("no stack trace, only the one line").doesNotContain("\tat org.springframework");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
