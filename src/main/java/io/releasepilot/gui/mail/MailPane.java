package io.releasepilot.gui.mail;

import io.releasepilot.mail.MailKind;

import java.util.List;

/**
 * Where each mail appears in the flow: one pane per moment of the release (one implementation, {@link MailStep},
 * shown once per pane). The pane's id is the release record's step id, so the step list shows its state.
 */
public enum MailPane {
    /** Before everything: the release plan on the dev list. */
    PLAN("plan", MailKind.PLAN),
    /** After staging: the [VOTE]. */
    VOTE("vote", MailKind.VOTE),
    /** After the count: [RESULT][VOTE], or [CANCELLED][VOTE] and the next RC. */
    RESULT("result", MailKind.RESULT, MailKind.CANCEL),
    /** Podlings: the vote on general@incubator. */
    IPMC_VOTE("ipmc-vote", MailKind.IPMC_VOTE),
    /** Podlings: its result. */
    IPMC_RESULT("ipmc-result", MailKind.IPMC_RESULT),
    /** After publishing (and a day for the mirrors): [ANNOUNCE]. */
    ANNOUNCE("announce", MailKind.ANNOUNCE);

    private final String id;
    private final List<MailKind> kinds;

    MailPane(String id, MailKind... kinds) {
        this.id = id;
        this.kinds = List.of(kinds);
    }

    /** The step id, as in release.json. */
    public String id() {
        return id;
    }

    /** The mails this pane writes; the first is shown on entering. */
    public List<MailKind> kinds() {
        return kinds;
    }

    /** The key prefix of this pane's text in messages.properties, e.g. {@code mail.vote}. */
    String key() {
        return "mail.pane." + id;
    }
}
