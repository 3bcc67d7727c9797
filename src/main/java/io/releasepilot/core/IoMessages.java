package io.releasepilot.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why a file operation failed. Java's file exceptions often carry only the path as their
 * message ("X: X"), or nothing at all; users need the reason.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /** "permission denied", "no such file or folder", "no space left on the disk", … */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (text == null || text.isBlank()) {
            return e.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        }
        if (text.contains("No space left on device")) {
            return "no space left on the disk";
        }
        if (text.contains("Is a directory")) {
            return "it is a folder, not a file";
        }
        if (text.contains("Read-only file system")) {
            return "the disk is read-only";
        }
        return text;
    }
}
