package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PodVolumesTest {

    private static final Manifests MANIFESTS = Manifests.parse("""
            apiVersion: v1
            kind: Secret
            metadata: {name: ringlab-secrets, namespace: ringlab}
            data: {cluster-key: a2V5, security-password: c2VjcmV0}
            """);

    @Test
    void aSecretsItemsBecomeFilesWithTheVolumesModeAndPathsUnderMountsPointThere(@TempDir Path pod) throws Exception {
        var spec = Manifests.parse("""
                volumes:
                  - name: tmp
                    emptyDir: {}
                  - name: cluster-key
                    secret:
                      secretName: ringlab-secrets
                      defaultMode: 288  # 0440, as kubectl kustomize renders it
                      items: [{key: cluster-key, path: cluster-key}]
                """).objects().get(0);
        var container = Manifests.parse("""
                volumeMounts:
                  - {name: tmp, mountPath: /tmp}
                  - {name: cluster-key, mountPath: /etc/ringlab/cluster, readOnly: true}
                """).objects().get(0);

        PodVolumes volumes = PodVolumes.materialize(spec, container, MANIFESTS, pod);

        Path key = pod.resolve("volumes/cluster-key/cluster-key");
        assertThat(key).hasContent("key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("r--r-----");
        assertThat(pod.resolve("volumes/cluster-key/security-password")).doesNotExist();
        assertThat(pod.resolve("volumes/tmp")).isEmptyDirectory();
        assertThat(volumes.rewrite("/etc/ringlab/cluster/cluster-key")).isEqualTo(key.toString());
        assertThat(volumes.rewrite("-Djava.io.tmpdir=/tmp"))
                .isEqualTo("-Djava.io.tmpdir=" + pod.resolve("volumes/tmp"));
        assertThat(volumes.rewrite("/tmpfile")).isEqualTo("/tmpfile");
        assertThat(volumes.rewrite("4242")).isEqualTo("4242");
    }
}
