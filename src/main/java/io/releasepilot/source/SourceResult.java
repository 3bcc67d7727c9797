package io.releasepilot.source;

import java.nio.file.Path;
import java.util.List;

/**
 * What was built: the archives, how many files went in, and what was left out (so the release manager sees it).
 *
 * @param excluded paths left out, each with the rule that left it out
 */
public record SourceResult(List<Path> artifacts, String commit, int files, long bytes, List<String> excluded) {
    public SourceResult {
        artifacts = List.copyOf(artifacts);
        excluded = List.copyOf(excluded);
    }
}
