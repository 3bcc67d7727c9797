package io.releasepilot.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build: the source archive of {@code revision} (a tag or commit) of the repository, named
 * {@code apache-<project>-<version>[-incubating]-src} (or {@code archiveName} when the project names its
 * archives its own way, as MXNet's {@code apache-mxnet-src-1.9.0.rc0-incubating}), into {@code outputDir}.
 */
public record SourceRequest(Path repository, String revision, String project, String version, boolean podling,
                            ExportRules rules, boolean submodules, boolean zip, Path outputDir, String archiveName) {
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._+-]{0,199}");

    public SourceRequest(Path repository, String revision, String project, String version, boolean podling,
                         ExportRules rules, boolean submodules, boolean zip, Path outputDir) {
        this(repository, revision, project, version, podling, rules, submodules, zip, outputDir, "");
    }

    public SourceRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(outputDir, "outputDir");
        if (revision == null || revision.isBlank()) {
            throw new IllegalArgumentException("Give the tag (or commit) to build from, e.g. v2.4.0-rc1");
        }
        if (project == null || !project.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("The project id must be lower-case letters, digits and '-', e.g. kvrocks");
        }
        if (version == null || !version.matches("\\d+\\.\\d+\\.\\d+([ab]\\d+|rc\\d+)?")) {
            throw new IllegalArgumentException("The version must look like 2.4.0");
        }
        rules = rules == null ? ExportRules.defaults() : rules;
        archiveName = archiveName == null ? "" : archiveName.strip();
        if (!archiveName.isEmpty() && (!SAFE_NAME.matcher(archiveName).matches() || archiveName.contains(".."))) {
            throw new IllegalArgumentException("The archive name \"" + archiveName + "\" must be a plain file name"
                    + " (letters, digits, '.', '_', '+', '-')");
        }
    }

    /**
     * The archive name from a pattern such as {@code apache-{project}-src-{version}.rc{rc}{incubating}}:
     * {@code {incubating}} is {@code -incubating} for a podling, else nothing. An empty pattern gives "" (the
     * standard name). The pattern must hold {@code {version}}.
     */
    public static String archiveName(String pattern, String project, String version, int rc, boolean podling) {
        if (pattern == null || pattern.isBlank()) {
            return "";
        }
        if (!pattern.contains("{version}")) {
            throw new IllegalArgumentException("The archive name pattern \"" + pattern + "\" has no {version}");
        }
        return pattern.strip().replace("{project}", project).replace("{version}", version)
                .replace("{rc}", Integer.toString(rc)).replace("{incubating}", podling ? "-incubating" : "");
    }

    public SourceRequest withArchiveName(String name) {
        return new SourceRequest(repository, revision, project, version, podling, rules, submodules, zip, outputDir,
                name);
    }

    /** {@code apache-kvrocks-2.4.0-src}: the archive's top folder and file name without extension. */
    public String baseName() {
        if (!archiveName.isEmpty()) {
            return archiveName;
        }
        return "apache-" + project + "-" + version + (podling ? "-incubating" : "") + "-src";
    }
}
