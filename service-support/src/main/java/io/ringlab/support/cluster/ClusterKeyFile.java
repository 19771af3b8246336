package io.ringlab.support.cluster;

import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file of cluster keys, read again every check: when its content changed, the new keys are installed at once (a
 * key rotation without a restart; a Kubernetes Secret mounted as a volume is updated in place). A file that cannot be
 * read or holds a bad key leaves the keys in use as they are and says why, once, in a WARN line (never the key).
 */
public final class ClusterKeyFile {

    private static final Log log = LogFactory.getLog(ClusterKeyFile.class);

    private final Path path;
    private final ClusterKeyring keyring;
    private byte[] lastContent;
    private String lastProblem;

    ClusterKeyFile(Path path, ClusterKeyring keyring) throws IOException {
        this.path = path;
        this.keyring = keyring;
        this.lastContent = Files.readAllBytes(path);
    }

    /** The keys in the file; throws {@link IllegalArgumentException} saying what is wrong. */
    static ClusterKeys read(Path path) {
        try {
            return ClusterKeys.parseLines(Files.readAllLines(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        } catch (ClusterKeys.InvalidKeyText e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage());
        }
    }

    /** Reads the file again; installs its keys if its content changed and they are good. */
    synchronized void check() {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (IOException e) {
            problem("cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (Arrays.equals(content, lastContent)) {
            return;
        }
        ClusterKeys keys;
        try {
            keys = ClusterKeys.parseLines(
                    new String(content, StandardCharsets.UTF_8).lines().toList());
        } catch (ClusterKeys.InvalidKeyText e) {
            problem(path + ": " + e.getMessage());
            return;
        }
        keyring.install(keys);
        lastContent = content;
        lastProblem = null;
        log.info("cluster keys read again from %s: sealing with key %s, accepting %s"
                .formatted(path, keys.currentKeyId(), keys.acceptedKeyIds()));
    }

    private void problem(String problem) {
        if (!problem.equals(lastProblem)) {
            log.warn(problem + "; keeping the keys in use");
            lastProblem = problem;
        }
    }
}
