package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvResolverTest {

    private static final Manifests MANIFESTS = Manifests.parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ring-abc, namespace: ringlab}
            data: {peers: "a:1,b:2,c:3"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: dashboard, namespace: ringlab}
            data: {RINGLAB_DASHBOARD_SERVERS_0_NAME: ring-server-0, "bad name": x}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: ringlab-secrets, namespace: ringlab}
            data: {security-password: c2VjcmV0}
            """);
    private static final PodFields POD = new PodFields(
            "ring-server-1",
            "ringlab",
            "198.18.3.11",
            Map.of("app.kubernetes.io/name", "ring-server"),
            "rehearsal",
            "198.18.3.1");

    @Test
    void valuesComeFromConfigMapsSecretsAndTheDownwardApiAndExpandInOrder() {
        var container = Manifests.parse("""
                envFrom:
                  - configMapRef: {name: dashboard}
                env:
                  - name: SELF
                    value: $(POD_NAME).ring-server.$(POD_NAMESPACE).svc.cluster.local:4242
                  - name: POD_NAME
                    valueFrom: {fieldRef: {fieldPath: metadata.name}}
                  - name: POD_NAMESPACE
                    valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
                  - name: ID
                    value: $(POD_NAME).ring-server.$(POD_NAMESPACE):$(UNDEFINED) costs $$(POD_NAME) $$$$
                  - name: IP
                    valueFrom: {fieldRef: {fieldPath: status.podIP}}
                  - name: PEERS
                    valueFrom: {configMapKeyRef: {name: ring-abc, key: peers}}
                  - name: PASSWORD
                    valueFrom: {secretKeyRef: {name: ringlab-secrets, key: security-password}}
                  - name: FROM_MAP
                    value: $(RINGLAB_DASHBOARD_SERVERS_0_NAME)
                """).objects().get(0);

        Map<String, String> env = EnvResolver.environment(container, MANIFESTS, POD);

        assertThat(env)
                .containsEntry("SELF", "$(POD_NAME).ring-server.$(POD_NAMESPACE).svc.cluster.local:4242")
                .containsEntry("ID", "ring-server-1.ring-server.ringlab:$(UNDEFINED) costs $(POD_NAME) $$")
                .containsEntry("IP", "198.18.3.11")
                .containsEntry("PEERS", "a:1,b:2,c:3")
                .containsEntry("PASSWORD", "secret")
                .containsEntry("FROM_MAP", "ring-server-0")
                .doesNotContainKey("bad name");
    }

    @Test
    void argumentsExpandAgainstTheWholeEnvironment() {
        var args = Manifests.parse("args: [\"--name=$(POD_NAME)\", \"$(NONE)\", \"$(\"]")
                .objects()
                .get(0)
                .path("args");

        assertThat(EnvResolver.expandAll(args, Map.of("POD_NAME", "p-0")))
                .containsExactly("--name=p-0", "$(NONE)", "$(");
    }

    @Test
    void aMissingKeyStopsThePodUnlessOptional() {
        var missing = Manifests.parse("""
                env:
                  - name: X
                    valueFrom: {secretKeyRef: {name: ringlab-secrets, key: cluster-key}}
                """).objects().get(0);
        var optional = Manifests.parse("""
                env:
                  - name: X
                    valueFrom: {configMapKeyRef: {name: nowhere, key: k, optional: true}}
                """).objects().get(0);

        assertThatThrownBy(() -> EnvResolver.environment(missing, MANIFESTS, POD))
                .hasMessage("X: Secret ringlab-secrets has no key cluster-key");
        assertThat(EnvResolver.environment(optional, MANIFESTS, POD)).isEmpty();
    }
}
