package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The StatefulSet and Deployment controllers, acting one step at a time and waiting for the pods each step makes to
 * be ready. A StatefulSet makes its missing pods (all at once with {@code podManagementPolicy: Parallel}, else in
 * order), removes the ones beyond its replicas highest ordinal first, one at a time, then replaces every pod of an
 * older template, highest ordinal first, each after the one before is ready again (its {@code RollingUpdate}). A
 * Deployment replaces its pods by surge: a new pod, ready, then an old one gone ({@code maxSurge} 25% rounded up,
 * {@code maxUnavailable} 25% rounded down, the defaults; {@code Recreate}: all old pods gone first).
 */
public final class Controllers {

    private final Cluster cluster;
    private final Random random;
    private final Duration readyLimit;

    public Controllers(Cluster cluster, Random random, Duration readyLimit) {
        this.cluster = cluster;
        this.random = random;
        this.readyLimit = readyLimit;
    }

    public void reconcile(JsonNode workload) throws IOException, InterruptedException {
        if (Manifests.kind(workload).equals("StatefulSet")) {
            statefulSet(workload);
        } else {
            deployment(workload);
        }
    }

    private void statefulSet(JsonNode set) throws IOException, InterruptedException {
        String name = Manifests.name(set);
        String owner = "StatefulSet/" + name;
        String service = set.path("spec").path("serviceName").asString();
        int replicas = set.path("spec").path("replicas").asInt(1);
        boolean parallel =
                set.path("spec").path("podManagementPolicy").asString().equals("Parallel");
        String revision = revision(set);
        List<Pod> made = new ArrayList<>();
        for (int ordinal = 0; ordinal < replicas; ordinal++) {
            String podName = name + "-" + ordinal;
            if (cluster.pod(podName).isEmpty()) {
                Pod pod = cluster.create(set, podName, podName, service, revision);
                made.add(pod);
                if (!parallel) {
                    awaitReady(pod);
                }
            }
        }
        for (Pod pod : made) {
            awaitReady(pod);
        }
        List<Pod> condemned = cluster.podsOf(owner).stream()
                .filter(pod -> ordinal(pod) >= replicas)
                .sorted(Comparator.comparingInt(Controllers::ordinal).reversed())
                .toList();
        for (Pod pod : condemned) {
            cluster.delete(pod);
        }
        List<Pod> stale = cluster.podsOf(owner).stream()
                .filter(pod -> !pod.revision().equals(revision))
                .sorted(Comparator.comparingInt(Controllers::ordinal).reversed())
                .toList();
        for (Pod pod : stale) {
            cluster.delete(pod);
            awaitReady(cluster.create(set, pod.name(), pod.name(), service, revision));
        }
    }

    private void deployment(JsonNode deployment) throws IOException, InterruptedException {
        String name = Manifests.name(deployment);
        String owner = "Deployment/" + name;
        int replicas = deployment.path("spec").path("replicas").asInt(1);
        String revision = revision(deployment);
        JsonNode strategy = deployment.path("spec").path("strategy");
        List<Pod> old = new ArrayList<>(cluster.podsOf(owner).stream()
                .filter(p -> !p.revision().equals(revision))
                .toList());
        if (strategy.path("type").asString().equals("Recreate")) {
            for (Pod pod : old) {
                cluster.delete(pod);
            }
            old.clear();
        }
        int surge = Math.max(1, (int) Math.ceil(replicas * 0.25));
        while (true) {
            List<Pod> current = cluster.podsOf(owner).stream()
                    .filter(p -> p.revision().equals(revision))
                    .toList();
            int missing = replicas - current.size();
            if (missing > 0) {
                List<Pod> made = new ArrayList<>();
                for (int i = 0; i < Math.min(missing, surge); i++) {
                    made.add(cluster.create(deployment, podName(name, revision), null, null, revision));
                }
                for (Pod pod : made) {
                    awaitReady(pod);
                }
                for (int i = 0; i < made.size() && !old.isEmpty(); i++) {
                    cluster.delete(old.remove(0));
                }
                continue;
            }
            for (Pod pod : old) {
                cluster.delete(pod);
            }
            for (Pod extra : current.subList(replicas, current.size())) {
                cluster.delete(extra);
            }
            return;
        }
    }

    /** {@code name-<template hash>-<5 characters>}, as a ReplicaSet names its pods. */
    private String podName(String deployment, String revision) {
        String alphabet = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        synchronized (random) {
            for (int i = 0; i < 5; i++) {
                suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return deployment + "-" + revision + "-" + suffix;
    }

    private void awaitReady(Pod pod) throws InterruptedException {
        long deadline = System.nanoTime() + readyLimit.toNanos();
        while (!pod.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("%s not ready within %d s; its log: %s"
                        .formatted(pod.name(), readyLimit.toSeconds(), pod.log()));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static int ordinal(Pod pod) {
        return Integer.parseInt(pod.name().substring(pod.name().lastIndexOf('-') + 1));
    }

    /** The pod template's hash: pods of another template are replaced. */
    static String revision(JsonNode workload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(workload.path("spec").path("template").toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
