package io.releasepilot.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns Java's I/O exceptions, which often carry only a path ({@code AccessDeniedException: /x}), into the reason
 * in words (permission denied, no such file, is a folder, disk full) and the fix that fits that reason.
 */
public final class IoErrors {
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    /** Why it failed. */
    public enum Cause {
        PERMISSION_DENIED, READ_ONLY_FILE, NO_SUCH_FILE, NOT_A_FOLDER, IS_A_FOLDER, DISK_FULL, READ_ONLY_FILE_SYSTEM,
        EXISTS, OTHER
    }

    private IoErrors() {
    }

    public static Cause cause(IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
            return Cause.DISK_FULL;
        }
        if (lower.contains("read-only file system")) {
            return Cause.READ_ONLY_FILE_SYSTEM;
        }
        if (lower.contains("the file is read-only")) {
            return Cause.READ_ONLY_FILE;
        }
        if (lower.contains("is a directory")) {
            return Cause.IS_A_FOLDER;
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return Cause.NOT_A_FOLDER;
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("operation not permitted")) {
            return Cause.PERMISSION_DENIED;
        }
        if (e instanceof NoSuchFileException || e instanceof java.io.FileNotFoundException
                && lower.contains("no such file")) {
            return Cause.NO_SUCH_FILE;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException) {
            return Cause.EXISTS;
        }
        return Cause.OTHER;
    }

    /** The reason in words, e.g. "permission denied". */
    public static String reason(IOException e) {
        return switch (cause(e)) {
            case PERMISSION_DENIED -> "permission denied";
            case READ_ONLY_FILE -> "the file is read-only";
            case NO_SUCH_FILE -> "no such file or folder";
            case NOT_A_FOLDER -> "a part of the path is a file, not a folder";
            case IS_A_FOLDER -> "it is a folder, not a file";
            case DISK_FULL -> "the disk is full";
            case READ_ONLY_FILE_SYSTEM -> "the disk is mounted read-only";
            case EXISTS -> "it already exists";
            case OTHER -> other(e);
        };
    }

    private static String other(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "the symbolic links form a loop";
        }
        String text = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }
        return redact(text);
    }

    /** What to do about it, for a file the app reads or writes at {@code path}. */
    public static String fix(IOException e, Path path) {
        Path where = path == null ? null : path.toAbsolutePath();
        return switch (cause(e)) {
            case PERMISSION_DENIED -> "Check that you may " + (where != null && Files.isDirectory(where) ? "use the"
                    + " folder " : "read and write ") + where + " (ls -l shows its owner and mode), or choose another"
                    + " place.";
            case READ_ONLY_FILE -> "It was left unchanged. If it should change, make it writable first (chmod u+w "
                    + where + ").";
            case NO_SUCH_FILE -> "Check the path" + (where == null ? "" : " " + where) + ": it, or a folder above it,"
                    + " does not exist.";
            case NOT_A_FOLDER -> "A file stands where a folder is expected in " + where + "; give a folder, or move"
                    + " the file aside.";
            case IS_A_FOLDER -> "Give the path of a file, not of a folder.";
            case DISK_FULL -> "Free some disk space, then run it again. Nothing was half-written.";
            case READ_ONLY_FILE_SYSTEM -> "Choose a place on a writable disk.";
            case EXISTS -> "Move the existing file aside, or choose another name.";
            case OTHER -> "Check " + where + " and run it again.";
        };
    }

    /** "Could not read X: permission denied." plus the fitting fix, as one exception. */
    public static ReleasePilotException failure(String what, Path path, IOException e) {
        return new ReleasePilotException(what + " " + path + ": " + reason(e) + ".", fix(e, path), e);
    }

    /** Like {@link #failure} for the files the app keeps (keyring, settings, release.json). */
    public static DataFileException dataFailure(String what, Path path, IOException e) {
        return new DataFileException(what + " " + path + ": " + reason(e) + ".", fix(e, path), e);
    }

    /** Removes credentials embedded in URLs ({@code https://user:token@host} → {@code https://***@host}). */
    public static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1***@");
    }
}
