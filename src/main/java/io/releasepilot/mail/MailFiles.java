package io.releasepilot.mail;

import io.releasepilot.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Saves a ready mail as an {@code .eml} file (RFC 5322), which every mail client opens. */
public final class MailFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private MailFiles() {
    }

    /** The message as RFC 5322 bytes; refuses a draft that is not ready. */
    public static byte[] emlBytes(MailDraft draft) throws MailException {
        return MimeMessages.bytes(draft);
    }

    /** Writes the draft to {@code file} atomically; refuses a draft that is not ready. */
    public static Path writeEml(MailDraft draft, Path file) throws MailException {
        byte[] bytes = MimeMessages.bytes(draft);
        try {
            AtomicFiles.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new MailException("Could not write " + file + ": " + e.getMessage(),
                    "Check that you may write to the folder and that the disk is not full.", e);
        }
    }

    /** Saves the draft in the release's mail/ folder as {@code <kind>-<time>.eml}, never over another file. */
    public static Path saveInMailDir(MailDraft draft, Path mailDir) throws MailException {
        String stem = draft.kind().id() + "-" + STAMP.format(draft.date());
        Path file = mailDir.resolve(stem + ".eml");
        for (int n = 2; Files.exists(file); n++) {
            file = mailDir.resolve(stem + "-" + n + ".eml");
        }
        return writeEml(draft, file);
    }
}
