package io.ringlab.launcher.rehearsal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 512Mi}, {@code 1G}, {@code 250m}, {@code "1"}). Pure. */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)([A-Za-z]*)");
    private static final Map<String, Double> SUFFIXES = Map.ofEntries(
            Map.entry("", 1d),
            Map.entry("m", 1e-3),
            Map.entry("k", 1e3),
            Map.entry("M", 1e6),
            Map.entry("G", 1e9),
            Map.entry("T", 1e12),
            Map.entry("Ki", 1024d),
            Map.entry("Mi", 1024d * 1024),
            Map.entry("Gi", 1024d * 1024 * 1024),
            Map.entry("Ti", 1024d * 1024 * 1024 * 1024));

    private Quantities() {}

    static long bytes(String quantity) {
        return Math.round(value(quantity));
    }

    static double cores(String quantity) {
        return value(quantity);
    }

    private static double value(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity.trim());
        if (!matcher.matches() || !SUFFIXES.containsKey(matcher.group(2))) {
            throw new EnvResolver.ConfigError("not a quantity: " + quantity);
        }
        return Double.parseDouble(matcher.group(1)) * SUFFIXES.get(matcher.group(2));
    }
}
