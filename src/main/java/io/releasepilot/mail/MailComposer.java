package io.releasepilot.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Fills a mail's template from the release's data. The result always comes back, ready or not: the preview
 * shows what is missing and where it comes from.
 */
public final class MailComposer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;

    public MailComposer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Composes {@code kind} now.
     *
     * @param mailDir          the release's mail/ folder, for its own templates; null for the built-in ones
     * @param announceOverride why the announcement goes out before 24 hours after publishing; null or empty
     *                         to wait
     * @throws MailException when the release's template cannot be read or uses a name that does not exist
     */
    public MailDraft compose(MailKind kind, MailData data, Path mailDir, String announceOverride)
            throws MailException {
        MailTemplate template = MailTemplate.load(kind, mailDir);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, MailValue> values = MailFacts.values(kind, data, now);
        MailTemplate.Rendered r = template.render(values);
        if (!r.unknown().isEmpty()) {
            throw new MailException(template.origin() + " uses "
                    + r.unknown().stream().map(n -> "${" + n + "}").collect(Collectors.joining(", "))
                    + ", which " + (r.unknown().size() == 1 ? "is not a known value" : "are not known values") + ".",
                    "docs/mail-templates.md lists the values; write $${name} for a literal ${name}.");
        }
        List<String> missing = new ArrayList<>(r.missing());
        List<String> blockers = new ArrayList<>(MailFacts.blockers(kind, data, now, announceOverride));

        String from = "";
        String messageId = null;
        MailValue name = values.get("rmName");
        MailValue email = values.get("rmEmail");
        if (email.isMissing() || name.isMissing()) {
            (email.isMissing() ? List.of(email) : List.<MailValue>of()).forEach(v -> addOnce(missing, v.missingText()));
            (name.isMissing() ? List.of(name) : List.<MailValue>of()).forEach(v -> addOnce(missing, v.missingText()));
        } else {
            try {
                InternetAddress address = new InternetAddress(email.text(), name.text(), StandardCharsets.UTF_8.name());
                address.validate();
                from = address.toUnicodeString();
                messageId = newMessageId(email.text());
            } catch (AddressException | UnsupportedEncodingException e) {
                blockers.add("Your email in the profile, \"" + MailTemplate.escape(email.text())
                        + "\", is not a valid address.");
            }
        }

        String inReplyTo = null;
        if (kind.repliesTo().isPresent()) {
            SentMail parent = kind.repliesTo().get() == MailKind.IPMC_VOTE ? data.ipmcVote() : data.devVote();
            if (parent == null) {
                addOnce(missing, "Message-ID of the " + kind.repliesTo().get().label() + " mail — from the "
                        + kind.repliesTo().get().id() + " step: send or save that mail first (not done yet)");
            } else {
                inReplyTo = parent.messageId();
            }
        }

        String subject = r.headers().get("subject");
        if (subject.contains("\n") || subject.contains("\r")) {
            blockers.add("The subject would span lines; a value in it contains a line break.");
            subject = subject.replaceAll("[\\r\\n]+", " ");
        }
        List<String> to = addresses("To", r.headers().get("to"), blockers);
        List<String> cc = addresses("Cc", r.headers().getOrDefault("cc", ""), blockers);
        if (to.isEmpty() && r.missing().isEmpty()) {
            blockers.add("The mail has no recipient (To: is empty).");
        }
        Instant closesAt = kind.opensVote() ? VoteDeadline.after(now).closesAt() : null;
        return new MailDraft(kind, from, to, cc, subject, r.body(), missing, blockers, messageId, inReplyTo, now,
                closesAt, template.origin());
    }

    private static void addOnce(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    /** Splits a filled To/Cc header on commas; a part still holding ${...} is missing (reported already). */
    private static List<String> addresses(String header, String value, List<String> blockers) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String a = part.strip();
            if (a.isEmpty() || a.contains("${")) {
                continue;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(a, true);
                for (InternetAddress ia : parsed) {
                    ia.validate();
                    out.add(ia.toUnicodeString());
                }
            } catch (AddressException e) {
                blockers.add(header + ": \"" + MailTemplate.escape(a) + "\" is not an email address.");
            }
        }
        return out;
    }

    /** {@code <random@domain of the sender>}, as RFC 5322 asks: unique, and on a domain the sender uses. */
    static String newMessageId(String senderEmail) {
        String domain = senderEmail.substring(senderEmail.lastIndexOf('@') + 1);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "<release-pilot." + HexFormat.of().formatHex(random) + "@" + domain + ">";
    }
}
