package io.releasepilot.git;

import java.time.Instant;

/** A commit as release notes use it. */
public record CommitInfo(String hash, String authorName, String authorEmail, Instant time, String subject,
                         boolean merge) {
    public String shortHash() {
        return hash.substring(0, Math.min(10, hash.length()));
    }
}
