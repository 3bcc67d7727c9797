package io.releasepilot.mail;

import io.releasepilot.core.DataFileException;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.MailOutputs;
import io.releasepilot.release.NotesOutputs;
import io.releasepilot.release.RecordService;
import io.releasepilot.release.ReleaseRecord;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.StepId;
import io.releasepilot.release.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The mails of one release folder: composed from its release record and notes, saved in its mail/ folder,
 * sent by SMTP, and recorded (the vote's Message-ID, when it was sent and when it closes; the count then waits
 * until then). The command line and the Mail step both use it.
 */
public final class ReleaseMails {
    /** Release notes longer than this are not put into a mail (link them instead). */
    static final int MAX_NOTES_BYTES = 256 * 1024;
    private final Workspace ws;
    private final Clock clock;
    private final MailComposer composer;
    private final SmtpSender sender;
    private final RecordService records;

    public ReleaseMails(Workspace ws, Clock clock, SmtpSender sender) {
        this.ws = Objects.requireNonNull(ws, "ws");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.composer = new MailComposer(clock);
        this.sender = Objects.requireNonNull(sender, "sender");
        this.records = new RecordService(ws, new ReleaseStore(clock));
    }

    public Workspace workspace() {
        return ws;
    }

    /** The SMTP settings and typed values remembered from last time; null when none. */
    public MailSettings settings() throws DataFileException {
        return records.load().settings(StepId.VOTE, MailSettings.class);
    }

    /**
     * The values typed last time, with {@code given} over them. The RC date and the cherry-pick deadline default
     * to the timeline's (its planned RC date, and the branch's day a week before it).
     */
    public Map<MailInput, String> inputs(Map<MailInput, String> given) throws DataFileException {
        Map<MailInput, String> out = new EnumMap<>(MailInput.class);
        java.time.LocalDate rcDate = records.load().timeline().rcDate();
        if (rcDate != null) {
            out.put(MailInput.RC_DATE, rcDate.toString());
            out.put(MailInput.CHERRY_PICK_DEADLINE, rcDate.plusDays(io.releasepilot.release.Timeline.LAST_DAY_FOR_CHANGES).toString());
        }
        MailSettings s = settings();
        if (s != null) {
            s.values().forEach((k, v) -> MailInput.byKey(k).ifPresent(in -> out.put(in, v)));
        }
        out.putAll(given);
        return out;
    }

    /** What the mails are filled from: the record, the notes and the typed {@code inputs}. */
    public MailData data(Map<MailInput, String> inputs) throws ReleasePilotException {
        ReleaseRecord r = records.load();
        return RecordMailData.from(r, readNotes(r), inputs(inputs));
    }

    /** Composes {@code kind} now; see {@link MailComposer#compose}. */
    public MailDraft compose(MailKind kind, Map<MailInput, String> inputs, String announceOverride)
            throws ReleasePilotException {
        return composer.compose(kind, data(inputs), ws.mailDir(), announceOverride);
    }

    /** Saves a ready draft in the release's mail/ folder for sending from a mail client, and records it. */
    public Path save(MailDraft draft, Map<MailInput, String> inputs) throws ReleasePilotException {
        Path eml = MailFiles.saveInMailDir(draft, ws.mailDir());
        record(draft, eml, null, inputs);
        remember(inputs, null);
        return eml;
    }

    /** Writes a ready draft to {@code file} as well as to mail/ (where it is recorded). */
    public Path writeTo(MailDraft draft, Path file, Map<MailInput, String> inputs) throws ReleasePilotException {
        MailFiles.writeEml(draft, file);
        return save(draft, inputs);
    }

    /**
     * Sends a ready draft, keeps a copy of what was sent in mail/ and records it. {@code password} is used for
     * the login only; the caller clears it.
     */
    public SmtpSender.Receipt send(MailDraft draft, SmtpSettings settings, char[] password,
                                   Map<MailInput, String> inputs) throws ReleasePilotException {
        SmtpSender.Receipt receipt = sender.send(draft, settings, password);
        Path eml = MailFiles.saveInMailDir(draft, ws.mailDir());
        record(draft, eml, receipt.sentAt(), inputs);
        remember(inputs, settings);
        return receipt;
    }

    /**
     * Copies the built-in template of {@code kind} to {@code mail/templates/<kind>.txt} to edit for this release;
     * an existing one is left as it is. Returns the file.
     */
    public Path customizeTemplate(MailKind kind) throws MailException {
        Path file = ws.mailDir().resolve(MailTemplate.OVERRIDE_DIR).resolve(kind.templateFileName());
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return file;
        }
        try {
            io.releasepilot.core.AtomicFiles.write(file, MailTemplate.builtInText(kind).getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new MailException("Could not write " + file + ": " + e.getMessage(),
                    "Check that you may write to the release folder.", e);
        }
    }

    /** A mail that was sent, as it went out. */
    public record Sent(MailDraft draft, SmtpSender.Receipt receipt) {
    }

    /**
     * Composes {@code kind} again right before sending, so that its Date and the vote deadline count from the
     * moment it goes out (not from when the preview was made or the password typed), then sends it.
     *
     * @throws MailException when it is no longer ready (the message lists what is missing)
     */
    public Sent composeAndSend(MailKind kind, Map<MailInput, String> inputs, String announceOverride,
                               SmtpSettings settings, char[] password) throws ReleasePilotException {
        MailDraft fresh = compose(kind, inputs, announceOverride);
        return new Sent(fresh, send(fresh, settings, password, inputs));
    }

    private void record(MailDraft d, Path eml, Instant sentAt, Map<MailInput, String> inputs)
            throws DataFileException {
        if (d.kind() == MailKind.CANCEL) {
            String reason = inputs(inputs).getOrDefault(MailInput.CANCEL_REASON, "");
            records.failed(StepId.VOTE, "The vote was cancelled" + (reason.isBlank() ? "." : ": " + reason.strip()));
            return;
        }
        StepId step = switch (d.kind()) {
            case PLAN -> StepId.PLAN;
            case VOTE -> StepId.VOTE;
            case RESULT -> StepId.RESULT;
            case IPMC_VOTE -> StepId.IPMC_VOTE;
            case IPMC_RESULT -> StepId.IPMC_RESULT;
            case ANNOUNCE -> StepId.ANNOUNCE;
            default -> null;
        };
        if (step == null) {
            return;
        }
        // The plan, the vote and the other mails are recorded when saved as a draft (sent: false) and again when sent.
        MailOutputs out = new MailOutputs(d.kind().id(), d.messageId(), d.subject(), d.from(), d.to(), sentAt,
                d.closesAt(), ws.dir().relativize(eml.toAbsolutePath()).toString().replace('\\', '/'),
                sentAt != null);
        records.done(step, out);
        if (d.kind().opensVote()) {
            records.waiting(d.kind() == MailKind.VOTE ? StepId.TALLY : StepId.IPMC_TALLY, d.closesAt(), null);
        }
    }

    private void remember(Map<MailInput, String> inputs, SmtpSettings smtp) throws DataFileException {
        MailSettings old = settings();
        Map<String, String> values = new HashMap<>(old == null ? Map.of() : old.values());
        inputs.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                values.remove(k.key());
            } else {
                values.put(k.key(), v.strip());
            }
        });
        MailSettings next = smtp != null
                ? new MailSettings(smtp.host(), smtp.port(), smtp.security().id(), smtp.username(), values)
                : old != null ? new MailSettings(old.smtpHost(), old.smtpPort(), old.security(), old.username(), values)
                : new MailSettings(null, 0, null, null, values);
        records.saveSettings(StepId.VOTE, next);
    }

    /** The remembered SMTP settings, else the defaults for an apache.org sender. */
    public SmtpSettings smtpSettings() throws ReleasePilotException {
        MailSettings s = settings();
        if (s != null && s.smtpHost() != null && s.smtpPort() > 0) {
            return SmtpSettings.parse(s.smtpHost() + ":" + s.smtpPort(), s.security(), s.username());
        }
        return SmtpSettings.apacheDefaults(records.load().profile().rmApacheId());
    }

    /** The notes the Notes step recorded, else the default draft file; null when there are none. */
    private String readNotes(ReleaseRecord r) throws MailException {
        NotesOutputs notes = r.outputs(StepId.NOTES, NotesOutputs.class);
        Path file = notes != null && notes.file() != null ? ws.dir().resolve(notes.file()).normalize()
                : ws.notesDir().resolve("RELEASE-NOTES-" + r.profile().version() + ".md");
        if (!file.startsWith(ws.dir()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_NOTES_BYTES + 1);
            if (bytes.length > MAX_NOTES_BYTES) {
                throw new MailException("The release notes " + file + " are longer than " + MAX_NOTES_BYTES / 1024
                        + " KiB, too long for a mail.", "Shorten them, or link them from the mail template instead of"
                        + " ${releaseNotes}.");
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MailException("Could not read the release notes " + file + ": " + e.getMessage(),
                    "Check that you may read the file.", e);
        }
    }

    /** When the clock says it is; for callers that show times. */
    public Instant now() {
        return clock.instant();
    }
}
