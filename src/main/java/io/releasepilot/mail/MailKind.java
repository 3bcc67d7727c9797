package io.releasepilot.mail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The mails of a release, in the order they are sent. Each has a built-in template
 * ({@code templates/<id>.txt}) that a release may override in {@code <workspace>/mail/templates/<id>.txt}.
 */
public enum MailKind {
    /** The release plan on the dev list: branch, RC date, vote window, cherry-pick deadline. */
    PLAN("plan", "Release plan", null, false),
    /** [VOTE] on the dev list. */
    VOTE("vote", "[VOTE] on the dev list", null, true),
    /** [RESULT][VOTE] on the dev list, a reply to the VOTE. */
    RESULT("result", "[RESULT][VOTE] on the dev list", VOTE, false),
    /** [CANCELLED][VOTE] on the dev list, a reply to the VOTE. */
    CANCEL("cancel", "[CANCELLED][VOTE] on the dev list", VOTE, false),
    /** Podlings: the second vote, on general@incubator.apache.org, binding for IPMC members. */
    IPMC_VOTE("ipmc-vote", "[VOTE] on general@incubator (podlings)", null, true),
    /** Podlings: [RESULT][VOTE] on general@incubator, a reply to the IPMC vote. */
    IPMC_RESULT("ipmc-result", "[RESULT][VOTE] on general@incubator (podlings)", IPMC_VOTE, false),
    /** [ANNOUNCE] to announce@apache.org and the project's lists. */
    ANNOUNCE("announce", "[ANNOUNCE] the release", null, false);

    private final String id;
    private final String label;
    private final MailKind repliesTo;
    private final boolean opensVote;

    MailKind(String id, String label, MailKind repliesTo, boolean opensVote) {
        this.id = id;
        this.label = label;
        this.repliesTo = repliesTo;
        this.opensVote = opensVote;
    }

    /** The command-line name and the template file name without {@code .txt}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The mail this one answers (it carries its In-Reply-To and References), if any. */
    public Optional<MailKind> repliesTo() {
        return Optional.ofNullable(repliesTo);
    }

    /** True for the mails that open a vote of at least 72 hours. */
    public boolean opensVote() {
        return opensVote;
    }

    /** Only for podlings: the round on general@incubator. */
    public boolean podlingOnly() {
        return this == IPMC_VOTE || this == IPMC_RESULT;
    }

    public String templateFileName() {
        return id + ".txt";
    }

    public static Optional<MailKind> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }
}
