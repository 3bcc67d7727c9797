package io.releasepilot.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders that never outlive the app: each is deleted by its user in {@code finally}, and any still
 * there when the JVM shuts down (Ctrl-C, window closed mid-way) is deleted by a shutdown hook.
 */
public final class TempFolders {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFolders::deleteAllAtExit, "release-pilot-temp-cleanup"));
    }

    private TempFolders() {
    }

    /** A new folder in the system's temp folder, deleted at the latest when the JVM exits. */
    public static Path create(String prefix) throws IOException {
        return create(null, prefix);
    }

    /** A new folder in {@code root} (null: the system's temp folder), deleted at the latest when the JVM exits. */
    public static Path create(Path root, String prefix) throws IOException {
        Path dir = root == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(root, prefix);
        LIVE.add(dir);
        return dir;
    }

    /**
     * Creates {@code dir} and its missing parents below {@code root} (a folder from {@link #create}), but never
     * {@code root} itself: once the shutdown hook has deleted {@code root}, a thread still unpacking into it gets
     * an {@link IOException} instead of bringing the folder back after the hook is done.
     */
    public static void createFoldersBelow(Path root, Path dir) throws IOException {
        if (dir.equals(root) || Files.isDirectory(dir)) {
            if (!Files.isDirectory(root)) {
                throw new java.nio.file.NoSuchFileException(root.toString());
            }
            return;
        }
        if (!dir.startsWith(root)) {
            throw new IOException(dir + " is not inside " + root);
        }
        createFoldersBelow(root, dir.getParent());
        try {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Deletes {@code dir} and everything in it, as far as possible; null is ignored. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        deleteTree(dir);
        if (!Files.exists(dir)) {
            LIVE.remove(dir);
        }
    }

    /** At exit other threads may still be writing into a folder: try a few times until every folder is gone. */
    private static void deleteAllAtExit() {
        for (int attempt = 0; attempt < 20 && !LIVE.isEmpty(); attempt++) {
            for (Path dir : LIVE) {
                deleteTree(dir);
                if (!Files.exists(dir)) {
                    LIVE.remove(dir);
                }
            }
            if (!LIVE.isEmpty()) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left for the shutdown hook's second try.
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // Left for the shutdown hook's second try.
        }
    }
}
