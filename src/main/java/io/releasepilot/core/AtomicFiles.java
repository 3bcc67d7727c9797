package io.releasepilot.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes files so that a crash, a full disk or an error never leaves a truncated file behind: the bytes go to
 * a temporary file in the same folder, are forced to disk, and the temporary file is then moved over the
 * target in one step.
 *
 * <p>Replacing a file keeps what it was: its mode (and owner and group where the system allows), and a symbolic
 * link stays a link while the file it points to is replaced. A file its owner may not write (read-only) is
 * refused and left alone. New files get the user's usual permissions (the umask); key material is written with
 * {@link #writePrivate} and is readable by its owner only.
 *
 * <p>{@link #group()} writes several files all-or-nothing: every temporary file first, then the moves; if one
 * fails, the files already moved are put back and no temporary file is left.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

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
        try (Group group = group()) {
            group.write(target, writer, ownerOnly);
            group.commit();
        }
    }

    /** A set of files written together: all or none. Use in try-with-resources and call {@link Group#commit()}. */
    public static Group group() {
        return new Group();
    }

    /** Files written together; nothing replaces a target before {@link #commit()}. */
    public static final class Group implements AutoCloseable {
        private record Entry(Path target, Path temp) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private boolean committed;

        private Group() {
        }

        /**
         * A new empty temporary file for {@code target} (in the real target's folder, with the mode the target
         * will have) for the caller to fill; it replaces the target on {@link #commit()}.
         */
        public Path newTemp(Path target, boolean ownerOnly) throws IOException {
            if (committed) {
                throw new IllegalStateException("already committed");
            }
            Path real = realTarget(target);
            refuseReadOnly(real);
            Files.createDirectories(real.getParent());
            Path temp = createTemp(real, ownerOnly);
            entries.add(new Entry(real, temp));
            copyAttributes(real, temp, ownerOnly);
            return temp;
        }

        /** Writes {@code content} for {@code target} to a temporary file now; see {@link #commit()}. */
        public void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
            write(target, out -> out.write(content), ownerOnly);
        }

        public void write(Path target, Writer writer, boolean ownerOnly) throws IOException {
            Path temp = newTemp(target, ownerOnly);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(out);
                out.flush();
                channel.force(true);
            }
        }

        /** Forces every temporary file to disk, then moves each over its target; on failure restores them all. */
        public void commit() throws IOException {
            if (committed) {
                return;
            }
            for (Entry e : entries) {
                try (FileChannel channel = FileChannel.open(e.temp(), StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            List<Path> backups = new ArrayList<>();
            int moved = 0;
            try {
                for (Entry e : entries) {
                    backups.add(backup(e.target()));
                }
                for (Entry e : entries) {
                    move(e.temp(), e.target());
                    moved++;
                }
                committed = true;
            } catch (IOException failure) {
                for (int i = 0; i < moved; i++) {
                    restore(entries.get(i).target(), backups.get(i), failure);
                }
                throw failure;
            } finally {
                for (Path b : backups) {
                    if (b != null) {
                        deleteQuietly(b);
                    }
                }
            }
        }

        /** Removes the temporary files if {@link #commit()} was not called or failed. */
        @Override
        public void close() {
            for (Entry e : entries) {
                deleteQuietly(e.temp());
            }
        }

        private static Path backup(Path target) throws IOException {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            Path backup = target.resolveSibling("." + target.getFileName() + "." + random() + ".old");
            try {
                Files.createLink(backup, target);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return backup;
        }

        private static void restore(Path target, Path backup, IOException failure) {
            try {
                if (backup == null) {
                    Files.deleteIfExists(target);
                } else {
                    move(backup, target);
                }
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The file a symbolic link points to (followed to the end), absolute; the target itself if it is none. */
    public static Path realTarget(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        int hops = 0;
        while (Files.isSymbolicLink(p)) {
            if (++hops > 40) {
                throw new java.nio.file.FileSystemLoopException(target.toString());
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    private static void refuseReadOnly(Path real) throws IOException {
        if (!Files.exists(real)) {
            return;
        }
        if (Files.isDirectory(real)) {
            throw new java.nio.file.FileSystemException(real.toString(), null, "Is a directory");
        }
        boolean readOnly = !Files.isWritable(real);
        if (!readOnly && supportsPosix(real.getParent())) {
            readOnly = !Files.getPosixFilePermissions(real).contains(PosixFilePermission.OWNER_WRITE);
        }
        if (readOnly) {
            throw new AccessDeniedException(real.toString(), null, "the file is read-only");
        }
    }

    private static Path createTemp(Path real, boolean ownerOnly) throws IOException {
        Path dir = real.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + real.getFileName() + "." + random() + ".tmp");
            try {
                if (ownerOnly && supportsPosix(dir)) {
                    return Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                }
                Files.createFile(temp);
                if (ownerOnly) {
                    restrictToOwner(temp);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Gives the temporary file the target's mode, owner and group (as far as allowed); key files stay 0600. */
    private static void copyAttributes(Path real, Path temp, boolean ownerOnly) throws IOException {
        if (!Files.exists(real) || !supportsPosix(real.getParent())) {
            return;
        }
        PosixFileAttributes attrs = Files.readAttributes(real, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        try {
            if (!attrs.group().equals(Files.readAttributes(temp, PosixFileAttributes.class).group())) {
                view.setGroup(attrs.group());
            }
            if (!attrs.owner().equals(Files.getOwner(temp))) {
                view.setOwner(attrs.owner());
            }
        } catch (IOException e) {
            // Only root may give a file away; the file then belongs to the user who wrote it.
        }
        if (!ownerOnly) {
            view.setPermissions(attrs.permissions());
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String random() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            p.toFile().deleteOnExit();
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
