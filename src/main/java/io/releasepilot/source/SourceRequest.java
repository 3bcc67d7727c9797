package io.releasepilot.source;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to build: the source archive of {@code revision} (a tag or commit) of the repository, named
 * {@code apache-<project>-<version>[-incubating]-src}, into {@code outputDir}.
 */
public record SourceRequest(Path repository, String revision, String project, String version, boolean podling,
                            ExportRules rules, boolean submodules, boolean zip, Path outputDir) {
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
    }

    /** {@code apache-kvrocks-2.4.0-src}: the archive's top folder and file name without extension. */
    public String baseName() {
        return "apache-" + project + "-" + version + (podling ? "-incubating" : "") + "-src";
    }
}
