package io.releasepilot.mail;

import java.util.Objects;

/**
 * One value a template can use: its text, or, when it is not known yet, where it will come from
 * ("commit id — from the Source step (not done yet)").
 *
 * @param label  what the value is, in plain words ("commit id")
 * @param text   the value, or null when it is missing
 * @param source where the value comes from; shown when it is missing
 */
public record MailValue(String label, String text, String source) {
    public MailValue {
        Objects.requireNonNull(label, "label");
        source = source == null ? "" : source;
    }

    public static MailValue of(String label, String text) {
        return new MailValue(label, Objects.requireNonNull(text, label), "");
    }

    public static MailValue missing(String label, String source) {
        return new MailValue(label, null, Objects.requireNonNull(source, "source"));
    }

    /** {@code text} when not null or blank, else missing with {@code source}. */
    public static MailValue orMissing(String label, String text, String source) {
        return text == null || text.isBlank() ? missing(label, source) : of(label, text);
    }

    public boolean isMissing() {
        return text == null;
    }

    /** "commit id — from the Source step (not done yet)" */
    public String missingText() {
        return label + " — " + source;
    }
}
