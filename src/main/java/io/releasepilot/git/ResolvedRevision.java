package io.releasepilot.git;

import java.time.Instant;

/** A tag or commit resolved to its commit: the full hash and the commit's time (which archives use). */
public record ResolvedRevision(String name, String commit, Instant commitTime) {
}
