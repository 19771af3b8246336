package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A pod's volumes as files in the pod's own directory: a Secret's or ConfigMap's keys (all, or its {@code items}) as
 * files with the volume's mode, an {@code emptyDir} as an empty directory. A process cannot see them at the mount
 * path (the rehearsal has no container and no mount namespace of the pod's), so every argument or variable that names
 * a path under a mount path is rewritten to the same path under the pod's directory: the one place where the
 * rehearsal changes what the manifests say.
 */
public final class PodVolumes {

    private final Map<String, Path> mounts;

    private PodVolumes(Map<String, Path> mounts) {
        this.mounts = mounts;
    }

    /** Writes the container's mounted volumes under {@code podDir}. */
    public static PodVolumes materialize(JsonNode podSpec, JsonNode container, Manifests manifests, Path podDir)
            throws IOException {
        Map<String, JsonNode> volumes = new LinkedHashMap<>();
        podSpec.path("volumes")
                .forEach(volume -> volumes.put(volume.path("name").asString(), volume));
        Map<String, Path> mounts = new java.util.TreeMap<>(
                Comparator.comparing(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (JsonNode mount : container.path("volumeMounts")) {
            String name = mount.path("name").asString();
            JsonNode volume = volumes.get(name);
            if (volume == null) {
                throw new EnvResolver.ConfigError("volume mount " + name + " names no volume");
            }
            Path dir = podDir.resolve("volumes").resolve(name);
            if (!Files.exists(dir)) {
                write(volume, manifests, dir);
            }
            String subPath = mount.path("subPath").asString();
            mounts.put(mount.path("mountPath").asString(), subPath.isEmpty() ? dir : dir.resolve(subPath));
        }
        return new PodVolumes(mounts);
    }

    private static void write(JsonNode volume, Manifests manifests, Path dir) throws IOException {
        Files.createDirectories(dir);
        boolean secret = volume.has("secret");
        if (!secret && !volume.has("configMap")) {
            return; // emptyDir: the directory is all
        }
        JsonNode source = secret ? volume.path("secret") : volume.path("configMap");
        String name = secret
                ? source.path("secretName").asString()
                : source.path("name").asString();
        Map<String, String> data =
                manifests.data(secret ? "Secret" : "ConfigMap", name).orElse(null);
        if (data == null) {
            if (source.path("optional").asBoolean(false)) {
                return;
            }
            throw new EnvResolver.ConfigError((secret ? "Secret " : "ConfigMap ") + name + " not found");
        }
        int mode = source.path("defaultMode").asInt(0644);
        Map<String, String> files = new LinkedHashMap<>();
        if (source.has("items")) {
            for (JsonNode item : source.path("items")) {
                String key = item.path("key").asString();
                if (!data.containsKey(key)) {
                    throw new EnvResolver.ConfigError(name + " has no key " + key);
                }
                files.put(item.path("path").asString(), data.get(key));
            }
        } else {
            files.putAll(data);
        }
        for (var file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            Files.setPosixFilePermissions(path, permissions(mode));
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /**
     * The value with a leading mount path replaced by the volume's directory, also after the {@code =} of an option
     * ({@code --config.file=/etc/prometheus/prometheus.yml}, {@code -Djava.io.tmpdir=/tmp}); other values as they are.
     */
    public String rewrite(String value) {
        int equals = value.indexOf('=');
        if (value.startsWith("-") && equals > 0) {
            return value.substring(0, equals + 1) + rewrite(value.substring(equals + 1));
        }
        for (var mount : mounts.entrySet()) {
            String path = mount.getKey();
            if (value.equals(path) || value.startsWith(path.endsWith("/") ? path : path + "/")) {
                return mount.getValue() + value.substring(path.length());
            }
        }
        return value;
    }

    /** Where a mount path is in the pod's directory; empty when nothing is mounted there. */
    public java.util.Optional<Path> mounted(String mountPath) {
        return java.util.Optional.ofNullable(mounts.get(mountPath));
    }
}
