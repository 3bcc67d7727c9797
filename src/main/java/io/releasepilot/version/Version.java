package io.releasepilot.version;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version {@code x.y.z}, optionally followed by a pre-release marker {@code aN}, {@code bN} or
 * {@code rcN} (as in {@code 2.1.0a1}, {@code 2.1.0rc2}). Versions order numerically; a pre-release comes
 * before the final release of the same number.
 */
public record Version(int major, int minor, int patch, Optional<PreRelease> preRelease)
        implements Comparable<Version> {

    private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
            + "(?:(a|b|rc)([1-9]\\d{0,8}))?");
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor)
            .thenComparingInt(Version::patch)
            .thenComparing(v -> v.preRelease().orElse(null), Comparator.nullsLast(Comparator.naturalOrder()));

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("Version numbers cannot be negative");
        }
        preRelease = preRelease == null ? Optional.empty() : preRelease;
    }

    public static Version of(int major, int minor, int patch) {
        return new Version(major, minor, patch, Optional.empty());
    }

    /** Parses {@code x.y.z} with an optional {@code aN}/{@code bN}/{@code rcN} suffix. */
    public static Version parse(String text) throws VersionFormatException {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new VersionFormatException("\"" + trimmed + "\" is not a version of the form x.y.z.",
                    "Write three numbers separated by dots, for example 2.4.0, optionally followed by a1, b2 or rc1"
                            + " (as in 2.4.0rc1). Leading zeros and a leading 'v' are not part of a version.");
        }
        Optional<PreRelease> pre = Optional.empty();
        if (m.group(4) != null) {
            PreRelease.Kind kind = switch (m.group(4)) {
                case "a" -> PreRelease.Kind.ALPHA;
                case "b" -> PreRelease.Kind.BETA;
                default -> PreRelease.Kind.RC;
            };
            pre = Optional.of(new PreRelease(kind, Integer.parseInt(m.group(5))));
        }
        return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), pre);
    }

    public boolean isPreRelease() {
        return preRelease.isPresent();
    }

    /** The same number without a pre-release marker. */
    public Version finalRelease() {
        return of(major, minor, patch);
    }

    /** {@code x.y.0}: a feature release, made from a new release branch. */
    public boolean isFeatureRelease() {
        return patch == 0;
    }

    public ReleaseKind kind() {
        return isFeatureRelease() ? ReleaseKind.FEATURE : ReleaseKind.PATCH;
    }

    public Version nextPatch() {
        return of(major, minor, patch + 1);
    }

    public Version nextMinor() {
        return of(major, minor + 1, 0);
    }

    public Version nextMajor() {
        return of(major + 1, 0, 0);
    }

    /**
     * Where the main line goes once this feature release is branched: {@code x.(y+1).0a1}. For a patch release
     * the main line does not move, so this is empty.
     */
    public Optional<Version> nextMainLine() {
        if (!isFeatureRelease()) {
            return Optional.empty();
        }
        return Optional.of(new Version(major, minor + 1, 0, Optional.of(new PreRelease(PreRelease.Kind.ALPHA, 1))));
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + preRelease.map(PreRelease::toString).orElse("");
    }
}
