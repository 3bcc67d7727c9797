package io.releasepilot.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The private temporary folder an archive's file heads go to, under numbered names, deleted afterwards. A failure
 * to create or write it is a {@link LocalProblem}: this machine's, never the candidate's.
 */
final class TempFolder implements AutoCloseable {
    /** The temporary folder cannot be made or written (full disk, no permission): the check could not be made. */
    static final class LocalProblem extends IOException {
        private static final long serialVersionUID = 1L;

        LocalProblem(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private int next;

    private TempFolder(Path dir) {
        this.dir = dir;
    }

    static TempFolder create(Path root) throws LocalProblem {
        try {
            return new TempFolder(io.releasepilot.core.TempFolders.create(root, "release-pilot-verify-"));
        } catch (IOException | SecurityException e) {
            String where = root != null ? root.toString() : System.getProperty("java.io.tmpdir");
            throw new LocalProblem("The temporary folder " + where + " cannot be used (" + describe(e) + "), so the"
                    + " archive's content could not be checked. This is a problem of this machine, not of the"
                    + " candidate: free some space or point java.io.tmpdir at a writable folder, then check again.",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    Path dir() {
        return dir;
    }

    /** A new, empty file for the next kept head. */
    Path newFile() {
        return dir.resolve("f" + next++);
    }

    /** Opens {@code file} for writing; a failure is a {@link LocalProblem}. */
    OutputStream open(Path file) throws LocalProblem {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    LocalProblem failure(IOException e) {
        return new LocalProblem("Writing to the temporary folder " + dir.getParent() + " failed (" + describe(e)
                + "), so the archive's content could not be checked. This is a problem of this machine, not of"
                + " the candidate: free some space or point java.io.tmpdir at a writable folder, then check again.", e);
    }

    private static String describe(Exception e) {
        if (e instanceof IOException ioe) {
            return io.releasepilot.core.IoErrors.reason(ioe);
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Deletes the folder now (and, should that fail, at the latest when the JVM exits). */
    @Override
    public void close() {
        io.releasepilot.core.TempFolders.delete(dir);
    }
}
