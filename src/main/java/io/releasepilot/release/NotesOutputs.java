package io.releasepilot.release;

import java.util.List;

/**
 * The release notes step: the Markdown file (relative to the release folder), the range of history it covers,
 * how many commits and who contributed.
 */
public record NotesOutputs(String file, String from, String to, int commits, List<String> contributors) {
    public NotesOutputs {
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
    }
}
