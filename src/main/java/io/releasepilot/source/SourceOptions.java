package io.releasepilot.source;

import java.util.List;

/**
 * How the release manager builds the source release: the dot files and paths left out, export-ignore,
 * submodules, a .zip beside the .tar.gz, the file that must hold the version, and the archive name pattern of a
 * project that names its archives its own way (empty: the standard name). Remembered in release.json between
 * sessions, so every RC is named the same way.
 */
public record SourceOptions(List<String> dotFiles, List<String> removals, boolean exportIgnore, boolean submodules,
                            boolean zip, String versionFile, String versionPattern, String namePattern) {
    public SourceOptions(List<String> dotFiles, List<String> removals, boolean exportIgnore, boolean submodules,
                         boolean zip, String versionFile, String versionPattern) {
        this(dotFiles, removals, exportIgnore, submodules, zip, versionFile, versionPattern, "");
    }

    public SourceOptions {
        dotFiles = dotFiles == null ? ExportRules.DEFAULT_DOT_FILES : List.copyOf(dotFiles);
        removals = removals == null ? List.of() : List.copyOf(removals);
        versionFile = versionFile == null ? "" : versionFile.strip();
        versionPattern = versionPattern == null || versionPattern.isBlank() ? "{version}" : versionPattern;
        namePattern = namePattern == null ? "" : namePattern.strip();
    }

    public static SourceOptions defaults() {
        return new SourceOptions(ExportRules.DEFAULT_DOT_FILES, List.of(), true, false, false, "", "{version}");
    }

    public ExportRules rules() {
        return new ExportRules(dotFiles, removals, exportIgnore);
    }
}
