package io.releasepilot.keys;

import io.releasepilot.core.AtomicFiles;
import io.releasepilot.core.FileLocks;
import io.releasepilot.core.IoErrors;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.pgp.Fingerprint;
import io.releasepilot.pgp.KeyInfo;
import io.releasepilot.pgp.KeyRingSet;
import io.releasepilot.pgp.KeysReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Appends a key to a project's KEYS file the way ASF projects keep it: the {@code gpg --list-sigs} listing,
 * then the armored public key. Existing text is never rewritten: the new file is the old bytes plus the entry,
 * written atomically, then read back to confirm it holds every key it held before plus the new one. The file
 * is locked from the read to the check, so two appends at once both land; its mode and a symbolic link to it
 * are kept, and a read-only KEYS is refused.
 */
public final class KeysFileUpdate {

    /** What will be appended, shown before anything is written. */
    public record Preview(Path keysFile, Fingerprint key, String textToAppend, int keysBefore) {
    }

    /** What was done: the keys the file holds now. */
    public record Result(Path keysFile, int keysBefore, int keysAfter) {
    }

    /** The text a new KEYS file starts with, as every ASF project's KEYS does. */
    public static final String HEADER = """
            This file contains the PGP keys of various developers.

            Users: pgp < KEYS
                   gpg --import KEYS
            Developers:
                    pgp -kxa <your name> and append it to this file.
                    (pgpk -ll <your name> && pgpk -xa <your name>) >> this file.
                    (gpg --list-sigs <your name>
                         && gpg --armor --export <your name>) >> this file.

            """;

    private KeysFileUpdate() {
    }

    /** The entry for {@code key}: listing, blank line, armored block. */
    public static String entry(String listing, byte[] armoredPublicKey) {
        return listing + "\n" + new String(armoredPublicKey, StandardCharsets.US_ASCII).strip() + "\n";
    }

    public static Preview preview(Path keysFile, Fingerprint key, String entry) throws ReleasePilotException {
        String existing = read(keysFile);
        KeyRingSet before = KeysReader.parse(existing, keysFile.getFileName().toString());
        if (before.contains(key)) {
            throw new KeyAlreadyInKeysException("Key " + key.grouped() + " is already in " + keysFile + ".",
                    "Nothing to do: KEYS entries are never rewritten. To change an entry, ask the PMC.");
        }
        return new Preview(keysFile, key, separator(existing) + entry, before.size());
    }

    /** What goes before the entry: the usual header for a new (or empty) KEYS, else a blank line when needed. */
    private static String separator(String existing) {
        return existing.isEmpty() ? HEADER : existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
    }

    /** Appends as previewed, atomically, and confirms the result by reading it back. */
    public static Result append(Preview preview) throws ReleasePilotException {
        return append(preview, null);
    }

    /**
     * Like {@link #append(Preview)}; while another Release Pilot appends to the same file this one waits (and
     * says so through {@code onWait}), then appends the previewed entry after whatever the other one added.
     */
    public static Result append(Preview preview, Consumer<String> onWait) throws ReleasePilotException {
        return FileLocks.withLock(preview.keysFile(), onWait, () -> appendLocked(preview));
    }

    private static Result appendLocked(Preview preview) throws ReleasePilotException {
        Path file = preview.keysFile();
        String existing = read(file);
        KeyRingSet before = KeysReader.parse(existing, file.getFileName().toString());
        if (before.contains(preview.key())) {
            throw new ReleasePilotException("Key " + preview.key().grouped() + " is already in " + file + ".",
                    "Nothing to do: KEYS entries are never rewritten.");
        }
        String entry = preview.textToAppend();
        entry = (entry.startsWith(HEADER) ? entry.substring(HEADER.length()) : entry).replaceFirst("^\n+", "");
        byte[] old = existing.getBytes(StandardCharsets.ISO_8859_1);
        byte[] added = (separator(existing) + entry).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> {
                out.write(old);
                out.write(added);
            }, false);
        } catch (IOException e) {
            throw new ReleasePilotException("Could not write the KEYS file " + file + ": " + IoErrors.reason(e)
                    + ". It is unchanged.", IoErrors.fix(e, file), e);
        }
        KeyRingSet after = KeysReader.parse(read(file), file.getFileName().toString());
        Set<Fingerprint> expected = new LinkedHashSet<>(fingerprints(before.keys()));
        expected.add(preview.key());
        Set<Fingerprint> found = new LinkedHashSet<>(fingerprints(after.keys()));
        if (!found.equals(expected)) {
            throw new ReleasePilotException("After appending, " + file + " holds " + found.size() + " keys instead of "
                    + expected.size() + ".", "Check the file by hand (gpg --show-keys " + file + ").");
        }
        return new Result(file, before.size(), after.size());
    }

    private static List<Fingerprint> fingerprints(List<KeyInfo> keys) {
        return keys.stream().map(KeyInfo::fingerprint).collect(Collectors.toList());
    }

    private static String read(Path file) throws ReleasePilotException {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            IoErrors.Cause cause = IoErrors.cause(e);
            String fix = cause == IoErrors.Cause.NO_SUCH_FILE || cause == IoErrors.Cause.IS_A_FOLDER
                    ? "Give the path of the KEYS file (a checkout of dist/release/<project>/KEYS)."
                    : IoErrors.fix(e, file);
            throw new ReleasePilotException("Could not read the KEYS file " + file + ": " + IoErrors.reason(e) + ".",
                    fix, e);
        }
    }
}
