package io.releasepilot.verify;

/**
 * Bounds for reading an archive safely: past any of them the archive is reported and reading stops.
 *
 * @param maxEntries    most entries (files, folders, links)
 * @param maxTotalBytes most bytes once unpacked
 * @param maxRatio      most unpacked bytes per compressed byte, once more than {@code ratioFloor} bytes were unpacked
 * @param ratioFloor    unpacked size under which the ratio is not checked (small, very compressible files are fine)
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxRatio, long ratioFloor) {
    public static final ArchiveLimits DEFAULT = new ArchiveLimits(200_000, 8L << 30, 100, 64L << 20);
}
