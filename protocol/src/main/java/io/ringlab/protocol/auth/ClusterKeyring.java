package io.ringlab.protocol.auth;

/**
 * The keys in use, replaceable while the member runs (a key rotation): every frame sealed or opened after
 * {@link #install} uses the new keys.
 */
public final class ClusterKeyring {

    private volatile ClusterKeys keys;

    public ClusterKeyring(ClusterKeys keys) {
        this.keys = keys;
    }

    public ClusterKeys keys() {
        return keys;
    }

    public void install(ClusterKeys keys) {
        this.keys = keys;
    }
}
