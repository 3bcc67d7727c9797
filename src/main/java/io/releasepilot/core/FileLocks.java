package io.releasepilot.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Serialises read-modify-write of a shared file (keyring, KEYS, settings, release.json) between processes and
 * threads: an exclusive {@link FileChannel} lock on {@code .<name>.lock} beside the file, plus an in-process lock
 * (FileChannel locks belong to the whole JVM). The caller re-reads the file inside {@link #withLock}. A second
 * writer waits, says so once through {@code onWait}, and gives up with a clear error after a bounded time.
 *
 * <p>The lock file stays (empty) after use: removing it would let a writer that opened the old file and one that
 * creates a new one both hold "the" lock. It is never read or written while locked, because on POSIX systems
 * closing any other handle on a locked file drops the process's lock.
 */
public final class FileLocks {
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** The work done under the lock. */
    @FunctionalInterface
    public interface Action<T, E extends Exception> {
        T run() throws E;
    }

    /** The lock file that guards {@code target}: {@code .<name>.lock} in the same folder. */
    public static Path lockFile(Path target) {
        Path real = realTarget(target);
        return real.resolveSibling("." + real.getFileName() + ".lock");
    }

    public static <T, E extends Exception> T withLock(Path target, Consumer<String> onWait, Action<T, E> action)
            throws E, DataFileException {
        return withLock(target, onWait, DEFAULT_WAIT, action);
    }

    public static <T, E extends Exception> T withLock(Path target, Consumer<String> onWait, Duration maxWait,
                                                      Action<T, E> action) throws E, DataFileException {
        Path real = realTarget(target);
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean[] told = {false};
        Runnable tell = () -> {
            if (!told[0]) {
                told[0] = true;
                if (onWait != null) {
                    onWait.accept("Waiting for another Release Pilot to finish writing " + real + "…");
                }
            }
        };
        ReentrantLock local = IN_PROCESS.computeIfAbsent(real, p -> new ReentrantLock());
        if (local.isHeldByCurrentThread()) {
            return action.run();
        }
        try {
            if (!local.tryLock()) {
                tell.run();
                if (!local.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw busy(real, maxWait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFileException("Stopped while waiting to write " + real + ".", "Run it again.", e);
        }
        try {
            Path lockFile = real.resolveSibling("." + real.getFileName() + ".lock");
            try (Held held = acquire(lockFile, deadline, tell, maxWait, real)) {
                return action.run();
            }
        } finally {
            local.unlock();
        }
    }

    private static DataFileException busy(Path real, Duration maxWait) {
        return new DataFileException("Another Release Pilot has been writing " + real + " for more than "
                + maxWait.toSeconds() + " seconds, so nothing was changed.",
                "Wait until the other Release Pilot (window or command) has finished, then run it again.",
                null);
    }

    /** A file lock held on the lock file; closing the channel releases it. */
    private record Held(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // Closing the channel releases the lock in any case.
            }
        }
    }

    private static Held acquire(Path lockFile, long deadline, Runnable tell, Duration maxWait, Path real)
            throws DataFileException {
        while (true) {
            FileChannel channel = null;
            try {
                Files.createDirectories(lockFile.getParent());
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new Held(channel, lock);
                }
                channel.close();
            } catch (OverlappingFileLockException e) {
                closeQuietly(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new DataFileException("Could not lock " + real + " for writing: " + IoErrors.reason(e) + ".",
                        IoErrors.fix(e, lockFile), e);
            }
            tell.run();
            if (System.nanoTime() > deadline) {
                throw busy(real, maxWait);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataFileException("Stopped while waiting to write " + real + ".", "Run it again.", e);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    /** The file a symlink points to (the lock must guard the real file), absolute and normalised. */
    static Path realTarget(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            int hops = 0;
            while (Files.isSymbolicLink(abs) && hops++ < 40) {
                abs = abs.resolveSibling(Files.readSymbolicLink(abs)).normalize();
            }
        } catch (IOException | UnsupportedOperationException e) {
            return abs;
        }
        return abs;
    }
}
