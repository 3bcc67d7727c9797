package io.releasepilot.cli;

import io.releasepilot.core.IoErrors;
import io.releasepilot.core.Passphrase;
import io.releasepilot.core.ReleasePilotException;
import io.releasepilot.keys.PassphraseStrength;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads passphrases from a file (first line) or the console, as characters that are cleared after use. */
final class Passphrases {
    private Passphrases() {
    }

    static Passphrase read(Path file, String prompt, boolean confirm, boolean allowEmpty, java.io.PrintWriter err)
            throws ReleasePilotException {
        if (file != null) {
            warnIfOthersCanRead(file, err);
        }
        char[] chars = file != null ? fromFile(file) : fromConsole(prompt, confirm);
        try {
            if (chars.length == 0 && !allowEmpty) {
                throw new ReleasePilotException("An empty passphrase was given.",
                        "Without a passphrase anyone who copies the key file can sign as you. Choose one, or add"
                                + " --allow-empty-passphrase if you really must.");
            }
            if (confirm) {
                err.println("Passphrase strength: " + PassphraseStrength.of(chars).advice());
            }
            return new Passphrase(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * The password or token for one git push: from {@code file}'s first line, or none (an empty array: JGit then
     * tries the remote without one). The caller clears it after the push.
     */
    static char[] gitPushPassword(Path file, java.io.PrintWriter err) throws ReleasePilotException {
        if (file == null) {
            return new char[0];
        }
        try (Passphrase pw = read(file, "Password", false, true, err)) {
            return pw.chars().clone();
        }
    }

    /** A passphrase file holds one line; anything larger is not a passphrase file (or is /dev/zero). */
    static final int MAX_FILE_BYTES = 4096;

    private static char[] fromFile(Path file) throws ReleasePilotException {
        if (Files.isDirectory(file)) {
            throw new ReleasePilotException("Could not read the passphrase file " + file + ": it is a folder, not a"
                    + " file.", "Give --passphrase-file the path of a file whose first line is the passphrase.");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ReleasePilotException("Could not read the passphrase file " + file + ": it is not a regular"
                    + " file (a device or a pipe).", "Give --passphrase-file the path of a file whose first line is"
                    + " the passphrase.");
        }
        byte[] bytes = null;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new ReleasePilotException("The passphrase file " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes, so it was not read.", "Give a file whose first line is the passphrase, and"
                        + " nothing much else.");
            }
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, start, end - start));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            return chars;
        } catch (IOException e) {
            throw new ReleasePilotException("Could not read the passphrase file " + file + ": "
                    + IoErrors.reason(e) + ".", IoErrors.fix(e, file), e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /** Warns when the group or others may read {@code file} (POSIX file systems only; elsewhere says nothing). */
    static void warnIfOthersCanRead(Path file, java.io.PrintWriter err) {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        if (perms.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)
                || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
            err.println("Warning: other users can read the passphrase file " + file + " ("
                    + java.nio.file.attribute.PosixFilePermissions.toString(perms) + "). Make it yours only: chmod 600 "
                    + file);
        }
    }

    private static char[] fromConsole(String prompt, boolean confirm) throws ReleasePilotException {
        Console console = System.console();
        if (console == null) {
            throw new ReleasePilotException("There is no console to ask for the passphrase.",
                    "Run it in a terminal, or give --passphrase-file FILE (a file only you can read).");
        }
        char[] first = console.readPassword("%s: ", prompt);
        if (first == null) {
            throw new ReleasePilotException("No passphrase was typed.", "Run the command again.");
        }
        if (confirm) {
            char[] again = console.readPassword("Repeat it: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new ReleasePilotException("The two passphrases differ.", "Run the command again.");
            }
        }
        return first;
    }
}
