package io.releasepilot.source;

import java.util.List;

/**
 * How the release manager builds the source release: the dot files and paths left out, export-ignore,
 * submodules, a .zip beside the .tar.gz, and the file that must hold the version. Remembered in release.json
 * between sessions.
 */
public record SourceOptions(List<String> dotFiles, List<String> removals, boolean exportIgnore, boolean submodules,
                            boolean zip, String versionFile, String versionPattern) {
    public SourceOptions {
        dotFiles = dotFiles == null ? ExportRules.DEFAULT_DOT_FILES : List.copyOf(dotFiles);
        removals = removals == null ? List.of() : List.copyOf(removals);
        versionFile = versionFile == null ? "" : versionFile.strip();
        versionPattern = versionPattern == null || versionPattern.isBlank() ? "{version}" : versionPattern;
    }

    public static SourceOptions defaults() {
        return new SourceOptions(ExportRules.DEFAULT_DOT_FILES, List.of(), true, false, false, "", "{version}");
    }

    public ExportRules rules() {
        return new ExportRules(dotFiles, removals, exportIgnore);
    }
}
