package io.releasepilot.source;

import java.util.List;

/**
 * What leaves the committed tree on its way into the source archive: dot files and folders (by default every
 * name starting with '.', shown to the release manager and editable per release), paths marked
 * {@code export-ignore} in {@code .gitattributes} (as {@code git archive} does), and extra paths the release
 * manager removes (MXNet removed {@code R-package/}).
 *
 * @param dotFiles  names (of files or folders, at any depth) to drop; "*" before a suffix matches any start
 * @param removals  paths (files or whole folders) to drop, relative to the top of the tree
 */
public record ExportRules(List<String> dotFiles, List<String> removals, boolean honourExportIgnore) {

    /** Every dot file and folder, as the guides recommend (.git*, .travis.yml, .DS_Store, .github, .asf.yaml…). */
    public static final List<String> DEFAULT_DOT_FILES = List.of(".*");

    /**
     * The top-level {@code .rat-excludes} stays in the archive under the ".*" rule: the pre-flight license-header
     * check and the voters' check of the archive both read it (name it exactly to leave it out).
     */
    public static final String KEPT_DOT_FILE = io.releasepilot.verify.LicenseHeaderScan.EXCLUDES_FILE;

    public ExportRules {
        dotFiles = List.copyOf(dotFiles);
        removals = removals.stream().map(r -> r.replace('\\', '/').replaceAll("^/+|/+$", ""))
                .filter(r -> !r.isEmpty()).toList();
    }

    public static ExportRules defaults() {
        return new ExportRules(DEFAULT_DOT_FILES, List.of(), true);
    }

    /** True when {@code path} (a file of the tree) is left out by the dot-file or removal rules. */
    public boolean excludes(String path) {
        for (String removal : removals) {
            if (path.equals(removal) || path.startsWith(removal + "/")) {
                return true;
            }
        }
        for (String segment : path.split("/")) {
            for (String pattern : dotFiles) {
                if (pattern.equals(".*") && path.equals(KEPT_DOT_FILE)) {
                    continue;
                }
                if (matches(pattern, segment)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.equals(".*")) {
            return name.startsWith(".");
        }
        if (pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return name.endsWith(pattern.substring(1));
        }
        return name.equals(pattern);
    }
}
