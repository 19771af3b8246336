package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A container's environment and arguments as the kubelet makes them: {@code envFrom} first, then {@code env} in
 * order, values from ConfigMaps, Secrets and the downward API, and {@code $(VAR)} expanded against the variables
 * defined before it ({@code $$} is a literal {@code $}; a reference to an undefined variable stays as written). A
 * missing ConfigMap, Secret or key that is not {@code optional} stops the pod, as it stops a kubelet's
 * ({@code CreateContainerConfigError}).
 */
public final class EnvResolver {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

    private EnvResolver() {}

    /** Why a container cannot be configured; the pod does not start. */
    public static final class ConfigError extends RuntimeException {
        ConfigError(String message) {
            super(message);
        }
    }

    public static Map<String, String> environment(JsonNode container, Manifests manifests, PodFields pod) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String prefix = source.path("prefix").asString();
            JsonNode ref = source.has("configMapRef") ? source.path("configMapRef") : source.path("secretRef");
            String kind = source.has("configMapRef") ? "ConfigMap" : "Secret";
            var data = manifests.data(kind, ref.path("name").asString());
            if (data.isEmpty()) {
                if (!ref.path("optional").asBoolean(false)) {
                    throw new ConfigError(kind + " " + ref.path("name").asString() + " not found");
                }
                continue;
            }
            data.get().forEach((key, value) -> {
                if (VARIABLE_NAME.matcher(prefix + key).matches()) {
                    env.put(prefix + key, value);
                }
            });
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asString();
            if (variable.has("valueFrom")) {
                String value = valueFrom(name, variable.path("valueFrom"), manifests, pod);
                if (value != null) {
                    env.put(name, value);
                }
            } else {
                env.put(name, expand(variable.path("value").asString(), env));
            }
        }
        return env;
    }

    /** {@code command} and {@code args}, expanded against the container's whole environment. */
    public static List<String> expandAll(JsonNode strings, Map<String, String> env) {
        List<String> expanded = new ArrayList<>();
        strings.forEach(s -> expanded.add(expand(s.asString(), env)));
        return expanded;
    }

    private static String valueFrom(String name, JsonNode from, Manifests manifests, PodFields pod) {
        if (from.has("fieldRef")) {
            String path = from.path("fieldRef").path("fieldPath").asString();
            return pod.field(path)
                    .orElseThrow(() -> new ConfigError(name + ": fieldRef " + path + " is not supported"));
        }
        boolean configMap = from.has("configMapKeyRef");
        JsonNode ref = configMap ? from.path("configMapKeyRef") : from.path("secretKeyRef");
        if (!configMap && !from.has("secretKeyRef")) {
            throw new ConfigError(name + ": valueFrom " + from.propertyNames() + " is not supported");
        }
        String kind = configMap ? "ConfigMap" : "Secret";
        String object = ref.path("name").asString();
        String key = ref.path("key").asString();
        String value = manifests.data(kind, object).map(data -> data.get(key)).orElse(null);
        if (value == null && !ref.path("optional").asBoolean(false)) {
            throw new ConfigError(name + ": " + kind + " " + object + " has no key " + key);
        }
        return value;
    }

    /** Kubernetes' {@code $(VAR)} expansion. */
    static String expand(String input, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 >= input.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append(input, i, input.length());
                    break;
                }
                String name = input.substring(i + 2, close);
                out.append(env.containsKey(name) ? env.get(name) : "$(" + name + ")");
                i = close + 1;
            } else {
                out.append(c).append(next);
                i += 2;
            }
        }
        return out.toString();
    }
}
