package io.releasepilot.release;

import java.util.List;

/** The prune step: the revision of the removal and the URLs removed. */
public record PruneOutputs(long revision, List<String> removed) {
    public PruneOutputs {
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
