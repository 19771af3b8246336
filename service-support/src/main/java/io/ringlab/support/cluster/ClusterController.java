package io.ringlab.support.cluster;

import io.ringlab.protocol.auth.ClusterKeyring;
import io.ringlab.protocol.auth.ClusterKeys;
import io.ringlab.protocol.auth.FrameSealer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/cluster}: how this member seals and checks what it exchanges with the others, open to read like
 * every status. Key ids only (two hex digits of each key's hash), never a key: enough to watch a rotation reach
 * every member.
 */
@RestController
public class ClusterController {

    /**
     * @param insecure     sealed under the well-known key: anybody can forge this member's messages
     * @param keySource    {@code property}, {@code file:<path>} or {@code insecure}
     * @param currentKeyId the key this member seals with
     * @param acceptedKeyIds the keys it accepts, the current one first
     * @param incarnation  this process's incarnation, as its sealed frames carry it (hex)
     */
    public record ClusterStatus(
            boolean insecure, String keySource, String currentKeyId, List<String> acceptedKeyIds, String incarnation) {}

    private final ClusterKeyring keyring;
    private final ClusterProperties properties;
    private final FrameSealer sealer;

    ClusterController(ClusterKeyring keyring, ClusterProperties properties, FrameSealer sealer) {
        this.keyring = keyring;
        this.properties = properties;
        this.sealer = sealer;
    }

    @GetMapping("/api/cluster")
    public ClusterStatus cluster() {
        ClusterKeys keys = keyring.keys();
        return new ClusterStatus(
                keys.isInsecure(),
                properties.keySource(),
                keys.currentKeyId(),
                keys.acceptedKeyIds(),
                Long.toHexString(sealer.incarnation()));
    }
}
