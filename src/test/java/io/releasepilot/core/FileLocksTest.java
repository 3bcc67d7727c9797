package io.releasepilot.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileLocksTest {
    @TempDir
    Path dir;

    @Test
    void readModifyWriteFromManyThreadsLosesNoUpdate() throws Exception {
        Path counter = dir.resolve("counter");
        Files.writeString(counter, "0");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> FileLocks.withLock(counter, null, () -> {
                    int n = Integer.parseInt(Files.readString(counter));
                    Thread.yield();
                    AtomicFiles.write(counter, String.valueOf(n + 1).getBytes());
                    return null;
                })));
            }
            for (Future<Object> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readString(counter)).isEqualTo("200");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no temp file is left, only the empty lock file")
                    .containsExactlyInAnyOrder(counter, FileLocks.lockFile(counter));
        }
    }

    @Test
    void aSecondWriterSaysItWaitsThenGivesUpClearly() throws Exception {
        Path keys = dir.resolve("KEYS");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                FileLocks.withLock(keys, null, () -> {
                    held.countDown();
                    release.await();
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        held.await();
        List<String> heard = new CopyOnWriteArrayList<>();
        try {
            assertThatThrownBy(() -> FileLocks.withLock(keys, heard::add, Duration.ofMillis(300), () -> "written"))
                    .isInstanceOf(DataFileException.class)
                    .hasMessage("Another Release Pilot has been writing " + keys + " for more than 0 seconds, so"
                            + " nothing was changed.");
            assertThat(heard).containsExactly("Waiting for another Release Pilot to finish writing " + keys + "…");
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(FileLocks.withLock(keys, heard::add, () -> "written")).isEqualTo("written");
        assertThat(FileLocks.lockFile(keys)).isEmptyFile();
    }

    @Test
    void theSameThreadMayTakeTheLockAgain() throws Exception {
        Path file = dir.resolve("settings.json");
        String inner = FileLocks.withLock(file, null, () -> FileLocks.withLock(file, null, () -> "nested"));
        assertThat(inner).isEqualTo("nested");
    }
}
