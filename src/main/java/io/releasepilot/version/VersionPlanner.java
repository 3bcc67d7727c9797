package io.releasepilot.version;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the questions a release manager asks of existing tags: which RC comes next, which version is
 * next on a line, and which number to take when the wanted one was already used (a retracted version number
 * is never reused: version numbers are cheap, so the next one is taken).
 */
public final class VersionPlanner {
    private final NamePattern releaseTag;
    private final NamePattern rcTag;

    public VersionPlanner(NamePattern releaseTag, NamePattern rcTag) {
        this.releaseTag = Objects.requireNonNull(releaseTag, "releaseTag");
        this.rcTag = Objects.requireNonNull(rcTag, "rcTag");
    }

    /** The next RC number of {@code version}: one more than the highest RC tag found, else 1. */
    public int nextRc(Version version, Collection<String> tags) {
        Version target = version.finalRelease();
        return tags.stream()
                .map(rcTag::match)
                .flatMap(Optional::stream)
                .filter(m -> m.version().equals(target))
                .mapToInt(NamePattern.Match::rc)
                .max()
                .orElse(0) + 1;
    }

    /** Every version that has a release tag or an RC tag: all of them are used, released or not. */
    public Set<Version> usedVersions(Collection<String> tags) {
        Set<Version> used = new HashSet<>();
        for (String tag : tags) {
            releaseTag.match(tag).ifPresent(m -> used.add(m.version().finalRelease()));
            rcTag.match(tag).ifPresent(m -> used.add(m.version().finalRelease()));
        }
        return used;
    }

    /**
     * {@code wanted} if it has no release tag yet; otherwise the next patch number without one. A version whose
     * release tag exists was made public, even if its vote then failed (httpd's retracted 2.4.13 was followed
     * by 2.4.14), so its number is never reused. RC tags alone do not take a number: a failed RC is followed
     * by the next RC of the same version.
     */
    public Version firstFree(Version wanted, Collection<String> tags) {
        Set<Version> released = new HashSet<>();
        for (String tag : tags) {
            releaseTag.match(tag).ifPresent(m -> released.add(m.version().finalRelease()));
        }
        Version candidate = wanted.finalRelease();
        while (released.contains(candidate)) {
            candidate = candidate.nextPatch();
        }
        return candidate;
    }

    /** The next patch release of line {@code major.minor}, after every version used on it. */
    public Version nextPatch(int major, int minor, Collection<String> tags) {
        return usedVersions(tags).stream()
                .filter(v -> v.major() == major && v.minor() == minor)
                .max(Comparator.naturalOrder())
                .map(Version::nextPatch)
                .orElse(Version.of(major, minor, 0));
    }

    /** The next feature release: one minor above the highest version used, as {@code x.y.0}. */
    public Version nextMinor(Collection<String> tags) {
        return usedVersions(tags).stream()
                .max(Comparator.naturalOrder())
                .map(Version::nextMinor)
                .orElse(Version.of(0, 1, 0));
    }
}
