package io.releasepilot.mail;

import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.release.ReleaseProfile;
import io.releasepilot.release.ReleaseStore;
import io.releasepilot.release.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The mails of one release folder: composed from its release.json and notes, saved in its mail/ folder, sent
 * by SMTP. The command line and the Mail step both use it.
 */
public final class ReleaseMails {
    /** Release notes longer than this are not put into a mail (link them instead). */
    static final int MAX_NOTES_BYTES = 256 * 1024;
    private final Workspace ws;
    private final MailComposer composer;
    private final SmtpSender sender;

    public ReleaseMails(Workspace ws, Clock clock, SmtpSender sender) {
        this.ws = Objects.requireNonNull(ws, "ws");
        this.composer = new MailComposer(clock);
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    public Workspace workspace() {
        return ws;
    }

    /** What the mails are filled from: the profile, the notes draft and the typed {@code inputs}. */
    public MailData data(Map<MailInput, String> inputs) throws ReleasePilotException {
        ReleaseProfile profile = new ReleaseStore().load(ws).profile();
        return MailData.of(profile).withNotes(readNotes(profile)).withInputs(inputs);
    }

    /** Composes {@code kind} now; see {@link MailComposer#compose}. */
    public MailDraft compose(MailKind kind, Map<MailInput, String> inputs, String announceOverride)
            throws ReleasePilotException {
        return composer.compose(kind, data(inputs), ws.mailDir(), announceOverride);
    }

    /** Saves a ready draft in the release's mail/ folder. */
    public Path save(MailDraft draft) throws MailException {
        return MailFiles.saveInMailDir(draft, ws.mailDir());
    }

    /** Writes a ready draft to {@code file}. */
    public Path writeTo(MailDraft draft, Path file) throws MailException {
        return MailFiles.writeEml(draft, file);
    }

    /** Sends a ready draft and keeps a copy of what was sent in mail/. {@code password} is not kept. */
    public SmtpSender.Receipt send(MailDraft draft, SmtpSettings settings, char[] password) throws MailException {
        SmtpSender.Receipt receipt = sender.send(draft, settings, password);
        save(draft);
        return receipt;
    }

    private String readNotes(ReleaseProfile profile) throws MailException {
        Path file = ws.notesDir().resolve("RELEASE-NOTES-" + profile.version() + ".md");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
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
}
