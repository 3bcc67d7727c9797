package io.releasepilot.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a crash, a full disk or an error never leaves a truncated file behind: the bytes go to
 * a temporary file in the same folder, are forced to disk, and the temporary file is then moved over the
 * target in one step.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Callback that writes the content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), false);
    }

    /** Like {@link #write(Path, byte[])}, and the file is readable and writable by its owner only. */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), true);
    }

    /**
     * Writes through {@code writer} to a temporary file beside {@code target}, then moves it into place.
     * On any failure the temporary file is removed and {@code target} is left as it was.
     */
    public static void write(Path target, Writer writer, boolean ownerOnly) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString(), ownerOnly);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static Path createTemp(Path dir, String name, boolean ownerOnly) throws IOException {
        String prefix = "." + name + ".";
        if (ownerOnly && supportsPosix(dir)) {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Path temp = Files.createTempFile(dir, prefix, ".tmp");
        if (ownerOnly) {
            restrictToOwner(temp);
        }
        return temp;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes {@code file} readable and writable by its owner only, as far as the file system allows. */
    public static void restrictToOwner(Path file) throws IOException {
        if (supportsPosix(file.toAbsolutePath().getParent())) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            var f = file.toFile();
            boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!ok) {
                throw new IOException("Could not restrict " + file + " to its owner");
            }
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
