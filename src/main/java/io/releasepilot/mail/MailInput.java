package io.releasepilot.mail;

import java.util.Arrays;
import java.util.Optional;

/**
 * Values only the release manager knows, typed in the Mail step or given as {@code --set NAME=VALUE}. Each is
 * also a template placeholder of the same name.
 */
public enum MailInput {
    RC_DATE("rcDate", "RC date", "the day the first release candidate is cut, e.g. 2026-12-01"),
    CHERRY_PICK_DEADLINE("cherryPickDeadline", "cherry-pick deadline",
            "the last day to get a change into a feature release's branch, e.g. 2026-11-28"),
    DRAFT_NOTES_URL("draftNotesUrl", "link to the draft release notes", "a URL, e.g. the notes pull request"),
    CANCEL_REASON("cancelReason", "reason for cancelling", "why this RC is withdrawn, e.g. a missing LICENSE entry"),
    NEXT_RC_CHANGES("nextRcChanges", "what changes in the next RC", "e.g. the LICENSE file lists the bundled font"),
    DESIGNATION("designation", "release designation", "alpha, beta or GA (httpd style; optional)"),
    DEV_RESULT_THREAD("devResultThread", "link to the dev [RESULT] thread",
            "the lists.apache.org link of your [RESULT][VOTE] mail"),
    VOTE_THREAD("voteThread", "link to the vote thread", "the lists.apache.org link of the [VOTE] thread (filled"
            + " from the vote count when it read the thread from that link)"),
    DEV_VOTE_THREAD("devVoteThread", "link to the dev [VOTE] thread",
            "the lists.apache.org link of the dev vote (filled from the vote count when it has it)"),
    DOWNLOAD_PAGE("downloadPage", "download page", "the project's download page, e.g."
            + " https://kvrocks.apache.org/download (not a dyn/closer link)"),
    PROJECT_DESCRIPTION("projectDescription", "project description",
            "one or two sentences saying what the project is; announce@ asks for it"),
    EXTRA_LISTS("extraLists", "more lists for the announcement", "e.g. users@kvrocks.apache.org (optional)");

    private final String key;
    private final String label;
    private final String hint;

    MailInput(String key, String label, String hint) {
        this.key = key;
        this.label = label;
        this.hint = hint;
    }

    /** The placeholder name and the {@code --set} key. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    /** "from you: --set rcDate=… (the day …)" */
    public String source() {
        return "from you: type it in the mail's step in the window or give --set " + key + "=… (" + hint + ")";
    }

    public static Optional<MailInput> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
