package io.releasepilot.release;

import java.util.List;

/** The next-version step: for each line moved (the release branch, the main line), the commit made for it. */
public record NextVersionOutputs(List<Bump> bumps) {
    public NextVersionOutputs {
        bumps = bumps == null ? List.of() : List.copyOf(bumps);
    }

    /** One line moved to {@code version} on the new branch {@code branch} by {@code commitId}, in {@code files}. */
    public record Bump(String line, String version, String branch, String commitId, List<String> files) {
        public Bump {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }
}
