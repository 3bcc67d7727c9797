package io.releasepilot.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a release, in the order a release manager takes them. Each declares the steps whose outputs it
 * uses (its prerequisites); when one of those is redone with a different result, this step becomes stale.
 */
public enum StepId {
    PROFILE("profile", "Release profile", false, false),
    /** The release plan mail on the dev list; once a later step is recorded it is no longer offered as next. */
    PLAN("plan", "Release plan mail", false, false, PROFILE),
    KEY("key", "Signing key", false, false, PROFILE),
    KEYS_FILE("keys-file", "KEYS file", false, false, KEY),
    NOTES("notes", "Release notes", false, false, PROFILE),
    /**
     * The release branch: cut from the main line for a feature release (x.y.0), found for a patch release. Not a
     * prerequisite of the source step (a tag may name any commit); once a later step is recorded it is no longer
     * offered as next.
     */
    BRANCH("branch", "Release branch", false, false, PROFILE),
    SOURCE("source", "Source release", true, false, PROFILE),
    SIGN("sign", "Sign", true, false, SOURCE, KEY),
    CHECK("check", "Check the candidate", true, false, SIGN),
    STAGE("stage", "Stage on dist/dev", true, false, SIGN),
    VOTE("vote", "Vote mail", true, false, STAGE),
    TALLY("tally", "Count the vote", true, false, VOTE),
    RESULT("result", "Result mail", true, false, TALLY),
    IPMC_VOTE("ipmc-vote", "Incubator vote mail", true, true, RESULT),
    IPMC_TALLY("ipmc-tally", "Count the Incubator vote", true, true, IPMC_VOTE),
    IPMC_RESULT("ipmc-result", "Incubator result mail", true, true, IPMC_TALLY),
    PUBLISH("publish", "Publish on dist/release", true, false, TALLY),
    PRUNE("prune", "Remove old releases", true, false, PUBLISH),
    ANNOUNCE("announce", "Announcement", true, false, PUBLISH),
    NEXT_VERSION("next-version", "Next version", true, false, PUBLISH);

    private final String id;
    private final String title;
    private final boolean perCandidate;
    private final boolean podlingOnly;
    private final StepId[] prerequisites;

    StepId(String id, String title, boolean perCandidate, boolean podlingOnly, StepId... prerequisites) {
        this.id = id;
        this.title = title;
        this.perCandidate = perCandidate;
        this.podlingOnly = podlingOnly;
        this.prerequisites = prerequisites;
    }

    /** The id written in release.json and accepted on the command line, e.g. {@code keys-file}. */
    public String id() {
        return id;
    }

    /** The step's name as the window shows it. */
    public String title() {
        return title;
    }

    /**
     * True for steps done again for each release candidate (source onwards); the profile, the key, the KEYS
     * file and the notes carry over to the next RC.
     */
    public boolean perCandidate() {
        return perCandidate;
    }

    /** True for the Incubator round that only podlings have. */
    public boolean podlingOnly() {
        return podlingOnly;
    }

    /**
     * True for the steps a release manager may go past (the plan mail, the branch): {@code status} offers them
     * as next only while no later step has been recorded.
     */
    public boolean skippable() {
        return this == PLAN || this == BRANCH;
    }

    /** The steps whose results this one uses. */
    public List<StepId> prerequisites() {
        return List.of(prerequisites);
    }

    /**
     * Every step this one builds on, directly or through others, nearest first. A podling's publish also
     * waits for the Incubator round.
     */
    public List<StepId> allPrerequisites(boolean podling) {
        List<StepId> out = new ArrayList<>();
        collect(this, podling, out);
        return out;
    }

    private static void collect(StepId step, boolean podling, List<StepId> out) {
        List<StepId> direct = new ArrayList<>(step.prerequisites());
        if (podling && step == PUBLISH) {
            direct.add(IPMC_TALLY);
        }
        for (StepId p : direct) {
            if (!out.contains(p)) {
                out.add(p);
                collect(p, podling, out);
            }
        }
    }

    /** The steps of a release in order; a podling's adds the Incubator round after the result. */
    public static List<StepId> flow(boolean podling) {
        return Arrays.stream(values()).filter(s -> podling || !s.podlingOnly).toList();
    }

    public static Optional<StepId> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
