package io.releasepilot.git;

import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which paths {@code .gitattributes} marks {@code export-ignore}, the way {@code git archive} reads them: every
 * {@code .gitattributes} of the tree applies below its folder, deeper files and later lines win, and a folder
 * marked export-ignore takes everything in it.
 */
public final class ExportIgnore {
    private final List<Scope> scopes = new ArrayList<>();

    private record Scope(String dir, List<AttributesRule> rules) {
    }

    /** {@code attributes} maps a folder ("" for the top) to the content of its .gitattributes. */
    public ExportIgnore(Map<String, byte[]> attributes) throws IOException {
        for (Map.Entry<String, byte[]> e : attributes.entrySet()) {
            AttributesNode node = new AttributesNode();
            node.parse(new ByteArrayInputStream(e.getValue()));
            scopes.add(new Scope(e.getKey(), node.getRules()));
        }
        scopes.sort(Comparator.comparingInt(s -> s.dir().isEmpty() ? 0 : s.dir().split("/").length));
    }

    /** True when {@code path}, a file of the tree, is left out of archives. */
    public boolean ignores(String path) {
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                prefix.append('/');
            }
            prefix.append(parts[i]);
            boolean directory = i < parts.length - 1;
            if (state(prefix.toString(), directory)) {
                return true;
            }
        }
        return false;
    }

    private boolean state(String path, boolean directory) {
        Boolean result = null;
        for (Scope scope : scopes) {
            String relative;
            if (scope.dir().isEmpty()) {
                relative = path;
            } else if (path.startsWith(scope.dir() + "/")) {
                relative = path.substring(scope.dir().length() + 1);
            } else {
                continue;
            }
            for (AttributesRule rule : scope.rules()) {
                if (rule.isMatch(relative, directory)) {
                    for (Attribute a : rule.getAttributes()) {
                        if (a.getKey().equals("export-ignore")) {
                            result = a.getState() == Attribute.State.SET;
                        }
                    }
                }
            }
        }
        return Boolean.TRUE.equals(result);
    }
}
