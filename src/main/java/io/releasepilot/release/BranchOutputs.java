package io.releasepilot.release;

/**
 * The branch step: the release branch's name, the commit it pointed at when recorded, the line it was cut from
 * ({@code from}: a branch name or a commit; for a patch release the branch itself) and whether Release Pilot
 * created it ({@code created}: a feature release) or found it (a patch release, or a branch cut earlier).
 */
public record BranchOutputs(String branch, String commitId, String from, boolean created) {
    public BranchOutputs {
        if (branch == null || branch.isBlank()) {
            throw new IllegalArgumentException("a branch step needs the branch's name");
        }
    }
}
