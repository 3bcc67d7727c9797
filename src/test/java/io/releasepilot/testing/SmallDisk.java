package io.releasepilot.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A small tmpfs mounted for one test, to make a real "No space left on device". Needs root and a kernel that
 * lets this process mount; otherwise the test is skipped with the reason (CI runs as root).
 */
public final class SmallDisk implements AutoCloseable {
    public static final int PAGE = 4096;
    private final Path mountPoint;
    private final Path filler;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve(".filler");
    }

    /** Mounts a tmpfs of {@code kib} KiB at {@code mountPoint} (created), or skips the test saying why. */
    public static SmallDisk mount(Path mountPoint, int kib) throws IOException {
        Tools.Result id = Tools.run(null, List.of("id", "-u"));
        Assumptions.assumeTrue(id.out().strip().equals("0"), "disk-full tests mount a tmpfs and need root;"
                + " skipped as user " + id.out().strip());
        Files.createDirectories(mountPoint);
        Tools.Result r = Tools.run(null, List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0755", "tmpfs",
                mountPoint.toString()));
        Assumptions.assumeTrue(r.exitCode() == 0, "mount -t tmpfs is not permitted here (" + r.err().strip()
                + "); disk-full tests skipped");
        Tools.Result page = Tools.run(null, List.of("getconf", "PAGESIZE"));
        if (!page.out().strip().equals(String.valueOf(PAGE))) {
            new SmallDisk(mountPoint).close();
            Assumptions.assumeTrue(false, "the page size is " + page.out().strip() + ", not 4096");
        }
        return new SmallDisk(mountPoint);
    }

    public Path dir() {
        return mountPoint;
    }

    /** Fills the disk so that exactly {@code pages} pages of 4 KiB stay free. */
    public void leaveFree(int pages) throws IOException {
        Files.deleteIfExists(filler);
        byte[] block = new byte[PAGE];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                written += PAGE;
            }
        } catch (IOException full) {
            // the disk is full now
        }
        long keep = Math.max(0, (Files.size(filler) / PAGE - pages) * PAGE);
        try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
            ch.truncate(keep);
        }
        long free = Files.getFileStore(mountPoint).getUsableSpace();
        if (free != (long) pages * PAGE) {
            throw new IllegalStateException("expected " + pages + " free pages on the test disk, found " + free
                    + " bytes (" + written + " written)");
        }
    }

    /** Frees the space taken by {@link #leaveFree}. */
    public void freeAll() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() {
        Tools.run(null, List.of("umount", "-l", mountPoint.toString()));
    }
}
