package io.ringlab.k8s;

import org.junit.jupiter.api.Test;

/**
 * Says, as a skipped test of its own, why every other check is skipped when the manifests cannot be rendered here
 * (no kubectl, or one whose kustomize is older than v5).
 */
class KubectlTest {

    @Test
    void kubectlWithKustomizeV5RendersTheManifests() {
        Kustomize.unavailable().ifPresent(why -> System.out.println("k8s-checks: every check is skipped: " + why));
        Kustomize.assumeAvailable();
    }
}
