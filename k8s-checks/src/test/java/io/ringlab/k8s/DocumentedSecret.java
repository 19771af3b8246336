package io.ringlab.k8s;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secret the user creates, as docs/DEPLOYMENT.md tells them to: it is not in the repository, so the keys the
 * manifests use are checked against the documented command.
 */
final class DocumentedSecret {

    static final String NAME = "ringlab-secrets";

    private static final Pattern COMMAND =
            Pattern.compile("create secret generic " + NAME + "((?:[^\\n]*\\\\\\n)*[^\\n]*)");
    private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

    private DocumentedSecret() {}

    static Set<String> keys() {
        Matcher command = COMMAND.matcher(Project.read(Project.HOME.resolve("docs/DEPLOYMENT.md")));
        if (!command.find()) {
            throw new AssertionError("docs/DEPLOYMENT.md has no `kubectl create secret generic " + NAME + "`");
        }
        Set<String> keys = new LinkedHashSet<>();
        Matcher key = KEY.matcher(command.group(1));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
