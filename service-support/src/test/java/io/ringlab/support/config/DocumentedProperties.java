package io.ringlab.support.config;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration tables against the metadata {@code spring-boot-configuration-processor} generates: every
 * property of the metadata is in a table, every property of a table is in the metadata, and each has a description.
 * Shared through this module's test jar; each module checks its own prefixes.
 */
public final class DocumentedProperties {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String ROLE = "ringlab.<role>.";
    private static final List<String> SERVICE_ROLES = List.of("server", "agent", "client");

    private DocumentedProperties() {}

    /**
     * Checks the tables of {@code readme} against the metadata on the class path, for the properties that start with
     * one of {@code prefixes} ({@code ringlab.server.}).
     */
    public static void assertReadmeMatchesMetadata(Path readme, String... prefixes) {
        Map<String, Map<String, Object>> generated = inMetadata(prefixes);
        Set<String> documented = inReadme(readme, prefixes);
        assertThat(generated)
                .as("metadata of %s on the class path", List.of(prefixes))
                .isNotEmpty();

        Set<String> undocumented = new TreeSet<>(generated.keySet());
        undocumented.removeAll(documented);
        assertThat(undocumented)
                .as("properties in the metadata but not in %s's tables", readme.getFileName())
                .isEmpty();
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(generated.keySet());
        assertThat(unknown)
                .as("properties in %s's tables but not in the metadata (no such property)", readme.getFileName())
                .isEmpty();
    }

    /** Properties of the metadata with one of the prefixes and no description (Javadoc {@code @param}). */
    public static Set<String> withoutDescription(String... prefixes) {
        Set<String> missing = new TreeSet<>();
        inMetadata(prefixes).forEach((name, property) -> {
            Object description = property.get("description");
            if (description == null || description.toString().isBlank()) {
                missing.add(name);
            }
        });
        return missing;
    }

    /** The metadata's properties, by name, of every {@code META-INF/spring-configuration-metadata.json} found. */
    public static Map<String, Map<String, Object>> inMetadata(String... prefixes) {
        Map<String, Map<String, Object>> properties = new TreeMap<>();
        try {
            for (URL url : Collections.list(DocumentedProperties.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    List<Map<String, Object>> listed =
                            JsonPath.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "$.properties[*]");
                    for (Map<String, Object> property : listed) {
                        String name = property.get("name").toString();
                        if (startsWithOne(name, prefixes)) {
                            properties.put(name, property);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The property names of the README's table rows ({@code | `ringlab.x.y` | default | meaning |}) with one of the
     * prefixes. A first cell may name several: {@code `ringlab.agent.retry.budget-percent` / `budget-min-per-second`}
     * and {@code `ringlab.dashboard.discovery.servers`, `.agents`} replace the last part of the first name; a list of
     * services, {@code `ringlab.dashboard.servers[i].name`}, is its list property {@code ringlab.dashboard.servers};
     * {@code `ringlab.<role>.udp.max-datagram-size`} is that property of the server, the agent and the client.
     */
    public static Set<String> inReadme(Path readme, String... prefixes) {
        Set<String> names = new TreeSet<>();
        for (String line : lines(readme)) {
            if (!line.startsWith("| `ringlab.")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            List<String> codes = new ArrayList<>();
            Matcher code = CODE.matcher(firstCell);
            while (code.find()) {
                codes.add(code.group(1));
            }
            String first = codes.get(0);
            String parent = first.substring(0, first.lastIndexOf('.'));
            for (String written : codes) {
                String name = written.startsWith("ringlab.")
                        ? written
                        : parent + (written.startsWith(".") ? written : "." + written);
                name = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
                for (String each : everyRole(name)) {
                    if (startsWithOne(each, prefixes)) {
                        names.add(each);
                    }
                }
            }
        }
        return names;
    }

    /** {@code ringlab.<role>.x}: the same property of each service that has UDP sockets. */
    private static List<String> everyRole(String name) {
        if (!name.startsWith(ROLE)) {
            return List.of(name);
        }
        return SERVICE_ROLES.stream()
                .map(role -> "ringlab." + role + name.substring(ROLE.length() - 1))
                .toList();
    }

    private static boolean startsWithOne(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(Path readme) {
        try {
            return Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
