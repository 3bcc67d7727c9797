package io.releasepilot.release;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * For each step this version of Release Pilot can do: the command that does it and the window's step. Steps
 * without an entry are not built yet; they are neither shown nor offered as the next step.
 */
public final class StepGuide {
    /** {@code alternative}: another way to do the step (e.g. import instead of generate), or empty. */
    private record Entry(String command, String alternative, String window) {
        Entry(String command, String window) {
            this(command, "", window);
        }
    }

    private static final Map<StepId, Entry> ENTRIES = new EnumMap<>(StepId.class);

    static {
        ENTRIES.put(StepId.PROFILE, new Entry("release-pilot profile show --dir {dir}", "Release profile"));
        ENTRIES.put(StepId.PLAN, new Entry("release-pilot mail plan --dir {dir} --send",
                "Release plan"));
        ENTRIES.put(StepId.KEY, new Entry("release-pilot keys generate --dir {dir}",
                "release-pilot keys import --dir {dir} ...   (or: keys use --dir {dir} --key FPR --gpg)", "Signing key"));
        ENTRIES.put(StepId.KEYS_FILE, new Entry("release-pilot dist keys --dir {dir}",
                "release-pilot keys append --dir {dir} --keys-file KEYS", "Signing key \u2192 Add to KEYS"));
        ENTRIES.put(StepId.NOTES, new Entry("release-pilot notes --dir {dir}", "Release notes"));
        ENTRIES.put(StepId.BRANCH, new Entry("release-pilot branch --dir {dir}", "Release branch"));
        ENTRIES.put(StepId.SOURCE, new Entry("release-pilot source build --dir {dir}", "Source release"));
        ENTRIES.put(StepId.SIGN, new Entry("release-pilot sign --dir {dir}", "Sign"));
        ENTRIES.put(StepId.CHECK, new Entry("release-pilot verify --dir {dir}", "Check"));
        ENTRIES.put(StepId.STAGE, new Entry("release-pilot dist stage --dir {dir}",
                "Stage"));
        ENTRIES.put(StepId.PUBLISH, new Entry("release-pilot dist publish --dir {dir}",
                "Publish"));
        ENTRIES.put(StepId.PRUNE, new Entry("release-pilot dist prune --dir {dir}", "Prune"));
        ENTRIES.put(StepId.VOTE, new Entry("release-pilot mail vote --dir {dir} --send",
                "Vote mail"));
        ENTRIES.put(StepId.RESULT, new Entry("release-pilot mail result --dir {dir} --send",
                "Result mail"));
        ENTRIES.put(StepId.IPMC_VOTE, new Entry("release-pilot mail ipmc-vote --dir {dir} --send",
                "Incubator vote mail"));
        ENTRIES.put(StepId.IPMC_RESULT, new Entry("release-pilot mail ipmc-result --dir {dir} --send",
                "Incubator result mail"));
        ENTRIES.put(StepId.ANNOUNCE, new Entry("release-pilot mail announce --dir {dir} --send",
                "Announcement"));
        ENTRIES.put(StepId.NEXT_VERSION, new Entry("release-pilot next-version --dir {dir}", "Next version"));
        ENTRIES.put(StepId.TALLY, new Entry("release-pilot vote tally --dir {dir} --url THREAD-LINK --roster PMC-FILE",
                "Count the vote"));
        ENTRIES.put(StepId.IPMC_TALLY, new Entry("release-pilot vote tally --dir {dir} --ipmc --url THREAD-LINK"
                + " --committee-info committee-info.json --committee incubator", "Count the Incubator vote"));
    }

    private StepGuide() {
    }

    public static boolean available(StepId step) {
        return ENTRIES.containsKey(step);
    }

    /** The exact command for {@code step} of the release in {@code dir}. */
    public static String command(StepId step, Path dir) {
        Entry e = ENTRIES.get(step);
        return e == null ? "" : e.command().replace("{dir}", quote(dir.toString()));
    }

    /** Another command that does {@code step} (e.g. importing a key instead of making one), or "" when none. */
    public static String alternative(StepId step, Path dir) {
        Entry e = ENTRIES.get(step);
        return e == null ? "" : e.alternative().replace("{dir}", quote(dir.toString()));
    }

    public static String window(StepId step) {
        Entry e = ENTRIES.get(step);
        return e == null ? "" : e.window();
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
