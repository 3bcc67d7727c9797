package io.releasepilot.release;

import java.util.List;

/**
 * The publish step: the release's dist/release URL, the revision of the move, the files, and the reason
 * recorded when it was published without a passed tally (else null).
 */
public record PublishOutputs(String url, long revision, String override, List<String> files) {
    public PublishOutputs {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
