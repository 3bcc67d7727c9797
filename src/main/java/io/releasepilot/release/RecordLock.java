package io.releasepilot.release;

import io.releasepilot.core.DataFileException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds release.json for one read-modify-write: a lock of this process (threads) and a file lock on
 * {@code .release.json.lock} beside it (other processes). A second writer waits up to a bound, then fails
 * with a message that says who to wait for.
 */
final class RecordLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long WAIT_MILLIS = 30_000;
    private static final long POLL_MILLIS = 50;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private RecordLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    static RecordLock acquire(Path releaseFile) throws DataFileException {
        Path lockFile = releaseFile.resolveSibling("." + releaseFile.getFileName() + ".lock");
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                p -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw busy(releaseFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(releaseFile);
        }
        if (threadLock.getHoldCount() > 1) {
            return new RecordLock(threadLock, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return new RecordLock(threadLock, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(releaseFile);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new DataFileException("Could not lock " + releaseFile + " for writing: "
                    + io.releasepilot.core.IoMessages.reason(e), "Check that you may write to the release folder.", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw busy(releaseFile);
        } catch (DataFileException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    private static DataFileException busy(Path file) {
        return new DataFileException("Another Release Pilot (a window or a command) is writing " + file
                + " and did not finish within " + WAIT_MILLIS / 1000 + " seconds.",
                "Wait for it to finish, then try again. Nothing was changed.", null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing else to release
            }
        }
    }

    @Override
    public void close() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases it too
        } finally {
            closeQuietly(channel);
            threadLock.unlock();
        }
    }
}
