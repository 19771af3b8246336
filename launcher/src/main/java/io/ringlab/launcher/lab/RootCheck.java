package io.ringlab.launcher.lab;

import java.util.Optional;

/** The lab makes namespaces, a bridge and nftables tables: it needs root, and says so in one line. */
public final class RootCheck {

    private RootCheck() {}

    /** Why the lab cannot start for this user; empty when it can. */
    public static Optional<String> refusal(long uid) {
        return uid == 0
                ? Optional.empty()
                : Optional.of("the multi-host lab needs root (it makes network namespaces, veth pairs, a bridge and "
                        + "nftables tables); run it as root, e.g. sudo bin/ringlab-lab");
    }

    /** The uid of this process, from {@code /proc/self/status}; -1 when it cannot be read. */
    public static long currentUid() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
