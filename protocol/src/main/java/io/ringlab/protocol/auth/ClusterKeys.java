package io.ringlab.protocol.auth;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keys a cluster member holds: the current one, which signs every frame it sends, and the others it still
 * accepts (during a rotation). Insecure keys are a well-known all-zero key: frames are sealed and checked the same
 * way, but anyone can forge them; for seed experiments only.
 */
public final class ClusterKeys {

    /** The shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final ClusterKey current;
    private final List<ClusterKey> accepted;
    private final boolean insecure;

    private ClusterKeys(ClusterKey current, List<ClusterKey> others, boolean insecure) {
        this.current = current;
        List<ClusterKey> all = new ArrayList<>();
        all.add(current);
        all.addAll(others);
        this.accepted = List.copyOf(all);
        this.insecure = insecure;
    }

    /**
     * Keys as a key file holds them: one base64 key a line, the current one first, then the others accepted;
     * blank lines and lines starting with {@code #} are skipped. Throws {@link InvalidKeyText} naming the line.
     */
    public static ClusterKeys parseLines(List<String> lines) {
        List<String> keys = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(line);
                lineNumbers.add(i + 1);
            }
        }
        if (keys.isEmpty()) {
            throw new InvalidKeyText("holds no key");
        }
        List<ClusterKey> parsed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parsed.add(new ClusterKey(decode(keys.get(i), "the key on line " + lineNumbers.get(i))));
        }
        return new ClusterKeys(parsed.get(0), parsed.subList(1, parsed.size()), false);
    }

    /**
     * The current key and the other accepted keys, each base64 (standard or URL-safe alphabet) of at least
     * {@value #MIN_KEY_BYTES} bytes. Throws {@link InvalidKeyText} naming the bad key.
     */
    public static ClusterKeys parse(String currentBase64, List<String> othersBase64) {
        ClusterKey current = new ClusterKey(decode(currentBase64, "the key"));
        List<ClusterKey> others = new ArrayList<>();
        for (int i = 0; i < othersBase64.size(); i++) {
            others.add(new ClusterKey(decode(othersBase64.get(i), "key [" + i + "]")));
        }
        return new ClusterKeys(current, others, false);
    }

    public static ClusterKeys of(byte[] current, List<byte[]> others) {
        checkLength(current, "the key");
        return new ClusterKeys(
                new ClusterKey(current), others.stream().map(ClusterKey::new).toList(), false);
    }

    /** The well-known all-zero key: frames keep their layout, but anybody can forge them. */
    public static ClusterKeys insecure() {
        return new ClusterKeys(new ClusterKey(new byte[MIN_KEY_BYTES]), List.of(), true);
    }

    public boolean isInsecure() {
        return insecure;
    }

    ClusterKey current() {
        return current;
    }

    /** The current key's id, two hex digits: enough for an operator to see which key a member uses, nothing more. */
    public String currentKeyId() {
        return hex(current.id());
    }

    /** The ids of every accepted key, the current one first. */
    public List<String> acceptedKeyIds() {
        return accepted.stream().map(key -> hex(key.id())).toList();
    }

    private static String hex(byte id) {
        return String.format("%02x", id & 0xFF);
    }

    /** The keys with this id, the current one first. */
    List<ClusterKey> withId(byte id) {
        List<ClusterKey> matching = new ArrayList<>(1);
        for (ClusterKey key : accepted) {
            if (key.id() == id) {
                matching.add(key);
            }
        }
        return matching;
    }

    private static byte[] decode(String text, String which) {
        if (text == null || text.isBlank()) {
            throw new InvalidKeyText(which + " is empty");
        }
        String trimmed = text.trim();
        byte[] bytes;
        try {
            bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyText(which + " is not base64 (" + e.getMessage() + ")");
        }
        checkLength(bytes, which);
        return bytes;
    }

    private static void checkLength(byte[] bytes, String which) {
        if (bytes.length < MIN_KEY_BYTES) {
            throw new InvalidKeyText(which + " has " + bytes.length + " bytes; at least " + MIN_KEY_BYTES
                    + " are needed (e.g. `openssl rand -base64 32`)");
        }
    }

    /** A key that cannot be used; the message says which and why, never the key itself. */
    public static final class InvalidKeyText extends IllegalArgumentException {
        InvalidKeyText(String message) {
            super(message);
        }
    }
}
